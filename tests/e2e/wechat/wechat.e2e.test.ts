// WeChat end to end with wechaty-puppet-mock: the bot app (in-process, mock puppet injected)
// and the worker on the real database and Redis. A resident friend walks intake with numbered
// replies, the card reaches a team room, volunteers take it with 接单, the resident confirms and
// rates; forged and oversized input is refused and changes nothing.
//
// Each test stands alone: before it the database is emptied down to the demo county's units
// and teams (resetWorld); the test makes its own contacts and room (new ids) and its own
// volunteers, coordinator, binding and need.
import type { EventEmitter } from 'node:events';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { startBot } from '../../../apps/bot/src/bootstrap.js';
import { startWorker } from '../../../apps/worker/src/bootstrap.js';
import type { AppConfig } from '@baiying/config';
import { bindGroup, coordinatorAs, residentAs, resetWorld, volunteerAs, type Identity } from '../../support/e2e-world.js';
import { doneBy, routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

type MockMessage = { text(): string; talker(): { id: string }; room(): { id: string } | undefined };
type Said = { text: string; at: number };

/** Records what the bot says to a contact or in a room. */
function listen(target: unknown, selfId: string, inRoom: boolean): Said[] {
  const said: Said[] = [];
  (target as EventEmitter).on('message', (m: MockMessage) => {
    if (m.talker().id !== selfId) return;
    if (!inRoom && m.room()) return;
    said.push({ text: m.text(), at: Date.now() });
  });
  return said;
}

async function next(said: Said[], re: RegExp, from: number, timeoutMs = 15_000): Promise<Said> {
  return waitUntil(
    async () => said.slice(from).find((s) => re.test(s.text)),
    `bot message ${re} (last: ${said
      .slice(-3)
      .map((s) => s.text.slice(0, 80))
      .join(' | ')})`,
    timeoutMs,
    20,
  );
}

/** A WeChat contact's identity at the desk (their private chat is `c:<id>`). */
const onWechat = (c: mock.ContactMock, name: string): Identity => ({ channel: 'wechat', externalId: c.id, chatId: `c:${c.id}`, name });

const choiceFor = (text: string, label: RegExp): string => {
  const line = text.split('\n').find((l) => /回复 \d+：/.test(l) && label.test(l.replace(/^.*回复 \d+：/, '')));
  if (!line) throw new Error(`no choice ${label} in: ${text}`);
  return /回复 (\d+)：/.exec(line)![1]!;
};

/** The number to reply with for a choice, in an English message ("👉 Reply 2: Skip"). */
const choiceForEn = (text: string, label: RegExp): string => {
  const line = text.split('\n').find((l) => /Reply \d+(?: or "[^"]*")?: /.test(l) && label.test(l.replace(/^.*Reply \d+(?: or "[^"]*")?: /, '')));
  if (!line) throw new Error(`no choice ${label} in: ${text}`);
  return /Reply (\d+)/.exec(line)![1]!;
};

describe('WeChat end to end', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication;
  let worker: INestApplicationContext;
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  let self: mock.ContactMock;

  /** The people of one test: new contacts, ids the desk has never seen. */
  type Cast = [resident: mock.ContactMock, volA: mock.ContactMock, volB: mock.ContactMock, coordinator: mock.ContactMock, stranger: mock.ContactMock];
  const newCast = () => mocker.createContacts(5) as Cast;

  beforeAll(async () => {
    config = testConfig({ WECHAT_MIN_GAP_MS: '20', WECHAT_PER_MINUTE: '1000', OUTBOX_POLL_MS: '200' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    worker = await startWorker(config);
    bot = await startBot(config, { wechatPuppet: puppet });
    [self] = mocker.createContacts(1) as [mock.ContactMock];
    mocker.login(self);
  }, 60_000);

  beforeEach(async () => {
    await resetWorld(h, { demo: null });
  }, 60_000);

  /**
   * A numbered reply answers a menu only once its delivery is recorded (the row marked sent a
   * moment after the platform call returns); the mock shows a message before that, a person
   * never answers that fast.
   */
  const delivered = (c: mock.ContactMock) =>
    waitUntil(
      async () => (await h.prisma.sentMessage.count({ where: { channel: 'wechat', chatId: `c:${c.id}`, status: { in: ['pending', 'sending'] } } })) === 0,
      `messages to ${c.id} recorded as delivered`,
    );

  afterAll(async () => {
    await bot?.close();
    await worker?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('answers a resident who writes English in English only, numbered replies included', async () => {
    const [resident] = newCast();
    const toResident = listen(resident, self.id, false);
    let from = toResident.length;
    resident.say('My elderly mother needs a haircut at home, phone 13812345678, tomorrow morning').to(self);
    const proposal = await next(toResident, /I understand you need: Elderly care/, from);
    expect(proposal.text).toContain('👉 Reply 1: Yes');
    from = toResident.length;
    await delivered(resident);
    resident.say('1').to(self);
    const stations = await next(toResident, /Which community or village/, from);
    from = toResident.length;
    await delivered(resident);
    resident.say(choiceForEn(stations.text, /^Xingfu Community$/)).to(self);
    await next(toResident, /give the address/, from);
    from = toResident.length;
    resident.say('Building 3, Room 501').to(self);
    let summary = await next(toResident, /Please confirm|Who is the service for/, from);
    if (/Who is the service for/.test(summary.text)) {
      from = toResident.length;
      await delivered(resident);
      resident.say(choiceForEn(summary.text, /^Elderly$/)).to(self);
      summary = await next(toResident, /Please confirm/, from);
    }
    expect(summary.text).toContain('Category: Elderly care');
    from = toResident.length;
    await delivered(resident);
    resident.say(choiceForEn(summary.text, /^Submit$/)).to(self);
    await next(toResident, /Submitted as N-\d{8}-\d{4}/, from);
    // Not one Chinese character in anything the desk said to them.
    expect(toResident.map((m) => m.text).filter((t) => /[\u3400-\u9fff]/.test(t))).toEqual([]);
    const person = await h.prisma.person.findFirstOrThrow({ where: { identities: { some: { channel: 'wechat', externalId: resident.id } } } });
    expect(person.locale).toBe('en');
  });

  it('walks the loop: numbered intake, 接单 in the room, done, confirm and rate', async () => {
    const [resident, volA, volB, coordinator, stranger] = newCast();
    const a = await volunteerAs(h, onWechat(volA, '李师傅'), ['S-XF-ELDER']);
    const b = await volunteerAs(h, onWechat(volB, '张护士'), ['S-XF-ELDER']);
    await coordinatorAs(h, onWechat(coordinator, '赵主任'), 'I-DH');
    const room = mocker.createRoom({ memberIdList: [self.id, volA.id, volB.id, coordinator.id, stranger.id], topic: '幸福社区为老服务队' });
    const inRoom = listen(room, self.id, true);
    const toResident = listen(resident, self.id, false);

    coordinator.say('@百应 绑定队伍 S-XF-ELDER').to(room);
    await next(inRoom, /已绑定到队伍/, 0);
    const team = await h.prisma.teamChat.findUniqueOrThrow({
      where: { channel_chatId: { channel: 'wechat', chatId: `r:${room.id}` } },
      include: { team: true },
    });
    expect(team.team.code).toBe('S-XF-ELDER');
    stranger.say('大家好，今天天气不错').to(room);

    let from = toResident.length;
    resident.say('我家老人腿脚不便，想找人上门理发，电话13812345678，明天上午').to(self);
    const proposal = await next(toResident, /对吗/, from);
    expect(proposal.text).toContain('回复 1：是的');
    from = toResident.length;
    await delivered(resident);
    resident.say('1').to(self);
    const stations = await next(toResident, /哪个社区或村/, from);
    from = toResident.length;
    await delivered(resident);
    resident.say(choiceFor(stations.text, /^幸福社区$/)).to(self);
    await next(toResident, /具体地址/, from);
    from = toResident.length;
    resident.say('幸福小区3号楼2单元501').to(self);
    const summary = await next(toResident, /请确认/, from);
    expect(summary.text).toContain('13812345678');
    from = toResident.length;
    await delivered(resident);
    resident.say(choiceFor(summary.text, /确认提交/)).to(self);
    const saved = await next(toResident, /已提交，编号/, from);
    const code = /N-\d{8}-\d{4}/.exec(saved.text)![0];

    const card = await next(inRoom, new RegExp(`新需求 ${code}`), 0);
    expect(card.text).toContain(`回复「接单 ${code}」`);
    expect(card.text).not.toContain('13812345678');
    expect(card.text).not.toContain('3号楼');

    from = inRoom.length;
    volA.say(`接单 ${code}`).to(room);
    volB.say(`接单 ${code}`).to(room);
    stranger.say(`接单 ${code}`).to(room);
    await next(inRoom, /接下了/, from);
    await next(inRoom, /已被其他志愿者接单/, from);
    await next(inRoom, /\/register/, from);
    const need = await h.prisma.need.findUniqueOrThrow({ where: { code } });
    expect(await h.prisma.claim.count({ where: { needId: need.id } })).toBe(1);
    expect([a.personId, b.personId]).toContain(need.claimedById);
    const winner = need.claimedById === a.personId ? volA : volB;
    // The room hears who took it: the winner, by name.
    expect(inRoom.slice(from).find((s) => /接下了/.test(s.text))!.text).toContain(winner === volA ? '李师傅' : '张护士');

    from = toResident.length;
    const fromRoom = inRoom.length;
    winner.say(`完成 ${code} 2小时`).to(room);
    await next(inRoom, /已记录 2 小时/, fromRoom);
    const ask = await next(toResident, /是否已完成/, from);
    from = toResident.length;
    await delivered(resident);
    resident.say(choiceFor(ask.text, /是，已完成/)).to(self);
    // The same words also come as the in-chat answer to the press (no toasts on WeChat), with no
    // choices; the two can arrive in either order: wait for the one with the stars.
    const rate = await next(toResident, /请为这次服务打分[\s\S]*⭐⭐⭐⭐⭐/, from);
    from = toResident.length;
    await delivered(resident);
    resident.say(choiceFor(rate.text, /^⭐⭐⭐⭐⭐ 5星$/)).to(self);
    await next(toResident, /还想说点什么/, from);
    from = toResident.length;
    resident.say('师傅很好').to(self);
    await next(toResident, /感谢您的评价/, from);

    const done = await h.prisma.need.findUniqueOrThrow({ where: { code }, include: { rating: true, records: true } });
    expect(done.status).toBe('confirmed');
    expect(done.rating).toMatchObject({ score: 5, comment: null });
    expect(h.cipher.decrypt(done.rating!.commentEnc!)).toBe('师傅很好');
    expect(done.records).toHaveLength(1);
    expect(done.records[0]).toMatchObject({ status: 'credited', volunteerId: need.claimedById });
    expect(done.records[0]!.hours.toNumber()).toBe(2);
    // Chatter got no answer: the room's later messages were answered, and one room's messages
    // are handled in order.
    expect(inRoom.some((s) => /天气/.test(s.text))).toBe(false);
  }, 90_000);

  it('refuses a forged take, a stranger rating and an oversized message; nothing changes', async () => {
    const [resident, volA, volB, coordinator, stranger] = newCast();
    const a = await volunteerAs(h, onWechat(volA, '李师傅'), ['S-XF-ELDER']);
    await volunteerAs(h, onWechat(volB, '张护士'), ['S-XF-ELDER']);
    const coord = await coordinatorAs(h, onWechat(coordinator, '赵主任'), 'I-DH');
    const room = mocker.createRoom({ memberIdList: [self.id, volA.id, volB.id, coordinator.id, stranger.id], topic: '幸福社区为老服务队' });
    await bindGroup(h, coord, 'S-XF-ELDER', { channel: 'wechat', chatId: `r:${room.id}`, title: '幸福社区为老服务队' });
    // A need done by 李师傅 and confirmed by its resident: open to a rating, by her alone.
    const owner = await residentAs(h, onWechat(resident, '王阿姨'));
    const need = await routedNeed(h, resident.id, { channel: 'wechat', phone: '13812345678' });
    await doneBy(h, a, need.id, 2);
    const confirmed = await h.desk.uow.run((w) => h.desk.completion.respond.execute(w, owner, { need: { needId: need.id }, done: true }));
    if (!confirmed.ok) throw new Error(`confirmation refused: ${confirmed.code}`);
    const inRoom = listen(room, self.id, true);
    const toStranger = listen(stranger, self.id, false);

    volA.say('接单 N-20990101-0001').to(room);
    await next(inRoom, /没有找到这个需求/, 0);
    stranger.say(`评价 ${need.code} 1 差`).to(self);
    await next(toStranger, /这不是您的需求/, 0);
    const processed = await h.prisma.processedUpdate.count({ where: { channel: 'wechat' } });
    const from = inRoom.length;
    volB.say('接'.repeat(10_000)).to(room);
    // The desk marks every message it handled: once this one is marked, its (silent) answer is final.
    await waitUntil(async () => (await h.prisma.processedUpdate.count({ where: { channel: 'wechat' } })) > processed, 'the long message handled');
    expect(inRoom.slice(from).some((s) => s.text.includes('接接接'))).toBe(false);
    // Nothing changed: no rating, and the need is still 李师傅's, confirmed.
    expect(await h.prisma.rating.count({ where: { needId: need.id } })).toBe(0);
    const after = await h.prisma.need.findUniqueOrThrow({ where: { id: need.id } });
    expect(after).toMatchObject({ status: 'confirmed', claimedById: a.personId });
    expect(await h.prisma.claim.count({ where: { needId: need.id } })).toBe(1);
  }, 60_000);
});
