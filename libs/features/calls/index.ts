export { CallsFeature } from './calls.feature.js';
export { callsChat } from './calls.chat.js';
export { callsJobs } from './calls.jobs.js';
export { drainPresses, type Applied } from './apply-answers.usecase.js';
export type { CallDraft, CallAudienceInput } from './call-draft.js';
export type { CallPreview } from './preview-call.usecase.js';
export {
  CALL_ADMIN_OPS,
  callAnswerButton,
  callCheckButton,
  callAdminButton,
  type CallAdminOp,
  joinKeyword,
  declineKeyword,
  checkInKeyword,
  checkOutKeyword,
  ADMIN_KEYWORDS,
} from './calls.buttons.js';
