// A channel's profile: what it can do and how fast the desk may send on it, with the numbers
// in one place per channel (telegram/, wechat/, web/). The directory hands capabilities and
// pace to the features (a plan: a call's sending time, the fan-out's backlog); the senders and
// pacers here enforce them.
import type { Channel, ChannelCapabilities, ChannelDirectory, ChannelPace } from '@baiying/domain';

export interface ChannelProfile {
  channel: Channel;
  capabilities: ChannelCapabilities;
  pace: ChannelPace;
  /** Broadcast jobs per second this channel's senders can take from the shared bulk lane. */
  bulkLaneShare: number;
}

export function channelDirectory(profiles: readonly ChannelProfile[]): ChannelDirectory {
  const by = new Map(profiles.map((p) => [p.channel, p]));
  const get = (c: Channel): ChannelProfile => {
    const p = by.get(c);
    if (!p) throw new Error(`no profile for channel ${c}`);
    return p;
  };
  return { capabilities: (c) => get(c).capabilities, pace: (c) => get(c).pace };
}

/** Jobs per second the bulk lane may start: the enabled channels' shares, summed. */
export function bulkLaneJobsPerSecond(enabled: readonly ChannelProfile[]): number {
  return Math.max(
    1,
    enabled.reduce((n, p) => n + p.bulkLaneShare, 0),
  );
}
