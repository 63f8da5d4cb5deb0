// Fuzz, end to end: random requests over real HTTP to the bot app and the console API
// (in-process) on the run's database. The web chat: near-valid and random JSON, malformed and oversized bodies, other
// content types, missing or wrong CSRF tokens, foreign origins, forged cookies — every answer is
// one of 200/400/401/403/413/415/429. The calls API (apps/api, /api/v1/calls): random preview/create bodies and random
// codes and operations, with a coordinator's token, a wrong one or none — never a 5xx. No
// promise rejection goes unhandled, and afterwards a new browser's /help is still answered.
import fc from 'fast-check';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { startApi } from '../../apps/api/src/bootstrap.js';
import { startBot } from '../../apps/bot/src/bootstrap.js';
import { coordinatorOf } from '../support/factories.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../support/test-env.js';
import { callsBody, E2E_TIMEOUT_MS, FUZZ_E2E_RUNS, nastyText, watchRejections, webBody } from './fuzz-support.js';

/** 415: a charset the JSON parser does not read (e.g. latin1). */
const ALLOWED = [200, 400, 401, 403, 413, 415, 429];
const BROWSERS = 4;

interface Browser {
  cookie: string;
  csrf: string;
}

/** A body the schema takes: what reaches the engine. */
const validBody = fc.record({
  clientMsgId: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  one: fc.oneof(
    fc.record({ text: fc.oneof(nastyText(300), fc.constantFrom('/help', '/my', '/call', '/register', '帮我买菜', '1', '是', '取消')) }),
    fc.record({ callbackData: fc.oneof(fc.stringMatching(/^[\w.:-]{1,80}$/), fc.constantFrom('f.ab12.skip', 'tk.x.y.z')) }),
    fc.record({ location: fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lng: fc.double({ min: -180, max: 180, noNaN: true }) }) }),
  ),
});
const request = fc.record({
  browser: fc.nat(BROWSERS - 1),
  body: fc.oneof(
    { arbitrary: validBody.map(({ clientMsgId, one }) => JSON.stringify({ clientMsgId, ...one })), weight: 4 },
    { arbitrary: webBody.map((b) => JSON.stringify(b)), weight: 2 },
    { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 1 },
    { arbitrary: nastyText(200), weight: 1 },
    { arbitrary: fc.constantFrom('', '{', '{"text":', 'null', '[]', '"x"', JSON.stringify({ text: 'x'.repeat(300_000) })), weight: 1 },
  ),
  contentType: fc.oneof(
    { arbitrary: fc.constant('application/json'), weight: 8 },
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', ''),
  ),
  csrf: fc.oneof({ arbitrary: fc.constant('own'), weight: 8 }, fc.constantFrom('none', 'other', 'garbled')),
  origin: fc.oneof({ arbitrary: fc.constant('own'), weight: 8 }, fc.constantFrom('none', 'null', 'http://evil.example')),
  cookie: fc.oneof({ arbitrary: fc.constant('own'), weight: 8 }, fc.constantFrom('none', 'forged', 'garbled')),
});

describe(`fuzz, end to end: random requests over HTTP to the bot (${FUZZ_E2E_RUNS} per edge)`, () => {
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication;
  let api: INestApplication;
  let base = '';
  let apiBase = '';
  let host = '';
  const browsers: Browser[] = [];
  let token = '';

  async function newBrowser(): Promise<Browser & { chatId: string }> {
    const r = await fetch(`${base}/api/web/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { chatId: string; csrf: string };
    return { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrf, chatId: body.chatId };
  }

  beforeAll(async () => {
    // The inbound limit would answer most of the run with 429 before the engine sees it.
    config = testConfig({
      LOG_LEVEL: 'error',
      WEB_CHAT_DEMO: 'false',
      WEB_CHAT_SESSIONS_PER_HOUR: '100',
      INBOUND_PERSON_PER_MINUTE: '100000',
      INBOUND_CHAT_PER_MINUTE: '100000',
      API_PORT: '0',
    });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: true });
    bot = await startBot(config);
    base = (await bot.getUrl()).replace('[::1]', '127.0.0.1');
    host = new URL(base).host;
    api = await startApi(config);
    apiBase = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    for (let i = 0; i < BROWSERS; i++) browsers.push(await newBrowser());
    const r = await h.desk.uow.run(async (w) => h.desk.identity.issueApiToken.execute(w, await coordinatorOf(h, 'I-DH')));
    if (!r.ok) throw new Error(`no token: ${r.code}`);
    token = r.value.token;
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await bot?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it(
    'answers every web chat request with 200/400/401/403/413/415/429, never a 5xx',
    async () => {
      const rejections = watchRejections();
      const seen = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(request, async (q) => {
          const b = browsers[q.browser]!;
          const other = browsers[(q.browser + 1) % BROWSERS]!;
          const headers: Record<string, string> = {};
          if (q.contentType) headers['content-type'] = q.contentType;
          if (q.csrf !== 'none') headers['x-csrf-token'] = q.csrf === 'own' ? b.csrf : q.csrf === 'other' ? other.csrf : `${b.csrf.slice(0, -2)}%0`;
          if (q.origin !== 'none') headers.origin = q.origin === 'own' ? `http://${host}` : q.origin;
          if (q.cookie !== 'none')
            headers.cookie =
              q.cookie === 'own' ? b.cookie : q.cookie === 'forged' ? `baiying_chat=${'A'.repeat(43)}` : `baiying_chat=${b.cookie.slice(-10)};;=`;
          const r = await fetch(`${base}/api/web/events`, { method: 'POST', headers, body: q.body });
          await r.arrayBuffer();
          seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
          expect(ALLOWED).toContain(r.status);
        }),
        { numRuns: FUZZ_E2E_RUNS },
      );
      // The run reached the engine, not only the refusals.
      expect(seen.get(200) ?? 0).toBeGreaterThan(FUZZ_E2E_RUNS / 10);
      expect(rejections.stop()).toEqual([]);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'answers every calls API request without a 5xx',
    async () => {
      const rejections = watchRejections();
      const seen = new Map<number, number>();
      const apiRequest = fc.record({
        auth: fc.oneof({ arbitrary: fc.constant('own'), weight: 8 }, fc.constantFrom('none', 'wrong', 'basic')),
        path: fc.oneof(
          { arbitrary: fc.constantFrom('preview', ''), weight: 4 },
          fc
            .tuple(
              fc.oneof(fc.constantFrom('M-20990101-001', 'M-0001', ''), nastyText(30)),
              fc.oneof(fc.constantFrom('close', 'cancel', 'remind', 'extend'), nastyText(10)),
            )
            // Lone surrogates have no URL form: as UTF-8 they become U+FFFD.
            .map(([code, op]) => `${encodeURIComponent(Buffer.from(code).toString())}/${encodeURIComponent(Buffer.from(op).toString())}`),
          // Escapes that do not decode.
          fc.constantFrom('%E0%A4%A/close', 'M-1/%ZZ', '%/%', '..%2F..%2Fetc/close'),
        ),
        body: fc.oneof(
          { arbitrary: callsBody.map((b) => JSON.stringify(b)), weight: 4 },
          fc.record({ hours: fc.oneof(fc.double(), fc.integer(), fc.string()) }).map((b) => JSON.stringify(b)),
          nastyText(100),
        ),
      });
      await fc.assert(
        fc.asyncProperty(apiRequest, async (q) => {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (q.auth !== 'none')
            headers.authorization = q.auth === 'own' ? `Bearer ${token}` : q.auth === 'wrong' ? `Bearer ${token.slice(0, -1)}x` : `Basic ${token}`;
          const r = await fetch(`${apiBase}/api/v1/calls${q.path ? `/${q.path}` : ''}`, { method: 'POST', headers, body: q.body });
          await r.arrayBuffer();
          seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
          // On a 5xx, the failure shows the body that caused it.
          expect({ status: r.status, body: r.status >= 500 ? q.body : '' }).toEqual({ status: expect.any(Number) as number, body: '' });
          expect(r.status).toBeLessThan(500);
        }),
        { numRuns: FUZZ_E2E_RUNS },
      );
      // Some calls were previewed or made, not only refused.
      expect((seen.get(200) ?? 0) + (seen.get(201) ?? 0)).toBeGreaterThan(0);
      expect(rejections.stop()).toEqual([]);
    },
    E2E_TIMEOUT_MS,
  );

  it('still answers a new browser’s /help', async () => {
    const b = await newBrowser();
    const r = await fetch(`${base}/api/web/events`, {
      method: 'POST',
      headers: { cookie: b.cookie, 'x-csrf-token': b.csrf, origin: `http://${host}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientMsgId: 'fresh-help', text: '/help' }),
    });
    expect(r.status).toBe(200);
    const answer = await waitUntil(async () => {
      // The browser's own "/help" comes back too (mine: true): wait for the desk's answer itself.
      const got = (await (await fetch(`${base}/api/web/messages`, { headers: { cookie: b.cookie } })).json()) as Array<{ text: string; mine?: boolean }>;
      const desk = got.filter((m) => !m.mine);
      return desk.length > 0 ? desk : null;
    }, "the desk's answer to /help");
    expect(answer.map((m) => m.text).join('\n')).toMatch(/\/my|我的需求/);
  });
});
