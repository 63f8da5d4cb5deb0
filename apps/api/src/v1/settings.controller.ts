// /api/v1/settings: county administrators create, edit and delete categories (keywords), units
// and stations, and teams, and set the SLA per tier; every change is audited and reaches the
// running bot and worker without a restart (decisions 0029, 0035).
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  categoryCodeParamSchema,
  categoryCreateSchema,
  categoryEditSchema,
  idParamSchema,
  OfficeFeature,
  slaEditSchema,
  teamCreateSchema,
  teamEditSchema,
  unitCreateSchema,
  unitEditSchema,
  type ConsoleRequestSession,
} from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { z } from 'zod';
import { parseOr400, unwrap } from '../http/api-errors.js';
import { Me } from '../http/console-auth.js';

const schemaOf = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

@ApiTags('settings')
@ApiCookieAuth()
@Controller('api/v1/settings')
export class SettingsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly office: OfficeFeature,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Categories with keywords, org units and stations, teams, the SLA per tier (county administrators)' })
  async read(@Me() me: ConsoleRequestSession) {
    return unwrap(await this.uow.run((w) => this.office.settings.execute(w, me.principal)));
  }

  @Patch('categories/:code')
  @ApiSecurity('csrf')
  @ApiOperation({ summary: "Edit a category's names, keywords or whether it is offered; audited, reloaded by the bot" })
  @ApiBody({ schema: schemaOf(categoryEditSchema) })
  async category(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>, @Body() body: unknown) {
    const { code } = parseOr400(categoryCodeParamSchema, params);
    const input = parseOr400(categoryEditSchema, body);
    return unwrap(await this.uow.run((w) => this.office.editCategory.execute(w, me.principal, { code, sessionId: me.sessionId, body: input })));
  }

  @Patch('units/:id')
  @ApiSecurity('csrf')
  @ApiOperation({ summary: "Edit an org unit's or station's names and aliases; audited, reloaded by the bot" })
  @ApiBody({ schema: schemaOf(unitEditSchema) })
  async unit(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>, @Body() body: unknown) {
    const { id } = parseOr400(idParamSchema, params);
    const input = parseOr400(unitEditSchema, body);
    return unwrap(await this.uow.run((w) => this.office.editUnit.execute(w, me.principal, { id, sessionId: me.sessionId, body: input })));
  }

  @Patch('teams/:id')
  @ApiSecurity('csrf')
  @ApiOperation({ summary: "Edit a team's names; audited" })
  @ApiBody({ schema: schemaOf(teamEditSchema) })
  async team(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>, @Body() body: unknown) {
    const { id } = parseOr400(idParamSchema, params);
    const input = parseOr400(teamEditSchema, body);
    return unwrap(await this.uow.run((w) => this.office.editTeam.execute(w, me.principal, { id, sessionId: me.sessionId, body: input })));
  }

  @Patch('sla')
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Set the SLA minutes of tiers (null: back to the deployment default); audited, used by the next dispatch' })
  @ApiBody({ schema: schemaOf(slaEditSchema) })
  async sla(@Me() me: ConsoleRequestSession, @Body() body: unknown) {
    const input = parseOr400(slaEditSchema, body);
    return unwrap(await this.uow.run((w) => this.office.editSla.execute(w, me.principal, { sessionId: me.sessionId, body: input })));
  }

  @Post('categories')
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Create a category with its keywords (409 on a code in use); audited, reloaded by the bot' })
  @ApiBody({ schema: schemaOf(categoryCreateSchema) })
  async createCategory(@Me() me: ConsoleRequestSession, @Body() body: unknown) {
    const input = parseOr400(categoryCreateSchema, body);
    return unwrap(await this.uow.run((w) => this.office.createCategory.execute(w, me.principal, { sessionId: me.sessionId, body: input })));
  }

  @Delete('categories/:code')
  @HttpCode(200)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Delete an unused category (409 naming what uses it: retire it instead); audited' })
  async deleteCategory(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>) {
    const { code } = parseOr400(categoryCodeParamSchema, params);
    return unwrap(await this.uow.run((w) => this.office.deleteCategory.execute(w, me.principal, { code, sessionId: me.sessionId })));
  }

  @Post('units')
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Create an institute under the centre or a station under an institute (409 on a code in use); audited' })
  @ApiBody({ schema: schemaOf(unitCreateSchema) })
  async createUnit(@Me() me: ConsoleRequestSession, @Body() body: unknown) {
    const input = parseOr400(unitCreateSchema, body);
    return unwrap(await this.uow.run((w) => this.office.createUnit.execute(w, me.principal, { sessionId: me.sessionId, body: input })));
  }

  @Delete('units/:id')
  @HttpCode(200)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Delete an unused unit or station (409 naming what uses it); audited' })
  async deleteUnit(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>) {
    const { id } = parseOr400(idParamSchema, params);
    return unwrap(await this.uow.run((w) => this.office.deleteUnit.execute(w, me.principal, { id, sessionId: me.sessionId })));
  }

  @Post('teams')
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Create a team at a unit for a category (409 on a code in use); audited' })
  @ApiBody({ schema: schemaOf(teamCreateSchema) })
  async createTeam(@Me() me: ConsoleRequestSession, @Body() body: unknown) {
    const input = parseOr400(teamCreateSchema, body);
    return unwrap(await this.uow.run((w) => this.office.createTeam.execute(w, me.principal, { sessionId: me.sessionId, body: input })));
  }

  @Delete('teams/:id')
  @HttpCode(200)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Delete an unused team (409 naming what uses it); audited' })
  async deleteTeam(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>) {
    const { id } = parseOr400(idParamSchema, params);
    return unwrap(await this.uow.run((w) => this.office.deleteTeam.execute(w, me.principal, { id, sessionId: me.sessionId })));
  }
}
