// Routing's jobs: route a submitted need, escalate a round whose SLA passed; and what the
// reconciler re-creates from PostgreSQL (needs never routed, every open round's timer).
import type { PrismaClient } from '@baiying/db';
import { Repos } from '@baiying/db';
import type { FeatureJobs, UnitOfWork } from '@baiying/kernel';
import type { RoutingFeature } from './routing.feature.js';

/** A need submitted this long ago and still not routed has lost its job. */
const ROUTING_GRACE_MS = 5000;
/** Uncertain cards older than this are left to the round's SLA timer (long escalated by then). */
const UNCERTAIN_CARD_LOOKBACK_MS = 24 * 3_600_000;

export function routingJobs(uow: UnitOfWork, prisma: PrismaClient, f: RoutingFeature): FeatureJobs {
  return {
    feature: 'routing',
    handlers: {
      'route-need': (p) => uow.run((w) => f.route.execute(w, p)),
      'escalate-dispatch': (p) => uow.run((w) => f.escalate.execute(w, p)),
    },
    reconcile: async ({ ensurer, clock }) => {
      const repos = new Repos(prisma);
      const now = clock.now().getTime();
      let routed = 0;
      let escalations = 0;
      for (const n of await repos.needs.needsAwaitingRouting(new Date(now - ROUTING_GRACE_MS))) {
        if (await ensurer.ensure('route-need', { needId: n.id }, 0)) routed++;
      }
      for (const d of await repos.needs.openDispatches()) {
        if (await ensurer.ensure('escalate-dispatch', { dispatchId: d.id }, d.slaDueAt.getTime() - now)) escalations++;
      }
      // A group card that turned uncertain while nothing was taken is posted again, once.
      let cardsAgain = 0;
      for (const dispatchId of await repos.messaging.dispatchesWithUncertainCards(new Date(now - UNCERTAIN_CARD_LOOKBACK_MS))) {
        cardsAgain += await uow.run((w) => f.rounds.postUncertainAgain(w, dispatchId));
      }
      return { routed, escalations, cardsAgain };
    },
  };
}
