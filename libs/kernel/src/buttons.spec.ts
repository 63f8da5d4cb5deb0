// The button codec on its own: how each field kind is written and read back, what a signed
// payload refuses (and with which reason), the 64-byte limit and the registry's one-tag rule.
// The real buttons of the features are checked in libs/features/buttons.spec.ts (a kernel file
// may not import the features).
import { randomBytes, randomUUID } from 'node:crypto';
import { FieldCipher } from '@baiying/crypto';
import { BUTTON_TTL_HOURS, buttonRegistry, ButtonCodec, defineButton, field, type ButtonDef } from './buttons.js';

const cipher = new FieldCipher(randomBytes(32));
/** The codec's clock, moved by the expiry tests. */
let now = new Date('2026-12-01T08:00:00Z');
const codec = new ButtonCodec(cipher, () => now);
const chat = { channel: 'telegram', chatId: '-1001234' };

const OPS = ['close', 'extend'] as const;
type Every = { yes: boolean; n: number; hours: number; op: (typeof OPS)[number]; word: string };
/** One signed button with every field kind but the uuid (with it, the payload would not fit). */
const every = defineButton<Every>('ev', {
  yes: field.flag('y', 'n'),
  n: field.int(),
  hours: field.quarterHours(),
  op: field.oneOf(OPS),
  word: field.word(),
});
const one = defineButton<{ id: string }>('one', { id: field.uuid() });
/** A uuid, like most real buttons; and the same shape under another tag. */
const two = defineButton<{ id: string }>('two', { id: field.uuid() });
/** Unsigned, like the dialogue buttons: the last word may contain dots. */
const loose = defineButton<{ nonce: string; choice: string }>('u', { nonce: field.word(), choice: field.word() }, { signed: false });

const registry = buttonRegistry([every, one, two, loose] as ButtonDef<object>[]);
const decode = (data: string, at = chat) => codec.decode(data, registry, at);
/** Encoded and sealed for `at`, as the outbox sends it. */
const sent = <P extends object>(def: ButtonDef<P>, payload: P, at = chat) => codec.seal(codec.encode(def, payload), at);
/** A body with a correct seal, whatever the body says (to reach the field checks). */
const signed = (body: string) => codec.seal(`${body}.~`, chat);
/** `.expiry.mac`: 4 base36 characters, then 10 base64url. */
const SEAL = /\.[0-9a-z]{4}\.[\w-]{10}$/;

describe('defineButton', () => {
  it('takes 1–3 lower-case letters as a tag and signs by default', () => {
    expect(one).toEqual({ tag: 'one', fields: one.fields, signed: true });
    expect(loose.signed).toBe(false);
    for (const tag of ['', 'abcd', 'Tk', 't1', 't.', 't_']) expect(() => defineButton(tag, {})).toThrow(`button tag ${tag}: 1–3 lower-case letters`);
  });
});

describe('ButtonCodec round trip', () => {
  const id = randomUUID();

  it('writes every field kind as tag.fields, sealed for its chat as .expiry.mac, and reads it back', () => {
    const payload: Every = { yes: true, n: 42, hours: 1.5, op: 'extend', word: 'a_b-c:9' };
    const body = 'ev.y.42.6.extend.a_b-c:9';
    // Not valid until sealed: the outbox seals it for the chat it goes to.
    expect(codec.encode(every, payload)).toBe(`${body}.~`);
    expect(decode(codec.encode(every, payload))).toEqual({ ok: false, reason: 'malformed' });
    const data = sent(every, payload);
    expect(data.startsWith(`${body}.`)).toBe(true);
    expect(data).toMatch(SEAL);
    expect(decode(data)).toEqual({ ok: true, def: every, payload });
  });

  it('writes a uuid as it is', () => {
    const data = sent(one, { id });
    expect(data.startsWith(`one.${id}.`)).toBe(true);
    expect(decode(data)).toEqual({ ok: true, def: one, payload: { id } });
  });

  it('leaves unsigned payloads alone when sealing', () => {
    expect(codec.seal('u.ab12.skip', chat)).toBe('u.ab12.skip');
  });

  it('round-trips the other side of each field', () => {
    for (const payload of [
      { yes: false, n: 0, hours: 0.25, op: 'close', word: 'x' },
      { yes: true, n: 999_999, hours: 24, op: 'close', word: 'Z9' },
      { yes: false, n: 7, hours: 2.75, op: 'extend', word: '---' },
    ] satisfies Every[]) {
      expect(decode(sent(every, payload))).toEqual({ ok: true, def: every, payload });
    }
    // Quarter hours are written as whole quarters (a decimal point would be a separator).
    expect(sent(every, { yes: false, n: 1, hours: 0.25, op: 'close', word: 'x' })).toContain(`.n.1.1.close.x.`);
  });

  it('lets the last field of an unsigned payload contain dots', () => {
    const data = codec.encode(loose, { nonce: 'ab-_', choice: 'c:elderly.x.y' });
    expect(data).toBe('u.ab-_.c:elderly.x.y');
    expect(decode(data)).toEqual({ ok: true, def: loose, payload: { nonce: 'ab-_', choice: 'c:elderly.x.y' } });
    expect(decode('u.ab12.s:1')).toEqual({ ok: true, def: loose, payload: { nonce: 'ab12', choice: 's:1' } });
    // Too few fields is still malformed.
    expect(decode('u.ab12')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('accepts exactly 64 bytes and refuses 65, both ways', () => {
    const at64 = { nonce: 'n', choice: 'c'.repeat(64 - 'u.n.'.length) };
    const data = codec.encode(loose, at64);
    expect(Buffer.byteLength(data)).toBe(64);
    expect(decode(data)).toEqual({ ok: true, def: loose, payload: at64 });
    expect(decode(`${data}c`)).toEqual({ ok: false, reason: 'malformed' });
    expect(() => codec.encode(loose, { ...at64, choice: `${at64.choice}c` })).toThrow('button payload too long: 65');
    // Signed: the expiry and MAC the outbox adds count too (16 bytes), checked when encoding.
    const sealed64 = sent(every, { yes: true, n: 1, hours: 1, op: 'close', word: 'w'.repeat(33) });
    expect(Buffer.byteLength(sealed64)).toBe(64);
    expect(decode(sealed64).ok).toBe(true);
    expect(() => codec.encode(every, { yes: true, n: 1, hours: 1, op: 'close', word: 'w'.repeat(34) })).toThrow('button payload too long: 65');
    expect(() => codec.encode(every, { yes: true, n: 1, hours: 1, op: 'close', word: 'w'.repeat(50) })).toThrow('button payload too long: 81');
  });
});

describe('ButtonCodec refusals', () => {
  const id = randomUUID();
  const data = sent(one, { id });
  const sig = data.slice(-10);

  it("calls a changed signature 'forged'", () => {
    const flipped = `${data.slice(0, -1)}${data.endsWith('A') ? 'B' : 'A'}`;
    expect(decode(flipped)).toEqual({ ok: false, reason: 'forged' });
    expect(decode(`${data.slice(0, -10)}${'a'.repeat(10)}`)).toEqual({ ok: false, reason: 'forged' });
    // A signature of another length (a truncated one) is never accepted.
    expect(decode(data.slice(0, -1))).toEqual({ ok: false, reason: 'forged' });
    expect(decode(`${data}a`)).toEqual({ ok: false, reason: 'forged' });
  });

  it("calls a changed body 'forged'", () => {
    expect(decode(data.replace(id, randomUUID()))).toEqual({ ok: false, reason: 'forged' });
    const yes = sent(every, { yes: true, n: 3, hours: 1, op: 'close', word: 'w' });
    expect(decode(yes.replace('.y.', '.n.'))).toEqual({ ok: false, reason: 'forged' });
    expect(decode(yes.replace('.close.', '.extend.'))).toEqual({ ok: false, reason: 'forged' });
    // Signed with another key.
    const other = new ButtonCodec(new FieldCipher(randomBytes(32)));
    expect(decode(other.seal(other.encode(one, { id }), chat))).toEqual({ ok: false, reason: 'forged' });
    // The tag is part of what is signed: the same fields under another tag are forged.
    expect(decode(`two${data.slice(3)}`)).toEqual({ ok: false, reason: 'forged' });
  });

  it("calls a wrong field count 'malformed' before checking the signature", () => {
    expect(decode(`one.${id}`)).toEqual({ ok: false, reason: 'malformed' });
    expect(decode(`one.${id}.`)).toEqual({ ok: false, reason: 'malformed' });
    expect(decode(`one.${sig}`)).toEqual({ ok: false, reason: 'malformed' });
    expect(decode(signed(`one.${id}.extra`))).toEqual({ ok: false, reason: 'malformed' });
    expect(decode(signed('ev.y.1.4.close'))).toEqual({ ok: false, reason: 'malformed' });
  });

  it("calls a correctly signed field that does not read back 'malformed'", () => {
    for (const body of [
      'one.not-a-uuid',
      `one.${id.toUpperCase()}`,
      `one.${id.slice(0, -1)}`,
      'ev.x.1.4.close.w', // flag
      'ev.y.1a.4.close.w', // int
      'ev.y.1234567.4.close.w', // int, over six digits
      'ev.y.1.0.close.w', // no hours
      'ev.y.1.12345.close.w', // hours, over four digits
      'ev.y.1.4.open.w', // oneOf
    ]) {
      expect({ body, r: decode(signed(body)) }).toEqual({ body, r: { ok: false, reason: 'malformed' } });
    }
  });

  it("calls an unknown tag 'unknown'", () => {
    expect(decode(`zz.${id}.${sig}`)).toEqual({ ok: false, reason: 'unknown' });
    expect(decode(`.${id}.${sig}`)).toEqual({ ok: false, reason: 'unknown' });
    expect(codec.decode(data, new Map(), chat)).toEqual({ ok: false, reason: 'unknown' });
  });

  it("calls anything over 64 bytes or outside [\\w.:-] 'malformed'", () => {
    for (const bad of [
      '',
      'x'.repeat(65),
      `${data}${'a'.repeat(65 - data.length)}`,
      'one.<script>',
      `one.${id} .${sig}`,
      'u.ab12.c/d',
      'u.ab12.选择',
      'u.ab12.c\n',
      'u.ab12.%41',
    ]) {
      expect({ bad, r: decode(bad) }).toEqual({ bad, r: { ok: false, reason: 'malformed' } });
    }
  });
});

describe('ButtonCodec chat binding and expiry', () => {
  const id = randomUUID();
  afterEach(() => {
    now = new Date('2026-12-01T08:00:00Z');
  });

  it("calls a payload replayed in another chat, or another channel's chat of that id, 'forged'", () => {
    const data = sent(one, { id });
    expect(decode(data)).toEqual({ ok: true, def: one, payload: { id } });
    expect(decode(data, { channel: 'telegram', chatId: '-1009999' })).toEqual({ ok: false, reason: 'forged' });
    expect(decode(data, { channel: 'web', chatId: chat.chatId })).toEqual({ ok: false, reason: 'forged' });
    // The chat id is not a prefix game: '-100123' + '4' is another chat.
    expect(decode(sent(one, { id }, { channel: 'telegram', chatId: '-100123' }), chat)).toEqual({ ok: false, reason: 'forged' });
  });

  it(`works for ${BUTTON_TTL_HOURS} hours after it was sealed, then answers 'expired'`, () => {
    const data = sent(one, { id });
    now = new Date(now.getTime() + (BUTTON_TTL_HOURS - 1) * 3_600_000);
    expect(decode(data)).toEqual({ ok: true, def: one, payload: { id } });
    now = new Date(now.getTime() + 3_600_000);
    expect(decode(data)).toEqual({ ok: false, reason: 'expired' });
  });

  it("calls a pushed-back expiry 'forged' (the expiry is under the MAC)", () => {
    const data = sent(one, { id });
    const parts = data.split('.');
    parts[2] = (parseInt(parts[2]!, 36) + 1000).toString(36);
    expect(decode(parts.join('.'))).toEqual({ ok: false, reason: 'forged' });
    parts[2] = 'ZZ';
    expect(decode(parts.join('.'))).toEqual({ ok: false, reason: 'malformed' });
  });

  it("calls a button of the unbound format (one 8-character signature) 'expired'", () => {
    expect(decode(`one.${id}.abcdefgh`)).toEqual({ ok: false, reason: 'expired' });
  });

  it('keeps a button sealed under a former key working while that key is in the ring', () => {
    const oldKey = randomBytes(32);
    const old = new ButtonCodec(new FieldCipher(oldKey), () => now);
    const ring = new ButtonCodec(new FieldCipher(randomBytes(32), [oldKey]), () => now);
    const data = old.seal(old.encode(one, { id }), chat);
    expect(ring.decode(data, registry, chat)).toEqual({ ok: true, def: one, payload: { id } });
  });
});

describe('buttonRegistry', () => {
  it('refuses two buttons with one tag and keeps one entry per button', () => {
    const twin = defineButton<{ id: string }>('one', { id: field.uuid() });
    expect(() => buttonRegistry([one, twin] as ButtonDef<object>[])).toThrow('two buttons use the tag one');
    const reg = buttonRegistry([one, every, one] as ButtonDef<object>[]);
    expect([...reg.keys()]).toEqual(['one', 'ev']);
    expect(reg.get('one')).toBe(one);
  });
});
