// The web page's location is what its script posts: it is never taken as a live fix, and a post
// claiming one is refused outright.
import { webDemoEventSchema, webEventSchema, webEventToInbound } from './web-inbound.js';

const who = { externalId: 'w-1', chatId: 'w-1', displayName: '网页用户' };

describe('webEventToInbound', () => {
  it('never marks a posted location as live', () => {
    const posted = webEventSchema.parse({ clientMsgId: 'm1', location: { lat: 31.36, lng: 119.82 } });
    expect(webEventToInbound(posted, who)).toMatchObject({ kind: 'location', location: { lat: 31.36, lng: 119.82, live: false } });
  });

  it('refuses a post that claims a live fix, or names who speaks outside the demo schema', () => {
    expect(webEventSchema.safeParse({ clientMsgId: 'm1', location: { lat: 31.36, lng: 119.82, live: true } }).success).toBe(false);
    expect(webEventSchema.safeParse({ clientMsgId: 'm1', personaId: 'p1', chatId: 'p1', text: 'hi' }).success).toBe(false);
    expect(webDemoEventSchema.safeParse({ clientMsgId: 'm1', personaId: 'p1', chatId: 'p1', text: 'hi' }).success).toBe(true);
  });
});
