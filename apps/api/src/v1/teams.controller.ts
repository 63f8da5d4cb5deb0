// /api/v1/teams: teams in scope with members, bound groups and their health, open jobs.
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { idParamSchema, OfficeFeature, teamListQuerySchema, type ConsoleRequestSession } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { parseOr400, unwrap } from '../http/api-errors.js';
import { Me } from '../http/console-auth.js';

@ApiTags('teams')
@ApiCookieAuth()
@Controller('api/v1/teams')
export class TeamsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly office: OfficeFeature,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Teams in scope: members, bound groups per channel with their health, open jobs' })
  @ApiQuery({ name: 'unit', required: false, description: 'an org unit code: its subtree' })
  @ApiQuery({ name: 'category', required: false })
  async list(@Me() me: ConsoleRequestSession, @Query() query: Record<string, unknown>) {
    parseOr400(teamListQuerySchema, query);
    return unwrap(await this.uow.run((w) => this.office.listTeams.execute(w, me.principal, query)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One team in scope: its members (masked), groups and open jobs (out of scope: 404)' })
  async detail(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>) {
    const { id } = parseOr400(idParamSchema, params);
    return unwrap(await this.uow.run((w) => this.office.team.execute(w, me.principal, { id })));
  }
}
