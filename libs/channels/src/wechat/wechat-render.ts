// WeChat personal accounts have no buttons: a message's buttons become lines to reply with.
// In a private chat every button gets a number (the newest numbered message is what "1"
// answers), and the keyword where it has one ("回复 1 或「参加 M-…」"); in a group, where
// numbers would be ambiguous between members, a keyword or nothing.
import type { OutMessage } from '@baiying/domain';

/** The payloads a numbered reply ("1", "2", …) stands for, in the order they were shown. */
export function numberedChoices(msg: OutMessage, privateChat = true): string[] {
  return (msg.buttons ?? [])
    .flat()
    .filter((b) => privateChat || !b.keyword)
    .map((b) => b.data);
}

export function renderWechat(msg: OutMessage, privateChat = true): string {
  const lines = [msg.text];
  let n = 0;
  for (const b of (msg.buttons ?? []).flat()) {
    if (privateChat) lines.push(b.keyword ? `👉 回复 ${++n} 或「${b.keyword}」：${b.label}` : `👉 回复 ${++n}：${b.label}`);
    else lines.push(b.keyword ? `👉 回复「${b.keyword}」：${b.label}` : `👉 回复 ${++n}：${b.label}`);
  }
  return lines.join('\n');
}

/** "1", "１", " 2 " → 1, 2; anything else → null. */
export function parseChoiceNumber(text: string): number | null {
  const m = /^\s*(\d{1,2})\s*$/.exec(text.normalize('NFKC'));
  return m ? Number(m[1]) : null;
}
