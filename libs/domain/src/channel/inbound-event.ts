// What every channel adapter turns its updates into. Nothing here knows grammY or wechaty.
import type { Channel } from './channel.js';

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
  /**
   * A pressed button. `expired`: a numbered reply ("1") on a channel without buttons whose menu
   * is no longer valid (never delivered, too old, or no such number): answered as such.
   */
  callback?: { id: string; data: string; expired?: boolean };
  location?: { lat: number; lng: number };
  fileRef?: string;
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
