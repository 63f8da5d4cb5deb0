import { BindableTeams } from './bindable-teams.usecase.js';
import { BindTeamChat } from './bind-team-chat.usecase.js';

/** Teams: binding group chats (Telegram, WeChat, web) to volunteer teams. */
export class TeamsFeature {
  readonly bind = new BindTeamChat();
  readonly bindable = new BindableTeams();
}
