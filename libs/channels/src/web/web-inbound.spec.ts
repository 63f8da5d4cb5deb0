// The web page's location is what its script posts: it is never taken as a live fix, even when
// the post claims to be one.
import { webEventSchema, webEventToInbound } from './web-inbound.js';

describe('webEventToInbound', () => {
  it('never marks a posted location as live', () => {
    const posted = webEventSchema.parse({ personaId: 'p1', chatId: 'p1', clientMsgId: 'm1', location: { lat: 31.36, lng: 119.82, live: true } });
    expect(webEventToInbound(posted)).toMatchObject({ kind: 'location', location: { lat: 31.36, lng: 119.82, live: false } });
  });
});
