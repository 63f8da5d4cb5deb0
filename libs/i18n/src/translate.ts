import { CATALOGUE, type MessageKey } from './catalogue.js';

export type Params = Record<string, string | number>;

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Chinese text for a key. */
export function zh(key: MessageKey, params: Params = {}): string {
  return fill(CATALOGUE[key].zh, params);
}

/** English text for a key. */
export function en(key: MessageKey, params: Params = {}): string {
  return fill(CATALOGUE[key].en, params);
}

/** A message: Chinese first, English second on its own line. */
export function t(key: MessageKey, params: Params = {}): string {
  return `${zh(key, params)}\n${en(key, params)}`;
}

/** A short label (buttons): "中文 / English". */
export function label(key: MessageKey, params: Params = {}): string {
  const a = zh(key, params);
  const b = en(key, params);
  return a === b ? a : `${a} / ${b}`;
}
