export { ExportsFeature } from './exports.feature.js';
export { exportsJobs } from './exports.jobs.js';
export * from './exports.schemas.js';
export type { DownloadFile, ExportView } from './exports.usecase.js';
export type { PullStream, PullTokenView } from './pull-tokens.usecase.js';
