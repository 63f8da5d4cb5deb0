export { CompletionFeature } from './completion.feature.js';
export { completionChat } from './completion.chat.js';
export { completionJobs } from './completion.jobs.js';
export { confirmButton, rateButton, confirmButtons, ratingButtons, rateKeyword } from './completion.buttons.js';
