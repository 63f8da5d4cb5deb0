// /api/v1/audit: the append-only audit trail, for administrators and coordinators within scope.
import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AUDIT_ACTIONS } from '@baiying/contracts';
import { auditQuerySchema, ConsoleFeature, type ConsoleRequestSession } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { parseOr400, unwrap } from '../http/api-errors.js';
import { Me } from '../http/console-auth.js';

@ApiTags('audit')
@ApiCookieAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly console: ConsoleFeature,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Audit entries in scope, newest first (logins, logouts, revocations, reveals, exports, approvals, emergency switches, settings changes)',
  })
  @ApiQuery({ name: 'action', required: false, enum: AUDIT_ACTIONS })
  @ApiQuery({ name: 'actor', required: false })
  @ApiQuery({ name: 'need', required: false })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'limit', required: false })
  async list(@Me() me: ConsoleRequestSession, @Query() query: Record<string, unknown>) {
    parseOr400(auditQuerySchema, query);
    return unwrap(await this.uow.run((w) => this.console.audit.execute(w, me.principal, query)));
  }
}
