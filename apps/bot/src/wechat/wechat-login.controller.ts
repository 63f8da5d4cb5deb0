// Coordinators fetch the WeChat login QR code here (the account holder scans it), with the
// admin bearer token; without ADMIN_API_TOKEN the endpoint does not exist. The token is
// compared by digest (no length leak), and wrong ones lock the client out like personal tokens.
import { Controller, Get, Headers, Ip, NotFoundException, UseFilters } from '@nestjs/common';
import type { WechatLoginState } from '@baiying/channels';
import { IdentityFeature } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { LockedOutFilter, tokenRefusal } from '@baiying/platform';
import { WechatService } from './wechat.service.js';

@Controller('api/wechat')
@UseFilters(LockedOutFilter)
export class WechatLoginController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly identity: IdentityFeature,
    private readonly wechat: WechatService,
  ) {}

  @Get('login')
  async login(@Headers('authorization') auth: string | undefined, @Ip() client: string): Promise<WechatLoginState> {
    const given = auth?.replace(/^Bearer\s+/i, '') ?? '';
    const r = await this.uow.run((w) => this.identity.authenticateAdmin.execute(w, given, client));
    if (!r) throw new NotFoundException();
    if (!r.ok) throw tokenRefusal(r);
    return this.wechat.state;
  }
}
