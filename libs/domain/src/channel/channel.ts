// The chat platforms the desk speaks on, and what each can do. Feature code asks a channel's
// capabilities instead of naming the channel (no `channel === 'wechat'` in business rules).

export const CHANNELS = ['telegram', 'wechat', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ChannelCapabilities {
  /** A sent message can be replaced in place (job cards, the live tally). */
  canEdit: boolean;
  /** Messages carry buttons; without them buttons are rendered as numbered replies/keywords. */
  hasButtons: boolean;
  /** A pressed button can be answered with a toast; otherwise the answer is said in the chat. */
  hasToasts: boolean;
  /** Largest group the platform allows (members). */
  maxGroupMembers: number;
}

/**
 * How fast the desk may send on a channel, as decided by the channel adapter's pacing profile.
 * Features use it to plan (a call's sending time, the fan-out's backlog); the adapter enforces it.
 */
export interface ChannelPace {
  /** Messages per second the desk may use for broadcasts (calls) on this channel (Infinity: unpaced). */
  broadcastPerSecond: number;
  /** Group notices are paced with private messages (one account-wide budget, as on WeChat). */
  groupsShareBroadcast: boolean;
  /** Broadcast messages the fan-out keeps queued ahead of the sender, per second of backlog. */
  backlogPerSecond: number;
}

/** Capabilities and pace of every channel, as configured for this deployment. */
export interface ChannelDirectory {
  capabilities(channel: Channel): ChannelCapabilities;
  pace(channel: Channel): ChannelPace;
}
