// Text commands for chats without buttons (WeChat): take, finish with hours, release, rate,
// my needs, cancel, bind — and their refusals, through the engine on the real database.
import { nameColumns } from '@baiying/db';
import type { ConversationEngine } from '@baiying/conversation';
import type { InboundEvent, OutMessage } from '@baiying/domain';
import { routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

describe('keyword commands', () => {
  const config = testConfig();
  let h: DeskHarness;
  let engine: ConversationEngine;
  let seq = 0;
  const group = { id: 'wx-room-1', kind: 'group' as const };

  const say = async (from: string, chat: { id: string; kind: 'private' | 'group' }, text: string): Promise<string> => {
    const before = (await h.prisma.sentMessage.findFirst({ orderBy: { seq: 'desc' } }))?.seq ?? 0n;
    const ev: InboundEvent = { channel: 'wechat', updateId: `k${++seq}`, chat, from: { externalId: from, displayName: from }, kind: 'text', text };
    await engine.handle(ev);
    const rows = await h.prisma.sentMessage.findMany({ where: { chatId: chat.id, seq: { gt: before } }, orderBy: { seq: 'asc' } });
    // Everything the desk queued for that chat (replies and card edits), joined.
    return rows.map((r) => (JSON.parse(h.cipher.decrypt(r.bodyEnc)) as OutMessage).text).join('\n');
  };
  const dm = (id: string) => ({ id, kind: 'private' as const });

  async function person(externalId: string, name: string, team?: string, status: 'approved' | 'pending' = 'approved') {
    const t = team ? await h.prisma.team.findUniqueOrThrow({ where: { code: team } }) : null;
    await h.prisma.person.create({
      data: {
        ...nameColumns(h.cipher, name),
        identities: { create: { channel: 'wechat', externalId, chatId: externalId } },
        ...(t ? { volunteer: { create: { stationId: t.orgUnitId, status, memberships: { create: { teamId: t.id, status } } } } } : {}),
      },
    });
  }

  const newNeed = async (resident: string): Promise<string> =>
    (await routedNeed(h, resident, { channel: 'wechat', teamCode: 'S-XF-ELDER', description: '理发', beneficiary: 'elderly' })).code;

  beforeAll(async () => {
    h = deskHarness(config);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    engine = await h.engine();
    await person('wx-coord', '赵主任');
    const coord = await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'wechat', externalId: 'wx-coord' } } });
    const inst = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-DH' } });
    await h.prisma.roleAssignment.create({ data: { personId: coord.personId, role: 'coordinator', orgUnitId: inst.id } });
    await person('wx-li', '李师傅', 'S-XF-ELDER');
    await person('wx-zhang', '张护士', 'S-XF-ELDER');
    await person('wx-other', '别队', 'S-HP-ELDER');
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('binds a WeChat group only for a coordinator of the team', async () => {
    expect(await say('wx-li', group, '绑定队伍 S-XF-ELDER')).toContain('只有管理员');
    expect(await say('wx-coord', group, '@百应 绑定队伍 S-XF-ELDER')).toContain('已绑定到队伍');
    expect(await say('wx-coord', group, '今天天气不错')).toBe('');
  });

  it('takes with 接单 (short code), refuses others, finishes with hours, rates with 评价', async () => {
    const code = await newNeed('wx-resident');
    const short = `N-${code.slice(-4)}`;
    expect(await say('wx-other', group, `接单 ${short}`)).toContain('不是该队伍的成员');
    expect(await say('wx-li', group, `接单 ${short}`)).toContain(`李师傅 接下了 ${code}`);
    expect(await say('wx-zhang', group, `接单 ${code}`)).toContain('已被其他志愿者接单');
    expect(await say('wx-li', group, '接单 N-20990101-0001')).toContain('没有找到这个需求');
    expect(await say('wx-zhang', group, `完成 ${code} 2小时`)).toContain('这不是您接的单');
    expect(await say('wx-li', group, `完成 ${code} 30小时`)).toContain('0.25 到 24');
    expect(await say('wx-li', group, `完成 ${code} 2小时`)).toContain('已记录 2 小时');
    expect(await say('wx-stranger', dm('wx-stranger'), `评价 ${code} 1 差`)).toContain('这不是您的需求');
    expect(await say('wx-resident', dm('wx-resident'), `评价 ${code} 5 很好`)).toContain('感谢您的评价');
    const need = await h.prisma.need.findUniqueOrThrow({ where: { code }, include: { rating: true } });
    expect(need.status).toBe('confirmed');
    expect(need.rating).toMatchObject({ score: 5, comment: null });
    expect(h.cipher.decrypt(need.rating!.commentEnc!)).toBe('很好');
    expect(await say('wx-resident', dm('wx-resident'), `评价 ${code} 3`)).toContain('已经评价过');
  });

  it('releases with 放弃 and a reason, lists with 我的需求, cancels with 取消', async () => {
    const code = await newNeed('wx-resident-2');
    await say('wx-zhang', group, `接单 ${code}`);
    expect(await say('wx-zhang', group, `放弃 ${code}`)).toContain('原因');
    expect(await say('wx-zhang', group, `放弃 ${code} 临时有事`)).toContain('已放弃');
    expect((await h.prisma.need.findUniqueOrThrow({ where: { code } })).status).toBe('dispatched');
    expect(await say('wx-resident-2', dm('wx-resident-2'), '我的需求')).toContain(code);
    await say('wx-resident-2', dm('wx-resident-2'), `取消 ${code}`);
    expect((await h.prisma.need.findUniqueOrThrow({ where: { code } })).status).toBe('cancelled');
    expect(await say('wx-resident-2', group, '我的需求')).toContain('请私聊我');
  });

  it('ignores a 10,000-character group message and cuts it in private', async () => {
    const long = '修'.repeat(10_000);
    expect(await say('wx-li', group, long)).toBe('');
    expect(await say('wx-long', dm('wx-long'), long)).toContain('超过 2000 字');
  });

  it('links a WeChat account to a person from another channel with a one-time code', async () => {
    // 李师傅 (a volunteer on the web chat) asks for a code.
    const webLi = {
      channel: 'web' as const,
      updateId: `k${++seq}`,
      chat: { id: 'demo-vol-li', kind: 'private' as const },
      from: { externalId: 'demo-vol-li', displayName: '李师傅' },
      kind: 'command' as const,
      command: { name: 'link', args: '' },
    };
    await engine.handle(webLi);
    const row = await h.prisma.sentMessage.findFirstOrThrow({ where: { chatId: 'demo-vol-li' }, orderBy: { seq: 'desc' } });
    const code = /([2-9A-Z]{5}-[2-9A-Z]{5})/.exec((JSON.parse(h.cipher.decrypt(row.bodyEnc)) as OutMessage).text)![1]!;
    expect(await say('wx-new-li', dm('wx-new-li'), '绑定账号 ZZZZZ-ZZZZZ')).toContain('绑定码无效');
    expect(await say('wx-new-li', dm('wx-new-li'), `绑定账号 ${code}`)).toContain('绑定成功');
    const web = await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: 'demo-vol-li' } } });
    const wx = await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'wechat', externalId: 'wx-new-li' } } });
    expect(wx.personId).toBe(web.personId);
    // The code works once; an account with its own history is not merged automatically.
    expect(await say('wx-other-2', dm('wx-other-2'), `绑定账号 ${code}`)).toContain('绑定码无效');
    await engine.handle({ ...webLi, updateId: `k${++seq}` });
    const row2 = await h.prisma.sentMessage.findFirstOrThrow({ where: { chatId: 'demo-vol-li' }, orderBy: { seq: 'desc' } });
    const code2 = /([2-9A-Z]{5}-[2-9A-Z]{5})/.exec((JSON.parse(h.cipher.decrypt(row2.bodyEnc)) as OutMessage).text)![1]!;
    expect(await say('wx-li', dm('wx-li'), `绑定账号 ${code2}`)).toContain('不能自动合并');
  });
});
