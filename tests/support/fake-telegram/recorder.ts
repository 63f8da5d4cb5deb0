/**
 * The record of what the bot did: every delivered send/edit, every callback query answer,
 * and the waits tests block on until the bot has done something.
 */
import type { Scheduler } from './clock.js';
import type { CallbackAnswer, FakeStats, MessageMatcher, SentMessage, WaitOptions } from './types.js';

interface Waiter<T> {
  match: (value: T) => boolean;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class Recorder {
  private readonly sent: SentMessage[] = [];
  private readonly sentByChat = new Map<number, SentMessage[]>();
  private readonly answers: CallbackAnswer[] = [];
  /** Callback queries the fake issued (pressButton), and whether the bot answered them. */
  private readonly queries = new Map<string, { answered: boolean }>();
  private readonly messageWaiters: Array<Waiter<SentMessage>> = [];
  private readonly answerWaiters: Array<Waiter<CallbackAnswer>> = [];

  constructor(
    private readonly scheduler: Scheduler,
    private readonly stats: FakeStats,
  ) {}

  get messages(): readonly SentMessage[] {
    return this.sent;
  }

  chatMessages(chatId: number): readonly SentMessage[] {
    return this.sentByChat.get(chatId) ?? [];
  }

  lastMessage(chatId: number): SentMessage | undefined {
    const list = this.sentByChat.get(chatId);
    return list === undefined ? undefined : list[list.length - 1];
  }

  get callbackAnswers(): readonly CallbackAnswer[] {
    return this.answers;
  }

  /** Forgets messages, answers and queries, and rejects pending waits with `error`. */
  clear(error: Error): void {
    this.sent.length = 0;
    this.sentByChat.clear();
    this.answers.length = 0;
    this.queries.clear();
    this.rejectWaiters(error);
  }

  record(entry: Omit<SentMessage, 'seq' | 'at'>): void {
    const sent: SentMessage = { ...entry, seq: this.sent.length, at: Date.now() };
    this.sent.push(sent);
    let list = this.sentByChat.get(sent.chatId);
    if (list === undefined) {
      list = [];
      this.sentByChat.set(sent.chatId, list);
    }
    list.push(sent);
    this.stats.sends++;
    notify(this.scheduler, this.messageWaiters, sent);
  }

  issueQuery(id: string): void {
    this.queries.set(id, { answered: false });
  }

  /** Marks a query answered; false when the fake never issued it or it was answered already. */
  claimQuery(id: string): boolean {
    const query = this.queries.get(id);
    if (query === undefined || query.answered) return false;
    query.answered = true;
    return true;
  }

  recordAnswer(answer: CallbackAnswer): void {
    this.answers.push(answer);
    notify(this.scheduler, this.answerWaiters, answer);
  }

  waitFor(match: ((m: SentMessage) => boolean) | MessageMatcher, options: WaitOptions = {}): Promise<SentMessage> {
    const timeoutMs = options.timeoutMs ?? 5000;
    const chatId = options.chatId ?? (typeof match === 'function' ? undefined : match.chatId);
    const fromSeq = options.fromSeq ?? 0;
    const base = typeof match === 'function' ? match : matcherToPredicate(match);
    const predicate = (m: SentMessage): boolean => m.seq >= fromSeq && (chatId === undefined || m.chatId === chatId) && base(m);
    const existing = (chatId === undefined ? this.sent : this.chatMessages(chatId)).find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    const what = options.description ?? (typeof match === 'function' ? 'a message matching the predicate' : describeMatcher(match));
    return new Promise<SentMessage>((resolve, reject) => {
      const waiter: Waiter<SentMessage> = {
        match: predicate,
        resolve,
        reject,
        timer: this.scheduler.later(timeoutMs, () => {
          removeItem(this.messageWaiters, waiter);
          reject(new Error(`FakeBotApi.waitFor: no ${what} within ${timeoutMs} ms.\n${this.recentMessagesReport(chatId)}`));
        }),
      };
      this.messageWaiters.push(waiter);
    });
  }

  waitForCallbackAnswer(callbackQueryId: string, options: { timeoutMs?: number } = {}): Promise<CallbackAnswer> {
    const existing = this.answers.find((a) => a.callbackQueryId === callbackQueryId);
    if (existing !== undefined) return Promise.resolve(existing);
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise<CallbackAnswer>((resolve, reject) => {
      const waiter: Waiter<CallbackAnswer> = {
        match: (a) => a.callbackQueryId === callbackQueryId,
        resolve,
        reject,
        timer: this.scheduler.later(timeoutMs, () => {
          removeItem(this.answerWaiters, waiter);
          const known = this.queries.has(callbackQueryId) ? 'it was delivered but not answered' : 'the fake never issued this id';
          reject(new Error(`FakeBotApi.waitForCallbackAnswer: no answer to callback query ${callbackQueryId} within ${timeoutMs} ms (${known}).`));
        }),
      };
      this.answerWaiters.push(waiter);
    });
  }

  rejectWaiters(error: Error): void {
    for (const waiters of [this.messageWaiters, this.answerWaiters] as Array<Array<Waiter<never>>>) {
      for (const waiter of waiters.splice(0)) {
        this.scheduler.clear(waiter.timer);
        waiter.reject(error);
      }
    }
  }

  private recentMessagesReport(chatId: number | undefined): string {
    const source = chatId === undefined ? this.sent : this.chatMessages(chatId);
    const recent = source.slice(-10);
    const where = chatId === undefined ? 'overall' : `in chat ${chatId}`;
    if (recent.length === 0) return `No messages delivered ${where} (${this.sent.length} in total).`;
    return `Last ${recent.length} of ${source.length} messages ${where}:\n${recent.map(describeMessage).join('\n')}`;
  }
}

function notify<T>(scheduler: Scheduler, waiters: Array<Waiter<T>>, value: T): void {
  if (waiters.length === 0) return;
  for (const waiter of [...waiters]) {
    if (!waiter.match(value)) continue;
    removeItem(waiters, waiter);
    scheduler.clear(waiter.timer);
    waiter.resolve(value);
  }
}

function matcherToPredicate(matcher: MessageMatcher): (m: SentMessage) => boolean {
  return (m) => {
    if (matcher.chatId !== undefined && m.chatId !== matcher.chatId) return false;
    if (matcher.method !== undefined && m.method !== matcher.method) return false;
    if (matcher.text === undefined) return true;
    if (m.text === undefined) return false;
    return typeof matcher.text === 'string' ? m.text === matcher.text : matcher.text.test(m.text);
  };
}

function describeMatcher(matcher: MessageMatcher): string {
  const parts: string[] = [];
  if (matcher.method !== undefined) parts.push(matcher.method);
  if (matcher.chatId !== undefined) parts.push(`to chat ${matcher.chatId}`);
  if (matcher.text !== undefined) parts.push(`with text ${typeof matcher.text === 'string' ? JSON.stringify(matcher.text) : String(matcher.text)}`);
  return parts.length === 0 ? 'message' : `message ${parts.join(' ')}`;
}

function shorten(text: string | undefined, max = 80): string {
  if (text === undefined) return '(no text)';
  const flat = text.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}

function describeMessage(m: SentMessage): string {
  const buttons =
    m.replyMarkup !== undefined && 'inline_keyboard' in m.replyMarkup
      ? ` [${m.replyMarkup.inline_keyboard.map((row) => row.map((b) => b.text).join(' | ')).join(' / ')}]`
      : '';
  return `  #${m.seq} ${m.method} chat ${m.chatId} msg ${m.messageId}: ${shorten(m.text)}${buttons}`;
}

function removeItem<T>(list: T[], item: T): void {
  const index = list.indexOf(item);
  if (index !== -1) list.splice(index, 1);
}
