// When a resident wants help, as structured facts: what a group job card shows instead of the
// resident's own words (which can hold a name or a phone number; they stay encrypted, for the
// taker and the resident only).

/**
 * `asap`: as soon as possible; `at`: a time or a span (ISO 8601 with the zone's offset, as the
 * time extractor resolves it); `weekly`: a recurrence (ISO weekdays, 1 = Monday); `tbd`: words
 * were given but could not be read as a time.
 */
export type WantedWhen =
  { kind: 'asap' } | { kind: 'at'; start: string; end?: string } | { kind: 'weekly'; weekdays: number[]; partOfDay?: string } | { kind: 'tbd' };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A stored value read back; anything malformed counts as "to be decided", never as text. */
export function readWantedWhen(json: unknown): WantedWhen | null {
  if (json === null || json === undefined) return null;
  if (typeof json !== 'object' || Array.isArray(json)) return { kind: 'tbd' };
  const o = json as Record<string, unknown>;
  if (o.kind === 'asap') return { kind: 'asap' };
  if (o.kind === 'at' && typeof o.start === 'string' && ISO.test(o.start))
    return typeof o.end === 'string' && ISO.test(o.end) ? { kind: 'at', start: o.start, end: o.end } : { kind: 'at', start: o.start };
  if (o.kind === 'weekly' && Array.isArray(o.weekdays) && o.weekdays.length > 0 && o.weekdays.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)) {
    const weekdays = o.weekdays as number[];
    return typeof o.partOfDay === 'string' && /^[a-z-]{1,20}$/.test(o.partOfDay)
      ? { kind: 'weekly', weekdays, partOfDay: o.partOfDay }
      : { kind: 'weekly', weekdays };
  }
  return { kind: 'tbd' };
}
