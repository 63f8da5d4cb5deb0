// Bad input, each with a clear answer and nothing lost or changed: photos, voice, stickers,
// emoji, empty and oversized text, commands in the wrong place, repeated updates, forged and
// stale buttons, wrong-role presses, rating someone else's need, double presses.
import { nameColumns, personName } from '@baiying/db';
import { flowButton, type ConversationEngine } from '@baiying/conversation';
import type { ActorRow } from '@baiying/db';
import { silentLogger, type InboundEvent, type OutMessage } from '@baiying/domain';
import { confirmButton, doneButton, rateButton, releaseButton, setOffButton, takeButton } from '@baiying/features';
import { BUTTON_TTL_HOURS, ButtonCodec, type ButtonDef } from '@baiying/kernel';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

describe('bad input', () => {
  const config = testConfig({ MAX_NEED_TEXT: '2000' });
  let h: DeskHarness;
  let engine: ConversationEngine;
  let seq = 0;
  const warnings: string[] = [];

  const ev = (from: string, chat: { id: string; kind: 'private' | 'group' }, body: Partial<InboundEvent>): InboundEvent => ({
    channel: 'telegram',
    updateId: `u${++seq}`,
    chat,
    from: { externalId: from, displayName: `user ${from}` },
    kind: 'text',
    ...body,
  });
  const dm = (id: string) => ({ id, kind: 'private' as const });

  /** Messages queued for a chat since `sinceSeq`, decrypted. */
  async function outbox(chatId: string, since: bigint = 0n): Promise<OutMessage[]> {
    const rows = await h.prisma.sentMessage.findMany({ where: { chatId, seq: { gt: since } }, orderBy: { seq: 'asc' } });
    return rows.map((r) => JSON.parse(h.cipher.decrypt(r.bodyEnc)) as OutMessage);
  }
  async function mark(): Promise<bigint> {
    const last = await h.prisma.sentMessage.findFirst({ orderBy: { seq: 'desc' } });
    return last?.seq ?? 0n;
  }
  async function send(e: InboundEvent): Promise<{ texts: string[]; answer?: string; last?: OutMessage }> {
    const before = await mark();
    const r = await engine.handle(e);
    const msgs = await outbox(e.chat.id, before);
    return { texts: msgs.map((m) => m.text), answer: r.callbackAnswer?.text, last: msgs[msgs.length - 1] };
  }
  const pressData = (m: OutMessage | undefined, label: RegExp): string => {
    const b = m?.buttons?.flat().find((x) => label.test(x.label));
    if (!b) throw new Error(`no button ${label} in ${m?.text}`);
    return b.data;
  };

  beforeAll(async () => {
    h = deskHarness(config);
    await resetDatabase(h.prisma, h.cipher);
    engine = await h.engine({ stations: false, logger: { ...silentLogger, warn: (m) => warnings.push(m) } });
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('asks for words on stickers, emoji-only and empty messages', async () => {
    for (const body of [{ kind: 'sticker' as const }, { text: '👍👍🙏' }, { text: '   ' }, { text: '！！？' }]) {
      const r = await send(ev('900', dm('900'), body));
      expect(r.texts).toHaveLength(1);
      expect(r.texts[0]).toContain('请用文字说说您需要什么帮助');
    }
    expect(await h.prisma.need.count()).toBe(0);
  });

  it('keeps a photo sent before any words and attaches it to the need', async () => {
    let r = await send(ev('901', dm('901'), { kind: 'photo', fileRef: 'photo-file-1' }));
    expect(r.texts[0]).toContain('照片已收到');
    r = await send(ev('901', dm('901'), { kind: 'voice', fileRef: 'voice-file-1' }));
    expect(r.texts[0]).toContain('听不了语音');
    r = await send(ev('901', dm('901'), { text: '水管漏水了，厨房都是水' }));
    // Water in a kitchen may be a person in danger: the desk asks that one question first.
    expect(r.last?.text).toContain('现在有人有危险吗？');
    r = await send(ev('901', dm('901'), { kind: 'callback', callback: { id: `c${seq}`, data: pressData(r.last, /^没有/) } }));
    expect(r.last?.text).toMatch(/便民维修|请选择|不太确定/);
    // Walk to the end with buttons and check the need carries both attachments.
    const need = await walkIntake('901', r.last!);
    const atts = await h.prisma.attachment.findMany({ where: { needId: need } });
    expect(atts.map((a) => a.kind).sort()).toEqual(['photo', 'voice']);
  });

  async function walkIntake(user: string, first: OutMessage): Promise<string> {
    let m: OutMessage | undefined = first;
    for (let i = 0; i < 12 && m; i++) {
      const text = m.text;
      let r;
      if (/已提交，编号/.test(text)) break;
      if (/请确认/.test(text)) r = await send(ev(user, dm(user), { kind: 'callback', callback: { id: `c${seq}`, data: pressData(m, /确认提交/) } }));
      else if (/对吗/.test(text)) r = await send(ev(user, dm(user), { kind: 'callback', callback: { id: `c${seq}`, data: pressData(m, /是的/) } }));
      else if (/类别/.test(text))
        r = await send(ev(user, dm(user), { kind: 'callback', callback: { id: `c${seq}`, data: pressData(m, /便民维修|为老助老/) } }));
      else if (/哪个社区/.test(text)) r = await send(ev(user, dm(user), { kind: 'callback', callback: { id: `c${seq}`, data: pressData(m, /^幸福社区$/) } }));
      else if (/具体地址|联系电话/.test(text))
        r = await send(ev(user, dm(user), { kind: 'callback', callback: { id: `c${seq}`, data: pressData(m, /跳过/) } }));
      else if (/什么时候/.test(text)) r = await send(ev(user, dm(user), { text: '今天下午' }));
      else if (/服务对象/.test(text)) r = await send(ev(user, dm(user), { kind: 'callback', callback: { id: `c${seq}`, data: pressData(m, /都不是/) } }));
      else throw new Error(`unexpected prompt: ${text}`);
      m = r.last;
    }
    const code = /N-\d{8}-\d{4}/.exec(m?.text ?? '')?.[0];
    if (!code) throw new Error(`intake did not finish: ${m?.text}`);
    return (await h.prisma.need.findUniqueOrThrow({ where: { code } })).id;
  }

  it('keeps the first 2,000 characters of a very long description and says so', async () => {
    const long = '家里下水道堵了'.repeat(400); // 2,800 characters
    const r = await send(ev('902', dm('902'), { text: long }));
    expect(r.texts[0]).toContain('超过 2000 字');
    const id = await walkIntake('902', r.last!);
    const need = await h.prisma.need.findUniqueOrThrow({ where: { id } });
    expect(need.truncated).toBe(true);
    expect([...h.cipher.decrypt(need.descriptionEnc)]).toHaveLength(2000);
  });

  it('answers commands in the wrong place', async () => {
    expect((await send(ev('903', dm('903'), { kind: 'command', command: { name: 'bindteam', args: 'S-XF-ELDER' } }))).texts[0]).toContain('需要在队伍群里使用');
    expect((await send(ev('903', { id: '-777', kind: 'group' }, { kind: 'command', command: { name: 'start', args: '' } }))).texts[0]).toContain('请私聊我');
    expect((await send(ev('903', dm('903'), { kind: 'command', command: { name: 'frobnicate', args: '' } }))).texts[0]).toContain('我不认识这个命令');
    expect((await send(ev('903', dm('903'), { kind: 'command', command: { name: 'approve', args: '' } }))).texts[0]).toContain('只有管理员');
    expect((await send(ev('903', dm('903'), { kind: 'command', command: { name: 'close', args: 'N-20261123-0001 2020-01-01 x' } }))).texts[0]).toContain(
      '只有管理员',
    );
    // Ordinary group chatter gets no answer at all.
    expect((await send(ev('903', { id: '-777', kind: 'group' }, { text: '大家好' }))).texts).toHaveLength(0);
  });

  it('processes a repeated update once', async () => {
    const e = ev('904', dm('904'), { kind: 'command', command: { name: 'help', args: '' } });
    const first = await engine.handle(e);
    const again = await engine.handle(e);
    expect(first.duplicate).toBe(false);
    expect(again.duplicate).toBe(true);
    expect(await outbox('904')).toHaveLength(1);
  });

  describe('buttons', () => {
    let dispatchId: string;
    let needId: string;
    let groupChat: string;
    let member: ActorRow;

    beforeAll(async () => {
      // A dispatched need with its card in a Telegram group bound to S-XF-ELDER.
      const team = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-XF-ELDER' } });
      groupChat = '-4242';
      await h.prisma.teamChat.create({ data: { teamId: team.id, channel: 'telegram', chatId: groupChat } });
      const resident = await h.desk.uow.run((w) => w.repos.people.resolve('telegram', '905', '905', 'resident', null));
      const r = await h.desk.uow.run((w) =>
        h.desk.intake.submit.execute(w, resident, {
          channel: 'telegram',
          description: '理发',
          truncated: false,
          categoryCode: 'elderly',
          stationId: team.orgUnitId,
          address: null,
          location: null,
          wantedTime: null,
          phone: null,
          beneficiary: 'elderly',
          urgency: 'normal',
          attachments: [],
        }),
      );
      if (!r.ok) throw new Error(r.code);
      needId = r.value.id;
      await h.desk.uow.run((w) => h.desk.routing.route.execute(w, { needId }));
      dispatchId = (await h.prisma.dispatch.findFirstOrThrow({ where: { needId, status: 'open' } })).id;
      const person = await h.prisma.person.create({
        data: {
          ...nameColumns(h.cipher, '成员'),
          identities: { create: { channel: 'telegram', externalId: '906', chatId: '906' } },
          volunteer: { create: { stationId: team.orgUnitId, status: 'approved', memberships: { create: { teamId: team.id, status: 'approved' } } } },
        },
      });
      member = await h.desk.uow.run((w) => w.repos.people.actor(person.id));
      await h.prisma.person.create({
        data: {
          ...nameColumns(h.cipher, '待审核'),
          identities: { create: { channel: 'telegram', externalId: '907', chatId: '907' } },
          volunteer: { create: { stationId: team.orgUnitId, status: 'pending', memberships: { create: { teamId: team.id, status: 'pending' } } } },
        },
      });
      const other = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-HP-ELDER' } });
      await h.prisma.person.create({
        data: {
          ...nameColumns(h.cipher, '别队'),
          identities: { create: { channel: 'telegram', externalId: '908', chatId: '908' } },
          volunteer: { create: { stationId: other.orgUnitId, status: 'approved', memberships: { create: { teamId: other.id, status: 'approved' } } } },
        },
      });
    });

    /** A button as the outbox sends it: sealed for the chat it goes to. */
    const button = <P extends object>(def: ButtonDef<P>, payload: P, chatId: string) =>
      h.buttons.seal(h.buttons.encode(def, payload), { channel: 'telegram', chatId });
    const take = () => button(takeButton, { dispatchId }, groupChat);
    const press = (user: string, chat: { id: string; kind: 'private' | 'group' }, data: string) =>
      send(ev(user, chat, { kind: 'callback', callback: { id: `cb${seq}`, data } }));
    const status = async () => (await h.prisma.need.findUniqueOrThrow({ where: { id: needId } })).status;

    it('refuses a forged or malformed payload, logs it and changes nothing', async () => {
      const forged = take().slice(0, -2) + 'zz';
      for (const data of [forged, 'tk.not-a-uuid.abcdefgh', 'x'.repeat(300), '', 'f.zzz']) {
        const r = await press('906', { id: groupChat, kind: 'group' }, data);
        expect(r.answer).toMatch(/无效的操作|已过期/);
      }
      expect(warnings.some((w) => w.includes('forged'))).toBe(true);
      expect(await status()).toBe('dispatched');
    });

    it('refuses the take button from non-volunteers, unapproved volunteers and other teams', async () => {
      expect((await press('909', { id: groupChat, kind: 'group' }, take())).answer).toContain('/register');
      expect((await press('907', { id: groupChat, kind: 'group' }, take())).answer).toContain('审核中');
      expect((await press('908', { id: groupChat, kind: 'group' }, take())).answer).toContain('不是该队伍的成员');
      expect(await status()).toBe('dispatched');
    });

    it('refuses a card replayed in another chat, or in private (the seal binds it to its chat)', async () => {
      expect((await press('906', { id: '-5555', kind: 'group' }, take())).answer).toContain('无效的操作');
      expect((await press('906', dm('906'), take())).answer).toContain('无效的操作');
      // Sealed for the other group, the card is genuine there but not this dispatch's group.
      expect((await press('906', { id: '-5555', kind: 'group' }, button(takeButton, { dispatchId }, '-5555'))).answer).toContain('卡片已过期');
      expect(await status()).toBe('dispatched');
    });

    it('answers an expired card as expired, and changes nothing', async () => {
      const sentLongAgo = new ButtonCodec(h.cipher, () => new Date(Date.now() - (BUTTON_TTL_HOURS + 1) * 3_600_000));
      const old = sentLongAgo.seal(sentLongAgo.encode(takeButton, { dispatchId }), { channel: 'telegram', chatId: groupChat });
      expect((await press('906', { id: groupChat, kind: 'group' }, old)).answer).toContain('按钮已过期');
      expect(await status()).toBe('dispatched');
    });

    it('gives a double press one win and one "already taken"', async () => {
      const [a, b] = await Promise.all([press('906', { id: groupChat, kind: 'group' }, take()), press('906', { id: groupChat, kind: 'group' }, take())]);
      const answers = [a.answer ?? '', b.answer ?? ''];
      expect(answers.filter((x) => x.includes('接单成功'))).toHaveLength(1);
      expect(answers.filter((x) => x.includes('已被其他志愿者接单'))).toHaveLength(1);
      expect(await h.prisma.claim.count({ where: { needId } })).toBe(1);
      expect(member.personId).toBe((await h.prisma.need.findUniqueOrThrow({ where: { id: needId } })).claimedById);
    });

    it("refuses a resident rating or confirming someone else's need", async () => {
      const rate = button(rateButton, { needId, score: 1 }, '910');
      const confirm = button(confirmButton, { needId, yes: true }, '910');
      expect((await press('910', dm('910'), rate)).answer).toContain('这不是您的需求');
      expect((await press('910', dm('910'), confirm)).answer).toContain('这不是您的需求');
      expect(await h.prisma.rating.count({ where: { needId } })).toBe(0);
    });

    it("refuses another volunteer's job buttons", async () => {
      const claim = await h.prisma.claim.findFirstOrThrow({ where: { needId } });
      for (const def of [setOffButton, doneButton, releaseButton]) {
        expect((await press('908', dm('908'), button(def, { claimId: claim.id }, '908'))).answer).toContain('这不是您接的单');
      }
      expect(await status()).toBe('claimed');
    });

    it('refuses a stale dialogue button', async () => {
      const r = await press('906', dm('906'), h.buttons.encode(flowButton, { nonce: 'old', choice: 'ok' }));
      expect(r.answer).toContain('按钮已过期');
    });
  });
});

describe('double submit', () => {
  const config = testConfig();
  let h: DeskHarness;
  let engine: ConversationEngine;

  beforeAll(async () => {
    h = deskHarness(config);
    engine = await h.engine({ stations: false });
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('saves one need when "Submit" is pressed twice at once', async () => {
    const user = 'double-1';
    const e = (n: number, body: Partial<InboundEvent>): InboundEvent => ({
      channel: 'web',
      updateId: `dbl-${n}`,
      chat: { id: user, kind: 'private' },
      from: { externalId: user, displayName: 'u' },
      kind: 'text',
      ...body,
    });
    const lastMsg = async () =>
      JSON.parse(h.cipher.decrypt((await h.prisma.sentMessage.findFirstOrThrow({ where: { chatId: user }, orderBy: { seq: 'desc' } })).bodyEnc)) as OutMessage;
    const btn = (m: OutMessage, re: RegExp) => m.buttons!.flat().find((b) => re.test(b.label))!.data;
    await engine.handle(e(1, { text: '下水道堵了 13812345678 今天下午' }));
    let m = await lastMsg();
    let n = 2;
    for (let i = 0; i < 8 && !/请确认/.test(m.text); i++) {
      const label = /对吗/.test(m.text)
        ? /是的/
        : /类别/.test(m.text)
          ? /便民维修/
          : /哪个社区/.test(m.text)
            ? /^幸福社区$/
            : /服务对象/.test(m.text)
              ? /都不是/
              : /跳过/;
      await engine.handle(e(n++, { kind: 'callback', callback: { id: `x${n}`, data: btn(m, label) } }));
      m = await lastMsg();
    }
    const submit = btn(m, /确认提交/);
    const before = await h.prisma.need.count();
    await Promise.all([1, 2, 3].map((k) => engine.handle(e(100 + k, { kind: 'callback', callback: { id: `s${k}`, data: submit } }))));
    expect((await h.prisma.need.count()) - before).toBe(1);
  });
});

describe('text PostgreSQL would refuse, and names that forge lines', () => {
  const config = testConfig();
  let h: DeskHarness;
  let engine: ConversationEngine;

  beforeAll(async () => {
    h = deskHarness(config);
    await resetDatabase(h.prisma, h.cipher);
    engine = await h.engine({ stations: false });
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('answers a message with NUL bytes and unpaired surrogates, and keeps a name on one clean line', async () => {
    const ev = (n: number, text: string): InboundEvent => ({
      channel: 'web',
      updateId: `nul${n}`,
      chat: { id: 'nul-user', kind: 'private' },
      from: { externalId: 'nul-user', displayName: '王\u0000\n✅ 已批准 by 赵主任\u202E' },
      kind: 'text',
      text,
    });
    await engine.handle(ev(1, '家里\u0000的下水道\uD800堵了，想找人来通一通'));
    const identity = await h.prisma.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'web', externalId: 'nul-user' } },
      include: { person: true },
    });
    expect(personName(h.cipher, identity.person)).toBe('王 ✅ 已批准 by 赵主任');
    const reply = await h.prisma.sentMessage.findFirstOrThrow({ where: { chatId: 'nul-user' }, orderBy: { seq: 'desc' } });
    expect((JSON.parse(h.cipher.decrypt(reply.bodyEnc)) as OutMessage).text).toMatch(/我理解您需要|请选择|不太确定/);
    const state = await h.prisma.conversationState.findUniqueOrThrow({ where: { channel_chatKey: { channel: 'web', chatKey: 'nul-user' } } });
    expect(h.cipher.decrypt(state.dataEnc)).not.toContain('\u0000');
  });
});
