// 一呼百应: a call is created in one transaction — the audience snapshotted as recipients, the
// coordinator's tally message, one notice per team group, its timers, and the first fan-out.
// The worker's fan-out then queues the private messages in steps (see fan-out.usecase.ts).
import { randomInt } from 'node:crypto';
import type { ActorRow } from '@baiying/db';
import { checkCodeFrom, err, formatCallCode, needDay, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { isCoordinator, parseCommand, widestUnit, type Work } from '@baiying/kernel';
import type { EmergencyPolicy } from '../emergency/index.js';
import { resolveAudience, teamChatsFor } from './audience.js';
import { callDraft, validateDraft, type CallDraft } from './call-draft.js';
import type { CallRenderer } from './calls.render.js';
import { scheduleCallTimers } from './call-timers.js';
import { estimate, type CallPreview } from './preview-call.usecase.js';
import type { TallyRenderer } from './tally.js';

export class CreateCall {
  constructor(
    private readonly render: CallRenderer,
    private readonly tallies: TallyRenderer,
    private readonly emergency: EmergencyPolicy,
  ) {}

  async execute(w: Work, actor: ActorRow, input: CallDraft): Promise<Result<{ callId: string; code: string; preview: CallPreview }>> {
    const c = parseCommand(callDraft, input, 'call/bad_input');
    if (!c.ok) return c;
    const d = c.value;
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    const v = validateDraft(d, w.now);
    if (!v.ok) return v;
    const sel = await resolveAudience(w, actor, d.audience);
    if (!sel.ok) return sel;
    const preview = await estimate(w, sel.value);
    if (preview.recipients === 0) return err('call/empty_audience');
    // The call belongs to the coordinator's highest unit (their widest scope).
    const owner = await widestUnit(w, actor);
    if (!owner) return err('auth/not_coordinator');
    const day = needDay(w.now, w.config.timeZone);
    const code = formatCallCode(day, await w.repos.calls.nextNumber(day));
    const call = await w.repos.calls.create({
      code,
      createdById: actor.personId,
      orgUnitId: owner.id,
      title: d.title.trim(),
      description: d.description.trim(),
      placeText: d.placeText.trim(),
      siteLat: d.site?.lat ?? null,
      siteLng: d.site?.lng ?? null,
      radiusM: d.radiusM ?? w.config.calls.checkInRadiusM,
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      headcount: d.headcount,
      skills: (d.skills ?? []).map((s) => s.trim()),
      answerBy: d.answerBy ?? d.startsAt,
      audience: JSON.parse(JSON.stringify(d.audience)) as object,
      checkCode: checkCodeFrom(randomInt(1_000_000) / 1_000_000),
      emergency: await this.emergency.isUnitInEmergency(w, owner.id),
    });
    const recipients = await w.repos.calls.snapshotRecipients(call.id, sel.value);
    await w.repos.calls.event(call.id, 'create', actor.personId, { recipients, audience: JSON.parse(JSON.stringify(d.audience)) as object });
    // The coordinator's live tally (edited in place as answers come in).
    await w.out.toPerson(actor.personId, PurposeKey.callTally(call.id), 'call-tally', await this.tallies.tally(w, call), Priority.interactive);
    const notice = () => this.render.groupNotice(call);
    for (const chat of await teamChatsFor(w, sel.value)) {
      w.out.to({ channel: chat.channel, chatId: chat.chatId }, PurposeKey.callTeamNotice(call.id, chat.id), 'call-team-notice', notice, Priority.status);
    }
    scheduleCallTimers(w, call);
    w.schedule('call-fanout', { callId: call.id }, w.now);
    return ok({ callId: call.id, code, preview: { ...preview, recipients } });
  }
}
