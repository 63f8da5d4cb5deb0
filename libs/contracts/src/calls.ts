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
