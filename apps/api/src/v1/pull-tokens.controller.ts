// /api/v1/export-tokens: pull tokens for another office's system (administrators and
// coordinators); /api/v1/pull/:token: the read-only csv such a token pulls (no session: the
// token is the permission; masked, audited). Translates HTTP only.
import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ExportsFeature, pullTokenIdSchema, pullTokenRequestSchema, pullTokenSchema, type ConsoleRequestSession } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { z } from 'zod';
import { parseOr400, unwrap } from '../http/api-errors.js';
import { Me, Public } from '../http/console-auth.js';

const noQuery = z.object({}).strict();

@ApiTags('exports')
@Controller('api/v1')
export class PullTokensController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly exports: ExportsFeature,
  ) {}

  @Post('export-tokens')
  @ApiCookieAuth()
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Make a pull token (shown once) for a read-only csv of needs, service_records, volunteers or calls with a filter' })
  @ApiBody({ schema: z.toJSONSchema(pullTokenRequestSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> })
  async create(@Me() me: ConsoleRequestSession, @Body() body: unknown) {
    parseOr400(pullTokenRequestSchema, body);
    return unwrap(await this.uow.run((w) => this.exports.createToken.execute(w, me.principal, body)));
  }

  @Get('export-tokens')
  @ApiCookieAuth()
  @ApiOperation({ summary: 'My pull tokens (never the token itself)' })
  async list(@Me() me: ConsoleRequestSession, @Query() query: Record<string, unknown>) {
    parseOr400(noQuery, query);
    return unwrap(await this.uow.run((w) => this.exports.listTokens.execute(w, me.principal)));
  }

  @Delete('export-tokens/:id')
  @ApiCookieAuth()
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Revoke one of my pull tokens (another person’s: 404)' })
  async revoke(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>) {
    const input = parseOr400(pullTokenIdSchema, params);
    return unwrap(await this.uow.run((w) => this.exports.revokeToken.execute(w, me.principal, input)));
  }

  @Public()
  @Get('pull/:token')
  @ApiOperation({ summary: 'The csv a pull token names, as its owner sees it now (masked); revoked or unknown: 401' })
  async pull(@Param() params: Record<string, string>, @Res() res: Response) {
    const input = parseOr400(pullTokenSchema, params);
    const stream = unwrap(await this.exports.pull.execute(input));
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-disposition', `attachment; filename="${stream.fileName}"`);
    await stream.write(res);
  }
}
