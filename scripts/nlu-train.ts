// npm run nlu:train [-- --check]
// Copies the labelled development set (libs/nlu/data/dev.jsonl) into
// libs/nlu/src/training-data.generated.ts, the examples RuleBasedNlu trains its learned model on
// when it is built. The library reads no files at run time, so the examples travel as a module.
// Run it after changing dev.jsonl; --check only reports whether the module is up to date
// (exit 1 if not). The holdout set is never copied: it stays unseen.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CATEGORIES } from '../libs/nlu/src/index.js';
import { LearnedModel } from '../libs/nlu/src/learned.model.js';
import { parseExamples } from '../libs/nlu/src/nlu.evaluation.js';
import { renderTrainingModule } from '../libs/nlu/src/training-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(root, 'libs/nlu/data/dev.jsonl');
const target = resolve(root, 'libs/nlu/src/training-data.generated.ts');

const examples = parseExamples(readFileSync(source, 'utf8'), source).map((e) => ({ text: e.text, category: e.category }));
const rendered = renderTrainingModule(examples, 'libs/nlu/data/dev.jsonl');
let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  // Not generated yet.
}
if (process.argv.includes('--check')) {
  const ok = current === rendered;
  process.stdout.write(ok ? `up to date (${examples.length} examples)\n` : `out of date: run npm run nlu:train\n`);
  process.exit(ok ? 0 : 1);
}
if (current !== rendered) writeFileSync(target, rendered);
const codes = DEFAULT_CATEGORIES.map((c) => c.code);
const started = performance.now();
const model = LearnedModel.train(examples, codes);
const perCategory = codes.map((c) => `${c} ${examples.filter((e) => e.category === c).length}`).join(', ');
process.stdout.write(
  `${current === rendered ? 'unchanged' : 'wrote'} ${target}: ${examples.length} examples (${perCategory}); ` +
    `${model?.size ?? 0} features, trained in ${(performance.now() - started).toFixed(0)} ms\n`,
);
