import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DANGER_DEVELOPMENT_FILES, DANGER_TRAINING, renderDangerTrainingModule } from './danger-training.js';
import { DANGER_ROWS, DEV_DANGER_LINES } from './danger-training.generated.js';
import { parseDangerExamples, parseExistingLabels } from './danger.evaluation.js';
import { parseExamples } from './nlu.evaluation.js';

const data = (name: string) => readFileSync(resolve(process.cwd(), 'libs/nlu/data', name), 'utf8');

describe('DANGER_TRAINING', () => {
  it('is the danger development sets and the labelled dev set as they are now (run `npm run nlu:train` after editing them)', () => {
    expect(DANGER_ROWS.map(([danger, text]) => [danger === 1, text])).toEqual(
      DANGER_DEVELOPMENT_FILES.flatMap((f) => parseDangerExamples(data(f)).map((e) => [e.danger, e.text])),
    );
    const labels = parseExistingLabels(data('existing-danger-labels.jsonl'));
    expect([...DEV_DANGER_LINES]).toEqual(
      labels
        .filter((l) => l.set === 'dev')
        .map((l) => l.line)
        .sort((a, b) => a - b),
    );
    const dev = parseExamples(data('dev.jsonl'));
    for (const l of labels.filter((x) => x.set === 'dev')) expect(dev[l.line - 1]!.text).toBe(l.text);
    expect(DANGER_TRAINING).toHaveLength(DANGER_ROWS.length + dev.length);
    expect(DANGER_TRAINING.filter((e) => e.danger).length).toBe(DANGER_ROWS.filter(([d]) => d === 1).length + DEV_DANGER_LINES.length);
  });

  it('never contains a holdout message', () => {
    const held = new Set(parseExamples(data('holdout.jsonl')).map((e) => e.text));
    expect(DANGER_TRAINING.filter((e) => held.has(e.text))).toEqual([]);
  });

  it('trains on the sets measured once and then folded in (blind2–29, the first two own holdouts) and the own batches, but on no fresh blind set (not blind30, not own3)', () => {
    expect(DANGER_DEVELOPMENT_FILES).toEqual([
      'danger-dev.jsonl',
      'danger-eval.jsonl',
      'danger-blind2.jsonl',
      'danger-dev2.jsonl',
      'danger-blind3.jsonl',
      'danger-holdout-own.jsonl',
      'danger-blind4.jsonl',
      'danger-dev3.jsonl',
      'danger-blind5.jsonl',
      'danger-holdout-own2.jsonl',
      'danger-blind6.jsonl',
      'danger-dev4.jsonl',
      'danger-blind7.jsonl',
      'danger-dev5.jsonl',
      'danger-blind8.jsonl',
      'danger-dev6.jsonl',
      'danger-blind9.jsonl',
      'danger-blind10.jsonl',
      'danger-blind11.jsonl',
      'danger-blind12.jsonl',
      'danger-blind13.jsonl',
      'danger-blind14.jsonl',
      'danger-blind15.jsonl',
      'danger-blind16.jsonl',
      'danger-blind17.jsonl',
      'danger-blind18.jsonl',
      'danger-blind19.jsonl',
      'danger-blind20.jsonl',
      'danger-blind21.jsonl',
      'danger-blind22.jsonl',
      'danger-blind23.jsonl',
      'danger-blind24.jsonl',
      'danger-blind25.jsonl',
      'danger-blind26.jsonl',
      'danger-blind27.jsonl',
      'danger-blind28.jsonl',
      'danger-blind29.jsonl',
    ]);
    expect(DANGER_DEVELOPMENT_FILES).not.toContain('danger-blind30.jsonl');
    expect(DANGER_DEVELOPMENT_FILES).not.toContain('danger-holdout-own3.jsonl');
  });
});

describe('renderDangerTrainingModule', () => {
  it('writes one escaped [1|0, text] row per example and the sorted danger lines', () => {
    const source = renderDangerTrainingModule(
      [
        { text: '着"火"了', danger: true },
        { text: "it's fine", danger: false },
      ],
      [12, 3],
      'x.jsonl',
    );
    expect(source).toContain('from x.jsonl');
    expect(source).toContain('  [1, "着\\"火\\"了"],\n');
    expect(source).toContain(`  [0, "it's fine"],\n`);
    expect(source).toContain('export const DEV_DANGER_LINES: readonly number[] = [3, 12];');
  });
});
