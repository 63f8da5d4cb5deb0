// npx tsx scripts/nlu-danger-cv.ts [--frames both|on|off] [--threshold T] [--aside A] [--json]
// Leave one set out (decision 0068): for each danger development set, the danger check's learned half
// is trained without that set (and without any message whose text is in it) and the set is read by
// the full detector. Prints, for the sets strangers wrote and we then folded into development data
// (danger-blind10 … danger-blind23), recall and false alarms per set and pooled at the thresholds
// given (default: the detector's); then a grid of thresholds on the first half of those sets
// (blind10–16) and on the second (blind17–23); then what the vote beside cues set aside would add on
// the selection data (every development set but blind17–23), asked and not asked, and the threshold
// chosen there: the lowest that adds no false alarm (the rules set aside no danger there, so recall
// cannot choose it). The rules were tuned while reading every one of these sets, so their share is
// optimistic; the learned half's is the honest part. `--frames on` trains with question-framed copies
// (danger-augment.ts); `both` (default) prints both. Reads libs/nlu/data; no file is written.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDangerExamples } from '../libs/nlu/src/danger.evaluation.js';
import { DANGER_DEVELOPMENT_FILES, DANGER_TRAINING } from '../libs/nlu/src/danger-training.js';
import { DANGER_ROWS } from '../libs/nlu/src/danger-training.generated.js';
import { LEARNED_ASIDE_THRESHOLD, LEARNED_DANGER_THRESHOLD, LEARNED_QUESTION_FRAMES } from '../libs/nlu/src/danger.detector.js';
import {
  leaveOneSetOut,
  scoreHeldOut,
  type HeldOutReading,
  type HeldOutScore,
  type LearnedThresholds,
  type NamedDangerSet,
} from '../libs/nlu/src/danger.cross-validation.js';
import type { Rate } from '../libs/nlu/src/nlu.evaluation.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const framesArg = option('--frames') ?? 'both';
const given: LearnedThresholds = {
  threshold: Number(option('--threshold') ?? LEARNED_DANGER_THRESHOLD),
  asideThreshold: Number(option('--aside') ?? LEARNED_ASIDE_THRESHOLD),
};

const sets: NamedDangerSet[] = DANGER_DEVELOPMENT_FILES.map((f) => {
  const path = resolve(root, 'libs/nlu/data', f);
  return { name: f.replace(/\.jsonl$/, ''), examples: parseDangerExamples(readFileSync(path, 'utf8'), path).map((e) => ({ text: e.text, danger: e.danger })) };
});
// The ordinary needs (and labelled dangers) of dev.jsonl follow the danger development rows.
const rest = DANGER_TRAINING.slice(DANGER_ROWS.length);
const strangers = Array.from({ length: 14 }, (_, i) => `danger-blind${i + 10}`);
const choose = strangers.slice(0, 7);
const check = strangers.slice(7);

function pct(r: Rate): string {
  return r.rate === null ? 'n/a' : `${(r.rate * 100).toFixed(1)}% (${r.hit}/${r.total})`;
}

function pooled(readings: Map<string, HeldOutReading[]>, names: readonly string[], t: LearnedThresholds): HeldOutScore {
  return scoreHeldOut(
    names.flatMap((n) => readings.get(n) ?? []),
    t,
  );
}

// The rules alone: no learned vote at all.
const RULES_ONLY: LearnedThresholds = { threshold: 2, asideThreshold: 2 };

function line(label: string, s: HeldOutScore, rules: HeldOutScore): string {
  return (
    `${label.padEnd(22)} recall ${pct(s.recall).padEnd(20)} false alarms ${pct(s.falseAlarms).padEnd(18)} aside vote +${s.asideFound} / +${s.asideFalseAlarms}` +
    `   rules alone ${pct(rules.recall)} / ${pct(rules.falseAlarms)}`
  );
}

const THRESHOLDS = [0.85, 0.9, 0.93, 0.95];
const ASIDE = [2, 0.5, 0.7, 0.8, 0.9, 0.93, 0.95, 0.97, 0.99];
const BUCKET = [0.5, 0.7, 0.8, 0.9, 0.93, 0.95, 0.97, 0.99];
const held = new Set(check);
const selection = sets.map((s) => s.name).filter((n) => !held.has(n));

/** Danger found / false alarms added at each threshold among readings. */
function counts(readings: readonly HeldOutReading[], t: number): [number, number] {
  return [readings.filter((r) => r.danger && r.probability >= t).length, readings.filter((r) => !r.danger && r.probability >= t).length];
}

const json: Record<string, unknown> = {};
for (const frames of framesArg === 'both' ? [false, true] : [framesArg === 'on']) {
  const started = performance.now();
  const readings = leaveOneSetOut(
    sets,
    rest,
    sets.map((s) => s.name),
    frames,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const head = `== leave one set out, question frames ${frames ? 'on' : 'off'}${frames === LEARNED_QUESTION_FRAMES ? ' (default)' : ''} (${seconds} s)`;
  const out: string[] = [head, `-- threshold ${given.threshold}, aside ${given.asideThreshold > 1 ? 'off' : given.asideThreshold}`];
  for (const n of strangers) out.push(line(n, scoreHeldOut(readings.get(n) ?? [], given), scoreHeldOut(readings.get(n) ?? [], RULES_ONLY)));
  for (const [label, names] of [
    ['pooled blind10-16', choose],
    ['pooled blind17-23', check],
    ['pooled blind10-23', strangers],
  ] as const)
    out.push(line(label, pooled(readings, names, given), pooled(readings, names, RULES_ONLY)));
  out.push('-- grid: threshold, aside: chosen on blind10-16 | checked on blind17-23');
  const grid: Array<{ t: LearnedThresholds; choose: HeldOutScore; check: HeldOutScore }> = [];
  for (const threshold of THRESHOLDS)
    for (const asideThreshold of ASIDE) {
      const t = { threshold, asideThreshold };
      const a = pooled(readings, choose, t);
      const b = pooled(readings, check, t);
      grid.push({ t, choose: a, check: b });
      out.push(
        `${String(threshold).padEnd(5)} ${(asideThreshold > 1 ? 'off' : String(asideThreshold)).padEnd(5)} ` +
          `${pct(a.recall).padEnd(20)} ${pct(a.falseAlarms).padEnd(18)} | ${pct(b.recall).padEnd(20)} ${pct(b.falseAlarms)}`,
      );
    }
  const chosen: Record<string, number | null> = {};
  for (const [label, names] of [
    ['selection (all but blind17-23)', selection],
    ['check (blind17-23)', check],
  ] as const) {
    const all = names.flatMap((n) => readings.get(n) ?? []);
    const aside = all.filter((r) => r.rules === 'none' && r.setAside);
    for (const asked of [true, false]) {
      const bucket = aside.filter((r) => r.asked === asked);
      out.push(
        `-- ${label}, cues all set aside, ${asked ? 'asked' : 'not asked'}: ${bucket.filter((r) => r.danger).length} danger, ` +
          `${bucket.filter((r) => !r.danger).length} ordinary; found / false alarms at ` +
          BUCKET.map((t) => `${t} ${counts(bucket, t).join('/')}`).join('  '),
      );
    }
    const asked = aside.filter((r) => r.asked);
    chosen[label] = BUCKET.find((t) => counts(asked, t)[1] === 0) ?? null;
    // Tried and dropped: the learned vote lowering the rules' `possible` to none when it is this sure of no danger.
    const possible = all.filter((r) => r.rules === 'possible');
    out.push(
      `-- ${label}, a veto of the rules' possible (dropped): ${possible.filter((r) => r.danger).length} danger, ${possible.filter((r) => !r.danger).length} ordinary; ` +
        `danger lost / false alarms saved below ` +
        [0.001, 0.01, 0.05, 0.1]
          .map((t) => `${t} ${possible.filter((r) => r.danger && r.probability < t).length}/${possible.filter((r) => !r.danger && r.probability < t).length}`)
          .join('  '),
    );
  }
  out.push(`-- aside threshold chosen on the selection data (lowest adding no false alarm, asked): ${chosen['selection (all but blind17-23)'] ?? 'none'}`);
  json[frames ? 'framesOn' : 'framesOff'] = { grid, chosen };
  process.stdout.write(args.includes('--json') ? '' : `${out.join('\n')}\n\n`);
}
if (args.includes('--json')) process.stdout.write(`${JSON.stringify(json, null, 1)}\n`);
