// Child processes of the bench (the compiled apps, the bare grammY bot). Every process started
// here is registered so the bench can stop it on any exit path; output is kept as a bounded tail.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { appEntry, appNodeArgs } from '../../scripts/app-start.js';
import { ROOT } from '../../scripts/db-tools.js';

export interface BenchProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** The last ~64 KB of stdout+stderr. */
  output(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

const TAIL_BYTES = 64 * 1024;
const running = new Set<BenchProcess>();

/** Stops every process still running (used by the bench's cleanup, also on failure). */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()));
}

export interface StartOptions {
  name: string;
  /** Arguments after the node executable (entry file first, or loader flags then the entry). */
  args: string[];
  env: Record<string, string>;
  ready: RegExp;
  timeoutMs: number;
}

export async function startProcess(opts: StartOptions): Promise<BenchProcess> {
  const child: ChildProcess = spawn(process.execPath, opts.args, {
    cwd: ROOT,
    // Only what we pass (plus PATH/HOME): the apps read nothing from the bench's own environment.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const append = (d: Buffer): void => {
    out += d.toString();
    if (out.length > TAIL_BYTES * 2) out = out.slice(-TAIL_BYTES);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  let exitedFlag = false;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exitedFlag = true;
      resolve();
    });
  });
  const proc: BenchProcess = {
    name: opts.name,
    pid: child.pid,
    output: () => out.slice(-TAIL_BYTES),
    exited: () => exitedFlag,
    async stop() {
      if (!exitedFlag) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => {
          if (!exitedFlag) child.kill('SIGKILL');
        }, 8000);
        await exitPromise;
        clearTimeout(killer);
      }
      running.delete(proc);
    },
  };
  running.add(proc);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${opts.name} not ready in ${opts.timeoutMs} ms:\n${out.slice(-3000)}`)), opts.timeoutMs);
      const check = (): void => {
        if (opts.ready.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', check);
      child.stderr?.on('data', check);
      void exitPromise.then(() => {
        clearTimeout(timer);
        reject(new Error(`${opts.name} exited (code ${child.exitCode ?? child.signalCode}) before ready:\n${out.slice(-3000)}`));
      });
      check();
    });
  } catch (e) {
    await proc.stop();
    throw e;
  }
  return proc;
}

/** Starts a compiled app (`dist/apps/<app>/src/main.js`) as `npm run start:<app>` does. */
export function startApp(app: 'bot' | 'worker', env: Record<string, string>, ready: RegExp, timeoutMs = 60_000): Promise<BenchProcess> {
  const entry = path.join(ROOT, appEntry(app));
  if (!existsSync(entry)) throw new Error(`${entry} missing: the build did not produce it`);
  // The flags of `npm run start:<app>` (the worker's heap limit), then any for profiling a run,
  // e.g. BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/bench-prof".
  const nodeArgs = [...appNodeArgs(app), ...(process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  return startProcess({ name: app, args: [...nodeArgs, entry], env, ready, timeoutMs });
}

/** Starts a TypeScript file through tsx's loader in a single node process (no tsx wrapper process). */
export function startTsProcess(name: string, file: string, env: Record<string, string>, ready: RegExp, timeoutMs = 60_000): Promise<BenchProcess> {
  return startProcess({ name, args: ['--import', 'tsx', path.join(ROOT, file)], env, ready, timeoutMs });
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port (bounded by timeoutMs). */
export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let clockTicks: number | undefined;

/** CPU time (user + system, ms) a process has used so far; null where /proc is unavailable. */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is field 3, utime 14, stime 15 (1-based, over the whole line).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(rest[11]);
    const stime = Number(rest[12]);
    if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
    return ((utime + stime) * 1000) / clockTicks;
  } catch {
    return null;
  }
}
