// Renders need-related messages. Group-facing renders (job cards) never include the
// description, address, location or phone; private details go only to the claiming volunteer.
import type { FieldCipher } from '@baiying/crypto';
import type { NeedRow } from '@baiying/db';
import type { OutButton, OutMessage } from '@baiying/domain';
import { en, label, t, zh, type MessageKey } from '@baiying/i18n';
import type { ActionCodec } from './action-codec.js';

export function beneficiaryKey(b: string): MessageKey {
  return (['elderly', 'child', 'disabled', 'hardship'].includes(b) ? `beneficiary.${b}` : 'beneficiary.none') as MessageKey;
}
export const urgencyKey = (u: string): MessageKey => (u === 'urgent' ? 'urgency.urgent' : 'urgency.normal');
export const statusKey = (s: string): MessageKey => `status.${s}` as MessageKey;

/** Non-sensitive facts of a need, safe for a team group. */
export function publicFacts(n: NeedRow): Record<string, string> {
  const b = beneficiaryKey(n.beneficiary);
  const u = urgencyKey(n.urgency);
  return {
    code: n.code,
    category: n.category.nameZh,
    categoryEn: n.category.nameEn,
    area: n.station.name,
    time: n.wantedTime ?? zh('not_given'),
    beneficiary: zh(b),
    beneficiaryEn: en(b),
    urgency: zh(u),
    urgencyEn: en(u),
  };
}

export function jobCard(n: NeedRow, codec: ActionCodec, dispatchId: string, footer?: { key: MessageKey; params: Record<string, string> }): OutMessage {
  const facts = publicFacts(n);
  const urgentMark = n.urgency === 'urgent' ? '🚨 ' : '';
  let text = urgentMark + t('card.new', facts);
  if (footer) return { text: `${text}\n${t(footer.key, footer.params)}` };
  return { text, buttons: [[{ label: label('btn.take'), data: codec.encode({ kind: 'take', dispatchId }), keyword: `接单 ${n.code}` }]] };
}

export function privateDetails(n: NeedRow, cipher: FieldCipher, codec: ActionCodec, claimId: string): OutMessage {
  const facts = publicFacts(n);
  const address = cipher.decryptOptional(n.addressEnc);
  const location = cipher.decryptOptional(n.locationEnc);
  const place = [n.station.name, address, location ? `📍${location}` : null].filter(Boolean).join(' ');
  const phone = cipher.decryptOptional(n.phoneEnc);
  return {
    text: t('details', { ...facts, description: cipher.decrypt(n.descriptionEnc), place, phone: phone ?? zh('not_given') }),
    buttons: [
      [
        { label: label('btn.set_off'), data: codec.encode({ kind: 'set_off', claimId }), keyword: `出发 ${n.code}` },
        { label: label('btn.done'), data: codec.encode({ kind: 'done', claimId }), keyword: `完成 ${n.code} ${Number(n.category.defaultHours)}小时` },
      ],
      [{ label: label('btn.release'), data: codec.encode({ kind: 'release', claimId }), keyword: `放弃 ${n.code} 原因` }],
    ],
  };
}

export function ratingButtons(codec: ActionCodec, needId: string): OutButton[][] {
  return [[1, 2, 3, 4, 5].map((n) => ({ label: '⭐'.repeat(n), data: codec.encode({ kind: 'rate', needId, score: n }) }))];
}

export function confirmButtons(codec: ActionCodec, needId: string): OutButton[][] {
  return [
    [
      { label: label('btn.confirm_yes'), data: codec.encode({ kind: 'confirm', needId, yes: true }) },
      { label: label('btn.confirm_no'), data: codec.encode({ kind: 'confirm', needId, yes: false }) },
    ],
  ];
}

export function msg(key: MessageKey, params: Record<string, string | number> = {}, buttons?: OutButton[][]): OutMessage {
  return buttons ? { text: t(key, params), buttons } : { text: t(key, params) };
}

