// Numbers on the dashboard: durations, histogram buckets and shares in the console's language.
import type { Quantile } from './api';
import type { MessageKey } from './i18n/zh-CN';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A duration in seconds as minutes, hours or days. */
export function duration(t: T, sec: number | null): string {
  if (sec === null) return t('common.none');
  if (sec < 3600) return t('dur.min', { n: Math.round(sec / 60) });
  if (sec < 86_400) return t('dur.hour', { n: Math.round((sec / 3600) * 10) / 10 });
  return t('dur.day', { n: Math.round((sec / 86_400) * 10) / 10 });
}

/** The bucket a quantile lies in: "from–to" (or "≥ from" for the open-ended last one). */
export function bucket(t: T, q: Quantile | null): string {
  if (!q) return t('common.none');
  return q.toSec === null ? `≥ ${duration(t, q.fromSec)}` : `${duration(t, q.fromSec)}–${duration(t, q.toSec)}`;
}

/** A share 0–1 as a percentage with one decimal. */
export function percent(t: T, x: number | null): string {
  return x === null ? t('common.none') : `${Math.round(x * 1000) / 10}%`;
}

export function num(t: T, x: number | null): string {
  return x === null ? t('common.none') : String(x);
}
