// /api/v1/calls: 一呼百应 over HTTP — list, preview, create, the tally, the roster and the same
// controls as chat (close, cancel, remind, extend). Two ways in: the console session (cookie +
// CSRF, like every console route) or a personal API token for machine clients (`/token` in chat;
// stored hashed, expiring; wrong tokens counted per client address and locked out with 429 +
// Retry-After). Either way the calls feature's use cases decide role and scope; a call outside
// the caller's scope answers 404 exactly like a call that does not exist. Moved here from
// apps/bot (decision 0028); the controller only translates.
import { Body, Controller, Get, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { ActorRow } from '@baiying/db';
import { CALL_LIMITS, type Result } from '@baiying/domain';
import { CallsFeature, callListQuerySchema, ConsoleFeature, IdentityFeature, type CallDraft, type ConsoleRequestSession } from '@baiying/features';
import { isCoordinator, UnitOfWork, type Work } from '@baiying/kernel';
import { LockedOutFilter, tokenRefusal } from '@baiying/platform';
import { z } from 'zod';
import { parseOr400, refusal, unwrap } from '../http/api-errors.js';
import { BearerOrSession, Caller, Me, type BearerOrSessionCaller } from '../http/console-auth.js';

const iso = z.string().datetime({ offset: true });
const L = CALL_LIMITS;
export const callBodySchema = z
  .object({
    title: z.string().min(1).max(L.titleChars),
    description: z.string().max(L.descriptionChars).default(''),
    place: z.string().min(1).max(L.placeChars),
    site: z
      .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
      .nullable()
      .optional(),
    radiusM: z.number().int().min(L.minRadiusM).max(L.maxRadiusM).optional(),
    startsAt: iso,
    endsAt: iso,
    headcount: z.number().int().min(1).max(L.maxHeadcount),
    skills: z.array(z.string().min(1).max(L.skillChars)).max(L.maxSkills).optional(),
    answerBy: iso.nullable().optional(),
    audience: z
      .object({
        everyone: z.boolean().optional(),
        teams: z.array(z.string().min(1).max(40)).max(100).optional(),
        units: z
          .array(z.object({ code: z.string().min(1).max(40), subtree: z.boolean().default(true) }).strict())
          .max(100)
          .optional(),
        skills: z.array(z.string().min(1).max(L.skillChars)).max(L.maxSkills).optional(),
      })
      .strict(),
  })
  .strict();

const extendSchema = z.object({ hours: z.number().positive().max(L.maxExtendHours) }).strict();
const codeSchema = z.object({ code: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'a call code') }).strict();
const noBody = z.union([z.undefined(), z.object({}).strict()]);
const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

/** The body of a preview or create as a draft, or a 400 naming each wrong field (zh/en). */
export function toDraft(body: unknown): CallDraft {
  const d = parseOr400(callBodySchema, body);
  return {
    title: d.title,
    description: d.description,
    placeText: d.place,
    site: d.site ?? null,
    ...(d.radiusM !== undefined ? { radiusM: d.radiusM } : {}),
    startsAt: new Date(d.startsAt),
    endsAt: new Date(d.endsAt),
    headcount: d.headcount,
    ...(d.skills ? { skills: d.skills } : {}),
    answerBy: d.answerBy ? new Date(d.answerBy) : null,
    audience: {
      ...(d.audience.everyone !== undefined ? { everyone: d.audience.everyone } : {}),
      ...(d.audience.teams ? { teamCodes: d.audience.teams } : {}),
      ...(d.audience.units ? { units: d.audience.units } : {}),
      ...(d.audience.skills ? { skills: d.audience.skills } : {}),
    },
  };
}

const iso8601 = (d: Date | null) => (d ? d.toISOString() : null);

@ApiTags('calls')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('api/v1/calls')
@UseFilters(LockedOutFilter)
export class CallsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly calls: CallsFeature,
    private readonly identity: IdentityFeature,
    private readonly console: ConsoleFeature,
  ) {}

  /** Who is calling: the API token's coordinator, or the console session's person. */
  private async actor({ authorization, client, me }: BearerOrSessionCaller): Promise<ActorRow> {
    if (authorization !== undefined) {
      const m = /^Bearer\s+(\S+)$/.exec(authorization);
      // A malformed header is a 401 but no guess; a wrong token counts against the client.
      if (!m) throw refusal('token/invalid');
      const r = await this.uow.run((w) => this.identity.authenticateToken.execute(w, m[1]!, client));
      if (!r.ok) throw tokenRefusal(r);
      return r.value;
    }
    if (!me) throw refusal('console/no_session');
    return this.uow.run((w) => w.repos.people.actor(me.principal.personId));
  }

  /**
   * Runs a call's use case by the code in the path; unknown, or outside the caller's scope: 404.
   * Someone who manages no calls at all is refused (403) before the code is looked up, so the
   * answer never tells them which codes exist.
   */
  private async byCode<T>(actor: ActorRow, params: Record<string, string>, fn: (w: Work, callId: string) => Promise<Result<T>>): Promise<T> {
    const { code } = parseOr400(codeSchema, params);
    if (!isCoordinator(actor)) throw refusal('auth/not_coordinator');
    const r = await this.uow.run(async (w): Promise<Result<T> | null> => {
      const id = await this.calls.callIdOf(w, code);
      return id ? fn(w, id) : null;
    });
    // Outside the caller's scope answers like a missing call, so codes cannot be probed.
    if (!r || (!r.ok && r.code === 'auth/out_of_scope')) throw refusal('call/not_found');
    return unwrap(r);
  }

  @Get()
  @ApiOperation({ summary: "Calls of units in the console viewer's scope, newest first (keyset: nextCursor)" })
  async list(@Me() me: ConsoleRequestSession, @Query() query: Record<string, unknown>) {
    parseOr400(callListQuerySchema, query);
    return unwrap(await this.uow.run((w) => this.console.listCalls.execute(w, me.principal, query)));
  }

  @Post('preview')
  @HttpCode(200)
  @BearerOrSession()
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Preview a call draft as chat does: who it reaches per channel, the rules it breaks (nothing is sent)' })
  @ApiBody({ schema: jsonSchema(callBodySchema) })
  async preview(@Caller() caller: BearerOrSessionCaller, @Body() body: unknown) {
    const actor = await this.actor(caller);
    const draft = toDraft(body);
    return unwrap(await this.uow.run((w) => this.calls.preview.execute(w, actor, draft)));
  }

  @Post()
  @BearerOrSession()
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Create a call (201): the same draft rules as chat; the fan-out starts at once' })
  @ApiBody({ schema: jsonSchema(callBodySchema) })
  async create(@Caller() caller: BearerOrSessionCaller, @Body() body: unknown) {
    const actor = await this.actor(caller);
    const draft = toDraft(body);
    const r = unwrap(await this.uow.run((w) => this.calls.create.execute(w, actor, draft)));
    return { id: r.callId, code: r.code, preview: r.preview };
  }

  @Get(':code')
  @BearerOrSession()
  @ApiOperation({ summary: "A call's state: counts, delivery and the tally as chat shows it (outside scope: 404)" })
  async tally(@Caller() caller: BearerOrSessionCaller, @Param() params: Record<string, string>) {
    const actor = await this.actor(caller);
    const s = await this.byCode(actor, params, (w, callId) => this.calls.status.execute(w, actor, { callId }));
    return { ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), answerBy: s.answerBy.toISOString() };
  }

  @Get(':code/roster')
  @BearerOrSession()
  @ApiOperation({ summary: 'Who said yes (confirmed, then the waiting list in answer order), with check-in and hours' })
  async roster(@Caller() caller: BearerOrSessionCaller, @Param() params: Record<string, string>) {
    const actor = await this.actor(caller);
    const rows = await this.byCode(actor, params, (w, callId) => this.calls.roster.execute(w, actor, { callId }));
    return rows.map((r) => ({ ...r, answeredAt: iso8601(r.answeredAt), checkedInAt: iso8601(r.checkedInAt), checkedOutAt: iso8601(r.checkedOutAt) }));
  }

  @Post(':code/close')
  @HttpCode(200)
  @BearerOrSession()
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Stop taking answers (截止)' })
  async close(@Caller() caller: BearerOrSessionCaller, @Param() params: Record<string, string>, @Body() body: unknown) {
    const actor = await this.actor(caller);
    parseOr400(noBody, body);
    return this.byCode(actor, params, (w, callId) => this.calls.close.execute(w, actor, { callId }));
  }

  @Post(':code/cancel')
  @HttpCode(200)
  @BearerOrSession()
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Cancel the call; everyone on the roster is told' })
  async cancel(@Caller() caller: BearerOrSessionCaller, @Param() params: Record<string, string>, @Body() body: unknown) {
    const actor = await this.actor(caller);
    parseOr400(noBody, body);
    return this.byCode(actor, params, (w, callId) => this.calls.cancel.execute(w, actor, { callId }));
  }

  @Post(':code/remind')
  @HttpCode(200)
  @BearerOrSession()
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Remind those who have not answered (once)' })
  async remind(@Caller() caller: BearerOrSessionCaller, @Param() params: Record<string, string>, @Body() body: unknown) {
    const actor = await this.actor(caller);
    parseOr400(noBody, body);
    return this.byCode(actor, params, (w, callId) => this.calls.remind.execute(w, actor, { callId }));
  }

  @Post(':code/extend')
  @HttpCode(200)
  @BearerOrSession()
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Extend the answer deadline by some hours' })
  @ApiBody({ schema: jsonSchema(extendSchema) })
  async extend(@Caller() caller: BearerOrSessionCaller, @Param() params: Record<string, string>, @Body() body: unknown) {
    const actor = await this.actor(caller);
    const { hours } = parseOr400(extendSchema, body);
    return this.byCode(actor, params, (w, callId) => this.calls.extend.execute(w, actor, { callId, hours }));
  }
}
