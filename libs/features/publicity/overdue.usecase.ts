// 限时兑现 overdue: a need closed unfulfilled whose promised date has passed (in TIME_ZONE)
// alerts the coordinators of its station and every unit above, once per promise (a new /close
// date is a new promise). Run by the worker's reconciler, one promise per transaction: a month's
// backlog of broken promises is hundreds of alerts to several coordinators each, which in one
// transaction held every rendered message in memory until the commit (decision 0054).
import { localDate, PurposeKey } from '@baiying/domain';
import { alertCoordinators, msg, type Work } from '@baiying/kernel';
import { publicFacts } from '../routing/index.js';

export class AlertOverduePromises {
  /** Ids of needs whose promise is overdue and not yet alerted (at most `take`, oldest promise first). */
  async due(w: Work, take?: number): Promise<string[]> {
    const rows = await w.repos.publicity.overdue(localDate(w.now, w.config.timeZone), take);
    return rows.map((r) => r.id);
  }

  /** Alerts one need's overdue promise; false when it is no longer overdue or was alerted already. */
  async execute(w: Work, needId: string): Promise<boolean> {
    const promise = await w.repos.publicity.overdueLocked(needId, localDate(w.now, w.config.timeZone));
    if (!promise) return false;
    const need = await w.repos.needs.byId(needId);
    if (!need) return false;
    const date = promise.promisedDate.toISOString().slice(0, 10);
    await alertCoordinators(w, need.stationId, PurposeKey.alert('promise_overdue', `${need.id}.${date}`), () =>
      msg('alert.promise_overdue', { ...publicFacts(need), date }),
    );
    await w.repos.needs.event(need.id, 'promise_overdue', null, { promised: date });
    return true;
  }
}
