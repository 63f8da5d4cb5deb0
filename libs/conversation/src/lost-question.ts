// A form's open question whose message may never have reached the chat is asked again, once, as a
// new message, so no bot kill leaves a resident inside a form with nothing to answer (decision
// 0065). A bot killed between claiming a reply and the platform call leaves the row `uncertain`,
// never sent again (at most once: decisions 0004 and 0009). Two ways in, whichever comes first:
// the reconciler when it turns the claim uncertain (`askLostQuestionAgain`), and a press of an
// older button of the form (`Turn.askAgainIfLost`). After either, the copy is the open question,
// so the other finds nothing to do.
import type { Channel, OutMessage } from '@baiying/domain';
import { PurposeKey, Priority } from '@baiying/domain';
import type { Work } from '@baiying/kernel';
import { readDialogue } from './dialogue.js';

/** The open question's message as stored, when its fate is unknown (uncertain, not an edit); else null. */
export async function lostQuestion(w: Work, askedKey: string): Promise<OutMessage | null> {
  const row = await w.repos.messaging.byPurpose(askedKey);
  if (row?.status !== 'uncertain' || row.editOf !== null) return null;
  return JSON.parse(w.deps.cipher.decrypt(row.bodyEnc)) as OutMessage;
}

/**
 * The reconciler's side: a reply that just turned uncertain and is still its chat's open question
 * is sent again (`PurposeKey.askedAgain`: once per lost row, whatever the reconciler's retries) and
 * becomes the open question. Its buttons still carry the form's nonce, so the copy works as the
 * original would have. Under the chat's lock, so no turn moves the form meanwhile. True when asked.
 */
export async function askLostQuestionAgain(w: Work, lost: { purposeKey: string; channel: Channel; chatId: string }): Promise<boolean> {
  await w.repos.messaging.lockChat(lost.channel, lost.chatId);
  const d = readDialogue((s) => w.deps.cipher.decrypt(s), await w.repos.messaging.stateData(lost.channel, lost.chatId));
  if (!d?.asked || d.asked.key !== lost.purposeKey) return false;
  const m = await lostQuestion(w, lost.purposeKey);
  if (!m) return false;
  const key = PurposeKey.askedAgain(lost.purposeKey);
  w.out.to({ channel: lost.channel, chatId: lost.chatId }, key, 'reply', m, Priority.interactive, m.locale);
  const next = { ...d, asked: { key, text: d.asked.text } };
  w.repos.messaging.stageState(lost.channel, lost.chatId, d.flow, w.deps.cipher.encrypt(JSON.stringify(next)));
  return true;
}
