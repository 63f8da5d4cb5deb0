// /api/v1/exports: ask for an export (a worker job), read its progress and a fresh download link,
// list one's own; /api/v1/exports/download/:token: the file by a signed link that expires (no
// session: the link is the permission, short-lived). Translates HTTP only.
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { downloadTokenSchema, exportIdSchema, exportRequestSchema, ExportsFeature, type ConsoleRequestSession } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { z } from 'zod';
import { parseOr400, unwrap } from '../http/api-errors.js';
import { Me, Public } from '../http/console-auth.js';

const noQuery = z.object({}).strict();

@ApiTags('exports')
@Controller('api/v1/exports')
export class ExportsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly exports: ExportsFeature,
  ) {}

  @Post()
  @ApiCookieAuth()
  @ApiSecurity('csrf')
  @ApiOperation({
    summary:
      'Ask for an export (needs, service_records, volunteers, calls: xlsx or csv, the needs list filters; assessment: xlsx of a unit and month); built by the worker',
  })
  @ApiBody({ schema: z.toJSONSchema(exportRequestSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> })
  async request(@Me() me: ConsoleRequestSession, @Body() body: unknown) {
    parseOr400(exportRequestSchema, body);
    return unwrap(await this.uow.run((w) => this.exports.request.execute(w, me.principal, body)));
  }

  @Get()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'My latest exports with progress and download links' })
  async list(@Me() me: ConsoleRequestSession, @Query() query: Record<string, unknown>) {
    parseOr400(noQuery, query);
    return unwrap(await this.uow.run((w) => this.exports.list.execute(w, me.principal)));
  }

  @Get(':id')
  @ApiCookieAuth()
  @ApiOperation({ summary: 'One of my exports: status, progress (rowsDone/rowsTotal), a download link valid EXPORT_LINK_MINUTES once done' })
  async status(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>) {
    const { id } = parseOr400(exportIdSchema, params);
    return unwrap(await this.uow.run((w) => this.exports.status.execute(w, me.principal, { id })));
  }

  @Public()
  @Get('download/:token')
  @ApiOperation({ summary: 'The export file by a signed link (expired, forged or cleaned up: 404)' })
  async download(@Param() params: Record<string, string>, @Res() res: Response) {
    const input = parseOr400(downloadTokenSchema, params);
    const file = unwrap(await this.uow.run((w) => this.exports.download.execute(w, input)));
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-length', String(file.bytes));
    res.setHeader('cache-control', 'no-store');
    res.setHeader(
      'content-disposition',
      `attachment; filename="export.${file.fileName.split('.').pop() ?? 'bin'}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    file.open().pipe(res);
  }
}
