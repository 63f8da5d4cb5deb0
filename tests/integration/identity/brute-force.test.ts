// Guessing link codes and bearer tokens, on the real database with a clock the test holds:
// wrong link codes lock the redeeming account out (and, past a higher limit, linking for
// everyone) until the window ends, a right code included; a code links only to its issuer and
// is cancelled after a few wrong secrets; wrong bearer tokens lock the client address out (and
// everyone past a higher limit), a right token included; API tokens expire.
import { randomUUID } from 'node:crypto';
import { configuredDirectory } from '@baiying/channels';
import type { ActorRow } from '@baiying/db';
import { PurposeKey, type Channel, type Clock, type OutMessage } from '@baiying/domain';
import { Desk } from '@baiying/features';
import { coordinatorOf } from '../../support/factories.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ADMIN = 'admin-token-for-brute-force-0123';
const config = testConfig({
  AUTH_LOCKOUT_MINUTES: '15',
  LINK_FAILURES_PER_ACCOUNT: '5',
  LINK_FAILURES_GLOBAL: '12',
  TOKEN_FAILURES_PER_CLIENT: '4',
  TOKEN_FAILURES_GLOBAL: '9',
  API_TOKEN_DAYS: '30',
  ADMIN_API_TOKEN: ADMIN,
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

let h: DeskHarness;
let clock: HandClock;
let desk: Desk;

beforeAll(() => {
  h = deskHarness(config, 5);
});
afterAll(async () => {
  await flushPrefix(config.redisUrl, config.redisPrefix);
  await h.close();
});
beforeEach(async () => {
  await resetDatabase(h.prisma, h.cipher);
  clock = new HandClock();
  desk = h.withClock(clock);
});

/** Someone writing to the desk for the first time on `channel` (a new, empty person). */
async function account(channel: Channel) {
  const externalId = `${channel}-${randomUUID()}`;
  const actor = await desk.uow.run((w) => w.repos.people.resolve(channel, externalId, null, externalId, null));
  return { actor, ref: { channel, externalId } };
}
type Account = Awaited<ReturnType<typeof account>>;

const issueCode = async (who: ActorRow) => (await desk.uow.run((w) => desk.identity.issueLinkCode.execute(w, who))).code;
const link = (who: Account, code: string) => desk.uow.run((w) => desk.identity.link.execute(w, who.actor, { code, account: who.ref }));
const ownerOf = async (who: Account) =>
  (await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: who.ref.channel, externalId: who.ref.externalId } } })).personId;

/** A well-formed code that was never issued (its selector is no one's). */
let guesses = 0;
const guess = () => `ZZZZ${String(100_000 + ++guesses).replace(/[01]/g, '9')}`;

describe('guessing link codes', () => {
  it('locks the redeeming account out after five wrong codes; the right code is refused until the window ends', async () => {
    const web = await account('web');
    const code = await issueCode(web.actor);
    const attacker = await account('telegram');
    for (let i = 1; i < 5; i++) expect({ i, r: await link(attacker, guess()) }).toEqual({ i, r: { ok: false, code: 'link/bad_code' } });
    expect(await link(attacker, guess())).toEqual({ ok: false, code: 'link/locked', detail: { minutes: 15 } });
    // Locked: even the right code is refused, and it is not used up.
    expect(await link(attacker, code)).toEqual({ ok: false, code: 'link/locked', detail: { minutes: 15 } });
    expect(await ownerOf(attacker)).toBe(attacker.actor.personId);
    expect(await h.prisma.linkCode.count({ where: { personId: web.actor.personId } })).toBe(1);
    // Another account is not locked by this one's guesses.
    const other = await account('wechat');
    expect(await link(other, code)).toMatchObject({ ok: true });
    expect(await ownerOf(other)).toBe(web.actor.personId);

    clock.advance(14 * MINUTE);
    const late = await issueCode(web.actor);
    expect(await link(attacker, late)).toEqual({ ok: false, code: 'link/locked', detail: { minutes: 1 } });
    // When the window has passed, the account may link again.
    clock.advance(MINUTE);
    expect(await link(attacker, late)).toMatchObject({ ok: true });
    expect(await ownerOf(attacker)).toBe(web.actor.personId);
  });

  it('links a code only to its issuer: another issuer’s secret is refused, and three wrong ones cancel the code and tell its issuer', async () => {
    const a = await account('web');
    const b = await account('web');
    const codeA = (await issueCode(a.actor)).replace('-', '');
    const codeB = (await issueCode(b.actor)).replace('-', '');
    const selectorA = codeA.slice(0, 4);
    const redeemer = await account('telegram');
    // A's selector with B's (valid) secret: no code of anyone.
    expect(await link(redeemer, selectorA + codeB.slice(4))).toEqual({ ok: false, code: 'link/bad_code' });
    expect((await h.prisma.linkCode.findUniqueOrThrow({ where: { selector: selectorA } })).failures).toBe(1);
    const wrongSecret = selectorA + (codeA.slice(4) === '222222' ? '333333' : '222222');
    expect(await link(redeemer, wrongSecret)).toEqual({ ok: false, code: 'link/bad_code' });
    expect(await h.prisma.linkCode.count({ where: { personId: a.actor.personId } })).toBe(1);
    expect(await link(redeemer, wrongSecret)).toEqual({ ok: false, code: 'link/bad_code' });
    // The third wrong secret cancelled A's code: the right one no longer works, and A was told.
    expect(await h.prisma.linkCode.count({ where: { personId: a.actor.personId } })).toBe(0);
    const told = await h.prisma.sentMessage.findUniqueOrThrow({ where: { purposeKey: PurposeKey.linkCodeBurned(a.actor.personId, selectorA) } });
    expect(told.chatId).toBe(a.ref.externalId);
    expect((JSON.parse(h.cipher.decrypt(told.bodyEnc)) as OutMessage).text).toContain('绑定码已作废');
    const fresh = await account('wechat');
    expect(await link(fresh, codeA)).toEqual({ ok: false, code: 'link/bad_code' });
    expect(await ownerOf(fresh)).toBe(fresh.actor.personId);
    // B's code was untouched, and links to B only.
    expect(await link(redeemer, codeB)).toMatchObject({ ok: true });
    expect(await ownerOf(redeemer)).toBe(b.actor.personId);
  });

  it('locks linking for everyone after the global limit, the right code included, until the window ends', async () => {
    const web = await account('web');
    const code = await issueCode(web.actor);
    // Twelve accounts, one guess each: no account reaches its own limit, everyone's is reached.
    for (let i = 1; i < 12; i++) expect({ i, r: await link(await account('telegram'), guess()) }).toEqual({ i, r: { ok: false, code: 'link/bad_code' } });
    expect(await link(await account('telegram'), guess())).toEqual({ ok: false, code: 'link/locked', detail: { minutes: 15 } });
    const honest = await account('wechat');
    expect(await link(honest, code)).toEqual({ ok: false, code: 'link/locked', detail: { minutes: 15 } });
    clock.advance(15 * MINUTE);
    const again = await issueCode(web.actor);
    expect(await link(honest, again)).toMatchObject({ ok: true });
  });
});

describe('guessing bearer tokens', () => {
  const tokenOf = async (who: ActorRow) => {
    const r = await desk.uow.run((w) => desk.identity.issueApiToken.execute(w, who));
    if (!r.ok) throw new Error(`no token: ${r.code}`);
    return r.value.token;
  };
  const authenticate = (token: string, client: string) => desk.uow.run((w) => desk.identity.authenticateToken.execute(w, token, client));
  const wrong = () => `by_${randomUUID().replace(/-/g, '')}`;

  it('locks a client out after four wrong tokens, the right token included, until the window ends', async () => {
    const coord = await coordinatorOf(h, 'I-DH');
    const token = await tokenOf(coord);
    for (let i = 1; i < 4; i++) expect({ i, r: await authenticate(wrong(), '10.0.0.1') }).toEqual({ i, r: { ok: false, code: 'token/invalid' } });
    const locked = { ok: false, code: 'token/locked', detail: { minutes: 15, retryAfter: 900 } };
    expect(await authenticate('not-even-a-token', '10.0.0.1')).toEqual(locked);
    expect(await authenticate(token, '10.0.0.1')).toEqual(locked);
    // Another client is not locked by this one's guesses.
    expect(await authenticate(token, '10.0.0.2')).toEqual({ ok: true, value: coord });
    clock.advance(15 * MINUTE - 1000);
    expect(await authenticate(token, '10.0.0.1')).toEqual({ ok: false, code: 'token/locked', detail: { minutes: 1, retryAfter: 1 } });
    clock.advance(1000);
    expect(await authenticate(token, '10.0.0.1')).toEqual({ ok: true, value: coord });
  });

  it('locks every client out after the global limit, until the window ends', async () => {
    const coord = await coordinatorOf(h, 'C');
    const token = await tokenOf(coord);
    for (let i = 1; i < 9; i++) expect({ i, r: await authenticate(wrong(), `10.1.0.${i}`) }).toEqual({ i, r: { ok: false, code: 'token/invalid' } });
    expect(await authenticate(wrong(), '10.1.0.9')).toMatchObject({ ok: false, code: 'token/locked' });
    expect(await authenticate(token, '10.2.0.1')).toMatchObject({ ok: false, code: 'token/locked' });
    clock.advance(15 * MINUTE);
    expect(await authenticate(token, '10.2.0.1')).toEqual({ ok: true, value: coord });
  });

  it('expires a token after API_TOKEN_DAYS; an expired token is refused but not counted as a guess', async () => {
    const coord = await coordinatorOf(h, 'I-DH');
    const token = await tokenOf(coord);
    const row = await h.prisma.apiToken.findFirstOrThrow({ where: { personId: coord.personId } });
    expect(row.expiresAt.getTime()).toBe(clock.t.getTime() + 30 * DAY);
    clock.advance(30 * DAY - MINUTE);
    expect(await authenticate(token, '10.3.0.1')).toEqual({ ok: true, value: coord });
    clock.advance(MINUTE);
    for (let i = 0; i < 6; i++) expect(await authenticate(token, '10.3.0.1')).toEqual({ ok: false, code: 'token/expired' });
    // Its holder asks for a new one and is not locked out by the expired one's refusals.
    const renewed = await tokenOf(coord);
    expect(await authenticate(renewed, '10.3.0.1')).toEqual({ ok: true, value: coord });
    expect(await h.prisma.authThrottle.count()).toBe(0);
  });

  it('throttles the admin token the same way, comparing tokens of any length', async () => {
    const admin = (given: string, client: string) => desk.uow.run((w) => desk.identity.authenticateAdmin.execute(w, given, client));
    expect(await admin(ADMIN, '10.4.0.1')).toEqual({ ok: true, value: true });
    for (const given of ['', 'x', ADMIN.slice(0, -1)])
      expect({ given, r: await admin(given, '10.4.0.1') }).toEqual({ given, r: { ok: false, code: 'token/invalid' } });
    expect(await admin(`${ADMIN}${'x'.repeat(500)}`, '10.4.0.1')).toMatchObject({ ok: false, code: 'token/locked' });
    expect(await admin(ADMIN, '10.4.0.1')).toMatchObject({ ok: false, code: 'token/locked' });
    expect(await admin(ADMIN, '10.4.0.2')).toEqual({ ok: true, value: true });
    // Without an admin token configured there is nothing to authenticate against.
    const off = new Desk({
      prisma: h.prisma,
      cipher: h.cipher,
      producer: h.producer,
      config: { ...config, adminApiToken: undefined },
      channels: configuredDirectory(config),
    });
    expect(await off.uow.run((w) => off.identity.authenticateAdmin.execute(w, ADMIN, '10.4.0.3'))).toBeNull();
  });
});
