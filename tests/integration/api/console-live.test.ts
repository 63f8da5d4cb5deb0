// Live updates (decision 0028) over real HTTP and the run's Redis: the desk's transactions
// publish after commit, the console API relays by Server-Sent Events only what the viewer's
// scope covers. No session → 401; an out-of-scope need or call is never delivered (proved by
// order: a later in-scope event arrives, the earlier out-of-scope one never did); logout and
// revoke end the stream at once; the login page's stream tells it the code was said. Also the
// calls API with a console session (CSRF required) and the 派单 board's scope and SLA states.
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import type { ActorRow } from '@baiying/db';
import { drainPresses } from '@baiying/features';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { callDraft, coordinatorOf, createCall } from '../../support/factories.js';
import { routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';
import { http, sessionRow } from './console-support.js';

interface SseEvent {
  type: string;
  data: Record<string, unknown>;
}

/** An open event stream: every event received so far, in order, and whether it has ended. */
class Stream {
  readonly events: SseEvent[] = [];
  ended = false;
  private readonly abort = new AbortController();

  static async open(url: string, cookie: string): Promise<{ status: number; stream: Stream | null }> {
    const s = new Stream();
    const r = await fetch(url, { headers: { cookie }, signal: s.abort.signal });
    if (r.status !== 200 || !r.body) {
      await r.body?.cancel();
      return { status: r.status, stream: null };
    }
    expect(r.headers.get('content-type')).toMatch(/^text\/event-stream/);
    void s.read(r.body.getReader());
    await s.next('ready');
    return { status: 200, stream: s };
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const type = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (type && data) this.events.push({ type, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    } catch {
      // Aborted by the test.
    }
    this.ended = true;
  }

  /** Waits for the first event of `type` matching `match` (a positive signal, never a sleep). */
  async next(type: string, match: (d: Record<string, unknown>) => boolean = () => true, timeoutMs = 10_000): Promise<SseEvent> {
    let found: SseEvent | undefined;
    await waitUntil(
      () => {
        found = this.events.find((e) => e.type === type && match(e.data));
        return Promise.resolve(found ?? null);
      },
      `event ${type}`,
      timeoutMs,
    );
    return found!;
  }

  codes(type: string): unknown[] {
    return this.events.filter((e) => e.type === type).map((e) => e.data.code);
  }

  close(): void {
    this.abort.abort();
  }
}

describe('Live updates by Server-Sent Events', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let api: INestApplication;
  let base = '';
  let dh: ActorRow;
  let xs: ActorRow;
  const open: Stream[] = [];

  const stream = async (cookie: string): Promise<Stream> => {
    const { status, stream: s } = await Stream.open(`${base}/api/v1/events`, cookie);
    expect(status).toBe(200);
    open.push(s!);
    return s!;
  };

  beforeAll(async () => {
    config = testConfig({ API_PORT: '0' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher);
    dh = await coordinatorOf(h, 'I-DH', { name: '东湖主任' });
    xs = await coordinatorOf(h, 'I-XS', { name: '西山主任' });
    api = await startApi(config);
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  }, 60_000);

  afterAll(async () => {
    for (const s of open) s.close();
    await api?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('refuses a stream without a live console session (401)', async () => {
    const dead = await sessionRow(h.prisma, dh.personId, { revokedAt: new Date() });
    const chat = await sessionRow(h.prisma, dh.personId);
    for (const cookie of ['', `baiying_console=${'A'.repeat(43)}`, dead.cookie, chat.cookie.replace('baiying_console', 'baiying_chat')]) {
      const { status } = await Stream.open(`${base}/api/v1/events`, cookie);
      expect({ cookie: cookie.slice(0, 20), status }).toEqual({ cookie: cookie.slice(0, 20), status: 401 });
    }
  });

  it("delivers a need's and a call's changes to viewers whose scope covers them, and never to others", async () => {
    const a = await stream((await sessionRow(h.prisma, dh.personId)).cookie);
    const b = await stream((await sessionRow(h.prisma, xs.personId)).cookie);
    const first = await routedNeed(h, 'res-live-1', { teamCode: 'S-XF-ELDER' }); // 东湖镇
    // Submitted, then dispatched: one event per committed transaction.
    const ev = await a.next('need', (d) => d.code === first.code && d.status === 'dispatched');
    expect(ev.data).toMatchObject({ type: 'need', id: first.id });
    expect(a.events.find((e) => e.data.code === first.code)?.data.status).toBe('submitted');
    // Ids, codes, statuses and units only: nothing personal.
    expect(Object.keys(ev.data).sort()).toEqual(['code', 'id', 'ownerUnitId', 'stationId', 'status', 'type']);
    const other = await routedNeed(h, 'res-live-2', { teamCode: 'S-XS-EDU', category: 'education' }); // 西山
    await b.next('need', (d) => d.code === other.code);
    const call = await createCall(h.desk, dh, callDraft(new Date(), { audience: { units: [{ code: 'S-XF', subtree: true }] } }));
    await a.next('call', (d) => d.code === call.code);
    const later = await routedNeed(h, 'res-live-3', { teamCode: 'S-XF-ELDER' });
    await a.next('need', (d) => d.code === later.code);
    // Published in this order on one connection: had the 西山 need reached a, it would be before `later`.
    expect(a.codes('need')).not.toContain(other.code);
    await b.next('need', (d) => d.code === other.code);
    const fence = await routedNeed(h, 'res-live-4', { teamCode: 'S-XS-EDU', category: 'education' });
    await b.next('need', (d) => d.code === fence.code);
    expect(b.codes('need')).not.toContain(first.code);
    expect(b.codes('need')).not.toContain(later.code);
    expect(b.codes('call')).not.toContain(call.code);
  });

  it('ends the stream on logout and on revoke from another session', async () => {
    const s1 = await sessionRow(h.prisma, dh.personId);
    const a = await stream(s1.cookie);
    const out = await http(base, 'POST', '/api/v1/auth/logout', { cookie: s1.cookie, csrf: s1.csrf, headers: { origin: base } }, {});
    expect(out.status).toBe(200);
    await a.next('end');
    await waitUntil(() => Promise.resolve(a.ended || null), 'stream closed after logout');

    const s2 = await sessionRow(h.prisma, dh.personId);
    const other = await sessionRow(h.prisma, dh.personId);
    const b = await stream(s2.cookie);
    const r = await http(base, 'DELETE', `/api/v1/auth/sessions/${s2.id}`, { cookie: other.cookie, csrf: other.csrf, headers: { origin: base } });
    expect(r.status).toBe(200);
    await b.next('end');
    await waitUntil(() => Promise.resolve(b.ended || null), 'stream closed after revoke');
    // A revoked session cannot open it again.
    expect((await Stream.open(`${base}/api/v1/events`, s2.cookie)).status).toBe(401);
  });

  it('ends open streams when the API shuts down (they do not hold its close)', async () => {
    const other = await startApi(config);
    const url = (await other.getUrl()).replace('[::1]', '127.0.0.1');
    const { stream: s } = await Stream.open(`${url}/api/v1/events`, (await sessionRow(h.prisma, dh.personId)).cookie);
    open.push(s!);
    await other.close();
    await waitUntil(() => Promise.resolve(s!.ended || null), 'stream ended at shutdown');
  });

  it('tells the login page at once that its code was said in chat (then the poll logs in)', async () => {
    expect((await Stream.open(`${base}/api/v1/auth/login-codes/current/events`, '')).status).toBe(401);
    const issued = await http(base, 'POST', '/api/v1/auth/login-codes', { headers: { origin: base } }, {});
    expect(issued.status).toBe(201);
    const pre = /baiying_console_login=[A-Za-z0-9_-]+/.exec(issued.setCookie)![0];
    const { status, stream: s } = await Stream.open(`${base}/api/v1/auth/login-codes/current/events`, pre);
    expect(status).toBe(200);
    open.push(s!);
    const t0 = Date.now();
    const said = await h.desk.uow.run((w) => h.desk.sessions.redeemLoginCode.execute(w, dh, { code: (issued.body as { code: string }).code }));
    expect(said.ok).toBe(true);
    await s!.next('login', () => true, 2000);
    expect(Date.now() - t0).toBeLessThan(2000);
    const poll = await http(base, 'GET', '/api/v1/auth/login-codes/current', { cookie: pre });
    expect(poll.body).toMatchObject({ state: 'approved' });
    await waitUntil(() => Promise.resolve(s!.ended || null), 'login stream closed');
  });

  it('runs the calls API on a console session: CSRF required, same rules, live tally events', async () => {
    const s = await sessionRow(h.prisma, dh.personId);
    const caller = { cookie: s.cookie, csrf: s.csrf, headers: { origin: base } };
    const start = new Date(Date.now() + 30 * 3_600_000);
    const body = {
      title: '幸福社区助老',
      place: '幸福社区活动室',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      headcount: 2,
      audience: { units: [{ code: 'S-XF' }] },
    };
    expect((await http(base, 'POST', '/api/v1/calls/preview', { cookie: s.cookie, headers: { origin: base } }, body)).status).toBe(403);
    expect((await http(base, 'POST', '/api/v1/calls/preview', { ...caller, headers: { origin: 'http://evil.example' } }, body)).status).toBe(403);
    const preview = await http(base, 'POST', '/api/v1/calls/preview', caller, body);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ recipients: expect.any(Number) as number });
    const out = await http(base, 'POST', '/api/v1/calls/preview', caller, { ...body, audience: { units: [{ code: 'S-XS' }] } });
    expect(out).toMatchObject({ status: 403, body: { error: 'auth/out_of_scope' } });
    const a = await stream(s.cookie);
    const created = await http(base, 'POST', '/api/v1/calls', caller, body);
    expect(created.status).toBe(201);
    const { code, id } = created.body as { code: string; id: string };
    await a.next('call', (d) => d.code === code);
    const list = (await http(base, 'GET', '/api/v1/calls', caller)).body as { items: Array<{ code: string; confirmed: number }> };
    expect(list.items.map((i) => i.code)).toContain(code);
    const theirs = (await http(base, 'GET', '/api/v1/calls', await sessionRow(h.prisma, xs.personId))).body as { items: Array<{ code: string }> };
    expect(theirs.items.map((i) => i.code)).not.toContain(code);
    // A volunteer answers yes (as chat would): the tally event arrives with a new version.
    const vol = await h.prisma.callRecipient.findFirstOrThrow({ where: { callId: id } });
    const actor = await h.desk.uow.run((w) => w.repos.people.actor(vol.personId));
    const before = a.events.filter((e) => e.type === 'call' && e.data.code === code).length;
    const r = await h.desk.uow.run((w) => h.desk.calls.answer.execute(w, actor, { callId: id, yes: true }));
    expect(r.ok).toBe(true);
    // Applied by the call's consumer (the worker's call-answers job; no worker runs here).
    await drainPresses(h.desk.uow, h.desk.calls.applyAnswers, id);
    await waitUntil(() => Promise.resolve(a.events.filter((e) => e.type === 'call' && e.data.code === code).length > before || null), 'tally event');
    const roster = (await http(base, 'GET', `/api/v1/calls/${code}/roster`, caller)).body as Array<{ roster: string }>;
    expect(roster.map((x) => x.roster)).toEqual(['confirmed']);
    const extend = await http(base, 'POST', `/api/v1/calls/${code}/extend`, caller, { hours: 2 });
    expect(extend.status).toBe(200);
    const close = await http(base, 'POST', `/api/v1/calls/${code}/close`, caller, {});
    expect(close).toMatchObject({ status: 200, body: { code } });
    expect((await http(base, 'GET', `/api/v1/calls/${code}`, caller)).body).toMatchObject({ status: 'closed' });
  });

  it('shows the 派单 board in scope: open rounds per tier with their SLA, overdue and escalated', async () => {
    const mine = await routedNeed(h, 'res-board-1', { teamCode: 'S-XF-ELDER' });
    const theirs = await routedNeed(h, 'res-board-2', { teamCode: 'S-XS-EDU', category: 'education' });
    const s = await sessionRow(h.prisma, dh.personId);
    type Board = {
      tiers: Record<string, number>;
      overdue: number;
      items: Array<{ code: string; tier: string; secondsLeft: number; overdue: boolean; escalated: boolean }>;
    };
    const board = async () => (await http(base, 'GET', '/api/v1/dispatch', s)).body as Board;
    const b1 = await board();
    const item = b1.items.find((i) => i.code === mine.code)!;
    expect(item).toMatchObject({ tier: 'station', overdue: false, escalated: false });
    expect(item.secondsLeft).toBeGreaterThan(0);
    expect(b1.items.map((i) => i.code)).not.toContain(theirs.code);
    expect(b1.tiers.station).toBeGreaterThan(0);
    expect(JSON.stringify(b1)).not.toMatch(/1[3-9]\d{9}/);
    // Past its SLA: overdue (the escalation timer would move it up; here the clock is the row's).
    await h.prisma.dispatch.updateMany({ where: { needId: mine.id, status: 'open' }, data: { slaDueAt: new Date(Date.now() - 60_000) } });
    const b2 = await board();
    expect(b2.items.find((i) => i.code === mine.code)).toMatchObject({ overdue: true });
    expect(b2.overdue).toBeGreaterThan(0);
    // Escalated: the desk's escalation closes the round and opens one a tier up.
    const d = await h.prisma.dispatch.findFirstOrThrow({ where: { needId: mine.id, status: 'open' } });
    await h.desk.uow.run((w) => h.desk.routing.escalate.execute(w, { dispatchId: d.id }));
    const b3 = await board();
    const up = b3.items.find((i) => i.code === mine.code);
    expect(up).toMatchObject({ escalated: true });
    expect(up!.tier).not.toBe('station');
    // The viewer of another institute sees none of it.
    const other = (await http(base, 'GET', '/api/v1/dispatch', await sessionRow(h.prisma, xs.personId))).body as Board;
    expect(other.items.map((i) => i.code)).not.toContain(mine.code);
    expect(other.items.map((i) => i.code)).toContain(theirs.code);
  });
});
