// The desk's features, one folder each. Apps import from here; features import each other only
// through their folders' index.ts.
export { Desk } from './desk.js';
export * from './emergency/index.js';
export * from './routing/index.js';
export * from './intake/index.js';
export * from './claims/index.js';
export * from './completion/index.js';
export * from './coordination/index.js';
export * from './volunteers/index.js';
export * from './teams/index.js';
export * from './language/index.js';
export * from './identity/index.js';
export * from './privacy/index.js';
export * from './sessions/index.js';
export * from './console/index.js';
export * from './reports/index.js';
export * from './calls/index.js';
export * from './publicity/index.js';
export * from './exports/index.js';
export * from './office/index.js';
