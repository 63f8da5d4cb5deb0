// The coordinators' HTTP API for calls (一呼百应): preview, create, watch the tally, and the
// same controls as in chat. Authenticated by a personal token (`/token` in chat, stored
// hashed, expiring); wrong tokens are counted per client address and lock it out (429 with
// Retry-After). Every action is authorised by the use case against that coordinator's scope; a
// call outside it answers 404 exactly like a call that does not exist. The
// controller only translates: HTTP body → command, Result → status and body; apps/api will take
// it over with the console.
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpException,
  Ip,
  NotFoundException,
  Param,
  Post,
  UnauthorizedException,
  UseFilters,
} from '@nestjs/common';
import type { ActorRow } from '@baiying/db';
import { CALL_LIMITS, httpStatusOf, type Result } from '@baiying/domain';
import { en, zh } from '@baiying/i18n';
import { UnitOfWork, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { CallsFeature, IdentityFeature, type CallDraft } from '@baiying/features';
import { LockedOutFilter, tokenRefusal } from './auth-refusal.js';

const iso = z.string().datetime({ offset: true });
const L = CALL_LIMITS;
const bodySchema = z
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
          .array(z.object({ code: z.string().min(1).max(40), subtree: z.boolean().default(true) }))
          .max(100)
          .optional(),
        skills: z.array(z.string().min(1).max(L.skillChars)).max(L.maxSkills).optional(),
      })
      .strict(),
  })
  .strict();

const extendSchema = z.object({ hours: z.number().positive().max(L.maxExtendHours) }).strict();

/** The body of a preview or create as a draft, or a 400 naming what is wrong. */
export function toDraft(body: unknown): CallDraft {
  const p = bodySchema.safeParse(body);
  if (!p.success) throw new BadRequestException({ error: 'bad_request', issues: p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  const d = p.data;
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

/** An expected refusal becomes its catalogued status, with the code and both languages' text. */
function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  const params = r.detail ?? {};
  throw new HttpException({ error: r.code, message: zh(r.code, params), messageEn: en(r.code, params) }, httpStatusOf(r.code));
}

const notFound = () => new NotFoundException({ error: 'call/not_found', message: zh('call/not_found'), messageEn: en('call/not_found') });

@Controller('api/calls')
@UseFilters(LockedOutFilter)
export class CallsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly calls: CallsFeature,
    private readonly identity: IdentityFeature,
  ) {}

  private async actor(authorization: string | undefined, client: string): Promise<ActorRow> {
    const m = /^Bearer\s+(\S+)$/.exec(authorization ?? '');
    // No token at all is a 401 but no guess; a wrong one counts against the client.
    if (!m) throw new UnauthorizedException({ error: 'token/invalid', message: zh('token/invalid'), messageEn: en('token/invalid') });
    const r = await this.uow.run((w) => this.identity.authenticateToken.execute(w, m[1]!, client));
    if (!r.ok) throw tokenRefusal(r);
    return r.value;
  }

  /** Runs a call's use case by the code in the path; an unknown code, or one outside the caller's scope, is a 404. */
  private byCode<T>(code: string, fn: (w: Work, callId: string) => Promise<Result<T>>): Promise<T> {
    return this.uow
      .run(async (w): Promise<Result<T> | null> => {
        const id = await this.calls.callIdOf(w, code);
        return id ? fn(w, id) : null;
      })
      .then((r) => {
        // Outside the caller's scope answers like a missing call, so codes cannot be probed.
        if (!r || (!r.ok && r.code === 'auth/out_of_scope')) throw notFound();
        return unwrap(r);
      });
  }

  @Post('preview')
  @HttpCode(200)
  async preview(@Headers('authorization') auth: string | undefined, @Ip() client: string, @Body() body: unknown) {
    const actor = await this.actor(auth, client);
    const draft = toDraft(body);
    return unwrap(await this.uow.run((w) => this.calls.preview.execute(w, actor, draft)));
  }

  @Post()
  async create(@Headers('authorization') auth: string | undefined, @Ip() client: string, @Body() body: unknown) {
    const actor = await this.actor(auth, client);
    const draft = toDraft(body);
    const r = unwrap(await this.uow.run((w) => this.calls.create.execute(w, actor, draft)));
    return { id: r.callId, code: r.code, preview: r.preview };
  }

  @Get(':code')
  async tally(@Headers('authorization') auth: string | undefined, @Ip() client: string, @Param('code') code: string) {
    const actor = await this.actor(auth, client);
    const s = await this.byCode(code, (w, callId) => this.calls.status.execute(w, actor, { callId }));
    return { ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), answerBy: s.answerBy.toISOString() };
  }

  @Post(':code/:op')
  @HttpCode(200)
  async control(
    @Headers('authorization') auth: string | undefined,
    @Ip() client: string,
    @Param('code') code: string,
    @Param('op') op: string,
    @Body() body: unknown,
  ) {
    const actor = await this.actor(auth, client);
    switch (op) {
      case 'close':
        return this.byCode(code, (w, callId) => this.calls.close.execute(w, actor, { callId }));
      case 'cancel':
        return this.byCode(code, (w, callId) => this.calls.cancel.execute(w, actor, { callId }));
      case 'remind':
        return this.byCode(code, (w, callId) => this.calls.remind.execute(w, actor, { callId }));
      case 'extend': {
        const p = extendSchema.safeParse(body ?? {});
        if (!p.success) throw new BadRequestException({ error: 'bad_request', issues: [`hours: a number of hours (0–${L.maxExtendHours}]`] });
        return this.byCode(code, (w, callId) => this.calls.extend.execute(w, actor, { callId, hours: p.data.hours }));
      }
      default:
        throw new NotFoundException({ error: 'not_found', message: `unknown operation ${op}` });
    }
  }
}
