// The console's emergency page (平战结合): the mode of each county centre and township institute
// the principal can see (its read scope and the units above it), the switch history, and the
// switch — the emergency feature's SwitchMode, the one chat's /emergency calls (it records the
// switch and writes the audit entry).
import { err, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import type { EmergencyFeature } from '../emergency/index.js';
import type { ConsolePrincipal } from '../sessions/index.js';
import { consoleActor, decisionUnitIds, visibleUnitIds } from './office-access.js';
import { modeSwitchSchema } from './office.schemas.js';
import { personName } from '@baiying/db';
import type { EmergencyView } from '@baiying/contracts';

export class EmergencyOverview {
  async execute(w: Work, p: ConsolePrincipal): Promise<Result<EmergencyView>> {
    const tree = await w.repos.org.tree();
    const visible = await visibleUnitIds(w, p);
    const decide = await decisionUnitIds(w, p);
    const units = [...tree.values()].filter((u) => visible.has(u.id) && (u.tier === 'center' || u.tier === 'institute'));
    units.sort((a, b) => (a.tier === b.tier ? a.code.localeCompare(b.code) : a.tier === 'center' ? -1 : 1));
    const history = await w.repos.office.modeHistory(
      units.map((u) => u.id),
      100,
    );
    const names = new Map((await w.repos.console.namesOf([...new Set(history.map((h) => h.byId))])).map((x) => [x.id, personName(w.deps.cipher, x)]));
    return ok({
      units: units.map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        nameEn: u.nameEn ?? null,
        tier: u.tier,
        emergency: u.emergencyMode,
        canSwitch: decide.has(u.id),
        since: history.find((h) => h.orgUnitId === u.id)?.createdAt.toISOString() ?? null,
      })),
      history: history.map((h) => ({
        at: h.createdAt.toISOString(),
        unit: tree.get(h.orgUnitId)?.code ?? '',
        emergency: h.emergency,
        by: names.get(h.byId) ?? '',
        reason: h.reason,
      })),
    });
  }
}

export class SwitchUnitMode {
  constructor(private readonly emergency: EmergencyFeature) {}

  async execute(
    w: Work,
    p: ConsolePrincipal,
    input: { id: string; sessionId: string; body: unknown },
  ): Promise<Result<{ unit: string; unitEn: string; minutes: number }>> {
    const cmd = parseCommand(modeSwitchSchema, input.body);
    if (!cmd.ok) return cmd;
    if (!(await visibleUnitIds(w, p)).has(input.id)) return err('console/not_found');
    const actor = await consoleActor(w, p);
    const r = await this.emergency.switchMode.execute(
      w,
      actor,
      { on: cmd.value.on, reason: cmd.value.reason, unitId: input.id },
      { sessionId: input.sessionId },
    );
    if (!r.ok && (r.code === 'auth/not_coordinator' || r.code === 'auth/out_of_scope')) return err('console/read_only');
    return r;
  }
}
