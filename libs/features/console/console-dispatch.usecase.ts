// 派单 board: what is open at each tier with its SLA countdown, what has escalated, what is
// overdue, and what found nobody (unrouted) — only needs whose station is in the viewer's read
// scope. Masked by construction: codes, categories, units, teams and times, no personal data.
import type { Work } from '@baiying/kernel';
import type { ConsolePrincipal } from '../sessions/index.js';
import type { BoardItem, DispatchBoard } from '@baiying/contracts';

/** The board lists at most this many open rounds (soonest SLA first) and unrouted needs. */
export const BOARD_TAKE = 500;
const UNROUTED_TAKE = 100;

export class GetDispatchBoard {
  async execute(w: Work, p: ConsolePrincipal): Promise<DispatchBoard> {
    const now = w.now;
    const stations = p.readUnitIds;
    const rows = stations.length ? await w.repos.console.dispatchBoard(stations, BOARD_TAKE + 1) : [];
    const unrouted = stations.length ? await w.repos.console.unroutedNeeds(stations, UNROUTED_TAKE) : [];
    const items: BoardItem[] = rows.slice(0, BOARD_TAKE).map((r) => {
      const left = Math.round((r.slaDueAt.getTime() - now.getTime()) / 1000);
      return {
        needId: r.needId,
        code: r.code,
        status: r.status,
        category: r.categoryCode,
        urgency: r.urgency,
        station: { code: r.stationCode, name: r.stationName },
        unit: { code: r.unitCode, name: r.unitName },
        team: r.teamName,
        tier: r.tier,
        round: r.round,
        openedAt: r.openedAt.toISOString(),
        slaDueAt: r.slaDueAt.toISOString(),
        secondsLeft: left,
        overdue: left <= 0,
        escalated: r.escalated,
      };
    });
    const tiers = { center: 0, institute: 0, station: 0, point: 0 };
    for (const i of items) if (i.tier in tiers) tiers[i.tier as keyof typeof tiers]++;
    return {
      now: now.toISOString(),
      tiers,
      overdue: items.filter((i) => i.overdue).length,
      escalated: items.filter((i) => i.escalated).length,
      items,
      unrouted: unrouted.map((n) => ({
        needId: n.id,
        code: n.code,
        category: n.categoryCode,
        urgency: n.urgency,
        station: n.station,
        createdAt: n.createdAt.toISOString(),
      })),
      truncated: rows.length > BOARD_TAKE,
    };
  }
}
