// The console's settings beyond editing rows (county administrators only): create and delete
// categories, org units and stations, and teams; the SLA minutes per tier. Codes are unique per
// kind (409); a row still referred to is not deleted (409 naming what uses it; a category in use
// is retired instead, `active: false`). Every change is audited and announced on commit
// (decision 0029): the bot reloads its categories and stations, routing reads the SLA per job.
import { err, ok, type Result } from '@baiying/domain';
import { SLA_KEYS, type SlaKey, type Uses } from '@baiying/db';
import { t, type MessageKey } from '@baiying/i18n';
import { parseCommand, type Work } from '@baiying/kernel';
import type { ConsolePrincipal } from '../sessions/index.js';
import { isCountyAdmin } from './office-access.js';
import { record, type Change } from './office-settings.usecase.js';
import { categoryCreateSchema, slaEditSchema, teamCreateSchema, unitCreateSchema } from './office.schemas.js';

interface Input {
  sessionId: string;
  body: unknown;
}

/** The tier a new unit takes under its parent: institutes under the centre, stations under an institute. */
const CHILD_TIER = { center: 'institute', institute: 'station' } as const;

/** Known referring tables, by the catalogue's words for them. */
const USE_KEYS: Record<string, MessageKey> = {
  need: 'settings.use.need',
  team: 'settings.use.team',
  org_unit: 'settings.use.unit',
  dispatch: 'settings.use.dispatch',
  role_assignment: 'settings.use.role',
  volunteer: 'settings.use.volunteer',
  team_chat: 'settings.use.chat',
  team_membership: 'settings.use.member',
  call: 'settings.use.call',
};

/** 409 naming what still refers to the row, in both languages. */
function inUse(uses: Uses): Result<never> {
  const say = (locale: 'zh' | 'en') =>
    Object.entries(uses)
      .map(([table, n]) => {
        const key = USE_KEYS[table];
        return key ? t(key, { n }, locale) : `${table} ×${n}`;
      })
      .join(locale === 'zh' ? '、' : ', ');
  return err('settings/in_use', { uses: say('zh'), usesEn: say('en') });
}

export class CreateCategory {
  async execute(w: Work, p: ConsolePrincipal, input: Input): Promise<Result<{ code: string }>> {
    if (!(await isCountyAdmin(w, p))) return err('console/forbidden');
    const cmd = parseCommand(categoryCreateSchema, input.body);
    if (!cmd.ok) return cmd;
    const c = cmd.value;
    if (await w.repos.settings.codeTaken('category', c.code)) return err('settings/duplicate_code', { code: c.code });
    await w.repos.settings.createCategory(c);
    await record(w, p, input.sessionId, 'category', c.code, { before: {}, after: { ...c } });
    return ok({ code: c.code });
  }
}

/**
 * Deletes a row nothing refers to (audited with what it held), or refuses naming the uses;
 * `find` returning null is a 404.
 */
async function deleteUnused(
  w: Work,
  p: ConsolePrincipal,
  sessionId: string,
  find: () => Promise<{ kind: string; table: 'category' | 'org_unit' | 'team'; key: string; code: string; held: Change; remove: () => Promise<void> } | null>,
): Promise<Result<{ deleted: string }>> {
  if (!(await isCountyAdmin(w, p))) return err('console/forbidden');
  const row = await find();
  if (!row) return err('console/not_found');
  const uses = await w.repos.settings.uses(row.table, row.key);
  if (Object.keys(uses).length) return inUse(uses);
  await row.remove();
  await record(w, p, sessionId, row.kind, row.code, { before: row.held, after: {} });
  return ok({ deleted: row.code });
}

export class DeleteCategory {
  async execute(w: Work, p: ConsolePrincipal, input: { code: string; sessionId: string }): Promise<Result<{ deleted: string }>> {
    return deleteUnused(w, p, input.sessionId, async () => {
      const c = await w.repos.org.category(input.code);
      return (
        c && {
          kind: 'category',
          table: 'category',
          key: c.code,
          code: c.code,
          held: { nameZh: c.nameZh, nameEn: c.nameEn, keywords: c.keywords },
          remove: () => w.repos.settings.deleteCategory(c.code),
        }
      );
    });
  }
}

export class CreateUnit {
  async execute(w: Work, p: ConsolePrincipal, input: Input): Promise<Result<{ id: string; tier: string }>> {
    if (!(await isCountyAdmin(w, p))) return err('console/forbidden');
    const cmd = parseCommand(unitCreateSchema, input.body);
    if (!cmd.ok) return cmd;
    const u = cmd.value;
    const parent = await w.repos.org.unit(u.parent);
    if (!parent) return err('settings/bad_parent');
    const tier = parent.tier === 'center' || parent.tier === 'institute' ? CHILD_TIER[parent.tier] : null;
    if (!tier) return err('settings/bad_parent');
    if (await w.repos.settings.codeTaken('unit', u.code)) return err('settings/duplicate_code', { code: u.code });
    const row = await w.repos.settings.createUnit({
      code: u.code,
      name: u.name,
      nameEn: u.nameEn ?? null,
      aliases: u.aliases,
      tier,
      parentId: parent.id,
      parentPath: parent.path,
    });
    const after: Change = { name: u.name, nameEn: u.nameEn ?? null, aliases: u.aliases, tier, parent: parent.code };
    await record(w, p, input.sessionId, 'unit', u.code, { before: {}, after });
    return ok({ id: row.id, tier });
  }
}

export class DeleteUnit {
  async execute(w: Work, p: ConsolePrincipal, input: { id: string; sessionId: string }): Promise<Result<{ deleted: string }>> {
    return deleteUnused(w, p, input.sessionId, async () => {
      const u = await w.repos.org.unit(input.id);
      return (
        u && {
          kind: 'unit',
          table: 'org_unit',
          key: u.id,
          code: u.code,
          held: { name: u.name, tier: u.tier, aliases: u.aliases },
          remove: () => w.repos.settings.deleteUnit(u.id),
        }
      );
    });
  }
}

export class CreateTeam {
  async execute(w: Work, p: ConsolePrincipal, input: Input): Promise<Result<{ id: string }>> {
    if (!(await isCountyAdmin(w, p))) return err('console/forbidden');
    const cmd = parseCommand(teamCreateSchema, input.body);
    if (!cmd.ok) return cmd;
    const tm = cmd.value;
    const unit = await w.repos.org.unit(tm.unit);
    if (!unit) return err('settings/unknown_ref', { field: 'unit' });
    const category = await w.repos.org.category(tm.category);
    if (!category?.active) return err('settings/unknown_ref', { field: 'category' });
    if (await w.repos.settings.codeTaken('team', tm.code)) return err('settings/duplicate_code', { code: tm.code });
    const row = await w.repos.settings.createTeam({ code: tm.code, name: tm.name, nameEn: tm.nameEn ?? null, categoryCode: category.code, orgUnitId: unit.id });
    await record(w, p, input.sessionId, 'team', tm.code, {
      before: {},
      after: { name: tm.name, nameEn: tm.nameEn ?? null, unit: unit.code, category: category.code },
    });
    return ok({ id: row.id });
  }
}

export class DeleteTeam {
  async execute(w: Work, p: ConsolePrincipal, input: { id: string; sessionId: string }): Promise<Result<{ deleted: string }>> {
    return deleteUnused(w, p, input.sessionId, async () => {
      const tm = await w.repos.org.team(input.id);
      return (
        tm && {
          kind: 'team',
          table: 'team',
          key: tm.id,
          code: tm.code,
          held: { name: tm.name, category: tm.categoryCode },
          remove: () => w.repos.settings.deleteTeam(tm.id),
        }
      );
    });
  }
}

export class EditSla {
  async execute(w: Work, p: ConsolePrincipal, input: Input): Promise<Result<{ changed: string[] }>> {
    if (!(await isCountyAdmin(w, p))) return err('console/forbidden');
    const cmd = parseCommand(slaEditSchema, input.body);
    if (!cmd.ok) return cmd;
    const set = await w.repos.settings.slaMinutes();
    const before: Change = {};
    const after: Change = {};
    const values: Partial<Record<SlaKey, number | null>> = {};
    for (const key of SLA_KEYS) {
      const v = cmd.value[key];
      if (v === undefined || (set[key] ?? null) === v) continue;
      before[key] = set[key] ?? null;
      after[key] = v;
      values[key] = v;
    }
    const changed = Object.keys(after);
    if (changed.length === 0) return ok({ changed });
    await w.repos.settings.setSlaMinutes(values, w.now);
    await record(w, p, input.sessionId, 'sla', 'sla', { before, after });
    return ok({ changed });
  }
}
