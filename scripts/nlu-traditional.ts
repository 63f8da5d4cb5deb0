// npm run nlu:traditional [-- --check]
// Writes libs/nlu/src/traditional-fold.generated.ts, the traditional → simplified character table the
// danger check folds messages with (libs/nlu/src/traditional-fold.ts), from OpenCC's dictionaries in
// the opencc-js package (Hong Kong and Taiwan variants first, then traditional → mainland
// simplified). --check only reports whether the module is up to date (exit 1 if not).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { buildTraditionalPairs, renderTraditionalFoldModule } from '../libs/nlu/src/traditional-fold.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(root, 'libs/nlu/src/traditional-fold.generated.ts');
const version = (JSON.parse(readFileSync(resolve(root, 'node_modules/opencc-js/package.json'), 'utf8')) as { version: string }).version;

const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
const pairs = buildTraditionalPairs((ch) => {
  const viaHk = hk(ch);
  return viaHk !== ch ? viaHk : tw(ch);
});
const rendered = renderTraditionalFoldModule(pairs, `opencc-js ${version} (OpenCC HKVariantsRev, TWVariantsRev, TSCharacters)`);

let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  // Not generated yet.
}
if (process.argv.includes('--check')) {
  const ok = current === rendered;
  process.stdout.write(ok ? `up to date (${pairs.length / 2} characters)\n` : 'out of date: run npm run nlu:traditional\n');
  process.exit(ok ? 0 : 1);
}
if (current !== rendered) writeFileSync(target, rendered);
process.stdout.write(`${pairs.length / 2} characters → ${target}\n`);
