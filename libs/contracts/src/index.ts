// Shapes shared by the server's use cases and the console (apps/console): the API's contract.
// Pure types and constant lists; this library imports nothing.
export * from './needs.js';
export * from './office.js';
export * from './publicity.js';
export * from './reports.js';
export * from './exports.js';
export * from './calls.js';
export * from './sessions.js';
export * from './serialized.js';
