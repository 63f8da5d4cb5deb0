// The channel-free conversation engine: every channel adapter hands it normalised events; it
// runs each in one transaction (dedupe, identity, dialogue state, dispatch to the feature that
// answers, replies) and returns what the adapter must answer synchronously (a button's toast).
// It decides nothing itself: who may do what is decided by the features' use cases.
import { cleanName, cleanText, isContentless, type HandleOutcome, type InboundEvent, type Logger } from '@baiying/domain';
import type { ActorRow } from '@baiying/db';
import { asLocale, DEFAULT_LOCALE, inLocale, type Locale } from '@baiying/i18n';
import { buttonRegistry, type ButtonDef, type UnitOfWork, type Work } from '@baiying/kernel';
import { flowButton, Turn } from './turn.js';
import type { Dialogue } from './dialogue.js';
import { normaliseKeywordText } from './keyword.js';
import type { ButtonReg, ChatFeature, CommandReg, Fallbacks, FlowReg, KeywordReg, LanguageReader, TextPreparer } from './registration.js';

export class ConversationEngine {
  private readonly commands = new Map<string, CommandReg>();
  private readonly keywords: KeywordReg[] = [];
  private readonly buttons = new Map<string, ButtonReg>();
  private readonly registry: Map<string, ButtonDef<object>>;
  private readonly flows: FlowReg[] = [];
  private readonly fallbacks: Fallbacks = {};
  private readonly preparers: TextPreparer[] = [];
  private languageOf?: LanguageReader;
  private readonly skipped = new Map<string, number>();

  constructor(
    private readonly uow: UnitOfWork,
    features: ChatFeature[],
    private readonly logger: Logger,
  ) {
    for (const f of features) {
      for (const c of f.commands ?? []) {
        if (this.commands.has(c.name)) throw new Error(`command /${c.name} registered twice (${f.feature})`);
        this.commands.set(c.name, c);
      }
      this.keywords.push(...(f.keywords ?? []));
      for (const b of f.buttons ?? []) {
        if (this.buttons.has(b.def.tag)) throw new Error(`button ${b.def.tag} registered twice (${f.feature})`);
        this.buttons.set(b.def.tag, b);
      }
      this.flows.push(...(f.flows ?? []));
      if (f.prepareText) this.preparers.push(f.prepareText);
      if (f.languageOf) {
        if (this.languageOf) throw new Error(`languageOf registered twice (${f.feature})`);
        this.languageOf = f.languageOf;
      }
      for (const [k, handler] of Object.entries(f.fallbacks ?? {}) as Array<[keyof Fallbacks, unknown]>) {
        if (this.fallbacks[k]) throw new Error(`fallback ${k} registered twice (${f.feature})`);
        Object.assign(this.fallbacks, { [k]: handler });
      }
    }
    this.registry = buttonRegistry([flowButton as ButtonDef<object>, ...[...this.buttons.values()].map((b) => b.def)]);
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
      const dialogue = isPrivate ? this.loadDialogue((s) => w.deps.cipher.decrypt(s), start.state) : null;
      const locale = isPrivate ? await this.personLocale(w, actor, start.before, clientLocale, writtenLocale, dialogue) : await this.groupLocale(w, ev);
      const turn = new Turn(w, ev, actor, dialogue, locale);
      // Whatever the handlers write without naming a language is written in this chat's.
      await inLocale(locale, async () => {
        if (ev.kind === 'callback') await this.onButton(turn);
        else if (ev.chat.kind === 'group') await this.onGroup(turn);
        else await this.onPrivate(turn);
      });
      turn.flush();
      return turn.answer ? { duplicate: false, callbackAnswer: turn.answer } : { duplicate: false };
    });
  }

  /** The language a private text is clearly written in (null for a keyword, or when unclear). */
  private writtenLanguage(ev: InboundEvent): Locale | null {
    if (ev.kind !== 'text' || !this.languageOf) return null;
    const keywordText = normaliseKeywordText(ev.text ?? '');
    const isKeyword = keywordText !== null && this.keywords.some((k) => k.match(keywordText) !== null);
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
    if (keywordText !== null && this.keywords.some((k) => k.match(keywordText) !== null)) return;
    const { cipher } = this.uow.deps;
    const row = await this.uow.read((repos) => repos.messaging.stateData(ev.channel, ev.chat.id));
    const flow = this.loadDialogue((s) => cipher.decrypt(s), row)?.flow ?? null;
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
    return text !== null && this.keywords.some((k) => k.match(text) !== null);
  }

  /** Updates skipped as duplicates since start, per channel. */
  duplicatesSkipped(): Record<string, number> {
    return Object.fromEntries(this.skipped);
  }

  private loadDialogue(decrypt: (s: string) => string, row: { dataEnc: string } | null): Dialogue | null {
    if (!row) return null;
    try {
      const d = JSON.parse(decrypt(row.dataEnc)) as Partial<Dialogue>;
      if (typeof d.flow !== 'string' || typeof d.nonce !== 'string') return null;
      const asked = typeof d.asked?.key === 'string' && typeof d.asked.text === 'string' ? { asked: { key: d.asked.key, text: d.asked.text } } : {};
      return { flow: d.flow, nonce: d.nonce, data: d.data, ...asked };
    } catch {
      return null; // unreadable state (e.g. a rotated key): start afresh rather than fail the chat
    }
  }

  /** The flow that owns the turn's dialogue, if its data still fits that flow. */
  private activeFlow(turn: Turn): FlowReg | null {
    return turn.dialogue ? (this.flows.find((f) => f.name === turn.dialogue!.flow && f.owns(turn)) ?? null) : null;
  }

  // --- group chats: job cards and the desk's keywords; ordinary chatter is ignored ----------

  private async onGroup(turn: Turn): Promise<void> {
    const { ev } = turn;
    if (ev.kind === 'joined') return this.fallbacks.joined?.(turn);
    if (ev.kind === 'text' && ev.text) {
      if (await this.tryKeyword(turn, ev.text)) return;
      if (ev.mentioned) turn.say('group.help');
      return;
    }
    if (ev.kind !== 'command' || !ev.command) return;
    const c = this.commands.get(ev.command.name);
    // Unknown commands in groups are ignored: they may be meant for another bot.
    if (!c) return;
    if (c.where === 'private') return c.refuseInGroup ? turn.say('private_only') : undefined;
    return c.handle(turn, ev.command.args.trim());
  }

  // --- private chats ------------------------------------------------------------------------

  private async onPrivate(turn: Turn): Promise<void> {
    const { ev } = turn;
    const active = this.activeFlow(turn);
    switch (ev.kind) {
      case 'command': {
        const c = ev.command ? this.commands.get(ev.command.name) : undefined;
        if (!c || !ev.command) return turn.say('input/unknown_command');
        if (c.where === 'group') return turn.say('group_only');
        return c.handle(turn, ev.command.args.trim());
      }
      case 'text': {
        const text = ev.text ?? '';
        if (!text.trim() || isContentless(text)) return turn.say('contentless');
        if (await this.tryKeyword(turn, text)) return;
        if (active) return active.onText(turn, text);
        if (turn.dialogue) turn.clearDialogue(); // a form from an older version: start afresh
        return this.fallbacks.text?.(turn, text);
      }
      case 'location':
        if (!ev.location) return turn.say('contentless');
        if (active?.onLocation) return active.onLocation(turn, ev.location);
        return this.fallbacks.location ? this.fallbacks.location(turn, ev.location) : turn.say('contentless');
      case 'photo':
      case 'voice': {
        const att = { kind: ev.kind, fileRef: ev.fileRef ?? '', ...(ev.text ? { caption: ev.text } : {}) };
        if (active?.onMedia) return active.onMedia(turn, att);
        return this.fallbacks.media ? this.fallbacks.media(turn, att) : turn.say('unsupported');
      }
      case 'sticker':
        return turn.say('contentless');
      default:
        return turn.say('unsupported');
    }
  }

  /** Runs the first keyword the text matches; refuses it politely in the wrong kind of chat. */
  private async tryKeyword(turn: Turn, raw: string): Promise<boolean> {
    const text = normaliseKeywordText(raw);
    if (text === null) return false;
    for (const k of this.keywords) {
      const run = k.match(text);
      if (!run) continue;
      if (k.where === 'private' && !turn.isPrivate) turn.say('private_only');
      else if (k.where === 'group' && turn.isPrivate) turn.say('group_only');
      else await run(turn);
      return true;
    }
    return false;
  }

  // --- buttons ------------------------------------------------------------------------------

  private async onButton(turn: Turn): Promise<void> {
    if (turn.ev.callback?.expired) return turn.toast('choice/expired', {}, true);
    const data = turn.ev.callback?.data ?? '';
    const decoded = turn.w.buttons.decode(data, this.registry, { channel: turn.ev.channel, chatId: turn.ev.chat.id });
    if (!decoded.ok && decoded.reason === 'expired') return turn.toast('button/stale', {}, true);
    if (!decoded.ok) {
      this.logger.warn(`button payload refused (${decoded.reason})`, { personId: turn.actor.personId, chat: turn.ev.chat.id, length: data.length });
      return turn.toast('button/forged', {}, true);
    }
    if (decoded.def === flowButton) {
      // Dialogue buttons belong to a private form.
      if (!turn.isPrivate) return turn.toast('button/forged', {}, true);
      const p = decoded.payload as { nonce: string; choice: string };
      const more = turn.ev.callback?.more ?? [];
      if (more.length > 0) return this.onFlowChoices(turn, p, more);
      return this.onFlowChoice(turn, p.nonce, p.choice);
    }
    if (turn.ev.callback?.more?.length) return turn.toast('choice/one_at_a_time', {}, true);
    const reg = this.buttons.get(decoded.def.tag)!;
    if ((reg.where === 'group') === turn.isPrivate) {
      this.logger.warn('button used in the wrong kind of chat', { tag: reg.def.tag, chat: turn.ev.chat.id });
      return turn.toast('button/forged', {}, true);
    }
    return reg.run(turn, decoded.payload);
  }

  /** "1 3 5": several choices of one form's menu; every one must be a button of that same form. */
  private async onFlowChoices(turn: Turn, first: { nonce: string; choice: string }, more: string[]): Promise<void> {
    const choices = [first.choice];
    for (const data of more) {
      const d = turn.w.buttons.decode(data, this.registry, { channel: turn.ev.channel, chatId: turn.ev.chat.id });
      if (!d.ok || d.def !== flowButton) return turn.toast('choice/one_at_a_time', {}, true);
      const p = d.payload as { nonce: string; choice: string };
      if (p.nonce !== first.nonce) return turn.toast('button/stale', {}, true);
      if (!choices.includes(p.choice)) choices.push(p.choice);
    }
    const d = turn.dialogue;
    const active = this.activeFlow(turn);
    if (!d || d.nonce !== first.nonce || !active) return this.stale(turn, active);
    if (!active.onChoices) return turn.toast('choice/one_at_a_time', {}, true);
    turn.ack();
    return active.onChoices(turn, choices);
  }

  private async onFlowChoice(turn: Turn, nonce: string, choice: string): Promise<void> {
    const d = turn.dialogue;
    const active = this.activeFlow(turn);
    if (!d || d.nonce !== nonce || !active) return this.stale(turn, active);
    turn.ack();
    return active.onChoice(turn, choice);
  }

  /** A press of an older form's or an answered question's button: expired, and the open question again if it was lost. */
  private async stale(turn: Turn, active: FlowReg | null): Promise<void> {
    turn.toast('button/stale', {}, true);
    if (active) await turn.askAgainIfLost();
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
