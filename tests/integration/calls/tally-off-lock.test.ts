// The tally refresh counts off the call's row lock (decision 0041): it waits for the writers that
// hold the row when it starts (their changes are counted), and holds no lock on the row while it
// counts, so answers are applied meanwhile (real PostgreSQL).
import { PurposeKey, type OutMessage } from '@baiying/domain';
import { callDraft, coordinatorOf, createCall } from '../../support/factories.js';
import { waitUntil } from '../../support/test-env.js';
import { callsHarness, type CallsWorld } from './calls-fixture.js';

describe('call tally refresh off the call lock', () => {
  const { fresh } = callsHarness();
  let world: CallsWorld;

  beforeEach(async () => {
    world = await fresh();
  });

  it('counts what a writer holding the call committed, and leaves the row free while it counts', async () => {
    const { h, desk, clock } = world;
    const dh = await coordinatorOf(h, 'I-DH');
    const { callId } = await createCall(desk, dh, callDraft(clock.now()));
    const someone = await h.prisma.callRecipient.findFirstOrThrow({ where: { callId } });

    // A writer (like an answer batch) holds the call's row and confirms one person.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const holding = new Promise<void>((r) => (locked = r));
    const writer = h.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM call WHERE id = ${callId}::uuid FOR NO KEY UPDATE`;
        locked();
        await gate;
        await tx.$executeRaw`UPDATE call_recipient SET roster = 'confirmed', "rosterSeq" = 1 WHERE "callId" = ${callId}::uuid AND "personId" = ${someone.personId}::uuid`;
        await tx.$executeRaw`UPDATE call SET version = version + 1 WHERE id = ${callId}::uuid`;
      },
      { timeout: 60_000 },
    );
    await holding;
    const refreshing = desk.uow.run((w) => desk.calls.refreshTally.execute(w, { callId }));
    // The refresh waits for the writer (a lock wait in PostgreSQL), then counts its change.
    await waitUntil(
      async () =>
        (
          await h.prisma.$queryRaw<Array<{ n: bigint }>>`
          SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
        )[0]!.n > 0n,
      'the refresh waits',
    );
    release();
    await writer;
    expect(await refreshing).toBe('edited');
    const edits = await h.prisma.sentMessage.findMany({ where: { editOf: PurposeKey.callTally(callId) } });
    expect(edits).toHaveLength(1);
    const text = (JSON.parse(h.cipher.decrypt(edits[0]!.bodyEnc)) as OutMessage).text;
    expect(text.split('\n').filter((l) => /^\d+\. ✅/.test(l))).toHaveLength(1);

    // While a refresh is open (counted, not yet committed), a writer takes the row at once.
    await h.prisma.$executeRaw`UPDATE call SET version = version + 1 WHERE id = ${callId}::uuid`;
    const r = await desk.uow.run(async (w) => {
      const result = await desk.calls.refreshTally.execute(w, { callId });
      await h.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM call WHERE id = ${callId}::uuid FOR NO KEY UPDATE NOWAIT`;
      });
      return result;
    });
    expect(r).toBe('edited');
  }, 60_000);
});
