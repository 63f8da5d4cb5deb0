// What every channel adapter turns its updates into. Nothing here knows grammY or wechaty.
import type { Channel } from './channel.js';

export type InboundKind = 'text' | 'command' | 'callback' | 'location' | 'photo' | 'voice' | 'sticker' | 'joined' | 'other';

export interface InboundEvent {
  channel: Channel;
  /** Unique per channel; a repeated id is processed once. */
  updateId: string;
  chat: { id: string; kind: 'private' | 'group'; title?: string };
  /** `languageCode`: the language the sender's chat app is set to (Telegram's `language_code`), if told. */
  from: { externalId: string; displayName: string; username?: string; languageCode?: string };
  kind: InboundKind;
  text?: string;
  command?: { name: string; args: string };
  /**
   * A pressed button. `expired`: a numbered reply ("1") on a channel without buttons whose menu
   * is no longer valid (never delivered, too old, or no such number): answered as such. `more`:
   * further choices of the same menu answered at once ("1 3 5" on WeChat), for a multi-select.
   */
  callback?: { id: string; data: string; expired?: boolean; more?: string[] };
  /**
   * `live`: a live location straight from the device (Telegram's live location, not forwarded);
   * a pin dropped on a map or coordinates a client posts are not live.
   */
  location?: { lat: number; lng: number; live?: boolean };
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
  /** Dropped by the inbound limit before any work (the sender was told once, in private). */
  limited?: boolean;
}
