export * from './core.module.js';
export * from './queue-worker.js';
export * from './nest-logger.js';
export * from './http/http-security.js';
export * from './http/web-session.http.js';
export * from './http/fixed-window.js';
