// Personal data planted by the leak scan's scenarios: distinctive values, unique per run, and
// every form each could leak as (raw, separated digits, JSON-escaped, URL-encoded, base64).
import { randomBytes, randomInt } from 'node:crypto';

export type PlantedKind = 'phone' | 'address' | 'name' | 'health' | 'time' | 'comment' | 'reason' | 'description';

export interface Planted {
  /** Short label for reports, e.g. `R1.phone`. */
  label: string;
  kind: PlantedKind;
  value: string;
  /** Whose data it is (a key of the scenario's cast, e.g. `R1`). */
  owner: string;
  /** The need it belongs to, once known (the taker of that need may see it). */
  needCode?: string;
  /** An ASCII marker inside free text: found alone, it betrays a truncated or re-worded copy. */
  marker?: string;
}

/** One searchable form of a planted value. */
export interface Needle {
  planted: Planted;
  form: string;
  /** Matches the form (global flag off: the first match is enough). */
  re: RegExp;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Six characters of uppercase letters and digits, unique enough to find anywhere. */
export function marker(): string {
  const abc = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  // Letters only: no run of digits that a phone search or a timestamp could meet.
  return Array.from(randomBytes(6), (b) => abc[b % abc.length]).join('');
}

/** A mobile number 139xxxxxxxx with random digits. */
export const phone = (): string => `139${String(randomInt(10_000_000, 100_000_000))}`;

const SURNAMES = ['欧阳', '司马', '上官', '诸葛', '慕容', '东方', '公孙', '令狐', '皇甫', '尉迟'];
const GIVEN = '瑾璇珩琰璟瑜琮璋翊骞彧昶晏煦曦霁岚澈湛澜';
/** A rare-surname Chinese name with a random given name (four characters). */
export function chineseName(): string {
  const g = [...GIVEN];
  return `${SURNAMES[randomInt(SURNAMES.length)]}${g[randomInt(g.length)]}${g[randomInt(g.length)]}`;
}

/** JSON string escaping with every non-ASCII character as \uXXXX (what ensure_ascii writers produce). */
function asciiJson(s: string): string {
  return JSON.stringify(s)
    .slice(1, -1)
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The forms a value is searched in. A phone also matches with spaces, dashes or dots between
 * its 3-4-4 groups (and so with a +86 in front); the project's masked form (139****5678, see
 * maskPhone) hides the middle digits and is NOT a leak, so only the whole number counts.
 * Free text with an ASCII marker is also found by the marker alone (a truncated or re-worded copy).
 */
export function needlesOf(p: Planted): Needle[] {
  const out: Needle[] = [];
  const add = (form: string, re: RegExp) => out.push({ planted: p, form, re });
  const literal = (form: string, s: string) => {
    if (s.length > 0 && !out.some((n) => n.re.source === escapeRe(s))) add(form, new RegExp(escapeRe(s)));
  };
  if (p.kind === 'phone') {
    const d = p.value;
    add('digits (any separators)', new RegExp(`${d.slice(0, 3)}[\\s.\\-]?${d.slice(3, 7)}[\\s.\\-]?${d.slice(7)}`));
  } else {
    literal('raw', p.value);
    literal('json (ascii)', asciiJson(p.value));
    literal('url-encoded', encodeURIComponent(p.value));
    literal('form-encoded', encodeURIComponent(p.value).replace(/%20/g, '+'));
    literal('json', JSON.stringify(p.value).slice(1, -1));
    if (p.marker) literal('marker', p.marker);
  }
  literal('base64', Buffer.from(p.value, 'utf8').toString('base64'));
  literal('base64url', Buffer.from(p.value, 'utf8').toString('base64url'));
  return out;
}
