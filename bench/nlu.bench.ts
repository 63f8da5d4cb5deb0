// Latency of RuleBasedNlu.understand() on realistic messages (the NLU's dev and holdout sets), and
// the danger check: its recall and false-alarm rate on a blind set (a libs/nlu/data/danger-*.jsonl
// that is not development data, DANGER_DEVELOPMENT_FILES), when one is present, or else on
// danger-eval.jsonl (written by another author, now development data), and its own latency.
// The blind set is the newest danger-blind<N>.jsonl that is not development data (a helper's own
// holdout, e.g. danger-holdout-own3.jsonl, is scored only when no blind set is present). Since
// decision 0044 blind6 is development data: the bench scores danger-blind7.jsonl once it exists,
// danger-holdout-own3.jsonl until then.
// Called from bench/run.ts; run alone with `npx tsx bench/nlu.bench.ts [--quick] [--danger-set <file in libs/nlu/data>]`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evaluateDanger, parseDangerExamples } from '../libs/nlu/src/danger.evaluation.js';
import { DANGER_DEVELOPMENT_FILES } from '../libs/nlu/src/danger-training.js';
import { assessDanger, RuleBasedNlu } from '../libs/nlu/src/index.js';
import { EVAL_NOW, EVAL_TIME_ZONE, parseExamples } from '../libs/nlu/src/nlu.evaluation.js';

export interface DangerBenchResult {
  /** The labelled file scored: a blind libs/nlu/data/danger-*.jsonl when present, else danger-eval.jsonl (development data). */
  set: string;
  /** Labelled messages in it. */
  messages: number;
  /** Danger messages assessed likely or possible, of all danger messages (null without any). */
  recall: number | null;
  /** Ordinary needs assessed likely or possible, of all ordinary needs (null without any). */
  false_alarm_rate: number | null;
  /** Latency of assessDanger() alone over the same messages. */
  p50_ms: number;
  p99_ms: number;
}

export interface NluBenchResult {
  /** Timed understand() calls. */
  messages: number;
  p50_ms: number;
  p99_ms: number;
  danger: DangerBenchResult;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = ['libs/nlu/data/dev.jsonl', 'libs/nlu/data/holdout.jsonl'];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** The danger set the bench scores: the highest-numbered blind set, else any other unseen set, else danger-eval.jsonl. */
export function chooseDangerBenchSet(files: readonly string[]): string {
  const unseen = files.filter((f) => /^danger-.+\.jsonl$/.test(f) && !DANGER_DEVELOPMENT_FILES.includes(f)).sort();
  const blindNumber = (f: string) => Number(/^danger-blind(\d+)\.jsonl$/.exec(f)?.[1] ?? -1);
  const blind = unseen.filter((f) => blindNumber(f) >= 0).sort((a, b) => blindNumber(b) - blindNumber(a));
  return blind[0] ?? unseen[0] ?? 'danger-eval.jsonl';
}

export async function runNluBench(opts: { quick: boolean; dangerSet?: string }): Promise<NluBenchResult> {
  const texts = DATA.flatMap((file) => parseExamples(readFileSync(resolve(root, file), 'utf8'), file).map((e) => e.text));
  // Construction loads the segmenter's dictionary once; it is not part of a message's latency.
  const nlu = new RuleBasedNlu();
  const options = { now: EVAL_NOW, timeZone: EVAL_TIME_ZONE };
  for (let i = 0; i < (opts.quick ? 2 : 3); i++) for (const t of texts) nlu.understand(t, options);

  const repetitions = opts.quick ? 3 : 20;
  const samples: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    for (const t of texts) {
      const started = performance.now();
      nlu.understand(t, options);
      samples.push(performance.now() - started);
    }
  }
  samples.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    messages: samples.length,
    p50_ms: round(percentile(samples, 50)),
    p99_ms: round(percentile(samples, 99)),
    danger: dangerBench(opts.quick, round, opts.dangerSet),
  };
}

function dangerBench(quick: boolean, round: (n: number) => number, file?: string): DangerBenchResult {
  const set = `libs/nlu/data/${file ?? chooseDangerBenchSet(readdirSync(resolve(root, 'libs/nlu/data')))}`;
  const examples = parseDangerExamples(readFileSync(resolve(root, set), 'utf8'), set);
  // The first call trains the learned backup; it is not part of a message's latency.
  const report = evaluateDanger(examples, assessDanger);
  const samples: number[] = [];
  for (let r = 0; r < (quick ? 3 : 20); r++) {
    for (const e of examples) {
      const started = performance.now();
      assessDanger(e.text);
      samples.push(performance.now() - started);
    }
  }
  samples.sort((a, b) => a - b);
  const share = (r: { rate: number | null }) => (r.rate === null ? null : round(r.rate));
  return {
    set,
    messages: examples.length,
    recall: share(report.recall),
    false_alarm_rate: share(report.falseAlarms),
    p50_ms: round(percentile(samples, 50)),
    p99_ms: round(percentile(samples, 99)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const setArg = process.argv.indexOf('--danger-set');
  const dangerSet = setArg >= 0 ? process.argv[setArg + 1] : undefined;
  runNluBench(dangerSet === undefined ? { quick: process.argv.includes('--quick') } : { quick: process.argv.includes('--quick'), dangerSet }).then(
    (result) => process.stdout.write(JSON.stringify(result) + '\n'),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
