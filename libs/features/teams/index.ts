export { TeamsFeature } from './teams.feature.js';
export { teamsChat, bindButton, bindKeyword } from './teams.chat.js';
