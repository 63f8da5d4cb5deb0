// The "turns and characters" report: the standard conversations walked on the compiled bot and
// worker through the fake Telegram Bot API, printed as a table (the same figures as the bench's
// "conversation" section). The ceilings are today's figures: a change that makes a resident,
// a volunteer or a coordinator do more, or read much more, fails here and has to say why.
import { loadConfig } from '@baiying/config';
import { CONVERSATION_DEFINITION, conversationCast, measureConversation, type ConversationFigures } from '../../support/conversation-turns.js';
import { FakeBotApi, type FakeUser } from '../../support/fake-telegram/fake-bot-api.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { deskHarness, flushPrefix, resetDatabase, testEnv, type DeskHarness } from '../../support/test-env.js';

const TOKEN = '123456:TEST-token_for_turns';

/**
 * At most this many turns; at most this many characters to read (today's figures, rounded up).
 * Before one language per person the bot's characters were 854 / 946 / 727 / 1,494; after, 304 / 358 / 273 / 485.
 */
const CEILING: Record<'need' | 'job' | 'confirm' | 'call', { turns: number; chars: number }> = {
  need: { turns: 7, chars: 350 },
  job: { turns: 4, chars: 410 },
  confirm: { turns: 3, chars: 320 },
  call: { turns: 10, chars: 560 },
};

describe('turns and characters of the standard conversations', () => {
  const fake = new FakeBotApi({ token: TOKEN, botInfo: { username: 'baiying_turns_bot', first_name: '百应' } });
  let env: Record<string, string>;
  let h: DeskHarness;
  let bot: AppProcess | undefined;
  let worker: AppProcess | undefined;

  beforeAll(async () => {
    await fake.start();
    env = testEnv({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, OUTBOX_POLL_MS: '200', LOG_LEVEL: 'log' });
    h = deskHarness(loadConfig(env), 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    worker = await startApp('worker', env, /startup reconcile/);
    bot = await startApp('bot', env, /long polling/);
    const warm: FakeUser = { id: 999, first_name: 'warm-up' };
    fake.sendText(warm, { id: warm.id, type: 'private' }, '/help');
    await fake.waitFor({ chatId: warm.id, text: /居民：直接描述需求即可/ }, { timeoutMs: 60_000, description: 'warm-up reply' });
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await worker?.stop();
    await fake.stop();
    await h?.close();
    await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);
  });

  it('files a need, takes and finishes it, confirms and rates it, and creates a call within today’s turns', async () => {
    const cast = conversationCast(700_000);
    let figures: ConversationFigures;
    try {
      figures = await measureConversation(fake, h.prisma, h.cipher, cast);
    } catch (e) {
      throw new Error(
        `${e instanceof Error ? e.message : String(e)}\n--- bot ---\n${bot?.output().slice(-3000)}\n--- worker ---\n${worker?.output().slice(-1500)}`,
        { cause: e },
      );
    }
    const rows = (['need', 'job', 'confirm', 'call'] as const).map((k) => ({
      scenario: k,
      turns: figures[`${k}_turns`],
      bot_messages: figures[`${k}_bot_messages`],
      bot_chars: figures[`${k}_bot_chars`],
    }));
    process.stdout.write(
      `turns and characters (${CONVERSATION_DEFINITION})\n${rows.map((r) => `  ${r.scenario.padEnd(8)} ${r.turns} turns, ${r.bot_messages} messages, ${r.bot_chars} chars`).join('\n')}\n`,
    );
    for (const r of rows) {
      expect(r.turns).toBeGreaterThan(0);
      expect(r.turns).toBeLessThanOrEqual(CEILING[r.scenario].turns);
      expect(r.bot_chars).toBeGreaterThan(0);
      expect(r.bot_chars).toBeLessThanOrEqual(CEILING[r.scenario].chars);
    }
    // The resident reads the story in order: taken, on the way, done (each waited for the
    // resident chat's 1-per-second pace; a later one must not overtake an earlier one).
    const said = fake
      .chatMessages(cast.resident.id)
      .filter((m) => m.method === 'sendMessage')
      .map((m) => m.text ?? '');
    const at = (re: RegExp) => said.findIndex((t) => re.test(t));
    expect(at(/接下了您的需求/)).toBeGreaterThan(-1);
    expect(at(/接下了您的需求/)).toBeLessThan(at(/已出发/));
    expect(at(/已出发/)).toBeLessThan(at(/是否已完成/));
    // The pacing held while the scenarios ran.
    expect(fake.stats.limitBreaches).toBe(0);
  }, 180_000);
});
