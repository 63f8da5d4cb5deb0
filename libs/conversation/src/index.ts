export * from './engine.js';
export * from './turn.js';
export * from './dialogue.js';
export { askLostQuestionAgain } from './lost-question.js';
export * from './keyword.js';
export * from './registration.js';
export * from './core.chat.js';
export * from './ingress.js';
