// The channel-free conversation engine: every channel adapter hands it normalised events; it
// runs each in one transaction (dedupe, identity, dialogue state, dispatch to the feature that
// answers, replies) and returns what the adapter must answer synchronously (a button's toast).
// This file is the turn's lifecycle; which feature answers is dispatch.ts.
// It decides nothing itself: who may do what is decided by the features' use cases.
import { cleanName, cleanText, isContentless, type HandleOutcome, type InboundEvent, type Logger } from '@baiying/domain';
import type { ActorRow } from '@baiying/db';
import { asLocale, DEFAULT_LOCALE, inLocale, type Locale } from '@baiying/i18n';
import type { UnitOfWork, Work } from '@baiying/kernel';
import { Turn } from './turn.js';
import { readDialogue, type Dialogue } from './dialogue.js';
import { TurnDispatcher, type Routes } from './dispatch.js';
import { normaliseKeywordText } from './keyword.js';
import type { ChatFeature, Fallbacks, LanguageReader, TextPreparer } from './registration.js';

export class ConversationEngine {
  private readonly dispatcher: TurnDispatcher;
  private readonly preparers: TextPreparer[] = [];
  private languageOf?: LanguageReader;
  private readonly skipped = new Map<string, number>();

  constructor(
    private readonly uow: UnitOfWork,
    features: ChatFeature[],
    private readonly logger: Logger,
  ) {
    const routes: Routes = { commands: new Map(), keywords: [], buttons: new Map(), flows: [], fallbacks: {} };
    for (const f of features) {
      for (const c of f.commands ?? []) {
        if (routes.commands.has(c.name)) throw new Error(`command /${c.name} registered twice (${f.feature})`);
        routes.commands.set(c.name, c);
      }
      routes.keywords.push(...(f.keywords ?? []));
      for (const b of f.buttons ?? []) {
        if (routes.buttons.has(b.def.tag)) throw new Error(`button ${b.def.tag} registered twice (${f.feature})`);
        routes.buttons.set(b.def.tag, b);
      }
      routes.flows.push(...(f.flows ?? []));
      if (f.prepareText) this.preparers.push(f.prepareText);
      if (f.languageOf) {
        if (this.languageOf) throw new Error(`languageOf registered twice (${f.feature})`);
        this.languageOf = f.languageOf;
      }
      for (const [k, handler] of Object.entries(f.fallbacks ?? {}) as Array<[keyof Fallbacks, unknown]>) {
        if (routes.fallbacks[k]) throw new Error(`fallback ${k} registered twice (${f.feature})`);
        Object.assign(routes.fallbacks, { [k]: handler });
      }
    }
    this.dispatcher = new TurnDispatcher(routes, logger);
  }

  async handle(raw: InboundEvent): Promise<HandleOutcome> {
    const ev = cleanEvent(raw);
    await this.prepare(ev);
    const isPrivate = ev.chat.kind === 'private';
    // What the language rules need from the event, worked out before the transaction (pure).
    const clientLocale = isPrivate && ev.from.languageCode ? asLocale(ev.from.languageCode) : null;
    const writtenLocale = isPrivate ? this.writtenLanguage(ev) : null;
    return this.uow.run(async (w) => {
      // One statement (decision 0042): the chat lock (group chats keep no dialogue state, so no
      // lock; their races, the take button, are decided in SQL), the dedupe marker, the actor, the
      // person's language and the dialogue state.
      const start = await w.repos.people.startTurn({
        channel: ev.channel,
        chatKey: isPrivate ? ev.chat.id : null,
        updateId: ev.updateId,
        externalId: ev.from.externalId,
        chatId: isPrivate ? ev.chat.id : null,
        displayName: ev.from.displayName,
        username: ev.from.username ?? null,
        clientLocale,
        writtenLocale,
      });
      if (!start.fresh) {
        // A redelivery: answered the first time. Counted and logged, never silent.
        this.skipped.set(ev.channel, (this.skipped.get(ev.channel) ?? 0) + 1);
        this.logger.warn('duplicate update skipped', { channel: ev.channel, updateId: ev.updateId, skipped: this.skipped.get(ev.channel) });
        return { duplicate: true };
      }
      const { actor } = start;
      const dialogue = isPrivate ? readDialogue((s) => w.deps.cipher.decrypt(s), start.state) : null;
      const locale = isPrivate ? await this.personLocale(w, actor, start.before, clientLocale, writtenLocale, dialogue) : await this.groupLocale(w, ev);
      const turn = new Turn(w, ev, actor, dialogue, locale);
      // Whatever the handlers write without naming a language is written in this chat's.
      await inLocale(locale, () => this.dispatcher.dispatch(turn));
      turn.flush();
      return turn.answer ? { duplicate: false, callbackAnswer: turn.answer } : { duplicate: false };
    });
  }

  /** The language a private text is clearly written in (null for a keyword, or when unclear). */
  private writtenLanguage(ev: InboundEvent): Locale | null {
    if (ev.kind !== 'text' || !this.languageOf) return null;
    const keywordText = normaliseKeywordText(ev.text ?? '');
    const isKeyword = keywordText !== null && this.dispatcher.isKeyword(keywordText);
    return isKeyword ? null : this.languageOf(ev.text ?? '');
  }

  /**
   * The one language the desk writes to this person in, settled before anything is said:
   * - a choice (/lang, 语言) always stands;
   * - nothing known yet: the chat app's language (Telegram's language_code), then what they write;
   * - known from the app or from earlier words: a free text outside a form that is clearly in the
   *   other language switches it (someone writing English to an app set to Chinese wants English),
   *   but an answer inside a form does not (an address or a name may be in Latin letters), nor a
   *   short or mixed text, a keyword, a command or a button.
   * The turn's first statement applied these rules already (`actor` carries the result), with
   * "inside a form" read as "a dialogue state is stored"; here they are applied to the person's
   * language before the turn and the dialogue as read, and a different outcome (a stored state
   * that no longer reads, a stored language in a form `asLocale` normalises) is written here.
   */
  private async personLocale(
    w: Work,
    actor: ActorRow,
    before: { locale: string; localeSource: string },
    clientLocale: Locale | null,
    writtenLocale: Locale | null,
    dialogue: Dialogue | null,
  ): Promise<Locale> {
    let locale = asLocale(before.locale);
    let source = before.localeSource;
    if (source !== 'chosen') {
      if (source === 'default' && clientLocale) {
        locale = clientLocale;
        source = 'client';
      }
      if (writtenLocale && (source === 'default' || !dialogue)) {
        locale = writtenLocale;
        source = 'text';
      }
    }
    const wanted = source === 'chosen' ? before : { locale, localeSource: source };
    if (wanted.locale !== actor.locale || wanted.localeSource !== actor.localeSource) {
      await w.repos.people.setLocale(actor.personId, wanted.locale, wanted.localeSource);
      actor.locale = wanted.locale;
      actor.localeSource = wanted.localeSource;
    }
    return locale;
  }

  /** A group speaks its team's language (zh-CN when the group is bound to no team). */
  private async groupLocale(w: Work, ev: InboundEvent): Promise<Locale> {
    const known = await w.repos.people.chatLocales([{ channel: ev.channel, chatId: ev.chat.id }]);
    return known.has(`${ev.channel}:${ev.chat.id}`) ? asLocale(known.get(`${ev.channel}:${ev.chat.id}`)) : DEFAULT_LOCALE;
  }

  /** The features' slow work on a private free text, before the transaction and the chat lock. */
  private async prepare(ev: InboundEvent): Promise<void> {
    if (this.preparers.length === 0 || ev.chat.kind !== 'private' || ev.kind !== 'text') return;
    const text = ev.text ?? '';
    if (!text.trim() || isContentless(text)) return;
    const keywordText = normaliseKeywordText(text);
    if (keywordText !== null && this.dispatcher.isKeyword(keywordText)) return;
    const { cipher } = this.uow.deps;
    const row = await this.uow.read((repos) => repos.messaging.stateData(ev.channel, ev.chat.id));
    const flow = readDialogue((s) => cipher.decrypt(s), row)?.flow ?? null;
    const now = this.uow.clock.now();
    await Promise.all(this.preparers.map((p) => p(text, now, flow)));
  }

  /**
   * Whether a group event is meant for the desk (a command, a keyword, an @-mention, a button,
   * the bot joining) rather than members' chatter, which the desk ignores. Pure: no database.
   */
  addressesDesk(raw: InboundEvent): boolean {
    if (raw.kind === 'command' || raw.kind === 'callback' || raw.kind === 'joined') return true;
    if (raw.kind !== 'text') return false;
    if (raw.mentioned) return true;
    const text = normaliseKeywordText(cleanText(raw.text ?? ''));
    return text !== null && this.dispatcher.isKeyword(text);
  }

  /** Updates skipped as duplicates since start, per channel. */
  duplicatesSkipped(): Record<string, number> {
    return Object.fromEntries(this.skipped);
  }
}

/** Everything the event carries from outside, cleaned once (see text-hygiene in the domain). */
function cleanEvent(ev: InboundEvent): InboundEvent {
  return {
    ...ev,
    chat: ev.chat.title === undefined ? ev.chat : { ...ev.chat, title: cleanName(ev.chat.title, 128) },
    from: { ...ev.from, displayName: cleanName(ev.from.displayName) || '—' },
    ...(ev.text !== undefined ? { text: cleanText(ev.text) } : {}),
    ...(ev.command ? { command: { name: ev.command.name, args: cleanText(ev.command.args) } } : {}),
  };
}
