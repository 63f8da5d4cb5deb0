// /reassign NEED TEAM — a coordinator, in a private chat.
import { command, type ChatFeature } from '@baiying/conversation';
import { parseNeedCode } from '@baiying/domain';
import type { RoutingFeature } from './routing.feature.js';

export function routingChat(f: RoutingFeature): ChatFeature {
  return {
    feature: 'routing',
    commands: [
      command('reassign', 'private', async (turn, args) => {
        const [code, team] = args.split(/\s+/);
        const needCode = code ? parseNeedCode(code) : null;
        if (!needCode || !team) return turn.say('reassign.usage');
        const r = await f.reassign.execute(turn.w, turn.actor, { needCode, teamCode: team });
        return r.ok ? turn.say('reassign.ok', { code: r.value.code, team: r.value.team, teamEn: r.value.teamEn }) : turn.fail(r, false, { code: team });
      }),
    ],
  };
}
