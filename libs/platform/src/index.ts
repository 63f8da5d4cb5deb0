export * from './core.module.js';
export * from './queue-worker.js';
export * from './nest-logger.js';
