// Buttons that remember: once a question is answered (a call's 参加/不能参加, a resident's
// 是否已完成, the stars), the message that asked is rewritten to say what happened and loses the
// buttons that no longer apply, instead of a toast over a message whose buttons stay live.
// Channels that cannot edit (WeChat) are left alone: there an edit would arrive as one more
// message, and the answer's own reply already says what happened.
import type { Renderer } from './outbound.js';
import type { Work } from './unit-of-work.js';

/**
 * Rewrites each message sent under an `askedKey` (if it is still pending or delivered, on a channel
 * that edits) as `render`, in one read for all of them; each `editKey` names its rewrite, so a
 * rewrite written once is not written again.
 */
export async function rewriteAsked(w: Work, asks: Array<{ askedKey: string; editKey: string }>, template: string, render: Renderer): Promise<void> {
  await rewriteEachAsked(
    w,
    asks.map((a) => ({ ...a, render })),
    template,
  );
}

/** As `rewriteAsked`, each message with its own rewrite (a batch of answers to one call): still one read. */
export async function rewriteEachAsked(w: Work, asks: Array<{ askedKey: string; editKey: string; render: Renderer }>, template: string): Promise<void> {
  if (!asks.length) return;
  const found = new Map((await w.repos.messaging.byPurposes(asks.map((a) => a.askedKey))).map((m) => [m.purposeKey, m]));
  for (const { askedKey, editKey, render } of asks) {
    const asked = found.get(askedKey);
    if (!asked || asked.editOf || (asked.status !== 'pending' && asked.status !== 'sent')) continue;
    if (!w.deps.channels.capabilities(asked.channel).canEdit) continue;
    w.out.edit({ channel: asked.channel, chatId: asked.chatId, purposeKey: asked.purposeKey }, editKey, template, render);
  }
}
