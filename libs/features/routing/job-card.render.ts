// Job cards: what a team group sees of a need. Group-facing renders never include the
// description, address, location or phone; the take button and its keyword are declared here,
// beside the card that shows them (claims answers them).
import type { NeedRow } from '@baiying/db';
import { readWantedWhen, type OutButton, type OutMessage, type WantedWhen } from '@baiying/domain';
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

/** Parts of the day by [start hour, end hour), as the time extractor resolves them. */
const PARTS: ReadonlyArray<readonly [string, number, number]> = [
  ['small-hours', 0, 6],
  ['early-morning', 6, 9],
  ['morning', 8, 12],
  ['noon', 11, 13],
  ['afternoon', 13, 18],
  ['dusk', 17, 19],
  ['evening', 18, 22],
  ['night', 22, 24],
];
const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const partKey = (p: string): MessageKey | null => (PARTS.some(([name]) => name === p) ? (`when.part.${p}` as MessageKey) : null);

/** "2026-12-08T08:00:00+08:00" → its civil date and clock, as written in the resident's zone. */
function civil(iso: string): { month: number; day: number; hour: number; minute: number; date: string } | null {
  const m = /^(\d{4}-(\d{2})-(\d{2}))T(\d{2}):(\d{2})/.exec(iso);
  return m ? { date: m[1]!, month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) } : null;
}
const clock = (c: { hour: number; minute: number }): string => `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;

/**
 * The wanted time as a group may see it: structured facts only ("12月8日 上午", "尽快",
 * "每周二、四 晚上", "时间待定"), never the resident's words.
 */
export function wantedTimeLabel(when: WantedWhen | null, wordsGiven: boolean): string {
  if (!when) return zh(wordsGiven ? 'when.tbd' : 'not_given');
  switch (when.kind) {
    case 'asap':
      return zh('when.asap');
    case 'tbd':
      return zh('when.tbd');
    case 'weekly': {
      const days = zh('when.weekly', { days: when.weekdays.map((d) => WEEKDAYS_ZH[d - 1]).join('、') });
      const part = when.partOfDay ? partKey(when.partOfDay) : null;
      return part ? `${days} ${zh(part)}` : days;
    }
    case 'at': {
      const s = civil(when.start);
      if (!s) return zh('when.tbd');
      const day = `${s.month}月${s.day}日`;
      const e = when.end ? civil(when.end) : null;
      if (!e) return `${day} ${clock(s)}`;
      const endHour = e.date === s.date ? e.hour : e.hour === 0 && e.minute === 0 ? 24 : -1;
      if (s.hour === 0 && s.minute === 0 && endHour === 24) return day;
      const part = PARTS.find(([, from, to]) => from === s.hour && to === endHour && s.minute === 0 && e.minute === 0);
      if (part) return `${day} ${zh(`when.part.${part[0]}` as MessageKey)}`;
      return e.date === s.date ? `${day} ${clock(s)}–${clock(e)}` : `${day} ${clock(s)}`;
    }
  }
}

/** Non-sensitive facts of a need, safe for a team group. */
export function publicFacts(n: NeedRow): Record<string, string> {
  const b = beneficiaryKey(n.beneficiary);
  const u = urgencyKey(n.urgency);
  return {
    code: n.code,
    category: n.category.nameZh,
    categoryEn: n.category.nameEn,
    area: n.station.name,
    // Legacy rows (clear wantedTime, not yet moved by keys:rotate) show "时间待定", never the words.
    time: wantedTimeLabel(readWantedWhen(n.wantedWhen), n.wantedTimeEnc !== null || n.wantedTime !== null),
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
