// npm run --silent nlu:classify < messages.jsonl
//
// A stable contract for tools outside the code. Input: JSON lines {"text": "..."} (optional
// "now": ISO date and "timeZone": IANA zone, for resolving relative times). Output: exactly one
// JSON line per input line, in the same order: the Understanding of @baiying/nlu (category,
// confidence, alternatives, beneficiary, urgency, phone, phones, time, place, language, danger), or
// {"error": "..."} for a line that cannot be read. phone is the first number: 11 digits for a
// mobile, area code + number digits for a landline (starting with 0), or null.
// Nothing else is written to stdout; the rules only (no model call), so output is deterministic.
import { createInterface } from 'node:readline';
import { RuleBasedNlu, type UnderstandOptions } from '../libs/nlu/src/index.js';

function parseLine(line: string): { text: string; opts: UnderstandOptions } | { error: string } {
  if (line.trim() === '') return { error: 'empty line' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: 'expected a JSON object' };
  const record = parsed as Record<string, unknown>;
  const text = record['text'];
  if (typeof text !== 'string') return { error: 'expected "text" to be a string' };
  const opts: UnderstandOptions = {};
  const now = record['now'];
  if (now !== undefined) {
    const date = typeof now === 'string' ? new Date(now) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) return { error: 'expected "now" to be an ISO date' };
    opts.now = date;
  }
  const timeZone = record['timeZone'];
  if (timeZone !== undefined) {
    if (typeof timeZone !== 'string') return { error: 'expected "timeZone" to be a string' };
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      return { error: `unknown time zone "${timeZone}"` };
    }
    opts.timeZone = timeZone;
  }
  return { text, opts };
}

async function main(): Promise<void> {
  // A reader that stops early (head, a closed pipe) is not an error of ours.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const nlu = new RuleBasedNlu();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const input = parseLine(line);
    let output: unknown;
    if ('error' in input) output = input;
    else {
      try {
        output = nlu.understand(input.text, input.opts);
      } catch (err) {
        output = { error: err instanceof Error ? err.message : String(err) };
      }
    }
    if (!process.stdout.write(JSON.stringify(output) + '\n')) {
      await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`nlu-classify: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
