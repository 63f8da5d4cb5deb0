// Runs before `npm test`: the web chat test drives Debian's Chromium (browser downloads are
// impossible on these machines). Installs it with apt when missing and permitted.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const BIN = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(BIN)) process.exit(0);
const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (!root || !existsSync('/usr/bin/apt-get')) {
  console.error(`Chromium not found at ${BIN}. Install Debian's package: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}
console.log('installing Debian chromium for the web chat test…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', 'chromium'],
]) {
  const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
