// npm run db:migrate | db:seed | db:new-migration NAME
import 'dotenv/config';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@baiying/config';
import { FieldCipher } from '@baiying/crypto';
import { createPrismaClient, seedDemoCounty } from '@baiying/db';
import pg from 'pg';
import { ROOT, dropDatabase, ensureDatabase, migrateAll } from './db-tools.js';
import { rebuildRollups } from './reports-rebuild.js';
import { COUNTY_SCALE, seedCounty } from './seed-county.js';

async function main(): Promise<void> {
  const [cmd, arg, scale] = process.argv.slice(2);
  const config = loadConfig();
  if (cmd === 'migrate') {
    if (await ensureDatabase(config.databaseUrl)) console.log('created the database');
    await migrateAll(config.databaseUrl);
    return;
  }
  if (cmd === 'seed') {
    // The demo county's personas are public: a production database never gets them.
    if (!config.demoSeed)
      throw new Error(
        `refusing to seed the demo county: DEMO_SEED is off (${config.env === 'production' ? 'production never seeds it' : 'set DEMO_SEED=true'})`,
      );
    if (arg !== undefined && (arg !== '--scale' || scale !== 'county')) throw new Error('usage: npm run db:seed [-- --scale county]');
    const cipher = new FieldCipher(config.encryptionKey, config.previousEncryptionKeys);
    const prisma = createPrismaClient(config.databaseUrl, 2);
    try {
      await seedDemoCounty(prisma, cipher);
      console.log('seeded the demo county');
    } finally {
      await prisma.$disconnect();
    }
    if (scale !== 'county') return;
    // The county scale: set-based SQL on one connection, then the rollups (docs/reports.md).
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      const t = Date.now();
      const steps = await seedCounty(client, cipher, COUNTY_SCALE);
      const seeded = (Date.now() - t) / 1000;
      const r = Date.now();
      const months = await rebuildRollups(client, config.timeZone);
      const rebuilt = (Date.now() - r) / 1000;
      console.log(`seeded the county scale in ${seeded.toFixed(1)} s (${JSON.stringify(steps)}); rollups: ${months} months in ${rebuilt.toFixed(1)} s`);
    } finally {
      await client.end();
    }
    return;
  }
  if (cmd === 'drop-test-database') {
    // Only ever drops the per-run databases the test setup creates.
    if (!/\/baiying_test_[a-z0-9]+$/.test(new URL(config.databaseUrl).pathname)) throw new Error('refusing to drop a non-test database');
    await dropDatabase(config.databaseUrl);
    return;
  }
  if (cmd === 'new-migration') {
    if (!arg || !/^[a-z0-9_]+$/.test(arg)) throw new Error('usage: npm run db:new-migration -- name_in_snake_case');
    // Diff the committed schema against the working one (no shadow database: see STACK.md).
    const dir = mkdtempSync(path.join(tmpdir(), 'schema-'));
    const previous = path.join(dir, 'schema.prisma');
    writeFileSync(previous, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { cwd: ROOT }));
    const r = spawnSync(
      path.join(ROOT, 'node_modules/.bin/prisma'),
      ['migrate', 'diff', '--from-schema-datamodel', previous, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: config.databaseUrl },
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const out = path.join(ROOT, 'prisma/migrations', `${stamp}_${arg}`);
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'migration.sql'), r.stdout);
    console.log(`wrote ${path.relative(ROOT, out)}/migration.sql`);
    return;
  }
  throw new Error('usage: tsx scripts/db.ts migrate|seed|new-migration NAME');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
