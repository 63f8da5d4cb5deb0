// In a group: /bindteam CODE (or 绑定队伍 CODE), or /bindteam alone to pick from buttons; the
// greeting when the bot joins a group.
import { button, command, defineKeyword, keyword, type ChatFeature, type Turn } from '@baiying/conversation';
import { defineButton, field, nameParams } from '@baiying/kernel';
import { localName } from '@baiying/i18n';
import type { TeamsFeature } from './teams.feature.js';

export const bindButton = defineButton<{ teamId: string }>('bt', { teamId: field.uuid() });

export const bindKeyword = defineKeyword<{ teamCode: string }>({
  name: 'bind',
  words: ['绑定队伍', 'bind team'],
  args: '\\s+([A-Za-z0-9_-]{1,32})',
  read: (m) => ({ teamCode: m[1]! }),
  write: (a) => a.teamCode,
});

/** Teams shown as buttons by /bindteam alone. */
const PICK_BUTTONS = 30;

export function teamsChat(f: TeamsFeature): ChatFeature {
  const chatOf = (turn: Turn) => ({ channel: turn.ev.channel, chatId: turn.ev.chat.id, title: turn.ev.chat.title ?? null });
  const bindByCode = async (turn: Turn, code: string) => {
    const r = await f.bind.execute(turn.w, turn.actor, { team: { code }, chat: chatOf(turn) });
    return r.ok ? turn.say('bind.ok', { ...nameParams('team', r.value), code: r.value.code }) : turn.fail(r, false, { code });
  };
  return {
    feature: 'teams',
    commands: [
      command('bindteam', 'group', async (turn, args) => {
        if (args) return bindByCode(turn, args);
        const teams = await f.bindable.execute(turn.w, turn.actor);
        if (!teams.ok) return turn.fail(teams, false);
        if (teams.value.length === 0) return turn.say('bind.none');
        turn.say(
          'bind.pick',
          {},
          teams.value
            .slice(0, PICK_BUTTONS)
            .map((tm) => [{ label: `${localName({ zh: tm.name, en: tm.nameEn })} (${tm.code})`, data: turn.w.buttons.encode(bindButton, { teamId: tm.id }) }]),
        );
      }),
    ],
    keywords: [keyword(bindKeyword, 'group', (turn, a) => bindByCode(turn, a.teamCode))],
    buttons: [
      button(bindButton, 'group', async (turn, p) => {
        const r = await f.bind.execute(turn.w, turn.actor, { team: { id: p.teamId }, chat: chatOf(turn) });
        if (!r.ok) return turn.fail(r, true, { code: '-' });
        turn.say('bind.ok', { ...nameParams('team', r.value), code: r.value.code });
        turn.toast('bind.ok', { ...nameParams('team', r.value), code: r.value.code });
      }),
    ],
    fallbacks: { joined: (turn) => turn.say('group.joined') },
  };
}
