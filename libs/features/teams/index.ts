export { TeamsFeature } from './teams.feature.js';
export { teamsChat } from './teams.chat.js';
