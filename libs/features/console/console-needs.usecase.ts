// The console's needs (the list: console-needs-list.usecase.ts): a masked detail with the full
// timeline, and a reveal of one need's personal data, with a reason, written to the audit trail.
// Scope is checked here: a need outside the caller's units answers exactly like a missing one.
import { personName } from '@baiying/db';
import { err, maskAddress, maskPhone, ok, type NeedStatus, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import type { ConsolePrincipal } from '../sessions/index.js';
import { allowedNeedActions, reassignTeams } from './console-need-actions.usecase.js';
import { revealSchema, type RevealInput } from './console.schemas.js';
import type { Revealed, TimelineEntry } from '@baiying/contracts';

/** Event data without encrypted fields (reasons typed by people stay behind a reveal). */
function publicData(data: unknown): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const [k, v] of Object.entries(data)) {
      if (k.endsWith('Enc')) continue;
      if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    }
  }
  return out;
}

/** What the detail page may offer (the server decides), with the pickers' choices when they apply. */
async function actionsOf(w: Work, p: ConsolePrincipal, need: { stationId: string; status: NeedStatus; categoryCode: string }) {
  const actions = await allowedNeedActions(w, p, need);
  return {
    actions,
    teams: actions.includes('reassign') ? await reassignTeams(w, p, need.categoryCode) : [],
    categories: actions.includes('category') ? (await w.repos.org.categories()).map((c) => ({ code: c.code, zh: c.nameZh, en: c.nameEn })) : [],
  };
}

async function scopedNeed(w: Work, id: string, units: string[]) {
  const need = await w.repos.console.needById(id);
  if (!need || !units.includes(need.stationId)) return null;
  return need;
}

export class NeedDetail {
  async execute(w: Work, p: ConsolePrincipal, input: { id: string }): Promise<Result<Record<string, unknown>>> {
    const need = await scopedNeed(w, input.id, p.readUnitIds);
    if (!need) return err('console/not_found');
    const tree = await w.repos.org.tree();
    const unit = (id: string) => ({ code: tree.get(id)?.code ?? '', name: tree.get(id)?.name ?? '', tier: tree.get(id)?.tier ?? '' });
    const people = new Map(
      (
        await w.repos.console.namesOf([
          ...new Set([...need.events.map((e) => e.actorId), ...need.claims.map((c) => c.volunteerId)].filter((x): x is string => !!x)),
        ])
      ).map((x) => [x.id, personName(w.deps.cipher, x)]),
    );
    const timeline: TimelineEntry[] = [
      { at: need.createdAt.toISOString(), kind: 'submitted', by: null, detail: { channel: need.channel, category: need.categoryCode, urgency: need.urgency } },
      ...need.events.map((e) => ({
        at: e.createdAt.toISOString(),
        kind: e.type,
        by: e.actorId ? (people.get(e.actorId) ?? null) : null,
        detail: publicData(e.data),
      })),
      ...need.dispatches.map((d) => ({
        at: d.createdAt.toISOString(),
        kind: 'dispatched',
        by: null,
        detail: {
          round: d.round,
          team: d.team?.code ?? null,
          unit: unit(d.orgUnitId).code,
          tier: d.tier,
          status: d.status,
          slaDueAt: d.slaDueAt.toISOString(),
        },
      })),
      ...need.claims.map((c) => ({ at: c.createdAt.toISOString(), kind: 'taken', by: people.get(c.volunteerId) ?? null, detail: { status: c.status } })),
      ...(need.rating ? [{ at: need.rating.createdAt.toISOString(), kind: 'rated', by: null, detail: { score: need.rating.score } }] : []),
    ].sort((a, b) => a.at.localeCompare(b.at));
    return ok({
      id: need.id,
      code: need.code,
      status: need.status,
      category: { code: need.categoryCode, zh: need.category.nameZh, en: need.category.nameEn },
      station: unit(need.stationId),
      owner: unit(need.ownerUnitId),
      urgency: need.urgency,
      beneficiary: need.beneficiary,
      review: need.reviewReason,
      danger: need.danger,
      phone: maskPhone(w.deps.cipher.decryptOptional(need.phoneEnc)),
      address: maskAddress(w.deps.cipher.decryptOptional(need.addressEnc)),
      description: null,
      promisedDate: need.promisedDate ? need.promisedDate.toISOString().slice(0, 10) : null,
      ...(await actionsOf(w, p, need)),
      anonymised: need.anonymisedAt !== null,
      createdAt: need.createdAt.toISOString(),
      canReveal: p.revealUnitIds.includes(need.stationId),
      timeline,
    });
  }
}

export class RevealNeed {
  async execute(w: Work, p: ConsolePrincipal, input: { id: string; sessionId: string } & RevealInput): Promise<Result<Revealed>> {
    const cmd = parseCommand(revealSchema, { reason: input.reason, ...(input.note !== undefined ? { note: input.note } : {}) });
    if (!cmd.ok) return cmd;
    const need = await scopedNeed(w, input.id, p.readUnitIds);
    if (!need) return err('console/not_found');
    // In scope to read but not to reveal (a viewer): refused, and nothing is decrypted.
    if (!p.revealUnitIds.includes(need.stationId)) return err('console/read_only');
    await w.repos.console.audit({
      at: w.now,
      actorId: p.personId,
      action: 'reveal',
      orgUnitId: need.stationId,
      needId: need.id,
      sessionId: input.sessionId,
      reason: cmd.value.reason,
      detail: { code: need.code, ...(cmd.value.note ? { note: cmd.value.note } : {}) },
    });
    return ok({
      phone: w.deps.cipher.decryptOptional(need.phoneEnc),
      address: w.deps.cipher.decryptOptional(need.addressEnc),
      description: w.deps.cipher.decryptOptional(need.descriptionEnc),
    });
  }
}
