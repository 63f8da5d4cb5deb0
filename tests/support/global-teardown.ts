// Drops the run's database and Redis keys. Loaded outside Jest's ESM graph like the setup,
// so it shells out to the db script rather than importing TypeScript modules.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Redis } from 'ioredis';

function dropTestDatabase(databaseUrl: string): void {
  const root = path.resolve(__dirname, '..', '..');
  const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'scripts', 'db.ts'), 'drop-test-database'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (r.status !== 0) console.warn(`could not drop ${databaseUrl}: ${r.stderr}`);
}

export default async function globalTeardown(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url && process.env.KEEP_TEST_DB !== '1') dropTestDatabase(url);
  const prefix = process.env.TEST_REDIS_PREFIX;
  if (prefix) {
    const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
}
