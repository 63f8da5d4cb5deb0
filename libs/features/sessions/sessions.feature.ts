import { EndSession } from './end-session.usecase.js';
import { ResolveSession } from './resolve-session.usecase.js';
import { StartChatSession } from './start-chat-session.usecase.js';

/** Web sessions: one identity and session model for every web surface (web chat; the console next). */
export class SessionsFeature {
  readonly startChat = new StartChatSession();
  readonly resolve = new ResolveSession();
  readonly end = new EndSession(this.resolve);
}
