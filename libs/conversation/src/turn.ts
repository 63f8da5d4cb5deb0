// One inbound event being handled inside one transaction: who sent it, what we reply.
import type { ActorRow } from '@baiying/db';
import type { CallbackAnswer, Err, InboundEvent, OutButton, OutMessage } from '@baiying/domain';
import { PurposeKey, Priority } from '@baiying/domain';
import { asLocale, t, type Locale, type MessageKey, type Params } from '@baiying/i18n';
import { defineButton, field, type Work } from '@baiying/kernel';
import { newNonce, type Dialogue } from './dialogue.js';
import { lostQuestion } from './lost-question.js';

/** The longest toast Telegram shows. */
const TOAST_MAX_CHARS = 200;

/** Dialogue buttons: checked against the dialogue's nonce instead of a signature. */
export const flowButton = defineButton<{ nonce: string; choice: string }>('f', { nonce: field.word(), choice: field.word() }, { signed: false });

export class Turn {
  private replies = 0;
  private dialogueChanged = false;
  /** The form buttons made in this turn: a reply carrying one is the form's open question. */
  private readonly formButtons = new Set<string>();
  answer?: CallbackAnswer;

  constructor(
    readonly w: Work,
    readonly ev: InboundEvent,
    public actor: ActorRow,
    public dialogue: Dialogue | null,
    /** The language of this chat: the actor's in private, the team's in a group. */
    public locale: Locale = asLocale(actor.locale),
  ) {}

  get isPrivate(): boolean {
    return this.ev.chat.kind === 'private';
  }

  /** Replies in the chat the event came from; keyed by update (the marker stops a second run). The reply's key. */
  reply(m: OutMessage): string {
    const purposeKey = PurposeKey.reply(this.ev.channel, this.ev.updateId, this.w.now.getTime(), this.replies++);
    this.w.out.to({ channel: this.ev.channel, chatId: this.ev.chat.id }, purposeKey, 'reply', m, Priority.interactive, m.locale ?? this.locale);
    if (this.dialogue && m.buttons?.some((row) => row.some((b) => this.formButtons.has(b.data))))
      this.setDialogue({ ...this.dialogue, asked: { key: purposeKey, text: m.text } });
    return purposeKey;
  }

  /**
   * The form's open question was answered (a press, or typed words): where the channel edits, the
   * message that asked is rewritten to say what was chosen (`outcome`, e.g. "类别：为老助老 ✓";
   * `keepQuestion`: under the question's own text, as a summary keeps what was confirmed; without
   * an outcome the question stays and only loses its buttons). Either way the form's buttons go
   * stale (a new nonce): a second press of this question, or a press of any older one, is answered
   * as expired and changes nothing. Call it before asking the next question (its buttons take the
   * new nonce). WeChat does not edit: there the reply that follows already says it.
   */
  settle(outcome?: string, keepQuestion = false): void {
    const d = this.dialogue;
    if (!d) return;
    const asked = d.asked;
    this.setDialogue({ flow: d.flow, nonce: newNonce(), data: d.data });
    if (!asked || !this.w.deps.channels.capabilities(this.ev.channel).canEdit) return;
    const text = outcome === undefined ? asked.text : keepQuestion ? `${asked.text}\n${outcome}` : outcome;
    this.w.out.edit({ channel: this.ev.channel, chatId: this.ev.chat.id, purposeKey: asked.key }, PurposeKey.settled(asked.key), 'settled', () => ({
      text,
      locale: this.locale,
    }));
  }

  /**
   * A multi-select menu (ticks ☑️/⬜ and a "done"): shown once, then rewritten in place after each
   * tick where the channel edits (`menuKey`: the menu's key from the previous showing); elsewhere
   * (WeChat's numbered lists) shown again. Returns the key to rewrite next time.
   */
  menu(menuKey: string | undefined, key: MessageKey, params: Params, buttons: OutButton[][]): string {
    const text = t(key, params, this.locale);
    if (menuKey && this.w.deps.channels.capabilities(this.ev.channel).canEdit) {
      this.w.out.edit(
        { channel: this.ev.channel, chatId: this.ev.chat.id, purposeKey: menuKey },
        PurposeKey.menuTick(menuKey, this.ev.updateId),
        'menu',
        () => ({
          text,
          buttons,
          locale: this.locale,
        }),
      );
      return menuKey;
    }
    return this.reply({ text, buttons, locale: this.locale });
  }

  /** A catalogue message in this chat's language. */
  say(key: MessageKey, params: Params = {}, buttons?: OutButton[][]): void {
    const text = t(key, params, this.locale);
    this.reply(buttons ? { text, buttons, locale: this.locale } : { text, locale: this.locale });
  }

  /** The short toast for a pressed button (and, for errors, the reason), in the presser's language. */
  toast(key: MessageKey, params: Params = {}, alert = false): void {
    this.answer = { text: t(key, params, asLocale(this.actor.locale)).slice(0, TOAST_MAX_CHARS), alert };
    // Without toasts the answer becomes a message, unless this turn already replied.
    if (!this.w.deps.channels.capabilities(this.ev.channel).hasToasts && this.replies === 0) this.say(key, params);
  }

  /** Acknowledges a press without words (the message that follows says it). */
  ack(): void {
    this.answer = { text: '✓', alert: false };
  }

  /** A success: a toast for a pressed button, a message for a typed keyword. */
  done(key: MessageKey, params: Params, viaButton: boolean): void {
    if (viaButton) this.toast(key, params);
    else this.say(key, params);
  }

  /** A refusal from a use case: an alert for a pressed button, a message for a typed keyword. */
  fail(r: Err, viaButton: boolean, params: Params = {}): void {
    const p = { ...params, ...(r.detail ?? {}) };
    if (viaButton) this.toast(r.code, p, true);
    else this.say(r.code, p);
  }

  flowButton(choice: string, text: string): OutButton {
    if (!this.dialogue) throw new Error('flow button without a dialogue');
    const data = this.w.buttons.encode(flowButton, { nonce: this.dialogue.nonce, choice });
    this.formButtons.add(data);
    return { label: text, data };
  }

  /**
   * Asks the form's open question again when its message never reached the chat for sure: a bot
   * killed between claiming it and the platform call leaves it `uncertain`, and it is never sent
   * again (decision 0004). A resident pressing an older question's button would otherwise hear only
   * "expired", with no question to answer. Its buttons still carry the form's nonce, so the copy
   * works as the original would have; the copy is the open question from now on. A question
   * delivered or still on its way is not repeated (a double tap asks nothing again). The reconciler
   * usually got there first (`askLostQuestionAgain`); then the copy is the open question and this
   * finds nothing lost.
   */
  async askAgainIfLost(): Promise<void> {
    const asked = this.dialogue?.asked;
    if (!asked) return;
    const m = await lostQuestion(this.w, asked.key);
    if (!m) return;
    const key = this.reply(m);
    this.setDialogue({ ...this.dialogue!, asked: { key, text: asked.text } });
  }

  /** Dialogue changes are kept in memory and written once when the turn ends (`flush`). */
  setDialogue(d: Dialogue): void {
    // The open question belongs to the chat, not to the flow's data: kept unless replaced or settled.
    const asked = d.asked ?? (this.dialogue && d.nonce === this.dialogue.nonce ? this.dialogue.asked : undefined);
    this.dialogue = asked ? { ...d, asked } : { flow: d.flow, nonce: d.nonce, data: d.data };
    this.dialogueChanged = true;
  }

  clearDialogue(): void {
    this.dialogue = null;
    this.dialogueChanged = true;
  }

  /** Stages the dialogue as the turn leaves it: written with the turn's messages, in the transaction's last statement. */
  flush(): void {
    if (!this.dialogueChanged) return;
    const d = this.dialogue;
    if (d) this.w.repos.messaging.stageState(this.ev.channel, this.ev.chat.id, d.flow, this.w.deps.cipher.encrypt(JSON.stringify(d)));
    else this.w.repos.messaging.stageState(this.ev.channel, this.ev.chat.id, null, null);
  }
}
