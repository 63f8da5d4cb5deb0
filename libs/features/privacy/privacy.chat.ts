// 删除我的数据 (a person's own erasure) and /erase NEED|PHONE (a coordinator erases that need's
// resident, or the person registered with that phone): both offer a "确认删除" button; pressing it erases.
import { button, command, keyword, type ChatFeature, type Turn } from '@baiying/conversation';
import { normalizePhone } from '@baiying/domain';
import { label } from '@baiying/i18n';
import { eraseConfirmButton, eraseMeKeyword } from './privacy.buttons.js';
import { confirmHour } from './erase-person.usecase.js';
import type { PrivacyFeature } from './privacy.feature.js';
import type { RequestErasureCommand } from './request-erasure.usecase.js';

export function privacyChat(f: PrivacyFeature): ChatFeature {
  const offer = async (turn: Turn, named?: string) => {
    const input: RequestErasureCommand = named === undefined ? {} : normalizePhone(named) ? { phone: named } : { needCode: named };
    const r = await f.requestErasure.execute(turn.w, turn.actor, input);
    if (!r.ok) return turn.fail(r, false);
    const confirm = {
      label: label('btn.erase'),
      data: turn.w.buttons.encode(eraseConfirmButton, { personId: r.value.personId, hour: confirmHour(turn.w.now) }),
    };
    if (r.value.named) turn.say('erase.confirm_other', { who: r.value.named }, [[confirm]]);
    else turn.say('erase.confirm_self', {}, [[confirm]]);
  };
  return {
    feature: 'privacy',
    commands: [
      command('erase', 'private', async (turn, args) => {
        const named = args.trim();
        return named ? offer(turn, named) : turn.say('erase.usage');
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
