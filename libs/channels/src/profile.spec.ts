// The channel profiles under the default configuration and under changed pacing: what each
// channel can do, how fast the desk may broadcast on it, and what the bulk lane may start.
import { loadConfig } from '@baiying/config';
import type { Channel } from '@baiying/domain';
import { channelProfiles, configuredDirectory } from './directory.js';
import { bulkLaneJobsPerSecond, channelDirectory } from './profile.js';
import { TELEGRAM_BROADCAST_PER_SECOND, TELEGRAM_GLOBAL_PER_SECOND, telegramProfile } from './telegram/telegram.profile.js';
import { webProfile } from './web/web.profile.js';
import { wechatProfile } from './wechat/wechat.profile.js';

const TOKEN = '123456789:AAE_test-token';
const config = (env: Record<string, string> = {}) => loadConfig({ NODE_ENV: 'test', ...env });
const withBot = (env: Record<string, string> = {}) => config({ TELEGRAM_BOT_TOKEN: TOKEN, ...env });

describe('telegramProfile', () => {
  it('can edit, has buttons and toasts, and groups of 200,000', () => {
    expect(telegramProfile(withBot()).capabilities).toEqual({ canEdit: true, hasButtons: true, hasToasts: true, maxGroupMembers: 200_000 });
  });

  it('broadcasts at the global rate less one by default, bot or no bot', () => {
    expect([TELEGRAM_GLOBAL_PER_SECOND, TELEGRAM_BROADCAST_PER_SECOND]).toEqual([30, 29]);
    const expected = { channel: 'telegram', pace: { broadcastPerSecond: 29, groupsShareBroadcast: false, backlogPerSecond: 29 }, bulkLaneShare: 30 };
    expect(telegramProfile(withBot())).toMatchObject(expected);
    expect(telegramProfile(config())).toMatchObject(expected);
  });

  it('follows TELEGRAM_GLOBAL_PER_SECOND and TELEGRAM_BROADCAST_PER_SECOND, within the global rate', () => {
    const bulk = (env: Record<string, string>) => {
      const p = telegramProfile(withBot(env));
      // The plan's two figures are one number: the broadcast share; the lane hands out the whole
      // budget (broadcasts may use the interactive share while it is idle).
      expect(p.pace.backlogPerSecond).toBe(p.pace.broadcastPerSecond);
      expect(p.bulkLaneShare).toBe(Number(env.TELEGRAM_GLOBAL_PER_SECOND ?? 30));
      return p.pace.broadcastPerSecond;
    };
    expect(bulk({ TELEGRAM_GLOBAL_PER_SECOND: '10' })).toBe(9);
    expect(bulk({ TELEGRAM_BROADCAST_PER_SECOND: '5' })).toBe(5);
    expect(bulk({ TELEGRAM_GLOBAL_PER_SECOND: '10', TELEGRAM_BROADCAST_PER_SECOND: '10' })).toBe(10);
    expect(bulk({ TELEGRAM_GLOBAL_PER_SECOND: '10', TELEGRAM_BROADCAST_PER_SECOND: '50' })).toBe(10);
    // A global rate of one leaves no "all but one": broadcasts still get one.
    expect(bulk({ TELEGRAM_GLOBAL_PER_SECOND: '1' })).toBe(1);
    // Without a bot token the pacing variables have nothing to configure.
    expect(telegramProfile(config({ TELEGRAM_BROADCAST_PER_SECOND: '5' })).pace.broadcastPerSecond).toBe(29);
  });
});

describe('wechatProfile', () => {
  it('cannot edit, has no buttons or toasts, and groups of 500', () => {
    expect(wechatProfile(config()).capabilities).toEqual({ canEdit: false, hasButtons: false, hasToasts: false, maxGroupMembers: 500 });
  });

  it('paces broadcasts by the stricter of the gap and the per-minute budget, groups included', () => {
    expect(wechatProfile(config())).toEqual({
      channel: 'wechat',
      capabilities: wechatProfile(config()).capabilities,
      pace: { broadcastPerSecond: 1 / 3, groupsShareBroadcast: true, backlogPerSecond: 1 / 3 },
      bulkLaneShare: 1,
    });
    const pace = (env: Record<string, string>) => wechatProfile(config(env)).pace;
    // The per-minute budget is stricter: 30/min = 0.5/s against one per second.
    expect(pace({ WECHAT_MIN_GAP_MS: '1000', WECHAT_PER_MINUTE: '30' })).toEqual({ broadcastPerSecond: 0.5, groupsShareBroadcast: true, backlogPerSecond: 1 });
    // The gap is stricter: one per 6 s against 60/min.
    expect(pace({ WECHAT_MIN_GAP_MS: '6000', WECHAT_PER_MINUTE: '60' })).toEqual({
      broadcastPerSecond: 1 / 6,
      groupsShareBroadcast: true,
      backlogPerSecond: 1 / 6,
    });
    expect(pace({ WECHAT_MIN_GAP_MS: '250', WECHAT_PER_MINUTE: '600' })).toEqual({ broadcastPerSecond: 4, groupsShareBroadcast: true, backlogPerSecond: 4 });
    // One account sends one message at a time, however fast it may go.
    expect(wechatProfile(config({ WECHAT_MIN_GAP_MS: '250', WECHAT_PER_MINUTE: '600' })).bulkLaneShare).toBe(1);
  });
});

describe('webProfile', () => {
  it('can do everything, is unpaced, and keeps 40 messages a second of backlog', () => {
    expect(webProfile()).toEqual({
      channel: 'web',
      capabilities: { canEdit: true, hasButtons: true, hasToasts: true, maxGroupMembers: 1000 },
      pace: { broadcastPerSecond: Number.POSITIVE_INFINITY, groupsShareBroadcast: false, backlogPerSecond: 40 },
      bulkLaneShare: 20,
    });
  });
});

describe('the directory', () => {
  it('has a profile for every channel, enabled or not', () => {
    expect(channelProfiles(config()).map((p) => p.channel)).toEqual(['telegram', 'wechat', 'web']);
    expect(channelProfiles(withBot({ WECHAT_PER_MINUTE: '6' }))).toEqual([
      telegramProfile(withBot()),
      wechatProfile(config({ WECHAT_PER_MINUTE: '6' })),
      webProfile(),
    ]);
  });

  it('answers capabilities and pace per channel as the profiles say', () => {
    const d = configuredDirectory(withBot({ TELEGRAM_BROADCAST_PER_SECOND: '7', WECHAT_MIN_GAP_MS: '2000', WECHAT_PER_MINUTE: '60' }));
    expect(d.capabilities('wechat')).toEqual({ canEdit: false, hasButtons: false, hasToasts: false, maxGroupMembers: 500 });
    expect(d.capabilities('telegram').hasButtons).toBe(true);
    expect(d.capabilities('web').maxGroupMembers).toBe(1000);
    expect(d.pace('telegram')).toEqual({ broadcastPerSecond: 7, groupsShareBroadcast: false, backlogPerSecond: 7 });
    expect(d.pace('wechat')).toEqual({ broadcastPerSecond: 0.5, groupsShareBroadcast: true, backlogPerSecond: 0.5 });
    expect(d.pace('web').broadcastPerSecond).toBe(Number.POSITIVE_INFINITY);
  });

  it('throws for a channel without a profile', () => {
    const sms = 'sms' as Channel;
    expect(() => configuredDirectory(config()).pace(sms)).toThrow('no profile for channel sms');
    expect(() => configuredDirectory(config()).capabilities(sms)).toThrow('no profile for channel sms');
    const webOnly = channelDirectory([webProfile()]);
    expect(webOnly.pace('web').backlogPerSecond).toBe(40);
    expect(() => webOnly.capabilities('telegram')).toThrow('no profile for channel telegram');
  });
});

describe('bulkLaneJobsPerSecond', () => {
  it('sums the enabled channels’ shares, and is never below one', () => {
    const [telegram, wechat, web] = channelProfiles(withBot());
    // Telegram's share is its whole budget: broadcasts may use the interactive share while it is idle.
    expect(bulkLaneJobsPerSecond([telegram!, wechat!, web!])).toBe(51);
    expect(bulkLaneJobsPerSecond([telegram!])).toBe(30);
    expect(bulkLaneJobsPerSecond([wechat!, web!])).toBe(21);
    expect(bulkLaneJobsPerSecond([wechat!])).toBe(1);
    expect(bulkLaneJobsPerSecond([])).toBe(1);
    expect(bulkLaneJobsPerSecond(channelProfiles(withBot({ TELEGRAM_BROADCAST_PER_SECOND: '3' })).slice(0, 1))).toBe(30);
    expect(bulkLaneJobsPerSecond(channelProfiles(withBot({ TELEGRAM_GLOBAL_PER_SECOND: '10' })).slice(0, 1))).toBe(10);
  });
});
