// Fuzz: button payloads as a client may press them, against every button the features declare
// (and the dialogue button): random strings and real sealed payloads mutated (a character
// changed, inserted or dropped, cut short, pressed in another chat). Decoding never throws; a
// signed payload is accepted only exactly as it was sealed, in the chat it was sealed for.
import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { FieldCipher } from '@baiying/crypto';
import { buttonRegistry, ButtonCodec } from '@baiying/kernel';
import { BUTTON_DEFS, fieldValues, FUZZ_RUNS, nastyText, pureRuns, tryEncode, watchRejections } from './fuzz-support.js';

const codec = new ButtonCodec(new FieldCipher(randomBytes(32)));
const chat = { channel: 'telegram', chatId: '-1001234567890' };
const defs = BUTTON_DEFS;
const registry = buttonRegistry(defs);

/** Every real payload (each field's first three accepted values), sealed for `chat` as the outbox sends it. */
const REAL: string[] = defs.flatMap((def) => {
  const payloads = fieldValues(def, [randomUUID(), randomUUID()]).reduce<Array<Record<string, unknown>>>(
    (acc, [key, vs]) => acc.flatMap((p) => vs.slice(0, 3).map((v) => ({ ...p, [key]: v }))),
    [{}],
  );
  return payloads.flatMap((p) => {
    const fits = tryEncode(codec, def, p);
    return fits === null ? [] : [codec.seal(fits, chat)];
  });
});

const mutated = fc.constantFrom(...REAL).chain((data) =>
  fc.oneof(
    fc
      .record({ at: fc.nat(data.length - 1), c: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-.:~'.split('')) })
      .map(({ at, c }) => ({ data, pressed: data.slice(0, at) + c + data.slice(at + 1), chat })),
    fc.record({ at: fc.nat(data.length), s: nastyText(4) }).map(({ at, s }) => ({ data, pressed: data.slice(0, at) + s + data.slice(at), chat })),
    fc.nat(data.length - 1).map((at) => ({ data, pressed: data.slice(0, at) + data.slice(at + 1), chat })),
    fc.constantFrom(chat.chatId, '-1001234567891', '1234567890', '').map((chatId) => ({ data, pressed: data, chat: { ...chat, chatId } })),
    fc.constantFrom('wechat', 'web').map((channel) => ({ data, pressed: data, chat: { ...chat, channel } })),
  ),
);

describe(`fuzz: button payload decoding (${FUZZ_RUNS} payloads each)`, () => {
  it('reads back every real payload it sealed', () => {
    expect(new Set(REAL.map((d) => d.split('.')[0]))).toEqual(new Set(defs.map((d) => d.tag)));
    for (const data of REAL) expect(codec.decode(data, registry, chat).ok).toBe(true);
  });

  it('never throws on random data; only unsigned (dialogue) payloads can decode', () => {
    const rejections = watchRejections();
    fc.assert(
      fc.property(fc.oneof(nastyText(100), fc.stringMatching(/^[a-z]{1,3}(\.[\w:~-]{0,40}){0,6}$/)), (data) => {
        const r = codec.decode(data, registry, chat);
        if (r.ok) expect(r.def.signed).toBe(false);
      }),
      pureRuns(),
    );
    expect(rejections.stop()).toEqual([]);
  });

  it('refuses a mutated or moved signed payload (never throws)', () => {
    fc.assert(
      fc.property(mutated, ({ data, pressed, chat: at }) => {
        const r = codec.decode(pressed, registry, at);
        if (r.ok && r.def.signed) {
          expect(pressed).toBe(data);
          expect(at).toEqual(chat);
        }
      }),
      pureRuns(),
    );
  });
});
