// Live events for the console (decision 0028): after a transaction commits, one event per need,
// call, console login and session it changed goes to a Redis pub/sub channel; every apps/api
// replica relays the ones a viewer's scope covers over Server-Sent Events. Events carry ids,
// codes, statuses and the units that decide scope — never personal data. Pub/sub is at most
// once: a page that missed one catches up on its next fetch (the console refetches on reconnect).
import type { Changes, PrismaClient } from '@baiying/db';
import type { JobProducer } from '@baiying/queue';

export type LiveEvent =
  | { type: 'need'; id: string; code: string; status: string; stationId: string; ownerUnitId: string }
  | { type: 'call'; id: string; code: string; status: string; orgUnitId: string; version: number }
  | { type: 'login'; id: string }
  | { type: 'session'; id: string };

/** Reads what the changed rows look like now (after commit) and publishes one event each. */
export async function publishChanges(prisma: PrismaClient, producer: JobProducer, changes: Changes): Promise<void> {
  if (changes.empty) return;
  const events: LiveEvent[] = [];
  if (changes.needs.size) {
    const rows = await prisma.need.findMany({
      where: { id: { in: [...changes.needs] } },
      select: { id: true, code: true, status: true, stationId: true, ownerUnitId: true },
    });
    for (const n of rows) events.push({ type: 'need', ...n });
  }
  if (changes.calls.size) {
    const rows = await prisma.call.findMany({
      where: { id: { in: [...changes.calls] } },
      select: { id: true, code: true, status: true, orgUnitId: true, version: true },
    });
    for (const c of rows) events.push({ type: 'call', ...c });
  }
  for (const id of changes.logins) events.push({ type: 'login', id });
  for (const id of changes.sessions) events.push({ type: 'session', id });
  for (const e of events) await producer.publishLive(e);
}
