export { IdentityFeature } from './identity.feature.js';
export { identityChat, linkKeyword } from './identity.chat.js';
export { hashToken } from './api-token.js';
