// The button codec on its own: how each field kind is written and read back, what a signed
// payload refuses (and with which reason), the 64-byte limit and the registry's one-tag rule.
// The real buttons of the features are checked in libs/features/buttons.spec.ts (a kernel file
// may not import the features).
import { randomBytes, randomUUID } from 'node:crypto';
import { FieldCipher } from '@baiying/crypto';
import { buttonRegistry, ButtonCodec, defineButton, field, type ButtonDef } from './buttons.js';

const cipher = new FieldCipher(randomBytes(32));
const codec = new ButtonCodec(cipher);

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
const decode = (data: string) => codec.decode(data, registry);
/** A body with a correct signature, whatever the body says (to reach the field checks). */
const signed = (body: string) => `${body}.${cipher.sign(body)}`;

describe('defineButton', () => {
  it('takes 1–3 lower-case letters as a tag and signs by default', () => {
    expect(one).toEqual({ tag: 'one', fields: one.fields, signed: true });
    expect(loose.signed).toBe(false);
    for (const tag of ['', 'abcd', 'Tk', 't1', 't.', 't_']) expect(() => defineButton(tag, {})).toThrow(`button tag ${tag}: 1–3 lower-case letters`);
  });
});

describe('ButtonCodec round trip', () => {
  const id = randomUUID();

  it('writes every field kind as tag.fields.signature and reads it back', () => {
    const payload: Every = { yes: true, n: 42, hours: 1.5, op: 'extend', word: 'a_b-c:9' };
    const data = codec.encode(every, payload);
    const body = 'ev.y.42.6.extend.a_b-c:9';
    expect(data).toBe(`${body}.${cipher.sign(body)}`);
    expect(data.split('.').at(-1)).toHaveLength(8);
    expect(decode(data)).toEqual({ ok: true, def: every, payload });
  });

  it('writes a uuid as it is', () => {
    const data = codec.encode(one, { id });
    expect(data).toBe(`one.${id}.${cipher.sign(`one.${id}`)}`);
    expect(decode(data)).toEqual({ ok: true, def: one, payload: { id } });
  });

  it('round-trips the other side of each field', () => {
    for (const payload of [
      { yes: false, n: 0, hours: 0.25, op: 'close', word: 'x' },
      { yes: true, n: 999_999, hours: 24, op: 'close', word: 'Z9' },
      { yes: false, n: 7, hours: 2.75, op: 'extend', word: '---' },
    ] satisfies Every[]) {
      expect(decode(codec.encode(every, payload))).toEqual({ ok: true, def: every, payload });
    }
    // Quarter hours are written as whole quarters (a decimal point would be a separator).
    expect(codec.encode(every, { yes: false, n: 1, hours: 0.25, op: 'close', word: 'x' })).toContain(`.n.1.1.close.x.`);
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
    // Signed: the signature counts too.
    expect(() => codec.encode(every, { yes: true, n: 1, hours: 1, op: 'close', word: 'w'.repeat(50) })).toThrow('button payload too long: 74');
  });
});

describe('ButtonCodec refusals', () => {
  const id = randomUUID();
  const data = codec.encode(one, { id });
  const sig = data.slice(-8);

  it("calls a changed signature 'forged'", () => {
    const flipped = `${data.slice(0, -1)}${data.endsWith('A') ? 'B' : 'A'}`;
    expect(decode(flipped)).toEqual({ ok: false, reason: 'forged' });
    expect(decode(`${data.slice(0, -8)}${'a'.repeat(8)}`)).toEqual({ ok: false, reason: 'forged' });
    // A signature of another length (a truncated one) is never accepted.
    expect(decode(data.slice(0, -1))).toEqual({ ok: false, reason: 'forged' });
    expect(decode(`${data}a`)).toEqual({ ok: false, reason: 'forged' });
  });

  it("calls a changed body 'forged'", () => {
    expect(decode(data.replace(id, randomUUID()))).toEqual({ ok: false, reason: 'forged' });
    const yes = codec.encode(every, { yes: true, n: 3, hours: 1, op: 'close', word: 'w' });
    expect(decode(yes.replace('.y.', '.n.'))).toEqual({ ok: false, reason: 'forged' });
    expect(decode(yes.replace('.close.', '.extend.'))).toEqual({ ok: false, reason: 'forged' });
    // Signed with another key.
    const other = new ButtonCodec(new FieldCipher(randomBytes(32)));
    expect(decode(other.encode(one, { id }))).toEqual({ ok: false, reason: 'forged' });
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
    expect(codec.decode(data, new Map())).toEqual({ ok: false, reason: 'unknown' });
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

describe('buttonRegistry', () => {
  it('refuses two buttons with one tag and keeps one entry per button', () => {
    const twin = defineButton<{ id: string }>('one', { id: field.uuid() });
    expect(() => buttonRegistry([one, twin] as ButtonDef<object>[])).toThrow('two buttons use the tag one');
    const reg = buttonRegistry([one, every, one] as ButtonDef<object>[]);
    expect([...reg.keys()]).toEqual(['one', 'ev']);
    expect(reg.get('one')).toBe(one);
  });
});
