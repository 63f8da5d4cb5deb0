// Cross-validation of the danger check's learned backup: each fold's messages are assessed by a
// detector whose learned half was trained on the other folds, for a range of thresholds. The rules
// were written while reading these messages, so the figures measure the learned vote honestly and
// the rules only as tuned. crossValidateDanger is used by `nlu:eval -- --danger-cv` for
// LEARNED_DANGER_THRESHOLD; leaveOneSetOut (a stranger's whole set held out, decision 0068) by
// scripts/nlu-danger-cv.ts for LEARNED_ASIDE_THRESHOLD and the per-set figures.
import { DangerDetector, type LearnedReading } from './danger.detector.js';
import { LEARNED_DANGER_LEARNER, type DangerLearner } from './danger.learned.js';
import type { DangerTrainingExample } from './danger-training.js';
import type { LogisticModelOptions } from './logistic.model.js';
import type { Rate } from './nlu.evaluation.js';

export interface DangerThresholdRow {
  threshold: number;
  /** Danger messages found (rules or learned vote). */
  recall: Rate;
  /** Ordinary needs flagged (rules or learned vote). */
  falseAlarms: Rate;
  /** Messages the learned vote alone turned to `possible`: danger / ordinary. */
  learnedFound: number;
  learnedFalseAlarms: number;
}

export interface DangerCrossValidation {
  folds: number;
  messages: number;
  /** The rules alone (no learned vote). */
  rules: { recall: Rate; falseAlarms: Rate };
  rows: DangerThresholdRow[];
}

/**
 * How many false alarms the learned vote may add, per ordinary need, in cross-validation: the rules
 * already spend most of the 5 % the issue allows on a stranger's set.
 */
export const LEARNED_FALSE_ALARM_BUDGET = 0.01;

export const DEFAULT_THRESHOLDS: readonly number[] = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99];

function rate(hit: number, total: number): Rate {
  return { hit, total, rate: total === 0 ? null : hit / total };
}

/** Message i goes to fold i mod `folds`; deterministic. */
export function crossValidateDanger(
  examples: readonly DangerTrainingExample[],
  folds = 10,
  thresholds: readonly number[] = DEFAULT_THRESHOLDS,
): DangerCrossValidation {
  const rulesOnly = new DangerDetector({ training: [] });
  // Per message: did the rules flag it, and the learned probability when the vote is consulted.
  const flagged: boolean[] = examples.map((e) => rulesOnly.assess(e.text).level !== 'none');
  const vote: Array<number | null> = new Array<number | null>(examples.length).fill(null);
  for (let f = 0; f < folds; f++) {
    const training = examples.filter((_, i) => i % folds !== f);
    const detector = new DangerDetector({ training });
    examples.forEach((e, i) => {
      if (i % folds === f && !flagged[i]) vote[i] = detector.learnedVote(e.text);
    });
  }
  const positives = examples.filter((e) => e.danger).length;
  const negatives = examples.length - positives;
  const rulesFound = examples.filter((e, i) => e.danger && flagged[i]).length;
  const rulesFalse = examples.filter((e, i) => !e.danger && flagged[i]).length;
  const rows = thresholds.map((threshold) => {
    let found = 0;
    let falseAlarms = 0;
    examples.forEach((e, i) => {
      const v = vote[i];
      if (v !== null && v !== undefined && v >= threshold) {
        if (e.danger) found++;
        else falseAlarms++;
      }
    });
    return {
      threshold,
      recall: rate(rulesFound + found, positives),
      falseAlarms: rate(rulesFalse + falseAlarms, negatives),
      learnedFound: found,
      learnedFalseAlarms: falseAlarms,
    };
  });
  return { folds, messages: examples.length, rules: { recall: rate(rulesFound, positives), falseAlarms: rate(rulesFalse, negatives) }, rows };
}

/**
 * The threshold to use: the lowest whose learned vote costs at most `budget` false alarms per
 * ordinary need in cross-validation (recall only grows as the threshold falls).
 */
export function chooseDangerThreshold(cv: DangerCrossValidation, budget: number): number {
  const negatives = cv.rules.falseAlarms.total;
  const within = cv.rows.filter((r) => negatives === 0 || r.learnedFalseAlarms / negatives <= budget);
  if (within.length === 0) return Math.max(...cv.rows.map((r) => r.threshold));
  return Math.min(...within.map((r) => r.threshold));
}

/** A labelled danger set by its file name (libs/nlu/data/<name>.jsonl). */
export interface NamedDangerSet {
  name: string;
  examples: readonly DangerTrainingExample[];
}

/** One message of a held-out set as the full detector reads it, its learned half trained without that set. */
export interface HeldOutReading extends LearnedReading {
  danger: boolean;
}

/**
 * Leave one set out (decision 0068): for each set named in `heldOut`, the learned half is trained on
 * every other set and on `rest` (the ordinary needs of dev.jsonl, with their labels) — without any
 * message whose text is in the held-out set — and each of the set's messages is read by the full
 * detector. The rules were written while reading these sets, so their share is optimistic; the
 * learned half's is honest. `questionFrames` trains with question-framed copies (danger-augment.ts);
 * `learner` picks the learned reader (decision 0069).
 */
export function leaveOneSetOut(
  sets: readonly NamedDangerSet[],
  rest: readonly DangerTrainingExample[],
  heldOut: readonly string[],
  questionFrames: boolean,
  learner: DangerLearner = LEARNED_DANGER_LEARNER,
  logistic: LogisticModelOptions = {},
): Map<string, HeldOutReading[]> {
  const out = new Map<string, HeldOutReading[]>();
  for (const name of heldOut) {
    const set = sets.find((s) => s.name === name);
    if (!set) throw new Error(`no danger set named ${name}`);
    const held = new Set(set.examples.map((e) => e.text));
    const training = [...sets.filter((s) => s !== set).flatMap((s) => s.examples), ...rest].filter((e) => !held.has(e.text));
    const detector = new DangerDetector({ training, questionFrames, learner, logistic });
    out.set(
      name,
      set.examples.flatMap((e) => {
        const r = detector.learnedReading(e.text);
        return r ? [{ ...r, danger: e.danger }] : [];
      }),
    );
  }
  return out;
}

/**
 * Thresholds of the learned vote: with no cue at all, and beside cues set aside in an asked message
 * (above 1: no vote); `veto` (measured, decision 0069): the rules' `possible` drops to none when the
 * learned probability is below it (0 or absent: no veto).
 */
export interface LearnedThresholds {
  threshold: number;
  asideThreshold: number;
  veto?: number;
}

export interface HeldOutScore {
  recall: Rate;
  falseAlarms: Rate;
  /** Danger / ordinary messages turned to `possible` by the vote beside cues set aside. */
  asideFound: number;
  asideFalseAlarms: number;
}

/** The level the full detector gives a read message at these thresholds: flagged (likely or possible) or not. */
export function flaggedAt(r: LearnedReading, t: LearnedThresholds): boolean {
  return flaggedOne(r, t) || (r.tails ?? []).some((tail) => flaggedOne(tail, t));
}

function flaggedOne(r: LearnedReading, t: LearnedThresholds): boolean {
  if (r.rules === 'likely') return true;
  if (r.rules === 'possible') return !(t.veto !== undefined && r.probability < t.veto);
  if (!r.setAside) return r.probability >= t.threshold;
  return t.asideThreshold <= 1 && r.asked && r.probability >= t.asideThreshold;
}

/** Recall and false alarms of held-out readings at these thresholds. */
export function scoreHeldOut(readings: readonly HeldOutReading[], t: LearnedThresholds): HeldOutScore {
  let found = 0;
  let falseAlarms = 0;
  let asideFound = 0;
  let asideFalseAlarms = 0;
  for (const r of readings) {
    if (!flaggedAt(r, t)) continue;
    const aside = r.rules === 'none' && r.setAside;
    if (r.danger) {
      found++;
      if (aside) asideFound++;
    } else {
      falseAlarms++;
      if (aside) asideFalseAlarms++;
    }
  }
  const positives = readings.filter((r) => r.danger).length;
  return { recall: rate(found, positives), falseAlarms: rate(falseAlarms, readings.length - positives), asideFound, asideFalseAlarms };
}
