// Logs, metrics and health of the compiled bot and worker (child processes, the fake Telegram Bot
// API): while a small scenario runs — residents ask for help in private chats, a need is
// submitted and the worker routes it to a bound team group — the logs are JSON lines carrying
// correlation ids (per chat update, per job, per HTTP request), /metrics counts what happened
// (scraped before and after), access to /metrics is refused without the token or from off the
// machine, and /health/ready reports PostgreSQL, Redis, the queue workers and Telegram.
import { loadConfig } from '@baiying/config';
import { FakeBotApi, type FakeChat, type FakeUser } from '../../support/fake-telegram/fake-bot-api.js';
import { bindGroup, coordinatorAs } from '../../support/e2e-world.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { deskHarness, flushPrefix, resetDatabase, testEnv, waitUntil, type DeskHarness } from '../../support/test-env.js';

const TOKEN = '555001:OBS-test_token';
const METRICS_TOKEN = 'obs-metrics-token-0123456789';
const base = 5_500_000 + Math.floor(Math.random() * 100_000) * 10;
const residents: FakeUser[] = [1, 2, 3].map((k) => ({ id: base + k, first_name: `居民${k}` }));
const coordinator: FakeUser = { id: base + 9, first_name: '赵主任' };
const group: FakeChat = { id: -(base + 50), type: 'supergroup', title: '幸福社区为老服务队群' };

/** The samples of one metric in a scrape, by their label text (`{channel="telegram"}`). */
function samples(text: string, name: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(\{[^}]*\})? ([-+\d.eE]+|NaN)$/.exec(line);
    if (m && m[1] === name) out.set((m[2] ?? '').replace(/,?app="[a-z]+"/, '').replace('{,', '{'), Number(m[3]));
  }
  return out;
}
const sample = (text: string, name: string, labels: string) => samples(text, name).get(labels) ?? 0;

interface LogLine {
  level: number;
  time: number;
  app: string;
  msg?: string;
  corr?: string;
  context?: string;
  req?: { id?: string; method?: string; path?: string };
  [k: string]: unknown;
}

/** Every line the process wrote, each parsed as JSON (a line that is not JSON fails the test). */
function jsonLines(out: string): LogLine[] {
  return out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      try {
        return JSON.parse(l) as LogLine;
      } catch {
        throw new Error(`not a JSON log line: ${l.slice(0, 300)}`);
      }
    });
}

describe('logs, metrics and health of the running apps', () => {
  const fake = new FakeBotApi({ token: TOKEN });
  let env: Record<string, string>;
  let h: DeskHarness;
  let bot: AppProcess | undefined;
  let worker: AppProcess | undefined;
  let botUrl = '';
  let workerUrl = '';
  const logs = () => `\n--- bot ---\n${bot?.output().slice(-3000) ?? ''}\n--- worker ---\n${worker?.output().slice(-2000) ?? ''}`;

  const scrape = async (url: string, headers: Record<string, string> = {}) => {
    const r = await fetch(`${url}/metrics`, { headers });
    if (r.status !== 200) throw new Error(`GET ${url}/metrics: ${r.status}`);
    return r.text();
  };
  const botMetrics = () => scrape(botUrl, { Authorization: `Bearer ${METRICS_TOKEN}` });

  beforeAll(async () => {
    await fake.start();
    env = testEnv({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, OUTBOX_POLL_MS: '200', LOG_LEVEL: 'debug' });
    h = deskHarness(loadConfig(env), 3);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    worker = await startApp('worker', env, /Worker HTTP: /);
    bot = await startApp('bot', { ...env, METRICS_TOKEN }, /long polling/);
    workerUrl = /Worker HTTP: (http:\/\/localhost:\d+)\/metrics/.exec(worker.output())![1]!.replace('localhost', '127.0.0.1');
    botUrl = (await waitUntil(async () => /"HTTP: (http:\/\/localhost:\d+) /.exec(bot!.output())?.[1], 'the bot HTTP URL')).replace('localhost', '127.0.0.1');
  }, 90_000);

  afterAll(async () => {
    await bot?.stop();
    await worker?.stop();
    await fake.stop();
    await h?.close();
    await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);
  });

  it('counts a scenario in /metrics and logs it as JSON lines with correlation ids', async () => {
    const botBefore = await botMetrics();
    const workerBefore = await scrape(workerUrl);

    // Three residents ask for help (three chat updates, three replies).
    for (const r of residents) fake.sendText(r, FakeBotApi.privateChat(r), '/help');
    for (const r of residents)
      await fake
        .waitFor({ chatId: r.id, text: /居民：直接描述需求即可/ }, { timeoutMs: 20_000, description: `help for ${r.id}` })
        .catch((e: Error) => Promise.reject(new Error(e.message + logs())));

    // A need submitted at the desk: the worker routes it (a routing job), the bot sends the card.
    const coord = await coordinatorAs(h, { channel: 'telegram', externalId: String(coordinator.id), name: coordinator.first_name }, 'I-DH');
    await bindGroup(h, coord, 'S-XF-ELDER', { channel: 'telegram', chatId: String(group.id), title: group.title });
    const actor = await h.desk.uow.run((w) => w.repos.people.resolve('web', 'obs-resident', 'obs-resident', 'obs-resident', null));
    const station = (await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-XF-ELDER' } })).orgUnitId;
    const submitted = await h.desk.uow.run((w) =>
      h.desk.intake.submit.execute(w, actor, {
        channel: 'web',
        description: '需要帮助',
        truncated: false,
        categoryCode: 'elderly',
        stationId: station,
        address: null,
        location: null,
        wantedTime: null,
        phone: null,
        beneficiary: 'none',
        urgency: 'normal',
        attachments: [],
      }),
    );
    if (!submitted.ok) throw new Error(submitted.code);
    await fake
      .waitFor({ chatId: group.id, text: new RegExp(submitted.value.code) }, { timeoutMs: 20_000, description: 'the job card' })
      .catch((e: Error) => Promise.reject(new Error(e.message + logs())));

    // An HTTP request with the proxy's request id: echoed, and on the request's log line.
    const r404 = await fetch(`${botUrl}/no-such-page`, { headers: { 'X-Request-Id': `obs-${base}` } });
    expect(r404.status).toBe(404);
    expect(r404.headers.get('x-request-id')).toBe(`obs-${base}`);

    // The counters moved as the scenario did (a scrape is only ever behind, so wait for it).
    const d = (after: string, before: string, name: string, labels: string) => sample(after, name, labels) - sample(before, name, labels);
    // A send is counted inside its job, the job's completion after it returns: wait for both.
    const botAfter = await waitUntil(async () => {
      const t = await botMetrics();
      return d(t, botBefore, 'baiying_messages_sent_total', '{channel="telegram",priority="5"}') +
        d(t, botBefore, 'baiying_messages_sent_total', '{channel="telegram",priority="3"}') >=
        1 && d(t, botBefore, 'baiying_jobs_processed_total', '{queue="outbound",outcome="completed"}') >= 4
        ? t
        : null;
    }, 'messages and their jobs counted');
    expect(d(botAfter, botBefore, 'baiying_updates_received_total', '{channel="telegram"}')).toBe(3);
    expect(d(botAfter, botBefore, 'baiying_updates_handled_total', '{channel="telegram"}')).toBe(3);
    expect(d(botAfter, botBefore, 'baiying_updates_failed_total', '{channel="telegram"}')).toBe(0);
    expect(d(botAfter, botBefore, 'baiying_update_handling_seconds_count', '{channel="telegram"}')).toBe(3);
    const sent = [...samples(botAfter, 'baiying_messages_sent_total')]
      .filter(([k]) => k.includes('"telegram"'))
      .reduce((n, [k, v]) => n + v - sample(botBefore, 'baiying_messages_sent_total', k), 0);
    expect(sent).toBe(4); // three replies and the card
    expect(sample(botAfter, 'baiying_db_pool_connections', '{state="max"}')).toBe(20);
    // Each turn sends at least BEGIN, the chat lock with the dedupe, the actor read and COMMIT.
    expect(d(botAfter, botBefore, 'baiying_db_statements_sent', '{}')).toBeGreaterThanOrEqual(3 * 4);
    expect(d(botAfter, botBefore, 'baiying_jobs_processed_total', '{queue="outbound",outcome="completed"}')).toBeGreaterThanOrEqual(4);

    const workerAfter = await waitUntil(async () => {
      const t = await scrape(workerUrl);
      return d(t, workerBefore, 'baiying_jobs_processed_total', '{queue="routing",outcome="completed"}') >= 1 ? t : null;
    }, 'the routing job counted');
    expect(sample(workerAfter, 'baiying_needs', '{status="dispatched"}')).toBe(1);
    for (const queue of ['routing', 'timers', 'outbound', 'bulk-outbound', 'calls', 'exports', 'reports']) {
      expect(samples(workerAfter, 'baiying_queue_jobs').has(`{queue="${queue}",state="wait"}`)).toBe(true);
      expect(samples(workerAfter, 'baiying_queue_oldest_waiting_seconds').has(`{queue="${queue}"}`)).toBe(true);
    }
    // The SLA timer of the round just opened waits, delayed, in the timers queue.
    expect(sample(workerAfter, 'baiying_queue_jobs', '{queue="timers",state="delayed"}')).toBeGreaterThanOrEqual(1);
    expect(sample(workerAfter, 'baiying_dead_letters', '')).toBe(0);
    expect(samples(workerAfter, 'baiying_sla_breaches').size).toBe(1);
    // Cluster-wide gauges come from the worker only.
    expect(samples(botAfter, 'baiying_needs').size).toBe(0);

    // Logs: every line is JSON; updates, jobs and requests carry their correlation ids.
    const botLines = jsonLines(bot!.output());
    const workerLines = jsonLines(worker!.output());
    for (const l of [...botLines, ...workerLines]) {
      expect(typeof l.level).toBe('number');
      expect(typeof l.time).toBe('number');
    }
    expect(new Set(botLines.map((l) => l.app))).toEqual(new Set(['bot']));
    expect(new Set(workerLines.map((l) => l.app))).toEqual(new Set(['worker']));
    const handled = botLines.filter((l) => l.msg === 'update handled');
    expect(handled.length).toBe(3);
    for (const l of handled) expect(l.corr).toMatch(/^telegram:\d+:\d+$/); // the bot account and the update id
    expect(new Set(handled.map((l) => l.corr)).size).toBe(3);
    const routed = workerLines.filter((l) => l.msg === 'job done' && l.job === 'route-need');
    expect(routed.length).toBeGreaterThanOrEqual(1);
    expect(routed[0]!.corr).toMatch(/^job:routing:/);
    const sends = botLines.filter((l) => l.msg === 'job done' && l.job === 'send-message');
    expect(sends.length).toBeGreaterThanOrEqual(4);
    for (const l of sends) expect(l.corr).toMatch(/^job:outbound:/);
    const request = botLines.find((l) => l.req?.id === `obs-${base}`);
    expect(request).toMatchObject({ req: { method: 'GET', path: '/no-such-page' }, res: { statusCode: 404 } });
  }, 90_000);

  it('answers /metrics only with the token, or to loopback callers when none is set', async () => {
    expect((await fetch(`${botUrl}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${botUrl}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(`${botUrl}/metrics`, { headers: { Authorization: `Basic ${METRICS_TOKEN}` } })).status).toBe(401);
    expect((await fetch(`${botUrl}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(200);
    // The worker has no token: loopback only. A request a local reverse proxy relays from
    // outside (X-Forwarded-For, trusted from loopback) is not a loopback caller.
    expect((await fetch(`${workerUrl}/metrics`)).status).toBe(200);
    const relayed = await fetch(`${workerUrl}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    expect(relayed.status).toBe(403);
    expect(await relayed.text()).not.toMatch(/baiying_/);
    // Metrics and probes are reached by address: the Host check lets them through (the rule above still holds).
    expect((await fetch(`${workerUrl}/metrics`, { headers: { Host: '10.1.2.3:3200' } })).status).toBe(200);
    expect((await fetch(`${workerUrl}/health/ready`, { headers: { Host: '10.1.2.3:3200' } })).status).toBe(200);
    // Only GET.
    expect((await fetch(`${workerUrl}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  it('reports liveness and readiness with each dependency', async () => {
    const live = await fetch(`${botUrl}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'ok', details: { process: { status: 'up' } } });
    const botReady = await fetch(`${botUrl}/health/ready`);
    expect(botReady.status).toBe(200);
    expect(await botReady.json()).toMatchObject({
      status: 'ok',
      details: {
        postgresql: { status: 'up' },
        redis: { status: 'up' },
        'queue-workers': { status: 'up', running: 2 },
        telegram: { status: 'up', connection: 'polling' },
      },
    });
    const workerReady = await fetch(`${workerUrl}/health/ready`);
    expect(workerReady.status).toBe(200);
    expect(await workerReady.json()).toMatchObject({
      status: 'ok',
      // The worker's queues: routing, timers, calls, exports and reports (outbound and bulk are the bot's).
      details: { postgresql: { status: 'up' }, redis: { status: 'up' }, 'queue-workers': { status: 'up', running: 5 } },
    });
    // The old probe path still answers on the bot.
    expect((await fetch(`${botUrl}/healthz`)).status).toBe(200);
  });
});
