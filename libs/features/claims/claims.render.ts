// What the taker sees privately: the full details (only to them) with the next steps.
import type { FieldCipher } from '@baiying/crypto';
import type { NeedRow } from '@baiying/db';
import type { OutButton, OutMessage } from '@baiying/domain';
import { label, t } from '@baiying/i18n';
import type { ButtonCodec } from '@baiying/kernel';
import { categoryName, publicFacts, statusKey, unitName } from '../routing/index.js';
import { doneButton, finishKeyword, relayKeyword, relayReplyButton, releaseButton, releaseKeyword, setOffButton, setOffKeyword } from './claims.buttons.js';

export function privateDetails(n: NeedRow, cipher: FieldCipher, buttons: ButtonCodec, claimId: string): OutMessage {
  const address = cipher.decryptOptional(n.addressEnc);
  const location = cipher.decryptOptional(n.locationEnc);
  const place = [unitName(n.station), address, location ? `📍${location}` : null].filter(Boolean).join(' ');
  const phone = cipher.decryptOptional(n.phoneEnc);
  // The taker sees the resident's own words for when (legacy rows: the clear column).
  const words = cipher.decryptOptional(n.wantedTimeEnc) ?? n.wantedTime;
  const facts = publicFacts(n);
  return {
    text: t('details', { ...facts, time: words ?? facts.time!, description: cipher.decrypt(n.descriptionEnc), place, phone: phone ?? t('not_given') }),
    buttons: [
      [
        { label: label('btn.set_off'), data: buttons.encode(setOffButton, { claimId }), keyword: setOffKeyword.show({ code: n.code }) },
        {
          label: label('btn.done'),
          data: buttons.encode(doneButton, { claimId }),
          keyword: finishKeyword.show({ code: n.code, hours: t('hours.short', { hours: Number(n.category.defaultHours) }) }),
        },
      ],
      [
        {
          label: label('btn.release'),
          data: buttons.encode(releaseButton, { claimId }),
          keyword: releaseKeyword.show({ code: n.code, reason: t('release.reason_word') }),
        },
        relayButton(n, buttons, 'btn.relay_to_resident'),
      ],
    ],
  };
}

/** 💬: a message to the other side of the job, passed on by the desk (回复 N-… 内容 typed). */
export function relayButton(n: Pick<NeedRow, 'id' | 'code'>, buttons: ButtonCodec, key: 'btn.relay_to_resident' | 'btn.relay_to_volunteer'): OutButton {
  return {
    label: label(key),
    data: buttons.encode(relayReplyButton, { needId: n.id }),
    keyword: relayKeyword.show({ code: n.code, text: t('relay.your_words') }),
  };
}

/** The jobs list (/jobs): each of the volunteer's active jobs with its buttons. */
export function jobLine(c: { id: string; need: NeedRow }, buttons: ButtonCodec): OutMessage {
  return {
    text: t('jobs.line', { code: c.need.code, category: categoryName(c.need.category), area: unitName(c.need.station), status: t(statusKey(c.need.status)) }),
    buttons: [
      [
        { label: label('btn.set_off'), data: buttons.encode(setOffButton, { claimId: c.id }) },
        { label: label('btn.done'), data: buttons.encode(doneButton, { claimId: c.id }) },
        { label: label('btn.release'), data: buttons.encode(releaseButton, { claimId: c.id }) },
      ],
    ],
  };
}

/** Hours the done button offers: the category's default and the usual 1–4, none above `max` (a re-finish). */
export function hoursChoices(defaultHours: number, max: number | null = null): number[] {
  const all = [...new Set([defaultHours, 1, 2, 3, 4])].sort((x, y) => x - y);
  if (max === null) return all;
  const under = all.filter((h) => h < max);
  return [...under, max];
}
