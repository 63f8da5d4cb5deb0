// Fuzz: the cleaning every outside text gets where it enters (cleanText, cleanName): never a
// throw; no NUL or control characters, only well-formed UTF-16; a name is one trimmed line
// without bidi or invisible characters, within its length; cleaning twice changes nothing.
import fc from 'fast-check';
import { cleanName, cleanText } from '@baiying/domain';
import { FUZZ_RUNS, nastyText, pureRuns } from './fuzz-support.js';

// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const BIDI_AND_INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe(`fuzz: cleanText and cleanName (${FUZZ_RUNS} texts each)`, () => {
  it('cleanText leaves no controls and well-formed UTF-16, and is idempotent', () => {
    fc.assert(
      fc.property(nastyText(400), (s) => {
        const t = cleanText(s);
        expect(CONTROLS.test(t)).toBe(false);
        expect(wellFormed(t)).toBe(true);
        expect(cleanText(t)).toBe(t);
      }),
      pureRuns(),
    );
  });

  it('cleanName makes one trimmed line within its length, and is idempotent', () => {
    fc.assert(
      fc.property(nastyText(200), fc.integer({ min: 1, max: 80 }), (s, max) => {
        const n = cleanName(s, max);
        expect(CONTROLS.test(n) || BIDI_AND_INVISIBLE.test(n) || /[\r\n\u0085\u2028\u2029]/.test(n)).toBe(false);
        expect(wellFormed(n)).toBe(true);
        expect([...n].length).toBeLessThanOrEqual(max);
        expect(n).toBe(n.trim());
        expect(cleanName(n, max)).toBe(n);
      }),
      pureRuns(),
    );
  });
});
