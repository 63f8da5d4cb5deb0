// A coordinator whose scope covers a team's unit approves or rejects one volunteer's membership
// of that team, once. A station coordinator cannot admit anyone to a county team.
import { personName } from '@baiying/db';
import type { ActorRow } from '@baiying/db';
import { err, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { t } from '@baiying/i18n';
import { formatLocal, inScope, isCoordinator, msg, nameParams, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';

export const decideRegistrationCommand = z.object({ membershipId: z.uuid(), approve: z.boolean() });
export type DecideRegistrationCommand = z.input<typeof decideRegistrationCommand>;

export class DecideRegistration {
  /** `via.sessionId`: the console session that decided (the audit entry names it); none from chat. */
  async execute(
    w: Work,
    actor: ActorRow,
    input: DecideRegistrationCommand,
    via: { sessionId?: string } = {},
  ): Promise<Result<{ name: string; team: string; teamEn: string; decided: boolean }>> {
    const c = parseCommand(decideRegistrationCommand, input);
    if (!c.ok) return c;
    const { membershipId, approve } = c.value;
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    const m = await w.repos.volunteers.membership(membershipId);
    if (!m) return err('volunteer/not_found');
    if (!(await inScope(w, actor, m.team.orgUnitId))) return err('auth/out_of_scope');
    const decided = await w.repos.volunteers.decideMembership(membershipId, approve, actor.personId);
    if (decided) {
      await w.repos.console.audit({
        at: w.now,
        actorId: actor.personId,
        action: 'approval',
        orgUnitId: m.team.orgUnitId,
        sessionId: via.sessionId ?? null,
        detail: { volunteerId: m.volunteerId, team: m.team.code, approve, via: via.sessionId ? 'console' : 'chat' },
      });
      // Every message that asked about this membership (alerts, /approve and /pending listings)
      // now says who decided and when, and loses its buttons.
      const at = w.now;
      for (const asked of await w.repos.messaging.sentWithPrefix(PurposeKey.approvalAsked(m.volunteerId, m.teamId)))
        w.out.edit(asked, PurposeKey.settled(asked.purposeKey), 'approval-settled', (locale) =>
          msg(
            'approval.settled',
            {
              name: personName(w.deps.cipher, m.volunteer.person),
              ...nameParams('team', m.team),
              decision: t(approve ? 'approval.word_approved' : 'approval.word_rejected', {}, locale),
              by: actor.displayName,
              at: formatLocal(at, w.config.timeZone, locale),
            },
            undefined,
            locale,
          ),
        );
      await w.out.toPerson(
        m.volunteerId,
        PurposeKey.approvalDecided(m.volunteerId, m.teamId),
        'volunteer-decided',
        () => msg(approve ? 'approval.approved' : 'approval.rejected', nameParams('team', m.team)),
        Priority.status,
      );
    }
    return ok({ name: personName(w.deps.cipher, m.volunteer.person), team: m.team.name, teamEn: m.team.nameEn ?? m.team.name, decided });
  }
}
