// Erasure and retention (docs/privacy.md). Which columns hold personal data, and what becomes of
// them, is decided by the register in personal-data.ts; this repository only applies it. The
// ledger (service_record, points_entry) is never touched: it stays linked to the person row,
// which is kept under a random display name.
import { PurposeKey } from '@baiying/domain';
import type { Tx } from '../prisma.js';
import { anonymiseSet, ERASED_ROWS, type AnonymiseValues, type PersonalTable } from '../personal-data.js';

/** Statuses after which a need changes no more (its personal fields may be anonymised later). */
const CLOSED_NEED = ['confirmed', 'cancelled', 'unfulfilled'] as const;

/** Needs anonymised per retention pass (the next pass takes the rest). */
const RETENTION_BATCH = 500;

export interface ErasureSubject {
  personId: string;
  /** Who erased: the person themselves or a coordinator. */
  byId: string;
  kind: 'self' | 'coordinator';
}

export class PrivacyRepository {
  constructor(private readonly tx: Tx) {}

  /** Anonymises the register's columns of `table` in the rows whose `key` is one of `ids`. */
  private async anonymise(table: PersonalTable, key: string, ids: string[], v: AnonymiseValues): Promise<number> {
    if (ids.length === 0) return 0;
    const { set, values } = anonymiseSet(table, v);
    return this.tx.$executeRawUnsafe(`UPDATE "${table}" SET ${set} WHERE "${key}" = ANY($${values.length + 1}::uuid[])`, ...values, ids);
  }

  /** A need's personal fields and those of everything about it (events, rating, claims, corrections, photos). */
  private async anonymiseNeeds(needIds: string[], v: AnonymiseValues, now: Date): Promise<void> {
    if (needIds.length === 0) return;
    await this.anonymise('need', 'id', needIds, v);
    await this.tx.need.updateMany({ where: { id: { in: needIds } }, data: { anonymisedAt: now } });
    await this.anonymise('need_event', 'needId', needIds, v);
    await this.anonymise('rating', 'needId', needIds, v);
    await this.anonymise('claim', 'needId', needIds, v);
    await this.anonymise('nlu_correction', 'needId', needIds, v);
    await this.tx.attachment.deleteMany({ where: { needId: { in: needIds } } });
  }

  /** Codes of the person's needs that are still open (erasure waits until they are closed). */
  async openNeedCodes(personId: string): Promise<string[]> {
    const rows = await this.tx.need.findMany({ where: { residentId: personId, status: { notIn: [...CLOSED_NEED] } }, select: { code: true } });
    return rows.map((r) => r.code);
  }

  /** Whether the person holds a job in progress (erasure waits until it is finished or released). */
  async hasActiveClaim(personId: string): Promise<boolean> {
    return (await this.tx.claim.count({ where: { volunteerId: personId, status: { in: ['active', 'disputed'] } } })) > 0;
  }

  /** The people (not erased) whose phone has one of these keyed hashes. */
  async peopleByPhoneHash(hashes: string[]): Promise<string[]> {
    const rows = await this.tx.person.findMany({ where: { phoneHash: { in: hashes }, erasedAt: null }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** The org units a person belongs to: their needs' stations, their volunteer station, their roles' units. */
  async unitsOf(personId: string): Promise<string[]> {
    const [needs, volunteer, roles] = await Promise.all([
      this.tx.need.findMany({ where: { residentId: personId }, select: { stationId: true }, distinct: ['stationId'] }),
      this.tx.volunteer.findUnique({ where: { personId }, select: { stationId: true } }),
      this.tx.roleAssignment.findMany({ where: { personId }, select: { orgUnitId: true } }),
    ]);
    return [...new Set([...needs.map((n) => n.stationId), ...(volunteer ? [volunteer.stationId] : []), ...roles.map((r) => r.orgUnitId)])];
  }

  /**
   * Erases a person's personal data: their needs' and ratings' free text, their accounts,
   * chats, messages, sessions, codes, tokens and roles; the person row stays under a random
   * name with its ledger (hours, points) whole. Writes the audit row (ids only). False when the
   * person was already erased (the conditional update also serialises two erasures at once).
   */
  async erasePerson(s: ErasureSubject, v: AnonymiseValues, now: Date): Promise<boolean> {
    const { personId } = s;
    const claimed = await this.tx.person.updateMany({ where: { id: personId, erasedAt: null }, data: { erasedAt: now } });
    if (claimed.count === 0) return false;
    const identities = await this.tx.channelIdentity.findMany({ where: { personId }, select: { channel: true, chatId: true } });
    const chats = identities.map((i) => ({ channel: i.channel, chatId: i.chatId }));
    const webChats = identities.filter((i) => i.channel === 'web').map((i) => i.chatId);
    const needIds = (await this.tx.need.findMany({ where: { residentId: personId }, select: { id: true } })).map((n) => n.id);
    // Messages about their needs sent to others (volunteers' job details, cards, statuses) go too.
    const [dispatches, claims] = await Promise.all([
      this.tx.dispatch.findMany({ where: { needId: { in: needIds } }, select: { id: true } }),
      this.tx.claim.findMany({ where: { needId: { in: needIds } }, select: { id: true } }),
    ]);
    const aboutNeeds = [
      ...needIds.map((id) => PurposeKey.messagesOfNeed(id)),
      ...dispatches.map((d) => PurposeKey.cardsOf(d.id)),
      ...claims.map((c) => PurposeKey.messagesOfClaim(c.id)),
    ].map((prefix) => ({ purposeKey: { startsWith: prefix } }));
    const sentTo = [...chats.map((c) => ({ channel: c.channel, chatId: c.chatId })), ...aboutNeeds];

    await this.anonymiseNeeds(needIds, v, now);
    await this.anonymise('rating', 'residentId', [personId], v);
    await this.anonymise('claim', 'volunteerId', [personId], v);
    await this.anonymise('call_recipient', 'personId', [personId], v);
    // Every table in ERASED_ROWS has its deletion here (the type makes a new entry need one).
    const deletions: Record<(typeof ERASED_ROWS)[number], () => Promise<unknown>> = {
      attachment: () => this.tx.attachment.deleteMany({ where: { needId: { in: needIds } } }),
      conversation_state: () => this.tx.conversationState.deleteMany({ where: { OR: chats.map((c) => ({ channel: c.channel, chatKey: c.chatId })) } }),
      sent_message: () => this.tx.sentMessage.deleteMany({ where: { OR: sentTo } }),
      web_message: () => this.tx.webMessage.deleteMany({ where: { chatId: { in: webChats } } }),
      web_session: () => this.tx.webSession.deleteMany({ where: { OR: [{ personId }, { chatId: { in: webChats } }] } }),
      console_login: () => this.tx.consoleLogin.deleteMany({ where: { personId } }),
      console_saved_filter: () => this.tx.consoleSavedFilter.deleteMany({ where: { personId } }),
      link_code: () => this.tx.linkCode.deleteMany({ where: { personId } }),
      api_token: () => this.tx.apiToken.deleteMany({ where: { personId } }),
      role_assignment: () => this.tx.roleAssignment.deleteMany({ where: { personId } }),
      channel_identity: () => this.tx.channelIdentity.deleteMany({ where: { personId } }),
    };
    for (const table of ERASED_ROWS) {
      // An empty OR matches every row: with no chats there is nothing of theirs to delete.
      if ((table === 'conversation_state' && chats.length === 0) || (table === 'sent_message' && sentTo.length === 0)) continue;
      await deletions[table]();
    }
    await this.anonymise('person', 'id', [personId], v);
    await this.tx.erasureLog.create({ data: { subjectId: personId, byId: s.byId, kind: s.kind, createdAt: now } });
    return true;
  }

  // --- retention ----------------------------------------------------------------------------

  /** Anonymises needs closed (last changed) before `before` and not anonymised yet; returns how many. */
  async anonymiseClosedNeeds(before: Date, v: AnonymiseValues, now: Date): Promise<number> {
    const ids = (
      await this.tx.need.findMany({
        where: { status: { in: [...CLOSED_NEED] }, updatedAt: { lt: before }, anonymisedAt: null },
        select: { id: true },
        orderBy: { updatedAt: 'asc' },
        take: RETENTION_BATCH,
      })
    ).map((n) => n.id);
    await this.anonymiseNeeds(ids, v, now);
    return ids.length;
  }

  /** Deletes dialogue state idle since before `before`. */
  async pruneDialogues(before: Date): Promise<number> {
    return (await this.tx.conversationState.deleteMany({ where: { updatedAt: { lt: before } } })).count;
  }

  /** Deletes sent (or finally failed / uncertain) outbox rows created before `before`; rows still in flight stay. */
  async pruneSentMessages(before: Date): Promise<number> {
    return (await this.tx.sentMessage.deleteMany({ where: { createdAt: { lt: before }, status: { in: ['sent', 'failed', 'uncertain'] } } })).count;
  }

  /** Deletes web-chat mailbox messages created before `before`. */
  async pruneWebMessages(before: Date): Promise<number> {
    return (await this.tx.webMessage.deleteMany({ where: { createdAt: { lt: before } } })).count;
  }

  /** Deletes dead letters (encrypted inbound events) whose last failure was before `before`, replayed or not. */
  async pruneDeadLetters(before: Date): Promise<number> {
    return (await this.tx.deadLetter.deleteMany({ where: { lastFailureAt: { lt: before } } })).count;
  }

  /**
   * Deletes link codes, API tokens and web sessions that expired or were revoked by `now`, and
   * console login requests a day past their expiry (the page may still poll a finished one).
   */
  async pruneExpiredCodes(now: Date): Promise<number> {
    const logins = await this.tx.consoleLogin.deleteMany({ where: { expiresAt: { lte: new Date(now.getTime() - 86_400_000) } } });
    const codes = await this.tx.linkCode.deleteMany({ where: { expiresAt: { lte: now } } });
    const tokens = await this.tx.apiToken.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { revokedAt: { not: null } }] } });
    const sessions = await this.tx.webSession.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { revokedAt: { not: null } }] } });
    return codes.count + tokens.count + sessions.count + logins.count;
  }
}
