// A person who talks to the bot the way people do when it hiccups: they answer whatever the bot
// asked last (matched by a Chinese substring), and when nothing comes back for a while they
// repeat what they did (say it again, press the same button again). Used by the chaos test,
// where the bot may die mid-update (a long-polled update already fetched is gone then) and the
// reply may be late by a restart.
import type { FakeBotApi, FakeChat, FakeUser, SentMessage } from '../fake-telegram/fake-bot-api.js';

export type Act = { say: string } | { press: RegExp };

export interface ScriptStep {
  /** The bot's message this step answers. */
  when: RegExp;
  act: Act;
}

export interface ScriptResult {
  /** The bot's message matching `done`. */
  final: SentMessage;
  /** Actions taken (first tries and repeats). */
  actions: number;
  /** Actions repeated because nothing came back in time. */
  repeats: number;
}

export function buttonData(m: SentMessage, label: RegExp): string | null {
  const kb = m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard : [];
  for (const row of kb) for (const b of row) if (label.test(b.text) && 'callback_data' in b && b.callback_data) return b.callback_data;
  return null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a dialogue in `user`'s private chat: `opening` first, then for each new message of the
 * bot that matches a step, that step's action, until a message matches `done`. Throws when
 * `deadline` (epoch ms) passes first.
 */
export async function runScript(
  fake: FakeBotApi,
  user: FakeUser,
  o: { opening: Act; steps: ScriptStep[]; done: RegExp; deadline: number; stallMs: number; stopped?: () => boolean },
): Promise<ScriptResult> {
  const chat: FakeChat = { id: user.id, type: 'private' };
  let actions = 0;
  let repeats = 0;
  let last: { act: Act; on: SentMessage | null } = { act: o.opening, on: null };
  /** Messages of the chat before this index have been looked at. */
  let seen = fake.chatMessages(chat.id).length;

  const perform = (act: Act, on: SentMessage | null): void => {
    actions++;
    last = { act, on };
    if ('say' in act) {
      fake.sendText(user, chat, act.say);
      return;
    }
    // The button on the message answered, or else on the newest message that has it (a person
    // scrolls up to the last question that offered it).
    const msgs = fake.chatMessages(chat.id);
    const target = [on, ...[...msgs].reverse()].find((m): m is SentMessage => !!m && buttonData(m, act.press) !== null);
    if (!target) return;
    try {
      fake.pressButton(user, target, buttonData(target, act.press)!);
    } catch {
      // The message lost its buttons meanwhile (edited): a person would look for the next question.
    }
  };

  perform(o.opening, null);
  let lastProgress = Date.now();
  for (;;) {
    if (o.stopped?.()) throw new Error(`stopped: ${user.first_name} (${user.id}) unfinished`);
    const msgs = fake.chatMessages(chat.id);
    // The newest new message of the bot that the script knows how to answer (or that ends it).
    let next: { m: SentMessage; step: ScriptStep | null } | null = null;
    for (let i = seen; i < msgs.length; i++) {
      const m = msgs[i]!;
      if (m.method !== 'sendMessage') continue;
      const text = m.text ?? '';
      if (o.done.test(text)) return { final: m, actions, repeats };
      const step = o.steps.find((s) => s.when.test(text));
      if (step) next = { m, step };
    }
    if (next) {
      seen = msgs.length;
      lastProgress = Date.now();
      perform(next.step!.act, next.m);
    } else if (Date.now() - lastProgress > o.stallMs) {
      // Nothing new: do it again, as a person would.
      repeats++;
      lastProgress = Date.now();
      perform(last.act, last.on);
    }
    if (Date.now() > o.deadline) {
      const tail = msgs
        .slice(-6)
        .map((m) => `${m.method}: ${(m.text ?? '').slice(0, 60)}`)
        .join('\n');
      throw new Error(`${user.first_name} (${user.id}) did not finish (${actions} actions, ${repeats} repeats); last messages:\n${tail}`);
    }
    await sleep(100);
  }
}
