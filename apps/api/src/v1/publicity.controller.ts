// /api/v1/publicity: the month's snapshots of the four lists — list, view, publish, correct.
// Translates HTTP only: role, scope and the audit entries are the publicity use cases'.
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { correctionSchema, PublicityFeature, snapshotIdSchema, snapshotListSchema, type ConsoleRequestSession } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { z } from 'zod';
import { parseOr400, unwrap } from '../http/api-errors.js';
import { Me } from '../http/console-auth.js';

@ApiTags('publicity')
@ApiCookieAuth()
@Controller('api/v1/publicity')
export class PublicityController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly publicity: PublicityFeature,
  ) {}

  @Get('snapshots')
  @ApiOperation({ summary: 'Snapshots of the four lists in scope (every version), newest month first' })
  @ApiQuery({ name: 'unit', required: false, description: 'an org unit code' })
  @ApiQuery({ name: 'month', required: false, description: 'YYYY-MM (desk time zone)' })
  async list(@Me() me: ConsoleRequestSession, @Query() query: Record<string, unknown>) {
    const q = parseOr400(snapshotListSchema, query);
    return unwrap(await this.uow.run((w) => this.publicity.list.execute(w, me.principal, q)));
  }

  @Get('snapshots/:id')
  @ApiOperation({ summary: 'One snapshot: the four lists, what it changed, its public path (out of scope: 404)' })
  async view(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>) {
    const { id } = parseOr400(snapshotIdSchema, params);
    return unwrap(await this.uow.run((w) => this.publicity.view.execute(w, me.principal, { id })));
  }

  @Post('snapshots/:id/publish')
  @HttpCode(200)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Publish the latest draft version (administrator, coordinator of the unit); audited' })
  async publish(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>, @Body() body: unknown) {
    const { id } = parseOr400(snapshotIdSchema, params);
    parseOr400(z.object({}).strict(), body);
    return unwrap(await this.uow.run((w) => this.publicity.publish.execute(w, me.principal, { id, sessionId: me.sessionId })));
  }

  @Post('snapshots/:id/corrections')
  @HttpCode(201)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Correct the latest version: a new version with a summary and the computed changes (published stays published); audited' })
  @ApiBody({ schema: z.toJSONSchema(correctionSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> })
  async correct(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>, @Body() body: unknown) {
    const { id } = parseOr400(snapshotIdSchema, params);
    const correction = parseOr400(correctionSchema, body);
    return unwrap(await this.uow.run((w) => this.publicity.correct.execute(w, me.principal, { id, sessionId: me.sessionId, correction })));
  }
}
