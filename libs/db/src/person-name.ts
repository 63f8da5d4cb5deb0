// A person's profile name is personal data: stored only encrypted (`person.displayNameEnc`,
// FieldCipher) since decision 0027. Rows written before keep a legacy clear copy until
// `npm run keys:rotate` moves it; every read goes through `personName`.
import type { FieldCipher } from '@baiying/crypto';

export interface StoredName {
  displayNameEnc: string | null;
  displayNameClear: string | null;
}

/** The name to show: the encrypted column decrypted, else a legacy clear one, else ''. */
export function personName(cipher: FieldCipher, p: StoredName): string {
  return p.displayNameEnc ? cipher.decrypt(p.displayNameEnc) : (p.displayNameClear ?? '');
}

/** The columns to write a name to (never the clear one). */
export function nameColumns(cipher: FieldCipher, name: string): { displayNameEnc: string; displayNameClear: null } {
  return { displayNameEnc: cipher.encrypt(name), displayNameClear: null };
}

/** Select these to read a name with `personName`. */
export const NAME_SELECT = { displayNameEnc: true, displayNameClear: true } as const;
