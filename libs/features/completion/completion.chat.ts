// The resident confirms, disputes and rates (buttons, or 评价 N-… 5 很好 typed); a comment
// follows the stars; coordinators /verify for residents who cannot confirm.
import { button, command, defineFlow, flow, keyword, type ChatFeature } from '@baiying/conversation';
import { parseNeedCode } from '@baiying/domain';
import { label, t } from '@baiying/i18n';
import { z } from 'zod';
import { confirmButton, rateButton, rateKeyword } from './completion.buttons.js';
import type { CompletionFeature } from './completion.feature.js';

/** After the stars: the next text is the comment (or "skip"). */
const ratingCommentFlow = defineFlow('rating_comment', z.object({ needId: z.string() }));

export function completionChat(f: CompletionFeature): ChatFeature {
  return {
    feature: 'completion',
    commands: [
      command('verify', 'private', async (turn, args) => {
        const needCode = parseNeedCode(args);
        if (!needCode) return turn.say('verify.usage');
        const r = await f.verify.execute(turn.w, turn.actor, { needCode });
        return r.ok ? turn.say('verify.ok', r.value) : turn.fail(r, false);
      }),
    ],
    keywords: [
      keyword(rateKeyword, 'private', async (turn, a) => {
        const need = { needCode: a.code };
        // Rating a need the volunteer marked done confirms it first.
        const current = await f.status.execute(turn.w, turn.actor, need);
        if (!current.ok) return turn.fail(current, false);
        if (current.value === 'done') {
          const c = await f.respond.execute(turn.w, turn.actor, { need, done: true });
          if (!c.ok) return turn.fail(c, false);
        }
        const r = await f.rate.execute(turn.w, turn.actor, { need, score: a.score });
        if (!r.ok) return turn.fail(r, false);
        if (a.comment) await f.comment.execute(turn.w, turn.actor, { need, comment: a.comment });
        turn.say('rating.thanks');
      }),
    ],
    buttons: [
      button(confirmButton, 'private', async (turn, p) => {
        const r = await f.respond.execute(turn.w, turn.actor, { need: { needId: p.needId }, done: p.yes });
        if (!r.ok) return turn.fail(r, true);
        if (!r.value.confirmed) turn.say('need.disputed', { code: r.value.code });
        turn.toast(r.value.confirmed ? 'need.ask_rating' : 'need.disputed', { code: r.value.code });
      }),
      button(rateButton, 'private', async (turn, p) => {
        const r = await f.rate.execute(turn.w, turn.actor, { need: { needId: p.needId }, score: p.score });
        if (!r.ok) return turn.fail(r, true);
        ratingCommentFlow.start(turn, { needId: p.needId });
        turn.say('rating.ask_comment', {}, [[turn.flowButton('skip', label('btn.skip'))]]);
        turn.toast('rating.thanks');
      }),
    ],
    flows: [
      flow(ratingCommentFlow, {
        onText: async (turn, data, text) => {
          turn.settle();
          await f.comment.execute(turn.w, turn.actor, { need: { needId: data.needId }, comment: text });
          turn.clearDialogue();
          turn.say('rating.thanks');
        },
        onChoice: (turn, _data, choice) => {
          if (choice !== 'skip') return turn.toast('button/stale', {}, true);
          turn.settle(t('choice.pressed', { label: t('btn.skip') }), true);
          turn.clearDialogue();
          turn.say('rating.thanks');
        },
      }),
    ],
  };
}
