export { ConsoleFeature } from './console.feature.js';
export * from './console.schemas.js';
export * from './needs-list.schemas.js';
export type { Revealed, TimelineEntry } from './console-needs.usecase.js';
export type { NeedListItem } from './console-needs-list.usecase.js';
export type { AuditItem } from './console-audit.usecase.js';
export { liveVerdict, parseLiveEvent, type LiveVerdict } from './console-live.js';
export { callListQuerySchema, type CallListItem } from './console-calls.usecase.js';
export type { DispatchBoard, BoardItem } from './console-dispatch.usecase.js';
