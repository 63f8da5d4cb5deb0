// The outbox's side of reconciliation: committed events never published (a crash between
// commit and publish) and messages whose send job was lost are handed to Redis again; a
// broadcast message claimed by a sender that died mid-call is recorded as uncertain and never
// sent again (at most once per recipient). Duplicate-update markers older than
// PROCESSED_UPDATE_KEEP_HOURS are pruned here too (at start and every interval).
import { Repos, type PrismaClient } from '@baiying/db';
import type { AppConfig } from '@baiying/config';
import type { JobProducer } from '@baiying/queue';
import type { FeatureJobs } from './jobs.js';

/** A message still pending after this long has lost its job (a normal send takes milliseconds). */
const STALE_MESSAGE_MS = 10_000;

/** Publishes committed outbox events whose after-commit publish did not happen. */
export async function relayOutbox(prisma: PrismaClient, producer: JobProducer): Promise<number> {
  const repos = new Repos(prisma);
  const events = await repos.messaging.unpublished();
  const routes = events.filter((e) => e.type === 'need.submitted');
  await producer.addBulk(
    'route-need',
    routes.map((e) => ({ payload: { needId: e.aggregateId } })),
  );
  await repos.messaging.markPublished(events.map((e) => e.id));
  return events.length;
}

export function outboxJobs(prisma: PrismaClient, producer: JobProducer, config: AppConfig): FeatureJobs {
  return {
    feature: 'outbox',
    handlers: {},
    reconcile: async ({ ensurer, clock }) => {
      const repos = new Repos(prisma);
      const now = clock.now().getTime();
      const events = await relayOutbox(prisma, producer);
      let messages = 0;
      for (const m of await repos.messaging.stalePending(new Date(now - STALE_MESSAGE_MS))) {
        const added = m.atMostOnce
          ? await ensurer.ensure('send-bulk', { sentMessageId: m.id }, 0)
          : await ensurer.ensure('send-message', { sentMessageId: m.id }, 0, m.priority);
        if (added) messages++;
      }
      const uncertain = await repos.messaging.expireClaims(new Date(now - config.calls.claimLeaseSeconds * 1000));
      // Duplicate-update markers past the redelivery window: a new update sequence must not meet them.
      const markersPruned = await repos.messaging.pruneProcessed(new Date(now - config.processedUpdateKeepHours * 3_600_000));
      return { events, messages, uncertain, markersPruned };
    },
  };
}
