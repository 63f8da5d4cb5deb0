export { CoordinationFeature } from './coordination.feature.js';
export { coordinationChat } from './coordination.chat.js';
export { dangerCorrections } from './correct-danger.usecase.js';
export { categoryCorrections } from './correct-category.usecase.js';
