// The coordinators' HTTP API for calls, end to end against the compiled apps (the calls API is
// served by apps/api at /api/v1/calls since decision 0028): a personal token from /token in
// Telegram, 401 without it, 400/413 for bad input, 403 for an audience outside the
// coordinator's scope, 404 for unknown calls and for calls outside their scope; preview, create,
// watch and close; and check-in by a live location (a static pin is refused) and check-out by
// button on a call created over HTTP. Each test takes a fresh token.
import type { Channel } from '@baiying/domain';
import type { FakeUser } from '../../support/fake-telegram/fake-bot-api.js';
import { callDraft } from '../../support/factories.js';
import { coord, dm, HOUR, MINUTE, stationCoord, useTelegramCalls, v1, v4 } from './calls-harness.js';

const t = useTelegramCalls({ token: '434343:CALL-api_e2e', username: 'baiying_api_bot' });

/** Asks the bot for a personal token in chat; returns it. */
async function tokenOf(u: FakeUser): Promise<string> {
  const m = await t.say(u, '/token', /您的 API 令牌/);
  return /by_[A-Za-z0-9_-]+/.exec(m.text!)![0];
}

let token = '';
beforeEach(async () => {
  token = await tokenOf(coord);
});

const api = (path: string, init: { method?: string; body?: string; auth?: string | null; contentType?: string } = {}) =>
  fetch(`${t.apiBase}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.auth === null ? {} : { authorization: init.auth ?? `Bearer ${token}` }),
      ...(init.body !== undefined ? { 'content-type': init.contentType ?? 'application/json' } : {}),
    },
    body: init.body,
  });

const errorOf = async (r: Response) => ((await r.json()) as { error: string }).error;

/** A call of 和平村 (its only volunteer is 丁, on Telegram) as the API takes it. */
const body = (over: Record<string, unknown> = {}) => {
  const start = new Date(Date.now() + 30 * HOUR);
  return JSON.stringify({
    title: '和平村义诊帮手',
    place: '和平村村委会',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
    headcount: 1,
    audience: { units: [{ code: 'S-HP' }] },
    ...over,
  });
};

describe('the calls HTTP API', () => {
  it('issues a personal API token by /token to a coordinator only, revoking the older one', async () => {
    const refused = await t.say(v1, '/token', /只有管理员可以这样做/);
    expect(refused.text).not.toMatch(/by_/);
    const tokens = () => t.h.prisma.apiToken.findMany({ where: { personId: t.personOf.get(coord.id)! } });
    const before = await tokens();
    const newer = await tokenOf(coord);
    expect(newer).not.toBe(token);
    // Only hashes are stored; the older token is revoked (the worker's retention pass may already
    // have deleted the revoked row), the newer one is the only live row and works.
    const rows = await tokens();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.length).toBeLessThanOrEqual(before.length + 1);
    expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1);
    expect((await api('/preview', { method: 'POST', body: body(), auth: `Bearer ${token}` })).status).toBe(401);
    expect(JSON.stringify(rows)).not.toContain(newer);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await api('/preview', { method: 'POST', body: body() })).status).toBe(401);
    expect((await api('/preview', { method: 'POST', body: body(), auth: `Bearer ${newer}` })).status).toBe(200);
  });

  it('refuses requests without a valid token (401)', async () => {
    const { code } = await t.callBy(coord, callDraft(new Date()));
    for (const auth of [null, 'Bearer by_' + 'x'.repeat(30), `Token ${token}`, `Bearer ${token}x`, 'Bearer ']) {
      const r = await api('/preview', { method: 'POST', body: body(), auth });
      // Without any Authorization header the route wants a console session instead.
      const error = auth === null ? 'console/no_session' : 'token/invalid';
      expect({ auth, status: r.status, error: await errorOf(r) }).toEqual({ auth, status: 401, error });
    }
    expect((await api(`/${code}`, { auth: null })).status).toBe(401);
    expect((await api(`/${code}/close`, { method: 'POST', auth: null })).status).toBe(401);
    expect((await t.h.prisma.call.findUniqueOrThrow({ where: { code } })).status).toBe('open');
    // The same requests with the token: the call is there.
    expect((await api(`/${code}`)).status).toBe(200);
  });

  it('refuses malformed, oversized and unexpected input (400/413) and out-of-scope audiences (403)', async () => {
    const callsBefore = await t.h.prisma.call.count();
    const bad = async (b: string, status = 400, contentType?: string) => {
      const r = await api('/preview', { method: 'POST', body: b, contentType });
      expect({ status: r.status, body: b.slice(0, 80) }).toEqual({ status, body: b.slice(0, 80) });
      return (await r.json()) as { error?: string };
    };
    await bad('{"title": "x",');
    await bad('not json at all');
    await bad(body({ extra: 1 }));
    await bad(body({ audience: { units: [{ code: 'S-HP' }], everyone: true, hack: true } }));
    await bad(body({ title: '长'.repeat(61) }));
    await bad(body({ headcount: 0 }));
    await bad(body({ headcount: 1.5 }));
    await bad(body({ startsAt: 'tomorrow' }));
    await bad(body({ site: { lat: 91, lng: 0 } }));
    await bad(JSON.stringify([1, 2, 3]));
    // Past start: the desk's own check, also a 400 with the field named.
    expect(await bad(body({ startsAt: new Date(Date.now() - HOUR).toISOString() }))).toMatchObject({ error: 'call/bad_input' });
    // Larger than the console API's body limit (16 kB).
    await bad(body({ description: 'x'.repeat(300_000) }), 413);
    const out = await api('/preview', { method: 'POST', body: body({ audience: { units: [{ code: 'S-XS' }] } }) });
    expect({ status: out.status, error: await errorOf(out) }).toEqual({ status: 403, error: 'auth/out_of_scope' });
    const team = await api('', { method: 'POST', body: body({ audience: { teams: ['S-XS-EDU'] } }) });
    expect({ status: team.status, error: await errorOf(team) }).toEqual({ status: 403, error: 'auth/out_of_scope' });
    expect(await t.h.prisma.call.count()).toBe(callsBefore);
  });

  it('previews, creates (201), watches and closes a call over HTTP', async () => {
    const p = await api('/preview', { method: 'POST', body: body() });
    expect(p.status).toBe(200);
    expect((await p.json()) as { recipients: number; byChannel: Record<Channel, number> }).toMatchObject({
      recipients: 1,
      byChannel: { telegram: 1, wechat: 0, web: 0 },
    });
    const c = await api('', { method: 'POST', body: body() });
    expect(c.status).toBe(201);
    const created = (await c.json()) as { id: string; code: string; preview: { recipients: number } };
    expect(created.code).toMatch(/^M-\d{8}-\d{3}$/);
    expect(created.preview.recipients).toBe(1);
    expect(await t.h.prisma.call.findUniqueOrThrow({ where: { code: created.code } })).toMatchObject({ id: created.id, createdById: t.personOf.get(coord.id) });
    // The coordinator gets the live tally in chat as well; 丁 (和平村) gets the call.
    await t.tally(coord, created.code);
    const msg = await t.callMessage(v4, created.code);
    expect(await t.answer(v4, msg, /^参加/, /报名成功/)).toContain('报名成功');
    const g = await api(`/${created.code}`);
    expect(g.status).toBe(200);
    const got = (await g.json()) as {
      code: string;
      status: string;
      headcount: number;
      roster: Record<string, number>;
      delivery: { recipients: number };
      tally: string;
    };
    expect(got).toMatchObject({
      code: created.code,
      status: 'open',
      headcount: 1,
      roster: { confirmed: 1, none: 0, waitlisted: 0 },
      delivery: { recipients: 1 },
    });
    expect(got.tally).toContain('✅ 丁');
    // The short form of the code works too.
    expect((await api(`/${created.code.replace(/^M-/, 'm')}`)).status).toBe(200);
    const close = await api(`/${created.code}/close`, { method: 'POST' });
    expect(close.status).toBe(200);
    expect(await close.json()).toEqual({ code: created.code });
    const again = await api(`/${created.code}/close`, { method: 'POST' });
    expect({ status: again.status, error: await errorOf(again) }).toEqual({ status: 409, error: 'call/closed' });
    expect(((await (await api(`/${created.code}`)).json()) as { status: string }).status).toBe('closed');
    expect((await api(`/${created.code}/extend`, { method: 'POST', body: JSON.stringify({ hours: 'two' }) })).status).toBe(400);
  });

  it("answers a station coordinator's token on a call of the township as if it did not exist (404), allows their own scope", async () => {
    const { code } = await t.callBy(coord, callDraft(new Date()));
    const other = await tokenOf(stationCoord);
    const get = await api(`/${code}`, { auth: `Bearer ${other}` });
    expect({ status: get.status, error: await errorOf(get) }).toEqual({ status: 404, error: 'call/not_found' });
    expect((await api(`/${code}/cancel`, { method: 'POST', auth: `Bearer ${other}` })).status).toBe(404);
    expect((await t.h.prisma.call.findUniqueOrThrow({ where: { code } })).status).toBe('open');
    // Their own scope (幸福社区) works: 3 Telegram volunteers + the 2 seeded web volunteers there.
    const p = await api('/preview', { method: 'POST', body: body({ audience: { everyone: true } }), auth: `Bearer ${other}` });
    expect(p.status).toBe(200);
    expect(((await p.json()) as { recipients: number }).recipients).toBe(5);
    expect((await api('/preview', { method: 'POST', body: body({ audience: { units: [{ code: 'I-DH' }] } }), auth: `Bearer ${other}` })).status).toBe(403);
  });

  it('answers 404 for unknown calls and operations', async () => {
    const { code } = await t.callBy(coord, callDraft(new Date()));
    expect((await api('/M-20990101-001')).status).toBe(404);
    expect((await api('/nonsense')).status).toBe(404);
    expect((await api('/M-20990101-001/close', { method: 'POST' })).status).toBe(404);
    expect((await api(`/${code}/explode`, { method: 'POST' })).status).toBe(404);
    expect((await t.h.prisma.call.findUniqueOrThrow({ where: { code } })).status).toBe('open');
  });

  it('checks in by a live location within the radius (not a static pin) and out by button on a call starting soon', async () => {
    const site = { lat: 30.2, lng: 120.1 };
    const start = new Date(Date.now() + 10 * MINUTE);
    const c = await api('', {
      method: 'POST',
      body: body({ title: '和平村防汛巡查', site, radiusM: 200, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + HOUR).toISOString() }),
    });
    expect(c.status).toBe(201);
    const soon = ((await c.json()) as { code: string }).code;
    const msg = await t.callMessage(v4, soon);
    // Not on the list yet: nothing to check in to.
    let from = t.fake.messages.length;
    t.fake.sendLocation(v4, dm(v4), { latitude: site.lat, longitude: site.lng, live_period: 900 });
    await t.wait(dm(v4), /您现在没有需要签到的召集/, from);
    expect(await t.answer(v4, msg, /^参加/, /报名成功/)).toContain('报名成功');
    from = t.fake.messages.length;
    // A static location (a pin anyone can drop on the map) at the very site: refused.
    t.fake.sendLocation(v4, dm(v4), { latitude: site.lat, longitude: site.lng });
    await t.wait(dm(v4), /位置签到只认实时位置/, from);
    from = t.fake.messages.length;
    t.fake.sendLocation(v4, dm(v4), { latitude: site.lat + 0.01, longitude: site.lng, live_period: 900 }); // about 1.1 km north
    const far = await t.wait(dm(v4), /您距离集合地点约 \d+ 米，需要在 200 米内/, from);
    expect(Number(/约 (\d+) 米/.exec(far.text!)![1])).toBeGreaterThan(1000);
    from = t.fake.messages.length;
    t.fake.sendLocation(v4, dm(v4), { latitude: site.lat + 0.0003, longitude: site.lng, live_period: 900 }); // about 33 m
    const checkedIn = await t.wait(dm(v4), new RegExp(`📍 已签到：${soon}（和平村防汛巡查）`), from);
    from = t.fake.messages.length;
    await t.press(v4, checkedIn, /^签退/);
    await t.wait(dm(v4), new RegExp(`🏁 ${soon}（和平村防汛巡查）服务 0 小时已记入`), from);
    const row = await t.h.prisma.callRecipient.findFirstOrThrow({ where: { call: { code: soon }, personId: t.personOf.get(v4.id)! } });
    expect(row.checkedInAt).not.toBeNull();
    expect(row.checkedOutAt).not.toBeNull();
    expect(row.creditedAt).not.toBeNull();
    expect(Number(row.hours)).toBe(0);
    expect(((await (await api(`/${soon}`)).json()) as { tally: string }).tally).toContain('🏁 丁');
  });
});
