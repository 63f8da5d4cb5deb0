import type { Channel, Tx } from '../prisma.js';

export interface ActorRow {
  personId: string;
  displayName: string;
  locale: string;
  coordinatorUnitIds: string[];
  volunteer: { status: 'pending' | 'approved' | 'rejected'; stationId: string; teamIds: string[] } | null;
}

export interface Recipient {
  channel: Channel;
  chatId: string;
}

export class PeopleRepository {
  constructor(private readonly tx: Tx) {}

  /** Finds the person behind a channel account, creating a resident on first contact. */
  async resolve(channel: Channel, externalId: string, chatId: string | null, displayName: string, username: string | null): Promise<ActorRow> {
    let identity = await this.tx.channelIdentity.findUnique({ where: { channel_externalId: { channel, externalId } } });
    if (!identity) {
      // Two first messages at once race here; the unique index picks one and the loser re-reads.
      try {
        const person = await this.tx.person.create({ data: { displayName: displayName.slice(0, 64) || '居民' } });
        identity = await this.tx.channelIdentity.create({ data: { personId: person.id, channel, externalId, chatId: chatId ?? externalId, username } });
      } catch {
        identity = await this.tx.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel, externalId } } });
      }
    } else if (chatId && identity.chatId !== chatId) {
      await this.tx.channelIdentity.update({ where: { id: identity.id }, data: { chatId } });
    }
    return this.actor(identity.personId);
  }

  async actor(personId: string): Promise<ActorRow> {
    const p = await this.tx.person.findUniqueOrThrow({
      where: { id: personId },
      include: { roles: { where: { role: 'coordinator' } }, volunteer: { include: { memberships: true } } },
    });
    return {
      personId: p.id,
      displayName: p.displayName,
      locale: p.locale,
      coordinatorUnitIds: p.roles.map((r) => r.orgUnitId),
      volunteer: p.volunteer
        ? { status: p.volunteer.status, stationId: p.volunteer.stationId, teamIds: p.volunteer.memberships.map((m) => m.teamId) }
        : null,
    };
  }

  async person(personId: string) {
    return this.tx.person.findUnique({ where: { id: personId } });
  }

  /** Where to reach a person: their most recently created private chat. */
  async recipient(personId: string, preferChannel?: Channel): Promise<Recipient | null> {
    const ids = await this.tx.channelIdentity.findMany({ where: { personId }, orderBy: { createdAt: 'desc' } });
    const pick = ids.find((i) => i.channel === preferChannel) ?? ids[0];
    return pick ? { channel: pick.channel, chatId: pick.chatId } : null;
  }

  async updateProfile(personId: string, data: { displayName?: string; phoneEnc?: string | null; phoneHash?: string | null }): Promise<void> {
    await this.tx.person.update({ where: { id: personId }, data });
  }

  /** Coordinators whose unit is one of `unitIds` (callers pass a unit and its ancestors). */
  async coordinatorsOf(unitIds: string[]): Promise<Array<{ personId: string; orgUnitId: string }>> {
    const rows = await this.tx.roleAssignment.findMany({ where: { role: 'coordinator', orgUnitId: { in: unitIds } }, orderBy: { createdAt: 'asc' } });
    return rows.map((r) => ({ personId: r.personId, orgUnitId: r.orgUnitId }));
  }
}
