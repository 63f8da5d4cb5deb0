// A channel-free message: text plus rows of buttons. Telegram renders buttons as an inline
// keyboard, the web chat as HTML buttons, WeChat as numbered replies.
export interface OutButton {
  label: string;
  /** Opaque payload (≤ 64 bytes, Telegram's limit) returned when the button is pressed. */
  data: string;
  /** For chats without buttons: the text command that does the same (e.g. "接单 N-20261123-0042"). */
  keyword?: string;
}

export interface OutMessage {
  text: string;
  buttons?: OutButton[][];
  /**
   * The language it was written in (set by the outbox for the recipient): channel renderers
   * write their own words in it (WeChat's "回复 1" lines, the web page).
   */
  locale?: 'zh' | 'en';
}

export const MAX_BUTTON_DATA_BYTES = 64;
export const MAX_MESSAGE_CHARS = 4096;
