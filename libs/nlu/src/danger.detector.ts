// The danger check: a detector tuned for recall, run on every resident message beside the
// category. A category classifier tuned for accuracy is the wrong tool for a rare, costly class
// (an emergency read as an ordinary need), so this one looks only for signs of immediate danger
// to people and errs towards asking: an ambiguous message comes out `possible`, and the bot asks
// one yes/no question, rather than `none`.
//
// How it reads a message (words in danger-vocabulary.ts):
// 1. Normalise (half-width, ASCII lower case, ’ → ') keeping every offset.
// 2. Mask what only looks like danger (火锅, 上火, 献血, 笑死, fire drill, gas bill …).
// 3. Find the cues of each family, strong or weak.
// 4. Weigh each cue in its clause: a negation right before it (没有着火) or a class, drill,
//    campaign, story or game around it (消防演练, 新闻, fire safety talk) drops it; so does fear or
//    supposition (怕老人摔倒, 万一着火, if there is a fire), a distant past (去年发大水) and a later
//    resolution (已经扑灭了, 找回来了). Self-harm and violence that are feared or threatened stay,
//    as weak cues: "怕他想不开" deserves the question.
// 5. A learned backup reads what the words miss: a naive Bayes over characters, character pairs
//    and English stems (LearnedModel), trained on the danger development set and the ordinary
//    needs of the category development set, votes "danger" when its probability reaches
//    LEARNED_DANGER_THRESHOLD. It reads the masked text, and stays silent when the rules found
//    cues and set every one aside (a resolved fire, an injury in a legal dispute).
// 6. Level: any strong cue → likely; two weak cues at different places, or a weak cue with a
//    call for help or hurry (救命, 快来人, help, !!) → likely; one weak cue, a call for help alone
//    (救命, 打120) or the learned vote alone → possible; otherwise none.
import {
  ALARM_STRONG,
  ALARM_WEAK,
  CLAUSE_PUNCTUATION,
  DANGER_CUES,
  EN_HABIT,
  EN_HYPOTHETICAL_BEFORE,
  EN_LEGAL_AFTERMATH,
  EN_MINOR,
  EN_NEGATION_BEFORE,
  EN_PAST,
  EN_RECENT,
  EN_RECOVERY_AFTERMATH,
  EN_RESOLUTION_NEGATED,
  EN_TOPIC,
  NOT_DANGER,
  NOT_DANGER_EN,
  RESOLUTIONS,
  ZH_CONDITIONAL,
  ZH_HABIT_BEFORE,
  ZH_HABIT_IN_CLAUSE,
  ZH_HARDSHIP,
  ZH_HYPOTHETICAL_BEFORE,
  ZH_LEGAL_AFTERMATH,
  ZH_LEGAL_SOFT,
  ZH_LONG_TERM,
  ZH_MINOR,
  ZH_NEGATION_BEFORE,
  ZH_PAST,
  ZH_PREVENTION_AFTER,
  ZH_RECENT,
  ZH_RECOVERY_AFTERMATH,
  ZH_RESOLUTION_NEGATED,
  ZH_TOPIC,
  type DangerCue,
} from './danger-vocabulary.js';
import { DANGER_TRAINING, type DangerTrainingExample } from './danger-training.js';
import { LearnedModel } from './learned.model.js';
import type { DangerAssessment, DangerFamily, DangerLevel, DangerSignal } from './nlu.types.js';
import { toHalfWidth } from './text.util.js';

export const DANGER_FAMILIES: readonly DangerFamily[] = [
  'fire',
  'gas',
  'electric',
  'flood',
  'collapse',
  'trapped',
  'fall',
  'unconscious',
  'bleeding',
  'missing',
  'violence',
  'self_harm',
];

/**
 * Families whose strong cues mean "call 110/119/120 first" unless a cue says otherwise. Flood,
 * fall, missing and self-harm decide cue by cue (people in the water, a fall with injury, a
 * vulnerable person missing, an act of self-harm under way): see DangerCue.life.
 */
export const LIFE_THREATENING_FAMILIES: ReadonlySet<DangerFamily> = new Set<DangerFamily>([
  'fire',
  'gas',
  'electric',
  'collapse',
  'trapped',
  'unconscious',
  'bleeding',
  'violence',
]);

// Dangers of things rather than of a person's state.
const HAZARD_FAMILIES: ReadonlySet<DangerFamily> = new Set<DangerFamily>(['fire', 'gas', 'electric', 'flood', 'collapse', 'bleeding']);

/**
 * The learned backup votes "danger" at this probability (temperature LEARNED_DANGER_TEMPERATURE).
 * Chosen on round 2 and checked on rounds 3 and 4 of the danger development set, each scored by a
 * model trained without it, and by cross-validation for its false alarms: recall and false alarms
 * trade almost point for point around it (README, Danger check).
 */
export const LEARNED_DANGER_THRESHOLD = 0.95;
export const LEARNED_DANGER_TEMPERATURE = 3;

/** Messages are read up to here, as RuleBasedNlu reads them: time stays bounded. */
export const MAX_DANGER_TEXT_LENGTH = 2000;

// Hypothetical words count only this close before a cue (same clause): "担心老人晚上起夜摔倒".
const HYPOTHETICAL_WINDOW = 12;
// A distant-past marker counts in the cue's clause, or this close before it in the sentence.
const PAST_WINDOW = 15;
// Masked phrases become commas: a cue's window ([^，。！？]{0,n}) must not reach across them.
const MASK_CHAR = '，';

interface CompiledCue {
  family: DangerFamily;
  strength: 'strong' | 'weak';
  life: boolean | undefined;
  re: RegExp;
  english: boolean;
}

interface CompiledResolution {
  families: ReadonlySet<DangerFamily> | 'all';
  re: RegExp;
  english: boolean;
}

/** An English source: whole words, a space standing for any whitespace. */
function englishSource(sources: readonly string[]): string {
  return `\\b(?:${sources.map((s) => s.replace(/ /g, '\\s+')).join('|')})\\b`;
}

function compileCues(cues: readonly DangerCue[]): CompiledCue[] {
  const out: CompiledCue[] = [];
  for (const cue of cues) {
    if (cue.zh && cue.zh.length > 0) {
      out.push({ family: cue.family, strength: cue.strength, life: cue.life, re: new RegExp(cue.zh.join('|'), 'g'), english: false });
    }
    if (cue.en && cue.en.length > 0) {
      out.push({ family: cue.family, strength: cue.strength, life: cue.life, re: new RegExp(englishSource(cue.en), 'g'), english: true });
    }
  }
  return out;
}

const CUES = compileCues(DANGER_CUES);
const MASK_ZH = new RegExp(NOT_DANGER.join('|'), 'g');
const MASK_EN = new RegExp(englishSource(NOT_DANGER_EN), 'g');
const ALARM_STRONG_RE = new RegExp(ALARM_STRONG.map((s) => s.replace(/ /g, '\\s+')).join('|'), 'g');
const ALARM_WEAK_RE = new RegExp(ALARM_WEAK.join('|'), 'g');
const RESOLUTION_RES: CompiledResolution[] = RESOLUTIONS.flatMap((r) => {
  const families = r.families === 'all' ? 'all' : new Set(r.families);
  const out: CompiledResolution[] = [];
  if (r.zh) out.push({ families, re: new RegExp(r.zh, 'g'), english: false });
  if (r.en) out.push({ families, re: new RegExp(englishSource([r.en]), 'g'), english: true });
  return out;
});

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const LATIN = /[a-z]/;
const SENTENCE_END = /[。！？!?\n\r]/;

/** Half-width, ASCII lower case, ’ as ': one UTF-16 unit for one, so offsets stay valid. */
function normalise(text: string): string {
  const half = toHalfWidth(text);
  let out = '';
  for (let i = 0; i < half.length; i++) {
    const c = half.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c === 0x2019 || c === 0x2018) out += "'";
    else out += half[i];
  }
  return out;
}

function mask(text: string, re: RegExp): string {
  return text.replace(re, (m) => MASK_CHAR.repeat(m.length));
}

/** Where clauses end: punctuation, or whitespace with Chinese on either side. */
function clauseBreaks(text: string): Uint8Array {
  const breaks = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (CLAUSE_PUNCTUATION.test(ch)) breaks[i] = 1;
    else if (/\s/.test(ch) && (CJK.test(text[i - 1] ?? '') || CJK.test(text[i + 1] ?? ''))) breaks[i] = 1;
  }
  return breaks;
}

interface Span {
  start: number;
  end: number;
}

function clauseOf(breaks: Uint8Array, start: number, end: number): Span {
  let s = start;
  while (s > 0 && !breaks[s - 1]) s--;
  let e = Math.max(end, start);
  while (e < breaks.length && !breaks[e]) e++;
  return { start: s, end: e };
}

function sentenceStart(text: string, start: number): number {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1]!)) s--;
  return s;
}

/** The end of the last match of `re` in `text`, or -1. */
function lastMatchEnd(re: RegExp, text: string): number {
  const g = new RegExp(re.source, 'g');
  let end = -1;
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    end = m.index + m[0].length;
    if (m[0].length === 0) g.lastIndex++;
  }
  return end;
}

interface Candidate extends Span {
  family: DangerFamily;
  strength: 'strong' | 'weak';
  life: boolean | undefined;
  english: boolean;
}

/** keep; drop; cap (stands at most as a weak cue); demote (strong → weak, weak → drop). */
type Verdict = 'keep' | 'drop' | 'cap' | 'demote';

/** What the whole message says about its cues: the danger is over, disputed, or money trouble. */
interface MessageContext {
  legal: boolean;
  legalSoft: boolean;
  recovery: boolean;
  hardship: boolean;
}

function messageContext(text: string): MessageContext {
  return {
    legal: ZH_LEGAL_AFTERMATH.test(text) || EN_LEGAL_AFTERMATH.test(text),
    legalSoft: ZH_LEGAL_SOFT.test(text),
    recovery: ZH_RECOVERY_AFTERMATH.test(text) || EN_RECOVERY_AFTERMATH.test(text),
    hardship: ZH_HARDSHIP.test(text),
  };
}

function isNegated(text: string, breaks: Uint8Array, c: Span & { english: boolean }): boolean {
  const before = text.slice(clauseOf(breaks, c.start, c.end).start, c.start);
  return c.english ? EN_NEGATION_BEFORE.test(before) : ZH_NEGATION_BEFORE.test(before);
}

// Self-harm and violence that are feared, threatened or told in passing still get the question.
function capOrDrop(family: DangerFamily | null): Verdict {
  return family === 'self_harm' || family === 'violence' ? 'cap' : 'drop';
}

/** Reads a cue in its clause, sentence and message. */
function weigh(text: string, breaks: Uint8Array, ctx: MessageContext, c: Span & { english: boolean; family: DangerFamily | null }): Verdict {
  const clause = clauseOf(breaks, c.start, c.end);
  const before = text.slice(clause.start, c.start);
  const after = text.slice(c.end, clause.end);
  const clauseText = text.slice(clause.start, clause.end);
  if (isNegated(text, breaks, c)) return 'drop';
  // Experiential 过 right after a cue is a past event: "走丢过一次", "摔过", "晕倒过".
  if (/^过(?!来|去|气|不)/.test(text.slice(c.end, c.end + 2))) return 'drop';
  if (ZH_TOPIC.test(clauseText) || EN_TOPIC.test(clauseText)) return 'drop';
  if (ctx.legal) return 'drop';
  const near = before.slice(-HYPOTHETICAL_WINDOW);
  const feared = ZH_HYPOTHETICAL_BEFORE.test(c.english ? before : near) || EN_HYPOTHETICAL_BEFORE.test(before) || ZH_PREVENTION_AFTER.test(after);
  if (feared) return capOrDrop(c.family);
  const sStart = sentenceStart(text, c.start);
  const lead = text.slice(sStart, c.start);
  // A habit ("老人经常摔倒", "they fight every night") is a risk or a quarrel, not an event.
  if (ZH_HABIT_BEFORE.test(before) || ZH_HABIT_IN_CLAUSE.test(before) || ZH_CONDITIONAL.test(lead) || (c.english && EN_HABIT.test(clauseText))) {
    if (c.family === 'fall' || c.family === 'bleeding' || c.family === 'unconscious' || c.family === 'missing') return 'drop';
    if (c.family === 'violence') return 'demote';
  }
  // Long-standing ("困在家里好几个月") is a need, not an emergency; abuse that lasts is still asked about.
  if (ZH_LONG_TERM.test(clauseText)) {
    if (c.family === 'violence' || c.family === 'self_harm') return 'cap';
    if (c.family === 'trapped' || c.family === 'fall' || c.family === 'unconscious' || c.family === 'missing') return 'drop';
  }
  // Minor ("有一点烟味", "flooded the floor a bit"): a hazard this small is no emergency; a person's
  // state ("有点晕倒的感觉") still gets the question.
  if (c.family !== null && (ZH_MINOR.test(before) || EN_MINOR.test(clauseText))) {
    if (HAZARD_FAMILIES.has(c.family)) return 'drop';
    if (c.family !== 'self_harm' && c.family !== 'violence') return 'demote';
  }
  // Distant past, unless something recent comes between it and the cue ("去年…今天又…").
  const pastLead = text.slice(Math.max(sStart, Math.min(clause.start, c.start - PAST_WINDOW)), c.start);
  const pastEnd = Math.max(lastMatchEnd(ZH_PAST, pastLead), lastMatchEnd(EN_PAST, pastLead));
  if (pastEnd >= 0 && !ZH_RECENT.test(pastLead.slice(pastEnd)) && !EN_RECENT.test(pastLead.slice(pastEnd))) return 'drop';
  if (c.english && EN_PAST.test(after)) return 'drop';
  if (ctx.recovery) return capOrDrop(c.family);
  if (ctx.legalSoft && c.family === 'violence') return 'cap';
  if (ctx.hardship && c.family === 'self_harm') return 'demote';
  return 'keep';
}

/** Start offsets of resolutions per family ("已经扑灭了"): cues of those families before them are over. */
function resolutions(text: string): Array<{ families: ReadonlySet<DangerFamily> | 'all'; start: number }> {
  const out: Array<{ families: ReadonlySet<DangerFamily> | 'all'; start: number }> = [];
  const hasCjk = CJK.test(text);
  const hasLatin = LATIN.test(text);
  for (const r of RESOLUTION_RES) {
    if (r.english ? !hasLatin : !hasCjk) continue;
    r.re.lastIndex = 0;
    for (let m = r.re.exec(text); m !== null; m = r.re.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 4), m.index);
      const negated = r.english ? EN_RESOLUTION_NEGATED.test(text.slice(Math.max(0, m.index - 12), m.index)) : ZH_RESOLUTION_NEGATED.test(before);
      if (!negated) out.push({ families: r.families, start: m.index });
      if (m[0].length === 0) r.re.lastIndex++;
    }
  }
  return out;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export interface DangerDetectorOptions {
  /** Labelled messages for the learned backup; default DANGER_TRAINING; `[]` turns it off (rules alone). */
  training?: readonly DangerTrainingExample[];
  /** The learned vote's probability threshold; default LEARNED_DANGER_THRESHOLD. */
  threshold?: number;
}

const models = new WeakMap<readonly DangerTrainingExample[], LearnedModel | null>();

function trainedModel(training: readonly DangerTrainingExample[]): LearnedModel | null {
  if (training.length === 0) return null;
  if (!models.has(training)) {
    const examples = training.map((e) => ({ text: e.text, category: e.danger ? 'danger' : 'ordinary' }));
    models.set(training, LearnedModel.train(examples, ['danger', 'ordinary'], { temperature: LEARNED_DANGER_TEMPERATURE }));
  }
  return models.get(training) ?? null;
}

/**
 * The danger check with its learned backup. `assessDanger` uses one built with the defaults;
 * build your own to train on other examples or to turn learning off.
 */
export class DangerDetector {
  private readonly model: LearnedModel | null;
  private readonly threshold: number;

  constructor(opts: DangerDetectorOptions = {}) {
    this.model = trainedModel(opts.training ?? DANGER_TRAINING);
    this.threshold = opts.threshold ?? LEARNED_DANGER_THRESHOLD;
  }

  /** The learned model's probability that a (normalised, masked) message shows danger; 0 without a model. */
  private learned(masked: string): number {
    return this.model?.posterior(masked)?.probabilities[0] ?? 0;
  }

  assess(text: string): DangerAssessment {
    const input = (typeof text === 'string' ? text : '').slice(0, MAX_DANGER_TEXT_LENGTH);
    if (input.trim() === '') return { level: 'none', signals: [], families: [], lifeThreatening: false, selfHarm: false };
    const normal = normalise(input);
    const hasCjk = CJK.test(normal);
    const hasLatin = LATIN.test(normal);
    let masked = hasCjk ? mask(normal, MASK_ZH) : normal;
    if (hasLatin) masked = mask(masked, MASK_EN);
    const breaks = clauseBreaks(normal);

    const candidates: Candidate[] = [];
    for (const cue of CUES) {
      if (cue.english ? !hasLatin : !hasCjk) continue;
      cue.re.lastIndex = 0;
      for (let m = cue.re.exec(masked); m !== null; m = cue.re.exec(masked)) {
        if (m[0].length === 0) {
          cue.re.lastIndex++;
          continue;
        }
        candidates.push({ family: cue.family, strength: cue.strength, life: cue.life, english: cue.english, start: m.index, end: m.index + m[0].length });
      }
    }

    const resolved = candidates.length > 0 ? resolutions(normal) : [];
    const ctx = messageContext(normal);
    const kept: Candidate[] = [];
    // A family the resident denies outright ("没有着火，就是有点焦味") loses its weak cues too.
    const denied = new Set<DangerFamily>();
    for (const c of candidates) {
      if (resolved.some((r) => r.start >= c.end && (r.families === 'all' || r.families.has(c.family)))) continue;
      const verdict = weigh(normal, breaks, ctx, c);
      if (verdict === 'drop' || (verdict === 'demote' && c.strength === 'weak')) {
        if (c.strength === 'strong' && isNegated(normal, breaks, c)) denied.add(c.family);
        continue;
      }
      kept.push(verdict !== 'keep' && c.strength === 'strong' ? { ...c, strength: 'weak', life: false } : c);
    }
    if (denied.size > 0) {
      for (let i = kept.length - 1; i >= 0; i--) if (kept[i]!.strength === 'weak' && denied.has(kept[i]!.family)) kept.splice(i, 1);
    }

    // One signal per place and family: a weak cue inside a strong one of its family (or a shorter
    // one inside a longer one of the same strength) says nothing more.
    const signals = kept.filter(
      (c) =>
        !kept.some(
          (o) =>
            o !== c &&
            o.family === c.family &&
            overlaps(o, c) &&
            ((o.strength === 'strong' && c.strength === 'weak') ||
              (o.strength === c.strength && (o.end - o.start > c.end - c.start || (o.end - o.start === c.end - c.start && o.start < c.start)))),
        ),
    );
    signals.sort((a, b) => a.start - b.start || a.end - b.end);

    let alarmStrong = false;
    let alarmWeak = false;
    for (const [re, strong] of [
      [ALARM_STRONG_RE, true],
      [ALARM_WEAK_RE, false],
    ] as const) {
      re.lastIndex = 0;
      for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const verdict = weigh(normal, breaks, ctx, { start: m.index, end: m.index + m[0].length, english: !CJK.test(m[0]), family: null });
        if (verdict !== 'drop') {
          if (strong) alarmStrong = true;
          else alarmWeak = true;
          break;
        }
      }
    }

    const strong = signals.some((s) => s.strength === 'strong');
    const weak = signals.filter((s) => s.strength === 'weak');
    const weakPlaces = weak.filter((w, i) => !weak.some((o, j) => j < i && overlaps(o, w))).length;
    let level: DangerLevel = 'none';
    if (strong || weakPlaces >= 2 || (weakPlaces >= 1 && (alarmStrong || alarmWeak))) level = 'likely';
    else if (weakPlaces >= 1 || alarmStrong) level = 'possible';
    // The learned vote only turns none into possible: it learned the cues' own words, so beside a
    // cue it would count them twice. It stays silent when the rules saw cues and set them all aside.
    else if (candidates.length === 0 && this.learned(masked) >= this.threshold) level = 'possible';

    const out: DangerSignal[] = signals.map((s) => ({ family: s.family, text: input.slice(s.start, s.end), start: s.start, end: s.end, strength: s.strength }));
    const families = [...new Set(out.map((s) => s.family))];
    const lifeThreatening = signals.some((s) => s.life ?? (s.strength === 'strong' && LIFE_THREATENING_FAMILIES.has(s.family)));
    return { level, signals: out, families, lifeThreatening, selfHarm: families.includes('self_harm') };
  }
}

let defaultDetector: DangerDetector | null = null;

/** The detector assessDanger uses, built (and its learned backup trained) on first use. */
export function defaultDangerDetector(): DangerDetector {
  if (!defaultDetector) {
    defaultDetector = new DangerDetector();
    // V8 compiles each regular expression on its first use: do it here, once, with a message in
    // both languages, rather than in the first resident's message.
    defaultDetector.assess('预热：家里没有着火，no fire here, just warming up 123');
  }
  return defaultDetector;
}

/**
 * Signs of immediate danger to people in a resident's message (Chinese, English or both), with
 * a level: `likely` (act as an emergency now), `possible` (ask one yes/no question) or `none`.
 * Synchronous and deterministic; the first call trains the learned backup (~0.1 s; RuleBasedNlu
 * does it when it is built), later calls take well under a millisecond.
 */
export function assessDanger(text: string): DangerAssessment {
  return defaultDangerDetector().assess(text);
}
