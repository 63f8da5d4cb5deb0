// /api/v1/emergency: the mode of each unit the caller can see, its history, and the switch
// (chat's /emergency use case), with a reason; audited.
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { idParamSchema, modeSwitchSchema, OfficeFeature, type ConsoleRequestSession } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { z } from 'zod';
import { parseOr400, unwrap } from '../http/api-errors.js';
import { Me } from '../http/console-auth.js';

@ApiTags('emergency')
@ApiCookieAuth()
@Controller('api/v1/emergency')
export class EmergencyController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly office: OfficeFeature,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The mode (daily / emergency) of each county centre and township institute in view, and the switch history' })
  async overview(@Me() me: ConsoleRequestSession) {
    return unwrap(await this.uow.run((w) => this.office.emergency.execute(w, me.principal)));
  }

  @Post('units/:id')
  @HttpCode(200)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: "Switch a unit's mode with a reason (its coordinators and administrators); audited" })
  @ApiBody({ schema: z.toJSONSchema(modeSwitchSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> })
  async switchMode(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>, @Body() body: unknown) {
    const { id } = parseOr400(idParamSchema, params);
    const input = parseOr400(modeSwitchSchema, body);
    return unwrap(await this.uow.run((w) => this.office.switchMode.execute(w, me.principal, { id, sessionId: me.sessionId, body: input })));
  }
}
