// 平战结合: a county or township coordinator switches their unit between daily and emergency
// mode. Routing reads the mode through EmergencyPolicy; every switch is recorded.
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { isCoordinator, nameParams, parseCommand, widestUnit, type Work } from '@baiying/kernel';
import { z } from 'zod';

export const REASON_MAX_CHARS = 200;

export const switchModeCommand = z.object({ on: z.boolean(), reason: z.string().max(2000).nullable() });
export type SwitchModeCommand = z.input<typeof switchModeCommand>;

export class SwitchMode {
  async execute(w: Work, actor: ActorRow, input: SwitchModeCommand): Promise<Result<{ unit: string; unitEn: string; minutes: number }>> {
    const c = parseCommand(switchModeCommand, input);
    if (!c.ok) return c;
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    // The coordinator's widest unit that is a county centre or a township institute.
    const unit = await widestUnit(w, actor, ['center', 'institute']);
    if (!unit) return err('mode/not_allowed');
    const reason = c.value.reason?.trim().slice(0, REASON_MAX_CHARS) || null;
    if (!(await w.repos.emergency.switchMode(unit.id, c.value.on, actor.personId, reason))) return err('mode/unchanged', nameParams('unit', unit));
    return ok({ unit: unit.name, unitEn: unit.nameEn ?? unit.name, minutes: w.config.emergencySlaMinutes });
  }
}
