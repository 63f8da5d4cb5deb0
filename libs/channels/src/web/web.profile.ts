// The local web chat: a mailbox table the page polls; no platform limits to pace.
import type { ChannelProfile } from '../profile.js';

/** Broadcast rows the web sender writes per second, and keeps queued ahead per second of backlog. */
const WEB_BULK_PER_SECOND = 20;
const WEB_BACKLOG_PER_SECOND = 40;
const MAX_GROUP_MEMBERS = 1000;

export function webProfile(): ChannelProfile {
  return {
    channel: 'web',
    capabilities: { canEdit: true, hasButtons: true, hasToasts: true, maxGroupMembers: MAX_GROUP_MEMBERS },
    pace: { broadcastPerSecond: Number.POSITIVE_INFINITY, groupsShareBroadcast: false, backlogPerSecond: WEB_BACKLOG_PER_SECOND },
    bulkLaneShare: WEB_BULK_PER_SECOND,
  };
}
