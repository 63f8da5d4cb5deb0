// What the chaos test counts afterwards: duplicate sends, from the desk's outbox rows and the
// fake Bot API's record of what arrived. A send is a duplicate when more messages with the same
// text arrived in a chat than the desk ever decided to send there (its sent_message rows with
// that chat and text: each row is one decision, and identical texts of different rows, such as
// a question asked twice, are allowed as many times as there are rows).
import type { FieldCipher } from '@baiying/crypto';
import type { PrismaClient } from '@baiying/db';
import type { OutMessage } from '@baiying/domain';
import type { SentMessage } from '../fake-telegram/fake-bot-api.js';

export interface Duplicate {
  chatId: number;
  text: string;
  arrived: number;
  rows: number;
  /** Purpose keys of the rows with that text (empty: nothing decided it). */
  keys: string[];
  /** Arrival times (epoch ms) of the copies. */
  at: number[];
  /** Arrival times of the copies no row recorded as its platform message (the surplus is among them). */
  unrecordedAt: number[];
  /** A broadcast row (at most once): any duplicate is a breach of the hard guarantee. */
  atMostOnce: boolean;
}

const keyOf = (chatId: string | number, text: string) => `${chatId}\u0000${text}`;

/** New messages (sendMessage) that arrived more often than rows decided them. */
export async function duplicateSends(prisma: PrismaClient, cipher: FieldCipher, messages: readonly SentMessage[]): Promise<Duplicate[]> {
  const rows = await prisma.sentMessage.findMany({
    where: { channel: 'telegram', editOf: null },
    select: { chatId: true, bodyEnc: true, purposeKey: true, status: true, atMostOnce: true, messageRef: true },
  });
  const recorded = new Set(rows.filter((r) => r.messageRef).map((r) => `${r.chatId}:${r.messageRef}`));
  const decided = new Map<string, { keys: string[]; atMostOnce: boolean }>();
  for (const r of rows) {
    const text = (JSON.parse(cipher.decrypt(r.bodyEnc)) as OutMessage).text;
    const k = keyOf(r.chatId, text);
    const d = decided.get(k) ?? { keys: [], atMostOnce: false };
    d.keys.push(r.purposeKey);
    d.atMostOnce ||= r.atMostOnce;
    decided.set(k, d);
  }
  const arrived = new Map<string, SentMessage[]>();
  for (const m of messages) {
    if (m.method !== 'sendMessage') continue;
    const k = keyOf(m.chatId, m.text ?? '');
    arrived.set(k, [...(arrived.get(k) ?? []), m]);
  }
  const out: Duplicate[] = [];
  for (const [k, ms] of arrived) {
    const d = decided.get(k);
    const allowed = d?.keys.length ?? 0;
    if (ms.length <= allowed) continue;
    out.push({
      chatId: ms[0]!.chatId,
      text: (ms[0]!.text ?? '').slice(0, 80),
      arrived: ms.length,
      rows: allowed,
      keys: d?.keys ?? [],
      at: ms.map((m) => m.at),
      unrecordedAt: ms.filter((m) => !recorded.has(`${m.chatId}:${m.messageId}`)).map((m) => m.at),
      atMostOnce: d?.atMostOnce ?? false,
    });
  }
  return out;
}
