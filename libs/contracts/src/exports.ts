// The console API's shapes for exports (报表) and the pull tokens of other offices' systems.

export interface ExportView {
  id: string;
  kind: string;
  format: string;
  reveal: boolean;
  status: string;
  rowsDone: number;
  rowsTotal: number | null;
  /** 0–1; null while the total is unknown. */
  progress: number | null;
  createdAt: string;
  finishedAt: string | null;
  /** When the file is deleted. */
  expiresAt: string | null;
  error: string | null;
  /** A fresh signed link, valid EXPORT_LINK_MINUTES (never past the file's expiry); null unless done. */
  download: { url: string; expiresAt: string } | null;
}

export interface PullTokenView {
  id: string;
  label: string;
  kind: string;
  filter: unknown;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const EXPORT_KINDS = ['needs', 'service_records', 'volunteers', 'calls', 'assessment', 'four_lists'] as const;

export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Pull tokens: csv of the row kinds (not the assessment workbook). */
export const PULL_KINDS = ['needs', 'service_records', 'volunteers', 'calls'] as const;
