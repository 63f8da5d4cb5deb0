// k-fold cross-validation of the category classifier on labelled data: the honest figure for
// the learned model, which otherwise is scored on the very examples it was trained on.
import { CategoryClassifier, type CategoryScore } from './category.classifier.js';
import type { TrainingExample } from './learned.model.js';
import type { NluCategory } from './nlu.types.js';
import type { Rate } from './nlu.evaluation.js';
import type { Segmenter } from './segmenter.js';

export interface RankingRates {
  top1: Rate;
  top3: Rate;
}

export interface CrossValidationReport {
  folds: number;
  messages: number;
  /** Ranked by the keyword score alone (what RuleBasedNlu did before it learned). */
  keywords: RankingRates;
  /** Ranked by the learned model's probability alone (trained on the other folds). */
  learned: RankingRates;
  /** Ranked as RuleBasedNlu ranks: keywords plus the learned model. */
  blended: RankingRates;
  /** Blended answers with a confidence of at least 0.5: their share of all messages and their top-1 accuracy. */
  confident: { share: Rate; top1: Rate };
}

function rate(hit: number, total: number): Rate {
  return { hit, total, rate: total === 0 ? null : hit / total };
}

/**
 * Splits the examples into `folds` folds (example i goes to fold i mod folds, so a file written
 * category by category is stratified), trains on all folds but one and ranks the messages of
 * that one, for every fold. The keyword vocabulary is the same in every fold: if it was written
 * while reading these examples, the keyword figures are optimistic; the learned ones are not.
 */
export function crossValidate(
  examples: readonly TrainingExample[],
  categories: readonly NluCategory[],
  segmenter: Segmenter,
  folds = 10,
): CrossValidationReport {
  if (!Number.isInteger(folds) || folds < 2) throw new Error('crossValidate needs at least 2 folds');
  const order = new Map(categories.map((c, i) => [c.code, i]));
  const ranked = (scores: CategoryScore[], key: 'keywordScore' | 'learned' | 'score') =>
    [...scores].sort((a, b) => b[key] - a[key] || order.get(a.code)! - order.get(b.code)!).map((s) => s.code);
  const hits = { keywords: [0, 0], learned: [0, 0], blended: [0, 0] };
  let confident = 0;
  let confidentRight = 0;
  for (let fold = 0; fold < folds; fold++) {
    const training = examples.filter((_, i) => i % folds !== fold);
    const classifier = new CategoryClassifier(categories, segmenter, { training });
    examples.forEach((example, i) => {
      if (i % folds !== fold) return;
      const scores = classifier.classify(example.text);
      for (const [name, key] of [
        ['keywords', 'keywordScore'],
        ['learned', 'learned'],
        ['blended', 'score'],
      ] as const) {
        const codes = ranked(scores, key);
        if (codes[0] === example.category) hits[name][0]!++;
        if (codes.slice(0, 3).includes(example.category)) hits[name][1]!++;
      }
      if (scores[0]!.confidence >= 0.5) {
        confident++;
        if (scores[0]!.code === example.category) confidentRight++;
      }
    });
  }
  const n = examples.length;
  const rates = (h: number[]): RankingRates => ({ top1: rate(h[0]!, n), top3: rate(h[1]!, n) });
  return {
    folds,
    messages: n,
    keywords: rates(hits.keywords),
    learned: rates(hits.learned),
    blended: rates(hits.blended),
    confident: { share: rate(confident, n), top1: rate(confidentRight, confident) },
  };
}
