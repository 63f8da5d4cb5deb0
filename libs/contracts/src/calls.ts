// The console API's shapes for calls (一呼百应).

/** A row of the console's list of calls (GET /api/v1/calls). */
export interface CallListItem {
  id: string;
  code: string;
  title: string;
  status: string;
  headcount: number;
  confirmed: number;
  waitlisted: number;
  startsAt: string;
  endsAt: string;
  answerBy: string;
  emergency: boolean;
  unit: { code: string; name: string };
  createdAt: string;
}

/**
 * Before sending: how many people a call reaches on which channel, how many team groups get a
 * notice, and how long sending takes (POST /api/v1/calls/preview). `C`: the channel names (the
 * server's Channel; the console reads them as strings).
 */
export interface CallPreview<C extends string = string> {
  recipients: number;
  byChannel: Record<C, number>;
  teamChats: number;
  /** Seconds each channel needs at its broadcast pace; sending runs in parallel per channel. */
  secondsByChannel: Record<C, number>;
  seconds: number;
}

/** A call's 名单 entry (GET /api/v1/calls/:id/roster; the console reads it as Serialized<RosterEntry>). */
export interface RosterEntry {
  name: string;
  roster: 'confirmed' | 'waitlisted';
  seq: number | null;
  channel: string;
  answeredAt: Date | null;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  hours: number | null;
}

/** A call's state for whoever may manage it (GET /api/v1/calls/:code; read as Serialized<CallStatus>). */
export interface CallStatus {
  code: string;
  status: string;
  headcount: number;
  startsAt: Date;
  endsAt: Date;
  answerBy: Date;
  roster: Record<'none' | 'confirmed' | 'waitlisted' | 'declined' | 'withdrawn', number>;
  delivery: { recipients: number; queued: number; sent: number; failed: number; uncertain: number };
  tally: string;
}
