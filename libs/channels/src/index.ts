export * from './channel-sender.js';
export * from './outbound/rate-limiter.js';
export * from './outbound/outbound-dispatcher.js';
export * from './telegram/telegram-sender.js';
export * from './telegram/telegram-inbound.js';
export * from './web/web-sender.js';
