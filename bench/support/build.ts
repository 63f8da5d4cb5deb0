// Builds the apps when dist/ is missing or older than the sources it is compiled from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../scripts/db-tools.js';

const ENTRIES = ['dist/apps/bot/src/main.js', 'dist/apps/worker/src/main.js'];
const SOURCE_DIRS = ['apps', 'libs'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** Newest mtime (ms) of the files under `dir` that the build reads; specs and tests are not built. */
function newestUnder(dir: string, budget: { files: number }): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (budget.files-- <= 0) break;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      newest = Math.max(newest, newestUnder(full, budget));
    } else if (!/\.(spec|test)\.ts$/.test(entry.name)) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

export interface BuildCheck {
  built: boolean;
  reason: string;
  ms: number;
}

export function buildIfStale(log: (line: string) => void): BuildCheck {
  const started = Date.now();
  const outputs = ENTRIES.map((e) => path.join(ROOT, e));
  let reason = '';
  if (outputs.some((o) => !existsSync(o))) {
    reason = 'dist/ is missing';
  } else {
    const oldestOutput = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
    const budget = { files: 50_000 };
    const newestSource = Math.max(
      ...SOURCE_DIRS.map((d) => newestUnder(path.join(ROOT, d), budget)),
      ...SOURCE_FILES.map((f) => (existsSync(path.join(ROOT, f)) ? statSync(path.join(ROOT, f)).mtimeMs : 0)),
    );
    if (newestSource > oldestOutput) reason = `sources changed ${Math.round((newestSource - oldestOutput) / 1000)} s after the last build`;
  }
  if (!reason) return { built: false, reason: 'dist/ is up to date', ms: Date.now() - started };
  log(`building (${reason}): npm run build …`);
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`npm run build failed (${r.status ?? r.signal}):\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`);
  return { built: true, reason, ms: Date.now() - started };
}
