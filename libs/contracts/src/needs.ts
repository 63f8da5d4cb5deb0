// The console API's shapes for needs, the 派单 board and the audit log: what the server's use cases
// return and the console reads (one definition for both; no imports, so the browser build can use it).

export interface NeedListItem {
  id: string;
  code: string;
  status: string;
  category: string;
  station: { code: string; name: string };
  owner: { code: string; name: string; tier: string };
  urgency: string;
  beneficiary: string;
  review: boolean;
  danger: string | null;
  phone: string;
  address: string;
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  by: string | null;
  detail: Record<string, string | number | boolean | null>;
}

export interface Revealed {
  phone: string | null;
  address: string | null;
  description: string | null;
}

/** What the need detail page can do: the chat's coordinator actions (console-need-actions.usecase.ts). */
export const NEED_ACTIONS = ['reassign', 'close', 'verify', 'cancel', 'category'] as const;

export type NeedAction = (typeof NEED_ACTIONS)[number];

export interface NeedActionDone {
  code: string;
  action: NeedAction;
  /** False when a repeated press found nothing left to do (nothing sent, nothing audited). */
  changed: boolean;
}

export interface AuditItem {
  id: string;
  at: string;
  action: string;
  actor: { id: string; name: string } | null;
  unit: string | null;
  needId: string | null;
  reason: string | null;
  detail: unknown;
}

export interface SavedFilter {
  id: string;
  name: string;
  query: string;
  createdAt: string;
}

export const REVEAL_REASONS = ['contact_resident', 'dispatch_volunteer', 'verify_service', 'complaint', 'other'] as const;

export const AUDIT_ACTIONS = [
  'login',
  'logout',
  'session_revoked',
  'login_refused',
  'reveal',
  'publicity_publish',
  'publicity_correct',
  'export',
  'export_pull',
  'approval',
  'emergency_switch',
  'settings_change',
  'need_reassign',
  'need_close',
  'need_verify',
  'need_cancel',
  'need_category',
] as const;

/** The list's sorts: newest submitted first (default), oldest first, most urgent first (then newest). */
export const NEED_SORTS = ['new', 'old', 'urgency'] as const;

export interface BoardItem {
  needId: string;
  code: string;
  status: string;
  category: string;
  urgency: string;
  station: { code: string; name: string };
  unit: { code: string; name: string };
  team: string | null;
  tier: string;
  round: number;
  openedAt: string;
  slaDueAt: string;
  /** Seconds until the SLA is due (negative: overdue by that much). */
  secondsLeft: number;
  overdue: boolean;
  /** Escalated at least once (an earlier round timed out). */
  escalated: boolean;
}

export interface DispatchBoard {
  now: string;
  tiers: Record<'center' | 'institute' | 'station' | 'point', number>;
  overdue: number;
  escalated: number;
  items: BoardItem[];
  unrouted: Array<{ needId: string; code: string; category: string; urgency: string; station: { code: string; name: string }; createdAt: string }>;
  /** True when more open rounds exist than were listed. */
  truncated: boolean;
}
