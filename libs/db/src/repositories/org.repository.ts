import type { OrgNode, TeamRef } from '@baiying/domain';
import type { Category } from '../generated/prisma/client.js';
import type { Channel, Tx } from '../prisma.js';
import type { ReferenceCache, StationRow } from '../reference-cache.js';

export interface TeamRow {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  categoryCode: string;
  orgUnitId: string;
}

export interface TeamChatRow {
  id: string;
  teamId: string;
  channel: Channel;
  chatId: string;
}

/** Org units, categories and teams: reference data read on every routing decision. */
export class OrgRepository {
  /** `reference`: the process's cache of categories and stations (decision 0049), if it keeps one. */
  constructor(
    private readonly tx: Tx,
    private readonly reference?: ReferenceCache,
  ) {}

  private treeCache?: Promise<Map<string, OrgNode & { code: string; aliases: string[]; emergencyMode: boolean }>>;

  /** The org tree, read once per repository instance (one business action). */
  tree(): Promise<Map<string, OrgNode & { code: string; aliases: string[]; emergencyMode: boolean }>> {
    this.treeCache ??= this.tx.orgUnit.findMany().then(
      (rows) =>
        new Map(
          rows.map((u) => [
            u.id,
            {
              id: u.id,
              parentId: u.parentId,
              tier: u.tier,
              name: u.name,
              nameEn: u.nameEn,
              code: u.code,
              aliases: u.aliases,
              emergencyMode: u.emergencyMode,
            },
          ]),
        ),
    );
    return this.treeCache;
  }

  /** The stations by code. */
  stations(): Promise<readonly StationRow[]> {
    const load = () =>
      this.tx.orgUnit.findMany({
        where: { tier: 'station' },
        orderBy: { code: 'asc' },
        select: { id: true, code: true, name: true, nameEn: true, aliases: true },
      });
    return this.reference ? this.reference.stations(load) : load();
  }

  async unit(id: string) {
    return this.tx.orgUnit.findUnique({ where: { id } });
  }

  /** The active categories in their order. */
  async categories(): Promise<readonly Category[]> {
    if (!this.reference) return this.tx.category.findMany({ where: { active: true }, orderBy: { sortOrder: 'asc' } });
    return (await this.allCategories(this.reference)).filter((c) => c.active);
  }

  /** A category by code, active or not. */
  async category(code: string): Promise<Category | null> {
    if (!this.reference) return this.tx.category.findUnique({ where: { code } });
    return (await this.allCategories(this.reference)).find((c) => c.code === code) ?? null;
  }

  private allCategories(reference: ReferenceCache): Promise<readonly Category[]> {
    return reference.categories(() => this.tx.category.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }));
  }

  async routableTeams(categoryCode: string): Promise<TeamRef[]> {
    const rows = await this.tx.team.findMany({ where: { categoryCode }, include: { _count: { select: { chats: true } } } });
    return rows.map((t) => ({ id: t.id, code: t.code, orgUnitId: t.orgUnitId, categoryCode: t.categoryCode, reachable: t._count.chats > 0 }));
  }

  async team(id: string): Promise<TeamRow | null> {
    return this.tx.team.findUnique({ where: { id }, select: { id: true, code: true, name: true, nameEn: true, categoryCode: true, orgUnitId: true } });
  }

  async teamByCode(code: string): Promise<TeamRow | null> {
    return this.tx.team.findFirst({
      where: { code: { equals: code, mode: 'insensitive' } },
      select: { id: true, code: true, name: true, nameEn: true, categoryCode: true, orgUnitId: true },
    });
  }

  async teamsInUnits(unitIds: string[]): Promise<TeamRow[]> {
    return this.tx.team.findMany({
      where: { orgUnitId: { in: unitIds } },
      orderBy: { code: 'asc' },
      select: { id: true, code: true, name: true, nameEn: true, categoryCode: true, orgUnitId: true },
    });
  }

  async teamChats(teamId: string): Promise<TeamChatRow[]> {
    return this.tx.teamChat.findMany({ where: { teamId }, orderBy: { boundAt: 'asc' }, select: { id: true, teamId: true, channel: true, chatId: true } });
  }

  async teamChatByChat(channel: Channel, chatId: string): Promise<TeamChatRow | null> {
    return this.tx.teamChat.findUnique({ where: { channel_chatId: { channel, chatId } }, select: { id: true, teamId: true, channel: true, chatId: true } });
  }

  async bindChat(teamId: string, channel: Channel, chatId: string, title: string | null, boundById: string): Promise<TeamChatRow> {
    return this.tx.teamChat.create({ data: { teamId, channel, chatId, title, boundById }, select: { id: true, teamId: true, channel: true, chatId: true } });
  }

  /** The language of a team's group chats. */
  async setTeamLocale(teamId: string, locale: string): Promise<void> {
    await this.tx.team.update({ where: { id: teamId }, data: { locale } });
  }

  async rebindChat(id: string, teamId: string, boundById: string): Promise<void> {
    await this.tx.teamChat.update({ where: { id }, data: { teamId, boundById, boundAt: new Date() } });
  }
}
