// Private PostgreSQL and Redis for tests that break them: a PostgreSQL cluster initialised
// into a temporary directory (as the `postgres` user, trust auth, a free port, small buffers)
// and a redis-server child with nothing kept on disk, like the machine's. FLUSHALL and a
// PostgreSQL restart here touch nobody else's tests. Both are torn down by `stop()`, which is
// safe to call after a failed start.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { ROOT } from '../../../scripts/db-tools.js';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A TCP port nobody listens on right now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], opts: { asPostgres?: boolean; env?: Record<string, string> } = {}): string {
  const [file, argv] = opts.asPostgres ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(file, argv, { encoding: 'utf8', env: { ...process.env, ...opts.env }, timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A PostgreSQL 15 cluster of its own. */
export class OwnPostgres {
  private dir = '';
  port = 0;

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  url(database: string): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    this.dir = mkdtempSync(path.join(tmpdir(), 'chaos-pg-'));
    chmodSync(this.dir, 0o755);
    const uid = Number(run('id', ['-u', 'postgres']).trim());
    const gid = Number(run('id', ['-g', 'postgres']).trim());
    chownSync(this.dir, uid, gid);
    this.port = await freePort();
    run(path.join(PG_BIN, 'initdb'), ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], { asPostgres: true });
    this.ctl(['start', '-w', '-t', '60', '-l', path.join(this.dir, 'log'), '-o', this.serverOptions()]);
  }

  /** `pg_ctl restart -m fast`: every connection is cut, the server is back when this returns. */
  restart(): void {
    this.ctl(['restart', '-m', 'fast', '-w', '-t', '60', '-l', path.join(this.dir, 'log'), '-o', this.serverOptions()]);
  }

  /** `pg_ctl stop -m fast`: the server goes away (connections cut, the port closed); `resume()` brings it back. */
  halt(): void {
    this.ctl(['stop', '-m', 'fast', '-w', '-t', '60']);
  }

  /** Starts a halted cluster again on the same port and data. */
  resume(): void {
    this.ctl(['start', '-w', '-t', '60', '-l', path.join(this.dir, 'log'), '-o', this.serverOptions()]);
  }

  /** Stops the cluster (if it runs) and deletes its directory. */
  stop(): void {
    if (!this.dir) return;
    if (existsSync(path.join(this.dataDir, 'postmaster.pid'))) {
      try {
        this.ctl(['stop', '-m', 'immediate', '-w', '-t', '30']);
      } catch (e) {
        console.warn(`own PostgreSQL did not stop: ${(e as Error).message}`);
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
    this.dir = '';
  }

  /** Creates and migrates a database with the project's db script (as the test run's global setup does). */
  migrate(database: string): void {
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'db.ts'), 'migrate'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'test', DATABASE_URL: this.url(database) },
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`db migrate failed:\n${r.stdout}\n${r.stderr}`);
  }

  private serverOptions(): string {
    // Small and fast: nothing here must survive a machine crash (fsync off), a socket directory
    // of its own, loopback only.
    return `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c shared_buffers=16MB -c max_connections=120 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  }

  private ctl(args: string[]): void {
    run(path.join(PG_BIN, 'pg_ctl'), ['-D', this.dataDir, ...args], { asPostgres: true });
  }
}

/** A redis-server of its own, in memory only (`--save "" --appendonly no`, as the machine's). */
export class OwnRedis {
  private child: ChildProcess | undefined;
  private out = '';
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server: on a free port, or on `port` (a restart where clients wait for it). */
  async start(port?: number): Promise<void> {
    this.out = '';
    this.port = port ?? (await freePort());
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
      cwd: tmpdir(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (d: Buffer) => (this.out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.out += d.toString()));
    const end = Date.now() + 15_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}):\n${this.out}`);
      if (/Ready to accept connections/.test(this.out)) return;
      if (Date.now() > end) throw new Error(`redis-server not ready:\n${this.out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** FLUSHALL on this server only. */
  async flushAll(): Promise<void> {
    const redis = new Redis(this.url, { maxRetriesPerRequest: 3 });
    try {
      await redis.flushall();
    } finally {
      redis.disconnect();
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}
