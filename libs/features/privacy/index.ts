export { PrivacyFeature } from './privacy.feature.js';
export { privacyChat } from './privacy.chat.js';
export { privacyJobs } from './privacy.jobs.js';
