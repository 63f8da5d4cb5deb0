export { VolunteersFeature } from './volunteers.feature.js';
export { volunteersChat, sayApplications, starsText } from './volunteers.chat.js';
export type { RegisterVolunteerCommand } from './register-volunteer.usecase.js';
export type { VolunteerRecord } from './volunteer-record.usecase.js';
export { approveButton } from './volunteers.buttons.js';
