// npm run nlu:train [-- --check]
// Copies the labelled development set (libs/nlu/data/dev.jsonl) into
// libs/nlu/src/training-data.generated.ts, the examples RuleBasedNlu trains its learned model on
// when it is built, and the danger development sets (DANGER_DEVELOPMENT_FILES in
// libs/nlu/src/danger-training.ts: the sets written with the rules and the sets measured once and
// folded in, up to the newest blind set a pass has tuned on) with the danger labels of dev.jsonl
// (existing-danger-labels.jsonl) into libs/nlu/src/danger-training.generated.ts,
// for the learned half of the danger check. The library reads no files at run time, so the
// examples travel as modules. Run it after changing those files; --check only reports whether the
// modules are up to date (exit 1 if not). The holdout set and any other danger-*.jsonl (a fresh
// blind set) are never copied: they stay unseen.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CATEGORIES } from '../libs/nlu/src/index.js';
import { LearnedModel } from '../libs/nlu/src/learned.model.js';
import { parseExamples } from '../libs/nlu/src/nlu.evaluation.js';
import { renderTrainingModule } from '../libs/nlu/src/training-data.js';
import { DANGER_DEVELOPMENT_FILES, renderDangerTrainingModule } from '../libs/nlu/src/danger-training.js';
import { parseDangerExamples, parseExistingLabels } from '../libs/nlu/src/danger.evaluation.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(root, 'libs/nlu/data/dev.jsonl');
const target = resolve(root, 'libs/nlu/src/training-data.generated.ts');
const labelSource = resolve(root, 'libs/nlu/data/existing-danger-labels.jsonl');
const dangerTarget = resolve(root, 'libs/nlu/src/danger-training.generated.ts');

const examples = parseExamples(readFileSync(source, 'utf8'), source).map((e) => ({ text: e.text, category: e.category }));
const rendered = renderTrainingModule(examples, 'libs/nlu/data/dev.jsonl');
const dangerExamples = DANGER_DEVELOPMENT_FILES.flatMap((f) => {
  const path = resolve(root, 'libs/nlu/data', f);
  return parseDangerExamples(readFileSync(path, 'utf8'), path).map((e) => ({ text: e.text, danger: e.danger }));
});
const devDangerLines = parseExistingLabels(readFileSync(labelSource, 'utf8'), labelSource)
  .filter((l) => l.set === 'dev')
  .map((l) => {
    // A label must still point at its message (dev.jsonl only grows at its end).
    if (examples[l.line - 1]?.text !== l.text) throw new Error(`${labelSource}: dev line ${l.line} no longer holds its message`);
    return l.line;
  });
const renderedDanger = renderDangerTrainingModule(
  dangerExamples,
  devDangerLines,
  `libs/nlu/data/${DANGER_DEVELOPMENT_FILES.join(', ')} and existing-danger-labels.jsonl`,
);

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // Not generated yet.
  }
}
const current = read(target);
const currentDanger = read(dangerTarget);
if (process.argv.includes('--check')) {
  const ok = current === rendered && currentDanger === renderedDanger;
  process.stdout.write(ok ? `up to date (${examples.length} examples, ${dangerExamples.length} danger examples)\n` : `out of date: run npm run nlu:train\n`);
  process.exit(ok ? 0 : 1);
}
if (current !== rendered) writeFileSync(target, rendered);
if (currentDanger !== renderedDanger) writeFileSync(dangerTarget, renderedDanger);
const codes = DEFAULT_CATEGORIES.map((c) => c.code);
const started = performance.now();
const model = LearnedModel.train(examples, codes);
const perCategory = codes.map((c) => `${c} ${examples.filter((e) => e.category === c).length}`).join(', ');
process.stdout.write(
  `${current === rendered ? 'unchanged' : 'wrote'} ${target}: ${examples.length} examples (${perCategory}); ` +
    `${model?.size ?? 0} features, trained in ${(performance.now() - started).toFixed(0)} ms\n`,
);
process.stdout.write(
  `${currentDanger === renderedDanger ? 'unchanged' : 'wrote'} ${dangerTarget}: ${dangerExamples.length} danger development messages ` +
    `(${dangerExamples.filter((e) => e.danger).length} danger) and ${devDangerLines.length} danger lines of dev.jsonl\n`,
);
