// WeChat end to end with wechaty-puppet-mock: the bot app (in-process, mock puppet injected)
// and the worker on the real database and Redis. A resident friend walks intake with numbered
// replies, the card reaches a team room, volunteers take it with 接单, the resident confirms and
// rates; then pacing (200 messages to one account) and the circuit breaker.
import type { EventEmitter } from 'node:events';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { startBot } from '../../../apps/bot/src/bootstrap.js';
import { startWorker } from '../../../apps/worker/src/bootstrap.js';
import type { AppConfig } from '@baiying/config';
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

const choiceFor = (text: string, label: RegExp): string => {
  const line = text.split('\n').find((l) => /回复 \d+：/.test(l) && label.test(l.replace(/^.*回复 \d+：/, '')));
  if (!line) throw new Error(`no choice ${label} in: ${text}`);
  return /回复 (\d+)：/.exec(line)![1]!;
};

describe('WeChat end to end', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication;
  let worker: INestApplicationContext;
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });

  beforeAll(async () => {
    config = testConfig({ WECHAT_MIN_GAP_MS: '20', WECHAT_PER_MINUTE: '1000', OUTBOX_POLL_MS: '200' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    worker = await startWorker(config);
    bot = await startBot(config, { wechatPuppet: puppet });
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
    await worker?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('walks the loop: numbered intake, 接单 in the room, done, confirm and rate', async () => {
    const [self, resident, volA, volB, coordinator, stranger] = mocker.createContacts(6) as [
      mock.ContactMock,
      mock.ContactMock,
      mock.ContactMock,
      mock.ContactMock,
      mock.ContactMock,
      mock.ContactMock,
    ];
    mocker.login(self);
    const team = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-XF-ELDER' } });
    const inst = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-DH' } });
    for (const [c, name] of [
      [volA, '李师傅'],
      [volB, '张护士'],
    ] as const) {
      await h.prisma.person.create({
        data: {
          displayName: name,
          identities: { create: { channel: 'wechat', externalId: c.id, chatId: `c:${c.id}` } },
          volunteer: { create: { stationId: team.orgUnitId, status: 'approved', memberships: { create: { teamId: team.id } } } },
        },
      });
    }
    await h.prisma.person.create({
      data: {
        displayName: '赵主任',
        identities: { create: { channel: 'wechat', externalId: coordinator.id, chatId: `c:${coordinator.id}` } },
        roles: { create: { role: 'coordinator', orgUnitId: inst.id } },
      },
    });
    const room = mocker.createRoom({ memberIdList: [self.id, volA.id, volB.id, coordinator.id, stranger.id], topic: '幸福社区为老服务队' });
    const inRoom = listen(room, self.id, true);
    const toResident = listen(resident, self.id, false);

    coordinator.say('@百应 绑定队伍 S-XF-ELDER').to(room);
    await next(inRoom, /已绑定到队伍/, 0);
    stranger.say('大家好，今天天气不错').to(room);

    let from = toResident.length;
    resident.say('我家老人腿脚不便，想找人上门理发，电话13812345678，明天上午').to(self);
    const proposal = await next(toResident, /对吗/, from);
    expect(proposal.text).toContain('回复 1：是的');
    from = toResident.length;
    resident.say('1').to(self);
    const stations = await next(toResident, /哪个社区或村/, from);
    from = toResident.length;
    resident.say(choiceFor(stations.text, /^幸福社区$/)).to(self);
    await next(toResident, /具体地址/, from);
    from = toResident.length;
    resident.say('幸福小区3号楼2单元501').to(self);
    const summary = await next(toResident, /请确认/, from);
    expect(summary.text).toContain('13812345678');
    from = toResident.length;
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
    const winner = need.claimedById === (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: volA.id } })).personId ? volA : volB;

    from = toResident.length;
    const fromRoom = inRoom.length;
    winner.say(`完成 ${code} 2小时`).to(room);
    await next(inRoom, /已记录 2 小时/, fromRoom);
    const ask = await next(toResident, /是否已完成/, from);
    from = toResident.length;
    resident.say(choiceFor(ask.text, /是，已完成/)).to(self);
    // The same words also come as the in-chat answer to the press (no toasts on WeChat), with no
    // choices; the two can arrive in either order: wait for the one with the stars.
    const rate = await next(toResident, /请为这次服务打分[\s\S]*⭐⭐⭐⭐⭐/, from);
    from = toResident.length;
    resident.say(choiceFor(rate.text, /^⭐⭐⭐⭐⭐$/)).to(self);
    await next(toResident, /还想说点什么/, from);
    from = toResident.length;
    resident.say('师傅很好').to(self);
    await next(toResident, /感谢您的评价/, from);

    const done = await h.prisma.need.findUniqueOrThrow({ where: { code }, include: { rating: true, records: true } });
    expect(done.status).toBe('confirmed');
    expect(done.rating).toMatchObject({ score: 5, comment: '师傅很好' });
    expect(done.records[0]).toMatchObject({ status: 'credited' });
    // Chatter got no answer.
    expect(inRoom.some((s) => /天气/.test(s.text))).toBe(false);

    // Forged and oversized input: refusals, nothing changes.
    from = inRoom.length;
    volA.say('接单 N-20990101-0001').to(room);
    await next(inRoom, /没有找到这个需求/, from);
    const toStranger = listen(stranger, self.id, false);
    stranger.say(`评价 ${code} 1 差`).to(self);
    await next(toStranger, /这不是您的需求/, 0);
    const processed = await h.prisma.processedUpdate.count({ where: { channel: 'wechat' } });
    volB.say('接'.repeat(10_000)).to(room);
    // The desk marks every message it handled: once this one is marked, its (silent) answer is final.
    await waitUntil(async () => (await h.prisma.processedUpdate.count({ where: { channel: 'wechat' } })) > processed, 'the long message handled');
    expect(inRoom.slice(from).some((s) => s.text.includes('接接接'))).toBe(false);
    expect((await h.prisma.rating.findUniqueOrThrow({ where: { needId: need.id } })).score).toBe(5);
  }, 90_000);
});
