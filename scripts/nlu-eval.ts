// npm run nlu:eval [-- --json] [-- --set dev|holdout|sample|fresh] [-- --misses] [-- --holdout-misses]
// Scores the rule-based NLU on the development set, the holdout, the shared sample and the
// fresh set (written after the rules were frozen; see libs/nlu/README.md).
// Misses of the holdout and fresh sets stay hidden unless asked for: rules must not be tuned on them.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleBasedNlu } from '../libs/nlu/src/index.js';
import { EVAL_NOW, EVAL_TIME_ZONE, evaluate, formatReport, parseExamples, summarise } from '../libs/nlu/src/nlu.evaluation.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SETS = {
  dev: resolve(root, 'libs/nlu/data/dev.jsonl'),
  holdout: resolve(root, 'libs/nlu/data/holdout.jsonl'),
  sample: process.env['NLU_SAMPLE'] ?? '/work/shared/nlu-sample.jsonl',
  fresh: resolve(root, 'libs/nlu/data/fresh.jsonl'),
} as const;
const UNSEEN: readonly SetName[] = ['holdout', 'fresh'];
type SetName = keyof typeof SETS;

const args = process.argv.slice(2);
const json = args.includes('--json');
const showMisses = args.includes('--misses');
const showHoldoutMisses = args.includes('--holdout-misses');
const setArg = args.indexOf('--set');
const only = setArg >= 0 ? args[setArg + 1] : undefined;
if (only !== undefined && !(only in SETS)) {
  process.stderr.write(`unknown set "${only}"; use one of ${Object.keys(SETS).join(', ')}\n`);
  process.exit(2);
}

const nlu = new RuleBasedNlu();
const codes = nlu.categories.map((c) => c.code);
const summary: Record<string, unknown> = {};
const names = (Object.keys(SETS) as SetName[]).filter((n) => only === undefined || n === only);
for (const name of names) {
  let text: string;
  try {
    text = readFileSync(SETS[name], 'utf8');
  } catch {
    // A fresh set exists only between being written blind and being measured once.
    if (name === 'fresh' && only !== 'fresh') continue;
    if (json) summary[name] = { error: `cannot read ${SETS[name]}` };
    else process.stdout.write(`== ${name}: cannot read ${SETS[name]}, skipped\n\n`);
    continue;
  }
  const report = evaluate(parseExamples(text, SETS[name]), (t) => nlu.understand(t, { now: EVAL_NOW, timeZone: EVAL_TIME_ZONE }), codes);
  if (json) summary[name] = summarise(report);
  else process.stdout.write(formatReport(name, report, UNSEEN.includes(name) ? showHoldoutMisses : showMisses) + '\n\n');
}
if (json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
