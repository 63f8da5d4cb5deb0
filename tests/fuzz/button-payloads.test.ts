// Fuzz: button payloads as a client may press them, against every button the features declare
// (and the dialogue button): random strings and real sealed payloads mutated (a character
// changed, inserted or dropped, cut short, pressed in another chat). Decoding never throws; a
// signed payload is accepted only exactly as it was sealed, in the chat it was sealed for.
import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { flowButton } from '@baiying/conversation';
import { FieldCipher } from '@baiying/crypto';
import * as features from '@baiying/features';
import { buttonRegistry, ButtonCodec, type ButtonDef, type ButtonField } from '@baiying/kernel';
import { FUZZ_RUNS, nastyText, pureRuns, watchRejections } from './fuzz-support.js';

const codec = new ButtonCodec(new FieldCipher(randomBytes(32)));
const chat = { channel: 'telegram', chatId: '-1001234567890' };
const defs = [
  flowButton as ButtonDef<object>,
  ...(Object.values(features) as unknown[]).filter((v): v is ButtonDef<object> => typeof v === 'object' && v !== null && 'tag' in v && 'fields' in v),
];
const registry = buttonRegistry(defs);

/** Values some field kind reads: each field of each button gets those its own `read` accepts. */
const CANDIDATES = [randomUUID(), randomUUID(), 'y', 'n', 'a', 'r', 'o', 'i', '1', '4', '5', '96', 'ab12', '-_Az', 'skip', 'c:elderly', 'td'];
const OPS = (features.CALL_ADMIN_OPS as readonly string[]).slice();
/** Every real payload (each field's first three accepted values), sealed for `chat` as the outbox sends it. */
const REAL: string[] = defs.flatMap((def) => {
  const keys = Object.keys(def.fields);
  const options = keys.map((k) => {
    const f = (def.fields as Record<string, ButtonField<unknown>>)[k]!;
    return [...CANDIDATES, ...OPS].map((c) => f.read(c)).filter((v) => v !== null);
  });
  const payloads = options.reduce<Array<Record<string, unknown>>>(
    (acc, vs, i) => acc.flatMap((p) => vs.slice(0, 3).map((v) => ({ ...p, [keys[i]!]: v }))),
    [{}],
  );
  return payloads.flatMap((p) => {
    const fits = tryEncode(def, p);
    return fits === null ? [] : [codec.seal(fits, chat)];
  });
});

/** Null for a payload no feature sends (a word field given a uuid outgrows the 64 bytes). */
function tryEncode(def: ButtonDef<object>, payload: object): string | null {
  try {
    return codec.encode(def, payload);
  } catch {
    return null;
  }
}

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
