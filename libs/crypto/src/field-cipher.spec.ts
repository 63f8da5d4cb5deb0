import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { BUTTON_MAC_CHARS, FieldCipher, keyId, UnknownKeyError } from './field-cipher.js';

/** A ciphertext in the single-key format (`v1:iv:tag:ct`, sub-key HMAC(key, 'enc')), as stored before key ids. */
function v1Token(key: Buffer, plain: string, tagBytes = 16): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', createHmac('sha256', key).update('enc').digest(), iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().subarray(0, tagBytes).toString('base64url'), ct.toString('base64url')].join(':');
}

describe('FieldCipher', () => {
  const key = randomBytes(32);
  const cipher = new FieldCipher(key);

  it('round-trips text, including Chinese', () => {
    const token = cipher.encrypt('幸福小区3号楼2单元501 13812345678');
    expect(token).not.toContain('13812345678');
    expect(cipher.decrypt(token)).toBe('幸福小区3号楼2单元501 13812345678');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('x')).not.toBe(cipher.encrypt('x'));
  });

  it('rejects tampered ciphertext', () => {
    const token = cipher.encrypt('secret');
    const parts = token.split(':');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[3] = ct.toString('base64url');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });

  it('rejects a ciphertext made with another key', () => {
    const other = new FieldCipher(randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt('secret'))).toThrow(UnknownKeyError);
  });

  it('hashes and signs deterministically per key', () => {
    expect(cipher.hash('13812345678')).toBe(cipher.hash('13812345678'));
    expect(cipher.sign('a')).toHaveLength(BUTTON_MAC_CHARS);
    expect(new FieldCipher(randomBytes(32)).sign('a')).not.toBe(cipher.sign('a'));
  });
});

describe('FieldCipher keyring', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const before = new FieldCipher(oldKey);
  const during = new FieldCipher(newKey, [oldKey]);

  it('writes v2:<kid>:<iv>:<ct+tag> under the current key id and reads it back', () => {
    const token = during.encrypt('13812345678');
    const [version, kid, iv, body] = token.split(':');
    expect([version, kid]).toEqual(['v2', keyId(newKey)]);
    expect(during.currentKeyId).toBe(keyId(newKey));
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    // 11 bytes of text + the 16-byte tag.
    expect(Buffer.from(body!, 'base64url')).toHaveLength(11 + 16);
    expect(during.decrypt(token)).toBe('13812345678');
    expect(during.isStale(token)).toBe(false);
  });

  it('still reads the single-key format, under any key of the ring, and calls it stale', () => {
    const old = v1Token(oldKey, '幸福小区3号楼');
    expect(before.decrypt(old)).toBe('幸福小区3号楼');
    expect(during.decrypt(old)).toBe('幸福小区3号楼');
    expect(during.decrypt(v1Token(newKey, 'x'))).toBe('x');
    expect(during.isStale(old)).toBe(true);
    expect(() => new FieldCipher(newKey).decrypt(old)).toThrow();
  });

  it('reads what a previous key wrote, and calls it stale', () => {
    const token = before.encrypt('secret');
    expect(during.decrypt(token)).toBe('secret');
    expect(during.isStale(token)).toBe(true);
    expect(before.isStale(token)).toBe(false);
  });

  it('refuses a key id that is not in the ring, naming it', () => {
    const token = before.encrypt('secret');
    const alone = new FieldCipher(newKey);
    expect(() => alone.decrypt(token)).toThrow(UnknownKeyError);
    expect(() => alone.decrypt(token)).toThrow(`ciphertext under key ${keyId(oldKey)}, which is not in the keyring`);
  });

  it('refuses a shortened GCM tag (a truncated tag would otherwise verify)', () => {
    for (const bytes of [4, 8, 12, 15]) expect(() => before.decrypt(v1Token(oldKey, 'secret', bytes))).toThrow('bad tag length');
    // v2: a body shorter than a tag.
    const [v, kid, iv] = before.encrypt('secret').split(':');
    expect(() => before.decrypt([v, kid, iv, randomBytes(10).toString('base64url')].join(':'))).toThrow('bad tag length');
  });

  it('refuses what is no ciphertext', () => {
    for (const t of ['', 'plain text', 'v3:a:b:c', 'v2:a:b', 'v1:a:b']) expect(() => before.decrypt(t)).toThrow('not a v1 or v2 ciphertext');
  });

  it('looks up under every key of the ring and the single-key derivation, the current first', () => {
    const legacyHash = createHmac('sha256', createHmac('sha256', oldKey).update('mac').digest()).update('13812345678').digest('base64url');
    const hashes = during.lookupHashes('13812345678');
    expect(hashes[0]).toBe(during.hash('13812345678'));
    expect(hashes).toContain(before.hash('13812345678'));
    expect(hashes).toContain(legacyHash);
    expect(new FieldCipher(newKey).lookupHashes('13812345678')).not.toContain(legacyHash);
  });

  it('verifies button MACs made under any key of the ring, and only those', () => {
    expect(during.verifySignature('ab.1', before.sign('ab.1'))).toBe(true);
    expect(during.verifySignature('ab.1', during.sign('ab.1'))).toBe(true);
    expect(before.verifySignature('ab.1', during.sign('ab.1'))).toBe(false);
    expect(during.verifySignature('ab.2', during.sign('ab.1'))).toBe(false);
    expect(during.verifySignature('ab.1', during.sign('ab.1').slice(0, -1))).toBe(false);
    expect(during.verifySignature('ab.1', '')).toBe(false);
  });

  it('derives a distinct sub-key per purpose', () => {
    // The lookup hash and the button MAC of one value never coincide.
    expect(during.hash('x').slice(0, BUTTON_MAC_CHARS)).not.toBe(during.sign('x'));
    expect(keyId(oldKey)).not.toBe(keyId(newKey));
    expect(() => new FieldCipher(randomBytes(16))).toThrow('FieldCipher needs 32-byte keys');
  });
});
