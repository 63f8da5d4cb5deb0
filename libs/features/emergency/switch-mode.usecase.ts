// 平战结合: a county or township coordinator switches their unit between daily and emergency
// mode. Routing reads the mode through EmergencyPolicy; every switch is recorded.
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { inScope, isCoordinator, nameParams, parseCommand, slaInForce, widestUnit, type Work } from '@baiying/kernel';
import { z } from 'zod';

export const REASON_MAX_CHARS = 200;
/** The tiers whose mode can be switched: a county centre or a township institute. */
const SWITCHABLE: ReadonlyArray<string> = ['center', 'institute'];

export const switchModeCommand = z.object({
  on: z.boolean(),
  reason: z.string().max(2000).nullable(),
  /** A unit in the coordinator's scope (the console names one); chat switches their widest. */
  unitId: z.uuid().optional(),
});
export type SwitchModeCommand = z.input<typeof switchModeCommand>;

export class SwitchMode {
  /** `via.sessionId`: the console session that switched (the audit entry names it); none from chat. */
  async execute(
    w: Work,
    actor: ActorRow,
    input: SwitchModeCommand,
    via: { sessionId?: string } = {},
  ): Promise<Result<{ unit: string; unitEn: string; minutes: number }>> {
    const c = parseCommand(switchModeCommand, input);
    if (!c.ok) return c;
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    // The named unit, or the coordinator's widest unit that is a county centre or a township institute.
    const named = c.value.unitId ? (await w.repos.org.tree()).get(c.value.unitId) : undefined;
    if (c.value.unitId && (!named || !(await inScope(w, actor, named.id)))) return err('auth/out_of_scope');
    const unit = named ?? (await widestUnit(w, actor, ['center', 'institute']));
    if (!unit || !SWITCHABLE.includes(unit.tier)) return err('mode/not_allowed');
    const reason = c.value.reason?.trim().slice(0, REASON_MAX_CHARS) || null;
    if (!(await w.repos.emergency.switchMode(unit.id, c.value.on, actor.personId, reason))) return err('mode/unchanged', nameParams('unit', unit));
    await w.repos.console.audit({
      at: w.now,
      actorId: actor.personId,
      action: 'emergency_switch',
      orgUnitId: unit.id,
      sessionId: via.sessionId ?? null,
      reason,
      detail: { on: c.value.on, via: via.sessionId ? 'console' : 'chat' },
    });
    return ok({ unit: unit.name, unitEn: unit.nameEn ?? unit.name, minutes: (await slaInForce(w)).emergencyMinutes });
  }
}
