// Database lifecycle used by the demo, CI and tests: create the database if missing, apply
// migrations with Prisma's offline (WebAssembly) engine, seed the demo county.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs `fn` on the server's maintenance database with the target database's (checked) name. */
async function onServer<T>(databaseUrl: string, fn: (client: pg.Client, name: string) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unsupported database name: ${name}`);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client, name);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  return onServer(databaseUrl, async (client, name) => {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  });
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  await onServer(databaseUrl, (client, name) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

function prismaBin(): string {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'prisma');
  if (!existsSync(bin)) throw new Error('prisma CLI not installed: run npm install');
  return bin;
}

export function migrate(databaseUrl: string, quiet = false): void {
  const r = spawnSync(prismaBin(), ['migrate', 'deploy'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`prisma migrate deploy failed (${r.status}): ${quiet ? `${r.stdout}\n${r.stderr}` : ''}`);
}

/** SQL that Prisma's engine cannot apply (PL/pgSQL bodies), run after the migrations. */
export async function applyPostMigrationSql(databaseUrl: string): Promise<void> {
  const dir = path.join(ROOT, 'prisma', 'sql');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const f of readdirSync(dir)
      .filter((x) => x.endsWith('.sql'))
      .sort()) {
      await client.query(readFileSync(path.join(dir, f), 'utf8'));
    }
  } finally {
    await client.end();
  }
}

export async function migrateAll(databaseUrl: string, quiet = false): Promise<void> {
  migrate(databaseUrl, quiet);
  await applyPostMigrationSql(databaseUrl);
}

export function generateClient(databaseUrl: string): void {
  const r = spawnSync(prismaBin(), ['generate'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('prisma generate failed');
}
