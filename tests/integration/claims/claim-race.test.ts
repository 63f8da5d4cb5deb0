// Race: 50 volunteers press "take" on one job at the same instant, 200 times over; the
// database must show exactly one winner every time.
import { nameColumns } from '@baiying/db';
import type { ActorRow } from '@baiying/db';
import { groupOf, openDispatchOf, routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

const PRESSERS = 50;
const TRIALS = Number(process.env.RACE_TRIALS ?? 200);

describe('claim race', () => {
  // The same volunteers win many trials: the per-volunteer limits are not what this test is about.
  const config = testConfig({ CLAIM_ACTIVE_LIMIT: '100000' });
  let h: DeskHarness;
  let volunteers: ActorRow[];
  let stationId: string;

  beforeAll(async () => {
    h = deskHarness(config, 20);
    await resetDatabase(h.prisma, h.cipher);
    const team = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-XF-ELDER' } });
    stationId = team.orgUnitId;
    volunteers = [];
    for (let i = 0; i < PRESSERS; i++) {
      const person = await h.prisma.person.create({
        data: {
          ...nameColumns(h.cipher, `志愿者${i}`),
          identities: { create: { channel: 'web', externalId: `race-vol-${i}`, chatId: `race-vol-${i}` } },
          volunteer: { create: { stationId, status: 'approved', memberships: { create: { teamId: team.id, status: 'approved' } } } },
        },
      });
      volunteers.push(await h.desk.uow.run((w) => w.repos.people.actor(person.id)));
    }
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it(`has exactly one winner among ${PRESSERS} simultaneous presses, ${TRIALS} times`, async () => {
    let doubleWinners = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const need = await routedNeed(h, 'race-resident', { teamCode: 'S-XF-ELDER', description: `trial ${trial}`, beneficiary: 'elderly' });
      const dispatchId = await openDispatchOf(h, need.id);
      const via = { ...(await groupOf(h, dispatchId)), chat: 'group' as const };
      const results = await Promise.all(volunteers.map((v) => h.desk.uow.run((w) => h.desk.claims.take.execute(w, v, { target: { dispatchId }, via }))));
      const winners = results.filter((r) => r.ok).length;
      const losers = results.filter((r) => !r.ok);
      const claims = await h.prisma.claim.findMany({ where: { needId: need.id } });
      const row = await h.prisma.need.findUniqueOrThrow({ where: { id: need.id } });
      if (winners !== 1 || claims.length !== 1) doubleWinners++;
      expect(winners).toBe(1);
      expect(claims).toHaveLength(1);
      expect(row.status).toBe('claimed');
      expect(row.claimedById).toBe(claims[0]!.volunteerId);
      for (const l of losers) expect(l.ok ? 'ok' : l.code).toBe('need/already_taken');
    }
    expect(doubleWinners).toBe(0);
    // Exactly one "details" message per trial went to a winner, none to losers.
    expect(await h.prisma.sentMessage.count({ where: { template: 'job-details' } })).toBe(TRIALS);
  }, 600_000);
});
