export * from './config.schema.js';
export * from './app-config.js';
