export { ClaimsFeature } from './claims.feature.js';
export { claimsChat } from './claims.chat.js';
export { claimsJobs } from './claims.jobs.js';
export type { TakeJobCommand } from './take-job.usecase.js';
export { setOffButton, doneButton, releaseButton, hoursButton, setOffKeyword, finishKeyword, releaseKeyword } from './claims.buttons.js';
