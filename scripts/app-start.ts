// How a compiled app is started: `node [flags] dist/apps/<app>/src/main.js`, as its `start:<app>`
// script in package.json says — the one place its node flags are written (the worker's heap limit,
// decision 0054). The demo and the bench start the apps with these flags; the image's entry point
// and the systemd units repeat them, which tests/integration/operations/deploy-files.test.ts checks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './db-tools.js';

export type AppName = 'bot' | 'worker' | 'api';

/** The compiled entry point, relative to the repository. */
export const appEntry = (app: AppName): string => `dist/apps/${app}/src/main.js`;

/** The node flags of `npm run start:<app>`; throws when the script is not of the expected shape. */
export function appNodeArgs(app: AppName): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string | undefined> };
  const script = pkg.scripts[`start:${app}`] ?? '';
  const m = /^node((?: --[a-z0-9-]+(?:=[^\s]+)?)*) (\S+)$/.exec(script);
  if (!m || m[2] !== appEntry(app)) throw new Error(`package.json start:${app} is not "node [--flags] ${appEntry(app)}": ${script}`);
  return m[1]!.split(' ').filter(Boolean);
}
