// The coordinators' HTTP API for calls (一呼百应): preview, create, watch the tally, and the
// same controls as in chat. Authenticated by a personal token (`/token` in chat, stored
// hashed); every action is authorised against that coordinator's scope by the desk.
import { BadRequestException, Body, Controller, Get, Headers, HttpCode, HttpException, Inject, NotFoundException, Param, Post, UnauthorizedException } from '@nestjs/common';
import type { ActorRow, PrismaClient } from '@baiying/db';
import { Repos } from '@baiying/db';
import { Desk, hashToken, type CallDraft, type Work } from '@baiying/desk';
import { parseCallCode, type Result } from '@baiying/domain';
import { en, zh, type MessageKey } from '@baiying/i18n';
import { FieldCipher } from '@baiying/crypto';
import { PRISMA } from '@baiying/platform';
import { z } from 'zod';

const iso = z.string().datetime({ offset: true });
const draftSchema = z
  .object({
    title: z.string().min(1).max(60),
    description: z.string().max(1000).default(''),
    place: z.string().min(1).max(200),
    site: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullable().optional(),
    radiusM: z.number().int().min(10).max(50_000).optional(),
    startsAt: iso,
    endsAt: iso,
    headcount: z.number().int().min(1).max(100_000),
    skills: z.array(z.string().min(1).max(30)).max(20).optional(),
    answerBy: iso.nullable().optional(),
    audience: z
      .object({
        everyone: z.boolean().optional(),
        teams: z.array(z.string().min(1).max(40)).max(100).optional(),
        units: z.array(z.object({ code: z.string().min(1).max(40), subtree: z.boolean().default(true) })).max(100).optional(),
        skills: z.array(z.string().min(1).max(30)).max(20).optional(),
      })
      .strict(),
  })
  .strict();

function toDraft(body: unknown): CallDraft {
  const p = draftSchema.safeParse(body);
  if (!p.success) throw new BadRequestException({ error: 'bad_request', issues: p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  const d = p.data;
  return {
    title: d.title,
    description: d.description,
    placeText: d.place,
    site: d.site ?? null,
    radiusM: d.radiusM,
    startsAt: new Date(d.startsAt),
    endsAt: new Date(d.endsAt),
    headcount: d.headcount,
    skills: d.skills,
    answerBy: d.answerBy ? new Date(d.answerBy) : null,
    audience: { everyone: d.audience.everyone, teamCodes: d.audience.teams, units: d.audience.units, skills: d.audience.skills },
  };
}

/** Expected refusals become 4xx with the code and both languages' text. */
function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  const status = r.code.startsWith('auth/') ? 403 : r.code === 'call/not_found' ? 404 : r.code.endsWith('/bad_input') || r.code === 'team/not_found' || r.code === 'call/unknown_unit' || r.code === 'call/empty_audience' ? 400 : 409;
  const key = r.code as MessageKey;
  const params = r.detail ?? {};
  throw new HttpException({ error: r.code, message: zh(key, params), messageEn: en(key, params) }, status);
}

@Controller('api/calls')
export class CallsController {
  private readonly repos: Repos;

  constructor(
    private readonly desk: Desk,
    private readonly cipher: FieldCipher,
    @Inject(PRISMA) prisma: PrismaClient,
  ) {
    this.repos = new Repos(prisma);
  }

  private async actor(authorization: string | undefined): Promise<ActorRow> {
    const m = /^Bearer\s+(by_[A-Za-z0-9_-]{20,64})$/.exec(authorization ?? '');
    const personId = m ? await this.repos.calls.tokenOwner(hashToken(this.cipher, m[1]!)) : null;
    if (!personId) throw new UnauthorizedException({ error: 'token/invalid', message: zh('token/invalid'), messageEn: en('token/invalid') });
    return this.repos.people.actor(personId);
  }

  private async callId(code: string): Promise<string> {
    const full = parseCallCode(code);
    const call = full ? await this.repos.calls.byCode(full) : null;
    if (!call) throw new NotFoundException({ error: 'call/not_found', message: zh('call/not_found'), messageEn: en('call/not_found') });
    return call.id;
  }

  private run<T>(fn: (w: Work) => Promise<Result<T>>): Promise<T> {
    return this.desk.uow.run(fn).then(unwrap);
  }

  @Post('preview')
  @HttpCode(200)
  async preview(@Headers('authorization') auth: string | undefined, @Body() body: unknown) {
    const actor = await this.actor(auth);
    const draft = toDraft(body);
    return this.run((w) => this.desk.mobilisation.preview(w, actor, draft));
  }

  @Post()
  async create(@Headers('authorization') auth: string | undefined, @Body() body: unknown) {
    const actor = await this.actor(auth);
    const draft = toDraft(body);
    const r = await this.run((w) => this.desk.mobilisation.create(w, actor, draft));
    return { id: r.callId, code: r.code, preview: r.preview };
  }

  @Get(':code')
  async tally(@Headers('authorization') auth: string | undefined, @Param('code') code: string) {
    const actor = await this.actor(auth);
    const id = await this.callId(code);
    return this.run(async (w) => {
      const allowed = await this.desk.mobilisation.rosterText(w, actor, id);
      if (!allowed.ok) return allowed;
      const call = (await w.repos.calls.byId(id))!;
      return {
        ok: true as const,
        value: {
          code: call.code,
          status: call.status,
          headcount: call.headcount,
          startsAt: call.startsAt.toISOString(),
          endsAt: call.endsAt.toISOString(),
          answerBy: call.answerBy.toISOString(),
          roster: await w.repos.calls.counts(id),
          delivery: await w.repos.calls.delivery(id),
          tally: allowed.value,
        },
      };
    });
  }

  @Post(':code/:op')
  @HttpCode(200)
  async control(@Headers('authorization') auth: string | undefined, @Param('code') code: string, @Param('op') op: string, @Body() body: unknown) {
    const actor = await this.actor(auth);
    const id = await this.callId(code);
    const m = this.desk.mobilisation;
    switch (op) {
      case 'close':
        return this.run((w) => m.close(w, actor, id));
      case 'cancel':
        return this.run((w) => m.cancel(w, actor, id));
      case 'remind':
        return this.run((w) => m.remindSilent(w, actor, id));
      case 'extend': {
        const p = z.object({ hours: z.number().positive().max(720) }).strict().safeParse(body ?? {});
        if (!p.success) throw new BadRequestException({ error: 'bad_request', issues: ['hours: a number of hours (0–720]'] });
        return this.run((w) => m.extend(w, actor, id, p.data.hours));
      }
      default:
        throw new NotFoundException({ error: 'not_found', message: `unknown operation ${op}` });
    }
  }
}
