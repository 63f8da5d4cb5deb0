/** Every Bot API method the fake answers; anything else is 404 like Telegram's. */
export const METHODS = [
  'getMe',
  'getUpdates',
  'setWebhook',
  'deleteWebhook',
  'getWebhookInfo',
  'sendMessage',
  'sendPhoto',
  'sendLocation',
  'editMessageText',
  'editMessageReplyMarkup',
  'answerCallbackQuery',
  'deleteMessage',
  'sendChatAction',
  'setMyCommands',
  'getMyCommands',
  'deleteMyCommands',
  'getChat',
] as const;

export type MethodName = (typeof METHODS)[number];

/** Telegram matches method names case-insensitively. */
export const METHOD_BY_LOWER: ReadonlyMap<string, MethodName> = new Map(METHODS.map((m) => [m.toLowerCase(), m]));
