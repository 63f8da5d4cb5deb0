// Who may erase whom, and what must be finished first (shared by both steps of an erasure).
import type { ActorRow } from '@baiying/db';
import { err, ok, type Err, type Result } from '@baiying/domain';
import { inScope, isCoordinator, type Work } from '@baiying/kernel';

/**
 * A person may erase themselves; a coordinator may erase someone else only when every unit that
 * person belongs to (their needs' stations, volunteer station, roles) lies in the coordinator's scope.
 */
export async function mayErase(w: Work, actor: ActorRow, personId: string): Promise<Result<'self' | 'coordinator'>> {
  if (actor.personId === personId) return ok('self');
  if (!isCoordinator(actor)) return err('auth/not_coordinator');
  const units = await w.repos.privacy.unitsOf(personId);
  if (units.length === 0) return err('auth/out_of_scope');
  for (const unit of units) if (!(await inScope(w, actor, unit))) return err(units.length > 1 ? 'privacy/no_scope' : 'auth/out_of_scope');
  return ok('coordinator');
}

/** Open needs and jobs in progress must end first: erasure would leave a volunteer or a resident without an address. */
export async function underWay(w: Work, personId: string): Promise<Err | null> {
  const open = await w.repos.privacy.openNeedCodes(personId);
  if (open.length) return err('privacy/open_needs', { codes: open.join('、') });
  if (await w.repos.privacy.hasActiveClaim(personId)) return err('privacy/active_claim');
  return null;
}
