// Reference data the console's settings create and delete (categories, org units and stations,
// teams), what still uses a row before it may go, and the SLA minutes per tier (decision 0035).
import { randomUUID } from 'node:crypto';
import type { OrgTier } from '@baiying/domain';
import { Prisma, type Tx } from '../prisma.js';

export const SLA_KEYS = ['station', 'institute', 'center', 'urgent', 'emergency'] as const;
export type SlaKey = (typeof SLA_KEYS)[number];

/** Rows that refer to a row, per referring table (only tables with at least one). */
export type Uses = Record<string, number>;

export class SettingsRepository {
  constructor(private readonly tx: Tx) {}

  private slaCache?: Promise<Partial<Record<SlaKey, number>>>;

  /** The SLA minutes set in the console (a missing tier: the deployment's default); once per unit of work. */
  slaMinutes(): Promise<Partial<Record<SlaKey, number>>> {
    this.slaCache ??= this.tx.slaSetting
      .findMany()
      .then((rows) => Object.fromEntries(rows.filter((r) => (SLA_KEYS as readonly string[]).includes(r.tier)).map((r) => [r.tier, r.minutes])));
    return this.slaCache;
  }

  /** Sets each tier's minutes; null returns the tier to the deployment's default. */
  async setSlaMinutes(values: Partial<Record<SlaKey, number | null>>, at: Date): Promise<void> {
    for (const [tier, minutes] of Object.entries(values)) {
      if (minutes === null) await this.tx.slaSetting.deleteMany({ where: { tier } });
      else if (minutes !== undefined)
        await this.tx.slaSetting.upsert({ where: { tier }, create: { tier, minutes, updatedAt: at }, update: { minutes, updatedAt: at } });
    }
    this.slaCache = undefined;
  }

  /** Whether any unit, team or category already has this code (codes are unique per kind, compared case-insensitively). */
  /**
   * Whether the code is taken (case-insensitively), holding a transaction lock on the kind and
   * code first: two administrators creating the same code at once are serialised here, so the
   * second sees the first's row and gets the 409, never the unique index's error.
   */
  async codeTaken(kind: 'category' | 'unit' | 'team', code: string): Promise<boolean> {
    await this.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`settings-code:${kind}:${code.toLowerCase()}`}, 0))`;
    const where = { code: { equals: code, mode: Prisma.QueryMode.insensitive } };
    if (kind === 'category') return (await this.tx.category.count({ where })) > 0;
    if (kind === 'unit') return (await this.tx.orgUnit.count({ where })) > 0;
    return (await this.tx.team.count({ where })) > 0;
  }

  async createCategory(data: { code: string; nameZh: string; nameEn: string; keywords: string[]; defaultHours: number }): Promise<void> {
    const last = await this.tx.category.aggregate({ _max: { sortOrder: true } });
    await this.tx.category.create({ data: { ...data, defaultHours: new Prisma.Decimal(data.defaultHours), sortOrder: (last._max.sortOrder ?? 0) + 1 } });
  }

  async createUnit(data: { code: string; name: string; nameEn: string | null; aliases: string[]; tier: OrgTier; parentId: string; parentPath: string }) {
    const id = randomUUID();
    const { parentPath, ...rest } = data;
    return this.tx.orgUnit.create({ data: { id, ...rest, path: `${parentPath}${id}/` } });
  }

  async createTeam(data: { code: string; name: string; nameEn: string | null; categoryCode: string; orgUnitId: string }) {
    return this.tx.team.create({ data });
  }

  /**
   * What still refers to a row: every foreign key pointing at the table, read from the catalogue
   * (so a table added later is counted too), as rows per referring table, only those with any.
   */
  async uses(table: 'category' | 'org_unit' | 'team', key: string): Promise<Uses> {
    // The key is cast to the referring column's type, so each count can use that column's index.
    const refs = await this.tx.$queryRaw<Array<{ tbl: string; col: string; type: string }>>`
      SELECT c.conrelid::regclass::text AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'f' AND c.confrelid = ${table}::regclass AND array_length(c.conkey, 1) = 1
       ORDER BY 1, 2`;
    const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
    const uses: Uses = {};
    for (const r of refs) {
      const [row] = await this.tx.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM ${r.tbl} WHERE ${ident(r.col)} = $1::${r.type}`, key);
      const n = Number(row?.n ?? 0);
      const name = r.tbl.replace(/"/g, '');
      if (n > 0) uses[name] = (uses[name] ?? 0) + n;
    }
    return uses;
  }

  async deleteCategory(code: string): Promise<void> {
    await this.tx.category.delete({ where: { code } });
  }

  async deleteUnit(id: string): Promise<void> {
    await this.tx.orgUnit.delete({ where: { id } });
  }

  async deleteTeam(id: string): Promise<void> {
    await this.tx.team.delete({ where: { id } });
  }
}
