// Exports (报表): the rows the export_job and export_token tables hold and the export reads return.
import type { Prisma } from '../prisma.js';

export interface ExportJobRow {
  id: string;
  personId: string;
  kind: string;
  format: string;
  filter: Prisma.JsonValue;
  reveal: boolean;
  locale: string;
  status: string;
  rowsDone: number;
  rowsTotal: number | null;
  fileName: string | null;
  bytes: number | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  expiresAt: Date | null;
}

export interface NewExportJob {
  personId: string;
  kind: string;
  format: string;
  filter: Prisma.InputJsonObject;
  reveal: boolean;
  locale: string;
  createdAt: Date;
}

export interface ExportTokenRow {
  id: string;
  tokenHash: string;
  personId: string;
  label: string;
  kind: string;
  filter: Prisma.JsonValue;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** What the needs-shaped exports (needs, service records) filter on; stations = scope ∩ filter. */
export interface NeedScopeFilter {
  stationIds: string[];
  statuses?: string[];
  categoryCode?: string;
  urgency?: string;
  from?: Date;
  to?: Date;
  codeContains?: string;
}

export interface NeedExportRow {
  id: string;
  code: string;
  status: string;
  categoryCode: string;
  stationId: string;
  urgency: string;
  beneficiary: string;
  /** The keyset position: `createdAt` as PostgreSQL's text (no Date per row). */
  atKey: string;
  /** Times as `YYYY-MM-DD HH24:MI` in the desk's time zone, formatted by PostgreSQL. */
  createdAt: string;
  takenTier: string | null;
  teamCode: string | null;
  teamName: string | null;
  takenAt: string | null;
  /** The taker's name, encrypted (or legacy clear): read with personName. */
  volunteerNameEnc: string | null;
  volunteerNameClear: string | null;
  hours: number | null;
  doneAt: string | null;
  score: number | null;
  phoneEnc: string | null;
  addressEnc: string | null;
}

export interface ServiceRecordExportRow {
  id: string;
  createdAt: Date;
  code: string;
  categoryCode: string;
  stationId: string;
  volunteerNameEnc: string | null;
  volunteerNameClear: string | null;
  hours: number;
  status: string;
  finishedAt: Date;
  creditedAt: Date | null;
  creditedBy: string | null;
}

export interface VolunteerExportRow {
  personId: string;
  displayNameEnc: string | null;
  displayNameClear: string | null;
  status: string;
  stationId: string;
  createdAt: Date;
  hours: number;
  jobs: number;
  avgRating: number | null;
}

export interface CallAttendanceRow {
  callId: string;
  personId: string;
  code: string;
  title: string;
  orgUnitId: string;
  startsAt: Date;
  displayNameEnc: string | null;
  displayNameClear: string | null;
  answer: string | null;
  roster: string;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  hours: number | null;
}

/** One station's inputs to the monthly assessment (考核). */
export interface AssessmentInputs {
  stationId: string;
  registered: number;
  active: number;
  ytdHours: number;
  ratings: number;
  scoreSum: number;
  good: number;
  received: number;
  fulfilled: number;
  unfulfilled: number;
  cancelled: number;
}
