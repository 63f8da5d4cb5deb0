// The console's settings (county administrators only): categories with their keywords, org
// units and stations (names, aliases), teams (names); the SLA per tier in force. Every edit
// is audited and announced to the running processes (pg_notify on commit, decision 0029): the
// bot reloads the categories and stations its understanding uses, without a restart.
import { err, ok, type Result } from '@baiying/domain';
import { parseCommand, slaInForce, type Work } from '@baiying/kernel';
import type { ConsolePrincipal } from '../sessions/index.js';
import { isCountyAdmin } from './office-access.js';
import { categoryEditSchema, teamEditSchema, unitEditSchema } from './office.schemas.js';
import type { SettingsView } from '@baiying/contracts';

export class ReadSettings {
  async execute(w: Work, p: ConsolePrincipal): Promise<Result<SettingsView>> {
    if (!(await isCountyAdmin(w, p))) return err('console/forbidden');
    const tree = await w.repos.org.tree();
    const units = [...tree.values()].sort((a, b) => a.code.localeCompare(b.code));
    const teams = await w.repos.office.teams([...tree.keys()]);
    const s = await slaInForce(w);
    const d = w.config.sla;
    return ok({
      categories: (await w.repos.office.allCategories()).map((c) => ({
        code: c.code,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        keywords: c.keywords,
        active: c.active,
        defaultHours: Number(c.defaultHours),
      })),
      units: units.map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        nameEn: u.nameEn ?? null,
        tier: u.tier,
        parent: u.parentId ? (tree.get(u.parentId)?.code ?? null) : null,
        aliases: u.aliases,
      })),
      teams: teams.map((t) => ({ id: t.id, code: t.code, name: t.name, nameEn: t.nameEn, category: t.categoryCode, unit: tree.get(t.orgUnitId)?.code ?? '' })),
      sla: {
        stationMinutes: s.stationMinutes,
        instituteMinutes: s.instituteMinutes,
        centerMinutes: s.centerMinutes,
        urgentMinutes: s.urgentMinutes,
        emergencyMinutes: s.emergencyMinutes,
      },
      slaDefaults: {
        stationMinutes: d.stationMinutes,
        instituteMinutes: d.instituteMinutes,
        centerMinutes: d.centerMinutes,
        urgentMinutes: d.urgentMinutes,
        emergencyMinutes: w.config.emergencySlaMinutes,
      },
    });
  }
}

export type Change = Record<string, string | string[] | boolean | number | null>;

/** Only the fields that change, before and after. */
function diff(before: Change, edit: Change): { before: Change; after: Change } {
  const b: Change = {};
  const a: Change = {};
  for (const [k, v] of Object.entries(edit)) {
    if (JSON.stringify(before[k]) === JSON.stringify(v)) continue;
    b[k] = before[k] ?? null;
    a[k] = v;
  }
  return { before: b, after: a };
}

export async function record(w: Work, p: ConsolePrincipal, sessionId: string, kind: string, key: string, change: { before: Change; after: Change }) {
  await w.repos.console.audit({ at: w.now, actorId: p.personId, action: 'settings_change', sessionId, detail: { kind, key, ...change } });
  await w.repos.office.notifySettingsChanged(kind);
}

export class EditCategory {
  async execute(w: Work, p: ConsolePrincipal, input: { code: string; sessionId: string; body: unknown }): Promise<Result<{ changed: string[] }>> {
    if (!(await isCountyAdmin(w, p))) return err('console/forbidden');
    const cmd = parseCommand(categoryEditSchema, input.body);
    if (!cmd.ok) return cmd;
    const c = await w.repos.org.category(input.code);
    if (!c) return err('console/not_found');
    const change = diff({ nameZh: c.nameZh, nameEn: c.nameEn, keywords: c.keywords, active: c.active }, cmd.value);
    const changed = Object.keys(change.after);
    if (changed.length === 0) return ok({ changed });
    await w.repos.office.updateCategory(c.code, cmd.value);
    await record(w, p, input.sessionId, 'category', c.code, change);
    return ok({ changed });
  }
}

export class EditUnit {
  async execute(w: Work, p: ConsolePrincipal, input: { id: string; sessionId: string; body: unknown }): Promise<Result<{ changed: string[] }>> {
    if (!(await isCountyAdmin(w, p))) return err('console/forbidden');
    const cmd = parseCommand(unitEditSchema, input.body);
    if (!cmd.ok) return cmd;
    const u = await w.repos.org.unit(input.id);
    if (!u) return err('console/not_found');
    const change = diff({ name: u.name, nameEn: u.nameEn, aliases: u.aliases }, cmd.value);
    const changed = Object.keys(change.after);
    if (changed.length === 0) return ok({ changed });
    await w.repos.office.updateUnit(u.id, cmd.value);
    await record(w, p, input.sessionId, 'unit', u.code, change);
    return ok({ changed });
  }
}

export class EditTeam {
  async execute(w: Work, p: ConsolePrincipal, input: { id: string; sessionId: string; body: unknown }): Promise<Result<{ changed: string[] }>> {
    if (!(await isCountyAdmin(w, p))) return err('console/forbidden');
    const cmd = parseCommand(teamEditSchema, input.body);
    if (!cmd.ok) return cmd;
    const t = await w.repos.org.team(input.id);
    if (!t) return err('console/not_found');
    const change = diff({ name: t.name, nameEn: t.nameEn }, cmd.value);
    const changed = Object.keys(change.after);
    if (changed.length === 0) return ok({ changed });
    await w.repos.office.updateTeam(t.id, cmd.value);
    await record(w, p, input.sessionId, 'team', t.code, change);
    return ok({ changed });
  }
}
