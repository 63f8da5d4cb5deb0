// 居民 ↔ 志愿者 留言: while a job is in hand, the resident and the taker write to each other
// through the desk (回复 N-… 内容, or the 💬 buttons) without either side's phone number. The
// relay opens with the take and closes when the job leaves the taker's hands (done and
// confirmed, released, cancelled); every relayed message is kept as a need event with its text
// encrypted (erasure empties it), and each side may relay a bounded number per hour.
import type { ActorRow, NeedRow } from '@baiying/db';
import { cleanText, err, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { label, t } from '@baiying/i18n';
import { findNeed, msg, needRef, parseCommand, type NeedRef, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { relayKeyword, relayReplyButton, sharePhoneButton, sharePhoneKeyword } from './claims.buttons.js';

/** The longest message passed on (a longer one is refused, not cut). */
export const RELAY_CHARS = 250;
/** Messages one side may relay about one need per hour. */
export const RELAY_PER_HOUR = 10;

export const relayCommand = z.object({ need: needRef, text: z.string() });
export type RelayCommand = z.input<typeof relayCommand>;

/** The two sides of a job in hand: the resident and the active taker (anyone else: not found). */
async function relayParties(w: Work, actor: ActorRow, ref: NeedRef): Promise<Result<{ need: NeedRow; claim: ClaimWithVolunteer; fromResident: boolean }>> {
  const need = await findNeed(w, ref);
  if (!need) return err('need/not_found');
  const claim = await w.repos.needs.activeClaim(need.id);
  const fromResident = need.residentId === actor.personId;
  if (!fromResident && claim?.volunteerId !== actor.personId) {
    // The volunteer who did it is told the relay closed; anyone else learns nothing of the need.
    const last = await w.repos.needs.lastCompletedClaim(need.id);
    return last?.volunteerId === actor.personId ? err('relay/closed', { code: need.code }) : err('need/not_found');
  }
  if (!claim) return err('relay/closed', { code: need.code });
  return ok({ need, claim, fromResident });
}

type ClaimWithVolunteer = NonNullable<Awaited<ReturnType<Work['repos']['needs']['activeClaim']>>>;

export class RelayMessage {
  async execute(w: Work, actor: ActorRow, input: RelayCommand): Promise<Result<{ code: string; to: 'resident' | 'volunteer' }>> {
    const c = parseCommand(relayCommand, input);
    if (!c.ok) return c;
    const text = cleanText(c.value.text).trim();
    if (!text) return err('relay/empty');
    if (text.length > RELAY_CHARS) return err('relay/too_long', { max: RELAY_CHARS });
    const parties = await relayParties(w, actor, c.value.need);
    if (!parties.ok) return parties;
    const { need, claim, fromResident } = parties.value;
    const since = new Date(w.now.getTime() - 3_600_000);
    if ((await w.repos.needs.countEvents(need.id, 'relay', actor.personId, since)) >= RELAY_PER_HOUR) return err('relay/too_many');
    const eventId = await w.repos.needs.event(need.id, 'relay', actor.personId, {
      from: fromResident ? 'resident' : 'volunteer',
      textEnc: w.deps.cipher.encrypt(text),
    });
    const data = w.buttons.encode(relayReplyButton, { needId: need.id });
    const share = w.buttons.encode(sharePhoneButton, { needId: need.id });
    await w.out.toPerson(
      fromResident ? claim.volunteerId : need.residentId,
      PurposeKey.needRelay(need.id, eventId),
      'relay',
      () =>
        msg(fromResident ? 'relay.from_resident' : 'relay.from_volunteer', { code: need.code, text, volunteer: actor.displayName }, [
          [{ label: label('btn.relay_reply'), data, keyword: relayKeyword.show({ code: need.code, text: t('relay.your_words') }) }],
          [{ label: label('btn.share_phone'), data: share, keyword: sharePhoneKeyword.show({ code: need.code }) }],
        ]),
      Priority.interactive,
      fromResident ? undefined : need.channel,
    );
    return ok({ code: need.code, to: fromResident ? 'volunteer' : 'resident' });
  }
}

/**
 * 分享电话: one side gives the other its phone number, by its own choice (never by default): the
 * resident the number on the need (or their profile's), the taker their profile's. Once per side
 * and need; logged as a need event without the number (it stays where it is stored, encrypted).
 */
export class SharePhone {
  async execute(w: Work, actor: ActorRow, input: { need: NeedRef }): Promise<Result<{ code: string; to: 'resident' | 'volunteer' }>> {
    const c = parseCommand(z.object({ need: needRef }), input);
    if (!c.ok) return c;
    const parties = await relayParties(w, actor, c.value.need);
    if (!parties.ok) return parties;
    const { need, claim, fromResident } = parties.value;
    if ((await w.repos.needs.countEvents(need.id, 'share_phone', actor.personId, new Date(0))) > 0) return err('relay/already_shared');
    const own = await w.repos.people.person(actor.personId);
    const phone = w.deps.cipher.decryptOptional((fromResident ? need.phoneEnc : null) ?? own?.phoneEnc ?? null);
    if (!phone) return err('relay/no_phone');
    const eventId = await w.repos.needs.event(need.id, 'share_phone', actor.personId, { from: fromResident ? 'resident' : 'volunteer' });
    await w.out.toPerson(
      fromResident ? claim.volunteerId : need.residentId,
      PurposeKey.needRelay(need.id, eventId),
      'relay-phone',
      () => msg(fromResident ? 'relay.phone_from_resident' : 'relay.phone_from_volunteer', { code: need.code, phone, volunteer: actor.displayName }),
      Priority.interactive,
      fromResident ? undefined : need.channel,
    );
    return ok({ code: need.code, to: fromResident ? 'volunteer' : 'resident' });
  }
}
