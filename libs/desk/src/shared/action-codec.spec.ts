import { randomBytes, randomUUID } from 'node:crypto';
import { FieldCipher } from '@baiying/crypto';
import { ActionCodec, type Action } from './action-codec.js';

describe('ActionCodec', () => {
  const codec = new ActionCodec(new FieldCipher(randomBytes(32)));
  const id = randomUUID();

  it('round-trips every action within 64 bytes', () => {
    const actions: Action[] = [
      { kind: 'take', dispatchId: id },
      { kind: 'set_off', claimId: id },
      { kind: 'done', claimId: id },
      { kind: 'release', claimId: id },
      { kind: 'hours', claimId: id, hours: 1.5 },
      { kind: 'confirm', needId: id, yes: true },
      { kind: 'confirm', needId: id, yes: false },
      { kind: 'rate', needId: id, score: 5 },
      { kind: 'cancel', needId: id },
      { kind: 'approve', personId: id, approve: false },
      { kind: 'call_answer', callId: id, yes: true },
      { kind: 'call_answer', callId: id, yes: false },
      { kind: 'call_check', callId: id, out: true },
      { kind: 'call_admin', callId: id, op: 'cancel' },
      { kind: 'take_direct', dispatchId: id },
      { kind: 'bind', teamId: id },
      { kind: 'flow', nonce: 'ab12', choice: 'c:elderly' },
    ];
    for (const a of actions) {
      const data = codec.encode(a);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(codec.decode(data)).toEqual({ ok: true, action: a });
    }
  });

  it('flags a payload whose id was swapped as forged', () => {
    const data = codec.encode({ kind: 'take', dispatchId: id });
    const swapped = data.replace(id, randomUUID());
    expect(codec.decode(swapped)).toEqual({ ok: false, reason: 'forged' });
  });

  it('flags a payload signed with another key as forged', () => {
    const other = new ActionCodec(new FieldCipher(randomBytes(32)));
    expect(codec.decode(other.encode({ kind: 'rate', needId: id, score: 5 }))).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses malformed payloads', () => {
    for (const bad of ['', 'tk', 'tk.not-a-uuid.abcdefgh', 'zz.' + id + '.abcdefgh', 'x'.repeat(65), 'tk.<script>', 'f..', 'cf.' + id + '.q.sig']) {
      expect(codec.decode(bad).ok).toBe(false);
    }
  });
});
