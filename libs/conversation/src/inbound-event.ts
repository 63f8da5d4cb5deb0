// What every channel adapter turns its updates into. Nothing here knows grammY or wechaty.
import type { Channel } from '@baiying/db';

export type InboundKind = 'text' | 'command' | 'callback' | 'location' | 'photo' | 'voice' | 'sticker' | 'joined' | 'other';

export interface InboundEvent {
  channel: Channel;
  /** Unique per channel; a repeated id is processed once. */
  updateId: string;
  chat: { id: string; kind: 'private' | 'group'; title?: string };
  from: { externalId: string; displayName: string; username?: string };
  kind: InboundKind;
  text?: string;
  command?: { name: string; args: string };
  callback?: { id: string; data: string };
  location?: { lat: number; lng: number };
  fileRef?: string;
  /** The channel cannot show a button's toast: say it in the chat instead. */
  answerInChat?: boolean;
  /** The bot was @-mentioned (group chats): an unknown text then gets help, not silence. */
  mentioned?: boolean;
}

export interface CallbackAnswer {
  text: string;
  alert: boolean;
}

export interface HandleOutcome {
  duplicate: boolean;
  callbackAnswer?: CallbackAnswer;
}

export interface Logger {
  log(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { log: () => undefined, warn: () => undefined, error: () => undefined };
