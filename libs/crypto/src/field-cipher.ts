// Encryption of sensitive fields at rest (AES-256-GCM) and keyed hashing for look-ups.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 'v1';

export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('FieldCipher needs a 32-byte key');
    // Separate sub-keys so a hash never doubles as a ciphertext oracle.
    this.encKey = createHmac('sha256', key).update('enc').digest();
    this.macKey = createHmac('sha256', key).update('mac').digest();
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join(':');
  }

  decrypt(token: string): string {
    const [version, iv, tag, ct] = token.split(':');
    if (version !== VERSION || !iv || !tag || ct === undefined) throw new Error('not a v1 ciphertext');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  encryptOptional(plain: string | null | undefined): string | null {
    return plain === null || plain === undefined || plain === '' ? null : this.encrypt(plain);
  }

  decryptOptional(token: string | null | undefined): string | null {
    return token ? this.decrypt(token) : null;
  }

  /** Deterministic keyed hash, e.g. to find a person by phone without storing it in clear. */
  hash(value: string): string {
    return createHmac('sha256', this.macKey).update(value).digest('base64url');
  }

  /** Short signature for button payloads (tamper evidence; authorization is still checked). */
  sign(value: string, length = 8): string {
    return createHmac('sha256', this.macKey).update(`btn:${value}`).digest('base64url').slice(0, length);
  }

  /** Checks a `sign` signature in constant time (no timing hint about how much matched). */
  verifySignature(value: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(value, signature.length || 8));
    const given = Buffer.from(signature);
    return signature.length === 8 && given.length === expected.length && timingSafeEqual(given, expected);
  }
}
