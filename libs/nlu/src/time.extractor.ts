import type { TimeUnderstanding } from './nlu.types.js';
import { hasCjk, toHalfWidth } from './text.util.js';
import { extractEn } from './time.en.js';
import { extractZh } from './time.zh.js';

export { PART_OF_DAY_HOURS } from './time.resolve.js';

export interface TimeExtractOptions {
  now?: Date;
  timeZone?: string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * The time a resident wants, as written plus a structured form where it can be resolved
 * relative to `now` in `timeZone` (default Asia/Shanghai). Chinese is resolved by hand
 * (chrono's Chinese parser ignores the time zone and misses 后天, 每周二四, 下下周…);
 * English goes through chrono-node, with recurrences ("every Tuesday evening") by hand.
 */
export function extractTime(text: string, opts: TimeExtractOptions = {}): TimeUnderstanding | null {
  const now = opts.now ?? new Date();
  const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const normal = toHalfWidth(text);
  const latin = /[a-z]{2,}/i.test(normal);
  // Chinese and bare digits ("15:00") take the hand-written grammar; English words, chrono.
  if (hasCjk(normal) || !latin) {
    const zh = extractZh(normal, text, now, timeZone);
    if (zh) return zh;
  }
  return latin ? extractEn(normal, text, now, timeZone) : null;
}
