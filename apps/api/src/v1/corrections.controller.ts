// /api/v1/corrections: 纠正统计 — how often the understanding's category was corrected this month,
// per category, over the caller's scope (counts only). Translates HTTP only.
import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ConsoleFeature, correctionStatsQuerySchema, type ConsoleRequestSession } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { parseOr400, unwrap } from '../http/api-errors.js';
import { Me } from '../http/console-auth.js';

@ApiTags('needs')
@ApiCookieAuth()
@Controller('api/v1/corrections')
export class CorrectionsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly console: ConsoleFeature,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Category corrections of the understanding in a month (default: this one), per category, in scope' })
  @ApiQuery({ name: 'month', required: false, description: 'YYYY-MM (desk time zone)' })
  async stats(@Me() me: ConsoleRequestSession, @Query() query: Record<string, unknown>) {
    parseOr400(correctionStatsQuerySchema, query);
    return unwrap(await this.uow.run((w) => this.console.correctionStats.execute(w, me.principal, query)));
  }
}
