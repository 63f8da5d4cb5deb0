// Collects what a transaction wants to send; written to sent_message at commit (the outbox).
// Each message is written in its recipient's language: a message given as a function of the
// locale is rendered at commit for the chat it goes to (a person's private chat: the person's
// language; a team's group chat: the team's), so one use case can write to several people in
// several languages. A message given as text is already written (a reply in the actor's turn).
import type { FieldCipher } from '@baiying/crypto';
import type { NewSentMessage, Repos } from '@baiying/db';
import type { Channel, OutMessage } from '@baiying/domain';
import { Priority } from '@baiying/domain';
import { asLocale, currentLocale, inLocale, type Locale } from '@baiying/i18n';
import type { ButtonCodec } from './buttons.js';

export interface Destination {
  channel: Channel;
  chatId: string;
}

/**
 * A message for one recipient: written already, or a renderer given the recipient's locale.
 * Inside a renderer `t`/`label`/`msg` without a locale also write in the recipient's language.
 */
export type Render = OutMessage | Renderer;
/** A message rendered for its recipient: given their locale (`t`/`msg` default to it inside). */
export type Renderer = (locale: Locale) => OutMessage;

/** A message as `locale`'s reader gets it (a renderer run with `locale` as the ambient language). */
export function renderIn(render: Render, locale: Locale): OutMessage {
  return typeof render === 'function' ? inLocale(locale, () => render(locale)) : render;
}

interface Queued {
  dest: Destination;
  purposeKey: string;
  template: string;
  render: Render;
  /** Known at push time (the person's own, or the turn's); else looked up at commit. */
  locale: Locale | null;
  extra: { priority: number; atMostOnce?: boolean; editOf?: string };
}

export class Outbound {
  private readonly queued: Queued[] = [];
  private readonly keys = new Set<string>();

  constructor(
    private readonly repos: Repos,
    private readonly cipher: FieldCipher,
    private readonly buttons: ButtonCodec,
  ) {}

  to(dest: Destination, purposeKey: string, template: string, msg: Render, priority: number = Priority.status, locale?: Locale): void {
    this.push(dest, purposeKey, template, msg, { priority }, locale);
  }

  /** Broadcast traffic: the bulk lane, below everything else, sent at most once. */
  bulk(dest: Destination, purposeKey: string, template: string, msg: Renderer): void {
    this.push(dest, purposeKey, template, msg, { priority: Priority.bulk, atMostOnce: true });
  }

  /** Sends to a person's private chat on their preferred channel, in their language. False when unreachable. */
  async toPerson(
    personId: string,
    purposeKey: string,
    template: string,
    msg: Renderer,
    priority: number = Priority.status,
    prefer?: Channel,
  ): Promise<boolean> {
    const r = await this.repos.people.recipient(personId, prefer);
    if (!r) return false;
    this.to({ channel: r.channel, chatId: r.chatId }, purposeKey, template, msg, priority, asLocale(r.locale));
    return true;
  }

  /** Replaces the text/buttons of a message sent earlier under `original.purposeKey`. */
  edit(original: Destination & { purposeKey: string }, editKey: string, template: string, msg: Renderer): void {
    this.push(original, editKey, template, msg, { priority: Priority.card, editOf: original.purposeKey });
  }

  /** The rows to insert: every message rendered in its recipient's language, buttons sealed. */
  async pending(): Promise<NewSentMessage[]> {
    const unknown = this.queued.filter((q) => q.locale === null).map((q) => q.dest);
    const looked = unknown.length ? await this.repos.people.chatLocales(unknown) : new Map<string, string>();
    // One render per (renderer, language): a broadcast renders its text twice at most.
    const rendered = new Map<Render, Map<Locale, OutMessage>>();
    return this.queued.map((q) => {
      const locale = q.locale ?? asLocale(looked.get(`${q.dest.channel}:${q.dest.chatId}`));
      let msg: OutMessage;
      if (typeof q.render === 'function') {
        const fn = q.render;
        const cache = rendered.get(fn) ?? new Map<Locale, OutMessage>();
        rendered.set(fn, cache);
        msg = cache.get(locale) ?? inLocale(locale, () => fn(locale));
        cache.set(locale, msg);
      } else msg = q.render;
      return this.seal(q, { ...msg, locale: msg.locale ?? locale });
    });
  }

  private push(dest: Destination, purposeKey: string, template: string, render: Render, extra: Queued['extra'], locale?: Locale): void {
    if (this.keys.has(purposeKey)) return;
    this.keys.add(purposeKey);
    // A message already written was written in the language of the turn it was written in.
    const known = locale ?? (typeof render === 'function' ? null : (render.locale ?? currentLocale()));
    this.queued.push({ dest, purposeKey, template, render, locale: known, extra });
  }

  private seal(q: Queued, msg: OutMessage): NewSentMessage {
    const { dest } = q;
    // Signed buttons are bound to this chat here, the one place that knows where a message goes.
    const sealed: OutMessage = msg.buttons
      ? { ...msg, buttons: msg.buttons.map((row) => row.map((b) => ({ ...b, data: this.buttons.seal(b.data, dest) }))) }
      : msg;
    return {
      purposeKey: q.purposeKey,
      channel: dest.channel,
      chatId: dest.chatId,
      template: q.template,
      bodyEnc: this.cipher.encrypt(JSON.stringify(sealed)),
      ...q.extra,
    };
  }
}
