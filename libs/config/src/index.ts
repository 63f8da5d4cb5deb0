export * from './config.schema.js';
export * from './app-config.types.js';
export * from './app-config.js';
export { DEV_KEY } from './config-checks.js';
