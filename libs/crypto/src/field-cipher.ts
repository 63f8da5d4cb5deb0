// Encryption of sensitive fields at rest (AES-256-GCM), keyed hashing for look-ups and MACs for
// button payloads, under a keyring: the current key encrypts, signs and hashes; previous keys
// still decrypt, verify and look up until `npm run keys:rotate` has rewritten what they protect
// (decision 0012).
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** GCM tag length, pinned both ways: a shorter tag is never accepted (it would be forgeable). */
const TAG_BYTES = 16;
const IV_BYTES = 12;
/** Characters of a key id: 48 bits of a key's fingerprint, enough to tell the keys of a ring apart. */
const KID_CHARS = 8;
/** Characters of a button MAC (60 bits); long enough for a chat-bound, expiring payload. */
export const BUTTON_MAC_CHARS = 10;

/** One key of the ring and the sub-keys derived from it, one per purpose. */
interface RingKey {
  readonly kid: string;
  readonly enc: Buffer;
  readonly lookup: Buffer;
  readonly button: Buffer;
  /** The sub-keys of the single-key era (`v1:` ciphertexts, hashes made before key ids). */
  readonly legacyEnc: Buffer;
  readonly legacyMac: Buffer;
}

/** HKDF-SHA256 with a label per purpose: no sub-key ever doubles as another. */
const derive = (key: Buffer, purpose: string): Buffer => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `baiying/${purpose}`, 32));

/** A key's id: a short public fingerprint, written into every ciphertext it makes. */
export function keyId(key: Buffer): string {
  return derive(key, 'key-id').toString('base64url').slice(0, KID_CHARS);
}

function ringKey(key: Buffer): RingKey {
  if (key.length !== 32) throw new Error('FieldCipher needs 32-byte keys');
  return {
    kid: keyId(key),
    enc: derive(key, 'field-encryption/v2'),
    lookup: derive(key, 'lookup-hash/v2'),
    button: derive(key, 'button-mac/v2'),
    legacyEnc: createHmac('sha256', key).update('enc').digest(),
    legacyMac: createHmac('sha256', key).update('mac').digest(),
  };
}

export class UnknownKeyError extends Error {
  constructor(readonly kid: string) {
    super(`ciphertext under key ${kid}, which is not in the keyring (ENCRYPTION_KEY / ENCRYPTION_KEY_PREVIOUS)`);
  }
}

function gcmOpen(key: Buffer, iv: Buffer, ct: Buffer, tag: Buffer): string {
  if (iv.length !== IV_BYTES) throw new Error('ciphertext: bad IV length');
  if (tag.length !== TAG_BYTES) throw new Error('ciphertext: bad tag length');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

export class FieldCipher {
  private readonly current: RingKey;
  private readonly ring: readonly RingKey[];

  /** `key` encrypts, signs and hashes; `previous` keys only decrypt, verify and look up. */
  constructor(key: Buffer, previous: readonly Buffer[] = []) {
    this.current = ringKey(key);
    const ring = [this.current];
    for (const p of previous.map(ringKey)) if (!ring.some((k) => k.kid === p.kid)) ring.push(p);
    this.ring = ring;
  }

  /** The id of the key new ciphertexts are made under. */
  get currentKeyId(): string {
    return this.current.kid;
  }

  /** `v2:<kid>:<iv>:<ciphertext+tag>`, base64url. */
  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.enc, iv, { authTagLength: TAG_BYTES });
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return ['v2', this.current.kid, iv.toString('base64url'), ct.toString('base64url')].join(':');
  }

  decrypt(token: string): string {
    const parts = token.split(':');
    if (parts[0] === 'v2' && parts.length === 4) {
      const [, kid, iv, body] = parts as [string, string, string, string];
      const key = this.ring.find((k) => k.kid === kid);
      if (!key) throw new UnknownKeyError(kid);
      const raw = Buffer.from(body, 'base64url');
      if (raw.length < TAG_BYTES) throw new Error('ciphertext: bad tag length');
      return gcmOpen(key.enc, Buffer.from(iv, 'base64url'), raw.subarray(0, raw.length - TAG_BYTES), raw.subarray(raw.length - TAG_BYTES));
    }
    if (parts[0] === 'v1' && parts.length === 4) {
      // The single-key format carries no key id: the tag tells which key of the ring made it.
      const [, iv, tag, ct] = parts as [string, string, string, string];
      let failure: unknown = null;
      for (const key of this.ring) {
        try {
          return gcmOpen(key.legacyEnc, Buffer.from(iv, 'base64url'), Buffer.from(ct, 'base64url'), Buffer.from(tag, 'base64url'));
        } catch (err) {
          failure = err;
        }
      }
      throw failure instanceof Error ? failure : new Error('ciphertext: no key of the ring opens it');
    }
    throw new Error('not a v1 or v2 ciphertext');
  }

  /** Whether a ciphertext is made under another key than the current one (rotation rewrites it). */
  isStale(token: string): boolean {
    return !token.startsWith(`v2:${this.current.kid}:`);
  }

  encryptOptional(plain: string | null | undefined): string | null {
    return plain === null || plain === undefined || plain === '' ? null : this.encrypt(plain);
  }

  decryptOptional(token: string | null | undefined): string | null {
    return token ? this.decrypt(token) : null;
  }

  /** Deterministic keyed hash under the current key, e.g. to find a person by phone without storing it in clear. */
  hash(value: string): string {
    return createHmac('sha256', this.current.lookup).update(value).digest('base64url');
  }

  /**
   * Every hash a stored value may have been written with, the current one first: under each key
   * of the ring, and the single-key era's. Look-ups match any; rotation rewrites what it can.
   */
  lookupHashes(value: string): string[] {
    const all = [
      ...this.ring.map((k) => createHmac('sha256', k.lookup).update(value).digest('base64url')),
      ...this.ring.map((k) => createHmac('sha256', k.legacyMac).update(value).digest('base64url')),
    ];
    return [...new Set(all)];
  }

  /** MAC for button payloads under the current key (tamper evidence; authorisation is still checked). */
  sign(value: string): string {
    return this.mac(this.current, value);
  }

  /** Checks a `sign` MAC against every key of the ring, in constant time per key. */
  verifySignature(value: string, signature: string): boolean {
    const given = Buffer.from(signature);
    let ok = false;
    for (const key of this.ring) {
      const expected = Buffer.from(this.mac(key, value));
      // Every key is compared, whatever matched before: no timing hint about which key or how much.
      if (given.length === expected.length && timingSafeEqual(given, expected)) ok = true;
    }
    return ok;
  }

  private mac(key: RingKey, value: string): string {
    return createHmac('sha256', key.button).update(value).digest('base64url').slice(0, BUTTON_MAC_CHARS);
  }
}
