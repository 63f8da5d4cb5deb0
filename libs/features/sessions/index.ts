export { SessionsFeature } from './sessions.feature.js';
export { sessionsChat, consoleLoginKeyword, notMeButton } from './sessions.chat.js';
export { consoleActor, consolePrincipal, decisionUnitIds, CONSOLE_ROLES, type ConsolePrincipal, type ConsoleRole } from './console-access.js';
export type { WebSessionView } from './resolve-session.usecase.js';
export type { ConsoleRequestSession } from './console-sessions.usecase.js';
export type { StartedConsoleSession } from './console-session.js';
export type { PollState } from './console-login.usecase.js';
export type { DemoPersona } from './console-link.usecase.js';
