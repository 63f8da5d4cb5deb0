export { SessionsFeature } from './sessions.feature.js';
export type { WebSessionView } from './resolve-session.usecase.js';
