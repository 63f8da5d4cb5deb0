export { LanguageFeature } from './language.feature.js';
export { languageChat, languageButton, teamLanguageButton, languageKeyword } from './language.chat.js';
