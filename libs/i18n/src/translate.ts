import { AsyncLocalStorage } from 'node:async_hooks';
import { CATALOGUE, type MessageKey } from './catalogue.js';

export type Params = Record<string, string | number>;

/** The languages the desk speaks. Stored as is in `person.locale` and `team.locale`. */
export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** zh-CN: the language of anyone the desk knows nothing about yet. */
export const DEFAULT_LOCALE: Locale = 'zh';

/** A stored or client-given language ("en", "en-GB", "zh-hans", null, …) → one the desk speaks. */
export function asLocale(value: string | null | undefined): Locale {
  return value?.trim().toLowerCase().startsWith('en') ? 'en' : DEFAULT_LOCALE;
}

// The language of whoever is being written to, for code that renders without naming it: the
// conversation engine sets the actor's for a turn, the outbox the recipient's for a message.
const ambient = new AsyncLocalStorage<Locale>();

/** Runs `fn` with `locale` as the language `t`/`label` use when none is passed. */
export function inLocale<T>(locale: Locale, fn: () => T): T {
  return ambient.run(locale, fn);
}

/** The language `t`/`label` use when none is passed (zh outside any `inLocale`). */
export function currentLocale(): Locale {
  return ambient.getStore() ?? DEFAULT_LOCALE;
}

/**
 * Fills `{name}` placeholders. English templates may name `{nameEn}` (a name from data in
 * English): when the caller has no English name it falls back to `{name}`, shown as it is.
 */
function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name in params) return String(params[name]);
    const base = name.endsWith('En') ? name.slice(0, -2) : null;
    return base !== null && base in params ? String(params[base]) : whole;
  });
}

/** The text of a key in one language. */
export function t(key: MessageKey, params: Params = {}, locale: Locale = currentLocale()): string {
  return fill(CATALOGUE[key][locale], params);
}

/** A short label (buttons, toasts) in one language. Same as `t`; kept for the call sites' intent. */
export function label(key: MessageKey, params: Params = {}, locale: Locale = currentLocale()): string {
  return t(key, params, locale);
}

/** Chinese text for a key. */
export function zh(key: MessageKey, params: Params = {}): string {
  return t(key, params, 'zh');
}

/** English text for a key. */
export function en(key: MessageKey, params: Params = {}): string {
  return t(key, params, 'en');
}

/** A name from data (category, unit, team) in `locale`: its English name when it has one. */
export function localName(names: { zh: string; en?: string | null }, locale: Locale = currentLocale()): string {
  return locale === 'en' && names.en ? names.en : names.zh;
}
