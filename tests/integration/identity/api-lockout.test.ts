// The HTTP edges of bearer tokens, on the bot and the console API started in this process: wrong
// tokens lock the client out with 429 and Retry-After (a right token included, for the calls API
// in apps/api and the bot's admin endpoint alike — the count is per client address in
// PostgreSQL), and a call outside the caller's scope answers exactly like a missing one.
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import type { ActorRow } from '@baiying/db';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { startBot } from '../../../apps/bot/src/bootstrap.js';
import { callDraft, coordinatorOf, createCall, volunteerOf } from '../../support/factories.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

const ADMIN = 'admin-token-for-api-lockout-0123';
const LOCKOUT_SECONDS = 15 * 60;

describe('bearer tokens over HTTP', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication;
  let api: INestApplication;
  let base = '';
  let apiBase = '';

  beforeAll(async () => {
    config = testConfig({ TOKEN_FAILURES_PER_CLIENT: '3', TOKEN_FAILURES_GLOBAL: '50', AUTH_LOCKOUT_MINUTES: '15', ADMIN_API_TOKEN: ADMIN, API_PORT: '0' });
    h = deskHarness(config, 5);
    // The bot reads the seeded categories when it starts.
    await resetDatabase(h.prisma, h.cipher);
    bot = await startBot(config);
    base = (await bot.getUrl()).replace('[::1]', '127.0.0.1');
    api = await startApi(config);
    apiBase = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await bot?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });
  beforeEach(async () => {
    // Each test starts with no failures counted (every request here comes from one address).
    await h.prisma.authThrottle.deleteMany();
  });

  const tokenOf = async (who: ActorRow) => {
    const r = await h.desk.uow.run((w) => h.desk.identity.issueApiToken.execute(w, who));
    if (!r.ok) throw new Error(`no token: ${r.code}`);
    return r.value.token;
  };
  /** The calls API lives in apps/api (/api/v1/calls), the WeChat admin endpoint in the bot. */
  const url = (path: string) => (path.startsWith('/api/calls') ? `${apiBase}${path.replace('/api/calls', '/api/v1/calls')}` : `${base}${path}`);
  const get = (path: string, token: string | null) => fetch(url(path), { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
  const answer = async (r: Response) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), body: (await r.json()) as Record<string, unknown> });

  it('answers 429 with Retry-After after three wrong tokens, and refuses the right one until the window ends', async () => {
    const coord = await coordinatorOf(h, 'I-DH');
    const token = await tokenOf(coord);
    expect((await get('/api/calls/M-20990101-001', token)).status).toBe(404);
    // No token at all is refused but is not a guess.
    for (let i = 0; i < 4; i++) expect((await get('/api/calls/M-20990101-001', null)).status).toBe(401);
    for (const wrong of ['by_wrong-token-wrong-token-0000', 'garbage']) {
      expect(await answer(await get('/api/calls/M-20990101-001', wrong))).toMatchObject({ status: 401, retryAfter: null, body: { error: 'token/invalid' } });
    }
    const locked = await answer(await get('/api/calls/M-20990101-001', 'by_wrong-token-wrong-token-0001'));
    expect(locked).toMatchObject({ status: 429, body: { error: 'token/locked', message: expect.stringContaining('15 分钟') as unknown } });
    expect(Number(locked.retryAfter)).toBeGreaterThan(LOCKOUT_SECONDS - 60);
    expect(Number(locked.retryAfter)).toBeLessThanOrEqual(LOCKOUT_SECONDS);
    const right = await answer(await get('/api/calls/M-20990101-001', token));
    expect(right).toMatchObject({ status: 429, body: { error: 'token/locked' } });
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
    // The admin endpoint counts against the same client.
    expect((await get('/api/wechat/login', ADMIN)).status).toBe(429);
  });

  it('locks the admin endpoint out after three wrong admin tokens', async () => {
    expect((await get('/api/wechat/login', ADMIN)).status).toBe(200);
    expect((await get('/api/wechat/login', null)).status).toBe(401);
    expect((await get('/api/wechat/login', `${ADMIN}x`)).status).toBe(401);
    const locked = await answer(await get('/api/wechat/login', ADMIN.slice(0, 8)));
    expect(locked).toMatchObject({ status: 429, body: { error: 'token/locked' } });
    expect(Number(locked.retryAfter)).toBeGreaterThan(LOCKOUT_SECONDS - 60);
    expect((await get('/api/wechat/login', ADMIN)).status).toBe(429);
  });

  it('answers 404 for a call outside the caller’s scope, exactly like a call that does not exist', async () => {
    await volunteerOf(h, { teams: ['S-XF-ELDER'] });
    const owner = await coordinatorOf(h, 'I-DH');
    const { code } = await createCall(h.desk, owner, callDraft(new Date()));
    const outsider = await tokenOf(await coordinatorOf(h, 'I-XS'));
    const missing = await answer(await get('/api/calls/M-20990101-001', outsider));
    expect(missing).toMatchObject({ status: 404, body: { error: 'call/not_found' } });
    expect(await answer(await get(`/api/calls/${code}`, outsider))).toEqual(missing);
    for (const op of ['close', 'cancel', 'remind']) {
      const r = await fetch(url(`/api/calls/${code}/${op}`), { method: 'POST', headers: { authorization: `Bearer ${outsider}` } });
      expect({ op, a: await answer(r) }).toEqual({ op, a: missing });
    }
    expect((await h.prisma.call.findUniqueOrThrow({ where: { code } })).status).toBe('open');
    // Its own coordinator sees it.
    expect((await get(`/api/calls/${code}`, await tokenOf(owner))).status).toBe(200);
  });
});
