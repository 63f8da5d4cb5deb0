// The web chat's side of the mailbox the page polls: the latest messages of a chat (in full on
// every poll, so edits such as job cards show without a diff protocol) and the demo personas.
import type { FieldCipher } from '@baiying/crypto';
import { listWebPersonas, Repos, type PrismaClient, type WebPersona } from '@baiying/db';

export interface WebChatMessage {
  seq: string;
  text: string;
  buttons: unknown;
  edited: boolean;
  at: string;
  /** Written by the person themselves (shown on their side); else the desk's. */
  mine: boolean;
  /** The language the desk's message was written in (zh/en), when known. */
  locale: string | null;
}

export class WebMailbox {
  private readonly repos: Repos;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
  ) {
    this.repos = new Repos(prisma);
  }

  async recent(chatId: string, take: number): Promise<WebChatMessage[]> {
    const rows = await this.repos.messaging.webRecent(chatId, take);
    // Legacy rows (clear `text`, not yet moved by keys:rotate) are read as they are.
    return rows.map((r) => ({
      seq: String(r.seq),
      text: this.cipher.decryptOptional(r.textEnc) ?? r.text ?? '',
      buttons: r.buttons,
      edited: r.editedAt !== null,
      at: r.createdAt.toISOString(),
      mine: r.mine,
      locale: r.locale,
    }));
  }

  /** Keeps what a person wrote in their chat (encrypted), so their page shows it after a reload. */
  async recordOwn(chatId: string, text: string): Promise<void> {
    await this.repos.messaging.webAppend(chatId, this.cipher.encrypt(text), [], { mine: true });
  }

  personas(): Promise<WebPersona[]> {
    return listWebPersonas(this.prisma, this.cipher);
  }
}
