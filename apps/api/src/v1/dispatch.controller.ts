// /api/v1/dispatch: the 派单 board — open rounds per tier with their SLA, escalated, overdue and
// unrouted needs, in the viewer's scope (masked: no personal data). Translates HTTP only.
import { Controller, Get } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsoleFeature, type ConsoleRequestSession } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { Me } from '../http/console-auth.js';

@ApiTags('dispatch')
@ApiCookieAuth()
@Controller('api/v1/dispatch')
export class DispatchController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly console: ConsoleFeature,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The dispatch board in scope: open rounds (soonest SLA first) per tier, escalated, overdue, unrouted' })
  board(@Me() me: ConsoleRequestSession) {
    return this.uow.run((w) => this.console.dispatchBoard.execute(w, me.principal));
  }
}
