export { RoutingFeature } from './routing.feature.js';
export type { DispatchRounds } from './dispatch-rounds.js';
export { routingChat } from './routing.chat.js';
export { routingJobs } from './routing.jobs.js';
export {
  takeButton,
  takeDirectButton,
  takeKeyword,
  publicFacts,
  beneficiaryKey,
  urgencyKey,
  statusKey,
  wantedTimeLabel,
  categoryName,
  unitName,
} from './job-card.render.js';
export type { RouteOutcome } from './route-need.usecase.js';
export type { EscalateOutcome } from './escalate-dispatch.usecase.js';
