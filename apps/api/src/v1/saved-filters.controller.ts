// /api/v1/needs/saved-filters: each console user's own saved filters of the needs list (a name
// and the list's query string). Registered before the needs controller, so `saved-filters` is
// never read as a need id. Translates HTTP only.
import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ConsoleFeature, needIdSchema, savedFilterSchema, type ConsoleRequestSession } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { z } from 'zod';
import { parseOr400, unwrap } from '../http/api-errors.js';
import { Me } from '../http/console-auth.js';

@ApiTags('needs')
@ApiCookieAuth()
@Controller('api/v1/needs/saved-filters')
export class SavedFiltersController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly console: ConsoleFeature,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My saved filters of the needs list, oldest first, and how many I may keep' })
  async list(@Me() me: ConsoleRequestSession) {
    return unwrap(await this.uow.run((w) => this.console.savedFilters.execute(w, me.principal)));
  }

  @Post()
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Save a filter (a name and the list’s query string); the same name replaces it; past the cap: 409' })
  @ApiBody({ schema: z.toJSONSchema(savedFilterSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> })
  async save(@Me() me: ConsoleRequestSession, @Body() body: unknown) {
    const input = parseOr400(savedFilterSchema, body);
    return unwrap(await this.uow.run((w) => this.console.saveFilter.execute(w, me.principal, input)));
  }

  @Delete(':id')
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Delete one of my saved filters (another person’s: 404)' })
  async remove(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>) {
    const { id } = parseOr400(needIdSchema, params);
    return unwrap(await this.uow.run((w) => this.console.deleteSavedFilter.execute(w, me.principal, { id })));
  }
}
