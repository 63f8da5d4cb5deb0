export * from './queue-names.js';
export * from './producer.js';
