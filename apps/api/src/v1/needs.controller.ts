// /api/v1/needs: the console's needs list (masked, scoped, keyset pages), detail with the
// timeline (masked), reveal with a reason (audited), and the coordinator actions chat offers
// (each the chat's own use case; audited). Translates HTTP only.
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  ConsoleFeature,
  needActionSchemas,
  needIdSchema,
  needListQuerySchema,
  revealSchema,
  URGENCY_ORDER,
  type ConsoleRequestSession,
} from '@baiying/features';
import { NEED_SORTS, type NeedAction } from '@baiying/contracts';
import { UnitOfWork } from '@baiying/kernel';
import { z } from 'zod';
import { parseOr400, unwrap } from '../http/api-errors.js';
import { Me } from '../http/console-auth.js';

@ApiTags('needs')
@ApiCookieAuth()
@Controller('api/v1/needs')
export class NeedsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly console: ConsoleFeature,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Needs in scope, masked; filters; sorted on the server; keyset pagination (nextCursor, valid for its sort only)' })
  @ApiQuery({ name: 'status', required: false, description: 'comma-separated need statuses' })
  @ApiQuery({ name: 'unit', required: false, description: 'an org unit code: its subtree' })
  @ApiQuery({ name: 'station', required: false, description: 'a station code' })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD (desk time zone)' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD, inclusive' })
  @ApiQuery({ name: 'q', required: false, description: 'part of a need code' })
  @ApiQuery({ name: 'category', required: false })
  @ApiQuery({ name: 'urgency', required: false, enum: URGENCY_ORDER })
  @ApiQuery({ name: 'beneficiary', required: false, description: 'comma-separated: elderly, child, disabled, hardship, none (老少残困)' })
  @ApiQuery({ name: 'review', required: false, enum: ['true', 'false'], description: 'flagged for review (审单) or not' })
  @ApiQuery({ name: 'sort', required: false, enum: NEED_SORTS, description: 'new (default), old, urgency (most urgent first, then newest)' })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  async list(@Me() me: ConsoleRequestSession, @Query() query: Record<string, unknown>) {
    parseOr400(needListQuerySchema, query);
    return unwrap(await this.uow.run((w) => this.console.listNeeds.execute(w, me.principal, query)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One need in scope, masked, with its full timeline (out of scope: 404)' })
  async detail(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>) {
    const { id } = parseOr400(needIdSchema, params);
    return unwrap(await this.uow.run((w) => this.console.needDetail.execute(w, me.principal, { id })));
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: "Reveal one need's phone, address and description, with a reason (written to the audit log)" })
  @ApiBody({ schema: z.toJSONSchema(revealSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> })
  async reveal(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>, @Body() body: unknown) {
    const { id } = parseOr400(needIdSchema, params);
    const input = parseOr400(revealSchema, body);
    return unwrap(await this.uow.run((w) => this.console.reveal.execute(w, me.principal, { id, sessionId: me.sessionId, ...input })));
  }

  /** One action: the id and body checked here (400 with field errors), decided by the use case. */
  private act(me: ConsoleRequestSession, params: Record<string, string>, action: NeedAction, body: unknown) {
    const { id } = parseOr400(needIdSchema, params);
    const input = parseOr400(needActionSchemas[action], body);
    return this.uow.run((w) => this.console.needActions.execute(w, me.principal, { id, sessionId: me.sessionId, action, body: input })).then(unwrap);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Send the need to a team (the card goes to its groups; settles 审单). Coordinators in scope; same team again: changed=false' })
  @ApiBody({ schema: z.toJSONSchema(needActionSchemas.reassign, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> })
  async reassign(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>, @Body() body: unknown) {
    return this.act(me, params, 'reassign', body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: '限时兑现: close unfulfilled with a promised date (YYYY-MM-DD, not past) and the reason/steps; the resident is told' })
  @ApiBody({ schema: z.toJSONSchema(needActionSchemas.close, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> })
  async close(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>, @Body() body: unknown) {
    return this.act(me, params, 'close', body);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Confirm a done need for a resident who cannot (hours credited); the resident is asked to rate' })
  @ApiBody({ schema: z.toJSONSchema(needActionSchemas.verify, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> })
  async verify(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>, @Body() body: unknown) {
    return this.act(me, params, 'verify', body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Cancel a need nobody has taken, with a reason (kept encrypted); the resident is told why' })
  @ApiBody({ schema: z.toJSONSchema(needActionSchemas.cancel, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> })
  async cancel(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>, @Body() body: unknown) {
    return this.act(me, params, 'cancel', body);
  }

  @Post(':id/category')
  @HttpCode(200)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: '审单: set the right category and clear the review flag; kept (text encrypted) as a correction for nlu:corrections' })
  @ApiBody({ schema: z.toJSONSchema(needActionSchemas.category, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> })
  async category(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>, @Body() body: unknown) {
    return this.act(me, params, 'category', body);
  }
}
