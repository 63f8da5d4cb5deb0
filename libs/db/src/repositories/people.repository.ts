import type { FieldCipher } from '@baiying/crypto';
import { nameColumns, personName } from '../person-name.js';
import { rawRows } from '../direct-sql.js';
import { Prisma, type Channel, type Tx } from '../prisma.js';
import { PeopleIdentityRepository } from './people-identity.repository.js';

export interface ActorRow {
  personId: string;
  displayName: string;
  locale: string;
  /** Where `locale` came from: default, client, text or chosen (see the person table). */
  localeSource: string;
  coordinatorUnitIds: string[];
  volunteer: { status: 'pending' | 'approved' | 'rejected'; stationId: string; teamIds: string[] } | null;
}

interface ActorSqlRow {
  personId: string;
  displayNameEnc: string | null;
  displayNameClear: string | null;
  locale: string;
  localeSource: string;
  coordinatorUnitIds: string[];
  volunteerStatus: 'pending' | 'approved' | 'rejected' | null;
  stationId: string | null;
  teamIds: string[];
}

function actorOf(r: ActorSqlRow, cipher: FieldCipher): ActorRow {
  return {
    personId: r.personId,
    displayName: personName(cipher, r),
    locale: r.locale,
    localeSource: r.localeSource,
    coordinatorUnitIds: r.coordinatorUnitIds,
    volunteer: r.volunteerStatus && r.stationId ? { status: r.volunteerStatus, stationId: r.stationId, teamIds: r.teamIds } : null,
  };
}

export interface Recipient {
  channel: Channel;
  chatId: string;
  /** The language to write to them in (the person's). */
  locale: string;
}

/** What the start of a turn tells the engine (see PeopleRepository.startTurn). */
export type TurnStart =
  | { fresh: false }
  | {
      fresh: true;
      /** The actor, with the language the rules settled (already written). */
      actor: ActorRow;
      /** The person's language and its source before this turn. */
      before: { locale: string; localeSource: string };
      /** The chat's dialogue state, encrypted (private chats; null when none). */
      state: { dataEnc: string } | null;
    };

interface TurnStartSqlRow extends Omit<ActorSqlRow, 'locale' | 'localeSource'> {
  fresh: boolean;
  locale: string | null;
  localeSource: string | null;
  oldLocale: string | null;
  oldLocaleSource: string | null;
  hasState: boolean | null;
  dataEnc: string | null;
}

export class PeopleRepository extends PeopleIdentityRepository {
  constructor(
    tx: Tx,
    private readonly cipher?: FieldCipher,
  ) {
    super(tx);
  }

  /** Names are stored encrypted (decision 0027): reading or writing one needs the cipher. */
  private get names(): FieldCipher {
    if (!this.cipher) throw new Error('people names are encrypted: build Repos with the cipher (new Repos(tx, cipher))');
    return this.cipher;
  }

  /**
   * The start of every turn, one call of `baiying_turn_start` (prisma/sql/turn-start.sql; decision
   * 0042): a private chat's lock, held until the transaction ends (its events are serialised across
   * any number of bot replicas), the dedupe marker (`fresh: false` for an update processed before),
   * the actor (a first contact's person and identity created, the name written encrypted only), the
   * person's language settled by the rules of the engine's `personLocale` from the chat app's
   * language (`clientLocale`) and the text's (`writtenLocale`), and the dialogue state. Each
   * statement inside the function sees the commits that happened before the lock was granted.
   * An existing account's private chat is never moved by an update: a forged one could point a
   * coordinator's replies and alerts at someone else's chat.
   */
  async startTurn(a: {
    channel: Channel;
    chatKey: string | null;
    updateId: string;
    externalId: string;
    chatId: string | null;
    displayName: string;
    username: string | null;
    clientLocale: string | null;
    writtenLocale: string | null;
  }): Promise<TurnStart> {
    const name = a.displayName.slice(0, 64) || '居民';
    // Run directly on the turn's connection (decision 0076).
    const [r] = await rawRows<TurnStartSqlRow>(
      this.tx,
      Prisma.sql`
      SELECT * FROM baiying_turn_start(${a.channel}::"Channel", ${a.chatKey}, ${a.updateId}, ${a.externalId}, ${a.chatId},
                                       ${this.names.encrypt(name)}, ${a.username}, ${a.clientLocale}, ${a.writtenLocale})`,
    );
    if (!r) throw new Error('turn not started');
    if (!r.fresh) return { fresh: false };
    if (!r.personId || r.locale === null || r.localeSource === null || r.oldLocale === null || r.oldLocaleSource === null)
      throw new Error('turn started without an actor');
    const actor = actorOf({ ...r, locale: r.locale, localeSource: r.localeSource }, this.names);
    return {
      fresh: true,
      actor,
      before: { locale: r.oldLocale, localeSource: r.oldLocaleSource },
      state: r.hasState && r.dataEnc !== null ? { dataEnc: r.dataEnc } : null,
    };
  }

  /** Finds the person behind a channel account, creating a resident on first contact. */
  async resolve(channel: Channel, externalId: string, chatId: string | null, displayName: string, username: string | null): Promise<ActorRow> {
    // Every turn starts here, so it is two typed raw statements at most (identity + person +
    // roles + memberships in one read; a first contact's person and identity in one insert).
    // An existing account's private chat is never moved by an update: a forged one could point a
    // coordinator's replies and alerts at someone else's chat.
    const [found] = await this.tx.$queryRaw<ActorSqlRow[]>`
      SELECT p.id::text AS "personId", p."displayNameEnc", p."displayName" AS "displayNameClear", p.locale, p."localeSource",
             ARRAY(SELECT r."orgUnitId"::text FROM role_assignment r WHERE r."personId" = p.id AND r.role = 'coordinator') AS "coordinatorUnitIds",
             v.status::text AS "volunteerStatus", v."stationId"::text AS "stationId",
             ARRAY(SELECT m."teamId"::text FROM team_membership m WHERE m."volunteerId" = p.id AND m.status = 'approved') AS "teamIds"
      FROM channel_identity i JOIN person p ON p.id = i."personId" LEFT JOIN volunteer v ON v."personId" = p.id
      WHERE i.channel = ${channel}::"Channel" AND i."externalId" = ${externalId}`;
    if (found) return actorOf(found, this.names);
    // Two first messages at once race here: the unique index refuses the second insert, which
    // aborts its transaction; the ingress retries the event, which then finds the identity.
    // The name is written encrypted only (decision 0027).
    const name = displayName.slice(0, 64) || '居民';
    const [created] = await this.tx.$queryRaw<Array<{ personId: string; locale: string; localeSource: string }>>`
      WITH p AS (
        INSERT INTO person (id, "displayNameEnc") VALUES (gen_random_uuid(), ${this.names.encrypt(name)})
        RETURNING id, locale, "localeSource"
      ), i AS (
        INSERT INTO channel_identity (id, "personId", channel, "externalId", "chatId", username)
        SELECT gen_random_uuid(), p.id, ${channel}::"Channel", ${externalId}, ${chatId ?? externalId}, ${username} FROM p
      )
      SELECT id::text AS "personId", locale, "localeSource" FROM p`;
    if (!created) throw new Error('person not created');
    return { ...created, displayName: name, coordinatorUnitIds: [], volunteer: null };
  }

  /** The person behind a channel account, without creating one. */
  identityOf(channel: Channel, externalId: string): Promise<{ personId: string } | null> {
    return this.tx.channelIdentity.findUnique({ where: { channel_externalId: { channel, externalId } }, select: { personId: true } });
  }

  async actor(personId: string): Promise<ActorRow> {
    const p = await this.tx.person.findUniqueOrThrow({
      where: { id: personId },
      include: { roles: { where: { role: 'coordinator' } }, volunteer: { include: { memberships: { where: { status: 'approved' } } } } },
    });
    return {
      personId: p.id,
      displayName: personName(this.names, p),
      locale: p.locale,
      localeSource: p.localeSource,
      coordinatorUnitIds: p.roles.map((r) => r.orgUnitId),
      volunteer: p.volunteer ? { status: p.volunteer.status, stationId: p.volunteer.stationId, teamIds: p.volunteer.memberships.map((m) => m.teamId) } : null,
    };
  }

  async person(personId: string) {
    return this.tx.person.findUnique({ where: { id: personId } });
  }

  /** Where to reach a person: their most recently created private chat. */
  async recipient(personId: string, preferChannel?: Channel): Promise<Recipient | null> {
    const ids = await this.tx.channelIdentity.findMany({
      where: { personId },
      orderBy: { createdAt: 'desc' },
      include: { person: { select: { locale: true } } },
    });
    const pick = ids.find((i) => i.channel === preferChannel) ?? ids[0];
    return pick ? { channel: pick.channel, chatId: pick.chatId, locale: pick.person.locale } : null;
  }

  async setLocale(personId: string, locale: string, source: string): Promise<void> {
    await this.tx.$executeRaw`UPDATE person SET locale = ${locale}, "localeSource" = ${source} WHERE id = ${personId}::uuid`;
  }

  /**
   * The language of each chat, keyed `channel:chatId`: a person's private chat speaks the
   * person's, a team's group chat the team's. Chats the desk knows neither way are left out.
   */
  async chatLocales(chats: ReadonlyArray<{ channel: Channel; chatId: string }>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const byChannel = new Map<Channel, string[]>();
    for (const c of chats) byChannel.set(c.channel, [...(byChannel.get(c.channel) ?? []), c.chatId]);
    for (const [channel, chatIds] of byChannel) {
      const [groups, people] = await Promise.all([
        this.tx.teamChat.findMany({ where: { channel, chatId: { in: chatIds } }, select: { chatId: true, team: { select: { locale: true } } } }),
        this.tx.channelIdentity.findMany({ where: { channel, chatId: { in: chatIds } }, select: { chatId: true, person: { select: { locale: true } } } }),
      ]);
      for (const g of groups) out.set(`${channel}:${g.chatId}`, g.team.locale);
      for (const p of people) out.set(`${channel}:${p.chatId}`, p.person.locale);
    }
    return out;
  }

  async updateProfile(personId: string, data: { displayName?: string; phoneEnc?: string | null; phoneHash?: string | null }): Promise<void> {
    const { displayName, ...rest } = data;
    await this.tx.person.update({ where: { id: personId }, data: { ...rest, ...(displayName === undefined ? {} : nameColumns(this.names, displayName)) } });
  }

  /** Coordinators whose unit is one of `unitIds` (callers pass a unit and its ancestors). */
  async coordinatorsOf(unitIds: string[]): Promise<Array<{ personId: string; orgUnitId: string }>> {
    const rows = await this.tx.roleAssignment.findMany({ where: { role: 'coordinator', orgUnitId: { in: unitIds } }, orderBy: { createdAt: 'asc' } });
    return rows.map((r) => ({ personId: r.personId, orgUnitId: r.orgUnitId }));
  }
}
