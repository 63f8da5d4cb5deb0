// What emergency mode (平战结合) changes for a need: the unit whose mode applies, the minute
// SLA, the banner, who gets the card privately, and who may take it from that private card.
// Routing and claims ask here; nothing else knows the rules of the mode.
import type { ActorRow, NeedRow } from '@baiying/db';
import { ancestry, err, ok, type OrgNode, type OutMessage, type Result } from '@baiying/domain';
import { t } from '@baiying/i18n';
import type { SlaInForce, Work } from '@baiying/kernel';

/** The emergency category: always urgent, and routed as an emergency in emergency mode. */
export const EMERGENCY_CATEGORY = 'emergency';

/** Emergency-mode calls and cards carry this banner above their text. */
export function withEmergencyBanner(m: OutMessage): OutMessage {
  return { ...m, text: `${t('banner.emergency')}\n${m.text}` };
}

export class EmergencyPolicy {
  /**
   * The unit whose emergency rules apply to this need: in emergency mode, the unit switched on
   * above an emergency or urgent need; in any mode, for a need whose message signalled danger to
   * a person (the danger check said "likely"), its township institute (its county centre when it
   * has none) — a person in danger is never routed as an ordinary job. Null otherwise.
   */
  async unitFor(w: Work, need: Pick<NeedRow, 'categoryCode' | 'urgency' | 'stationId' | 'danger'>): Promise<OrgNode | null> {
    const tree = await w.repos.org.tree();
    const chain = ancestry(tree, need.stationId);
    if (need.categoryCode === EMERGENCY_CATEGORY || need.urgency === 'urgent') {
      const switched = chain.find((u) => tree.get(u.id)?.emergencyMode === true);
      if (switched) return switched;
    }
    if (need.danger === 'likely') return chain.find((u) => u.tier === 'institute') ?? chain[chain.length - 1] ?? null;
    return null;
  }

  /** Whether a unit or any unit above it is in emergency mode (calls created there carry the banner). */
  async isUnitInEmergency(w: Work, unitId: string): Promise<boolean> {
    const tree = await w.repos.org.tree();
    return ancestry(tree, unitId).some((u) => tree.get(u.id)?.emergencyMode === true);
  }

  /** SLA of an emergency dispatch at any tier. */
  slaMs(rules: SlaInForce): number {
    return Math.max(1, Math.round(rules.emergencyMinutes * 60_000 * rules.timeFactor));
  }

  /**
   * Where an untaken emergency escalates: straight to the county centre (the unit below the
   * root in the chain is skipped to), not tier by tier.
   */
  escalateAbove(tree: ReadonlyMap<string, OrgNode>, fromUnitId: string): string {
    const chain = ancestry(tree, fromUnitId);
    return chain.length >= 2 ? chain[chain.length - 2]!.id : fromUnitId;
  }

  /**
   * Approved emergency-team members of the unit's area: they get the card privately. An area
   * without any falls back to the county's (a person in danger must reach someone).
   */
  async directRecipients(w: Work, unit: OrgNode): Promise<string[]> {
    const members = await w.repos.emergency.members(unit.id);
    if (members.length > 0 || !unit.parentId) return members;
    const tree = await w.repos.org.tree();
    const root = ancestry(tree, unit.id).at(-1);
    return root && root.id !== unit.id ? w.repos.emergency.members(root.id) : members;
  }

  /** Who may take a need from its private emergency card. */
  async mayTakeDirect(w: Work, actor: ActorRow, need: NeedRow): Promise<Result<void>> {
    const unit = await this.unitFor(w, need);
    if (!unit) return err('need/stale_card');
    if (actor.volunteer?.status !== 'approved') return err(actor.volunteer ? 'claim/not_approved' : 'claim/not_volunteer');
    if (!(await w.repos.emergency.isMember(actor.personId, unit.id))) return err('claim/not_member');
    return ok(undefined);
  }
}
