// npm run demo: database, migrations, demo seed, build (the apps and the console), then the bot, the worker and the console API.
import 'dotenv/config';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '@baiying/config';
import { FieldCipher } from '@baiying/crypto';
import { createPrismaClient, seedDemoCounty } from '@baiying/db';
import { appEntry, appNodeArgs, type AppName } from './app-start.js';
import { ROOT, ensureDatabase, migrateAll } from './db-tools.js';

async function main(): Promise<void> {
  // The demo is a development desk (the development key, the seeded county, the persona
  // switcher) unless .env or the environment says otherwise; the bot and worker inherit it.
  // Anything else started without NODE_ENV is production and refuses all three.
  process.env.NODE_ENV ??= 'development';
  const config = loadConfig();
  if (await ensureDatabase(config.databaseUrl)) console.log('[demo] created the database');
  await migrateAll(config.databaseUrl);
  if (config.demoSeed) {
    const prisma = createPrismaClient(config.databaseUrl, 2);
    await seedDemoCounty(prisma, new FieldCipher(config.encryptionKey, config.previousEncryptionKeys));
    await prisma.$disconnect();
    console.log('[demo] demo county seeded (清溪县)');
  }
  if (!process.argv.includes('--no-build')) {
    const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
  const children: ChildProcess[] = [];
  const start = (name: AppName) => {
    const child = spawn(process.execPath, [...appNodeArgs(name), path.join(ROOT, appEntry(name))], { cwd: ROOT, stdio: 'inherit', env: process.env });
    child.on('exit', (code) => {
      console.log(`[demo] ${name} exited (${code})`);
      stop(code ?? 1);
    });
    children.push(child);
  };
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    setTimeout(() => process.exit(code), 2000).unref();
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  start('worker');
  start('bot');
  start('api');
  const host = config.http.host === '0.0.0.0' || config.http.host === '127.0.0.1' ? 'localhost' : config.http.host;
  console.log(`[demo] open the web chat at http://${host}:${config.http.port}/ (Ctrl+C to stop)`);
  console.log(
    `[demo] open the coordinators' console at ${config.api.publicBaseUrl}/console/ (log in by saying 登录 <code> in the web chat as 孙主任 or 赵主任)`,
  );
  console.log(`[demo] the console API is at ${config.api.publicBaseUrl}/api/v1 (reference: ${config.api.publicBaseUrl}/api/docs)`);
  if (config.api.demo) console.log('[demo] the console login page also offers the seeded personas with one click (demo mode; never in production)');
  if (config.webChatDemo) console.log('[demo] the web chat offers the seeded personas (demo mode; never in production)');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
