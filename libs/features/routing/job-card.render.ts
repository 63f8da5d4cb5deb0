// Job cards: what a team group sees of a need. Group-facing renders never include the
// description, address, location or phone; the take button and its keyword are declared here,
// beside the card that shows them (claims answers them).
import type { NeedRow } from '@baiying/db';
import { readWantedWhen, type OutButton, type OutMessage, type WantedWhen } from '@baiying/domain';
import { currentLocale, label, localName, t, type Locale, type MessageKey } from '@baiying/i18n';
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
 * "12月8日（周二）" / "Tue, Dec 8": a date with its weekday, so a message read days later still
 * points to the right day (never only "周二" or "明天").
 */
function dayOf(c: { date: string; month: number; day: number }, locale: Locale): string {
  // The civil date's weekday: noon UTC of that date is the same calendar day everywhere it matters.
  const wd = (new Date(`${c.date}T12:00:00Z`).getUTCDay() + 6) % 7;
  return locale === 'en' ? `${WEEKDAYS_EN[wd]}, ${MONTHS_EN[c.month - 1]} ${c.day}` : `${c.month}月${c.day}日（周${WEEKDAYS_ZH[wd]}）`;
}
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * The wanted time as a group may see it: structured facts only ("12月8日（周二）上午", "尽快",
 * "每周二、四 晚上", "时间待定"; in English "Tue, Dec 8 morning"), never the resident's words.
 */
export function wantedTimeLabel(when: WantedWhen | null, wordsGiven: boolean, locale: Locale = currentLocale()): string {
  const tr = (key: MessageKey, params: Record<string, string> = {}) => t(key, params, locale);
  if (!when) return tr(wordsGiven ? 'when.tbd' : 'not_given');
  switch (when.kind) {
    case 'asap':
      return tr('when.asap');
    case 'tbd':
      return tr('when.tbd');
    case 'weekly': {
      const names = locale === 'en' ? WEEKDAYS_EN : WEEKDAYS_ZH;
      const days = tr('when.weekly', { days: when.weekdays.map((d) => names[d - 1]).join(locale === 'en' ? ', ' : '、') });
      const part = when.partOfDay ? partKey(when.partOfDay) : null;
      return part ? `${days} ${tr(part)}` : days;
    }
    case 'at': {
      const s = civil(when.start);
      if (!s) return tr('when.tbd');
      const day = dayOf(s, locale);
      const sp = locale === 'en' ? ' ' : '';
      const e = when.end ? civil(when.end) : null;
      if (!e) return `${day}${sp}${clock(s)}`;
      const endHour = e.date === s.date ? e.hour : e.hour === 0 && e.minute === 0 ? 24 : -1;
      if (s.hour === 0 && s.minute === 0 && endHour === 24) return day;
      const part = PARTS.find(([, from, to]) => from === s.hour && to === endHour && s.minute === 0 && e.minute === 0);
      if (part) return `${day}${sp}${tr(`when.part.${part[0]}` as MessageKey)}`;
      return e.date === s.date ? `${day}${sp}${clock(s)}–${clock(e)}` : `${day}${sp}${clock(s)}`;
    }
  }
}

/** The category of a need in the reader's language. */
export const categoryName = (c: { nameZh: string; nameEn: string }, locale: Locale = currentLocale()): string =>
  localName({ zh: c.nameZh, en: c.nameEn }, locale);
/** A unit (station, institute, centre) or team in the reader's language: its English name when it has one. */
export const unitName = (u: { name: string; nameEn?: string | null }, locale: Locale = currentLocale()): string =>
  localName({ zh: u.name, en: u.nameEn }, locale);

/** Non-sensitive facts of a need, safe for a team group, in the reader's language. */
export function publicFacts(n: NeedRow, locale: Locale = currentLocale()): Record<string, string> {
  return {
    code: n.code,
    // A few vocabulary words saying what the job is ("马桶 堵了"); never the resident's words.
    task: n.taskTerms.join(' '),
    category: categoryName(n.category, locale),
    area: unitName(n.station, locale),
    // Legacy rows (clear wantedTime, not yet moved by keys:rotate) show "时间待定", never the words.
    time: wantedTimeLabel(readWantedWhen(n.wantedWhen), n.wantedTimeEnc !== null || n.wantedTime !== null, locale),
    beneficiary: t(beneficiaryKey(n.beneficiary), {}, locale),
    urgency: t(urgencyKey(n.urgency), {}, locale),
  };
}

export interface CardFooter {
  key: MessageKey;
  params: Record<string, string>;
}

/** The card of a dispatch, in the group's language; with a footer (taken, escalated, closed) it loses its button. */
export function jobCard(n: NeedRow, buttons: ButtonCodec, dispatchId: string, footer?: CardFooter, locale: Locale = currentLocale()): OutMessage {
  const urgentMark = n.urgency === 'urgent' ? '🚨 ' : '';
  // Without a task line the English header would end in a space.
  const text = urgentMark + t('card.new', publicFacts(n, locale), locale).replace(/ +\n/, '\n');
  if (footer) return { text: `${text}\n${t(footer.key, footer.params, locale)}` };
  return { text, buttons: [[takeButtonOf(buttons, takeButton, dispatchId, n.code, locale)]] };
}

/** The same card with its own take button, for a private chat. */
export function directCard(card: OutMessage, buttons: ButtonCodec, dispatchId: string, code: string, locale: Locale = currentLocale()): OutMessage {
  return { ...card, buttons: [[takeButtonOf(buttons, takeDirectButton, dispatchId, code, locale)]] };
}

function takeButtonOf(buttons: ButtonCodec, def: typeof takeButton, dispatchId: string, code: string, locale: Locale): OutButton {
  return { label: label('btn.take', {}, locale), data: buttons.encode(def, { dispatchId }), keyword: takeKeyword.show({ code }, locale) };
}
