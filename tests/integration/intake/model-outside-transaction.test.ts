// The optional model endpoint is called before a message's transaction opens and outside the
// chat's lock: while the model is thinking, no connection of the desk sits in a transaction and
// no chat lock is held (before, every model call ran inside both, up to its timeout). What the
// model says still counts — here it raises danger on a message typed in the middle of a form,
// which the rules alone would not.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConversationEngine } from '@baiying/conversation';
import { Repos } from '@baiying/db';
import { silentLogger, type InboundEvent, type OutMessage } from '@baiying/domain';
import { NluUnderstander } from '@baiying/features';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

interface Held {
  text: string;
  answer(verdict: Record<string, string | number>): void;
}

describe('the model call, outside the transaction and the chat lock', () => {
  let h: DeskHarness;
  let engine: ConversationEngine;
  let model: Server;
  const held: Held[] = [];
  let seq = 0;

  const ev = (from: string, text: string): InboundEvent => ({
    channel: 'web',
    updateId: `mx${++seq}`,
    chat: { id: from, kind: 'private' },
    from: { externalId: from, displayName: from },
    kind: 'text',
    text,
  });

  async function said(chatId: string): Promise<string[]> {
    const rows = await h.prisma.sentMessage.findMany({ where: { chatId }, orderBy: { seq: 'asc' } });
    return rows.map((r) => (JSON.parse(h.cipher.decrypt(r.bodyEnc)) as OutMessage).text);
  }

  /** What the desk's database holds while the model thinks: open transactions and chat locks. */
  async function holding(): Promise<{ inTransaction: number; advisoryLocks: number }> {
    const [tx] = await h.prisma.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`;
    const [locks] = await h.prisma.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
      WHERE l.locktype = 'advisory' AND d.datname = current_database()`;
    return { inTransaction: Number(tx!.n), advisoryLocks: Number(locks!.n) };
  }

  beforeAll(async () => {
    model = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        const messages = (JSON.parse(body) as { messages: Array<{ role: string; content: string }> }).messages;
        held.push({
          text: messages.find((m) => m.role === 'user')?.content ?? '',
          answer: (verdict) => {
            if (res.writableEnded) return;
            const reply = { choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(verdict) }, finish_reason: 'stop' }] };
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify(reply));
          },
        });
      });
    });
    await new Promise<void>((resolve) => model.listen(0, '127.0.0.1', resolve));
    const port = (model.address() as AddressInfo).port;
    const config = testConfig({ NLU_MODEL_BASE_URL: `http://127.0.0.1:${port}/v1`, NLU_MODEL: 'test-model', NLU_MODEL_TIMEOUT_MS: '20000' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher);
    const understander = await NluUnderstander.load(new Repos(h.prisma), config);
    engine = new ConversationEngine(h.desk.uow, h.desk.chat(understander), silentLogger);
  });

  afterAll(async () => {
    for (const x of held) x.answer({ category: 'elderly', confidence: 0.1, beneficiary: 'none', urgency: 'normal', danger: 'none' });
    await new Promise<void>((resolve) => model.close(() => resolve()));
    await flushPrefix(h.config.redisUrl, h.config.redisPrefix);
    await h.close();
  });

  /** Sends a message, and while the model holds it checks that nothing is held in the database. */
  async function whileModelThinks(from: string, text: string, verdict: Record<string, string | number>): Promise<void> {
    const before = held.length;
    const handled = engine.handle(ev(from, text));
    const request = await waitUntil(async () => held[before], 'the model asked');
    expect(request.text).toContain(text.slice(0, 4));
    expect(await holding()).toEqual({ inTransaction: 0, advisoryLocks: 0 });
    request.answer(verdict);
    expect((await handled).duplicate).toBe(false);
  }

  it('understands a first message before the transaction, and uses what the model said', async () => {
    await whileModelThinks('mx-resident', '家里老人想找人上门理发', {
      category: 'elderly',
      confidence: 0.95,
      beneficiary: 'elderly',
      urgency: 'normal',
      danger: 'none',
    });
    const texts = await said('mx-resident');
    expect(texts).toHaveLength(1);
    // One model call per message: the handler took the prepared answer (no second request).
    expect(held).toHaveLength(1);
  });

  it('checks a message typed mid-form outside too, and the model may still raise danger', async () => {
    const earlier = (await said('mx-resident')).length;
    const state = await h.prisma.conversationState.findFirstOrThrow({ where: { chatKey: 'mx-resident' } });
    expect(JSON.parse(h.cipher.decrypt(state.dataEnc))).toMatchObject({ flow: 'intake' });
    await whileModelThinks('mx-resident', '我爸刚才在卫生间里一直没出来叫也不应', {
      category: 'elderly',
      confidence: 0.9,
      beneficiary: 'elderly',
      urgency: 'urgent',
      danger: 'likely',
    });
    // The emergency path: the emergency numbers first (the model saw immediate danger), then
    // only where (one step).
    const texts = (await said('mx-resident')).slice(earlier);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('110');
    const after = await h.prisma.conversationState.findFirstOrThrow({ where: { chatKey: 'mx-resident' } });
    expect(JSON.parse(h.cipher.decrypt(after.dataEnc))).toMatchObject({
      flow: 'intake',
      data: { step: 'danger_place', urgency: 'urgent', danger: { level: 'likely' } },
    });
    expect(held).toHaveLength(2);
  });

  it('leaves keywords and other forms alone (no model call for them)', async () => {
    const before = held.length;
    await engine.handle(ev('mx-other', '我的需求'));
    expect(await said('mx-other')).toHaveLength(1);
    expect(held).toHaveLength(before);
  });
});
