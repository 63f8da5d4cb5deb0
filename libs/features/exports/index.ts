export { ExportsFeature } from './exports.feature.js';
export { exportsJobs } from './exports.jobs.js';
export * from './exports.schemas.js';
export type { DownloadFile } from './exports.usecase.js';
export type { PullStream } from './pull-tokens.usecase.js';
