// @baiying/nlu: understanding residents' free text (category, beneficiary, urgency, phone,
// time, place, language, danger). No framework imports: used by every channel's intake.
export type {
  Beneficiary,
  DangerAssessment,
  DangerFamily,
  DangerLevel,
  DangerSignal,
  KnownPlace,
  Language,
  NluCategory,
  PartOfDay,
  PlaceUnderstanding,
  TimeUnderstanding,
  Understanding,
  UnderstandOptions,
  Urgency,
  WeightedTerm,
} from './nlu.types.js';
export { DEFAULT_CATEGORIES } from './default-vocabulary.js';
export { RuleBasedNlu, MAX_ALTERNATIVES, MAX_TEXT_LENGTH, MIN_LEARNED_EVIDENCE, type RuleBasedNluOptions } from './rule-based-nlu.js';
export { ModelBackedNlu, DEFAULT_MODEL_TIMEOUT_MS, type FallbackReason, type ModelBackedNluOptions, type ModelProviderConfig } from './model-backed-nlu.js';
export { CategoryClassifier, LEARNED_WEIGHT, vocabularyWords, type CategoryClassifierOptions, type CategoryScore } from './category.classifier.js';
export { LearnedModel, messageFeatures, type LearnedModelOptions, type TrainingExample } from './learned.model.js';
export { DEFAULT_TRAINING } from './training-data.js';
export { parseNumber, stemEnglish } from './text.util.js';
export { seededRandom } from './seeded-random.js';
export { createSegmenter, type Segmenter } from './segmenter.js';
export { extractPhones, findPhones, type PhoneMatch } from './phone.extractor.js';
export { extractTime, DEFAULT_TIME_ZONE, PART_OF_DAY_HOURS, type TimeExtractOptions } from './time.extractor.js';
export { extractPlace, findPlace, PlaceMatcher } from './place.extractor.js';
export { detectUrgency } from './urgency.detector.js';
export {
  assessDanger,
  DangerDetector,
  defaultDangerDetector,
  DANGER_FAMILIES,
  LIFE_THREATENING_FAMILIES,
  MAX_DANGER_TEXT_LENGTH,
  type DangerDetectorOptions,
} from './danger.detector.js';
export { LEARNED_DANGER_THRESHOLD } from './danger.learned.js';
export { DANGER_TRAINING, type DangerTrainingExample } from './danger-training.js';
export { detectBeneficiary } from './beneficiary.detector.js';
export { detectLanguage } from './language.detector.js';
