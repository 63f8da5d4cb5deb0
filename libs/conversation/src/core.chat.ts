// What the conversation itself answers, whatever the feature: greeting, help, leaving a form.
import { command, type ChatFeature } from './registration.js';

export const coreChat: ChatFeature = {
  feature: 'conversation',
  commands: [
    command('start', 'private', (turn) => turn.say('welcome'), { refuseInGroup: true }),
    command('help', 'private', (turn) => turn.say('help'), { refuseInGroup: true }),
    command('cancel', 'private', (turn) => {
      if (!turn.dialogue) return turn.say('nothing_to_cancel');
      turn.clearDialogue();
      turn.say('flow_cancelled');
    }),
  ],
};
