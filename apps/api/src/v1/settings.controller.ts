// /api/v1/settings: county administrators edit categories (keywords), units and stations, and
// teams; every edit is audited and reaches the running bot without a restart (decision 0029).
import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  categoryCodeParamSchema,
  categoryEditSchema,
  idParamSchema,
  OfficeFeature,
  teamEditSchema,
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
}
