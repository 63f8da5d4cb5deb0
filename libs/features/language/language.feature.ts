import { ChooseLanguage } from './choose-language.usecase.js';
import { SetTeamLanguage } from './set-team-language.usecase.js';

/** One language per person: a person's own choice, and a team's group language. */
export class LanguageFeature {
  readonly choose = new ChooseLanguage();
  readonly team = new SetTeamLanguage();
}
