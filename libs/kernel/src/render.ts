import type { OutButton, OutMessage } from '@baiying/domain';
import { currentLocale, t, type Locale, type MessageKey } from '@baiying/i18n';

/**
 * A message from the catalogue, with optional buttons, in `locale` (by default the language of
 * whoever is being written to: the actor in a turn, the recipient inside an outbox renderer).
 */
export function msg(key: MessageKey, params: Record<string, string | number> = {}, buttons?: OutButton[][], locale: Locale = currentLocale()): OutMessage {
  return buttons ? { text: t(key, params, locale), buttons } : { text: t(key, params, locale) };
}

/** Date and time in the desk's time zone, as people read them: "11月28日 09:00". */
export function formatLocal(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (k: string) => parts.find((p) => p.type === k)?.value ?? '';
  return `${Number(get('month'))}月${Number(get('day'))}日 ${get('hour') === '24' ? '00' : get('hour')}:${get('minute')}`;
}
