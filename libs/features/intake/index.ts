export { IntakeFeature } from './intake.feature.js';
export { IntakeForm } from './intake.flow.js';
export { intakeChat } from './intake.chat.js';
export { NluUnderstander, nluCategories, type CategoryRow } from './nlu-understander.js';
export { ReloadingUnderstander } from './reloading-understander.js';
export type { Understander, Understanding } from './understander.js';
export type { SubmitNeedCommand } from './submit-need.usecase.js';
export { nextStep, reviewReason, type IntakeData } from './intake.flow-state.js';
export { cancelNeedButton, cancelNeedKeyword, myNeedsKeyword } from './intake.buttons.js';
