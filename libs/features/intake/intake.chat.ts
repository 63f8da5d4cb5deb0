// What residents say to file and follow their needs: free text starts the form; photos and
// voice notes attach to it; /my (我的需求) lists needs; 取消 N-… or the button cancels one.
import { button, command, flow, keyword, type ChatFeature, type Turn } from '@baiying/conversation';
import { cancelNeedButton, cancelNeedKeyword, myNeedsKeyword } from './intake.buttons.js';
import type { IntakeFeature } from './intake.feature.js';
import type { IntakeForm } from './intake.flow.js';
import { intakeFlow, MAX_ATTACHMENTS, pendingMediaFlow } from './intake.flow-state.js';
import { myNeedsMessage } from './intake.render.js';
import { detectLanguage } from '@baiying/nlu';

/**
 * The language a person's free text is clearly written in: at least two English words and no
 * Chinese, or at least two Chinese characters with at most one Latin word ("WiFi坏了"). Mixed
 * text, a lone "ok" or a number chooses nothing.
 */
export function clearLanguage(text: string): 'zh' | 'en' | null {
  const lang = detectLanguage(text);
  if (lang === 'en') return (text.match(/[A-Za-z]{2,}/g) ?? []).length >= 2 ? 'en' : null;
  if (lang === 'zh') return (text.match(/[\u3400-\u4dbf\u4e00-\u9fff]/g) ?? []).length >= 2 ? 'zh' : null;
  return null;
}

export function intakeChat(f: IntakeFeature, form: IntakeForm): ChatFeature {
  const myNeeds = async (turn: Turn) => {
    const needs = await f.myNeeds.execute(turn.w, turn.actor);
    if (needs.length === 0) return turn.say('my.empty');
    turn.reply(myNeedsMessage(needs, turn.w.buttons));
  };
  /** A photo or voice note before any words: kept for the need that follows. */
  const keepMedia = (turn: Turn, earlier: Array<{ kind: string; fileRef: string }>, att: { kind: 'photo' | 'voice'; fileRef: string; caption?: string }) => {
    if (att.caption?.trim()) return form.start(turn, att.caption, [...earlier, { kind: att.kind, fileRef: att.fileRef }]);
    pendingMediaFlow.start(turn, { attachments: [...earlier, { kind: att.kind, fileRef: att.fileRef }].slice(0, MAX_ATTACHMENTS) });
    turn.say(att.kind === 'voice' ? 'voice_kept' : 'photo_first');
  };
  return {
    feature: 'intake',
    commands: [command('my', 'private', myNeeds)],
    keywords: [
      keyword(myNeedsKeyword, 'private', myNeeds),
      keyword(cancelNeedKeyword, 'private', async (turn, a) => {
        const r = await f.cancel.execute(turn.w, turn.actor, { needCode: a.code });
        if (!r.ok) turn.fail(r, false);
      }),
    ],
    buttons: [
      button(cancelNeedButton, 'private', async (turn, p) => {
        const r = await f.cancel.execute(turn.w, turn.actor, { needId: p.needId });
        return r.ok ? turn.toast('need.cancelled', { code: r.value.code }) : turn.fail(r, true, { code: '' });
      }),
    ],
    flows: [
      flow(intakeFlow, {
        onText: (turn, data, text) => form.onText(turn, data, text),
        onChoice: (turn, data, choice) => form.onChoice(turn, data, choice),
        onLocation: (turn, data, loc) => form.onLocation(turn, data, loc),
        onMedia: (turn, data, att) => form.onMedia(turn, data, att),
      }),
      flow(pendingMediaFlow, {
        onText: (turn, data, text) => {
          turn.clearDialogue();
          return form.start(turn, text, data.attachments);
        },
        onChoice: (turn) => turn.toast('button/stale', {}, true),
        onMedia: (turn, data, att) => keepMedia(turn, data.attachments, att),
      }),
    ],
    // Only with a model configured (decision 0049): local understanding needs no preparation, and
    // then the engine does not read the chat's state before the transaction either.
    ...(form.prepares ? { prepareText: (text: string, now: Date, flow: string | null) => form.prepare(text, now, flow) } : {}),
    languageOf: clearLanguage,
    fallbacks: {
      text: (turn, text) => form.start(turn, text),
      media: (turn, att) => keepMedia(turn, [], att),
    },
  };
}
