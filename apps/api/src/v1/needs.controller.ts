// /api/v1/needs: the console's needs list (masked, scoped, keyset pages), detail with the
// timeline (masked), and reveal with a reason (audited). Translates HTTP only.
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ConsoleFeature, NEED_SORTS, needIdSchema, needListQuerySchema, revealSchema, URGENCY_ORDER, type ConsoleRequestSession } from '@baiying/features';
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
}
