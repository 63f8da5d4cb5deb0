// npm run nlu:eval [-- --json] [-- --set dev|holdout|sample|fresh|blind3|danger|danger-<name>] [-- --misses]
//                  [-- --holdout-misses] [-- --keywords-only] [-- --cv [folds]] [-- --danger-cv [folds]]
// Scores the rule-based NLU on the development set, the holdout, the shared sample and the
// fresh set (written after the rules were frozen; see libs/nlu/README.md).
// Misses of the holdout and fresh sets stay hidden unless asked for: rules must not be tuned on them.
// The learned half of the category classifier is trained on the development set, so its dev
// figures are not a test: --cv cross-validates on dev instead (keywords alone, learned model
// alone, both), and --keywords-only scores every set without the learned model.
// Danger: every libs/nlu/data/danger-*.jsonl is scored with assessDanger (recall and false alarms,
// overall and per family, the likely/possible split, the misses and false alarms listed), and so
// are dev and holdout with the danger labels of existing-danger-labels.jsonl (holdout texts hidden
// unless --holdout-misses). --set danger runs only these; --set danger-dev only that file. A danger
// file that is not development data (DANGER_DEVELOPMENT_FILES: a fresh blind set) is scored with
// its texts hidden unless --holdout-misses.
// --danger-cv cross-validates the danger check's learned backup on its training examples (message
// i in fold i mod folds) over a range of thresholds, and names the threshold the false-alarm
// budget allows (see LEARNED_DANGER_THRESHOLD).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assessDanger, createSegmenter, RuleBasedNlu, vocabularyWords } from '../libs/nlu/src/index.js';
import {
  dangerExamplesOf,
  evaluateDanger,
  formatDangerReport,
  parseDangerExamples,
  parseExistingLabels,
  summariseDanger,
  type DangerExample,
} from '../libs/nlu/src/danger.evaluation.js';
import { crossValidate, type CrossValidationReport } from '../libs/nlu/src/nlu.cross-validation.js';
import { chooseDangerThreshold, crossValidateDanger, LEARNED_FALSE_ALARM_BUDGET } from '../libs/nlu/src/danger.cross-validation.js';
import { DANGER_DEVELOPMENT_FILES, DANGER_TRAINING } from '../libs/nlu/src/danger-training.js';
import { LEARNED_DANGER_THRESHOLD } from '../libs/nlu/src/danger.learned.js';
import { EVAL_NOW, EVAL_TIME_ZONE, evaluate, formatReport, parseExamples, summarise, type Rate } from '../libs/nlu/src/nlu.evaluation.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SETS = {
  dev: resolve(root, 'libs/nlu/data/dev.jsonl'),
  holdout: resolve(root, 'libs/nlu/data/holdout.jsonl'),
  sample: process.env['NLU_SAMPLE'] ?? '/work/shared/nlu-sample.jsonl',
  fresh: resolve(root, 'libs/nlu/data/fresh.jsonl'),
  // Blind set 3, written by another author who saw neither rules nor data; measured once, misses unread.
  blind3: resolve(root, 'libs/nlu/data/blind3.jsonl'),
} as const;
const UNSEEN: readonly SetName[] = ['holdout', 'fresh', 'blind3'];
type SetName = keyof typeof SETS;

const args = process.argv.slice(2);
const json = args.includes('--json');
const showMisses = args.includes('--misses');
const showHoldoutMisses = args.includes('--holdout-misses');
const keywordsOnly = args.includes('--keywords-only');
const setArg = args.indexOf('--set');
const only = setArg >= 0 ? args[setArg + 1] : undefined;
const dataDir = resolve(root, 'libs/nlu/data');
const DANGER_FILES = readdirSync(dataDir)
  .filter((f) => /^danger-.+\.jsonl$/.test(f))
  .sort();
const dangerNames = DANGER_FILES.map((f) => f.replace(/\.jsonl$/, ''));
if (only !== undefined && !(only in SETS) && only !== 'danger' && !dangerNames.includes(only)) {
  process.stderr.write(`unknown set "${only}"; use one of ${[...Object.keys(SETS), 'danger', ...dangerNames].join(', ')}\n`);
  process.exit(2);
}
const cvArg = args.indexOf('--cv');
const folds = cvArg < 0 ? 0 : /^\d+$/.test(args[cvArg + 1] ?? '') ? Number(args[cvArg + 1]) : 10;

const nlu = new RuleBasedNlu(keywordsOnly ? { training: [] } : {});
const codes = nlu.categories.map((c) => c.code);

function pct(r: Rate): string {
  return r.rate === null ? 'n/a' : `${(r.rate * 100).toFixed(1)}% (${r.hit}/${r.total})`;
}

function formatCrossValidation(r: CrossValidationReport): string {
  return [
    `== dev, ${r.folds}-fold cross-validation: ${r.messages} messages (learned model trained on the other folds)`,
    `keywords alone     top-1 ${pct(r.keywords.top1)}   top-3 ${pct(r.keywords.top3)}`,
    `learned alone      top-1 ${pct(r.learned.top1)}   top-3 ${pct(r.learned.top3)}`,
    `blended            top-1 ${pct(r.blended.top1)}   top-3 ${pct(r.blended.top3)}`,
    `confidence >= 0.5  ${pct(r.confident.share)} of messages, top-1 ${pct(r.confident.top1)}`,
  ].join('\n');
}

const dangerCvArg = args.indexOf('--danger-cv');
if (dangerCvArg >= 0) {
  const dangerFolds = /^\d+$/.test(args[dangerCvArg + 1] ?? '') ? Number(args[dangerCvArg + 1]) : 10;
  const cv = crossValidateDanger(DANGER_TRAINING, dangerFolds);
  const chosen = chooseDangerThreshold(cv, LEARNED_FALSE_ALARM_BUDGET);
  if (json) process.stdout.write(JSON.stringify({ dangerCrossValidation: { ...cv, chosen, current: LEARNED_DANGER_THRESHOLD } }, null, 2) + '\n');
  else {
    const lines = [
      `== danger, ${cv.folds}-fold cross-validation of the learned backup: ${cv.messages} training messages (rules as tuned on them)`,
      `rules alone        recall ${pct(cv.rules.recall)}   false alarms ${pct(cv.rules.falseAlarms)}`,
      ...cv.rows.map(
        (r) =>
          `threshold ${r.threshold.toFixed(2)}     recall ${pct(r.recall)}   false alarms ${pct(r.falseAlarms)}   (learned vote +${r.learnedFound} danger, +${r.learnedFalseAlarms} ordinary)`,
      ),
      `chosen: ${chosen} (lowest threshold whose learned false alarms stay within ${(LEARNED_FALSE_ALARM_BUDGET * 100).toFixed(1)} % of ordinary needs); in use: ${LEARNED_DANGER_THRESHOLD}`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
  process.exit(0);
}

if (folds > 0) {
  const examples = parseExamples(readFileSync(SETS.dev, 'utf8'), SETS.dev);
  const report = crossValidate(examples, nlu.categories, createSegmenter(vocabularyWords(nlu.categories)), folds);
  process.stdout.write(json ? JSON.stringify({ crossValidation: report }, null, 2) + '\n' : formatCrossValidation(report) + '\n');
  process.exit(0);
}

const summary: Record<string, unknown> = {};
const names = (Object.keys(SETS) as SetName[]).filter((n) => only === undefined || n === only);
const dangerOnly = only === 'danger' || dangerNames.includes(only ?? '');
for (const name of dangerOnly ? [] : names) {
  let text: string;
  try {
    text = readFileSync(SETS[name], 'utf8');
  } catch {
    // A fresh set exists only between being written blind and being measured once.
    if ((name === 'fresh' || name === 'blind3') && only !== name) continue;
    if (json) summary[name] = { error: `cannot read ${SETS[name]}` };
    else process.stdout.write(`== ${name}: cannot read ${SETS[name]}, skipped\n\n`);
    continue;
  }
  const report = evaluate(parseExamples(text, SETS[name]), (t) => nlu.understand(t, { now: EVAL_NOW, timeZone: EVAL_TIME_ZONE }), codes);
  const label = name === 'dev' && !keywordsOnly ? 'dev (trained on: use --cv for an honest figure)' : name;
  if (json) summary[name] = summarise(report);
  else process.stdout.write(formatReport(label, report, UNSEEN.includes(name) ? showHoldoutMisses : showMisses) + '\n\n');
}
// The danger check: its own sets, then the category sets with their danger labels.
if (only === undefined || dangerOnly) {
  const danger: Record<string, unknown> = {};
  const report = (name: string, examples: DangerExample[], showTexts: boolean) => {
    const r = evaluateDanger(examples, assessDanger);
    if (json) danger[name] = summariseDanger(r);
    else {
      const shown = showTexts ? r : { ...r, misses: r.misses.map((m) => ({ ...m, text: '(hidden: use --holdout-misses)' })), falseAlarmList: [] };
      process.stdout.write(formatDangerReport(name, shown, showTexts) + '\n\n');
    }
  };
  for (const file of DANGER_FILES) {
    const name = file.replace(/\.jsonl$/, '');
    if (only !== undefined && only !== 'danger' && only !== name) continue;
    const path = resolve(dataDir, file);
    const development = DANGER_DEVELOPMENT_FILES.includes(file);
    report(
      development ? `${name} (development: tuned and trained on)` : name,
      parseDangerExamples(readFileSync(path, 'utf8'), path),
      development || showHoldoutMisses,
    );
  }
  if (only === undefined || only === 'danger') {
    const labelPath = resolve(dataDir, 'existing-danger-labels.jsonl');
    const labels = parseExistingLabels(readFileSync(labelPath, 'utf8'), labelPath);
    for (const set of ['dev', 'holdout'] as const) {
      const texts = parseExamples(readFileSync(SETS[set], 'utf8'), SETS[set]).map((e) => e.text);
      report(`${set} (labels: existing-danger-labels.jsonl)`, dangerExamplesOf(set, texts, labels), set === 'dev' || showHoldoutMisses);
    }
  }
  if (json) summary['danger'] = danger;
}
if (json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
