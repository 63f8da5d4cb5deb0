import type { Tx } from '../prisma.js';

/** 平战结合: units switched to emergency mode, and the emergency teams' members. */
export class EmergencyRepository {
  constructor(private readonly tx: Tx) {}

  async switchMode(orgUnitId: string, emergency: boolean, byId: string, reason: string | null): Promise<boolean> {
    const r = await this.tx.orgUnit.updateMany({ where: { id: orgUnitId, emergencyMode: !emergency }, data: { emergencyMode: emergency } });
    if (r.count === 0) return false;
    await this.tx.modeSwitch.create({ data: { orgUnitId, emergency, byId, reason } });
    return true;
  }

  /** Approved members (approved for that team) of emergency-category teams at or below a unit (平战结合 direct dispatch). */
  async members(unitId: string): Promise<string[]> {
    const rows = await this.tx.$queryRaw<Array<{ personId: string }>>`
      SELECT DISTINCT tm."volunteerId" AS "personId"
      FROM team_membership tm
      JOIN team t ON t.id = tm."teamId" AND t."categoryCode" = 'emergency' AND tm.status = 'approved'
      JOIN org_unit u ON u.id = t."orgUnitId"
      JOIN org_unit a ON a.id = ${unitId}::uuid AND u.path LIKE a.path || '%'
      JOIN volunteer v ON v."personId" = tm."volunteerId" AND v.status = 'approved'`;
    return rows.map((r) => r.personId);
  }

  /** Whether a person is an approved member of an emergency team at or below a unit. */
  async isMember(personId: string, unitId: string): Promise<boolean> {
    const rows = await this.tx.$queryRaw<Array<{ yes: boolean }>>`
      SELECT EXISTS (
        SELECT 1 FROM team_membership tm
        JOIN team t ON t.id = tm."teamId" AND t."categoryCode" = 'emergency' AND tm.status = 'approved'
        JOIN org_unit u ON u.id = t."orgUnitId"
        JOIN org_unit a ON a.id = ${unitId}::uuid AND u.path LIKE a.path || '%'
        JOIN volunteer v ON v."personId" = tm."volunteerId" AND v.status = 'approved'
        WHERE tm."volunteerId" = ${personId}::uuid) AS yes`;
    return rows[0]?.yes === true;
  }
}
