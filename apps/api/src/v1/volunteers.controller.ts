// /api/v1/volunteers: the console's volunteers (masked, scoped), a volunteer's page, and the
// per-team decision on a pending membership (chat's approval use case). Translates HTTP only.
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { idParamSchema, membershipDecisionSchema, OfficeFeature, volunteerListQuerySchema, type ConsoleRequestSession } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { z } from 'zod';
import { parseOr400, unwrap } from '../http/api-errors.js';
import { Me } from '../http/console-auth.js';

@ApiTags('volunteers')
@ApiCookieAuth()
@Controller('api/v1/volunteers')
export class VolunteersController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly office: OfficeFeature,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Volunteers in scope, newest first, masked: teams, skills, hours, stars, points, last service' })
  @ApiQuery({ name: 'status', required: false, enum: ['pending', 'approved', 'rejected'] })
  @ApiQuery({ name: 'team', required: false, description: 'a team code' })
  @ApiQuery({ name: 'unit', required: false, description: 'an org unit code: its subtree' })
  @ApiQuery({ name: 'pending', required: false, description: "true: only those awaiting the caller's decision" })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  async list(@Me() me: ConsoleRequestSession, @Query() query: Record<string, unknown>) {
    parseOr400(volunteerListQuerySchema, query);
    return unwrap(await this.uow.run((w) => this.office.listVolunteers.execute(w, me.principal, query)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One volunteer in scope, masked, with their service record (out of scope: 404)' })
  async detail(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>) {
    const { id } = parseOr400(idParamSchema, params);
    return unwrap(await this.uow.run((w) => this.office.volunteer.execute(w, me.principal, { id })));
  }

  @Post('memberships/:id/decision')
  @HttpCode(200)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: "Approve or reject one volunteer's membership of one team (the coordinator's scope must cover the team); audited" })
  @ApiBody({ schema: z.toJSONSchema(membershipDecisionSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> })
  async decide(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>, @Body() body: unknown) {
    const { id } = parseOr400(idParamSchema, params);
    const { approve } = parseOr400(membershipDecisionSchema, body);
    return unwrap(await this.uow.run((w) => this.office.decideMembership.execute(w, me.principal, { id, sessionId: me.sessionId, approve })));
  }
}
