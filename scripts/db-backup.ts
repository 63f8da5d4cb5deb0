// npm run db:backup [-- --out FILE]        a consistent dump of DATABASE_URL (pg_dump, custom format);
//                                            default FILE: $BACKUP_DIR (or ./backups)/<db>-<UTC time>.dump
// npm run db:restore -- FILE [--force]       restore a dump into DATABASE_URL (pg_restore)
//
// Both use the PostgreSQL client tools found on PATH (same major version as the server or newer)
// and only DATABASE_URL (from the environment or .env): a backup host needs no other setting.
// Restore refuses a database that already holds tables unless --force, which drops and re-creates
// it first. Redis is never backed up: the worker's startup reconcile re-creates every queue job
// from PostgreSQL (decision 0004). Guidance (PITR, retention, drills): docs/operations.md.
import 'dotenv/config';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ROOT, dropDatabase, ensureDatabase } from './db-tools.js';

/** Query parameters Prisma understands but libpq rejects ("invalid URI query parameter"). */
const PRISMA_ONLY_PARAMS = ['schema', 'connection_limit', 'pool_timeout', 'pgbouncer', 'socket_timeout', 'statement_cache_size'];

/** The URL for libpq tools (password moved to PGPASSWORD, so it never shows in the process list). */
function libpqTarget(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv; label: string } {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) {
    env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = '';
  }
  for (const p of PRISMA_ONLY_PARAMS) url.searchParams.delete(p);
  const label = `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  return { url: url.toString(), env, label };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(tool, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      `${tool} not found on PATH: install the PostgreSQL client tools of the server's major version or newer (Debian: apt-get install postgresql-client)`,
    );
  }
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${tool} failed (exit ${r.status}):\n${r.stderr.trim()}`);
  return r.stdout;
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (in the environment or .env): say which database to back up or restore into');
  return url;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

async function backup(args: string[]): Promise<void> {
  const target = libpqTarget(databaseUrl());
  const outIndex = args.indexOf('--out');
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
  const dbName = new URL(target.url).pathname.slice(1) || 'db';
  const out = path.resolve(
    outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : path.join(process.env.BACKUP_DIR || path.join(ROOT, 'backups'), `${dbName}-${stamp}.dump`),
  );
  if (existsSync(out)) throw new Error(`${out} exists: refusing to overwrite a backup`);
  mkdirSync(path.dirname(out), { recursive: true });
  // Written under a temporary name first: a dump that failed halfway never looks complete.
  const partial = `${out}.partial`;
  const started = Date.now();
  console.log(`backing up ${target.label} to ${out} (pg_dump, custom format)`);
  try {
    run('pg_dump', ['--format=custom', '--compress=6', '--no-password', `--file=${partial}`, `--dbname=${target.url}`], target.env);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  renameSync(partial, out);
  const entries = run('pg_restore', ['--list', out], target.env)
    .split('\n')
    .filter((l) => / TABLE DATA /.test(l)).length;
  console.log(`wrote ${out}: ${mib(statSync(out).size)}, ${entries} tables' data, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log('restore with: npm run db:restore -- <file>   (see docs/operations.md)');
}

/** Tables in the database outside PostgreSQL's own schemas (0 = safe to restore into). */
async function userTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND s.nspname NOT IN ('pg_catalog', 'information_schema') AND s.nspname NOT LIKE 'pg_toast%'",
    );
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function summary(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ needs: string; open: string; pending: string; migrations: string }>(
      `SELECT (SELECT count(*) FROM need)::text AS needs,
              (SELECT count(*) FROM need WHERE status IN ('submitted', 'dispatched', 'claimed', 'en_route', 'done'))::text AS open,
              (SELECT count(*) FROM sent_message WHERE status = 'pending')::text AS pending,
              (SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL)::text AS migrations`,
    );
    const row = r.rows[0]!;
    return `${row.needs} needs (${row.open} open), ${row.pending} messages pending, ${row.migrations} migrations applied`;
  } catch {
    return 'not a Baiying database (no need / sent_message / _prisma_migrations tables)';
  } finally {
    await client.end();
  }
}

async function restore(args: string[]): Promise<void> {
  const force = args.includes('--force');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: npm run db:restore -- <backup file> [--force]');
  const dump = path.resolve(file);
  if (!existsSync(dump)) throw new Error(`${dump}: no such file`);
  const url = databaseUrl();
  const target = libpqTarget(url);
  // A readable table of contents proves the file is a complete custom-format archive.
  try {
    run('pg_restore', ['--list', dump], target.env);
  } catch (e) {
    throw new Error(`${dump} is not a readable pg_dump custom-format archive: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
  if (await ensureDatabase(url)) console.log(`created the database ${target.label}`);
  const tables = await userTables(url);
  if (tables > 0) {
    if (!force) {
      throw new Error(
        `refusing to restore: ${target.label} is not empty (${tables} tables). Restore into a new database (set DATABASE_URL to a new name), or add --force to DROP and re-create ${target.label} first (stop the bot and the worker before that).`,
      );
    }
    console.log(`--force: dropping and re-creating ${target.label} (${tables} tables)`);
    await dropDatabase(url);
    await ensureDatabase(url);
  }
  const started = Date.now();
  console.log(`restoring ${dump} into ${target.label} (pg_restore, one transaction)`);
  // No owners or grants from the source: the restoring role owns what it restores.
  run('pg_restore', ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', '--no-password', `--dbname=${target.url}`, dump], target.env);
  console.log(`restored in ${((Date.now() - started) / 1000).toFixed(1)} s: ${await summary(url)}`);
  console.log(
    'next: npm run db:migrate (if this release is newer than the backup), then start the worker: its startup reconcile re-creates every queue job from the database. ENCRYPTION_KEY must be the key (or in ENCRYPTION_KEY_PREVIOUS) that was in use when the backup was made.',
  );
}

async function main(): Promise<void> {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'backup') return backup(args);
  if (cmd === 'restore') return restore(args);
  throw new Error('usage: tsx scripts/db-backup.ts backup [--out FILE] | restore FILE [--force]');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
