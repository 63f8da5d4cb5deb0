export * from './inbound-event.js';
export * from './understander.js';
export * from './dialogue-state.js';
export * from './engine.js';
export { nextStep } from './flows/intake.flow.js';
export * from './nlu-understander.js';
