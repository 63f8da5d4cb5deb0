/**
 * Measures the fake itself, so benchmarks built on it know its overhead:
 *   npx tsx tests/support/fake-telegram/self-bench.ts
 * 1. raw HTTP sends with the limits off (server cost per request);
 * 2. 6,000 sends through the flood limits at timeScale 0.05 (600 sends/s allowed) by a
 *    concurrent client that pauses all workers on any 429, i.e. honours retry_after;
 * 3. a grammY bot on bot.start() answering 2,000 updates pushed at ~200/s.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { Bot } from 'grammy';
import { FakeBotApi } from './fake-bot-api.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Reply {
  ok: boolean;
  parameters?: { retry_after?: number };
}

// A keep-alive http.request client: Node's fetch costs several times more per request on the
// client side, which would hide the fake's own cost.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function send(fake: FakeBotApi, chatId: number, text: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ chat_id: chatId, text });
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = http.request(`${fake.apiRoot}/bot${fake.token}/sendMessage`, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `total` jobs with `concurrency` workers. */
async function pool(total: number, concurrency: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await job(next++);
    }),
  );
}

async function rawThroughput(): Promise<void> {
  const fake = new FakeBotApi({ limits: { globalPerSecond: Infinity, perChatPerSecond: Infinity, perGroupPerMinute: Infinity } });
  await fake.start();
  const total = 10_000;
  const started = performance.now();
  await pool(total, 32, async (i) => {
    await send(fake, 1 + (i % 2000), `hello ${i}`);
  });
  const ms = performance.now() - started;
  console.log(`raw: ${total} sends in ${ms.toFixed(0)} ms = ${((total / ms) * 1000).toFixed(0)}/s, recorded ${fake.messages.length}`);
  await fake.stop();
}

async function limitedBroadcast(): Promise<void> {
  const timeScale = 0.05;
  const fake = new FakeBotApi({ timeScale, fractionalRetryAfter: true });
  await fake.start();
  const total = 6_000;
  let pausedUntil = 0;
  const started = performance.now();
  // A naive client: 8 workers, all pause when any of them gets a 429 (a bot-wide retry_after).
  await pool(total, 8, async (i) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const wait = pausedUntil - performance.now();
      if (wait > 0) await sleep(wait);
      const reply = await send(fake, 1 + (i % 2000), `broadcast ${i}`);
      if (reply.ok) return;
      pausedUntil = Math.max(pausedUntil, performance.now() + (reply.parameters?.retry_after ?? 1) * 1000);
    }
    throw new Error(`send ${i} never got through`);
  });
  const ms = performance.now() - started;
  const ideal = (total / 30) * 1000 * timeScale;
  const s = fake.stats;
  console.log(
    `limited: ${total} sends in ${ms.toFixed(0)} ms (ideal at 30 per fake second: ${ideal.toFixed(0)} ms), ` +
      `429s ${s.status429}, breaches ${s.limitBreaches}, rejectedBy ${JSON.stringify(s.rejectedBy)}`,
  );
  await fake.stop();
}

async function pollingBot(): Promise<void> {
  const fake = new FakeBotApi({ timeScale: 0.01, fractionalRetryAfter: true });
  await fake.start();
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
  bot.on('message:text', (ctx) => ctx.reply(`re: ${ctx.message.text}`));
  let done: Promise<void> = Promise.resolve();
  await new Promise<void>((resolve) => {
    done = bot.start({ onStart: () => resolve() });
  });
  const total = 2_000;
  const started = performance.now();
  // ~200 updates/s: 20 updates every 100 ms, each from a different user.
  for (let i = 0; i < total; i += 20) {
    for (let j = i; j < i + 20; j++) {
      const user = { id: 10_000 + j, first_name: `U${j}` };
      fake.sendText(user, FakeBotApi.privateChat(user), `msg ${j}`);
    }
    await sleep(100);
  }
  await fake.waitFor((m) => m.text === `re: msg ${total - 1}`, { timeoutMs: 30_000 });
  const ms = performance.now() - started;
  console.log(`polling: ${total} updates answered in ${ms.toFixed(0)} ms, getUpdates calls ${fake.stats.perMethod.getUpdates}, 429s ${fake.stats.status429}`);
  await bot.stop();
  await done;
  await fake.stop();
}

await rawThroughput();
await limitedBroadcast();
await pollingBot();
agent.destroy();
