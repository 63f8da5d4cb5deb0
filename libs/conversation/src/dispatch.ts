// The engine's dispatch: which feature answers a turn. Commands, keywords, the open form's
// handlers and the fallbacks in private chats; commands and keywords in groups; buttons (a
// feature's, or a form's choices) in both. The turn's lifecycle (transaction, language, flush)
// is the engine's (engine.ts); this only routes an event already loaded into a turn.
import { isContentless, type Logger } from '@baiying/domain';
import { buttonRegistry, type ButtonDef } from '@baiying/kernel';
import { flowButton, type Turn } from './turn.js';
import { normaliseKeywordText } from './keyword.js';
import type { ButtonReg, CommandReg, Fallbacks, FlowReg, KeywordReg } from './registration.js';

/** The features' registrations the dispatch routes to, collected by the engine. */
export interface Routes {
  commands: Map<string, CommandReg>;
  keywords: KeywordReg[];
  buttons: Map<string, ButtonReg>;
  flows: FlowReg[];
  fallbacks: Fallbacks;
}

export class TurnDispatcher {
  private readonly registry: Map<string, ButtonDef<object>>;

  constructor(
    private readonly routes: Routes,
    private readonly logger: Logger,
  ) {
    this.registry = buttonRegistry([flowButton as ButtonDef<object>, ...[...routes.buttons.values()].map((b) => b.def)]);
  }

  /** Whether a (normalised) text is one of the desk's keywords. */
  isKeyword(keywordText: string): boolean {
    return this.routes.keywords.some((k) => k.match(keywordText) !== null);
  }

  /** Hands the turn to the feature that answers it. */
  async dispatch(turn: Turn): Promise<void> {
    if (turn.ev.kind === 'callback') await this.onButton(turn);
    else if (turn.ev.chat.kind === 'group') await this.onGroup(turn);
    else await this.onPrivate(turn);
  }

  /** The flow that owns the turn's dialogue, if its data still fits that flow. */
  private activeFlow(turn: Turn): FlowReg | null {
    return turn.dialogue ? (this.routes.flows.find((f) => f.name === turn.dialogue!.flow && f.owns(turn)) ?? null) : null;
  }

  // --- group chats: job cards and the desk's keywords; ordinary chatter is ignored ----------

  private async onGroup(turn: Turn): Promise<void> {
    const { ev } = turn;
    if (ev.kind === 'joined') return this.routes.fallbacks.joined?.(turn);
    if (ev.kind === 'text' && ev.text) {
      if (await this.tryKeyword(turn, ev.text)) return;
      if (ev.mentioned) turn.say('group.help');
      return;
    }
    if (ev.kind !== 'command' || !ev.command) return;
    const c = this.routes.commands.get(ev.command.name);
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
        const c = ev.command ? this.routes.commands.get(ev.command.name) : undefined;
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
        return this.routes.fallbacks.text?.(turn, text);
      }
      case 'location':
        if (!ev.location) return turn.say('contentless');
        if (active?.onLocation) return active.onLocation(turn, ev.location);
        return this.routes.fallbacks.location ? this.routes.fallbacks.location(turn, ev.location) : turn.say('contentless');
      case 'photo':
      case 'voice': {
        const att = { kind: ev.kind, fileRef: ev.fileRef ?? '', ...(ev.text ? { caption: ev.text } : {}) };
        if (active?.onMedia) return active.onMedia(turn, att);
        return this.routes.fallbacks.media ? this.routes.fallbacks.media(turn, att) : turn.say('unsupported');
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
    for (const k of this.routes.keywords) {
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
    const reg = this.routes.buttons.get(decoded.def.tag)!;
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
