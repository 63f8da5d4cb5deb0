import { DecideRegistration } from './decide-registration.usecase.js';
import { PendingRegistrations } from './pending-registrations.usecase.js';
import { RegisterVolunteer } from './register-volunteer.usecase.js';
import { VolunteerRecordQuery } from './volunteer-record.usecase.js';

/** Volunteers: registration, approval, their record of hours, stars and points. */
export class VolunteersFeature {
  readonly register = new RegisterVolunteer();
  readonly decide = new DecideRegistration();
  readonly pending = new PendingRegistrations();
  readonly record = new VolunteerRecordQuery();
}
