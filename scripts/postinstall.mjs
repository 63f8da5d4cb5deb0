// Runs after `npm install` / `npm ci`: generates the Prisma client offline.
// `prisma generate` needs DATABASE_URL set (unset, it tries to fetch a native engine), so a
// harmless default is supplied when none is configured.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('prisma/schema.prisma')) process.exit(0);
const env = { ...process.env };
env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/baiying';
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const r = spawnSync('npx', ['--no-install', 'prisma', 'generate'], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
