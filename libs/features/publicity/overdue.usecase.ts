// 限时兑现 overdue: a need closed unfulfilled whose promised date has passed (in TIME_ZONE)
// alerts the coordinators of its station and every unit above, once per promise (a new /close
// date is a new promise). Run by the worker's reconciler.
import { localDate, PurposeKey } from '@baiying/domain';
import { alertCoordinators, msg, type Work } from '@baiying/kernel';
import { publicFacts } from '../routing/index.js';

export class AlertOverduePromises {
  async execute(w: Work): Promise<{ alerted: number }> {
    const today = localDate(w.now, w.config.timeZone);
    let alerted = 0;
    for (const row of await w.repos.publicity.overdue(today)) {
      const need = await w.repos.needs.byId(row.id);
      if (!need) continue;
      const date = row.promisedDate.toISOString().slice(0, 10);
      await alertCoordinators(w, need.stationId, PurposeKey.alert('promise_overdue', `${need.id}.${date}`), () =>
        msg('alert.promise_overdue', { ...publicFacts(need), date }),
      );
      await w.repos.needs.event(need.id, 'promise_overdue', null, { promised: date });
      alerted++;
    }
    return { alerted };
  }
}
