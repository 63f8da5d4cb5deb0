// One fixture for the console's API and browser tests: a fresh database (demo county), the
// compiled-in-process apps a test asks for (api always; bot and worker on request), their
// 127.0.0.1 addresses, and a teardown that closes whatever started, in reverse order.
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { startApi } from '../../apps/api/src/bootstrap.js';
import { startBot } from '../../apps/bot/src/bootstrap.js';
import { startWorker } from '../../apps/worker/src/bootstrap.js';
import { localUrl } from './console-pages.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from './test-env.js';

export interface ConsoleDeskOptions {
  /** Settings beside the fixture's own (API_PORT 0, OUTBOX_POLL_MS 100). */
  env?: Record<string, string>;
  bot?: boolean;
  worker?: boolean;
  /** Every team gets a web group (browser tests that watch the groups). */
  webGroups?: boolean;
  /** Runs after the database is reset and before the apps start (bindings, fixtures). */
  prepare?: (h: DeskHarness) => Promise<void>;
}

export class ConsoleDesk {
  config!: AppConfig;
  h!: DeskHarness;
  api!: INestApplication;
  bot: INestApplication | undefined;
  worker: INestApplication | undefined;
  /** The api's origin (http://127.0.0.1:port; `localUrl` gives a browser's). */
  apiBase = '';
  /** The bot's origin (web chat), '' without a bot. */
  botBase = '';

  constructor(private readonly options: ConsoleDeskOptions = {}) {}

  /** The console's address as a browser opens it (localhost, as the pages' cookies expect). */
  get consoleBase(): string {
    return `${localUrl(this.apiBase)}/console/`;
  }

  async start(): Promise<void> {
    const o = this.options;
    this.config = testConfig({ OUTBOX_POLL_MS: '100', API_PORT: '0', ...o.env });
    this.h = deskHarness(this.config, 5);
    await resetDatabase(this.h.prisma, this.h.cipher, o.webGroups ? { webGroups: true } : undefined);
    await o.prepare?.(this.h);
    if (o.worker) this.worker = await startWorker(this.config);
    if (o.bot) {
      this.bot = await startBot(this.config);
      this.botBase = (await this.bot.getUrl()).replace('[::1]', '127.0.0.1');
    }
    this.api = await startApi(this.config);
    this.apiBase = (await this.api.getUrl()).replace('[::1]', '127.0.0.1');
  }

  async stop(): Promise<void> {
    // A failed start leaves some of these unset; close what exists and never mask the test's error.
    await this.api?.close().catch(() => undefined);
    await this.bot?.close().catch(() => undefined);
    await this.worker?.close().catch(() => undefined);
    if (this.config) await flushPrefix(this.config.redisUrl, this.config.redisPrefix).catch(() => undefined);
    await this.h?.close().catch(() => undefined);
  }
}
