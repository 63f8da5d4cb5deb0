// Scores the danger check against labelled JSON lines (libs/nlu/data/danger-*.jsonl). Recall
// counts a danger message as found when the level is `likely` or `possible`; a false alarm is an
// ordinary need at either level. Used by scripts/nlu-eval.ts and the benchmark; no I/O here.
import { DANGER_FAMILIES } from './danger.detector.js';
import type { Rate } from './nlu.evaluation.js';
import type { DangerAssessment, DangerFamily, DangerLevel } from './nlu.types.js';

/**
 * One labelled message: `family` is the main danger, "none" for an ordinary need, or
 * "unspecified" for danger of no one family ("救命").
 */
export interface DangerExample {
  text: string;
  danger: boolean;
  family: DangerFamily | 'none' | 'unspecified';
  category?: string;
  /** An ordinary need written to look like danger (火锅, 消防演练, 想死你们了 …). */
  hard?: boolean;
}

export interface DangerFamilyStats {
  /** Messages of this family found (likely or possible). */
  recall: Rate;
  likely: number;
  possible: number;
  /** Messages of this family whose assessment names the family among its families. */
  familyNamed: Rate;
}

export interface DangerMiss {
  text: string;
  family: DangerExample['family'];
  level: DangerLevel;
  families: DangerFamily[];
}

export interface DangerReport {
  messages: number;
  recall: Rate;
  falseAlarms: Rate;
  /** False alarms among the hard negatives only (when some are marked). */
  hardFalseAlarms: Rate;
  /** How the danger messages and the ordinary ones came out. */
  split: { danger: Record<DangerLevel, number>; ordinary: Record<DangerLevel, number> };
  perFamily: Partial<Record<DangerFamily, DangerFamilyStats>>;
  /** Danger messages assessed `none`. */
  misses: DangerMiss[];
  /** Ordinary messages assessed `likely` or `possible`. */
  falseAlarmList: DangerMiss[];
}

const FAMILY_SET: ReadonlySet<string> = new Set(DANGER_FAMILIES);

function rate(hit: number, total: number): Rate {
  return { hit, total, rate: total === 0 ? null : hit / total };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFamilyLabel(s: string): s is DangerExample['family'] {
  return s === 'none' || s === 'unspecified' || FAMILY_SET.has(s);
}

/**
 * Reads `{"text", "danger", "family"?, "category"?, "hard"?}` lines (without a family, a danger
 * message is "unspecified": the corrections export's shape); throws on a malformed line.
 */
export function parseDangerExamples(jsonl: string, source = 'data'): DangerExample[] {
  const out: DangerExample[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed: unknown = JSON.parse(line);
    const where = `${source}:${i + 1}`;
    if (!isRecord(parsed) || typeof parsed['text'] !== 'string' || typeof parsed['danger'] !== 'boolean') {
      throw new Error(`${where}: needs "text" and a boolean "danger"`);
    }
    // Coordinators' corrections (npm run nlu:corrections) carry no family: danger of no one family.
    const family = parsed['family'] ?? (parsed['danger'] ? 'unspecified' : 'none');
    if (typeof family !== 'string' || !isFamilyLabel(family)) throw new Error(`${where}: unknown family ${String(family)}`);
    if (parsed['danger'] === (family === 'none')) throw new Error(`${where}: "danger" and "family" disagree`);
    const example: DangerExample = { text: parsed['text'], danger: parsed['danger'], family };
    if (typeof parsed['category'] === 'string') example.category = parsed['category'];
    if (parsed['hard'] === true) example.hard = true;
    out.push(example);
  });
  return out;
}

export function evaluateDanger(examples: readonly DangerExample[], assess: (text: string) => DangerAssessment): DangerReport {
  const split = {
    danger: { none: 0, possible: 0, likely: 0 } as Record<DangerLevel, number>,
    ordinary: { none: 0, possible: 0, likely: 0 } as Record<DangerLevel, number>,
  };
  const perFamily: Partial<Record<DangerFamily, { found: number; total: number; likely: number; possible: number; named: number }>> = {};
  const misses: DangerMiss[] = [];
  const falseAlarmList: DangerMiss[] = [];
  let hard = 0;
  let hardFlagged = 0;
  for (const ex of examples) {
    const a = assess(ex.text);
    const found = a.level !== 'none';
    if (ex.danger) {
      split.danger[a.level]++;
      if (ex.family !== 'none' && ex.family !== 'unspecified') {
        const f = (perFamily[ex.family] ??= { found: 0, total: 0, likely: 0, possible: 0, named: 0 });
        f.total++;
        if (found) f.found++;
        if (a.level === 'likely') f.likely++;
        if (a.level === 'possible') f.possible++;
        if (a.families.includes(ex.family)) f.named++;
      }
      if (!found) misses.push({ text: ex.text, family: ex.family, level: a.level, families: a.families });
    } else {
      split.ordinary[a.level]++;
      if (ex.hard) {
        hard++;
        if (found) hardFlagged++;
      }
      if (found) falseAlarmList.push({ text: ex.text, family: 'none', level: a.level, families: a.families });
    }
  }
  const positives = split.danger.none + split.danger.possible + split.danger.likely;
  const negatives = split.ordinary.none + split.ordinary.possible + split.ordinary.likely;
  const stats: Partial<Record<DangerFamily, DangerFamilyStats>> = {};
  for (const family of DANGER_FAMILIES) {
    const f = perFamily[family];
    if (f) stats[family] = { recall: rate(f.found, f.total), likely: f.likely, possible: f.possible, familyNamed: rate(f.named, f.total) };
  }
  return {
    messages: examples.length,
    recall: rate(positives - split.danger.none, positives),
    falseAlarms: rate(negatives - split.ordinary.none, negatives),
    hardFalseAlarms: rate(hardFlagged, hard),
    split,
    perFamily: stats,
    misses,
    falseAlarmList,
  };
}

function pct(r: Rate): string {
  return r.rate === null ? 'n/a' : `${(r.rate * 100).toFixed(1)}% (${r.hit}/${r.total})`;
}

/** Texts in listings are cut to this many characters. */
export const LISTED_TEXT_LENGTH = 60;

function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > LISTED_TEXT_LENGTH ? flat.slice(0, LISTED_TEXT_LENGTH) + '…' : flat;
}

/**
 * A plain-text report: recall and false alarms overall and per family, the likely/possible split,
 * and the misses (always: they are what to fix). False alarms are listed when `showFalseAlarms`.
 */
export function formatDangerReport(name: string, r: DangerReport, showFalseAlarms = true): string {
  const lines: string[] = [];
  lines.push(`== danger, ${name}: ${r.messages} messages`);
  lines.push(`recall             ${pct(r.recall)}   (likely ${r.split.danger.likely}, possible ${r.split.danger.possible}, missed ${r.split.danger.none})`);
  lines.push(`false alarms       ${pct(r.falseAlarms)}   (likely ${r.split.ordinary.likely}, possible ${r.split.ordinary.possible})`);
  if (r.hardFalseAlarms.total > 0) lines.push(`  on hard negatives ${pct(r.hardFalseAlarms)}`);
  lines.push('');
  lines.push('family        recall            likely possible  family named');
  for (const [family, s] of Object.entries(r.perFamily)) {
    lines.push(`${family.padEnd(13)} ${pct(s.recall).padEnd(17)} ${String(s.likely).padStart(6)} ${String(s.possible).padStart(8)}  ${pct(s.familyNamed)}`);
  }
  if (r.misses.length > 0) {
    lines.push('');
    lines.push('misses (danger read as none):');
    for (const m of r.misses) lines.push(`  [${m.family}] ${cut(m.text)}`);
  }
  if (showFalseAlarms && r.falseAlarmList.length > 0) {
    lines.push('');
    lines.push('false alarms:');
    for (const m of r.falseAlarmList) lines.push(`  [${m.level} ${m.families.join(',') || 'alarm'}] ${cut(m.text)}`);
  }
  return lines.join('\n');
}

/** The headline numbers, for --json and the benchmark. */
export function summariseDanger(r: DangerReport): Record<string, unknown> {
  const { misses, falseAlarmList, ...rest } = r;
  return { ...rest, missCount: misses.length, falseAlarmCount: falseAlarmList.length };
}

/** A danger label for a message of a category data set (libs/nlu/data/existing-danger-labels.jsonl). */
export interface ExistingDangerLabel {
  set: string;
  /** 1-based line of the message in its set. */
  line: number;
  family: DangerFamily | 'unspecified';
  /** The message, to check that the line still holds it. */
  text: string;
}

export function parseExistingLabels(jsonl: string, source = 'labels'): ExistingDangerLabel[] {
  const out: ExistingDangerLabel[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const p: unknown = JSON.parse(line);
    const where = `${source}:${i + 1}`;
    if (!isRecord(p) || typeof p['set'] !== 'string' || typeof p['line'] !== 'number' || typeof p['text'] !== 'string' || typeof p['family'] !== 'string') {
      throw new Error(`${where}: needs "set", "line", "family" and "text"`);
    }
    const family = p['family'];
    if (family !== 'unspecified' && !FAMILY_SET.has(family)) throw new Error(`${where}: unknown family ${family}`);
    out.push({ set: p['set'], line: p['line'], family: family as DangerFamily | 'unspecified', text: p['text'] });
  });
  return out;
}

/**
 * The messages of a category data set as danger examples: those with a label are danger, every
 * other message is an ordinary need. Throws when a label's line no longer holds its text.
 */
export function dangerExamplesOf(set: string, texts: readonly string[], labels: readonly ExistingDangerLabel[]): DangerExample[] {
  const byLine = new Map(labels.filter((l) => l.set === set).map((l) => [l.line, l]));
  for (const l of byLine.values()) {
    if (texts[l.line - 1] !== l.text) throw new Error(`danger label for ${set} line ${l.line} does not match the message there`);
  }
  return texts.map((text, i) => {
    const label = byLine.get(i + 1);
    return label ? { text, danger: true, family: label.family } : { text, danger: false, family: 'none' };
  });
}
