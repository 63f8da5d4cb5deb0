// The web chat page's events, validated, as the engine's events. Who speaks and in which chat is
// decided by the server from the browser's session, never by the body; only the demo's persona
// switcher (never in production) names a persona and a chat in the body.
import type { InboundEvent } from '@baiying/domain';
import { z } from 'zod';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const WEB_CHAT_ID = ID;
/** Longest text the page may post (the engine then keeps MAX_NEED_TEXT of it). */
const MAX_TEXT = 20_000;
const MAX_CALLBACK = 256;
const NAME_CHARS = 64;

const payload = {
  clientMsgId: z.string().regex(ID),
  text: z.string().max(MAX_TEXT).optional(),
  /** The browser's language (navigator.language), like Telegram's language_code: a first guess only. */
  languageCode: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/)
    .max(35)
    .optional(),
  callbackData: z.string().max(MAX_CALLBACK).optional(),
  location: z
    .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
    .strict()
    .optional(),
};
const exactlyOne = (e: { text?: string; callbackData?: string; location?: unknown }) =>
  [e.text, e.callbackData, e.location].filter((x) => x !== undefined).length === 1;
const ONE_OF = 'exactly one of text, callbackData, location';

/** What a browser posts to its own chat: no persona, no chat id (a body naming one is refused). */
export const webEventSchema = z.object(payload).strict().refine(exactlyOne, ONE_OF);
export type WebEvent = z.infer<typeof webEventSchema>;

/** The demo's persona switcher: the body names who speaks and where (demo mode only). */
export const webDemoEventSchema = z
  .object({ ...payload, personaId: z.string().regex(ID), displayName: z.string().max(NAME_CHARS).optional(), chatId: z.string().regex(ID) })
  .strict()
  .refine(exactlyOne, ONE_OF);

/** Who speaks in which chat, as the server decided it. */
export interface WebSpeaker {
  externalId: string;
  chatId: string;
  displayName: string;
}

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:\s+([\s\S]*))?$/;

export function webEventToInbound(e: WebEvent, who: WebSpeaker): InboundEvent {
  const base = {
    channel: 'web' as const,
    // The web chat has one desk account: 'web'.
    updateId: `web:${who.externalId}:${e.clientMsgId}`,
    chat: { id: who.chatId, kind: who.chatId === who.externalId ? ('private' as const) : ('group' as const) },
    from: e.languageCode
      ? { externalId: who.externalId, displayName: who.displayName, languageCode: e.languageCode }
      : { externalId: who.externalId, displayName: who.displayName },
  };
  if (e.callbackData !== undefined) return { ...base, kind: 'callback', callback: { id: e.clientMsgId, data: e.callbackData } };
  // The page posts whatever coordinates its script likes: never a live fix (no location check-in).
  if (e.location) return { ...base, kind: 'location', location: { lat: e.location.lat, lng: e.location.lng, live: false } };
  const command = e.text !== undefined ? COMMAND.exec(e.text) : null;
  if (command) return { ...base, kind: 'command', command: { name: command[1]!.toLowerCase(), args: command[2] ?? '' }, text: e.text! };
  return { ...base, kind: 'text', text: e.text ?? '' };
}
