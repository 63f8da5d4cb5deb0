// 删除我的数据 (a resident's own erasure) and /erase NEED (a coordinator erases that need's
// resident): both offer a "确认删除" button; pressing it erases.
import { button, command, keyword, type ChatFeature, type Turn } from '@baiying/conversation';
import { label } from '@baiying/i18n';
import { eraseConfirmButton, eraseMeKeyword } from './privacy.buttons.js';
import { confirmHour } from './erase-person.usecase.js';
import type { PrivacyFeature } from './privacy.feature.js';

export function privacyChat(f: PrivacyFeature): ChatFeature {
  const offer = async (turn: Turn, needCode?: string) => {
    const r = await f.requestErasure.execute(turn.w, turn.actor, needCode === undefined ? {} : { needCode });
    if (!r.ok) return turn.fail(r, false);
    const confirm = {
      label: label('btn.erase'),
      data: turn.w.buttons.encode(eraseConfirmButton, { personId: r.value.personId, hour: confirmHour(turn.w.now) }),
    };
    if (r.value.needCode) turn.say('erase.confirm_other', { code: r.value.needCode }, [[confirm]]);
    else turn.say('erase.confirm_self', {}, [[confirm]]);
  };
  return {
    feature: 'privacy',
    commands: [
      command('erase', 'private', async (turn, args) => {
        const code = args.trim();
        return code ? offer(turn, code) : turn.say('erase.usage');
      }),
    ],
    keywords: [keyword(eraseMeKeyword, 'private', (turn) => offer(turn))],
    buttons: [
      button(eraseConfirmButton, 'private', async (turn, p) => {
        const r = await f.erase.execute(turn.w, turn.actor, p);
        if (!r.ok) return turn.fail(r, true);
        turn.ack();
        turn.say(r.value.kind === 'self' ? 'erase.done_self' : 'erase.done_other');
      }),
    ],
  };
}
