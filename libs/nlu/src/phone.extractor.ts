import { toHalfWidth } from './text.util.js';

export interface PhoneMatch {
  /** Mobiles: 11 digits (13812345678). Landlines: area code + number, digits only (051087654321). */
  value: string;
  kind: 'mobile' | 'landline';
  /** Span in the original text, country prefix included. */
  start: number;
  end: number;
}

interface DigitGroup {
  digits: string;
  plus: boolean;
  start: number;
  end: number;
}

const MOBILE = /^1[3-9]\d{9}$/;
// Beijing and the 02x cities have 3-digit area codes and 8-digit numbers; everyone else has
// a 4-digit area code and a 7- or 8-digit number. Local numbers never start with 0 or 1, which
// keeps invoice and order numbers that happen to start with 0 out.
const LANDLINE = /^(?:0(?:10|2\d)[2-9]\d{7}|0[3-9]\d{2}[2-9]\d{6,7})$/;
// What residents put between the digits of one number: "138 1234 5678", "0510-8765 4321",
// "(0510)87654321", "138.1234.5678". Anything else (号, 室, letters, a comma) ends the number.
const SEPARATOR = /^[ \t\-–—.·()/]{1,3}$/;
// A phone is never longer than 0086 + 12 digits; longer joined runs are ids or card numbers.
const MAX_DIGITS = 16;

function digitGroups(text: string): DigitGroup[] {
  const groups: DigitGroup[] = [];
  for (const m of text.matchAll(/\+?\d+/g)) {
    const start = m.index;
    const plus = m[0].startsWith('+');
    groups.push({ digits: plus ? m[0].slice(1) : m[0], plus, start, end: start + m[0].length });
  }
  return groups;
}

/** Splits digit groups into runs that a resident could have meant as one number. */
function chunks(text: string, groups: DigitGroup[]): DigitGroup[][] {
  const out: DigitGroup[][] = [];
  let current: DigitGroup[] = [];
  for (const g of groups) {
    const prev = current[current.length - 1];
    if (prev && !g.plus && SEPARATOR.test(text.slice(prev.end, g.start))) current.push(g);
    else {
      if (current.length > 0) out.push(current);
      current = [g];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

function classify(digits: string, hasPlus: boolean): { value: string; kind: PhoneMatch['kind'] } | null {
  let national = digits;
  if (hasPlus) {
    if (!digits.startsWith('86')) return null;
    national = digits.slice(2);
  } else if (digits.startsWith('0086')) national = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) national = digits.slice(2);
  if (MOBILE.test(national)) return { value: national, kind: 'mobile' };
  // A country code is written without the landline's trunk 0: +86 510 8765 4321.
  if ((hasPlus || national !== digits) && LANDLINE.test('0' + national)) return { value: '0' + national, kind: 'landline' };
  if (LANDLINE.test(national)) return { value: national, kind: 'landline' };
  return null;
}

/**
 * Finds Chinese phone numbers: mobiles (with +86/0086/86 prefixes, spaces, dashes, dots and
 * full-width digits) and landlines with an area code. A number must use whole digit groups:
 * "138123456789" (12 digits) is not a phone, and neither is a part of an ID or card number.
 * Groups next to each other are tried from the left, so a room number written just before a
 * phone ("1302 13861234567") stays out of it.
 */
export function findPhones(text: string): PhoneMatch[] {
  const normal = toHalfWidth(text);
  const found: PhoneMatch[] = [];
  for (const chunk of chunks(normal, digitGroups(normal))) {
    let i = 0;
    while (i < chunk.length) {
      let matched = false;
      let digits = '';
      for (let j = i; j < chunk.length; j++) {
        const g = chunk[j]!;
        digits += g.digits;
        if (digits.length > MAX_DIGITS) break;
        const hit = classify(digits, chunk[i]!.plus);
        if (hit) {
          found.push({ ...hit, start: chunk[i]!.start, end: g.end });
          i = j + 1;
          matched = true;
          break;
        }
      }
      if (!matched) i++;
    }
  }
  return found;
}

/** Distinct phone numbers in order of appearance. */
export function extractPhones(text: string): string[] {
  return [...new Set(findPhones(text).map((p) => p.value))];
}
