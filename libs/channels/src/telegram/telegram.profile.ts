// Telegram (official FAQ): ~30 messages/s overall, ≤ 1/s to one chat, ≤ 20/min to one group.
import type { AppConfig } from '@baiying/config';
import type { ChannelProfile } from '../profile.js';

/** The defaults of TELEGRAM_GLOBAL_PER_SECOND and its broadcast share (all but one). */
export const TELEGRAM_GLOBAL_PER_SECOND = 30;
export const TELEGRAM_BROADCAST_PER_SECOND = TELEGRAM_GLOBAL_PER_SECOND - 1;
/** Telegram allows groups of up to this many members. */
const MAX_GROUP_MEMBERS = 200_000;

export function telegramProfile(config: AppConfig): ChannelProfile {
  const bulk = config.telegram?.limits.bulkPerSecond ?? TELEGRAM_BROADCAST_PER_SECOND;
  // The lane may hand out the whole bot-wide budget: broadcasts use the interactive share while
  // it is idle (decision 0041); the pacer keeps them to `bulk` while interactive traffic is about.
  const lane = config.telegram?.limits.globalPerSecond ?? TELEGRAM_GLOBAL_PER_SECOND;
  return {
    channel: 'telegram',
    capabilities: { canEdit: true, hasButtons: true, hasToasts: true, maxGroupMembers: MAX_GROUP_MEMBERS },
    pace: { broadcastPerSecond: bulk, groupsShareBroadcast: false, backlogPerSecond: bulk },
    bulkLaneShare: lane,
  };
}
