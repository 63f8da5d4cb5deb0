import { evaluate, formatReport, parseExamples, summarise } from './nlu.evaluation.js';
import type { Understanding } from './nlu.types.js';

function answer(category: string, extra: Partial<Understanding> = {}): Understanding {
  return {
    category,
    confidence: 0.9,
    alternatives: ['a', 'b', 'c'].filter((c) => c !== category).map((code, i) => ({ code, confidence: 0.06 - i * 0.02 })),
    beneficiary: 'none',
    urgency: 'normal',
    phone: null,
    phones: [],
    time: null,
    place: null,
    language: 'zh',
    danger: { level: 'none', signals: [], families: [], lifeThreatening: false, selfHarm: false },
    ...extra,
  };
}

describe('evaluate', () => {
  const examples = parseExamples(
    [
      '{"text":"one","category":"a","beneficiary":"none","urgency":"normal","phone":"13812345678"}',
      '{"text":"two","category":"a","beneficiary":"elderly","urgency":"urgent"}',
      '',
      '{"text":"three","category":"c","time":"明天","timeStart":"2025-03-13T00:00:00+08:00"}',
    ].join('\n'),
  );
  const answers: Record<string, Understanding> = {
    one: answer('a', { phone: '13812345678', phones: ['13812345678'] }),
    two: answer('b', { beneficiary: 'elderly', phone: '13900000000', phones: ['13900000000'] }),
    three: answer('a', { time: { text: '明天', start: '2025-03-13T00:00:00+08:00' } }),
  };
  const report = evaluate(examples, (t) => answers[t]!, ['a', 'b', 'c']);

  it('computes the headline rates', () => {
    expect(report.messages).toBe(3);
    expect(report.top1).toEqual({ hit: 1, total: 3, rate: 1 / 3 });
    expect(report.top3).toEqual({ hit: 3, total: 3, rate: 1 });
    expect(report.beneficiary).toEqual({ hit: 2, total: 2, rate: 1 });
    expect(report.urgency).toEqual({ hit: 1, total: 2, rate: 0.5 });
    expect(report.phone).toEqual({ hit: 1, total: 1, rate: 1 });
    expect(report.phoneFalsePositives).toEqual({ hit: 1, total: 2, rate: 0.5 });
    expect(report.time).toEqual({ hit: 1, total: 1, rate: 1 });
    expect(report.place.rate).toBeNull();
  });

  it('builds per-category precision/recall and the confusion matrix', () => {
    expect(report.confusion['a']).toEqual({ a: 1, b: 1, c: 0 });
    expect(report.confusion['c']).toEqual({ a: 1, b: 0, c: 0 });
    expect(report.perCategory['a']).toEqual({ precision: 0.5, recall: 0.5, support: 2 });
    expect(report.perCategory['b']).toEqual({ precision: 0, recall: null, support: 0 });
  });

  it('lists the misses and prints them only when asked', () => {
    expect(report.misses.map((m) => m.kind).sort()).toEqual(['category', 'category', 'phone', 'urgency']);
    expect(formatReport('t', report, false)).not.toContain('misses:');
    expect(formatReport('t', report, true)).toContain('[urgency] expected urgent, got normal :: two');
    expect(summarise(report)).toMatchObject({ messages: 3, missCount: 4 });
  });

  it('rejects lines without text or category', () => {
    expect(() => parseExamples('{"text":"x"}', 'bad.jsonl')).toThrow('bad.jsonl:1: needs "text" and "category"');
  });
});
