// The console API's shapes for the monthly 公示 snapshots and their four lists (四张清单).

export interface SnapshotSummary {
  id: string;
  unit: { code: string; name: string };
  month: string;
  version: number;
  status: string;
  frozenAt: string;
  publishedAt: string | null;
  changeSummary: string | null;
}

export interface ListNeedItem {
  code: string;
  station: string;
  stationEn: string;
  category: string;
  beneficiary: string;
  status: string;
  date: string;
}

export interface ListFulfilledItem {
  code: string;
  station: string;
  stationEn: string;
  category: string;
  beneficiary: string;
  team: string | null;
  done: string | null;
  rating: number | null;
}

export interface ListUnfulfilledItem {
  code: string;
  station: string;
  stationEn: string;
  category: string;
  beneficiary: string;
  promised: string | null;
  /** Public texts a coordinator writes when reviewing (null: not yet written). */
  reason: string | null;
  steps: string | null;
}

export interface ListTeamItem {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  unitEn: string;
  category: string;
  members: number;
}

/** The four lists (四张清单) of one unit's subtree and month: public facts only. */
export interface Lists {
  unit: { code: string; name: string; nameEn: string; tier: string };
  month: string;
  timeZone: string;
  categories: Array<{ code: string; zh: string; en: string }>;
  needs: {
    total: number;
    byCategory: Array<{ category: string; count: number }>;
    byStation: Array<{ station: string; stationEn: string; count: number }>;
    items: ListNeedItem[];
  };
  /** 服务清单: what is on offer, per category, by which teams. */
  services: Array<{ category: string; teams: Array<{ name: string; nameEn: string; unit: string; unitEn: string }> }>;
  /** 资源清单: teams, talents by skill, venues (not recorded by this desk). */
  resources: { teams: ListTeamItem[]; talents: Array<{ skill: string; people: number }>; venuesRecorded: false };
  /** 落实清单. */
  fulfilment: { fulfilled: ListFulfilledItem[]; unfulfilled: ListUnfulfilledItem[] };
}

/** A difference between two versions of a month's lists, by need code. */
export interface SnapshotChange {
  code: string;
  kind: 'added' | 'removed' | 'changed';
  field?: string;
  from?: string;
  to?: string;
}

/** A snapshot with its lists (GET /api/v1/publicity/snapshots/:id). */
export interface SnapshotView extends SnapshotSummary {
  lists: Lists;
  changes: SnapshotChange[];
  latest: boolean;
  publicPath: string;
  /** Residents' scores of the fulfilled items (落实清单点评表) by need code, live. */
  scores: Record<string, number>;
}
