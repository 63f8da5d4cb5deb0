// Coordinators fetch the WeChat login QR code here (the account holder scans it), with the
// admin bearer token; without ADMIN_API_TOKEN the endpoint does not exist.
import { Controller, Get, Headers, Inject, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '@baiying/config';
import { APP_CONFIG } from '@baiying/platform';
import { WechatService, type WechatLoginState } from './wechat.service.js';

@Controller('api/wechat')
export class WechatLoginController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly wechat: WechatService,
  ) {}

  @Get('login')
  login(@Headers('authorization') auth?: string): WechatLoginState {
    const token = this.config.adminApiToken;
    if (!token) throw new NotFoundException();
    const given = Buffer.from(auth?.replace(/^Bearer\s+/i, '') ?? '');
    const want = Buffer.from(token);
    if (given.length !== want.length || !timingSafeEqual(given, want)) throw new UnauthorizedException();
    return this.wechat.state;
  }
}
