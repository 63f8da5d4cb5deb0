// The "turns and characters" report: the standard conversations walked on the compiled bot and
// worker through the fake Telegram Bot API, printed as a table (the same figures as the bench's
// "conversation" section). The ceilings are today's figures: a change that makes a resident,
// a volunteer or a coordinator do more, or read much more, fails here and has to say why.
import { CONVERSATION_DEFINITION, conversationCast, measureConversation, type ConversationFigures } from '../../support/conversation-turns.js';
import { FakeBotApi } from '../../support/fake-telegram/fake-bot-api.js';
import { startTelegramDesk, type TelegramDesk } from '../../support/telegram-desk.js';

const TOKEN = '123456:TEST-token_for_turns';

/**
 * At most this many turns; at most this many characters to read (today's figures, rounded up).
 * Before one language per person the bot's characters were 854 / 946 / 727 / 1,494; after, 304 / 358 / 273 / 485.
 * Settled pickers (decision 0039, edits read for what they changed): 326 / 377 / 281 / 493 before, 332 / 377 / 283 / 531
 * after (the call preview now also states the parsed start and end).
 */
const CEILING: Record<'need' | 'job' | 'confirm' | 'call', { turns: number; chars: number }> = {
  need: { turns: 7, chars: 350 },
  job: { turns: 4, chars: 410 },
  confirm: { turns: 3, chars: 320 },
  call: { turns: 10, chars: 560 },
};

describe('turns and characters of the standard conversations', () => {
  const fake = new FakeBotApi({ token: TOKEN, botInfo: { username: 'baiying_turns_bot', first_name: '百应' } });
  let desk: TelegramDesk | undefined;

  beforeAll(async () => {
    desk = await startTelegramDesk(fake, TOKEN);
  }, 120_000);

  afterAll(() => desk?.stop());

  it('files a need, takes and finishes it, confirms and rates it, and creates a call within today’s turns', async () => {
    const cast = conversationCast(700_000);
    let figures: ConversationFigures;
    try {
      figures = await measureConversation(fake, desk!.h.prisma, desk!.h.cipher, cast);
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.message : String(e)}\n${desk?.logs() ?? ''}`, { cause: e });
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
