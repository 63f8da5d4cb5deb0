export { EmergencyFeature } from './emergency.feature.js';
export { EmergencyPolicy, EMERGENCY_CATEGORY, withEmergencyBanner } from './emergency.policy.js';
export { emergencyChat } from './emergency.chat.js';
export type { SwitchModeCommand } from './switch-mode.usecase.js';
