// The need detail page's actions: the coordinator actions chat offers (reassign, close with a
// promised date 限时兑现, verify, cancel with a reason, the right category for 审单), each through
// the SAME use case chat calls, acting as the chat coordinator the principal is. This file adds
// only what the console needs around them: the need named by id and in read scope (else 404 like
// the detail), the body schema, the audit entry, and which actions the detail page may offer.
import { err, isCancellable, ok, sourcesOf, type NeedStatus, type Result } from '@baiying/domain';
import type { NeedRow } from '@baiying/db';
import { parseCommand, type Work } from '@baiying/kernel';
import type { CompletionFeature } from '../completion/index.js';
import type { CoordinationFeature } from '../coordination/index.js';
import type { IntakeFeature } from '../intake/index.js';
import type { RoutingFeature } from '../routing/index.js';
import { consoleActor, decisionUnitIds, type ConsolePrincipal } from '../sessions/index.js';
import { NEED_ACTIONS, type NeedAction, type NeedActionDone } from '@baiying/contracts';
import { needActionSchemas } from './console.schemas.js';

export interface NeedActionDeps {
  routing: RoutingFeature;
  coordination: CoordinationFeature;
  completion: CompletionFeature;
  intake: IntakeFeature;
}

type Detail = Record<string, string | number | boolean | null>;

/** Which statuses each action starts from (the chat's use cases refuse the others: 409). */
const FROM: Record<NeedAction, (s: NeedStatus) => boolean> = {
  reassign: (s) => sourcesOf('reassign').includes(s),
  close: (s) => sourcesOf('close_unfulfilled').includes(s),
  verify: (s) => s === 'done',
  cancel: isCancellable,
  category: (s) => sourcesOf('reassign').includes(s),
};

/** The actions the principal may take on a need now (the detail page shows only these). */
export async function allowedNeedActions(w: Work, p: ConsolePrincipal, need: { stationId: string; status: NeedStatus }): Promise<NeedAction[]> {
  if (!(await decisionUnitIds(w, p)).has(need.stationId)) return [];
  return NEED_ACTIONS.filter((a) => FROM[a](need.status));
}

/** Teams the reassign picker offers: in the principal's decision scope, serving the need's category. */
export async function reassignTeams(w: Work, p: ConsolePrincipal, categoryCode: string) {
  const teams = await w.repos.org.teamsInUnits([...(await decisionUnitIds(w, p))]);
  return teams.filter((t) => t.categoryCode === categoryCode).map((t) => ({ code: t.code, name: t.name, nameEn: t.nameEn }));
}

export class NeedActions {
  constructor(private readonly f: NeedActionDeps) {}

  async execute(w: Work, p: ConsolePrincipal, input: { id: string; sessionId: string; action: NeedAction; body: unknown }): Promise<Result<NeedActionDone>> {
    const need = await w.repos.needs.byId(input.id);
    if (!need || !p.readUnitIds.includes(need.stationId)) return err('console/not_found');
    // Read but not act (station staff, viewers, a coordinator of another subtree): refused.
    if (!(await decisionUnitIds(w, p)).has(need.stationId)) return err('console/read_only');
    const r = await this.run(w, await consoleActor(w, p), need, input.action, input.body);
    if (!r.ok) return r;
    if (r.value.changed) {
      await w.repos.console.audit({
        at: w.now,
        actorId: p.personId,
        action: `need_${input.action}`,
        orgUnitId: need.stationId,
        needId: need.id,
        sessionId: input.sessionId,
        reason: null,
        detail: { code: need.code, ...r.value.detail },
      });
    }
    return ok({ code: need.code, action: input.action, changed: r.value.changed });
  }

  private async run(
    w: Work,
    actor: Awaited<ReturnType<typeof consoleActor>>,
    need: NeedRow,
    action: NeedAction,
    body: unknown,
  ): Promise<Result<{ changed: boolean; detail: Detail }>> {
    const needCode = need.code;
    switch (action) {
      case 'reassign': {
        const b = parseCommand(needActionSchemas.reassign, body);
        if (!b.ok) return b;
        const r = await this.f.routing.reassign.execute(w, actor, { needCode, teamCode: b.value.team });
        // The need is in the actor's scope (checked above): a team outside it reads as unknown.
        if (!r.ok && r.code === 'auth/out_of_scope') return err('team/not_found', { code: b.value.team });
        return r.ok ? ok({ changed: r.value.changed, detail: { team: b.value.team.toUpperCase(), from: need.status } }) : r;
      }
      case 'close': {
        const b = parseCommand(needActionSchemas.close, body);
        if (!b.ok) return b;
        const r = await this.f.coordination.close.execute(w, actor, { needCode, promised: b.value.promisedDate, reason: b.value.reason });
        return r.ok ? ok({ changed: true, detail: { promisedDate: r.value.date } }) : r;
      }
      case 'verify': {
        const b = parseCommand(needActionSchemas.verify, body);
        if (!b.ok) return b;
        const r = await this.f.completion.verify.execute(w, actor, { needCode });
        return r.ok ? ok({ changed: true, detail: {} }) : r;
      }
      case 'cancel': {
        const b = parseCommand(needActionSchemas.cancel, body);
        if (!b.ok) return b;
        const r = await this.f.intake.cancel.execute(w, actor, { needId: need.id, reason: b.value.reason });
        return r.ok ? ok({ changed: true, detail: { from: need.status } }) : r;
      }
      case 'category': {
        const b = parseCommand(needActionSchemas.category, body);
        if (!b.ok) return b;
        const r = await this.f.coordination.correctCategory.execute(w, actor, { needCode, category: b.value.category });
        return r.ok ? ok({ changed: r.value.changed, detail: { category: r.value.category, was: need.categoryCode } }) : r;
      }
    }
  }
}
