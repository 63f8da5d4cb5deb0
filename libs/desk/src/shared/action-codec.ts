// Button payloads. Actions that change shared state are signed (tamper evidence, logged as
// forgery when wrong); every action is still authorised on the server when it arrives.
import type { FieldCipher } from '@baiying/crypto';
import { MAX_BUTTON_DATA_BYTES } from '@baiying/domain';

export type Action =
  | { kind: 'take'; dispatchId: string }
  | { kind: 'set_off'; claimId: string }
  | { kind: 'done'; claimId: string }
  | { kind: 'release'; claimId: string }
  | { kind: 'hours'; claimId: string; hours: number }
  | { kind: 'confirm'; needId: string; yes: boolean }
  | { kind: 'rate'; needId: string; score: number }
  | { kind: 'cancel'; needId: string }
  | { kind: 'approve'; personId: string; approve: boolean }
  | { kind: 'bind'; teamId: string }
  | { kind: 'flow'; nonce: string; choice: string }
  | { kind: 'call_answer'; callId: string; yes: boolean }
  | { kind: 'call_check'; callId: string; out: boolean }
  | { kind: 'call_admin'; callId: string; op: CallAdminOp }
  | { kind: 'take_direct'; dispatchId: string };

export const CALL_ADMIN_OPS = ['close', 'extend', 'remind', 'cancel', 'roster'] as const;
export type CallAdminOp = (typeof CALL_ADMIN_OPS)[number];

const TAGS = {
  take: 'tk',
  set_off: 'go',
  done: 'dn',
  release: 'rl',
  hours: 'hr',
  confirm: 'cf',
  rate: 'rt',
  cancel: 'cx',
  approve: 'va',
  bind: 'bt',
  flow: 'f',
  call_answer: 'ca',
  call_check: 'ck',
  call_admin: 'cm',
  take_direct: 'td',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type DecodeResult = { ok: true; action: Action } | { ok: false; reason: 'malformed' | 'forged' };

export class ActionCodec {
  constructor(private readonly cipher: FieldCipher) {}

  encode(a: Action): string {
    let body: string;
    switch (a.kind) {
      case 'take':
        body = `${TAGS.take}.${a.dispatchId}`;
        break;
      case 'set_off':
      case 'done':
      case 'release':
        body = `${TAGS[a.kind]}.${a.claimId}`;
        break;
      case 'hours':
        // Quarter hours as an integer: a decimal point would collide with the separator.
        body = `${TAGS.hours}.${a.claimId}.${Math.round(a.hours * 4)}`;
        break;
      case 'confirm':
        body = `${TAGS.confirm}.${a.needId}.${a.yes ? 'y' : 'n'}`;
        break;
      case 'rate':
        body = `${TAGS.rate}.${a.needId}.${a.score}`;
        break;
      case 'cancel':
        body = `${TAGS.cancel}.${a.needId}`;
        break;
      case 'approve':
        body = `${TAGS.approve}.${a.personId}.${a.approve ? 'a' : 'r'}`;
        break;
      case 'bind':
        body = `${TAGS.bind}.${a.teamId}`;
        break;
      case 'call_answer':
        body = `${TAGS.call_answer}.${a.callId}.${a.yes ? 'y' : 'n'}`;
        break;
      case 'call_check':
        body = `${TAGS.call_check}.${a.callId}.${a.out ? 'o' : 'i'}`;
        break;
      case 'call_admin':
        body = `${TAGS.call_admin}.${a.callId}.${a.op}`;
        break;
      case 'take_direct':
        body = `${TAGS.take_direct}.${a.dispatchId}`;
        break;
      case 'flow':
        // Dialogue buttons are checked against the dialogue's nonce instead of a signature.
        return this.checkLength(`${TAGS.flow}.${a.nonce}.${a.choice}`);
    }
    return this.checkLength(`${body}.${this.cipher.sign(body)}`);
  }

  decode(data: string): DecodeResult {
    if (data.length > MAX_BUTTON_DATA_BYTES || !/^[\w.:-]+$/.test(data)) return { ok: false, reason: 'malformed' };
    const parts = data.split('.');
    const tag = parts[0];
    if (tag === TAGS.flow) {
      const [, nonce, ...rest] = parts;
      const choice = rest.join('.');
      return nonce && choice ? { ok: true, action: { kind: 'flow', nonce, choice } } : { ok: false, reason: 'malformed' };
    }
    const sig = parts.pop();
    const body = parts.join('.');
    const [, id, extra] = parts;
    if (!sig || !id || !UUID.test(id)) return { ok: false, reason: 'malformed' };
    if (sig !== this.cipher.sign(body)) return { ok: false, reason: 'forged' };
    switch (tag) {
      case TAGS.take:
        return { ok: true, action: { kind: 'take', dispatchId: id } };
      case TAGS.set_off:
        return { ok: true, action: { kind: 'set_off', claimId: id } };
      case TAGS.done:
        return { ok: true, action: { kind: 'done', claimId: id } };
      case TAGS.release:
        return { ok: true, action: { kind: 'release', claimId: id } };
      case TAGS.hours: {
        const quarters = Number(extra);
        return Number.isInteger(quarters) && quarters > 0 ? { ok: true, action: { kind: 'hours', claimId: id, hours: quarters / 4 } } : { ok: false, reason: 'malformed' };
      }
      case TAGS.confirm:
        return extra === 'y' || extra === 'n' ? { ok: true, action: { kind: 'confirm', needId: id, yes: extra === 'y' } } : { ok: false, reason: 'malformed' };
      case TAGS.rate: {
        const score = Number(extra);
        return Number.isInteger(score) ? { ok: true, action: { kind: 'rate', needId: id, score } } : { ok: false, reason: 'malformed' };
      }
      case TAGS.cancel:
        return { ok: true, action: { kind: 'cancel', needId: id } };
      case TAGS.approve:
        return extra === 'a' || extra === 'r' ? { ok: true, action: { kind: 'approve', personId: id, approve: extra === 'a' } } : { ok: false, reason: 'malformed' };
      case TAGS.bind:
        return { ok: true, action: { kind: 'bind', teamId: id } };
      case TAGS.call_answer:
        return extra === 'y' || extra === 'n' ? { ok: true, action: { kind: 'call_answer', callId: id, yes: extra === 'y' } } : { ok: false, reason: 'malformed' };
      case TAGS.call_check:
        return extra === 'i' || extra === 'o' ? { ok: true, action: { kind: 'call_check', callId: id, out: extra === 'o' } } : { ok: false, reason: 'malformed' };
      case TAGS.call_admin: {
        const op = CALL_ADMIN_OPS.find((o) => o === extra);
        return op ? { ok: true, action: { kind: 'call_admin', callId: id, op } } : { ok: false, reason: 'malformed' };
      }
      case TAGS.take_direct:
        return { ok: true, action: { kind: 'take_direct', dispatchId: id } };
      default:
        return { ok: false, reason: 'malformed' };
    }
  }

  private checkLength(data: string): string {
    if (Buffer.byteLength(data) > MAX_BUTTON_DATA_BYTES) throw new Error(`button payload too long: ${data.length}`);
    return data;
  }
}
