// The learned half of category classification: a multinomial naive Bayes over the characters,
// character pairs and English words of labelled messages, trained when a classifier is built. It generalises from phrasing the
// keyword vocabulary does not list ("家里灯不亮了", "娃作业没人管"); the keywords keep
// categories a county configures without examples working (see CategoryClassifier).
import { stemEnglish, toHalfWidth } from './text.util.js';

/** One labelled message: what residents wrote and the category it belongs to. */
export interface TrainingExample {
  text: string;
  category: string;
}

export interface LearnedModelOptions {
  /** Additive (Laplace) smoothing of feature counts. */
  smoothing?: number;
  /** Posteriors are exp(log-likelihood / temperature), normalised: above 1 tempers naive Bayes' overconfidence. */
  temperature?: number;
  /** Weight of a single Chinese character, relative to a character bigram (1). */
  charWeight?: number;
  /** Read dialect words as their standard forms (俺 → 我, 娃 → 孩子 …). */
  dialect?: boolean;
}

const DEFAULTS: Required<LearnedModelOptions> = { smoothing: 0.1, temperature: 5, charWeight: 1, dialect: true };

// Dialect and colloquial forms, read as the standard words before features are taken, so
// "娃" and "孩子", "咋" and "怎么" share what the examples taught.
const DIALECT: Readonly<Record<string, string>> = {
  俺们: '我们',
  俺: '我',
  咋: '怎么',
  啥: '什么',
  娃: '孩子',
  莫得: '没有',
  闺女: '女儿',
  老汉: '老人',
  大夫: '医生',
};
const DIALECT_RE = new RegExp(Object.keys(DIALECT).join('|'), 'g');
const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

// English words that say nothing about a category.
const EN_STOP = new Set(
  (
    'a an the and or but so to of in on at for from with by as is are was were be been am do does did have has had ' +
    'i me my we our us you your he him his she her they them their it its this that these those there here ' +
    'can could would should will shall may might must just some any all very really also too please someone anyone ' +
    'who what when where which how why if then than up out about into over after before again get got'
  ).split(' '),
);

/** Normalises a message the way features are taken from it: half-width, lower case, standard words. */
export function normaliseForLearning(text: string, dialect = true): string {
  const out = toHalfWidth(text).toLowerCase();
  return dialect ? out.replace(DIALECT_RE, (m) => DIALECT[m] ?? m) : out;
}

/**
 * The features of a message with their weights: Chinese character bigrams (1) and single
 * characters (charWeight) inside runs of Chinese, English word stems (1) and pairs of adjacent
 * stems (0.5). Each feature counts once per message. No segmenter: the model does not depend
 * on the keyword vocabulary.
 */
export function messageFeatures(text: string, opts: LearnedModelOptions = {}): Map<string, number> {
  const charWeight = opts.charWeight ?? DEFAULTS.charWeight;
  const normal = normaliseForLearning(text, opts.dialect ?? DEFAULTS.dialect);
  const out = new Map<string, number>();
  const add = (f: string, w: number) => {
    if (w > 0 && !out.has(f)) out.set(f, w);
  };
  for (const run of normal.match(CJK_RUN) ?? []) {
    for (let i = 0; i < run.length; i++) {
      add(run[i]!, charWeight);
      if (i + 1 < run.length) add(run.slice(i, i + 2), 1);
    }
  }
  const words = (normal.match(/[a-z][a-z'’]*/g) ?? []).filter((w) => !EN_STOP.has(w)).map(stemEnglish);
  words.forEach((w, i) => {
    add('_' + w, 1);
    if (i + 1 < words.length) add('_' + w + ' ' + words[i + 1], 0.5);
  });
  return out;
}

const cache = new WeakMap<readonly TrainingExample[], Map<string, LearnedModel | null>>();

/**
 * Multinomial naive Bayes with binary features, uniform class prior and Laplace smoothing.
 * Knows only the categories it saw examples of; `posterior` answers over those, or null when
 * the message has no feature the examples had.
 */
export class LearnedModel {
  /** Category codes the model was trained on, in the order of the rows below. */
  readonly codes: readonly string[];
  /** Feature → its row in `logLikelihood` (codes.length values per feature). */
  private readonly features: Map<string, number>;
  private readonly logLikelihood: Float64Array;
  private readonly options: Required<LearnedModelOptions>;

  private constructor(codes: string[], features: Map<string, number>, logLikelihood: Float64Array, options: Required<LearnedModelOptions>) {
    this.codes = codes;
    this.features = features;
    this.logLikelihood = logLikelihood;
    this.options = options;
  }

  /**
   * Trains on the examples whose category is among `codes` (others are ignored). Returns null
   * when fewer than two of those categories have examples: there is nothing to tell apart.
   */
  static train(examples: readonly TrainingExample[], codes: readonly string[], opts: LearnedModelOptions = {}): LearnedModel | null {
    const options = { ...DEFAULTS, ...opts };
    const wanted = new Set(codes);
    const trained = [...new Set(examples.filter((e) => wanted.has(e.category)).map((e) => e.category))];
    trained.sort((a, b) => codes.indexOf(a) - codes.indexOf(b));
    if (trained.length < 2) return null;
    const k = trained.length;
    const index = new Map(trained.map((c, i) => [c, i]));
    const features = new Map<string, number>();
    const counts: number[] = [];
    const totals = new Float64Array(k);
    for (const e of examples) {
      const c = index.get(e.category);
      if (c === undefined) continue;
      for (const [f, w] of messageFeatures(e.text, options)) {
        let row = features.get(f);
        if (row === undefined) {
          row = features.size;
          features.set(f, row);
          for (let i = 0; i < k; i++) counts.push(0);
        }
        counts[row * k + c]! += w;
        totals[c]! += w;
      }
    }
    const alpha = options.smoothing;
    const denominators = totals.map((t) => Math.log(t + alpha * features.size));
    const logLikelihood = new Float64Array(counts.length);
    for (let i = 0; i < counts.length; i++) logLikelihood[i] = Math.log(counts[i]! + alpha) - denominators[i % k]!;
    return new LearnedModel(trained, features, logLikelihood, options);
  }

  /**
   * As `train`, but built once per examples array, codes and options and then shared: every
   * RuleBasedNlu with the default examples uses the same model. Do not change an array after
   * passing it: the model trained on it is kept.
   */
  static trained(examples: readonly TrainingExample[], codes: readonly string[], opts: LearnedModelOptions = {}): LearnedModel | null {
    const key = JSON.stringify([codes, opts]);
    let byKey = cache.get(examples);
    if (!byKey) cache.set(examples, (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, LearnedModel.train(examples, codes, opts));
    return byKey.get(key) ?? null;
  }

  /** Number of distinct features seen in training. */
  get size(): number {
    return this.features.size;
  }

  /**
   * P(category | message) over `codes`, tempered; null when no feature of the message was
   * seen in training. `known` is the weight of the message's features the model knows.
   */
  posterior(text: string): { probabilities: Float64Array; known: number } | null {
    const k = this.codes.length;
    const sum = new Float64Array(k);
    let known = 0;
    for (const [f, w] of messageFeatures(text, this.options)) {
      const row = this.features.get(f);
      if (row === undefined) continue;
      known += w;
      for (let i = 0; i < k; i++) sum[i]! += w * this.logLikelihood[row * k + i]!;
    }
    if (known === 0) return null;
    let max = -Infinity;
    for (let i = 0; i < k; i++) max = Math.max(max, sum[i]!);
    let total = 0;
    const p = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      p[i] = Math.exp((sum[i]! - max) / this.options.temperature);
      total += p[i]!;
    }
    for (let i = 0; i < k; i++) p[i]! /= total;
    return { probabilities: p, known };
  }
}
