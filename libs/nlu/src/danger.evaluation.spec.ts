import { dangerExamplesOf, evaluateDanger, formatDangerReport, parseDangerExamples, parseExistingLabels, summariseDanger } from './danger.evaluation.js';
import type { DangerAssessment, DangerFamily, DangerLevel } from './nlu.types.js';

function assessment(level: DangerLevel, families: DangerFamily[] = []): DangerAssessment {
  return { level, signals: [], families, lifeThreatening: false, selfHarm: false };
}

describe('parseDangerExamples', () => {
  it('reads the corrections export (no family) as unspecified danger or an ordinary need', () => {
    const rows = parseDangerExamples(['{"text":"a","danger":true,"source":"correction"}', '{"text":"b","danger":false,"source":"correction"}'].join('\n'));
    expect(rows.map((r) => [r.text, r.danger, r.family])).toEqual([
      ['a', true, 'unspecified'],
      ['b', false, 'none'],
    ]);
    expect(() => parseDangerExamples('{"text":"c","danger":true,"family":"none"}')).toThrow(/disagree/);
  });
});

describe('evaluateDanger', () => {
  const examples = parseDangerExamples(
    [
      '{"text":"fire1","danger":true,"family":"fire","category":"emergency"}',
      '{"text":"fire2","danger":true,"family":"fire"}',
      '',
      '{"text":"gas1","danger":true,"family":"gas"}',
      '{"text":"help","danger":true,"family":"unspecified"}',
      '{"text":"hotpot","danger":false,"family":"none","hard":true}',
      '{"text":"haircut","danger":false,"family":"none"}',
    ].join('\n'),
  );
  const answers: Record<string, DangerAssessment> = {
    fire1: assessment('likely', ['fire']),
    fire2: assessment('possible', ['gas']),
    gas1: assessment('none'),
    help: assessment('possible'),
    hotpot: assessment('possible', ['fire']),
    haircut: assessment('none'),
  };
  const report = evaluateDanger(examples, (t) => answers[t]!);

  it('counts likely and possible as found, overall and per family', () => {
    expect(report.recall).toEqual({ hit: 3, total: 4, rate: 0.75 });
    expect(report.falseAlarms).toEqual({ hit: 1, total: 2, rate: 0.5 });
    expect(report.hardFalseAlarms).toEqual({ hit: 1, total: 1, rate: 1 });
    expect(report.split).toEqual({ danger: { none: 1, possible: 2, likely: 1 }, ordinary: { none: 1, possible: 1, likely: 0 } });
    expect(report.perFamily.fire).toEqual({ recall: { hit: 2, total: 2, rate: 1 }, likely: 1, possible: 1, familyNamed: { hit: 1, total: 2, rate: 0.5 } });
    expect(report.perFamily.gas?.recall.rate).toBe(0);
    expect(report.perFamily.flood).toBeUndefined();
  });

  it('lists the misses, cut to 60 characters, and the false alarms when asked', () => {
    const long = evaluateDanger([{ text: '着'.repeat(80), danger: true, family: 'fire' }], () => assessment('none'));
    expect(formatDangerReport('x', long)).toContain(`[fire] ${'着'.repeat(60)}…`);
    expect(formatDangerReport('t', report)).toContain('  [gas] gas1');
    expect(formatDangerReport('t', report)).toContain('  [possible fire] hotpot');
    expect(formatDangerReport('t', report, false)).not.toContain('false alarms:');
    expect(summariseDanger(report)).toMatchObject({ messages: 6, missCount: 1, falseAlarmCount: 1 });
  });

  it('rejects malformed lines', () => {
    expect(() => parseDangerExamples('{"text":"x"}', 'd.jsonl')).toThrow('d.jsonl:1: needs "text" and a boolean "danger"');
    expect(() => parseDangerExamples('{"text":"x","danger":true,"family":"storm"}', 'd.jsonl')).toThrow('unknown family storm');
    expect(() => parseDangerExamples('{"text":"x","danger":false,"family":"fire"}', 'd.jsonl')).toThrow('disagree');
  });
});

describe('dangerExamplesOf', () => {
  const labels = parseExistingLabels('{"set":"dev","line":2,"family":"fall","text":"b"}\n{"set":"holdout","line":1,"family":"fire","text":"z"}');

  it('marks the labelled lines of a set as danger and every other message as ordinary', () => {
    expect(dangerExamplesOf('dev', ['a', 'b', 'c'], labels)).toEqual([
      { text: 'a', danger: false, family: 'none' },
      { text: 'b', danger: true, family: 'fall' },
      { text: 'c', danger: false, family: 'none' },
    ]);
  });

  it('refuses a label whose line no longer holds its message', () => {
    expect(() => dangerExamplesOf('dev', ['a', 'x'], labels)).toThrow('dev line 2');
  });
});
