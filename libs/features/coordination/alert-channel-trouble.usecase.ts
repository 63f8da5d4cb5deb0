// A channel stopped sending for a while (WeChat's "too frequent" breaker): the county
// centres' coordinators are told, so nobody wonders why messages are late.
import { PurposeKey } from '@baiying/domain';
import { alertCoordinators, msg, type Work } from '@baiying/kernel';

export class AlertChannelTrouble {
  async execute(w: Work, input: { pauseMinutes: number }): Promise<number> {
    const tree = await w.repos.org.tree();
    let alerted = 0;
    for (const centre of [...tree.values()].filter((u) => u.tier === 'center')) {
      alerted += await alertCoordinators(w, centre.id, PurposeKey.alert('wechat_breaker', String(w.now.getTime())), () =>
        msg('alert.wechat_breaker', { minutes: input.pauseMinutes }),
      );
    }
    return alerted;
  }
}
