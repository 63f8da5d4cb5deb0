// Fuzz: what a browser may post to the web chat, random and near-valid bodies, through the
// event schemas and the mapping to the engine's events: never a throw; a body the schema takes
// maps to exactly the event it says (text, command, callback or a never-live location).
import fc from 'fast-check';
import { webDemoEventSchema, webEventSchema, webEventToInbound } from '@baiying/channels';
import { FUZZ_RUNS, pureRuns, watchRejections, webBody } from './fuzz-support.js';

const who = { externalId: 'w-abc', chatId: 'w-abc', displayName: '访客' };

const body = fc.oneof(webBody, fc.anything(), fc.jsonValue());

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
