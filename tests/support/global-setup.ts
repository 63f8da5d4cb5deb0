// One database and one Redis key prefix per test run, so runs never collide. Jest loads this
// file outside its ESM module graph, so it shells out to the same db script the demo uses.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export function runDbScript(args: string[], databaseUrl: string): void {
  const root = path.resolve(__dirname, '..', '..');
  const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'scripts', 'db.ts'), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`db ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

export default async function globalSetup(): Promise<void> {
  const tag = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const url = new URL(process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/baiying_test_${tag}`;
  process.env.TEST_DATABASE_URL = url.toString();
  process.env.TEST_REDIS_PREFIX = `bytest-${tag}`;
  process.env.TEST_REDIS_URL ??= 'redis://127.0.0.1:6379';
  runDbScript(['migrate'], process.env.TEST_DATABASE_URL);
}
