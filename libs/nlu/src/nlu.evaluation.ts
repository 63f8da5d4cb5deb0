// Scores an NLU against labelled JSON-lines data (libs/nlu/data/*.jsonl, the shared sample).
// Used by scripts/nlu-eval.ts and the benchmark; no I/O here besides parsing given text.
import type { Understanding } from './nlu.types.js';

/** One labelled message. Labels other than category are optional; absent phone means "no phone". */
export interface LabelledExample {
  text: string;
  category: string;
  beneficiary?: string;
  urgency?: string;
  phone?: string | null;
  phones?: string[];
  /** The words that state the time. */
  time?: string;
  timeStart?: string;
  timeRecurring?: { weekdays: number[]; partOfDay?: string };
  place?: Record<string, string>;
}

/** The reference "now" of every data set: a Wednesday morning in Asia/Shanghai. */
export const EVAL_NOW = new Date('2025-03-12T09:00:00+08:00');
export const EVAL_TIME_ZONE = 'Asia/Shanghai';

export interface Rate {
  hit: number;
  total: number;
  rate: number | null;
}

export interface CategoryStats {
  precision: number | null;
  recall: number | null;
  support: number;
}

export interface Miss {
  kind: 'category' | 'top3' | 'beneficiary' | 'urgency' | 'phone' | 'time' | 'place';
  text: string;
  expected: string;
  got: string;
}

export interface EvaluationReport {
  messages: number;
  top1: Rate;
  top3: Rate;
  beneficiary: Rate;
  urgency: Rate;
  /** Messages with a labelled phone whose first phone (and phone list, if labelled) came out exactly. */
  phone: Rate;
  /** Messages labelled without a phone where one was found anyway. */
  phoneFalsePositives: Rate;
  /** Messages with a labelled time where a time was found and its labelled start/recurrence match. */
  time: Rate;
  /** Labelled times whose start was resolved exactly (only those with timeStart). */
  timeStart: Rate;
  place: Rate;
  perCategory: Record<string, CategoryStats>;
  /** confusion[expected][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
  misses: Miss[];
}

function rate(hit: number, total: number): Rate {
  return { hit, total, rate: total === 0 ? null : hit / total };
}

export function parseExamples(jsonl: string, source = 'data'): LabelledExample[] {
  const out: LabelledExample[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || !('text' in parsed) || !('category' in parsed)) {
      throw new Error(`${source}:${i + 1}: needs "text" and "category"`);
    }
    out.push(parsed as LabelledExample);
  });
  return out;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function evaluate(examples: readonly LabelledExample[], understand: (text: string) => Understanding, categories: readonly string[]): EvaluationReport {
  const misses: Miss[] = [];
  const confusion: Record<string, Record<string, number>> = {};
  const codes = [...new Set([...categories, ...examples.map((e) => e.category)])];
  for (const a of codes) confusion[a] = Object.fromEntries(codes.map((b) => [b, 0]));
  let top1 = 0;
  let top3 = 0;
  const ben = { hit: 0, total: 0 };
  const urg = { hit: 0, total: 0 };
  const phone = { hit: 0, total: 0 };
  const phoneFp = { hit: 0, total: 0 };
  const time = { hit: 0, total: 0 };
  const timeStart = { hit: 0, total: 0 };
  const place = { hit: 0, total: 0 };

  for (const ex of examples) {
    const u = understand(ex.text);
    const row = (confusion[ex.category] ??= {});
    row[u.category] = (row[u.category] ?? 0) + 1;
    if (u.category === ex.category) top1++;
    else
      misses.push({
        kind: 'category',
        text: ex.text,
        expected: ex.category,
        got: `${u.category} (${u.confidence}) alt ${u.alternatives
          .map((a) => a.code)
          .slice(0, 2)
          .join(',')}`,
      });
    const top = [u.category, ...u.alternatives.map((a) => a.code)].slice(0, 3);
    if (top.includes(ex.category)) top3++;
    else misses.push({ kind: 'top3', text: ex.text, expected: ex.category, got: top.join(',') });

    if (ex.beneficiary !== undefined) {
      ben.total++;
      if (u.beneficiary === ex.beneficiary) ben.hit++;
      else misses.push({ kind: 'beneficiary', text: ex.text, expected: ex.beneficiary, got: u.beneficiary });
    }
    if (ex.urgency !== undefined) {
      urg.total++;
      if (u.urgency === ex.urgency) urg.hit++;
      else misses.push({ kind: 'urgency', text: ex.text, expected: ex.urgency, got: u.urgency });
    }
    if (typeof ex.phone === 'string') {
      phone.total++;
      const listOk = ex.phones === undefined || (ex.phones.length === u.phones.length && ex.phones.every((p, i) => p === u.phones[i]));
      if (u.phone === ex.phone && listOk) phone.hit++;
      else misses.push({ kind: 'phone', text: ex.text, expected: [ex.phone, ...(ex.phones ?? [])].join(' '), got: u.phones.join(' ') || 'null' });
    } else {
      phoneFp.total++;
      if (u.phone !== null) {
        phoneFp.hit++;
        misses.push({ kind: 'phone', text: ex.text, expected: 'null', got: u.phones.join(' ') });
      }
    }
    if (ex.time !== undefined) {
      time.total++;
      let ok = u.time !== null;
      if (ex.timeStart !== undefined) {
        timeStart.total++;
        const startOk = u.time?.start === ex.timeStart;
        if (startOk) timeStart.hit++;
        ok &&= startOk;
      }
      if (ex.timeRecurring !== undefined) {
        const r = u.time?.recurring;
        ok &&=
          r !== undefined &&
          sameList(r.weekdays, ex.timeRecurring.weekdays) &&
          (ex.timeRecurring.partOfDay === undefined || r.partOfDay === ex.timeRecurring.partOfDay);
      }
      if (ok) time.hit++;
      else
        misses.push({
          kind: 'time',
          text: ex.text,
          expected: JSON.stringify({ text: ex.time, start: ex.timeStart, recurring: ex.timeRecurring }),
          got: JSON.stringify(u.time),
        });
    }
    if (ex.place !== undefined) {
      place.total++;
      const got = u.place as Record<string, unknown> | null;
      const ok = got !== null && Object.entries(ex.place).every(([k, v]) => got[k] === v);
      if (ok) place.hit++;
      else misses.push({ kind: 'place', text: ex.text, expected: JSON.stringify(ex.place), got: JSON.stringify(u.place) });
    }
  }

  const perCategory: Record<string, CategoryStats> = {};
  for (const code of codes) {
    const tp = confusion[code]?.[code] ?? 0;
    const predicted = codes.reduce((s, a) => s + (confusion[a]?.[code] ?? 0), 0);
    const support = codes.reduce((s, b) => s + (confusion[code]?.[b] ?? 0), 0);
    perCategory[code] = { precision: predicted === 0 ? null : tp / predicted, recall: support === 0 ? null : tp / support, support };
  }

  return {
    messages: examples.length,
    top1: rate(top1, examples.length),
    top3: rate(top3, examples.length),
    beneficiary: rate(ben.hit, ben.total),
    urgency: rate(urg.hit, urg.total),
    phone: rate(phone.hit, phone.total),
    phoneFalsePositives: rate(phoneFp.hit, phoneFp.total),
    time: rate(time.hit, time.total),
    timeStart: rate(timeStart.hit, timeStart.total),
    place: rate(place.hit, place.total),
    perCategory,
    confusion,
    misses,
  };
}

function pct(r: Rate): string {
  return r.rate === null ? 'n/a' : `${(r.rate * 100).toFixed(1)}% (${r.hit}/${r.total})`;
}

function fmt(n: number | null): string {
  return n === null ? '  -  ' : n.toFixed(2).padStart(5);
}

/** A plain-text report: headline rates, per-category precision/recall, confusion matrix, misses. */
export function formatReport(name: string, r: EvaluationReport, showMisses: boolean): string {
  const lines: string[] = [];
  lines.push(`== ${name}: ${r.messages} messages`);
  lines.push(`category top-1     ${pct(r.top1)}`);
  lines.push(`category top-3     ${pct(r.top3)}`);
  lines.push(`beneficiary        ${pct(r.beneficiary)}`);
  lines.push(`urgency            ${pct(r.urgency)}`);
  lines.push(`phone extraction   ${pct(r.phone)}   false positives ${pct(r.phoneFalsePositives)}`);
  lines.push(`time extraction    ${pct(r.time)}   exact start ${pct(r.timeStart)}`);
  lines.push(`place fields       ${pct(r.place)}`);
  lines.push('');
  lines.push('category      precision recall support');
  for (const [code, s] of Object.entries(r.perCategory)) {
    lines.push(`${code.padEnd(13)} ${fmt(s.precision)}     ${fmt(s.recall)}  ${String(s.support).padStart(5)}`);
  }
  lines.push('');
  const codes = Object.keys(r.confusion);
  const abbrev = codes.map((c) => c.slice(0, 4));
  lines.push(`confusion (rows expected, columns predicted)`);
  lines.push(`${''.padEnd(13)}${abbrev.map((a) => a.padStart(5)).join('')}`);
  for (const a of codes) {
    lines.push(`${a.padEnd(13)}${codes.map((b) => String(r.confusion[a]?.[b] || '.').padStart(5)).join('')}`);
  }
  if (showMisses && r.misses.length > 0) {
    lines.push('');
    lines.push('misses:');
    for (const m of r.misses) lines.push(`  [${m.kind}] expected ${m.expected}, got ${m.got} :: ${m.text}`);
  }
  return lines.join('\n');
}

/** The headline numbers only, for --json. */
export function summarise(r: EvaluationReport): Record<string, unknown> {
  const { misses, ...rest } = r;
  return { ...rest, missCount: misses.length };
}
