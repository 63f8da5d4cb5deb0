// Small intake rules shared by every channel: phone validation, beneficiary and urgency codes.

export const BENEFICIARIES = ['elderly', 'child', 'disabled', 'hardship', 'none'] as const;
export type Beneficiary = (typeof BENEFICIARIES)[number];
export const isBeneficiary = (s: string): s is Beneficiary => (BENEFICIARIES as readonly string[]).includes(s);

/**
 * Normalises a typed phone to 11 digits (mainland mobile) or area code + number (landline).
 * Accepts spaces, dashes, full-width digits and a +86 prefix; returns null otherwise.
 */
export function normalizePhone(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  if (!/^[+\d\s\-()（）]+$/.test(t)) return null;
  let d = t.replace(/\D/g, '');
  if (d.length === 13 && d.startsWith('86')) d = d.slice(2);
  if (/^1[3-9]\d{9}$/.test(d)) return d;
  if (/^0\d{9,11}$/.test(d)) return d;
  return null;
}

/** Texts that carry no words: emoji, punctuation, whitespace. */
export function isContentless(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** Cuts text to `max` characters (code points), telling whether it did. */
export function clip(text: string, max: number): { text: string; truncated: boolean } {
  const chars = [...text];
  return chars.length <= max ? { text, truncated: false } : { text: chars.slice(0, max).join(''), truncated: true };
}
