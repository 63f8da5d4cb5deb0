export { ConsoleFeature } from './console.feature.js';
export * from './console.schemas.js';
export * from './needs-list.schemas.js';
export { liveVerdict, parseLiveEvent, type LiveVerdict } from './console-live.js';
export { callListQuerySchema } from './console-calls.usecase.js';
export { correctionStatsQuerySchema } from './console-corrections.usecase.js';
