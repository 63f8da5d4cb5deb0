// Coordinators fetch the WeChat login QR code here (the account holder scans it), with the
// admin bearer token; without ADMIN_API_TOKEN the endpoint does not exist.
import { Controller, Get, Headers, Inject, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { WechatLoginState } from '@baiying/channels';
import type { AppConfig } from '@baiying/config';
import { APP_CONFIG } from '@baiying/platform';
import { WechatService } from './wechat.service.js';

/** Compares digests, so the comparison takes the same time whatever the given token's length. */
const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

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
    const given = auth?.replace(/^Bearer\s+/i, '') ?? '';
    if (!timingSafeEqual(digest(given), digest(token))) throw new UnauthorizedException();
    return this.wechat.state;
  }
}
