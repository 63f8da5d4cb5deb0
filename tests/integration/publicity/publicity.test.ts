// 张榜公示 end to end on the real database, Redis, worker and console API: the month-end timer
// freezes the four lists in TIME_ZONE (not UTC) through the real worker with an injected clock;
// a coordinator publishes and corrects over HTTP (audited; the old version's link still works);
// the public page is scanned for phones, addresses and names; residents score from chat and from
// the page with a one-time code (forged, repeated and brute-forced scores refused); an overdue
// promise alerts the unit's coordinators once.
import { nameColumns, NAME_SELECT, personName } from '@baiying/db';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { ConversationEngine } from '@baiying/conversation';
import type { ActorRow } from '@baiying/db';
import type { InboundEvent, OutMessage } from '@baiying/domain';
import type { Lists } from '@baiying/contracts';
import { alertOverduePromises, publicPageCsp } from '@baiying/features';
import { findPhones } from '@baiying/nlu';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { startWorker } from '../../../apps/worker/src/bootstrap.js';
import { actorOf } from '../../support/factories.js';
import { doneBy, routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';
import { http, sessionRow } from '../api/console-support.js';

const PHONES = ['13912345678', '13700001111', '13600002222', '13500003333'];
const ADDRESSES = ['解放路18号3栋501', '西山村12号院', '东湖路88号2单元', '桃源路7号'];
const NAMES = ['钱多多', '孙小美', '赵大宝', '周阿婆'];

describe('张榜公示: the four lists frozen at month end, published, corrected, scored', () => {
  const config = testConfig({ API_PORT: '0', RECONCILE_INTERVAL_SECONDS: '1', OUTBOX_POLL_MS: '100', TIME_ZONE: 'Asia/Shanghai' });
  let h: DeskHarness;
  let api: INestApplication;
  let worker: INestApplicationContext | undefined;
  let engine: ConversationEngine;
  let base = '';
  // The worker's clock: 23:30 Shanghai on 30 November, i.e. still November there.
  let clockNow = new Date('2026-11-30T15:30:00Z');
  const clock = { now: () => clockNow };
  const n = {} as Record<'rated' | 'done' | 'unfulfilled' | 'late' | 'xs', { id: string; code: string; actor: ActorRow }>;
  let seq = 0;

  const ev = (from: string, body: Partial<InboundEvent>): InboundEvent => ({
    channel: 'web',
    updateId: `pub${++seq}`,
    chat: { id: from, kind: 'private' },
    from: { externalId: from, displayName: from },
    kind: 'text',
    ...body,
  });
  async function last(chatId: string): Promise<OutMessage> {
    const row = await h.prisma.sentMessage.findFirstOrThrow({ where: { chatId }, orderBy: { seq: 'desc' } });
    return JSON.parse(h.cipher.decrypt(row.bodyEnc)) as OutMessage;
  }
  const unitsToFreeze = () => h.prisma.orgUnit.count({ where: { tier: { not: 'point' } } });
  const snapshotsOf = (month: string) => h.prisma.publicitySnapshot.count({ where: { month } });
  const unitId = async (code: string) => (await h.prisma.orgUnit.findUniqueOrThrow({ where: { code } })).id;
  const personOf = async (externalId: string) => (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId } })).personId;
  const snapshotId = async (code: string, month: string, version = 1) =>
    (await h.prisma.publicitySnapshot.findFirstOrThrow({ where: { orgUnitId: await unitId(code), month, version } })).id;
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const r = await fetch(`${base}${path}`, { headers, redirect: 'manual' });
    return { status: r.status, html: await r.text(), csp: r.headers.get('content-security-policy'), location: r.headers.get('location') };
  };
  const postScore = async (path: string, form: Record<string, string>) => {
    const r = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    return { status: r.status, html: await r.text(), location: r.headers.get('location') };
  };

  beforeAll(async () => {
    h = deskHarness(config, 10);
    await resetDatabase(h.prisma, h.cipher);
    const li = await actorOf(h, await personOf('demo-vol-li'));
    const coordinator = await actorOf(h, await personOf('demo-coord-dh'));
    const desk = h.desk;
    const make = async (key: keyof typeof n, resident: string, o: Parameters<typeof routedNeed>[2], createdAt: string, name: string) => {
      n[key] = await routedNeed(h, resident, o);
      await h.prisma.person.update({ where: { id: n[key].actor.personId }, data: { ...nameColumns(h.cipher, name) } });
      return createdAt;
    };
    const times = {
      rated: await make(
        'rated',
        'pub-res-1',
        { teamCode: 'S-XF-ELDER', phone: PHONES[0], address: ADDRESSES[0], beneficiary: 'elderly' },
        '2026-11-10T02:00:00Z',
        NAMES[0]!,
      ),
      done: await make(
        'done',
        'pub-res-2',
        { teamCode: 'S-XF-REPAIR', category: 'repair', phone: PHONES[1], address: ADDRESSES[1] },
        '2026-11-20T02:00:00Z',
        NAMES[1]!,
      ),
      unfulfilled: await make(
        'unfulfilled',
        'pub-res-3',
        { teamCode: 'S-XF-ELDER', phone: PHONES[2], address: ADDRESSES[2] },
        '2026-11-15T02:00:00Z',
        NAMES[2]!,
      ),
      // 01:00 on 1 December in Shanghai (still 30 November in UTC): December's, not November's.
      late: await make('late', 'pub-res-4', { teamCode: 'S-XF-ELDER', phone: PHONES[3], address: ADDRESSES[3] }, '2026-11-30T17:00:00Z', NAMES[3]!),
      xs: await make('xs', 'pub-res-5', { teamCode: 'S-XS-EDU', category: 'education' }, '2026-11-12T02:00:00Z', '吴先生'),
    };
    await doneBy(h, li, n.rated.id, 2);
    await doneBy(h, li, n.done.id, 1);
    const r1 = await desk.uow.run((w) => desk.completion.respond.execute(w, n.rated.actor, { need: { needId: n.rated.id }, done: true }));
    const r2 = await desk.uow.run((w) => desk.completion.rate.execute(w, n.rated.actor, { need: { needId: n.rated.id }, score: 5 }));
    // The close reason names a phone: it stays encrypted on the need and never reaches the page.
    const r3 = await desk.uow.run((w) =>
      desk.coordination.close.execute(w, coordinator, { needCode: n.unfulfilled.code, promised: '2026-12-20', reason: `理发师生病，联系${PHONES[2]!}` }),
    );
    expect([r1.ok, r2.ok, r3.ok]).toEqual([true, true, true]);
    for (const [key, at] of Object.entries(times))
      await h.prisma.need.update({ where: { id: n[key as keyof typeof n].id }, data: { createdAt: new Date(at) } });
    engine = await h.engine();
    api = await startApi(config);
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('freezes the month that ended in TIME_ZONE through the real worker (23:30 UTC on the 30th is already December in Shanghai)', async () => {
    const units = await unitsToFreeze();
    worker = await startWorker(config, clock);
    // At 23:30 Shanghai on 30 November the last ended month is October: November stays open.
    await waitUntil(async () => (await snapshotsOf('2026-10')) === units, 'October frozen for every unit', 30_000);
    expect(await snapshotsOf('2026-11')).toBe(0);
    // 23:30 UTC on 30 November = 07:30 on 1 December in Shanghai: November has ended.
    clockNow = new Date('2026-11-30T23:30:00Z');
    await waitUntil(async () => (await snapshotsOf('2026-11')) === units, 'November frozen for every unit', 30_000);
    expect(await snapshotsOf('2026-12')).toBe(0);

    const xf = await h.prisma.publicitySnapshot.findFirstOrThrow({ where: { orgUnitId: await unitId('S-XF'), month: '2026-11' } });
    expect(xf.status).toBe('draft');
    const lists = xf.data as unknown as Lists;
    expect(lists.needs.items.map((i) => i.code).sort()).toEqual([n.rated.code, n.done.code, n.unfulfilled.code].sort());
    expect(lists.fulfilment.fulfilled.map((f) => [f.code, f.rating])).toEqual(
      expect.arrayContaining([
        [n.rated.code, 5],
        [n.done.code, null],
      ]),
    );
    expect(lists.fulfilment.fulfilled.find((f) => f.code === n.rated.code)?.team).toBe('幸福社区为老服务队');
    expect(lists.fulfilment.unfulfilled).toEqual([expect.objectContaining({ code: n.unfulfilled.code, promised: '2026-12-20', reason: null, steps: null })]);
    expect(lists.needs.byCategory).toEqual(
      expect.arrayContaining([
        { category: 'elderly', count: 2 },
        { category: 'repair', count: 1 },
      ]),
    );
    expect(lists.resources.talents).toEqual(expect.arrayContaining([{ skill: '理发', people: 1 }]));
    expect(lists.services.map((s) => s.category)).toEqual(expect.arrayContaining(['elderly', 'repair']));
    // The county's list holds the other institute's need too; the institute's does not.
    const county = (await h.prisma.publicitySnapshot.findFirstOrThrow({ where: { orgUnitId: await unitId('C'), month: '2026-11' } })).data as unknown as Lists;
    expect(county.needs.items.map((i) => i.code)).toContain(n.xs.code);
    const dh = (await h.prisma.publicitySnapshot.findFirstOrThrow({ where: { orgUnitId: await unitId('I-DH'), month: '2026-11' } })).data as unknown as Lists;
    expect(dh.needs.items.map((i) => i.code)).not.toContain(n.xs.code);
    expect(JSON.stringify(county)).not.toContain(n.late.code);

    // Idempotent: the job id is per unit and month, and the handler keeps version 1.
    const again = await h.desk.uow.run((w) => h.desk.publicity.freeze.execute(w, { unitId: xf.orgUnitId, month: '2026-11' }));
    expect(again).toEqual({ ok: true, value: { created: false, snapshotId: xf.id } });
    expect(await h.prisma.publicitySnapshot.count({ where: { orgUnitId: xf.orgUnitId, month: '2026-11' } })).toBe(1);
  }, 90_000);

  it('publishes as a coordinator (audited, residents invited), corrects into version 2, and keeps the old link working', async () => {
    const coord = await sessionRow(h.prisma, await personOf('demo-coord-dh'));
    const staff = await sessionRow(
      h.prisma,
      (await h.prisma.person.create({ data: { ...nameColumns(h.cipher, '站员'), roles: { create: { role: 'staff', orgUnitId: await unitId('S-XF') } } } })).id,
    );
    const otherCoord = await sessionRow(
      h.prisma,
      (
        await h.prisma.person.create({
          data: { ...nameColumns(h.cipher, '西山主任'), roles: { create: { role: 'coordinator', orgUnitId: await unitId('I-XS') } } },
        })
      ).id,
    );
    const withCsrf = (s: { cookie: string; csrf: string }) => ({ cookie: s.cookie, csrf: s.csrf, headers: { origin: base } });
    const id = await snapshotId('S-XF', '2026-11');

    const listed = (await http(base, 'GET', '/api/v1/publicity/snapshots?unit=S-XF&month=2026-11', coord)).body as {
      items: Array<{ id: string; status: string }>;
    };
    expect(listed.items).toEqual([expect.objectContaining({ id, status: 'draft' })]);
    expect((await page('/gongshi/S-XF/2026-11')).status).toBe(404);
    // Wrong role and wrong scope.
    expect((await http(base, 'POST', `/api/v1/publicity/snapshots/${id}/publish`, withCsrf(staff), {})).status).toBe(403);
    expect((await http(base, 'POST', `/api/v1/publicity/snapshots/${id}/publish`, withCsrf(otherCoord), {})).status).toBe(404);
    expect((await http(base, 'GET', `/api/v1/publicity/snapshots/${id}`, otherCoord)).status).toBe(404);

    const published = await http(base, 'POST', `/api/v1/publicity/snapshots/${id}/publish`, withCsrf(coord), {});
    expect(published.status).toBe(200);
    expect(published.body).toEqual(expect.objectContaining({ status: 'published', version: 1, invited: 2 }));
    expect(await h.prisma.auditLog.count({ where: { action: 'publicity_publish', orgUnitId: await unitId('S-XF') } })).toBe(1);
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: `need.${n.done.id}.score_invite.` } } })).toBe(1);
    // Publishing again: the version is no draft any more.
    expect((await http(base, 'POST', `/api/v1/publicity/snapshots/${id}/publish`, withCsrf(coord), {})).body).toEqual(
      expect.objectContaining({ error: 'publicity/not_draft' }),
    );

    const v1 = await page('/gongshi/S-XF/2026-11');
    expect(v1.status).toBe(200);
    expect(v1.csp).toBe(publicPageCsp);
    expect(v1.html).toContain(n.rated.code);
    expect(v1.html).toContain('<svg');
    expect(v1.html).not.toMatch(/<script/i);
    expect(v1.html).toContain('@page{size:A4');

    // Bad corrections: a phone in public text, an item not on the list, nothing changed, bad shape.
    const correct = (sid: string, body: unknown) => http(base, 'POST', `/api/v1/publicity/snapshots/${sid}/corrections`, withCsrf(coord), body);
    const phone = await correct(id, { summary: '补充', items: [{ code: n.unfulfilled.code, reason: `请联系 ${PHONES[2]!}` }] });
    expect([phone.status, (phone.body as { error: string }).error]).toEqual([400, 'publicity/personal_data']);
    expect(((await correct(id, { summary: '补充', items: [{ code: n.late.code, reason: '不在清单' }] })).body as { error: string }).error).toBe(
      'publicity/unknown_item',
    );
    expect(((await correct(id, { summary: '补充' })).body as { error: string }).error).toBe('publicity/no_change');
    expect((await correct(id, { summary: '', items: 'x' })).status).toBe(400);

    const fixed = await correct(id, {
      summary: '补充未兑现原因和步骤',
      items: [{ code: n.unfulfilled.code, reason: '理发志愿者外出培训', steps: '联系东湖镇理发志愿者上门', promised: '2026-12-25' }],
    });
    expect(fixed.status).toBe(201);
    const v2body = fixed.body as { version: number; status: string; changes: Array<{ field: string; to: string }> };
    expect([v2body.version, v2body.status]).toEqual([2, 'published']);
    expect(v2body.changes.map((c) => c.field).sort()).toEqual(['promised', 'reason', 'steps']);
    expect(await h.prisma.auditLog.count({ where: { action: 'publicity_correct', orgUnitId: await unitId('S-XF') } })).toBe(1);
    // The unit's coordinator reads both entries in the audit log; the other institute's does not.
    const audit = (await http(base, 'GET', '/api/v1/audit?action=publicity_correct', coord)).body as { items: Array<{ action: string }> };
    expect(audit.items.map((i) => i.action)).toEqual(['publicity_correct']);
    expect(((await http(base, 'GET', '/api/v1/audit?action=publicity_publish', otherCoord)).body as { items: unknown[] }).items).toEqual([]);
    // Only the latest version can be corrected.
    expect(((await correct(id, { summary: '再改', items: [{ code: n.unfulfilled.code, steps: '另一步' }] })).body as { error: string }).error).toBe(
      'publicity/not_latest',
    );

    const latest = await page('/gongshi/S-XF/2026-11');
    expect(latest.html).toContain('理发志愿者外出培训');
    expect(latest.html).toContain('2026-12-25');
    const old = await page('/gongshi/S-XF/2026-11/v1');
    expect(old.status).toBe(200);
    expect(old.html).not.toContain('理发志愿者外出培训');
    expect(old.html).toContain('/gongshi/S-XF/2026-11/v2');
    expect(old.html).toContain('补充未兑现原因和步骤');
    const v2page = await page('/gongshi/S-XF/2026-11/v2');
    expect(v2page.html).toContain('由“”改为“理发志愿者外出培训”');

    // English by ?lang=en and by Accept-Language.
    expect((await page('/gongshi/S-XF/2026-11?lang=en')).html).toContain('Xingfu Community — the four lists, 2026-11');
    expect((await page('/gongshi/S-XF/2026-11', { 'accept-language': 'en-GB,en;q=0.9' })).html).toContain('lang="en"');
    // Bad paths: not found, never a 500.
    for (const bad of [
      '/gongshi/S-XF/2026-13',
      '/gongshi/S-XF/2026-11/v9',
      '/gongshi/S-XF/2026-11/vx',
      '/gongshi/NOPE/2026-11',
      '/gongshi/S-XF/2026-10',
      "/gongshi/S-XF'--/2026-11",
    ]) {
      expect({ bad, status: (await page(bad)).status }).toEqual({ bad, status: 404 });
    }
  }, 60_000);

  it('shows no phone, street address or full name on any public page (nlu phone detector, seeded addresses and names)', async () => {
    const admin = await sessionRow(h.prisma, await personOf('demo-coord-county'));
    for (const code of ['C', 'I-DH']) {
      const r = await http(
        base,
        'POST',
        `/api/v1/publicity/snapshots/${await snapshotId(code, '2026-11')}/publish`,
        { cookie: admin.cookie, csrf: admin.csrf, headers: { origin: base } },
        {},
      );
      expect(r.status).toBe(200);
    }
    const people = (await h.prisma.person.findMany({ select: NAME_SELECT })).map((p) => personName(h.cipher, p)).filter((x) => x.length >= 2);
    expect(people).toEqual(expect.arrayContaining([...NAMES, '王阿姨', '李师傅']));
    const addresses = (await h.prisma.need.findMany({ where: { addressEnc: { not: null } }, select: { addressEnc: true } })).map((r) =>
      h.cipher.decrypt(r.addressEnc!),
    );
    expect(addresses).toEqual(expect.arrayContaining(ADDRESSES));
    let scanned = 0;
    for (const path of ['/gongshi/S-XF/2026-11', '/gongshi/S-XF/2026-11/v1', '/gongshi/I-DH/2026-11', '/gongshi/C/2026-11']) {
      for (const q of ['', '?lang=en', '?print=1']) {
        const { status, html } = await page(`${path}${q}`);
        expect(status).toBe(200);
        expect({ path, q, phones: findPhones(html).map((p) => p.value) }).toEqual({ path, q, phones: [] });
        for (const p of PHONES) expect(html).not.toContain(p);
        for (const a of addresses) expect({ path, found: html.includes(a) }).toEqual({ path, found: false });
        for (const name of people) expect({ path, name, found: html.includes(name) }).toEqual({ path, name, found: false });
        scanned++;
      }
    }
    expect(scanned).toBe(12);
  });

  it('lets the resident score from chat once; refuses others and repeats', async () => {
    await engine.handle(ev('pub-res-1', { text: `点评 ${n.rated.code}` }));
    const invite = await last('pub-res-1');
    expect(invite.text).toContain(n.rated.code);
    expect(invite.text).toMatch(/[A-Z2-9]{4}-[A-Z2-9]{4}/);
    const stars = invite.buttons?.[0] ?? [];
    expect(stars).toHaveLength(5);
    // Someone else pressing the resident's star (a forwarded message): refused, nothing recorded.
    await engine.handle(ev('pub-res-2', { kind: 'callback', callback: { id: 'x1', data: stars[3]!.data } }));
    expect((await h.prisma.publicityScore.findUniqueOrThrow({ where: { needId: n.rated.id } })).score).toBeNull();
    await engine.handle(ev('pub-res-1', { kind: 'callback', callback: { id: 'x2', data: stars[3]!.data } }));
    expect((await last('pub-res-1')).text).toContain('4星');
    await engine.handle(ev('pub-res-1', { kind: 'callback', callback: { id: 'x3', data: stars[0]!.data } }));
    const row = await h.prisma.publicityScore.findUniqueOrThrow({ where: { needId: n.rated.id } });
    expect([row.score, row.source]).toEqual([4, 'chat']);
    // Asking again after scoring, and asking about someone else's need.
    await engine.handle(ev('pub-res-1', { text: `点评 ${n.rated.code}` }));
    expect((await last('pub-res-1')).text).toContain('已经点评过');
    await engine.handle(ev('pub-res-1', { text: `点评 ${n.done.code}` }));
    expect((await last('pub-res-1')).text).not.toMatch(/[A-Z2-9]{4}-[A-Z2-9]{4}/);
  });

  it('scores from the page only with the code the resident got in chat: forged, repeated and brute-forced scores refused', async () => {
    const inviteRow = await h.prisma.sentMessage.findFirstOrThrow({ where: { purposeKey: { startsWith: `need.${n.done.id}.score_invite.` } } });
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec((JSON.parse(h.cipher.decrypt(inviteRow.bodyEnc)) as OutMessage).text)![1]!;
    const action = '/gongshi/S-XF/2026-11/score';
    // The code of one need does not score another; a bad shape is a 400 page, never a 500.
    expect((await postScore(action, { need: n.rated.code, code, score: '5' })).status).toBe(409);
    expect((await postScore(action, { need: n.unfulfilled.code, code, score: '5' })).status).toBe(400);
    expect((await postScore(action, { need: n.done.code, code, score: '9' })).status).toBe(400);
    expect((await postScore(action, { need: n.done.code, code, score: '5', extra: '1' })).status).toBe(400);
    expect((await postScore(action, { need: 'x'.repeat(5000), code, score: '5' })).status).toBe(413);
    // Brute force: wrong codes lock the need's code at the fifth; then even the right one is refused.
    const wrong = code.startsWith('A') ? 'BBBB-BBBB' : 'AAAA-AAAA';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await postScore(action, { need: n.done.code, code: wrong, score: '1' })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    expect((await postScore(action, { need: n.done.code, code, score: '5' })).status).toBe(429);
    expect((await h.prisma.publicityScore.findUniqueOrThrow({ where: { needId: n.done.id } })).score).toBeNull();
    // The resident asks in chat for a new code; it works once, from the page, without login.
    await engine.handle(ev('pub-res-2', { text: `点评 ${n.done.code}` }));
    const fresh = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec((await last('pub-res-2')).text)![1]!;
    expect(fresh).not.toBe(code);
    const ok = await postScore(action, { need: n.done.code, code: fresh.toLowerCase().replace('-', ' '), score: '3' });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe(`/gongshi/S-XF/2026-11?scored=1#${n.done.code}`);
    const row = await h.prisma.publicityScore.findUniqueOrThrow({ where: { needId: n.done.id } });
    expect([row.score, row.source]).toEqual([3, 'page']);
    expect((await postScore(action, { need: n.done.code, code: fresh, score: '5' })).status).toBe(409);
    expect((await h.prisma.publicityScore.findUniqueOrThrow({ where: { needId: n.done.id } })).score).toBe(3);
    // Another site's page may not post the form.
    const cross = await fetch(`${base}${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      body: new URLSearchParams({ need: n.done.code, code: fresh, score: '1' }).toString(),
      redirect: 'manual',
    });
    expect(cross.status).toBe(400);
    const shown = await page('/gongshi/S-XF/2026-11?scored=1');
    expect(shown.html).toContain('谢谢您的点评');
    expect(shown.html).toContain('★★★');
  });

  it('alerts the coordinators of an overdue promise once (the worker, in TIME_ZONE)', async () => {
    // 08:00 on 21 December in Shanghai: the promise of 20 December is overdue.
    clockNow = new Date('2026-12-21T00:00:00Z');
    await waitUntil(
      () => h.prisma.needEvent.findFirst({ where: { needId: n.unfulfilled.id, type: 'promise_overdue' } }),
      'the overdue promise alerted',
      30_000,
    );
    const alerts = await h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: `alert.promise_overdue.${n.unfulfilled.id}.2026-12-20.` } } });
    const recipients = await Promise.all(
      [await personOf('demo-coord-dh'), await personOf('demo-coord-county')].map(
        async (p) => (await h.prisma.channelIdentity.findFirstOrThrow({ where: { personId: p } })).chatId,
      ),
    );
    expect(alerts.map((a) => a.chatId).sort()).toEqual(expect.arrayContaining(recipients.sort()));
    expect(h.cipher.decrypt(alerts[0]!.bodyEnc)).toContain(n.unfulfilled.code);
    const again = await alertOverduePromises(h.withClock(clock).uow, h.withClock(clock).publicity);
    expect(again).toEqual({ alerted: 0, failed: 0 });
    expect(await h.prisma.needEvent.count({ where: { needId: n.unfulfilled.id, type: 'promise_overdue' } })).toBe(1);
  }, 60_000);
});
