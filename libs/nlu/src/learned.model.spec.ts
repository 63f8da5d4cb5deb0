import { LearnedModel, messageFeatures, normaliseForLearning, type TrainingExample } from './learned.model.js';
import { stemEnglish } from './text.util.js';

const examples: TrainingExample[] = [
  { text: '马桶堵了，水漫出来', category: 'repair' },
  { text: '水龙头坏了一直滴水', category: 'repair' },
  { text: '家里的灯不亮了', category: 'repair' },
  { text: 'The toilet is blocked again', category: 'repair' },
  { text: '孩子作业没人辅导', category: 'education' },
  { text: '娃的数学作业不会做', category: 'education' },
  { text: '想给孩子找个补课的老师', category: 'education' },
  { text: 'My son needs help with his homework', category: 'education' },
  { text: '只有一条的别的类', category: 'other' },
];

describe('messageFeatures', () => {
  it('takes characters and character pairs of Chinese runs, once each', () => {
    const f = messageFeatures('灯不亮，灯');
    expect([...f.keys()].sort()).toEqual(['不', '不亮', '亮', '灯', '灯不'].sort());
    expect(f.get('灯不')).toBe(1);
    expect(f.get('灯')).toBe(1);
    expect(messageFeatures('灯不亮', { charWeight: 0.5 }).get('灯')).toBe(0.5);
  });

  it('reads dialect words as standard ones, unless told not to', () => {
    expect(normaliseForLearning('俺家娃咋整')).toBe('我家孩子怎么整');
    expect(normaliseForLearning('俺们ＡＢＣ')).toBe('我们abc');
    expect(messageFeatures('娃').has('孩子')).toBe(true);
    expect(messageFeatures('娃', { dialect: false }).has('娃')).toBe(true);
  });

  it('takes folded English words without stop words, and pairs of them', () => {
    const f = messageFeatures('The pipes are Leaking in my kitchen');
    expect([...f.keys()].sort()).toEqual(['_kitchen', '_leak', '_leak kitchen', '_pipe', '_pipe leak'].sort());
    expect(f.get('_pipe leak')).toBe(0.5);
  });

  it("folds English words with the keyword matcher's stemmer (one stemmer for both halves)", () => {
    for (const word of ['legally', 'leaking', 'headaches', 'smoking', 'families']) {
      expect(messageFeatures(word).has('_' + stemEnglish(word))).toBe(true);
    }
    expect(messageFeatures('legally').has('_legal')).toBe(true);
  });

  it('has no features for text without letters or Chinese', () => {
    expect(messageFeatures('12345 🙂 !!').size).toBe(0);
  });
});

describe('LearnedModel', () => {
  const codes = ['repair', 'education', 'other'];
  const model = LearnedModel.train(examples, codes)!;

  it('knows the categories it has examples of, in configuration order', () => {
    expect(model.codes).toEqual(['repair', 'education', 'other']);
    expect(LearnedModel.train(examples, ['education', 'repair'])!.codes).toEqual(['education', 'repair']);
    expect(model.size).toBeGreaterThan(50);
  });

  it('generalises from the examples to other wording', () => {
    const p = model.posterior('厕所马桶又堵了')!;
    expect(p.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(model.codes[p.probabilities.indexOf(Math.max(...p.probabilities))]).toBe('repair');
    const q = model.posterior('俺娃作业没人管')!;
    expect(model.codes[q.probabilities.indexOf(Math.max(...q.probabilities))]).toBe('education');
    const en = model.posterior('homework help for my son')!;
    expect(model.codes[en.probabilities.indexOf(Math.max(...en.probabilities))]).toBe('education');
  });

  it('is tempered: a temperature above 1 gives flatter probabilities', () => {
    const sharp = LearnedModel.train(examples, codes, { temperature: 1 })!.posterior('马桶堵了')!;
    const flat = LearnedModel.train(examples, codes, { temperature: 5 })!.posterior('马桶堵了')!;
    expect(Math.max(...flat.probabilities)).toBeLessThan(Math.max(...sharp.probabilities));
  });

  it('has nothing to say about a message without any feature it saw', () => {
    expect(model.posterior('🙂🙂')).toBeNull();
    expect(model.posterior('zzz qqq')).toBeNull();
  });

  it('needs examples of at least two configured categories', () => {
    expect(LearnedModel.train(examples, ['repair'])).toBeNull();
    expect(LearnedModel.train(examples, ['tea', 'coffee'])).toBeNull();
    expect(LearnedModel.train([], codes)).toBeNull();
  });

  it('is deterministic and shared per examples, codes and options', () => {
    const a = LearnedModel.trained(examples, codes);
    expect(LearnedModel.trained(examples, codes)).toBe(a);
    expect(LearnedModel.trained(examples, ['repair', 'education'])).not.toBe(a);
    expect(LearnedModel.trained([...examples], codes)).not.toBe(a);
    const again = LearnedModel.train(examples, codes)!;
    expect([...again.posterior('孩子的作业')!.probabilities]).toEqual([...model.posterior('孩子的作业')!.probabilities]);
  });
});
