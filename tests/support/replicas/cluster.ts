// Two bot replicas in webhook mode behind a round-robin proxy and two workers, all compiled
// apps as child processes on the jest run's database and one Redis key prefix of their own, in
// front of the fake Telegram Bot API (delivering webhooks in parallel, as Telegram does).
// Production's choice for the webhook: every replica registers the same public URL (the load
// balancer's) at start; Telegram treats an identical setWebhook as a no-op ("Webhook is
// already set"), so whichever replica starts last changes nothing.
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { loadConfig } from '@baiying/config';
import { FakeBotApi } from '../fake-telegram/fake-bot-api.js';
import { startApp, type AppProcess } from '../processes.js';
import { deskHarness, flushPrefix, testEnv, type DeskHarness } from '../test-env.js';
import { RoundRobinProxy } from './round-robin-proxy.js';

const WEBHOOK_PATH = '/telegram/webhook';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface ClusterOptions {
  token: string;
  secret: string;
  username: string;
  /** Extra environment for every app. */
  env?: Record<string, string>;
}

export class ReplicaCluster {
  readonly fake: FakeBotApi;
  proxy!: RoundRobinProxy;
  env!: Record<string, string>;
  h!: DeskHarness;
  bots: AppProcess[] = [];
  workers: AppProcess[] = [];
  /** The public webhook URL (the proxy's), as every bot replica registers it. */
  hookUrl = '';

  constructor(private readonly opts: ClusterOptions) {
    // Telegram posts up to max_connections (default 40) updates at once, one per chat or user.
    // setWebhook waits for "verification" as on Telegram, so replicas registering at once may collide.
    this.fake = new FakeBotApi({ token: opts.token, botInfo: { username: opts.username }, webhookMaxConnections: 40, webhookVerifyMs: 200 });
  }

  /** Fake, proxy, harness (database emptied and seeded by `prepare`), then the workers and the bots. */
  async start(prepare: (h: DeskHarness) => Promise<void>): Promise<void> {
    await this.fake.start();
    const ports = [await freePort(), await freePort()];
    this.proxy = new RoundRobinProxy(ports.map((p) => `http://127.0.0.1:${p}`));
    this.hookUrl = `${await this.proxy.listen()}${WEBHOOK_PATH}`;
    // One environment (one Redis prefix) for all four processes and the harness.
    this.env = testEnv({
      TELEGRAM_BOT_TOKEN: this.opts.token,
      TELEGRAM_API_ROOT: this.fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: this.hookUrl,
      TELEGRAM_WEBHOOK_SECRET: this.opts.secret,
      OUTBOX_POLL_MS: '200',
      LOG_LEVEL: 'log',
      ...this.opts.env,
    });
    this.h = deskHarness(loadConfig(this.env), 5);
    await prepare(this.h);
    this.workers = await Promise.all([0, 1].map(() => startApp('worker', this.env, /startup reconcile/, 60_000)));
    this.bots = await Promise.all(ports.map((port) => startApp('bot', { ...this.env, HTTP_PORT: String(port) }, /webhook at/, 60_000)));
  }

  /** BullMQ's processedBy of a process started here (see startQueueWorker). */
  static workerName(app: AppProcess): string {
    return `${hostname()}:${app.child.pid}`;
  }

  /** The tail of every app's log, for a failure message. */
  logs(): string {
    return [...this.bots, ...this.workers].map((a, i) => `\n--- ${a.name} ${i % 2} (pid ${a.child.pid}) ---\n${a.output().slice(-2500)}`).join('');
  }

  alive(): boolean[] {
    return [...this.bots, ...this.workers].map((a) => a.child.exitCode === null && a.child.signalCode === null);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.bots, ...this.workers].map((a) => a.stop()));
    await this.proxy?.close();
    await this.fake.stop();
    await this.h?.close();
    if (this.env) await flushPrefix(this.env.REDIS_URL!, this.env.REDIS_PREFIX!);
  }
}
