// Working tool (not committed): split the two old holdouts into A (tuned on) and B (held back).
import { readFileSync } from 'node:fs';
import { DangerDetector, DANGER_TRAINING } from '../libs/nlu/src/index.js';
import { evaluateDanger, formatDangerReport, parseDangerExamples, type DangerExample } from '../libs/nlu/src/danger.evaluation.js';
import { parseExamples } from '../libs/nlu/src/nlu.evaluation.js';

const args = process.argv.slice(2);
const dir = 'libs/nlu/data/';
const part = (f: string, b: boolean): DangerExample[] =>
  parseDangerExamples(readFileSync(dir + f, 'utf8'), f).filter((_, i) => (i % 3 === 0) === b);
const A = { eval: part('danger-eval.jsonl', false), blind2: part('danger-blind2.jsonl', false) };
const B = { eval: part('danger-eval.jsonl', true), blind2: part('danger-blind2.jsonl', true) };
const thr = args.includes('--thr') ? Number(args[args.indexOf('--thr') + 1]) : undefined;
const trainA = args.includes('--train-a');
const training = trainA ? [...DANGER_TRAINING, ...A.eval, ...A.blind2].map((e) => ({ text: e.text, danger: e.danger })) : DANGER_TRAINING;
const det = new DangerDetector({ training, ...(thr !== undefined ? { threshold: thr } : {}) });
const rules = new DangerDetector({ training: [] });
if (args.includes('--time')) {
  const texts = [
    ...parseExamples(readFileSync(dir + 'dev.jsonl', 'utf8')).map((e) => e.text),
    ...['danger-dev.jsonl', 'danger-eval.jsonl', 'danger-blind2.jsonl'].flatMap((f) => parseDangerExamples(readFileSync(dir + f, 'utf8')).map((e) => e.text)),
  ];
  for (const t of texts) det.assess(t);
  const times: number[] = [];
  for (let r = 0; r < 5; r++) for (const t of texts) { const s = performance.now(); det.assess(t); times.push(performance.now() - s); }
  times.sort((a, b) => a - b);
  console.log(`timing over ${texts.length} messages x5: p50 ${times[Math.floor(times.length / 2)]!.toFixed(4)} ms p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(4)} ms`);
}
for (const [name, set] of Object.entries(A)) {
  const r = evaluateDanger(set, (t) => det.assess(t));
  const show = args.includes('--show');
  const out = formatDangerReport(`A ${name}`, r);
  console.log(show ? out : out.split('\n').slice(0, 3).join('\n'));
  if (args.includes('--rules')) console.log(formatDangerReport(`A ${name} rules`, evaluateDanger(set, (t) => rules.assess(t))).split('\n').slice(0, 3).join('\n'));
}
if (args.includes('--b')) {
  for (const [name, set] of Object.entries(B)) {
    const r = evaluateDanger(set, (t) => det.assess(t));
    console.log(formatDangerReport(`B ${name} (held back)`, r).split('\n').filter((l) => !l.startsWith('  ') && !/^(misses|false alarms:)/.test(l)).join('\n'));
  }
}
if (args.includes('--cv')) {
  const { crossValidateDanger } = await import('../libs/nlu/src/danger.cross-validation.js');
  const pool = [...DANGER_TRAINING, ...A.eval, ...A.blind2].map((e) => ({ text: e.text, danger: e.danger }));
  const cv = crossValidateDanger(pool);
  const p = (r: { hit: number; total: number; rate: number | null }) => `${((r.rate ?? 0) * 100).toFixed(1)}% (${r.hit}/${r.total})`;
  console.log(`rules: ${p(cv.rules.recall)} / ${p(cv.rules.falseAlarms)}`);
  for (const r of cv.rows) console.log(`${r.threshold}: recall ${p(r.recall)} FA ${p(r.falseAlarms)} learned +${r.learnedFound} / +${r.learnedFalseAlarms}`);
}
