// The web chat page's events, validated, as the engine's events.
import type { InboundEvent } from '@baiying/domain';
import { z } from 'zod';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const WEB_CHAT_ID = ID;
/** Longest text the page may post (the engine then keeps MAX_NEED_TEXT of it). */
const MAX_TEXT = 20_000;
const MAX_CALLBACK = 256;
const NAME_CHARS = 64;

export const webEventSchema = z
  .object({
    personaId: z.string().regex(ID),
    displayName: z.string().max(NAME_CHARS).optional(),
    chatId: z.string().regex(ID),
    clientMsgId: z.string().regex(ID),
    text: z.string().max(MAX_TEXT).optional(),
    callbackData: z.string().max(MAX_CALLBACK).optional(),
    location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  })
  .refine((e) => [e.text, e.callbackData, e.location].filter((x) => x !== undefined).length === 1, 'exactly one of text, callbackData, location');
export type WebEvent = z.infer<typeof webEventSchema>;

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:\s+([\s\S]*))?$/;

export function webEventToInbound(e: WebEvent): InboundEvent {
  const base = {
    channel: 'web' as const,
    // The web chat has one desk account: 'web'.
    updateId: `web:${e.personaId}:${e.clientMsgId}`,
    chat: { id: e.chatId, kind: e.chatId === e.personaId ? ('private' as const) : ('group' as const) },
    from: { externalId: e.personaId, displayName: e.displayName ?? '网页用户' },
  };
  if (e.callbackData !== undefined) return { ...base, kind: 'callback', callback: { id: e.clientMsgId, data: e.callbackData } };
  if (e.location) return { ...base, kind: 'location', location: e.location };
  const command = e.text !== undefined ? COMMAND.exec(e.text) : null;
  if (command) return { ...base, kind: 'command', command: { name: command[1]!.toLowerCase(), args: command[2] ?? '' }, text: e.text! };
  return { ...base, kind: 'text', text: e.text ?? '' };
}
