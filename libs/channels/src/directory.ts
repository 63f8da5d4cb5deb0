import type { AppConfig } from '@baiying/config';
import type { ChannelDirectory } from '@baiying/domain';
import { channelDirectory, type ChannelProfile } from './profile.js';
import { telegramProfile } from './telegram/telegram.profile.js';
import { webProfile } from './web/web.profile.js';
import { wechatProfile } from './wechat/wechat.profile.js';

/** Every channel's profile under this configuration (enabled or not: plans may ask about any). */
export function channelProfiles(config: AppConfig): ChannelProfile[] {
  return [telegramProfile(config), wechatProfile(config), webProfile()];
}

export function configuredDirectory(config: AppConfig): ChannelDirectory {
  return channelDirectory(channelProfiles(config));
}
