import { AlertOverduePromises } from './overdue.usecase.js';
import { ReadPublicLists } from './public-page.usecase.js';
import { OfferScore, ScoreByButton, ScoreByCode, ScoreInvites } from './score.usecase.js';
import { CorrectSnapshot, FreezeMonth, ListSnapshots, PublishSnapshot, ViewSnapshot } from './snapshots.usecase.js';

/** 张榜公示: the four lists frozen monthly, reviewed and published, scored by residents. */
export class PublicityFeature {
  readonly invites = new ScoreInvites();
  readonly freeze = new FreezeMonth();
  readonly list = new ListSnapshots();
  readonly view = new ViewSnapshot();
  readonly publish = new PublishSnapshot(this.invites);
  readonly correct = new CorrectSnapshot();
  readonly publicLists = new ReadPublicLists();
  readonly offerScore = new OfferScore(this.invites);
  readonly scoreByButton = new ScoreByButton();
  readonly scoreByCode = new ScoreByCode();
  readonly overdue = new AlertOverduePromises();
}
