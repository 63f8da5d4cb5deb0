import { EmergencyPolicy } from './emergency.policy.js';
import { SwitchMode } from './switch-mode.usecase.js';

/** 平战结合: the mode switch and the rules the mode applies to needs. */
export class EmergencyFeature {
  readonly policy = new EmergencyPolicy();
  readonly switchMode = new SwitchMode();
}
