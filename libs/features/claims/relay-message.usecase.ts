// 居民 ↔ 志愿者 留言: while a job is in hand, the resident and the taker write to each other
// through the desk (回复 N-… 内容, or the 💬 buttons) without either side's phone number. The
// relay opens with the take and closes when the job leaves the taker's hands (done and
// confirmed, released, cancelled); every relayed message is kept as a need event with its text
// encrypted (erasure empties it), and each side may relay a bounded number per hour.
import type { ActorRow } from '@baiying/db';
import { cleanText, err, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { label, t } from '@baiying/i18n';
import { findNeed, msg, needRef, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { relayKeyword, relayReplyButton } from './claims.buttons.js';

/** The longest message passed on (a longer one is refused, not cut). */
export const RELAY_CHARS = 250;
/** Messages one side may relay about one need per hour. */
export const RELAY_PER_HOUR = 10;

export const relayCommand = z.object({ need: needRef, text: z.string() });
export type RelayCommand = z.input<typeof relayCommand>;

export class RelayMessage {
  async execute(w: Work, actor: ActorRow, input: RelayCommand): Promise<Result<{ code: string; to: 'resident' | 'volunteer' }>> {
    const c = parseCommand(relayCommand, input);
    if (!c.ok) return c;
    const text = cleanText(c.value.text).trim();
    if (!text) return err('relay/empty');
    if (text.length > RELAY_CHARS) return err('relay/too_long', { max: RELAY_CHARS });
    const need = await findNeed(w, c.value.need);
    if (!need) return err('need/not_found');
    const claim = await w.repos.needs.activeClaim(need.id);
    const fromResident = need.residentId === actor.personId;
    const fromTaker = claim?.volunteerId === actor.personId;
    if (!fromResident && !fromTaker) {
      // The volunteer who did it is told the relay closed; anyone else learns nothing of the need.
      const last = await w.repos.needs.lastCompletedClaim(need.id);
      return last?.volunteerId === actor.personId ? err('relay/closed', { code: need.code }) : err('need/not_found');
    }
    if (!claim) return err('relay/closed', { code: need.code });
    const since = new Date(w.now.getTime() - 3_600_000);
    if ((await w.repos.needs.countEvents(need.id, 'relay', actor.personId, since)) >= RELAY_PER_HOUR) return err('relay/too_many');
    const eventId = await w.repos.needs.event(need.id, 'relay', actor.personId, {
      from: fromResident ? 'resident' : 'volunteer',
      textEnc: w.deps.cipher.encrypt(text),
    });
    const data = w.buttons.encode(relayReplyButton, { needId: need.id });
    await w.out.toPerson(
      fromResident ? claim.volunteerId : need.residentId,
      PurposeKey.needRelay(need.id, eventId),
      'relay',
      () =>
        msg(fromResident ? 'relay.from_resident' : 'relay.from_volunteer', { code: need.code, text, volunteer: actor.displayName }, [
          [{ label: label('btn.relay_reply'), data, keyword: relayKeyword.show({ code: need.code, text: t('relay.your_words') }) }],
        ]),
      Priority.interactive,
      fromResident ? undefined : need.channel,
    );
    return ok({ code: need.code, to: fromResident ? 'volunteer' : 'resident' });
  }
}
