// Two bot replicas (webhook mode, behind a round-robin proxy) and two workers on one database
// and one Redis: residents file needs concurrently through chat, job cards go to two team
// groups, each card is pressed by all its team's volunteers at the same moment (through both
// replicas), an update is delivered twice through different replicas — one after the other,
// and one three times at once, as Telegram re-sends after a webhook timeout —, and a call
// (一呼百应) goes out to 100+ volunteers of whom 60 answer at once. Every figure is checked
// against the fake Bot API and the database: no message sent twice, no flood limit breached,
// exactly one claim and one "接单成功" per need, every need in its expected state, both bot
// replicas served webhooks and sent messages, both workers ran jobs.
import { seedBulkVolunteers, type ActorRow } from '@baiying/db';
import { JOB_QUEUE, QueueName } from '@baiying/queue';
import { bindGroup, coordinatorAs, residentAs, volunteerAs, type Identity } from '../../support/e2e-world.js';
import { callDraft, createCall } from '../../support/factories.js';
import type { CallbackAnswer, FakeChat, FakeUser, SentMessage } from '../../support/fake-telegram/fake-bot-api.js';
import { ReplicaCluster } from '../../support/replicas/cluster.js';
import { PIN_HEADER } from '../../support/replicas/round-robin-proxy.js';
import { outboundSettled, resetDatabase, waitUntil } from '../../support/test-env.js';

const TOKEN = '777001:REPLICAS-test_token';
const SECRET = 'replicas-secret-42';
const privateChat = (u: FakeUser): FakeChat => ({ id: u.id, type: 'private' });
const onTelegram = (u: FakeUser): Identity => ({ channel: 'telegram', externalId: String(u.id), name: u.first_name });

/** Per station: its team, its group, how many residents file a need there, the volunteers racing for its cards. */
const STATIONS = [
  { button: /^幸福社区$/, team: 'S-XF-ELDER', group: { id: -1_001_000_770_001, type: 'supergroup', title: '幸福社区为老服务队群' } as FakeChat, prefix: 1 },
  { button: /^和平村$/, team: 'S-HP-ELDER', group: { id: -1_001_000_770_002, type: 'supergroup', title: '和平村助老队群' } as FakeChat, prefix: 2 },
];
/** 11 needs per group: 11 cards + 11 edits (taken) + the call's notice = 23 sends, past Telegram's 20 per group per minute. */
const RESIDENTS_PER_STATION = 11;
const VOLUNTEERS_PER_TEAM = 6;
const BULK_VOLUNTEERS = 100;
const CALL_ANSWERS = 60;
/** Races whose first press Telegram also re-sends twice at once (after a webhook timeout). */
const REDELIVERED_PER_STATION = 3;
const CALL_HEADCOUNT = 30;
const NEED = { description: '我家老人腿脚不便，想找人上门理发', address: '幸福小区3号楼2单元501', phone: '13812345678' };

function buttonData(m: SentMessage, label: RegExp): string {
  const kb = m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard : [];
  for (const row of kb) for (const b of row) if (label.test(b.text) && 'callback_data' in b && b.callback_data) return b.callback_data;
  throw new Error(`no button ${label} on message: ${m.text}`);
}

describe('two bot replicas and two workers on one database and Redis', () => {
  const cluster = new ReplicaCluster({
    token: TOKEN,
    secret: SECRET,
    username: 'baiying_replicas_bot',
    // One volunteer may win every card of their group: with room for that, every losing press is told "already taken".
    env: { CLAIM_ACTIVE_LIMIT: String(RESIDENTS_PER_STATION) },
  });
  const fake = cluster.fake;
  const coordinatorUser: FakeUser = { id: 7_700_001, first_name: '赵主任' };
  const teams = STATIONS.map((s) => ({
    ...s,
    volunteers: Array.from({ length: VOLUNTEERS_PER_TEAM }, (_, i): FakeUser => ({
      id: 7_710_000 + s.prefix * 100 + i,
      first_name: `队员${s.prefix}-${i + 1}`,
    })),
    residents: Array.from({ length: RESIDENTS_PER_STATION }, (_, i): FakeUser => ({
      id: 7_720_000 + s.prefix * 100 + i,
      first_name: `居民${s.prefix}-${i + 1}`,
    })),
  }));
  let coordinator: ActorRow;
  /** The update_ids of the take presses delivered three times at once. */
  const redelivered: number[] = [];

  const withLogs = <T>(p: Promise<T>): Promise<T> =>
    p.catch((e: Error) => {
      throw new Error(`${e.message}${cluster.logs()}`);
    });

  const wait = (chat: FakeChat, text: RegExp, fromSeq: number, timeoutMs = 60_000) =>
    withLogs(fake.waitFor({ chatId: chat.id, text }, { fromSeq, timeoutMs, description: `${chat.id}: ${String(text)}` }));

  async function say(user: FakeUser, text: string, expect: RegExp): Promise<SentMessage> {
    const from = fake.messages.length;
    fake.sendText(user, privateChat(user), text);
    return wait(privateChat(user), expect, from);
  }

  async function press(user: FakeUser, m: SentMessage, label: RegExp, expect: RegExp): Promise<SentMessage> {
    const from = fake.messages.length;
    const id = fake.pressButton(user, m, buttonData(m, label));
    await withLogs(fake.waitForCallbackAnswer(id, { timeoutMs: 60_000 }));
    return wait(privateChat(user), expect, from);
  }

  /** The resident's whole intake in chat, as in the single-bot end-to-end test; returns the need's code. */
  async function fileNeed(resident: FakeUser, station: RegExp): Promise<string> {
    const proposal = await say(resident, NEED.description, /我理解您需要：为老助老/);
    const stations = await press(resident, proposal, /是的/, /哪个社区或村/);
    await press(resident, stations, station, /具体地址/);
    await say(resident, NEED.address, /什么时候/);
    await say(resident, '明天上午', /联系电话/);
    const summary = await say(resident, NEED.phone, /请确认/);
    const saved = await press(resident, summary, /确认提交/, /已提交，编号 N-\d{8}-\d{4}/);
    return /N-\d{8}-\d{4}/.exec(saved.text!)![0];
  }

  interface Race {
    code: string;
    answers: Array<{ user: FakeUser; answer: CallbackAnswer }>;
  }

  /** Waits for the need's card in its group, then every volunteer of the team presses 我来接单 in the same tick. */
  async function race(code: string, group: FakeChat, volunteers: FakeUser[], redeliver: boolean): Promise<Race> {
    const card = await withLogs(
      fake.waitFor((m) => m.chatId === group.id && m.method === 'sendMessage' && (m.text ?? '').includes(`新需求 ${code}`), {
        timeoutMs: 90_000,
        description: `the card of ${code}`,
      }),
    );
    const data = buttonData(card, /我来接单/);
    const presses = volunteers.map((u) => ({ user: u, id: fake.pressButton(u, card, data), update: fake.lastUpdate! }));
    if (redeliver) {
      // Telegram re-sends an update whose webhook call did not answer in time while the first
      // delivery is still running: the same press twice more, at once, once to each replica.
      const body = JSON.stringify(presses[0]!.update);
      const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET };
      const statuses = await Promise.all(
        [0, 1].map((replica) => fetch(cluster.hookUrl, { method: 'POST', headers: { ...headers, [PIN_HEADER]: String(replica) }, body }).then((r) => r.status)),
      );
      expect(statuses).toEqual([200, 200]);
      redelivered.push(presses[0]!.update.update_id);
    }
    const answers = await Promise.all(
      presses.map(async (p) => ({ user: p.user, answer: await withLogs(fake.waitForCallbackAnswer(p.id, { timeoutMs: 60_000 })) })),
    );
    return { code, answers };
  }

  beforeAll(async () => {
    await cluster.start(async (h) => {
      await resetDatabase(h.prisma, h.cipher, { webGroups: false });
      coordinator = await coordinatorAs(h, onTelegram(coordinatorUser), 'I-DH');
      for (const t of teams) {
        await bindGroup(h, coordinator, t.team, { channel: 'telegram', chatId: String(t.group.id), title: t.group.title });
        for (const v of t.volunteers) await volunteerAs(h, onTelegram(v), [t.team]);
        for (const r of t.residents) await residentAs(h, onTelegram(r));
      }
      await seedBulkVolunteers(h.prisma, {
        count: BULK_VOLUNTEERS,
        stationCodes: ['S-XF', 'S-HP'],
        chatIdBase: 7_800_000_000,
        namePrefix: '召集志愿者',
        cipher: h.cipher,
      });
    });
  }, 150_000);

  afterAll(async () => {
    await cluster.stop();
  });

  it('keeps every promise with two replicas of each app under concurrent load', async () => {
    const { h, proxy } = cluster;
    const t0 = Date.now();
    // Both replicas registered the same public URL (the proxy's), with the secret.
    expect(fake.webhook).toMatchObject({ url: cluster.hookUrl, secretToken: SECRET });
    expect(fake.stats.perMethod.setWebhook).toBe(2);

    // 1. Residents file needs concurrently; each card is raced for as soon as it is posted.
    const filed = teams.flatMap((t) =>
      t.residents.map(async (r, i) => {
        const code = await fileNeed(r, t.button);
        return race(code, t.group, t.volunteers, i < REDELIVERED_PER_STATION);
      }),
    );
    const races = await Promise.all(filed);
    const tRaces = Date.now();

    // 2. The same update through two replicas one after the other (a re-send after a lost answer).
    const resident = teams[0]!.residents[0]!;
    let from = fake.messages.length;
    const my = fake.sendText(resident, privateChat(resident), '/my');
    await wait(privateChat(resident), /您的需求：/, from);
    for (let i = 0; i < 4 && new Set(proxy.replicasOf(my.update_id)).size < 2; i++) {
      const seen = proxy.replicasOf(my.update_id).length;
      fake.duplicate(my);
      await waitUntil(async () => proxy.replicasOf(my.update_id).length > seen, 'the re-sent /my answered', 30_000);
    }
    expect(new Set(proxy.replicasOf(my.update_id)).size).toBe(2);
    // One chat's updates are delivered in order: once a later one is answered, the re-sent one was handled.
    await say(resident, '/help', /居民：直接描述需求即可/);

    // 3. A call to everyone in 东湖镇 (the bulk volunteers and the team members); 60 answer at once.
    from = fake.messages.length;
    const call = await createCall(h.desk, coordinator, callDraft(new Date(), { headcount: CALL_HEADCOUNT, audience: { everyone: true } }));
    const bulk = await h.prisma.channelIdentity.findMany({
      where: { channel: 'telegram', externalId: { startsWith: '78000' } },
      orderBy: { externalId: 'asc' },
    });
    const callers = bulk.slice(0, CALL_ANSWERS).map((b): FakeUser => ({ id: Number(b.externalId), first_name: '召集志愿者' }));
    const callMessages = await Promise.all(callers.map((u) => wait(privateChat(u), new RegExp(`📣 志愿召集 ${call.code}`), from, 90_000)));
    const callPresses = callers.map((u, i) => fake.pressButton(u, callMessages[i]!, buttonData(callMessages[i]!, /^参加/)));
    const callAnswers = await Promise.all(callPresses.map((id) => withLogs(fake.waitForCallbackAnswer(id, { timeoutMs: 60_000 }))));
    // Each press is recorded at once (✓); a worker's consumer applies them in arrival order and
    // replies in each chat (decision 0037): the replies are the signal that all were applied.
    expect(callAnswers.map((a) => a.text)).toEqual(callers.map(() => '✓'));
    const callReplies = await Promise.all(callers.map((u) => wait(privateChat(u), /报名成功|人数已满，您在候补名单上/, from, 60_000)));
    // Every recipient got the call (the fan-out is done) before the outbound queues are checked.
    const recipients = await h.prisma.callRecipient.findMany({ where: { callId: call.callId } });
    expect(recipients.length).toBe(call.recipients);
    await withLogs(
      waitUntil(
        async () => (await h.prisma.sentMessage.count({ where: { purposeKey: { contains: call.callId } } })) >= recipients.length,
        'every call message row',
        60_000,
      ),
    );

    // 4. Drained: every update answered, nothing pending to send, the send queues empty.
    await withLogs(fake.waitUntilDelivered({ timeoutMs: 60_000 }));
    await withLogs(outboundSettled(h, '', 120_000));
    const tEnd = Date.now();

    // ── Claims: exactly one winner per need, told once; every need claimed by that winner. ──
    const needs = await h.prisma.need.findMany({ include: { claims: true } });
    expect(needs).toHaveLength(STATIONS.length * RESIDENTS_PER_STATION);
    const winnersAnswered = races.map((r) => r.answers.filter((a) => (a.answer.text ?? '').includes('接单成功')));
    for (const [i, r] of races.entries()) {
      const need = needs.find((n) => n.code === r.code)!;
      expect({ code: r.code, status: need.status, claims: need.claims.length }).toEqual({ code: r.code, status: 'claimed', claims: 1 });
      // (On a failure, the toasts of this race show what happened.)
      expect({ code: r.code, winners: winnersAnswered[i]!.length, toasts: r.answers.map((a) => a.answer.text ?? '') }).toMatchObject({
        code: r.code,
        winners: 1,
      });
      const winner = winnersAnswered[i]![0]!.user;
      const winnerIdentity = await h.prisma.channelIdentity.findFirstOrThrow({ where: { personId: need.claimedById!, channel: 'telegram' } });
      expect(Number(winnerIdentity.externalId)).toBe(winner.id);
      // Every other press was refused, none silently dropped.
      for (const a of r.answers) if (a.user !== winner) expect(a.answer.text ?? '').toContain('已被其他志愿者接单');
      expect(fake.chatMessages(winner.id).filter((m) => m.method === 'sendMessage' && (m.text ?? '').startsWith(`您已接单 ${r.code}`))).toHaveLength(1);
    }
    // The presses delivered three times at once were handled once each.
    expect(redelivered).toHaveLength(STATIONS.length * REDELIVERED_PER_STATION);
    for (const id of redelivered) {
      expect(await h.prisma.processedUpdate.count({ where: { updateId: `${fake.botInfo.id}:${id}` } })).toBe(1);
      expect(proxy.replicasOf(id).sort()).toEqual(expect.arrayContaining([0, 1]));
      expect(proxy.replicasOf(id)).toHaveLength(3);
    }
    expect(await h.prisma.processedUpdate.count({ where: { updateId: `${fake.botInfo.id}:${my.update_id}` } })).toBe(1);
    expect(fake.chatMessages(resident.id).filter((m) => /您的需求：/.test(m.text ?? ''))).toHaveLength(1);

    // ── The call: the headcount confirmed, the rest waitlisted, one answer each. ──
    const answered = await h.prisma.callRecipient.findMany({ where: { callId: call.callId, answer: { not: null } } });
    expect(answered).toHaveLength(CALL_ANSWERS);
    expect(answered.filter((a) => a.roster === 'confirmed')).toHaveLength(CALL_HEADCOUNT);
    expect(answered.filter((a) => a.roster === 'waitlisted')).toHaveLength(CALL_ANSWERS - CALL_HEADCOUNT);
    expect(callReplies.filter((m) => (m.text ?? '').includes('报名成功'))).toHaveLength(CALL_HEADCOUNT);

    // ── Duplicate sends: every message at the fake is the one send of one sent_message row. ──
    const rows = await h.prisma.sentMessage.findMany({ where: { channel: 'telegram' } });
    const refs = new Map<string, number>();
    for (const r of rows)
      if (r.status === 'sent' && r.messageRef && !r.editOf) refs.set(`${r.chatId}:${r.messageRef}`, (refs.get(`${r.chatId}:${r.messageRef}`) ?? 0) + 1);
    const uncertain = rows.filter((r) => r.status === 'uncertain');
    const sent = fake.messages.filter((m) => m.editOf === undefined);
    const orphans = sent.filter((m) => !refs.has(`${m.chatId}:${m.messageId}`));
    const sharedRefs = [...refs.values()].filter((n) => n > 1);
    const edits = fake.messages.filter((m) => m.editOf !== undefined);
    const editRows = rows.filter((r) => r.editOf && r.status === 'sent');
    // The same text twice in one private chat would be a logical duplicate (nothing in this run repeats itself).
    const textDuplicates: string[] = [];
    const byChat = new Map<string, number>();
    for (const m of sent) {
      if (m.chatId < 0) continue;
      const k = `${m.chatId}\u0000${m.text ?? ''}`;
      byChat.set(k, (byChat.get(k) ?? 0) + 1);
    }
    for (const [k, n] of byChat) if (n > 1) textDuplicates.push(`${k.replace('\u0000', ': ').slice(0, 80)} ×${n}`);
    const stats = fake.stats;
    // Each group got more than Telegram's 20 per minute in all: the bots spread them out.
    const groups = teams.map((t) => {
      const at = fake.messages.filter((m) => m.chatId === t.group.id).map((m) => m.at);
      const maxIn60s = Math.max(...at.map((a) => at.filter((b) => b >= a && b < a + 60_000).length));
      return { sends: at.length, maxIn60s, spanSeconds: Math.round((Math.max(...at) - Math.min(...at)) / 1000) };
    });

    const figures = {
      seconds: { total: Math.round((tEnd - t0) / 1000), intakeAndRaces: Math.round((tRaces - t0) / 1000) },
      needs: needs.length,
      presses: races.reduce((n, r) => n + r.answers.length, 0),
      raceWinners: winnersAnswered.map((w) => w.length),
      groups,
      callRecipients: recipients.length,
      callAnswers: answered.length,
      fake: {
        sends: stats.sends,
        sendMessages: sent.length,
        edits: edits.length,
        status429: stats.status429,
        breaches: stats.limitBreaches,
        rejectedBy: stats.rejectedBy,
      },
      rows: { total: rows.length, byStatus: countBy(rows.map((r) => r.status)), editRowsSent: editRows.length },
      duplicates: { orphans: orphans.length, sharedRefs: sharedRefs.length, sameTextTwice: textDuplicates.length, uncertain: uncertain.length },
      proxy: { perReplica: proxy.perReplica, non2xx: proxy.log.filter((l) => l.status < 200 || l.status >= 300) },
    };
    const jobsBy = await processedByReplica(cluster);
    console.log(`two replicas: ${JSON.stringify({ ...figures, jobsBy })}`);

    expect(textDuplicates).toEqual([]);
    // Every fake message matches one sent row; a row whose send was uncertain may or may not have gone.
    expect(orphans.length).toBeLessThanOrEqual(uncertain.length);
    expect(sharedRefs).toEqual([]);
    expect(uncertain).toHaveLength(0);
    expect(rows.filter((r) => r.status === 'failed').map((r) => `${r.template}: ${r.lastError}`)).toEqual([]);
    expect(stats.limitBreaches).toBe(0);
    for (const g of groups) expect(g.sends).toBeGreaterThan(20);
    for (const g of groups) expect(g.maxIn60s).toBeLessThanOrEqual(20);

    // ── Both replicas served webhooks and sent messages; both workers ran jobs; nobody crashed. ──
    expect(proxy.perReplica.every((n) => n >= 50)).toBe(true);
    expect(figures.proxy.non2xx).toEqual([]);
    for (const bot of cluster.bots) expect(jobsBy.outbound[ReplicaCluster.workerName(bot)] ?? 0).toBeGreaterThan(0);
    for (const worker of cluster.workers) expect(jobsBy.worker[ReplicaCluster.workerName(worker)] ?? 0).toBeGreaterThan(0);
    expect(cluster.alive()).toEqual([true, true, true, true]);
  }, 240_000);
});

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** Completed jobs per process (BullMQ's processedBy): the bots' send queues, and the workers' queues. */
async function processedByReplica(cluster: ReplicaCluster): Promise<{ outbound: Record<string, number>; worker: Record<string, number> }> {
  const count = async (queues: QueueName[]) => {
    const out: Record<string, number> = {};
    for (const q of queues) {
      const jobs = await cluster.h.producer.queue(q).getJobs(['completed'], 0, 10_000);
      for (const j of jobs) if (j?.processedBy) out[j.processedBy] = (out[j.processedBy] ?? 0) + 1;
    }
    return out;
  };
  const workerQueues = [...new Set(Object.values(JOB_QUEUE))].filter((q) => q !== QueueName.Outbound && q !== QueueName.Bulk);
  return { outbound: await count([QueueName.Outbound, QueueName.Bulk]), worker: await count(workerQueues) };
}
