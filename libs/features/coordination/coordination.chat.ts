// The coordinator's desk in chat: /pending, /close NEED DATE REASON.
import { command, type ChatFeature } from '@baiying/conversation';
import { parseNeedCode } from '@baiying/domain';
import { t } from '@baiying/i18n';
import { categoryName, statusKey, unitName } from '../routing/index.js';
import { sayApplications } from '../volunteers/index.js';
import type { CoordinationFeature } from './coordination.feature.js';

const CLOSE_ARGS = /^(\S+)\s+(\S+)\s+([\s\S]+)$/;
const DANGER_ARGS = /^(\S+)\s+(是|有危险|yes|y|否|不是|没有|no|n)$/i;
const DANGER_YES = /^(是|有危险|yes|y)$/i;

export function coordinationChat(f: CoordinationFeature): ChatFeature {
  return {
    feature: 'coordination',
    commands: [
      command('pending', 'private', async (turn) => {
        const r = await f.pending.execute(turn.w, turn.actor);
        if (!r.ok) return turn.fail(r, false);
        const applications = await f.volunteers.pending.execute(turn.w, turn.actor);
        const waiting = applications.ok ? applications.value : [];
        if (r.value.length === 0 && waiting.length === 0) return turn.say('pending.empty');
        if (r.value.length) {
          const lines = r.value.map(
            (n) =>
              (n.reviewReason ? t('pending.review') : '') +
              t('pending.item', { code: n.code, category: categoryName(n.category), area: unitName(n.station), status: t(statusKey(n.status)) }),
          );
          turn.reply({ text: `${t('pending.header')}\n${lines.join('\n')}` });
        }
        if (waiting.length) {
          turn.say('pending.applications', { n: waiting.length });
          sayApplications(turn, waiting);
        }
      }),
      command('close', 'private', async (turn, args) => {
        const m = CLOSE_ARGS.exec(args);
        const needCode = m ? parseNeedCode(m[1]!) : null;
        if (!m || !needCode) return turn.say('close.usage');
        const r = await f.close.execute(turn.w, turn.actor, { needCode, promised: m[2]!, reason: m[3]!.trim() });
        return r.ok ? turn.say('close.ok', r.value) : turn.fail(r, false);
      }),
      command('danger', 'private', async (turn, args) => {
        const m = DANGER_ARGS.exec(args);
        const needCode = m ? parseNeedCode(m[1]!) : null;
        if (!m || !needCode) return turn.say('danger.correct_usage');
        const r = await f.correctDanger.execute(turn.w, turn.actor, { needCode, danger: DANGER_YES.test(m[2]!) });
        return r.ok ? turn.say(r.value.danger ? 'danger.corrected_yes' : 'danger.corrected_no', { code: r.value.code }) : turn.fail(r, false);
      }),
    ],
  };
}
