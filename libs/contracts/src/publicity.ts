// The console API's shapes for the monthly 公示 snapshots.

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
