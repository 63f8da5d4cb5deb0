// Fuzz: the calls API's preview/create body (apps/bot calls.controller), random and near-valid:
// it becomes a draft or a 400 naming the wrong fields, never another error (a 500); a draft's
// dates are real dates (the use case then applies the call's rules).
import { BadRequestException } from '@nestjs/common';
import fc from 'fast-check';
import { toDraft } from '../../apps/bot/src/api/calls.controller.js';
import { FUZZ_RUNS, nastyText, pureRuns } from './fuzz-support.js';

const now = new Date('2026-12-01T08:00:00Z');

const iso = fc.oneof(
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-12-02T09:00:00+08:00', '2026-02-30T00:00:00Z', '2026-12-02T24:00:00Z', '2026-12-02T09:00:00+99:00', '2026-12-02', 'tomorrow', ''),
  nastyText(30),
);
const num = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1, 10, 50_000, 100_000, 100_001), fc.string({ maxLength: 4 }));
const words = fc.array(fc.oneof(nastyText(40), fc.integer()), { maxLength: 25 });
/** Mostly the valid value, sometimes anything the generator makes. */
const usually = <T>(valid: fc.Arbitrary<T>, weird: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: weird, weight: 1 });
const validIso = fc.date({ min: now, max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const nearValid = fc.record(
  {
    title: usually(fc.string({ minLength: 1, maxLength: 60 }), fc.oneof(nastyText(80), fc.integer())),
    description: usually(fc.string({ maxLength: 100 }), nastyText(1100)),
    place: usually(fc.string({ minLength: 1, maxLength: 200 }), nastyText(220)),
    site: usually(fc.constant(null), fc.oneof(fc.record({ lat: num, lng: num }), fc.anything())),
    radiusM: usually(fc.integer({ min: 10, max: 50_000 }), num),
    startsAt: usually(validIso, iso),
    endsAt: usually(validIso, iso),
    headcount: usually(fc.integer({ min: 1, max: 100_000 }), num),
    skills: usually(fc.array(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 20 }), words),
    answerBy: usually(fc.constant(null), iso),
    audience: usually(
      fc.record(
        {
          everyone: fc.boolean(),
          teams: fc.array(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 5 }),
          units: fc.array(fc.record({ code: fc.string({ minLength: 1, maxLength: 40 }), subtree: fc.boolean() }, { requiredKeys: ['code'] }), { maxLength: 5 }),
        },
        { requiredKeys: [] },
      ),
      fc.oneof(
        fc.record({ everyone: fc.anything(), teams: words, units: fc.anything(), skills: words, extra: fc.anything() }, { requiredKeys: [] }),
        fc.anything(),
      ),
    ),
  },
  { requiredKeys: ['title', 'place', 'startsAt', 'endsAt', 'headcount', 'audience'] },
);
const body = fc.oneof(
  { arbitrary: nearValid, weight: 4 },
  { arbitrary: fc.tuple(nearValid, fc.anything()).map(([b, x]) => ({ ...b, unknownKey: x })), weight: 1 },
  { arbitrary: fc.anything(), weight: 1 },
);

describe(`fuzz: calls API body → draft (${FUZZ_RUNS} bodies)`, () => {
  it('answers a draft with real dates or a 400, never another error', () => {
    let drafts = 0;
    fc.assert(
      fc.property(body, (b) => {
        let draft: ReturnType<typeof toDraft>;
        try {
          draft = toDraft(b);
        } catch (e) {
          expect(e).toBeInstanceOf(BadRequestException);
          return;
        }
        drafts++;
        for (const d of [draft.startsAt, draft.endsAt, ...(draft.answerBy ? [draft.answerBy] : [])]) expect(Number.isFinite(d.getTime())).toBe(true);
      }),
      pureRuns(),
    );
    // The generator reaches the valid side too, not only the 400s.
    expect(drafts).toBeGreaterThan(FUZZ_RUNS / 100);
  });
});
