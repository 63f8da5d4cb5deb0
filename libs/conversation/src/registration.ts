// What a feature answers in chat: its commands, keywords, buttons and dialogue flows, plus the
// fallbacks one feature owns (free text outside any form starts an intake; a location outside
// any form is a check-in). The engine is a dispatch table over these, in the spirit of grammY
// Composers; registrations are built with the helpers below so each handler is typed by what
// it receives.
import type { ButtonDef } from '@baiying/kernel';
import type { FlowDef } from './dialogue.js';
import type { KeywordDef } from './keyword.js';
import type { Turn } from './turn.js';

export type Where = 'private' | 'group' | 'any';
type Handled = Promise<void> | void;

export interface CommandReg {
  readonly name: string;
  readonly where: Where;
  /** A private command used in a group says "private only" instead of staying silent. */
  readonly refuseInGroup?: boolean;
  handle(turn: Turn, args: string): Handled;
}

export interface KeywordReg {
  readonly name: string;
  readonly where: Where;
  /** A runner for `text` if this keyword matches it. */
  match(text: string): ((turn: Turn) => Handled) | null;
}

export interface ButtonReg {
  readonly def: ButtonDef<object>;
  readonly where: 'private' | 'group';
  run(turn: Turn, payload: object): Handled;
}

export interface FlowReg {
  readonly name: string;
  /** True when the turn's dialogue is this flow and its data fits the flow's schema. */
  owns(turn: Turn): boolean;
  onText(turn: Turn, text: string): Handled;
  onChoice(turn: Turn, choice: string): Handled;
  /** Several choices of one menu at once (WeChat's "1 3 5"): only flows with a multi-select take them. */
  onChoices?(turn: Turn, choices: string[]): Handled;
  onLocation?(turn: Turn, loc: { lat: number; lng: number }): Handled;
  onMedia?(turn: Turn, att: { kind: 'photo' | 'voice'; fileRef: string; caption?: string }): Handled;
}

export interface Fallbacks {
  /** Free text in a private chat outside any form. */
  text?(turn: Turn, text: string): Handled;
  /** A shared location outside any form that takes one (`live`: see InboundEvent.location). */
  location?(turn: Turn, loc: { lat: number; lng: number; live?: boolean }): Handled;
  /** A photo or voice note outside any form that takes one. */
  media?(turn: Turn, att: { kind: 'photo' | 'voice'; fileRef: string; caption?: string }): Handled;
  /** The bot was added to a group. */
  joined?(turn: Turn): Handled;
}

/**
 * Slow work on a private free-text message (a model call), done before the message's transaction
 * opens and outside the chat's lock, so no connection or lock waits on the network. `flow` is
 * the chat's dialogue flow as read without the lock (null: none), so a feature prepares only
 * for turns it will own; what it prepares it keeps for its handler (the turn may still go
 * elsewhere: then the handler does the work itself, inside).
 */
export type TextPreparer = (text: string, now: Date, flow: string | null) => Promise<void>;

/**
 * The language a private free text is written in, when it says so clearly enough to choose a
 * person's language by ('zh' or 'en'); null for short, mixed or unclear text. One owner.
 */
export type LanguageReader = (text: string) => 'zh' | 'en' | null;

export interface ChatFeature {
  readonly feature: string;
  readonly languageOf?: LanguageReader;
  readonly prepareText?: TextPreparer;
  readonly commands?: CommandReg[];
  readonly keywords?: KeywordReg[];
  readonly buttons?: ButtonReg[];
  readonly flows?: FlowReg[];
  readonly fallbacks?: Fallbacks;
}

export function command(name: string, where: Where, handle: (turn: Turn, args: string) => Handled, opts: { refuseInGroup?: boolean } = {}): CommandReg {
  return { name, where, handle, ...opts };
}

export function keyword<A>(def: KeywordDef<A>, where: Where, handle: (turn: Turn, args: A) => Handled): KeywordReg {
  return {
    name: def.name,
    where,
    match: (text) => {
      const args = def.parse(text);
      return args === null ? null : (turn) => handle(turn, args);
    },
  };
}

export function button<P extends object>(def: ButtonDef<P>, where: 'private' | 'group', handle: (turn: Turn, payload: P) => Handled): ButtonReg {
  // The codec decoded `payload` against this very definition's fields, so it has P's shape.
  return { def: def as ButtonDef<object>, where, run: (turn, payload) => handle(turn, payload as P) };
}

export interface FlowHandlers<D> {
  onText(turn: Turn, data: D, text: string): Handled;
  onChoice(turn: Turn, data: D, choice: string): Handled;
  onChoices?(turn: Turn, data: D, choices: string[]): Handled;
  onLocation?(turn: Turn, data: D, loc: { lat: number; lng: number }): Handled;
  onMedia?(turn: Turn, data: D, att: { kind: 'photo' | 'voice'; fileRef: string; caption?: string }): Handled;
}

export function flow<D>(def: FlowDef<D>, h: FlowHandlers<D>): FlowReg {
  const data = (turn: Turn): D => {
    const d = def.read(turn);
    if (d === null) throw new Error(`flow ${def.name} ran without its data`);
    return d;
  };
  return {
    name: def.name,
    owns: (turn) => def.read(turn) !== null,
    onText: (turn, text) => h.onText(turn, data(turn), text),
    onChoice: (turn, choice) => h.onChoice(turn, data(turn), choice),
    ...(h.onChoices ? { onChoices: (turn: Turn, choices: string[]) => h.onChoices!(turn, data(turn), choices) } : {}),
    ...(h.onLocation ? { onLocation: (turn: Turn, loc: { lat: number; lng: number }) => h.onLocation!(turn, data(turn), loc) } : {}),
    ...(h.onMedia ? { onMedia: (turn: Turn, att: { kind: 'photo' | 'voice'; fileRef: string; caption?: string }) => h.onMedia!(turn, data(turn), att) } : {}),
  };
}
