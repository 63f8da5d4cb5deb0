// Volunteers in chat: /register (a short form), /me; coordinators: /approve and its buttons.
import { personName } from '@baiying/db';
import { button, command, flow, type ChatFeature, type Turn } from '@baiying/conversation';
import { t } from '@baiying/i18n';
import { PurposeKey, Priority } from '@baiying/domain';
import { listOf, msg, nameParams } from '@baiying/kernel';
import { approvalButtons, approveButton } from './volunteers.buttons.js';
import type { PendingRegistrations } from './pending-registrations.usecase.js';
import type { VolunteersFeature } from './volunteers.feature.js';
import { registerFlow, RegisterForm } from './register.flow.js';

/** "3星志愿者" / "3-star volunteer", in the reader's language. */
export function starsText(n: number): string {
  return n === 0 ? t('stars.zero') : t('stars.n', { n });
}

type Applications = Extract<Awaited<ReturnType<PendingRegistrations['execute']>>, { ok: true }>['value'];

/** One message per application awaiting a decision, with its approve/reject buttons (/approve, /pending). */
export function sayApplications(turn: Turn, applications: Applications): void {
  // Sent under the membership's approval prefix, so the decision (from any message) rewrites this one too.
  for (const [i, m] of applications.entries())
    turn.w.out.to(
      { channel: turn.ev.channel, chatId: turn.ev.chat.id },
      PurposeKey.approvalListed(m.volunteerId, m.teamId, `${turn.ev.channel}.${turn.ev.updateId}.${i}`),
      'approval-listed',
      msg(
        'approval.pending_item',
        { name: personName(turn.w.deps.cipher, m.volunteer.person), skills: listOf(m.volunteer.skills) || '-', ...nameParams('team', m.team) },
        approvalButtons(turn.w.buttons, m.id),
        turn.locale,
      ),
      Priority.interactive,
      turn.locale,
    );
}

export function volunteersChat(f: VolunteersFeature): ChatFeature {
  const form = new RegisterForm(f.register);
  return {
    feature: 'volunteers',
    commands: [
      command('register', 'private', (turn) => form.start(turn)),
      command('me', 'private', async (turn) => {
        const v = turn.actor.volunteer;
        if (!v) return turn.say('me.not_volunteer');
        if (v.status === 'pending') return turn.say('me.pending');
        const r = await f.record.execute(turn.w, turn.actor);
        if (!r.ok) return turn.fail(r, false);
        turn.say('me', {
          name: r.value.name,
          hours: r.value.hours,
          stars: starsText(r.value.stars),
          jobs: r.value.jobs,
          rating: r.value.rating ?? '-',
          points: r.value.points,
          next: r.value.nextStarIn === null ? '' : t('me.next_star', { hours: r.value.nextStarIn }),
        });
      }),
      command('approve', 'private', async (turn) => {
        const r = await f.pending.execute(turn.w, turn.actor);
        if (!r.ok) return turn.fail(r, false);
        if (r.value.length === 0) return turn.say('approval.none');
        sayApplications(turn, r.value);
      }),
    ],
    buttons: [
      button(approveButton, 'private', async (turn, p) => {
        const r = await f.decide.execute(turn.w, turn.actor, p);
        if (!r.ok) return turn.fail(r, true);
        if (!r.value.decided) return turn.toast('approval.already', {}, true);
        turn.toast('approval.done', {
          name: r.value.name,
          team: r.value.team,
          teamEn: r.value.teamEn,
          decision: t(p.approve ? 'btn.approve' : 'btn.reject'),
        });
      }),
    ],
    flows: [
      flow(registerFlow, {
        onText: (turn, data, text) => form.onText(turn, data, text),
        onChoice: (turn, data, choice) => form.onChoice(turn, data, choice),
        onChoices: (turn, data, choices) => form.onChoices(turn, data, choices),
      }),
    ],
  };
}
