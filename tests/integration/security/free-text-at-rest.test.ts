// Free text that can hold personal data (the resident's "when" answer, release and close
// reasons, rating comments, need events, web chat texts) is stored only encrypted: after a flow
// writing each of them, the raw rows hold none of the planted words. A group's job card shows the
// wanted time parsed ("12月8日（周二）上午"), never the resident's words; the taker still reads them. Rows
// written in clear before the change are moved into the encrypted columns by `keys:rotate`.
import { randomBytes } from 'node:crypto';
import { WebMailbox, WebSender } from '@baiying/channels';
import { FieldCipher } from '@baiying/crypto';
import type { ActorRow } from '@baiying/db';
import { rotateKeys } from '@baiying/db';
import type { OutMessage } from '@baiying/domain';
import type { Desk } from '@baiying/features';
import { groupOf, openDispatchOf, routedNeed, takeInGroup } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

const PHONE = '13912345678';
const NAME = '张三丰';
const PLANTED = [PHONE, NAME, '秘密暗号'];
/** Every table a free-text field of this change lives in. */
const TABLES = ['need', 'claim', 'rating', 'need_event', 'web_message'];

describe('free text at rest', () => {
  const config = testConfig();
  let h: DeskHarness;
  let desk: Desk;
  // Sunday 6 December 2026, 10:00 in Shanghai: "12月8日上午" is the coming Tuesday morning.
  const now = new Date('2026-12-06T02:00:00Z');

  async function sent(chatId: string, template: string): Promise<OutMessage[]> {
    const rows = await h.prisma.sentMessage.findMany({ where: { chatId, template }, orderBy: { seq: 'asc' } });
    return rows.map((r) => JSON.parse(h.cipher.decrypt(r.bodyEnc)) as OutMessage);
  }
  /** Every row of the tables, as the database holds it. */
  async function rawRows(): Promise<string> {
    const parts: string[] = [];
    for (const t of TABLES) {
      const rows: Array<{ row: string }> = await h.prisma.$queryRawUnsafe(`SELECT row_to_json(t)::text AS row FROM "${t}" t`);
      parts.push(...rows.map((r) => r.row));
    }
    return parts.join('\n');
  }
  const actor = (key: string, name: string): Promise<ActorRow> =>
    desk.uow.run(async (w) => w.repos.people.actor((await w.repos.people.resolve('web', key, null, name, null)).personId));

  beforeAll(async () => {
    h = deskHarness(config);
    await resetDatabase(h.prisma, h.cipher);
    desk = h.withClock({ now: () => now });
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('stores none of the planted words in clear, shows groups the parsed time, and the taker the words', async () => {
    const wanted = `12月8日上午，到了打${PHONE}找${NAME}`;
    const need = await routedNeed(h, 'res-ft', { wantedTime: wanted }, desk);
    const dispatchId = await openDispatchOf(h, need.id);
    const group = await groupOf(h, dispatchId);

    // The group's card: the parsed time, not the words.
    const [card] = await sent(group.chatId, 'job-card');
    expect(card!.text).toContain('时间：12月8日（周二）上午');
    for (const s of PLANTED) expect(card!.text).not.toContain(s);

    // The taker privately reads the resident's words; then gives the job back with a reason.
    const li = await actor('demo-vol-li', '李师傅');
    expect((await takeInGroup(h, li, dispatchId, desk)).ok).toBe(true);
    const [details] = await sent('demo-vol-li', 'job-details');
    expect(details!.text).toContain(wanted);
    const claim = await h.prisma.claim.findFirstOrThrow({ where: { needId: need.id, status: 'active' } });
    const released = await desk.uow.run((w) =>
      desk.claims.release.execute(w, li, { claim: { claimId: claim.id }, reason: `家里有事，请联系${NAME}（${PHONE}）` }),
    );
    expect(released.ok).toBe(true);

    // Taken again, done, confirmed and rated with a comment.
    const zhang = await actor('demo-vol-zhang', '张护士');
    expect((await takeInGroup(h, zhang, await openDispatchOf(h, need.id), desk)).ok).toBe(true);
    const second = await h.prisma.claim.findFirstOrThrow({ where: { needId: need.id, status: 'active' } });
    expect((await desk.uow.run((w) => desk.claims.finish.execute(w, zhang, { claim: { claimId: second.id }, hours: 1 }))).ok).toBe(true);
    const resident = need.actor;
    expect((await desk.uow.run((w) => desk.completion.respond.execute(w, resident, { need: { needId: need.id }, done: true }))).ok).toBe(true);
    expect((await desk.uow.run((w) => desk.completion.rate.execute(w, resident, { need: { needId: need.id }, score: 5 }))).ok).toBe(true);
    const comment = `${NAME}师傅很好，电话${PHONE}`;
    expect((await desk.uow.run((w) => desk.completion.comment.execute(w, resident, { need: { needId: need.id }, comment }))).ok).toBe(true);

    // Another need closed unfulfilled with a reason that names someone.
    const other = await routedNeed(h, 'res-ft', { stationCode: 'S-HP' }, desk);
    const coord = await actor('demo-coord-dh', '赵主任');
    const closed = await desk.uow.run((w) =>
      desk.coordination.close.execute(w, coord, { needCode: other.code, promised: '2026-12-20', reason: `等${NAME}回来，秘密暗号` }),
    );
    expect(closed.ok).toBe(true);
    // The resident is told the reason (it is theirs to know).
    const told = await sent('res-ft', 'need-unfulfilled');
    expect(told[0]!.text).toContain(`等${NAME}回来`);

    // A web chat message carrying the words: stored encrypted, read back in full.
    const sender = new WebSender(h.prisma, h.cipher);
    await sender.send('web-res-ft', { text: `您好${NAME}，我们会打${PHONE}` });
    const mailbox = new WebMailbox(h.prisma, h.cipher);
    expect((await mailbox.recent('web-res-ft', 10)).map((m) => m.text)).toEqual([`您好${NAME}，我们会打${PHONE}`]);

    const raw = await rawRows();
    expect(raw).toContain('v2:'); // the rows were read
    for (const s of PLANTED) expect({ planted: s, inClear: raw.includes(s) }).toEqual({ planted: s, inClear: false });
    // The encrypted columns hold what was written.
    const row = await h.prisma.need.findUniqueOrThrow({ where: { id: need.id }, include: { rating: true } });
    expect(h.cipher.decrypt(row.wantedTimeEnc!)).toBe(wanted);
    expect(h.cipher.decrypt(row.rating!.commentEnc!)).toBe(comment);
    const ended = await h.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect({ code: ended.releaseReason, words: h.cipher.decrypt(ended.releaseReasonEnc!) }).toEqual({
      code: 'volunteer',
      words: `家里有事，请联系${NAME}（${PHONE}）`,
    });
    const closedRow = await h.prisma.need.findUniqueOrThrow({ where: { id: other.id } });
    expect(h.cipher.decrypt(closedRow.closeReasonEnc!)).toBe(`等${NAME}回来，秘密暗号`);
  });

  it('shows a group "尽快" or "时间待定" for words it cannot place, never the words', async () => {
    const asap = await routedNeed(h, 'res-ft2', { wantedTime: '越快越好' }, desk);
    const vague = await routedNeed(h, 'res-ft2', { wantedTime: `等${NAME}下班再说` }, desk);
    const none = await routedNeed(h, 'res-ft2', {}, desk);
    const cardOf = async (needId: string): Promise<string> => {
      const g = await groupOf(h, await openDispatchOf(h, needId));
      const cards = await sent(g.chatId, 'job-card');
      const code = (await h.prisma.need.findUniqueOrThrow({ where: { id: needId } })).code;
      return cards.find((c) => c.text.includes(code))!.text;
    };
    expect(await cardOf(asap.id)).toContain('时间：尽快');
    const vagueCard = await cardOf(vague.id);
    expect(vagueCard).toContain('时间：时间待定');
    expect(vagueCard).not.toContain(NAME);
    expect(await cardOf(none.id)).toContain('时间：未填写');
  });

  it('moves legacy clear rows into the encrypted columns on keys:rotate, and readers still see them', async () => {
    const need = await routedNeed(h, 'res-legacy', {}, desk);
    const dispatchId = await openDispatchOf(h, need.id);
    const li = await actor('demo-vol-li', '李师傅');
    expect((await takeInGroup(h, li, dispatchId, desk)).ok).toBe(true);
    const claim = await h.prisma.claim.findFirstOrThrow({ where: { needId: need.id, status: 'active' } });
    // What the desk wrote before this change, in clear.
    await h.prisma.$executeRawUnsafe(`UPDATE need SET "wantedTime" = $1, "closeReason" = $2 WHERE id = $3::uuid`, `明天找${NAME}`, `${NAME}不在`, need.id);
    await h.prisma.$executeRawUnsafe(`UPDATE claim SET "releaseReason" = $1 WHERE id = $2::uuid`, `打${PHONE}`, claim.id);
    await h.prisma.$executeRawUnsafe(
      `INSERT INTO rating ("id", "needId", "residentId", score, comment) VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 4, $3)`,
      need.id,
      need.actor.personId,
      `谢谢${NAME}`,
    );
    await h.prisma.$executeRawUnsafe(
      `INSERT INTO need_event ("id", "needId", type, data) VALUES (gen_random_uuid(), $1::uuid, 'release', $2::jsonb), (gen_random_uuid(), $1::uuid, 'release', '{"reason":"timeout"}'::jsonb)`,
      need.id,
      JSON.stringify({ reason: `秘密暗号 ${PHONE}` }),
    );
    await h.prisma.$executeRawUnsafe(`INSERT INTO web_message ("chatId", text) VALUES ('web-legacy', $1)`, `您好${NAME}`);
    const mailbox = new WebMailbox(h.prisma, h.cipher);
    // Before the move the readers fall back to the clear columns.
    expect((await mailbox.recent('web-legacy', 5)).map((m) => m.text)).toEqual([`您好${NAME}`]);
    expect(await rawRows()).toContain(NAME);

    const report = await rotateKeys(h.prisma, h.cipher, { batchSize: 2 });
    expect(report.rewritten).toMatchObject({ need: 1, claim: 1, rating: 1, web_message: 1, need_event: 1 });
    const raw = await rawRows();
    for (const s of PLANTED) expect({ planted: s, inClear: raw.includes(s) }).toEqual({ planted: s, inClear: false });
    expect((await mailbox.recent('web-legacy', 5)).map((m) => m.text)).toEqual([`您好${NAME}`]);
    const moved = await h.prisma.need.findUniqueOrThrow({ where: { id: need.id }, include: { rating: true } });
    expect([moved.wantedTime, moved.closeReason, moved.rating!.comment]).toEqual([null, null, null]);
    expect(h.cipher.decrypt(moved.wantedTimeEnc!)).toBe(`明天找${NAME}`);
    expect(h.cipher.decrypt(moved.rating!.commentEnc!)).toBe(`谢谢${NAME}`);
    const c = await h.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect({ code: c.releaseReason, words: h.cipher.decrypt(c.releaseReasonEnc!) }).toEqual({ code: 'volunteer', words: `打${PHONE}` });
    // The timeout code stays as it is; a second run finds nothing left.
    expect(await h.prisma.needEvent.count({ where: { needId: need.id, data: { equals: { reason: 'timeout' } } } })).toBe(1);
    const again = await rotateKeys(h.prisma, h.cipher);
    expect(Object.values(again.rewritten).every((n) => n === 0)).toBe(true);
  });

  it("re-encrypts the new columns and the events' reasons under a new key", async () => {
    const next = new FieldCipher(randomBytes(32), [config.encryptionKey]);
    await rotateKeys(h.prisma, next);
    const cells: Array<{ v: string }> = await h.prisma.$queryRawUnsafe(`
      SELECT "wantedTimeEnc" AS v FROM need WHERE "wantedTimeEnc" IS NOT NULL
      UNION ALL SELECT "closeReasonEnc" FROM need WHERE "closeReasonEnc" IS NOT NULL
      UNION ALL SELECT "releaseReasonEnc" FROM claim WHERE "releaseReasonEnc" IS NOT NULL
      UNION ALL SELECT "commentEnc" FROM rating WHERE "commentEnc" IS NOT NULL
      UNION ALL SELECT "textEnc" FROM web_message WHERE "textEnc" IS NOT NULL
      UNION ALL SELECT data->>'reasonEnc' FROM need_event WHERE data ? 'reasonEnc'`);
    expect(cells.length).toBeGreaterThanOrEqual(8);
    for (const { v } of cells) expect(v.startsWith(`v2:${next.currentKeyId}:`)).toBe(true);
    const reasons: Array<{ v: string }> = await h.prisma.$queryRawUnsafe(`SELECT data->>'reasonEnc' AS v FROM need_event WHERE data ? 'reasonEnc'`);
    expect(reasons.map((r) => next.decrypt(r.v))).toEqual(expect.arrayContaining([`等${NAME}回来，秘密暗号`, `家里有事，请联系${NAME}（${PHONE}）`]));
  });
});
