// The outbox's side of reconciliation: committed events never published (a crash between
// commit and publish) and messages whose send job was lost are handed to Redis again; a
// message (a reply, a card, a notice or a broadcast) claimed by a sender that died mid-call is
// recorded as uncertain and never sent again (at most once per recipient, decisions 0004 and
// 0009); an uncertain status message about a need is listed to the need's coordinators, and an
// uncertain reply is handed to a follow-up (a form's lost question asked again). Duplicate-update markers older than
// PROCESSED_UPDATE_KEEP_HOURS are pruned here too (at start and every interval).
import { Repos, type PrismaClient, type TurnedClaim } from '@baiying/db';
import type { AppConfig } from '@baiying/config';
import type { JobProducer } from '@baiying/queue';
import { PurposeKey } from '@baiying/domain';
import type { FeatureJobs } from './jobs.js';
import { msg } from './render.js';
import { alertCoordinators } from './scope.js';
import type { UnitOfWork, Work } from './unit-of-work.js';

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

/**
 * Follows up a reply that turned uncertain in its own transaction (the conversation's: a form's
 * open question lost at a kill is asked again, decision 0065). True when it sent something.
 */
export type UncertainReplyFollowUp = (w: Work, lost: TurnedClaim) => Promise<boolean>;

export function outboxJobs(
  uow: UnitOfWork,
  prisma: PrismaClient,
  producer: JobProducer,
  config: AppConfig,
  followUpReply?: UncertainReplyFollowUp,
): FeatureJobs {
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
      const turned = await repos.messaging.expireClaims(new Date(now - config.calls.claimLeaseSeconds * 1000));
      // A status message to a resident about their need (`need.<id>.…`) that may not have
      // arrived: the need's coordinators are told, so someone can check with the resident.
      for (const r of turned) {
        const needId = !r.atMostOnce && r.purposeKey.startsWith('need.') ? r.purposeKey.split('.')[1] : undefined;
        if (!needId) continue;
        await uow.run(async (w) => {
          const need = await w.repos.needs.byId(needId);
          if (!need) return;
          await alertCoordinators(w, need.stationId, PurposeKey.alert('uncertain', r.id), () => msg('alert.reply_uncertain', { code: need.code }));
        });
      }
      // A reply that was its chat's open question: asked again, so the resident has one to answer.
      let questionsAskedAgain = 0;
      if (followUpReply)
        for (const r of turned.filter((t) => t.template === 'reply' && !t.atMostOnce && !t.isEdit))
          if (await uow.run((w) => followUpReply(w, r))) questionsAskedAgain++;
      const uncertain = turned.length;
      const uncertainInteractive = turned.filter((r) => !r.atMostOnce).length;
      // Duplicate-update markers past the redelivery window: a new update sequence must not meet them.
      const markersPruned = await repos.messaging.pruneProcessed(new Date(now - config.processedUpdateKeepHours * 3_600_000));
      return { events, messages, uncertain, uncertainInteractive, questionsAskedAgain, markersPruned };
    },
  };
}
