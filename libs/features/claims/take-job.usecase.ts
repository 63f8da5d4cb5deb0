// "我来接单": exactly one winner; everyone else gets a reason. Pressed (or typed) in the team
// group on the card posted there, or privately on the card an emergency-team member got in
// emergency mode. Which chat the press came from is part of the command: a card (or its
// payload) replayed in another chat is refused.
import type { ActorRow } from '@baiying/db';
import { CHANNELS, err, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { msg, needByCode, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { EmergencyPolicy } from '../emergency/index.js';
import type { DispatchRounds } from '../routing/index.js';
import { privateDetails, relayButton } from './claims.render.js';

export const takeJobCommand = z.object({
  target: z.union([z.object({ dispatchId: z.uuid() }), z.object({ needCode: z.string().min(1).max(40) })]),
  via: z.object({ channel: z.enum(CHANNELS), chatId: z.string().min(1).max(128), chat: z.enum(['group', 'private']) }),
});
export type TakeJobCommand = z.input<typeof takeJobCommand>;

type DispatchRow = NonNullable<Awaited<ReturnType<Work['repos']['needs']['dispatch']>>>;

export class TakeJob {
  constructor(
    private readonly rounds: DispatchRounds,
    private readonly emergency: EmergencyPolicy,
  ) {}

  async execute(w: Work, actor: ActorRow, input: TakeJobCommand): Promise<Result<{ code: string }>> {
    const c = parseCommand(takeJobCommand, input);
    if (!c.ok) return c;
    const { target, via } = c.value;
    const d = await this.dispatchOf(w, target);
    // A group card whose dispatch is unknown is a card that was never posted here.
    if (!d.ok) return via.chat === 'group' && 'dispatchId' in target ? err('need/stale_card') : d;
    const dispatch = d.value;
    if (!dispatch.teamId) return err('need/not_found');
    if (via.chat === 'group') {
      // The card must be the one posted in this chat.
      const binding = await w.repos.org.teamChatByChat(via.channel, via.chatId);
      if (!binding || binding.teamId !== dispatch.teamId) return err('need/stale_card');
      const membership = await w.repos.volunteers.isApprovedMember(actor.personId, dispatch.teamId);
      if (!membership.volunteer) return err('claim/not_volunteer');
      if (!membership.approved) return err('claim/not_approved');
      if (!membership.member) return err('claim/not_member');
    } else {
      const need = await w.repos.needs.byId(dispatch.needId);
      if (!need) return err('need/not_found');
      // Outside emergency mode a need is taken in its team's group, not privately.
      if ('needCode' in target && !(await this.emergency.unitFor(w, need))) return err('claim/group_only');
      const may = await this.emergency.mayTakeDirect(w, actor, need);
      if (!may.ok) return may;
    }
    if (dispatch.status !== 'open') return err(dispatch.status === 'claimed' ? 'need/already_taken' : 'need/stale_card');
    // The limits are checked before the race, so the details only ever go to a winner within them.
    const limits = await this.withinLimits(w, actor);
    if (!limits.ok) return limits;
    const won = await w.repos.needs.take(dispatch.id, actor.personId, w.now);
    if (!won) {
      const again = await w.repos.needs.dispatch(dispatch.id);
      return err(again?.status === 'claimed' ? 'need/already_taken' : 'need/not_open');
    }
    const need = (await w.repos.needs.byId(won.needId))!;
    await w.repos.needs.event(need.id, 'take', actor.personId, { claimId: won.claimId });
    w.schedule('claim-timeout', { claimId: won.claimId }, new Date(w.now.getTime() + w.config.claims.noProgressHours * 3_600_000));
    await this.rounds.editCards(w, dispatch.id, need, { key: 'card.taken', params: { volunteer: actor.displayName } });
    await w.out.toPerson(
      actor.personId,
      PurposeKey.jobDetails(won.claimId),
      'job-details',
      () => privateDetails(need, w.deps.cipher, w.buttons, won.claimId),
      Priority.interactive,
    );
    await w.out.toPerson(
      need.residentId,
      PurposeKey.needTaken(need.id, won.claimId),
      'need-taken',
      () => msg('need.taken', { code: need.code, volunteer: actor.displayName }, [[relayButton(need, w.buttons, 'btn.relay_to_volunteer')]]),
      Priority.status,
      need.channel,
    );
    return ok({ code: need.code });
  }

  /**
   * At most CLAIM_ACTIVE_LIMIT jobs in hand at once (taken or set off, not yet reported done), and no takes while the volunteer has released
   * (or timed out on) CLAIM_RELEASE_LIMIT jobs within the window: the cooling-off ends as the
   * oldest of those ages out. The volunteer's takes are serialised so two racing takes in
   * different chats cannot both pass.
   */
  private async withinLimits(w: Work, actor: ActorRow): Promise<Result<null>> {
    const { activeLimit, releaseLimit, releaseWindowHours } = w.config.claims;
    await w.repos.needs.lockVolunteerClaims(actor.personId);
    if ((await w.repos.needs.countClaimsInHand(actor.personId)) >= activeLimit) return err('claim/too_many', { max: activeLimit });
    const windowMs = releaseWindowHours * 3_600_000;
    const releases = await w.repos.needs.releasesSince(actor.personId, new Date(w.now.getTime() - windowMs));
    if (releases.length >= releaseLimit) {
      // Takes resume when enough releases have aged out of the window to fall below the limit.
      const freedAt = releases[releases.length - releaseLimit]!.getTime() + windowMs;
      const wait = Math.max(1, Math.ceil((freedAt - w.now.getTime()) / 3_600_000));
      return err('claim/cooling_off', { max: releaseLimit, window: releaseWindowHours, wait });
    }
    return ok(null);
  }

  /** The dispatch pressed, or the need's open one when its code was typed. */
  private async dispatchOf(w: Work, target: { dispatchId: string } | { needCode: string }): Promise<Result<DispatchRow>> {
    if ('dispatchId' in target) {
      const d = await w.repos.needs.dispatch(target.dispatchId);
      return d ? ok(d) : err('need/not_found');
    }
    const need = await needByCode(w, target.needCode);
    if (!need) return err('need/not_found');
    const d = await w.repos.needs.openDispatchOf(need.id);
    if (!d) return err(need.status === 'claimed' || need.status === 'en_route' ? 'need/already_taken' : 'need/not_open');
    return ok(d);
  }
}
