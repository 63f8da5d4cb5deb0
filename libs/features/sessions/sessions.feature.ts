import { IssueLoginLink, RedeemLoginLink, DemoLogin, DemoPersonas } from './console-link.usecase.js';
import { IssueLoginCode, PollLogin, RedeemLoginCode, RefuseLogin, WatchLogin } from './console-login.usecase.js';
import { ListMySessions, Logout, ResolveConsole, RevokeMySession } from './console-sessions.usecase.js';
import { EndSession } from './end-session.usecase.js';
import { ResolveSession } from './resolve-session.usecase.js';
import { StartChatSession } from './start-chat-session.usecase.js';

/** Web sessions: one identity and session model for every web surface (web chat, console). */
export class SessionsFeature {
  readonly startChat = new StartChatSession();
  readonly resolve = new ResolveSession();
  readonly end = new EndSession(this.resolve);
  // The console's login (登录口令, /console links, demo personas) and its sessions.
  readonly issueLoginCode = new IssueLoginCode();
  readonly redeemLoginCode = new RedeemLoginCode();
  readonly pollLogin = new PollLogin();
  readonly watchLogin = new WatchLogin();
  readonly refuseLogin = new RefuseLogin();
  readonly issueLoginLink = new IssueLoginLink();
  readonly redeemLoginLink = new RedeemLoginLink();
  readonly demoPersonas = new DemoPersonas();
  readonly demoLogin = new DemoLogin();
  readonly resolveConsole = new ResolveConsole(this.resolve);
  readonly mySessions = new ListMySessions();
  readonly revokeSession = new RevokeMySession();
  readonly logout = new Logout();
}
