// The conversation's cost to the people in it: turns and characters of the standard scenarios
// (file a need, take and finish a job, confirm and rate, create a call), walked on the running
// compiled apps through the fake Telegram Bot API. The same measurement as the e2e suite's
// report (tests/e2e/conversation); see tests/support/conversation-turns.ts for the definitions.
import { CONVERSATION_DEFINITION, conversationCast, measureConversation, type ConversationFigures } from '../tests/support/conversation-turns.js';
import type { BenchContext } from './support/context.js';
import { section } from './support/section.js';

export interface ConversationResult extends ConversationFigures {
  definition: string;
}

export const conversationSection = section<ConversationResult>({
  key: 'conversation',
  title: 'Conversation: turns and characters',
  apps: 'running',
  async run(ctx: BenchContext): Promise<ConversationResult> {
    const fake = await ctx.fake();
    await ctx.startApps();
    const cast = conversationCast(9_100_000);
    const figures = await measureConversation(fake, ctx.prisma, ctx.cipher, cast, 60_000);
    // Its volunteer leaves the county's audience again: the broadcast section counts its own
    // seeded recipients, and a call to everyone would otherwise reach one more.
    await ctx.prisma.volunteer.updateMany({
      where: { person: { identities: { some: { channel: 'telegram', externalId: String(cast.volunteer.id) } } } },
      data: { status: 'rejected' },
    });
    ctx.log(
      `  need ${figures.need_turns} turns / ${figures.need_bot_chars} chars, job ${figures.job_turns} / ${figures.job_bot_chars}, ` +
        `confirm ${figures.confirm_turns} / ${figures.confirm_bot_chars}, call ${figures.call_turns} / ${figures.call_bot_chars}`,
    );
    return { definition: CONVERSATION_DEFINITION, ...figures };
  },
});
