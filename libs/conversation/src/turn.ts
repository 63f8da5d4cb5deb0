// One inbound event being handled inside one transaction: who sent it, what we reply.
import type { ActorRow } from '@baiying/db';
import type { Desk, Work } from '@baiying/desk';
import type { OutButton, OutMessage } from '@baiying/domain';
import { label, t, type MessageKey, type Params } from '@baiying/i18n';
import { Priority } from '@baiying/queue';
import type { Dialogue } from './dialogue-state.js';
import type { CallbackAnswer, InboundEvent } from './inbound-event.js';

export class Turn {
  private replies = 0;
  answer?: CallbackAnswer;

  constructor(
    readonly w: Work,
    readonly desk: Desk,
    readonly ev: InboundEvent,
    public actor: ActorRow,
    public dialogue: Dialogue | null,
  ) {}

  get isPrivate(): boolean {
    return this.ev.chat.kind === 'private';
  }

  /** Replies in the chat the event came from; keyed by update so a retry cannot double it. */
  reply(m: OutMessage): void {
    this.w.out.to({ channel: this.ev.channel, chatId: this.ev.chat.id }, `r.${this.ev.channel}.${this.ev.updateId}.${this.replies++}`, 'reply', m, Priority.interactive);
  }

  say(key: MessageKey, params: Params = {}, buttons?: OutButton[][]): void {
    this.reply(buttons ? { text: t(key, params), buttons } : { text: t(key, params) });
  }

  /** The short toast for a pressed button (and, for errors, the reason). */
  toast(key: MessageKey, params: Params = {}, alert = false): void {
    this.answer = { text: label(key, params).slice(0, 200), alert };
    // Without toasts the answer becomes a message, unless this turn already replied.
    if (this.ev.answerInChat && this.replies === 0) this.say(key, params);
  }

  flowButton(choice: string, text: string): OutButton {
    if (!this.dialogue) throw new Error('flow button without a dialogue');
    return { label: text, data: this.desk.codec.encode({ kind: 'flow', nonce: this.dialogue.nonce, choice }) };
  }

  private dialogueChanged = false;

  /** Dialogue changes are kept in memory and written once when the turn ends (`flush`). */
  async setDialogue(d: Dialogue): Promise<void> {
    this.dialogue = d;
    this.dialogueChanged = true;
  }

  async clearDialogue(): Promise<void> {
    this.dialogue = null;
    this.dialogueChanged = true;
  }

  async flush(): Promise<void> {
    if (!this.dialogueChanged) return;
    const d = this.dialogue;
    if (d) await this.w.repos.messaging.saveState(this.ev.channel, this.ev.chat.id, d.flow, this.w.deps.cipher.encrypt(JSON.stringify(d)));
    else await this.w.repos.messaging.clearState(this.ev.channel, this.ev.chat.id);
  }
}
