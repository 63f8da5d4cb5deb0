// Per-chat dialogue state, stored encrypted in PostgreSQL (it can hold a phone or address
// while a form is being filled) so it survives restarts and Redis loss.
import { randomBytes } from 'node:crypto';
import type { Beneficiary, Urgency } from '@baiying/domain';

export interface IntakeData {
  step: 'category' | 'station' | 'address' | 'time' | 'phone' | 'beneficiary' | 'confirm';
  description: string;
  truncated: boolean;
  categoryCode?: string;
  stationId?: string;
  address?: string | null;
  location?: { lat: number; lng: number } | null;
  wantedTime?: string | null;
  phone?: string | null;
  beneficiary?: Beneficiary;
  urgency: Urgency;
  attachments: Array<{ kind: string; fileRef: string }>;
  /** What understanding proposed: the top categories, and whether it was confident. */
  guess?: { top: string[]; confident: boolean };
}

export interface RegisterData {
  step: 'name' | 'phone' | 'station' | 'teams' | 'skills';
  name?: string;
  phone?: string;
  stationId?: string;
  teamIds: string[];
}

export interface CallData {
  step: 'title' | 'description' | 'place' | 'time' | 'headcount' | 'skills' | 'deadline' | 'audience' | 'audience_value' | 'confirm';
  title?: string;
  description?: string;
  placeText?: string;
  site?: { lat: number; lng: number } | null;
  startsAt?: string;
  endsAt?: string;
  headcount?: number;
  skills?: string[];
  answerBy?: string | null;
  audienceKind?: 'teams' | 'units' | 'skills';
  audience?: { everyone?: boolean; teamCodes?: string[]; units?: Array<{ code: string; subtree: boolean }>; skills?: string[] };
}

export type Dialogue =
  | { flow: 'intake'; nonce: string; data: IntakeData }
  | { flow: 'register'; nonce: string; data: RegisterData }
  | { flow: 'call'; nonce: string; data: CallData }
  | { flow: 'hours'; nonce: string; data: { claimId: string } }
  | { flow: 'release_reason'; nonce: string; data: { claimId: string } }
  | { flow: 'rating_comment'; nonce: string; data: { needId: string } }
  | { flow: 'pending_photo'; nonce: string; data: { attachments: Array<{ kind: string; fileRef: string }> } };

export const newNonce = (): string => randomBytes(3).toString('base64url');
