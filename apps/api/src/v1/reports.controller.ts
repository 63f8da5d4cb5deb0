// /api/v1/reports: the dashboard's figures from the rollups (docs/reports.md). Any console role
// (viewers included) within scope; a unit or station outside it answers 404. Translates HTTP only.
import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { reportChartsQuerySchema, reportOverviewQuerySchema, ReportsFeature, type ConsoleRequestSession } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { parseOr400, unwrap } from '../http/api-errors.js';
import { Me } from '../http/console-auth.js';

@ApiTags('reports')
@ApiCookieAuth()
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: ReportsFeature,
  ) {}

  @Get('overview')
  @ApiOperation({ summary: 'Needs, response, satisfaction and hours for today / this week / this month, beside the previous period' })
  @ApiQuery({ name: 'period', required: false, enum: ['today', 'week', 'month'] })
  @ApiQuery({ name: 'unit', required: false, description: 'an org unit code in scope: its subtree' })
  @ApiQuery({ name: 'station', required: false, description: 'a station code in scope' })
  @ApiQuery({ name: 'category', required: false })
  async overview(@Me() me: ConsoleRequestSession, @Query() query: Record<string, unknown>) {
    parseOr400(reportOverviewQuerySchema, query);
    return unwrap(await this.uow.run((w) => this.reports.overview.execute(w, me.principal, query)));
  }

  @Get('charts')
  @ApiOperation({
    summary:
      'Chart series: demand by category over time, needs by station, response-time trend, team league table, beneficiary groups, weekday × hour; each item carries its needs list query',
  })
  @ApiQuery({ name: 'period', required: false, enum: ['week', 'month', 'quarter', 'year'] })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD (desk time zone), with to; at most 366 days' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD, inclusive' })
  @ApiQuery({ name: 'unit', required: false })
  @ApiQuery({ name: 'station', required: false })
  @ApiQuery({ name: 'category', required: false })
  @ApiQuery({ name: 'teams', required: false, description: 'rows of the league table, 1–100 (default 20)' })
  async charts(@Me() me: ConsoleRequestSession, @Query() query: Record<string, unknown>) {
    parseOr400(reportChartsQuerySchema, query);
    return unwrap(await this.uow.run((w) => this.reports.charts.execute(w, me.principal, query)));
  }
}
