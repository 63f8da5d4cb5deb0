import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseExamples } from './nlu.evaluation.js';
import { DEFAULT_TRAINING, renderTrainingModule } from './training-data.js';

describe('DEFAULT_TRAINING', () => {
  it('is the development set as it is now (run `npx tsx scripts/nlu-train.ts` after editing dev.jsonl)', () => {
    const dev = parseExamples(readFileSync(resolve(process.cwd(), 'libs/nlu/data/dev.jsonl'), 'utf8'));
    expect(DEFAULT_TRAINING.map((e) => [e.category, e.text])).toEqual(dev.map((e) => [e.category, e.text]));
  });

  it('never contains a holdout message', () => {
    const holdout = new Set(parseExamples(readFileSync(resolve(process.cwd(), 'libs/nlu/data/holdout.jsonl'), 'utf8')).map((e) => e.text));
    expect(DEFAULT_TRAINING.filter((e) => holdout.has(e.text))).toEqual([]);
  });
});

describe('renderTrainingModule', () => {
  it('writes one escaped [category, text] row per example', () => {
    const source = renderTrainingModule(
      [
        { category: 'repair', text: '灯"不亮"了\\n' },
        { category: 'psych', text: "it's fine" },
      ],
      'x.jsonl',
    );
    expect(source).toContain('from x.jsonl');
    expect(source).toContain('  ["repair", "灯\\"不亮\\"了\\\\n"],\n');
    expect(source).toContain(`  ["psych", "it's fine"],\n`);
    expect(source.endsWith('];\n')).toBe(true);
  });
});
