// The console API's shapes for the office pages (volunteers, teams, emergency mode, settings).

export interface VolunteerTeam {
  membershipId: string;
  code: string;
  name: string;
  nameEn: string | null;
  status: string;
  /** Pending, and the caller's scope covers the team's unit. */
  canDecide: boolean;
}

export interface VolunteerItem {
  id: string;
  name: string;
  phone: string;
  station: { code: string; name: string };
  status: string;
  skills: string[];
  teams: VolunteerTeam[];
  hours: number;
  stars: number;
  jobs: number;
  points: number;
  lastServiceAt: string | null;
  createdAt: string;
}

export interface BoundChat {
  channel: string;
  title: string | null;
  boundAt: string;
  lastSentAt: string | null;
  lastFailedAt: string | null;
  lastError: string | null;
  /** ok: the last attempt was delivered; failing: the platform refused the last one; unknown: nothing sent yet. */
  health: 'ok' | 'failing' | 'unknown';
}

export interface TeamItem {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  category: { code: string; zh: string; en: string };
  unit: { code: string; name: string; tier: string };
  members: { approved: number; pending: number };
  openJobs: number;
  chats: BoundChat[];
}

export interface ModeUnit {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  tier: string;
  emergency: boolean;
  canSwitch: boolean;
  since: string | null;
}

export interface SlaMinutes {
  stationMinutes: number;
  instituteMinutes: number;
  centerMinutes: number;
  urgentMinutes: number;
  emergencyMinutes: number;
}

export interface SettingsView {
  categories: Array<{ code: string; nameZh: string; nameEn: string; keywords: string[]; active: boolean; defaultHours: number }>;
  units: Array<{ id: string; code: string; name: string; nameEn: string | null; tier: string; parent: string | null; aliases: string[] }>;
  teams: Array<{ id: string; code: string; name: string; nameEn: string | null; category: string; unit: string }>;
  /** Minutes at each tier before a job escalates: in force (settings over defaults), and the deployment's defaults. */
  sla: SlaMinutes;
  slaDefaults: SlaMinutes;
}

/** A line of a volunteer's service record (志愿服务记录). */
export interface ServiceEntry {
  need: string;
  /** The need's id when the caller may read the need (its page is linked), else null. */
  needId: string | null;
  category: string;
  hours: number;
  status: string;
  finishedAt: string;
  creditedAt: string | null;
}

/** A volunteer's page (GET /api/v1/volunteers/:id). */
export interface VolunteerDetail extends VolunteerItem {
  rating: number | null;
  nextStarIn: number | null;
  record: ServiceEntry[];
}

export interface TeamMember {
  id: string;
  name: string;
  phone: string;
  status: string;
  since: string;
}

export interface OpenJob {
  needId: string;
  code: string;
  status: string;
  category: string;
  urgency: string;
  tier: string;
  slaDueAt: string;
}

/** A team's page (GET /api/v1/teams/:id). */
export interface TeamDetail extends TeamItem {
  memberList: TeamMember[];
  jobs: OpenJob[];
}

export interface ModeHistoryEntry {
  at: string;
  unit: string;
  emergency: boolean;
  by: string;
  reason: string | null;
}

/** Emergency mode (应急模式) per unit, and the switches so far (GET /api/v1/emergency). */
export interface EmergencyView {
  units: ModeUnit[];
  history: ModeHistoryEntry[];
}
