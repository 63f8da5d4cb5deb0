// What the conversation itself answers, whatever the feature: greeting, help, leaving a form.
import type { ActorRow } from '@baiying/db';
import { t, type Locale, type MessageKey } from '@baiying/i18n';
import { command, type ChatFeature } from './registration.js';

/** /help lists only what this person can do: a section per role they hold, in a few lines. */
export function helpFor(actor: ActorRow, locale: Locale): string {
  const keys: MessageKey[] = ['help.resident'];
  if (actor.volunteer?.status === 'approved') keys.push('help.volunteer');
  else if (actor.volunteer?.status === 'pending') keys.push('help.volunteer_pending');
  else keys.push('help.join');
  if (actor.coordinatorUnitIds.length) keys.push('help.coordinator');
  keys.push('help.more');
  return keys.map((k) => t(k, {}, locale)).join('\n');
}

export const coreChat: ChatFeature = {
  feature: 'conversation',
  commands: [
    command('start', 'private', (turn) => turn.say('welcome'), { refuseInGroup: true }),
    command('help', 'private', (turn) => void turn.reply({ text: helpFor(turn.actor, turn.locale), locale: turn.locale }), { refuseInGroup: true }),
    command('cancel', 'private', (turn) => {
      if (!turn.dialogue) return turn.say('nothing_to_cancel');
      turn.clearDialogue();
      turn.say('flow_cancelled');
    }),
  ],
};
