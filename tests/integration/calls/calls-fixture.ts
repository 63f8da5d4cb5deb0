// Shared set-up of the calls' desk-level tests (一呼百应 on the real database). No worker runs:
// jobs go to Redis after commit and stay there, so everything is asserted on rows. Each test
// starts from a freshly seeded demo county, with a clock it moves by hand.
import type { ActorRow } from '@baiying/db';
import { err, ok, type Clock, type ErrorCode, type Result, type RosterStatus } from '@baiying/domain';
import { drainPresses, type Desk } from '@baiying/features';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A clock the test moves by hand; it starts on a whole minute, so quarter hours come out exact. */
export class ManualClock implements Clock {
  readonly t0: Date;
  private current: Date;

  constructor(start = Date.now()) {
    this.t0 = new Date(Math.ceil(start / MINUTE) * MINUTE);
    this.current = this.t0;
  }

  now(): Date {
    return this.current;
  }

  /** Moves the clock to `ms` after t0 (backwards too) and returns the new time. */
  at(ms: number): Date {
    this.current = new Date(this.t0.getTime() + ms);
    return this.current;
  }
}

export interface CallsWorld {
  h: DeskHarness;
  clock: ManualClock;
  /** The desk on the test's clock. */
  desk: Desk;
}

/**
 * One harness for the file (`poolSize` connections); `fresh()` reseeds the database and gives
 * a new clock and the desk on it — call it in a beforeEach so no test sees another's rows.
 */
export function callsHarness(poolSize = 10): { harness: () => DeskHarness; fresh: () => Promise<CallsWorld> } {
  const config = testConfig();
  let h: DeskHarness | undefined;
  beforeAll(() => {
    h = deskHarness(config, poolSize);
  });
  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h?.close();
  });
  const harness = (): DeskHarness => {
    if (!h) throw new Error('callsHarness: the harness exists only inside the tests');
    return h;
  };
  return {
    harness,
    async fresh() {
      const hh = harness();
      await resetDatabase(hh.prisma, hh.cipher);
      const clock = new ManualClock();
      return { h: hh, clock, desk: hh.withClock(clock) };
    },
  };
}

/** 'ok' or the refusal's code, for one-line assertions. */
export const codeOf = (r: Result<unknown>): string => (r.ok ? 'ok' : r.code);

export type Answered = { code: string; roster: RosterStatus; changed: boolean };

/** Records a press (the bot's turn) and applies every press of the call (the worker's job); the press's outcome. */
export async function answer(desk: Desk, a: ActorRow, callId: string, yes: boolean): Promise<Result<Answered>> {
  const r = await desk.uow.run((w) => desk.calls.answer.execute(w, a, { callId, yes }));
  if (!r.ok) return r;
  await drainPresses(desk.uow, desk.calls.applyAnswers, callId);
  const outcome = await desk.uow.read((repos) => repos.presses.outcome(r.value.pressId));
  if (!outcome) throw new Error(`press ${r.value.pressId} not applied`);
  if (outcome.includes('/')) return err(outcome as ErrorCode);
  const [kind, roster] = outcome.split(':');
  return ok({ code: r.value.code, roster: (roster ?? kind) as RosterStatus, changed: roster === undefined });
}

export const callRow = (h: DeskHarness, callId: string) => h.prisma.call.findUniqueOrThrow({ where: { id: callId } });

export const recipientRow = (h: DeskHarness, callId: string, personId: string) =>
  h.prisma.callRecipient.findUniqueOrThrow({ where: { callId_personId: { callId, personId } } });

/** The persons a family of keys went to (the keys are `<prefix><personId>`), sorted. */
export async function sentTo(h: DeskHarness, prefix: string): Promise<string[]> {
  const rows = await h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: prefix } } });
  return rows.map((m) => m.purposeKey.slice(prefix.length)).sort();
}

export const ids = (actors: ActorRow[]): string[] => actors.map((a) => a.personId).sort();
