// WeChat personal accounts have no buttons: a message's buttons become lines to reply with.
// In a private chat every button gets a number (the newest numbered message is what "1"
// answers), and the keyword where it has one ("回复 1 或「参加 M-…」"); in a group, where
// numbers would be ambiguous between members, a keyword or nothing.
import type { OutMessage } from '@baiying/domain';
import { t } from '@baiying/i18n';

/** The payloads a numbered reply ("1", "2", …) stands for, in the order they were shown. */
export function numberedChoices(msg: OutMessage, privateChat = true): string[] {
  return (msg.buttons ?? [])
    .flat()
    .filter((b) => privateChat || !b.keyword)
    .map((b) => b.data);
}

/** The message with its buttons as reply lines, in the language the message was written in. */
export function renderWechat(msg: OutMessage, privateChat = true): string {
  const locale = msg.locale ?? 'zh';
  const lines = [msg.text];
  let n = 0;
  for (const b of (msg.buttons ?? []).flat()) {
    const label = b.label;
    if (b.keyword && !privateChat) lines.push(t('wechat.reply_word', { word: b.keyword, label }, locale));
    else if (b.keyword) lines.push(t('wechat.reply_number_or_word', { n: ++n, word: b.keyword, label }, locale));
    else lines.push(t('wechat.reply_number', { n: ++n, label }, locale));
  }
  return lines.join('\n');
}

/** Several numbers answered at once for a multi-select ("1 3 5", "1,3,5", "1、3、5"): null unless two or more. */
export function parseChoiceNumbers(text: string): number[] | null {
  const s = text.normalize('NFKC').trim();
  if (!/^\d{1,2}(?:\s*[,，、;；\s]\s*\d{1,2})+$/.test(s)) return null;
  const ns = [...new Set(s.split(/[^\d]+/).map(Number))];
  return ns.length > 1 && ns.length <= MAX_NUMBERS_AT_ONCE ? ns : null;
}

/** More numbers than any menu has are not an answer. */
const MAX_NUMBERS_AT_ONCE = 30;

/** "1", "１", " 2 " → 1, 2; anything else → null. */
export function parseChoiceNumber(text: string): number | null {
  const m = /^\s*(\d{1,2})\s*$/.exec(text.normalize('NFKC'));
  return m ? Number(m[1]) : null;
}
