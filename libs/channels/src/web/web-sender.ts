// The web chat channel: the desk "sends" by appending to a mailbox table the page polls.
// It is local (kiosks, demos), so it has no platform limits to pace. Texts are stored encrypted.
import type { FieldCipher } from '@baiying/crypto';
import type { Prisma, PrismaClient } from '@baiying/db';
import { Repos } from '@baiying/db';
import type { OutMessage } from '@baiying/domain';
import type { ChannelSender } from '../port.js';

const buttonsJson = (msg: OutMessage): Prisma.InputJsonValue => (msg.buttons ?? []).map((row) => row.map((b) => ({ label: b.label, data: b.data })));

export class WebSender implements ChannelSender {
  readonly channel = 'web' as const;
  private readonly repos: Repos;

  constructor(
    prisma: PrismaClient,
    private readonly cipher: FieldCipher,
  ) {
    this.repos = new Repos(prisma);
  }

  async reserve(): Promise<number> {
    return 0;
  }

  async backOff(): Promise<void> {}

  async send(chatId: string, msg: OutMessage): Promise<{ messageRef: string }> {
    const seq = await this.repos.messaging.webAppend(chatId, this.cipher.encrypt(msg.text), buttonsJson(msg), { locale: msg.locale ?? null });
    return { messageRef: String(seq) };
  }

  async edit(_chatId: string, messageRef: string, msg: OutMessage): Promise<void> {
    await this.repos.messaging.webEdit(BigInt(messageRef), this.cipher.encrypt(msg.text), buttonsJson(msg), msg.locale ?? null);
  }
}
