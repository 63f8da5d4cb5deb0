// What Redis saw and kept during a run: every command (MONITOR on a socket of its own,
// decoded from Redis's quoted form back to UTF-8), and at the end every key under the run's
// prefix with its value, whatever its type (BullMQ's job hashes included).
import { createConnection, type Socket } from 'node:net';
import { Redis } from 'ioredis';

/** MONITOR quotes arguments like sdscatrepr: \\ \" \n \r \t \a \b and \xHH for other bytes. */
export function unquoteRedis(s: string): string {
  const bytes: number[] = [];
  const simple: Record<string, number> = { '\\': 0x5c, '"': 0x22, n: 0x0a, r: 0x0d, t: 0x09, a: 0x07, b: 0x08 };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      const next = s[i + 1]!;
      if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) {
        bytes.push(parseInt(s.slice(i + 2, i + 4), 16));
        i += 3;
        continue;
      }
      if (next in simple) {
        bytes.push(simple[next]!);
        i += 1;
        continue;
      }
    }
    // MONITOR output is ASCII; anything else is passed through as UTF-8.
    for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
  }
  return Buffer.from(bytes).toString('utf8');
}

export interface MonitorStats {
  /** Every command seen (all clients of the shared server). */
  commands: number;
  /** Commands naming the run's prefix. */
  ownCommands: number;
}

/** The quoted arguments of one MONITOR line, decoded. */
export function monitorArgs(line: string): string[] {
  return [...line.matchAll(/"((?:\\.|[^"\\])*)"/g)].map((m) => unquoteRedis(m[1]!));
}

/**
 * Streams every command Redis executes to `onCommand` until stopped, over a plain socket of its
 * own. (ioredis's monitor() is not used: under load it parses monitor lines that arrive in the
 * same packet as MONITOR's +OK as replies and fails with "Command queue state error".)
 */
export class RedisMonitor {
  private socket: Socket | undefined;
  private closed: Promise<void> = Promise.resolve();
  readonly stats: MonitorStats = { commands: 0, ownCommands: 0 };

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {}

  async start(onCommand: (n: number, text: string) => void): Promise<void> {
    const u = new URL(this.url);
    const socket = createConnection({ host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) });
    this.socket = socket;
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    let pending = '';
    let started: (() => void) | undefined;
    let failed: ((e: Error) => void) | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    socket.setEncoding('latin1'); // MONITOR lines are ASCII; \xHH escapes carry the bytes
    socket.on('error', (e) => failed?.(e));
    socket.on('data', (chunk: string) => {
      pending += chunk;
      let at: number;
      while ((at = pending.indexOf('\r\n')) >= 0) {
        const line = pending.slice(0, at);
        pending = pending.slice(at + 2);
        if (line === '+OK') {
          started?.();
          continue;
        }
        if (line.startsWith('-')) {
          failed?.(new Error(`MONITOR refused: ${line}`));
          continue;
        }
        const text = monitorArgs(line).join(' ');
        const n = ++this.stats.commands;
        if (text.includes(this.prefix)) this.stats.ownCommands++;
        onCommand(n, text);
      }
    });
    const auth = u.password ? `AUTH ${u.username ? `${decodeURIComponent(u.username)} ` : ''}${decodeURIComponent(u.password)}\r\n` : '';
    socket.write(`${auth}MONITOR\r\n`);
    await ready;
  }

  /** Closes the connection; resolves once it is closed. */
  async stop(): Promise<void> {
    this.socket?.destroy();
    await this.closed;
    this.socket = undefined;
  }
}

export interface DumpedKey {
  key: string;
  type: string;
  /** The value as text: each element, field and value (and score) on its own line. */
  value: string;
}

/** Every key under `prefix` and its value, read as UTF-8. */
export async function dumpPrefix(url: string, prefix: string): Promise<DumpedKey[]> {
  const redis = new Redis(url);
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    const out: DumpedKey[] = [];
    for (const key of keys) {
      const type = await redis.type(key);
      const text = (b: Buffer | string) => (typeof b === 'string' ? b : b.toString('utf8'));
      let parts: Array<Buffer | string> = [];
      if (type === 'string') parts = [(await redis.getBuffer(key)) ?? ''];
      else if (type === 'hash') parts = Object.entries(await redis.hgetallBuffer(key)).flatMap(([f, v]) => [f, v]);
      else if (type === 'list') parts = await redis.lrangeBuffer(key, 0, -1);
      else if (type === 'set') parts = await redis.smembersBuffer(key);
      else if (type === 'zset') parts = await redis.zrangeBuffer(key, '0', '-1', 'WITHSCORES');
      else if (type === 'stream') {
        const entries = await redis.xrangeBuffer(key, '-', '+');
        parts = entries.flatMap(([id, fields]) => [id, ...fields]);
      } else if (type === 'none')
        continue; // expired between SCAN and TYPE
      else parts = [`(unread type ${type})`];
      out.push({ key, type, value: parts.map(text).join('\n') });
    }
    return out;
  } finally {
    redis.disconnect();
  }
}
