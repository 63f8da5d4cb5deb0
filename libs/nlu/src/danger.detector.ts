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
//    LEARNED_DANGER_THRESHOLD. It reads the masked text. When the rules found cues and set every
//    one aside it stays silent (a resolved fire, an injury in a legal dispute), unless the message
//    is asked rather than told (请问, 我就问一下, …正常吗, 要紧吗, is that normal?; danger.asked.ts):
//    then it votes at LEARNED_ASIDE_THRESHOLD (decision 0068), for a danger wrapped in a question.
//    A logistic-regression reader over the same features (LogisticModel) and the mean of the two are
//    options (`learner`), measured by leaving one set out and left off (decision 0069).
// 6. Level: any strong cue → likely; two weak cues at different places, or a weak cue with a
//    call for help or hurry (救命, 快来人, help, !!) → likely; one weak cue, a call for help alone
//    (救命, 打120) or the learned vote alone → possible; otherwise none.
// 7. A message that turns from a request to something told is also read from each turn on as a
//    message of its own, steps 1–6; the gravest reading counts (danger.tail.ts, decision 0073).
//
// Steps 1–3 are in danger.cues.ts, step 4 in danger.context.ts and danger.scope.ts; danger.compile.ts
// finds the cues of a message and compiles them into signals (steps 3–4); this file weighs the
// signals and the calls for help into a level and runs the learned backup (steps 5–6), whose readers
// and thresholds are in danger.learned.ts.
import { isAsked } from './danger.asked.js';
import { compileSignals, overlaps } from './danger.compile.js';
import { ALARM_STRONG_RE, ALARM_WEAK_RE, CJK } from './danger.cues.js';
import { weigh } from './danger.context.js';
import { glossMixed } from './danger.mixed.js';
import { closeCjkGaps } from './danger.word-by-word.js';
import { tailOffsets, withTails } from './danger.tail.js';
import { DANGER_TRAINING, type DangerTrainingExample } from './danger-training.js';
import {
  LEARNED_ASIDE_THRESHOLD,
  LEARNED_DANGER_LEARNER,
  LEARNED_DANGER_THRESHOLD,
  LEARNED_QUESTION_FRAMES,
  trainedModel,
  type DangerLearner,
  type LearnedReader,
} from './danger.learned.js';
import type { LogisticModelOptions } from './logistic.model.js';
import type { DangerAssessment, DangerFamily, DangerLevel, DangerSignal } from './nlu.types.js';

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

/** Messages are read up to here, as RuleBasedNlu reads them: time stays bounded. */
export const MAX_DANGER_TEXT_LENGTH = 2000;

export interface DangerDetectorOptions {
  /** Labelled messages for the learned backup; default DANGER_TRAINING; `[]` turns it off (rules alone). */
  training?: readonly DangerTrainingExample[];
  /** The learned vote's probability threshold; default LEARNED_DANGER_THRESHOLD. */
  threshold?: number;
  /** Its threshold when the rules set every cue aside in an asked message; default LEARNED_ASIDE_THRESHOLD (above 1: no vote). */
  asideThreshold?: number;
  /** Train also on question-framed copies of the examples; default LEARNED_QUESTION_FRAMES. */
  questionFrames?: boolean;
  /** Which learned reader; default LEARNED_DANGER_LEARNER. */
  learner?: DangerLearner;
  /** The logistic reader's training options (LOGISTIC_DEFAULTS when absent); for measuring. */
  logistic?: LogisticModelOptions;
}

/** What the learned vote sees of a message: the rules' level, whether they set cues aside, whether it is asked, the learned probability. */
export interface LearnedReading {
  rules: DangerLevel;
  /** The rules found cues and set every one aside. */
  setAside: boolean;
  asked: boolean;
  /** The learned probability of danger (0 without a model). */
  probability: number;
  /** The tails after a request, each read as a message of its own (danger.tail.ts); absent when there are none. */
  tails?: LearnedReading[];
}

/**
 * The danger check with its learned backup. `assessDanger` uses one built with the defaults;
 * build your own to train on other examples or to turn learning off.
 */
export class DangerDetector {
  private readonly model: LearnedReader | null;
  private readonly threshold: number;
  private readonly asideThreshold: number;

  constructor(opts: DangerDetectorOptions = {}) {
    this.model = trainedModel(
      opts.training ?? DANGER_TRAINING,
      opts.questionFrames ?? LEARNED_QUESTION_FRAMES,
      opts.learner ?? LEARNED_DANGER_LEARNER,
      opts.logistic ?? {},
    );
    this.threshold = opts.threshold ?? LEARNED_DANGER_THRESHOLD;
    this.asideThreshold = opts.asideThreshold ?? LEARNED_ASIDE_THRESHOLD;
  }

  /** The learned model's probability that a (normalised, masked) message shows danger; 0 without a model. */
  private learned(masked: string): number {
    return this.model ? this.model(masked) : 0;
  }

  /** The rules' reading of a message cut to MAX_DANGER_TEXT_LENGTH; null when it is empty (or not a string). */
  private read(text: string): ReturnType<DangerDetector['rules']> | null {
    const input = (typeof text === 'string' ? text : '').slice(0, MAX_DANGER_TEXT_LENGTH);
    return input.trim() === '' ? null : this.readClosed(input);
  }

  /** The message read as a whole and, after a request, from each turn on (danger.tail.ts): the gravest counts. */
  assess(text: string): DangerAssessment {
    const input = typeof text === 'string' ? text.slice(0, MAX_DANGER_TEXT_LENGTH) : '';
    return withTails(input, this.assessOne(input), (tail) => this.assessOne(tail));
  }

  private assessOne(text: string): DangerAssessment {
    const r = this.read(text);
    if (!r) return { level: 'none', signals: [], families: [], lifeThreatening: false, selfHarm: false };
    // The learned vote only turns none into possible: it learned the cues' own words, so beside a
    // cue it would count them twice. When the rules saw cues and set them all aside it speaks only
    // in an asked message ("…血一直在流…怎么处理"), at its own threshold (decision 0068).
    if (r.assessment.level !== 'none') return r.assessment;
    const threshold = r.candidates === 0 ? this.threshold : this.asideThreshold <= 1 && isAsked(r.masked) ? this.asideThreshold : null;
    if (threshold !== null && this.learned(r.masked) >= threshold) return { ...r.assessment, level: 'possible' };
    return r.assessment;
  }

  /** What the learned vote sees of a message, for choosing its thresholds (danger.cross-validation.ts); null for an empty message. */
  learnedReading(text: string): LearnedReading | null {
    const input = typeof text === 'string' ? text.slice(0, MAX_DANGER_TEXT_LENGTH) : '';
    const whole = this.readingOne(input);
    const tails = tailOffsets(input).flatMap((at) => this.readingOne(input.slice(at)) ?? []);
    return whole && tails.length > 0 ? { ...whole, tails } : whole;
  }

  private readingOne(text: string): LearnedReading | null {
    const r = this.read(text);
    if (!r) return null;
    return { rules: r.assessment.level, setAside: r.candidates > 0, asked: isAsked(r.masked), probability: this.learned(r.masked) };
  }

  /**
   * The learned backup's probability of danger for a message the rules leave at `none` without
   * any cue, or null otherwise: for choosing LEARNED_DANGER_THRESHOLD (crossValidateDanger,
   * `nlu:eval -- --danger-cv`). The vote beside cues set aside is read with learnedReading.
   */
  learnedVote(text: string): number | null {
    const r = this.read(text);
    if (!r) return null;
    return r.assessment.level === 'none' && r.candidates === 0 ? this.learned(r.masked) : null;
  }

  /**
   * The rules on the message as written and, when it is written word by word ("我 不 想 活 了",
   * "老人 摔 了 地上 不动" — low literacy, some input methods), also with the gaps between Chinese
   * characters closed, and when English danger words sit inside Chinese ("师傅 touch 了 wire 就倒了"),
   * also with them read in Chinese (danger.mixed.ts, decision 0061); the gravest reading counts (the
   * others can only add, never hide, a danger). Signals point into the resident's own text.
   */
  private readClosed(input: string): ReturnType<DangerDetector['rules']> {
    let best = this.rules(input);
    for (const reading of [closeCjkGaps(input), glossMixed(input)]) {
      if (!reading) continue;
      const r = this.rules(reading.text);
      if (LEVEL_RANK[r.assessment.level] <= LEVEL_RANK[best.assessment.level]) continue;
      const signals = r.assessment.signals.map((s) => {
        const start = reading.at[s.start]!;
        const end = reading.at[s.end - 1]! + 1;
        return { ...s, start, end, text: input.slice(start, end) };
      });
      best = { ...r, assessment: { ...r.assessment, signals } };
    }
    return best;
  }

  private rules(input: string): { assessment: DangerAssessment; candidates: number; masked: string } {
    const { normal, masked, breaks, ctx, candidates, signals: found } = compileSignals(input);
    let signals = found;

    let alarmStrong = false;
    let alarmWeak = false;
    for (const [re, strong] of [
      [ALARM_STRONG_RE, true],
      [ALARM_WEAK_RE, false],
    ] as const) {
      re.lastIndex = 0;
      // A question about the emergency services with no sign beside it is no call for help.
      if (ctx.emergencyInfo && signals.length === 0) continue;
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

    // A hint that only counts beside another sign ("谢谢这些年的照顾" alone is a thank-you).
    const hints = signals.filter((s) => s.pairOnly);
    if (hints.length > 0 && !alarmStrong && !alarmWeak) {
      const others = signals.filter((s) => !s.pairOnly);
      const hintPlaces = hints.filter((h, i) => !hints.some((o, j) => j < i && overlaps(o, h))).length;
      if (others.length === 0 && hintPlaces < 2) signals = [];
    }
    const strong = signals.some((s) => s.strength === 'strong');
    const weak = signals.filter((s) => s.strength === 'weak');
    const weakPlaces = weak.filter((w, i) => !weak.some((o, j) => j < i && overlaps(o, w))).length;
    let level: DangerLevel = 'none';
    if (strong || weakPlaces >= 2 || (weakPlaces >= 1 && (alarmStrong || alarmWeak))) level = 'likely';
    else if (weakPlaces >= 1 || alarmStrong) level = 'possible';

    const out: DangerSignal[] = signals.map((s) => ({ family: s.family, text: input.slice(s.start, s.end), start: s.start, end: s.end, strength: s.strength }));
    const families = [...new Set(out.map((s) => s.family))];
    const lifeThreatening = signals.some((s) => s.life ?? (s.strength === 'strong' && LIFE_THREATENING_FAMILIES.has(s.family)));
    // Hints set aside alone do not silence the learned vote: it reads what they could not say.
    const seen = candidates.filter((c) => !c.pairOnly).length;
    return { assessment: { level, signals: out, families, lifeThreatening, selfHarm: families.includes('self_harm') }, candidates: seen, masked };
  }
}

const LEVEL_RANK: Record<DangerLevel, number> = { none: 0, possible: 1, likely: 2 };

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
