import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher.js';

describe('FieldCipher', () => {
  const cipher = new FieldCipher(randomBytes(32));

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
    expect(() => other.decrypt(cipher.encrypt('secret'))).toThrow();
  });

  it('hashes and signs deterministically per key', () => {
    expect(cipher.hash('13812345678')).toBe(cipher.hash('13812345678'));
    expect(cipher.sign('a')).toHaveLength(8);
    expect(new FieldCipher(randomBytes(32)).sign('a')).not.toBe(cipher.sign('a'));
  });
});
