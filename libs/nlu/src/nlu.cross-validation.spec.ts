import { vocabularyWords } from './category.classifier.js';
import { crossValidate } from './nlu.cross-validation.js';
import type { NluCategory } from './nlu.types.js';
import { createSegmenter } from './segmenter.js';

const categories: NluCategory[] = [
  { code: 'repair', nameZh: '维修', nameEn: 'Repairs', keywords: [{ term: '维修', weight: 3 }] },
  { code: 'education', nameZh: '助学', nameEn: 'Learning', keywords: [{ term: '辅导', weight: 3 }] },
];
// Keywords name neither category in most messages: the learned model has to carry them.
const examples = [
  ['repair', '马桶堵了'],
  ['repair', '马桶又堵了'],
  ['education', '孩子作业没人管'],
  ['education', '孩子作业不会做'],
  ['repair', '马桶堵住了水漫出来'],
  ['repair', '厕所马桶堵了'],
  ['education', '孩子的作业太难'],
  ['education', '作业没人辅导'],
].map(([category, text]) => ({ category: category!, text: text! }));

describe('crossValidate', () => {
  const report = crossValidate(examples, categories, createSegmenter(vocabularyWords(categories)), 2);

  it('scores keywords alone, the learned model alone and both, on folds it did not train on', () => {
    expect(report).toMatchObject({ folds: 2, messages: 8 });
    expect(report.keywords.top1.total).toBe(8);
    expect(report.learned.top1.rate).toBe(1);
    expect(report.blended.top1.rate).toBe(1);
    expect(report.keywords.top1.hit).toBeLessThan(report.blended.top1.hit);
    expect(report.blended.top3.rate).toBe(1);
    expect(report.confident.share.total).toBe(8);
  });

  it('needs at least two folds', () => {
    expect(() => crossValidate(examples, categories, createSegmenter([]), 1)).toThrow(/at least 2 folds/);
  });
});
