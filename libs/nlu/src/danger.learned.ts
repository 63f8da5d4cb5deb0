// The learned half of the danger check (danger.detector.ts, steps 5–6): which reader, its
// thresholds, and the trained readers, built once per training set and options (decision 0069).
import { withQuestionFrames } from './danger-augment.js';
import type { DangerTrainingExample } from './danger-training.js';
import { LearnedModel } from './learned.model.js';
import { LogisticModel, type LogisticModelOptions } from './logistic.model.js';

/**
 * The learned backup votes "danger" at this probability (temperature LEARNED_DANGER_TEMPERATURE).
 * Chosen on round 2 and checked on rounds 3 and 4 of the danger development set, each scored by a
 * model trained without it, and by cross-validation for its false alarms: recall and false alarms
 * trade almost point for point around it (README, Danger check).
 */
export const LEARNED_DANGER_THRESHOLD = 0.9;
export const LEARNED_DANGER_TEMPERATURE = 3;
/**
 * The learned backup's features: single Chinese characters count half a character pair, and
 * feature counts are smoothed by 0.5. Chosen by how well a model trained on the first author's
 * messages (danger-dev, dev) ranked the second author's (two thirds of danger-eval and
 * danger-blind2): area under the ROC curve 0.9865 against 0.9815 with the category model's
 * defaults (1 and 0.1), recall 86.0 % against 82.4 % at 2 % false alarms.
 */
export const LEARNED_DANGER_OPTIONS = { temperature: LEARNED_DANGER_TEMPERATURE, charWeight: 0.5, smoothing: 0.5 } as const;

/**
 * The learned vote's threshold for a message whose cues the rules all set aside, when the message is
 * asked rather than told (danger.asked.ts): a danger wrapped in a question ("我就问一下哈，…血一直在流…
 * 怎么处理"). Above 1 turns this vote off. Decision 0068: leaving one set out (scripts/nlu-danger-cv.ts),
 * the lowest threshold that adds no false alarm on every development set but blind17–23 (the rules set
 * aside no danger there); checked on blind17–23: two dangers more, one false alarm more. Told messages
 * get no such vote: their set-aside cues held no danger and 11 ordinary needs at this threshold.
 */
export const LEARNED_ASIDE_THRESHOLD = 0.93;
/**
 * Whether the learned half also trains on a question-framed copy of each message (danger-augment.ts).
 * Off: leaving one set out, the copies found nothing more at the same false alarms (decision 0068).
 */
export const LEARNED_QUESTION_FRAMES = false;

/**
 * The learned reader: 'bayes' (LearnedModel, naive Bayes), 'logistic' (LogisticModel, logistic
 * regression over the same features, decision 0069) or 'mean' (the mean of the two probabilities).
 * Each has its own thresholds.
 */
export type DangerLearner = 'bayes' | 'logistic' | 'mean';
export const LEARNED_DANGER_LEARNER: DangerLearner = 'bayes';

/** A trained learned reader: the probability that a (normalised, masked) message shows danger. */
export type LearnedReader = (masked: string) => number;

const models = new WeakMap<readonly DangerTrainingExample[], Map<string, LearnedReader | null>>();

function trainReader(source: readonly DangerTrainingExample[], learner: DangerLearner, logistic: LogisticModelOptions): LearnedReader | null {
  if (learner === 'mean') {
    const a = trainReader(source, 'bayes', logistic);
    const b = trainReader(source, 'logistic', logistic);
    return a && b ? (masked) => (a(masked) + b(masked)) / 2 : null;
  }
  if (learner === 'logistic') {
    const model = LogisticModel.train(
      source.map((e) => ({ text: e.text, positive: e.danger })),
      logistic,
    );
    return model ? (masked) => model.probability(masked) ?? 0 : null;
  }
  const examples = source.map((e) => ({ text: e.text, category: e.danger ? 'danger' : 'ordinary' }));
  const model = LearnedModel.train(examples, ['danger', 'ordinary'], LEARNED_DANGER_OPTIONS);
  return model ? (masked) => model.posterior(masked)?.probabilities[0] ?? 0 : null;
}

export function trainedModel(
  training: readonly DangerTrainingExample[],
  questionFrames: boolean,
  learner: DangerLearner,
  logistic: LogisticModelOptions,
): LearnedReader | null {
  if (training.length === 0) return null;
  let byKey = models.get(training);
  if (!byKey) models.set(training, (byKey = new Map()));
  const key = JSON.stringify([learner, questionFrames, learner === 'bayes' ? null : logistic]);
  if (!byKey.has(key)) byKey.set(key, trainReader(questionFrames ? withQuestionFrames(training) : training, learner, logistic));
  return byKey.get(key) ?? null;
}
