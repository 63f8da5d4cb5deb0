// Integration: an update that still fails after the ingress's retries is not dropped — it is
// kept in dead_letter (the event encrypted, the error readable), the county's coordinators are
// alerted once per burst, and `npm run dlq:replay` processes it exactly once after the fault is
// removed. The fault is real: a trigger refuses the update's processed-update marker.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { RedisInboundLimiter } from '@baiying/channels';
import { loadConfig } from '@baiying/config';
import type { ConversationIngress } from '@baiying/conversation';
import { silentLogger, type InboundEvent, type OutMessage } from '@baiying/domain';
import { ROOT } from '../../../scripts/db-tools.js';
import { deskHarness, flushPrefix, resetDatabase, testEnv, type DeskHarness } from '../../support/test-env.js';

const run = promisify(execFile);

describe('dead letter: failed updates are kept, alerted once per burst, replayed once', () => {
  const env = testEnv();
  const config = loadConfig(env);
  let h: DeskHarness;
  let ingress: ConversationIngress;
  let seq = 0;

  const ev = (text: string, persona = 'dlq-resident'): InboundEvent => ({
    channel: 'web',
    updateId: `poison-${++seq}`,
    chat: { id: persona, kind: 'private' },
    from: { externalId: persona, displayName: '居民' },
    kind: 'text',
    text,
  });

  const breakPoison = () =>
    h.prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_poison() RETURNS trigger AS $$
      BEGIN
        IF NEW."updateId" LIKE 'poison-%' THEN RAISE EXCEPTION 'downstream unavailable (test fault)'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql;
      CREATE TRIGGER test_poison BEFORE INSERT ON processed_update FOR EACH ROW EXECUTE FUNCTION test_poison();`);
  const fixPoison = () => h.prisma.$executeRawUnsafe('DROP TRIGGER IF EXISTS test_poison ON processed_update');

  const alerts = () => h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: 'alert.dead_letter.' } } });
  const texts = async (chatId: string) =>
    (await h.prisma.sentMessage.findMany({ where: { chatId }, orderBy: { seq: 'asc' } })).map(
      (r) => (JSON.parse(h.cipher.decrypt(r.bodyEnc)) as OutMessage).text,
    );

  const replayScript = async (...args: string[]): Promise<{ code: number; lines: Array<Record<string, string>> }> => {
    try {
      const r = await run(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/dlq-replay.ts', ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', ...env },
      });
      return { code: 0, lines: parseLines(r.stdout) };
    } catch (e) {
      const x = e as { code: number; stdout: string };
      return { code: x.code, lines: parseLines(x.stdout) };
    }
  };

  beforeAll(async () => {
    h = deskHarness(config);
    await resetDatabase(h.prisma, h.cipher);
    ingress = h.desk.ingress(await h.engine(), new RedisInboundLimiter(h.producer.connection, config.redisPrefix), silentLogger);
    await breakPoison();
  });

  afterAll(async () => {
    await fixPoison();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('keeps an update that always throws, with its error, encrypted, and alerts the county coordinators once per burst', async () => {
    const first = ev('我的需求 13912345678');
    await expect(ingress.handle(first)).rejects.toThrow('downstream unavailable');
    const row = await h.prisma.deadLetter.findUniqueOrThrow({ where: { channel_updateId: { channel: 'web', updateId: first.updateId } } });
    expect(row).toMatchObject({ attempts: 3, replayedAt: null });
    expect(row.error).toContain('downstream unavailable (test fault)');
    expect(row.payloadEnc).not.toContain('13912345678');
    expect(JSON.parse(h.cipher.decrypt(row.payloadEnc))).toMatchObject({ updateId: first.updateId, text: '我的需求 13912345678' });

    const sent = await alerts();
    expect(sent).toHaveLength(1);
    const coord = await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: 'demo-coord-county' } } });
    expect(sent[0]!.chatId).toBe(coord.chatId);
    const alert = (JSON.parse(h.cipher.decrypt(sent[0]!.bodyEnc)) as OutMessage).text;
    expect(alert).toContain('dlq:replay');
    expect(alert).not.toContain('13912345678');

    // The same burst: another failing update, and the first one redelivered — rows, no alert.
    await expect(ingress.handle(ev('我的需求', 'dlq-resident-2'))).rejects.toThrow('downstream unavailable');
    await expect(ingress.handle(first)).rejects.toThrow('downstream unavailable');
    expect(await h.prisma.deadLetter.count()).toBe(2);
    expect((await h.prisma.deadLetter.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(6);
    expect(await alerts()).toHaveLength(1);

    // After the quiet period a failure starts a new burst: one more alert.
    const later = h.withClock({ now: () => new Date(Date.now() + (config.deadLetter.alertQuietMinutes + 1) * 60_000) });
    const laterIngress = later.ingress(await h.engine({ desk: later }), new RedisInboundLimiter(h.producer.connection, config.redisPrefix), silentLogger);
    await expect(laterIngress.handle(ev('我的需求', 'dlq-resident-3'))).rejects.toThrow('downstream unavailable');
    expect(await alerts()).toHaveLength(2);
  });

  it('replays with npm run dlq:replay once the fault is removed, exactly once', async () => {
    // Still broken: the replay fails, the row stays, the script says so.
    const failing = await replayScript('--all');
    expect(failing.code).toBe(1);
    expect(failing.lines.every((l) => l.result === 'failed')).toBe(true);
    expect(await h.prisma.deadLetter.count({ where: { replayedAt: null } })).toBe(3);

    await fixPoison();
    const replayed = await replayScript('--all');
    expect(replayed.code).toBe(0);
    expect(replayed.lines.map((l) => l.result)).toEqual(['replayed', 'replayed', 'replayed']);
    expect(await h.prisma.deadLetter.count({ where: { replayedAt: null } })).toBe(0);
    expect(await h.prisma.processedUpdate.count({ where: { updateId: { startsWith: 'poison-' } } })).toBe(3);
    const answered = (await texts('dlq-resident')).length;
    expect(answered).toBeGreaterThan(0);

    // A second replay, of all or of one row, acts on nothing.
    expect((await replayScript('--all')).lines).toEqual([]);
    const one = await h.prisma.deadLetter.findFirstOrThrow({ where: { updateId: 'poison-1' } });
    expect((await replayScript('--id', one.id)).lines).toEqual([{ id: one.id, result: 'already_replayed' }]);
    // Even with the row's mark cleared, the processed-update marker keeps it from acting twice.
    await h.prisma.deadLetter.update({ where: { id: one.id }, data: { replayedAt: null } });
    expect(await ingress.replay(one.id)).toEqual({ id: one.id, result: 'duplicate' });
    expect(await texts('dlq-resident')).toHaveLength(answered);
  });

  it('refuses bad arguments and unknown ids', async () => {
    expect((await replayScript('--id', 'not-a-uuid')).code).toBe(2);
    expect((await replayScript()).code).toBe(2);
    const missing = '00000000-0000-4000-8000-000000000000';
    const r = await replayScript('--id', missing);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([{ id: missing, result: 'missing' }]);
  });

  it('refuses a malformed dead letter and keeps only the start of a long error', async () => {
    const record = (input: Parameters<typeof h.desk.coordination.recordDeadLetter.execute>[1]) =>
      h.desk.uow.run((w) => h.desk.coordination.recordDeadLetter.execute(w, input));
    expect(await record({ channel: 'web', updateId: '', payload: {}, error: 'x', attempts: 1 })).toMatchObject({ ok: false, code: 'input/invalid' });
    expect(await record({ channel: 'web', updateId: 'long-error', payload: {}, error: 'x', attempts: 0 })).toMatchObject({ ok: false, code: 'input/invalid' });
    expect(await h.prisma.deadLetter.count({ where: { updateId: { in: ['', 'long-error'] } } })).toBe(0);
    expect(await record({ channel: 'web', updateId: 'long-error', payload: {}, error: 'e'.repeat(5000), attempts: 3 })).toMatchObject({ ok: true });
    expect((await h.prisma.deadLetter.findFirstOrThrow({ where: { updateId: 'long-error' } })).error).toHaveLength(1000);
  });
});

function parseLines(out: string): Array<Record<string, string>> {
  return out
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, string>);
}
