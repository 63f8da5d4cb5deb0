// Fuzz: what a browser may post to the web chat, random and near-valid bodies, through the
// event schemas and the mapping to the engine's events: never a throw; a body the schema takes
// maps to exactly the event it says (text, command, callback or a never-live location).
import fc from 'fast-check';
import { webDemoEventSchema, webEventSchema, webEventToInbound } from '@baiying/channels';
import { FUZZ_RUNS, nastyText, pureRuns, watchRejections } from './fuzz-support.js';

const who = { externalId: 'w-abc', chatId: 'w-abc', displayName: '访客' };

const idLike = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), nastyText(70));
const coordinate = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(90, -90, 180, -180, 90.0000001, Number.NaN, Infinity), fc.string({ maxLength: 5 }));
/** A body near the schema: each field present or not, well-formed or not; plus extra keys. */
const nearValid = fc.record(
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
const body = fc.oneof(nearValid, fc.anything(), fc.jsonValue());

describe(`fuzz: web chat event → InboundEvent (${FUZZ_RUNS} bodies)`, () => {
  it('never throws; an accepted body maps to exactly the event it names', () => {
    const rejections = watchRejections();
    fc.assert(
      fc.property(body, (b) => {
        webDemoEventSchema.safeParse(b);
        const p = webEventSchema.safeParse(b);
        if (!p.success) return;
        const e = p.data;
        expect([e.text, e.callbackData, e.location].filter((x) => x !== undefined)).toHaveLength(1);
        const ev = webEventToInbound(e, who);
        expect(ev.updateId).toBe(`web:${who.externalId}:${e.clientMsgId}`);
        expect(ev.from).toEqual({ externalId: who.externalId, displayName: who.displayName });
        if (e.callbackData !== undefined) expect(ev.callback).toEqual({ id: e.clientMsgId, data: e.callbackData });
        else if (e.location) {
          expect(ev.location?.live).toBe(false);
          expect(Number.isFinite(ev.location?.lat) && Number.isFinite(ev.location?.lng)).toBe(true);
        } else {
          expect(['text', 'command']).toContain(ev.kind);
          expect(ev.text).toBe(e.text);
          expect(ev.text!.length).toBeLessThanOrEqual(20_000);
        }
      }),
      pureRuns(),
    );
    expect(rejections.stop()).toEqual([]);
  });
});
