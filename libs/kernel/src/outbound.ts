// Collects what a transaction wants to send; written to sent_message at commit (the outbox).
import type { FieldCipher } from '@baiying/crypto';
import type { NewSentMessage, Repos } from '@baiying/db';
import type { Channel, OutMessage } from '@baiying/domain';
import { Priority } from '@baiying/domain';
import type { ButtonCodec } from './buttons.js';

export interface Destination {
  channel: Channel;
  chatId: string;
}

export class Outbound {
  readonly pending: NewSentMessage[] = [];
  private readonly keys = new Set<string>();

  constructor(
    private readonly repos: Repos,
    private readonly cipher: FieldCipher,
    private readonly buttons: ButtonCodec,
  ) {}

  to(dest: Destination, purposeKey: string, template: string, msg: OutMessage, priority: number = Priority.status): void {
    this.push(dest, purposeKey, template, msg, { priority });
  }

  /** Broadcast traffic: the bulk lane, below everything else, sent at most once. */
  bulk(dest: Destination, purposeKey: string, template: string, msg: OutMessage): void {
    this.push(dest, purposeKey, template, msg, { priority: Priority.bulk, atMostOnce: true });
  }

  /** Sends to a person's private chat on their preferred channel. False when unreachable. */
  async toPerson(
    personId: string,
    purposeKey: string,
    template: string,
    msg: OutMessage,
    priority: number = Priority.status,
    prefer?: Channel,
  ): Promise<boolean> {
    const r = await this.repos.people.recipient(personId, prefer);
    if (!r) return false;
    this.to(r, purposeKey, template, msg, priority);
    return true;
  }

  /** Replaces the text/buttons of a message sent earlier under `original.purposeKey`. */
  edit(original: Destination & { purposeKey: string }, editKey: string, template: string, msg: OutMessage): void {
    this.push(original, editKey, template, msg, { priority: Priority.card, editOf: original.purposeKey });
  }

  private push(
    dest: Destination,
    purposeKey: string,
    template: string,
    msg: OutMessage,
    extra: { priority: number; atMostOnce?: boolean; editOf?: string },
  ): void {
    if (this.keys.has(purposeKey)) return;
    this.keys.add(purposeKey);
    // Signed buttons are bound to this chat here, the one place that knows where a message goes.
    const sealed: OutMessage = msg.buttons
      ? { ...msg, buttons: msg.buttons.map((row) => row.map((b) => ({ ...b, data: this.buttons.seal(b.data, dest) }))) }
      : msg;
    this.pending.push({ purposeKey, channel: dest.channel, chatId: dest.chatId, template, bodyEnc: this.cipher.encrypt(JSON.stringify(sealed)), ...extra });
  }
}
