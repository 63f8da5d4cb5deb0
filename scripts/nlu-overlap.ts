// npm run nlu:overlap -- libs/nlu/data/danger-blindN.jsonl [--threshold 0.8]
// Checks a newly written evaluation set against every other set in libs/nlu/data (*.jsonl) without
// showing their texts: a blind author must not read them. A line of the new set collides when its
// normalised text (NFKC, lower case, letters and digits only) equals one of theirs, or when the
// Jaccard similarity of the character bigrams is above the threshold (0.8 unless told). Only the
// new set's own line numbers and texts are printed, with the other file's name and the score.
// Lines repeated inside the new set are reported too. Exit code 1 when anything collides, 2 on bad
// arguments or a file that cannot be read (a line that is not JSON or has no text).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(root, 'libs/nlu/data');
const args = process.argv.slice(2);
const thresholdArg = args.indexOf('--threshold');
const threshold = thresholdArg >= 0 ? Number(args[thresholdArg + 1]) : 0.8;
const target = args.find((a, i) => !a.startsWith('--') && (thresholdArg < 0 || i !== thresholdArg + 1));
if (target === undefined || !Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
  process.stderr.write('usage: npm run nlu:overlap -- <new set .jsonl> [--threshold 0 < t <= 1]\n');
  process.exit(2);
}
const targetPath = resolve(process.cwd(), target);

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(text: string): Set<string> {
  const chars = [...text];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return grams;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}

interface Entry {
  line: number;
  text: string;
  norm: string;
  grams: Set<string>;
}

function entriesOf(path: string): Entry[] {
  const entries: Entry[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new Error(`${basename(path)}:${i + 1}: not JSON`);
      }
      const text = typeof parsed === 'object' && parsed !== null && 'text' in parsed ? parsed.text : undefined;
      if (typeof text !== 'string') throw new Error(`${basename(path)}:${i + 1}: no "text"`);
      const norm = normalise(text);
      entries.push({ line: i + 1, text, norm, grams: bigrams(norm) });
    });
  return entries;
}

let mine: Entry[];
let others: { file: string; entries: Entry[] }[];
try {
  mine = entriesOf(targetPath);
  others = readdirSync(dataDir)
    .filter((f) => f.endsWith('.jsonl') && resolve(dataDir, f) !== targetPath)
    .sort()
    .map((f) => ({ file: f, entries: entriesOf(resolve(dataDir, f)) }));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}

let collisions = 0;
const report = (e: Entry, where: string, score: number) => {
  collisions++;
  process.stdout.write(`${basename(targetPath)}:${e.line}\t${where}\t${score.toFixed(2)}\t${e.text}\n`);
};
for (const e of mine) {
  let best = { score: 0, file: '' };
  for (const { file, entries } of others) {
    for (const o of entries) {
      const score = o.norm === e.norm ? 1 : jaccard(e.grams, o.grams);
      if (score > best.score) best = { score, file };
    }
  }
  if (best.score === 1 || best.score > threshold) report(e, best.file, best.score);
}
for (let i = 0; i < mine.length; i++) {
  for (let j = i + 1; j < mine.length; j++) {
    const a = mine[i];
    const b = mine[j];
    if (a === undefined || b === undefined) continue;
    const score = a.norm === b.norm ? 1 : jaccard(a.grams, b.grams);
    if (score === 1 || score > threshold) report(b, `itself, line ${a.line}`, score);
  }
}
process.stdout.write(`${mine.length} lines checked against ${others.length} sets; ${collisions} collision(s) at threshold ${threshold}\n`);
process.exit(collisions > 0 ? 1 : 0);
