// WeChat personal accounts (user reports; no official figure): one send per WECHAT_MIN_GAP_MS
// and WECHAT_PER_MINUTE for the whole account, groups included; no edits, no buttons, no toasts.
import type { AppConfig } from '@baiying/config';
import type { ChannelProfile } from '../profile.js';

/** A WeChat group holds at most 500 members. */
const MAX_GROUP_MEMBERS = 500;
/** One account sends one message at a time: the bulk lane hands it one job per second. */
const BULK_LANE_SHARE = 1;

export function wechatProfile(config: AppConfig): ChannelProfile {
  const { minGapMs, perMinute } = config.wechat.pacing;
  const perSecond = Math.min(1000 / minGapMs, perMinute / 60);
  return {
    channel: 'wechat',
    capabilities: { canEdit: false, hasButtons: false, hasToasts: false, maxGroupMembers: MAX_GROUP_MEMBERS },
    pace: { broadcastPerSecond: perSecond, groupsShareBroadcast: true, backlogPerSecond: 1000 / minGapMs },
    bulkLaneShare: BULK_LANE_SHARE,
  };
}
