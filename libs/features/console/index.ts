export { ConsoleFeature } from './console.feature.js';
export * from './console.schemas.js';
export type { NeedListItem, Revealed, TimelineEntry } from './console-needs.usecase.js';
export type { AuditItem } from './console-audit.usecase.js';
