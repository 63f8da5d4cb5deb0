// /emergency on [reason] | off — in a coordinator's private chat.
import { command, type ChatFeature } from '@baiying/conversation';
import type { EmergencyFeature } from './emergency.feature.js';

const USAGE = /^(on|off|开启|关闭|开|关)(?:\s+([\s\S]+))?$/i;
const ON = /^(on|开启|开)$/i;

export function emergencyChat(f: EmergencyFeature): ChatFeature {
  return {
    feature: 'emergency',
    commands: [
      command('emergency', 'private', async (turn, args) => {
        const m = USAGE.exec(args);
        if (!m) return turn.say('mode.usage');
        const on = ON.test(m[1]!);
        const r = await f.switchMode.execute(turn.w, turn.actor, { on, reason: m[2]?.trim() ?? null });
        if (!r.ok) return turn.fail(r, false);
        turn.say(on ? 'mode.on' : 'mode.off', r.value);
      }),
    ],
  };
}
