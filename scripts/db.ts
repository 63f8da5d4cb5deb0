// npm run db:migrate | db:seed | db:new-migration NAME
import 'dotenv/config';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@baiying/config';
import { FieldCipher } from '@baiying/crypto';
import { createPrismaClient, seedDemoCounty } from '@baiying/db';
import { ROOT, dropDatabase, ensureDatabase, migrateAll } from './db-tools.js';

async function main(): Promise<void> {
  const [cmd, arg] = process.argv.slice(2);
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
    const prisma = createPrismaClient(config.databaseUrl, 2);
    try {
      await seedDemoCounty(prisma, new FieldCipher(config.encryptionKey, config.previousEncryptionKeys));
      console.log('seeded the demo county');
    } finally {
      await prisma.$disconnect();
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
