// The resident scores a fulfilled item of the 落实清单 in chat: `点评 N-…` (or `score N-…`)
// brings the stars and a fresh one-time code for the public page; a star records the score.
import { button, keyword, type ChatFeature } from '@baiying/conversation';
import type { PublicityFeature } from './publicity.feature.js';
import { scoreButton, scoreKeyword } from './score.usecase.js';

export function publicityChat(f: PublicityFeature): ChatFeature {
  return {
    feature: 'publicity',
    keywords: [
      keyword(scoreKeyword, 'private', async (turn, a) => {
        const r = await f.offerScore.execute(turn.w, turn.actor.personId, { needCode: a.code });
        if (!r.ok) return turn.fail(r, false);
      }),
    ],
    buttons: [
      button(scoreButton, 'private', async (turn, p) => {
        const r = await f.scoreByButton.execute(turn.w, turn.actor.personId, p);
        if (!r.ok) return turn.fail(r, true);
        turn.say('publicity.scored', { score: r.value.score });
        turn.toast('publicity.scored', { score: r.value.score });
      }),
    ],
  };
}
