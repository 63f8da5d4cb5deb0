import type { OutButton, OutMessage } from '@baiying/domain';
import { currentLocale, t, type Locale, type MessageKey } from '@baiying/i18n';

/**
 * A message from the catalogue, with optional buttons, in `locale` (by default the language of
 * whoever is being written to: the actor in a turn, the recipient inside an outbox renderer).
 */
export function msg(key: MessageKey, params: Record<string, string | number> = {}, buttons?: OutButton[][], locale: Locale = currentLocale()): OutMessage {
  return buttons ? { text: t(key, params, locale), buttons } : { text: t(key, params, locale) };
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];

/**
 * Date, weekday and time in the desk's time zone, as people read them, so a message read days
 * later still names the day: "11月28日（周六）09:00" / "Sat, Nov 28 09:00".
 */
export function formatLocal(d: Date, timeZone: string, locale: Locale = currentLocale()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    weekday: 'short',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (k: string) => parts.find((p) => p.type === k)?.value ?? '';
  const time = `${get('hour') === '24' ? '00' : get('hour')}:${get('minute')}`;
  const month = Number(get('month'));
  const wd = Math.max(0, WEEKDAYS_EN.indexOf(get('weekday')));
  return locale === 'en'
    ? `${WEEKDAYS_EN[wd]}, ${MONTHS_EN[month - 1]} ${Number(get('day'))} ${time}`
    : `${month}月${Number(get('day'))}日（周${WEEKDAYS_ZH[wd]}）${time}`;
}

/** A list as the reader writes it: "理发、电工" / "haircut, electrics". */
export function listOf(items: readonly string[], locale: Locale = currentLocale()): string {
  return items.join(locale === 'en' ? ', ' : '、');
}

/**
 * A unit's or team's name as two parameters: `{key}` as stored (Chinese) and `{keyEn}` its English
 * name when it has one; English templates name `{keyEn}` and show the stored name otherwise.
 */
export function nameParams(key: string, row: { name: string; nameEn?: string | null } | null | undefined, fallback = ''): Record<string, string> {
  return { [key]: row?.name ?? fallback, [`${key}En`]: row?.nameEn ?? row?.name ?? fallback };
}
