// Fuzz: the calls API's preview/create body (apps/api calls.controller), random and near-valid:
// it becomes a draft or a 400 naming the wrong fields, never another error (a 500); a draft's
// dates are real dates (the use case then applies the call's rules).
import { BadRequestException } from '@nestjs/common';
import fc from 'fast-check';
import { toDraft } from '../../apps/api/src/v1/calls.controller.js';
import { callsBody, FUZZ_RUNS, pureRuns } from './fuzz-support.js';

describe(`fuzz: calls API body → draft (${FUZZ_RUNS} bodies)`, () => {
  it('answers a draft with real dates or a 400, never another error', () => {
    let drafts = 0;
    fc.assert(
      fc.property(callsBody, (b) => {
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
