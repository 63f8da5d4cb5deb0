// Job cards: what a team group sees of a need. Group-facing renders never include the
// description, address, location or phone; the take button and its keyword are declared here,
// beside the card that shows them (claims answers them).
import type { NeedRow } from '@baiying/db';
import type { OutButton, OutMessage } from '@baiying/domain';
import { en, label, t, zh, type MessageKey } from '@baiying/i18n';
import { defineButton, field, type ButtonCodec } from '@baiying/kernel';
import { defineKeyword, NEED_CODE } from '@baiying/conversation';

/** "我来接单" on a group card. */
export const takeButton = defineButton<{ dispatchId: string }>('tk', { dispatchId: field.uuid() });
/** "我来接单" on a card sent privately to an emergency-team member (平战结合). */
export const takeDirectButton = defineButton<{ dispatchId: string }>('td', { dispatchId: field.uuid() });

export const takeKeyword = defineKeyword<{ code: string }>({
  name: 'take',
  words: ['接单', '抢单', 'take'],
  args: `\\s*${NEED_CODE}`,
  read: (m) => ({ code: m[1]! }),
  write: (a) => a.code,
});

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

export interface CardFooter {
  key: MessageKey;
  params: Record<string, string>;
}

/** The card of a dispatch; with a footer (taken, escalated, closed) it loses its button. */
export function jobCard(n: NeedRow, buttons: ButtonCodec, dispatchId: string, footer?: CardFooter): OutMessage {
  const urgentMark = n.urgency === 'urgent' ? '🚨 ' : '';
  const text = urgentMark + t('card.new', publicFacts(n));
  if (footer) return { text: `${text}\n${t(footer.key, footer.params)}` };
  return { text, buttons: [[takeButtonOf(buttons, takeButton, dispatchId, n.code)]] };
}

/** The same card with its own take button, for a private chat. */
export function directCard(card: OutMessage, buttons: ButtonCodec, dispatchId: string, code: string): OutMessage {
  return { ...card, buttons: [[takeButtonOf(buttons, takeDirectButton, dispatchId, code)]] };
}

function takeButtonOf(buttons: ButtonCodec, def: typeof takeButton, dispatchId: string, code: string): OutButton {
  return { label: label('btn.take'), data: buttons.encode(def, { dispatchId }), keyword: takeKeyword.show({ code }) };
}
