export { CoordinationFeature } from './coordination.feature.js';
export { coordinationChat } from './coordination.chat.js';
