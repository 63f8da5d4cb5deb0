/**
 * Shared set-up for the tests of the fake Telegram Bot API: a fresh fake per test, a plain
 * HTTP client, and bounded waits for conditions the fake exposes.
 */
import type { Update } from 'grammy/types';
import { FakeBotApi, type FakeBotApiOptions, type FakeChat, type FakeUser, type RateLimits } from '../../support/fake-telegram/fake-bot-api.js';

export interface ApiReply {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

export const alice: FakeUser = { id: 1001, first_name: 'Alice', username: 'alice' };
export const bob: FakeUser = { id: 1002, first_name: 'Bob' };
export const aliceChat: FakeChat = FakeBotApi.privateChat(alice);
export const bobChat: FakeChat = FakeBotApi.privateChat(bob);
export const group: FakeChat = { id: -4001, type: 'group', title: 'Volunteers' };

/** For tests about something else than the flood limits: no send is ever rejected for its timing. */
export const NO_LIMITS: RateLimits = { globalPerSecond: Infinity, perChatPerSecond: Infinity, perGroupPerMinute: Infinity };

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Registers a fake that is created and started before each test of the enclosing describe
 * and stopped after it (also when the test fails), so no test sees another test's state.
 * Returns the accessor for the current test's fake.
 */
export function useFake(options: FakeBotApiOptions = {}): () => FakeBotApi {
  let current: FakeBotApi | undefined;
  beforeEach(async () => {
    current = new FakeBotApi(options);
    await current.start();
  });
  afterEach(async () => {
    const fake = current;
    current = undefined;
    await fake?.stop();
  });
  return () => {
    if (current === undefined) throw new Error('useFake: the fake exists only inside a test');
    return current;
  };
}

/** A plain HTTP client, like the project's broadcast sender (no grammY in between). */
export async function call(fake: FakeBotApi, method: string, body: Record<string, unknown>, token = fake.token): Promise<{ status: number; reply: ApiReply }> {
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, reply: (await res.json()) as ApiReply };
}

/** The message_id of a successful send. */
export function messageIdOf(reply: ApiReply): number {
  const id = (reply.result as { message_id?: unknown } | undefined)?.message_id;
  if (typeof id !== 'number') throw new Error(`not a sent message: ${JSON.stringify(reply)}`);
  return id;
}

/** getUpdates without holding; returns the update ids handed out. */
export async function poll(fake: FakeBotApi, body: Record<string, unknown>): Promise<number[]> {
  const { reply } = await call(fake, 'getUpdates', body);
  expect(reply).toMatchObject({ ok: true });
  return (reply.result as Update[]).map((u) => u.update_id);
}

/** Waits (checking every 5 ms, bounded by `timeoutMs`) until `condition` holds; fails naming `what`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}
