// One person across channels (a link code said in the other channel) and coordinators'
// personal API tokens, on the real database. Each test starts from a freshly seeded demo county
// and brings its own people; time is moved with a clock the test holds.
import { nameColumns } from '@baiying/db';
import { randomBytes, randomUUID } from 'node:crypto';
import type { ActorRow } from '@baiying/db';
import type { Channel, Clock } from '@baiying/domain';
import { hashToken, type Desk } from '@baiying/features';
import { routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

const MINUTE = 60_000;
const config = testConfig();
let h: DeskHarness;

beforeAll(() => {
  h = deskHarness(config, 5);
});
afterAll(async () => {
  await flushPrefix(config.redisUrl, config.redisPrefix);
  await h.close();
});
beforeEach(async () => {
  await resetDatabase(h.prisma, h.cipher);
});

/** A clock the test moves by hand. */
class HandClock implements Clock {
  t = new Date();
  now(): Date {
    return this.t;
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

/** Someone writing to the desk for the first time on `channel` (a new, empty person). */
async function account(channel: Channel, name = '居民') {
  const externalId = `${channel}-${randomUUID()}`;
  const actor = await h.desk.uow.run((w) => w.repos.people.resolve(channel, externalId, null, name, null));
  return { actor, ref: { channel, externalId } };
}

async function coordinatorOf(unitCode: string): Promise<ActorRow> {
  const unit = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: unitCode } });
  const key = `coord-${randomUUID()}`;
  const p = await h.prisma.person.create({
    data: {
      ...nameColumns(h.cipher, '周主任'),
      identities: { create: { channel: 'web', externalId: key, chatId: key } },
      roles: { create: { role: 'coordinator', orgUnitId: unit.id } },
    },
  });
  return h.desk.uow.run((w) => w.repos.people.actor(p.id));
}

const issueCode = (who: ActorRow, desk: Desk = h.desk) => desk.uow.run((w) => desk.identity.issueLinkCode.execute(w, who));
const link = (who: ActorRow, code: string, ref: { channel: Channel; externalId: string }, desk: Desk = h.desk) =>
  desk.uow.run((w) => desk.identity.link.execute(w, who, { code, account: ref }));
const ownerOf = async (ref: { channel: Channel; externalId: string }) =>
  (await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: ref.channel, externalId: ref.externalId } } })).personId;
const personExists = async (id: string) => (await h.prisma.person.count({ where: { id } })) === 1;

describe('linking accounts', () => {
  it('moves the other channel’s account to the person who issued the code, and deletes the empty person', async () => {
    const clock = new HandClock();
    const desk = h.withClock(clock);
    const web = await account('web', '王阿姨');
    const issued = await issueCode(web.actor, desk);
    expect(issued.minutes).toBe(10);
    // Ten characters without look-alikes (no 0/O, 1/I/L), the first four naming this issuance.
    expect(issued.code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    // Kept as a keyed hash only, valid ten minutes.
    const row = await h.prisma.linkCode.findFirstOrThrow({ where: { personId: web.actor.personId } });
    expect(row.codeHash).not.toContain(issued.code.replace('-', ''));
    expect(row.codeHash).toBe(h.cipher.hash(`link:${issued.code.replace('-', '')}`));
    expect(row.selector).toBe(issued.code.slice(0, 4));
    expect(row.expiresAt.getTime()).toBe(clock.t.getTime() + 10 * MINUTE);

    const tg = await account('telegram', 'wang_tg');
    expect(await link(tg.actor, issued.code, tg.ref, desk)).toEqual({ ok: true, value: { name: '王阿姨' } });
    expect(await ownerOf(tg.ref)).toBe(web.actor.personId);
    expect(await ownerOf(web.ref)).toBe(web.actor.personId);
    expect(await personExists(tg.actor.personId)).toBe(false);
    expect(await h.prisma.linkCode.count()).toBe(0);
    // The desk now finds one person behind both accounts.
    const again = await h.desk.uow.run((w) => w.repos.people.resolve('telegram', tg.ref.externalId, null, 'wang_tg', null));
    expect(again.personId).toBe(web.actor.personId);
  });

  it('accepts a code once', async () => {
    const web = await account('web');
    const { code } = await issueCode(web.actor);
    const tg = await account('telegram');
    expect((await link(tg.actor, code, tg.ref)).ok).toBe(true);
    const wx = await account('wechat');
    expect(await link(wx.actor, code, wx.ref)).toEqual({ ok: false, code: 'link/bad_code' });
    expect(await ownerOf(wx.ref)).toBe(wx.actor.personId);
  });

  it('keeps only the newest code of a person', async () => {
    const web = await account('web');
    await issueCode(web.actor);
    const second = await issueCode(web.actor);
    const rows = await h.prisma.linkCode.findMany({ where: { personId: web.actor.personId } });
    expect(rows.map((r) => r.codeHash)).toEqual([h.cipher.hash(`link:${second.code.replace('-', '')}`)]);
    const tg = await account('telegram');
    expect((await link(tg.actor, second.code, tg.ref)).ok).toBe(true);
  });

  it('refuses a code after ten minutes', async () => {
    const clock = new HandClock();
    const desk = h.withClock(clock);
    const web = await account('web');
    const tg = await account('telegram');

    const early = await issueCode(web.actor, desk);
    clock.advance(9 * MINUTE);
    expect((await link(tg.actor, early.code, tg.ref, desk)).ok).toBe(true);

    const wx = await account('wechat');
    const late = await issueCode(web.actor, desk);
    clock.advance(11 * MINUTE);
    expect(await link(wx.actor, late.code, wx.ref, desk)).toEqual({ ok: false, code: 'link/bad_code' });
    expect(await ownerOf(wx.ref)).toBe(wx.actor.personId);
    // The expired code is gone, not waiting for a clock turned back.
    expect(await link(wx.actor, late.code, wx.ref)).toEqual({ ok: false, code: 'link/bad_code' });
    expect(await h.prisma.linkCode.count()).toBe(0);
  });

  it('does not move an account that has a history', async () => {
    const web = await account('web');
    const { code } = await issueCode(web.actor);
    const tgKey = `tg-${randomUUID()}`;
    const need = await routedNeed(h, tgKey, { channel: 'telegram' });
    const ref = { channel: 'telegram' as const, externalId: tgKey };
    expect(await link(need.actor, code, ref)).toEqual({ ok: false, code: 'link/has_history' });
    expect(await ownerOf(ref)).toBe(need.actor.personId);
    expect(await personExists(need.actor.personId)).toBe(true);
    // A coordinator's role is history too.
    const coord = await coordinatorOf('S-XF');
    const coordRef = await h.prisma.channelIdentity.findFirstOrThrow({ where: { personId: coord.personId } });
    const next = await issueCode(web.actor);
    expect(await link(coord, next.code, { channel: coordRef.channel, externalId: coordRef.externalId })).toEqual({ ok: false, code: 'link/has_history' });
    // The code was used up by the refused attempt.
    const tg = await account('telegram');
    expect(await link(tg.actor, next.code, tg.ref)).toEqual({ ok: false, code: 'link/bad_code' });
  });

  it('refuses linking an account to its own person', async () => {
    const web = await account('web');
    const { code } = await issueCode(web.actor);
    expect(await link(web.actor, code, web.ref)).toEqual({ ok: false, code: 'link/already' });
    expect(await personExists(web.actor.personId)).toBe(true);
    expect(await ownerOf(web.ref)).toBe(web.actor.personId);
  });

  it('reads a code in any case, with or without its dash', async () => {
    for (const typed of [(c: string) => c.toLowerCase(), (c: string) => c.replace('-', ''), (c: string) => ` ${c} `]) {
      const web = await account('web');
      const { code } = await issueCode(web.actor);
      const tg = await account('telegram');
      expect(await link(tg.actor, typed(code), tg.ref)).toEqual({ ok: true, value: { name: '居民' } });
    }
  });

  it('refuses malformed codes and codes never issued', async () => {
    await issueCode((await account('web')).actor);
    for (const code of ['', '12345', '123456', 'ABCDE-FGHJ', 'ABCDE-FGHJKM', 'ABCD0-FGHJK', 'OOOOO-IIIII', '１２３４５-６７８９Ａ', 'ABCDE-FGHJK']) {
      // A fresh account each time: wrong codes lock an account out after a few.
      const tg = await account('telegram');
      expect({ code, r: await link(tg.actor, code, tg.ref) }).toEqual({ code, r: { ok: false, code: 'link/bad_code' } });
      expect(await ownerOf(tg.ref)).toBe(tg.actor.personId);
    }
    const tg = await account('telegram');
    expect(await link(tg.actor, '1'.repeat(21), tg.ref)).toMatchObject({ ok: false, code: 'input/invalid' });
    expect(await link(tg.actor, 'ABCDE-FGHJK', { channel: 'sms' as Channel, externalId: 'x' })).toMatchObject({ ok: false, code: 'input/invalid' });
    expect(await h.prisma.linkCode.count()).toBe(1);
  });
});

describe('API tokens', () => {
  const issue = (who: ActorRow) => h.desk.uow.run((w) => h.desk.identity.issueApiToken.execute(w, who));
  const authenticate = async (token: string) => {
    const r = await h.desk.uow.run((w) => h.desk.identity.authenticateToken.execute(w, token, `client-${randomUUID()}`));
    return r.ok ? r.value : null;
  };
  const tokenOf = async (who: ActorRow) => {
    const r = await issue(who);
    if (!r.ok) throw new Error(`no token: ${r.code}`);
    return r.value.token;
  };

  it('gives a coordinator a token stored only as a keyed hash', async () => {
    const coord = await coordinatorOf('I-DH');
    const token = await tokenOf(coord);
    expect(token).toMatch(/^by_[A-Za-z0-9_-]{32}$/);
    const rows = await h.prisma.apiToken.findMany();
    expect(rows).toEqual([
      {
        tokenHash: hashToken(h.cipher, token),
        personId: coord.personId,
        createdAt: expect.any(Date) as unknown,
        expiresAt: expect.any(Date) as unknown,
        revokedAt: null,
      },
    ]);
    // The raw token is in no column of the table.
    const raw = await h.prisma.$queryRawUnsafe<Array<{ row: string }>>(`SELECT row_to_json(t)::text AS row FROM api_token t`);
    expect(raw).toHaveLength(1);
    expect(raw[0]!.row).not.toContain(token);
    expect(raw[0]!.row).not.toContain(token.slice(3));
    expect(await authenticate(token)).toEqual(coord);
  });

  it('revokes the previous token when a new one is issued', async () => {
    const coord = await coordinatorOf('C');
    const first = await tokenOf(coord);
    const second = await tokenOf(coord);
    expect(second).not.toBe(first);
    expect(await authenticate(first)).toBeNull();
    expect((await authenticate(second))?.personId).toBe(coord.personId);
    const rows = await h.prisma.apiToken.findMany({ where: { personId: coord.personId } });
    expect(rows.filter((r) => r.revokedAt === null).map((r) => r.tokenHash)).toEqual([hashToken(h.cipher, second)]);
    expect(rows).toHaveLength(2);
    // Another coordinator's token is theirs alone, and untouched.
    const other = await coordinatorOf('I-XS');
    const theirs = await tokenOf(other);
    expect((await authenticate(theirs))?.personId).toBe(other.personId);
    expect((await authenticate(second))?.personId).toBe(coord.personId);
  });

  it('refuses people who are not coordinators', async () => {
    const resident = await account('web');
    expect(await issue(resident.actor)).toEqual({ ok: false, code: 'auth/not_coordinator' });
    const key = `vol-${randomUUID()}`;
    const station = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } });
    const vol = await h.prisma.person.create({
      data: {
        ...nameColumns(h.cipher, key),
        identities: { create: { channel: 'web', externalId: key, chatId: key } },
        volunteer: { create: { stationId: station.id, status: 'approved', skills: [] } },
      },
    });
    expect(await issue(await h.desk.uow.run((w) => w.repos.people.actor(vol.id)))).toEqual({ ok: false, code: 'auth/not_coordinator' });
    expect(await h.prisma.apiToken.count()).toBe(0);
  });

  it('knows no one behind a malformed or unknown token', async () => {
    const token = await tokenOf(await coordinatorOf('I-DH'));
    const unknown = `by_${randomBytes(24).toString('base64url')}`;
    for (const t of [
      '',
      'by_',
      'by_short',
      `xx_${token.slice(3)}`,
      `${token} `,
      ` ${token}`,
      `${token}.`,
      token.slice(3),
      `Bearer ${token}`,
      `by_${'a'.repeat(65)}`,
      unknown,
    ]) {
      expect({ t, who: await authenticate(t) }).toEqual({ t, who: null });
    }
  });
});
