// Shared by the fuzz specs: how many inputs each pure edge gets (FUZZ_RUNS: 20,000 in CI,
// 100,000 in `npm run fuzz`) and each end-to-end slice (FUZZ_E2E_RUNS: 500; 2,000), the
// arbitraries of hostile input, and a watch on promise rejections nobody handled.
import fc from 'fast-check';
import { flowButton } from '@baiying/conversation';
import * as features from '@baiying/features';
import type { ButtonCodec, ButtonDef, ButtonField } from '@baiying/kernel';

/** Generated inputs per pure edge. */
export const FUZZ_RUNS = positive(process.env.FUZZ_RUNS, 20_000);
/** Generated inputs per end-to-end slice (through the database): far fewer, each is a transaction. */
export const FUZZ_E2E_RUNS = positive(process.env.FUZZ_E2E_RUNS, 500);
/** Time for one end-to-end slice: a few milliseconds per input, on a busy machine tens. */
export const E2E_TIMEOUT_MS = 10 * 60_000;

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** fast-check's options for a pure edge; a failure prints its seed and path to replay it. */
export const pureRuns = (): fc.Parameters<unknown> => ({ numRuns: FUZZ_RUNS });

/** Characters that break things: NUL and controls, lone surrogates, bidi overrides, zero-width, line breaks, emoji, CJK. */
const NASTY = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\t',
  '\r',
  '\n',
  '\u0085',
  '\u2028',
  '\u2029',
  '\uD800',
  '\uDFFF',
  '\u202E',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u2066',
  '😀',
  '👨‍👩‍👧',
  '百应',
  '１',
  '/',
  '@',
  '.',
  ':',
  ' ',
  '%',
  '\\',
  '"',
  "'",
  '<script>',
  '${',
  'N-',
  'M-',
];

/** Any text, weighted towards the characters and shapes that have broken parsers before. */
export const nastyText = (maxLength = 200): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength, unit: 'binary' }),
    fc.string({ maxLength, unit: 'grapheme' }),
    fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 4 })), { maxLength: Math.max(1, Math.floor(maxLength / 4)) }).map((a) => a.join('')),
    fc.constantFrom(
      '',
      ' ',
      '1',
      '２',
      ' 3 ',
      '99',
      '/help',
      '/start',
      '/my',
      '/call',
      '/help@baiying_bot',
      '接单 N-0001',
      '完成 N-0001 2小时',
      '评价 N-0001 5',
    ),
  );

/** Collects the unhandled promise rejections while a spec runs; `stop` returns them. */
export function watchRejections(): { stop(): unknown[] } {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', onRejection);
  return {
    stop() {
      process.off('unhandledRejection', onRejection);
      return seen;
    },
  };
}

/** Every button the features declare, and the dialogue button of the engine. */
export const BUTTON_DEFS: ButtonDef<object>[] = [
  flowButton as ButtonDef<object>,
  ...(Object.values(features) as unknown[]).filter((v): v is ButtonDef<object> => typeof v === 'object' && v !== null && 'tag' in v && 'fields' in v),
];

/** Values some field kind reads (besides uuids); each field takes those its own `read` accepts. */
const FIELD_CANDIDATES = ['y', 'n', 'a', 'r', 'o', 'i', '1', '4', '5', '96', 'ab12', '-_Az', 'skip', 'c:elderly', 'td', ...features.CALL_ADMIN_OPS, 'zh', 'en'];

/** Per field of `def`, the values it accepts among the candidates and `uuids`. */
export function fieldValues(def: ButtonDef<object>, uuids: string[]): Array<[string, unknown[]]> {
  return Object.entries(def.fields as Record<string, ButtonField<unknown>>).map(([key, f]) => [
    key,
    [...uuids, ...FIELD_CANDIDATES].map((c) => f.read(c)).filter((v) => v !== null),
  ]);
}

/** The payload encoded, or null when it would not fit (a word field given a uuid outgrows 64 bytes). */
export function tryEncode(codec: ButtonCodec, def: ButtonDef<object>, payload: object): string | null {
  try {
    return codec.encode(def, payload);
  } catch {
    return null;
  }
}

// --- the web chat's event body ------------------------------------------------------------

const idLike = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), nastyText(70));
const coordinate = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(90, -90, 180, -180, 90.0000001, Number.NaN, Infinity), fc.string({ maxLength: 5 }));
/** A body near the schema: each field present or not, well-formed or not; plus extra keys. */
export const webBody = fc.record(
  {
    clientMsgId: idLike,
    text: fc.oneof(nastyText(300), fc.constant('x'.repeat(20_001)), fc.integer()),
    callbackData: fc.oneof(nastyText(300), fc.stringMatching(/^[\w.:-]{1,80}$/)),
    location: fc.oneof(fc.record({ lat: coordinate, lng: coordinate }), fc.record({ lat: coordinate, lng: coordinate, alt: fc.integer() }), fc.anything()),
    personaId: idLike,
    chatId: idLike,
    displayName: nastyText(80),
    __proto__: fc.anything(),
    constructor: fc.anything(),
  },
  { requiredKeys: [] },
);

// --- the calls API's body ------------------------------------------------------------------

const iso = fc.oneof(
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-12-02T09:00:00+08:00', '2026-02-30T00:00:00Z', '2026-12-02T24:00:00Z', '2026-12-02T09:00:00+99:00', '2026-12-02', 'tomorrow', ''),
  nastyText(30),
);
const num = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1, 10, 50_000, 100_000, 100_001), fc.string({ maxLength: 4 }));
const words = fc.array(fc.oneof(nastyText(40), fc.integer()), { maxLength: 25 });
/** Mostly the valid value, sometimes anything the generator makes. */
const usually = <T, U>(valid: fc.Arbitrary<T>, weird: fc.Arbitrary<U>): fc.Arbitrary<T | U> =>
  fc.oneof({ arbitrary: valid as fc.Arbitrary<T | U>, weight: 4 }, { arbitrary: weird as fc.Arbitrary<T | U>, weight: 1 });
const HOUR_MS = 3_600_000;
/** A start within two months and an end up to three days later (a call's own rules), or anything. */
const window = usually(
  fc.tuple(fc.integer({ min: 2, max: 24 * 60 }), fc.integer({ min: 1, max: 72 })).map(([inHours, hours]) => {
    const start = Date.now() + inHours * HOUR_MS;
    return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + hours * HOUR_MS).toISOString() };
  }),
  fc.record({ startsAt: iso, endsAt: iso }, { requiredKeys: [] }),
);
const fields = fc.record(
  {
    title: usually(fc.string({ minLength: 1, maxLength: 60 }), fc.oneof(nastyText(80), fc.integer())),
    description: usually(fc.string({ maxLength: 100 }), nastyText(1100)),
    place: usually(fc.string({ minLength: 1, maxLength: 200 }), nastyText(220)),
    site: usually(fc.constant(null), fc.oneof(fc.record({ lat: num, lng: num }), fc.anything())),
    radiusM: usually(fc.integer({ min: 10, max: 50_000 }), num),
    headcount: usually(fc.integer({ min: 1, max: 100_000 }), num),
    skills: usually(fc.array(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 20 }), words),
    answerBy: usually(fc.constant(null), iso),
    audience: usually(
      fc.record(
        {
          everyone: usually(fc.constant(true), fc.boolean()),
          // Mostly none: random names rarely name a team or unit, and a near-valid body should often be valid.
          teams: usually(fc.constant([]), fc.array(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 5 })),
          units: usually(
            fc.constant([]),
            fc.array(fc.record({ code: fc.string({ minLength: 1, maxLength: 40 }), subtree: fc.boolean() }, { requiredKeys: ['code'] }), { maxLength: 5 }),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.oneof(
        fc.record({ everyone: fc.anything(), teams: words, units: fc.anything(), skills: words, extra: fc.anything() }, { requiredKeys: [] }),
        fc.anything(),
      ),
    ),
  },
  { requiredKeys: ['title', 'place', 'headcount', 'audience'] },
);
const nearValid = fc.tuple(fields, window).map(([f, w]) => ({ ...f, ...w }));
/** A calls API body (preview, create): mostly near-valid, sometimes with an unknown key, sometimes anything. */
export const callsBody = fc.oneof(
  { arbitrary: nearValid, weight: 4 },
  { arbitrary: fc.tuple(nearValid, fc.anything()).map(([b, x]) => ({ ...b, unknownKey: x })), weight: 1 },
  { arbitrary: fc.anything(), weight: 1 },
);
