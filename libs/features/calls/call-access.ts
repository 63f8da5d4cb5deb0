// Who may manage a call: its creator, or a coordinator of the call's unit or a unit above it.
// The call's row is locked for the rest of the transaction (controls serialise with answers).
import type { ActorRow } from '@baiying/db';
import { ancestry, err, ok, parseCallCode, type Result } from '@baiying/domain';
import { isCoordinator, type Work } from '@baiying/kernel';
import type { CallRow } from './call-row.js';

export async function manageableCall(w: Work, actor: ActorRow, callId: string): Promise<Result<CallRow>> {
  if (!isCoordinator(actor)) return err('auth/not_coordinator');
  await w.repos.calls.lock(callId);
  const call = await w.repos.calls.byId(callId);
  if (!call) return err('call/not_found');
  const tree = await w.repos.org.tree();
  const chain = ancestry(tree, call.orgUnitId).map((u) => u.id);
  if (call.createdById !== actor.personId && !actor.coordinatorUnitIds.some((id) => chain.includes(id))) return err('auth/out_of_scope');
  return ok(call);
}

/** A call named by id (a button) or by its code (typed, or the HTTP API's path). */
export async function callIdOf(w: Work, ref: { callId: string } | { callCode: string }): Promise<string | null> {
  if ('callId' in ref) return ref.callId;
  const code = parseCallCode(ref.callCode);
  return code ? ((await w.repos.calls.byCode(code))?.id ?? null) : null;
}
