import type { FieldCipher } from '@baiying/crypto';
import { Changes } from './changes.js';
import type { Tx } from './prisma.js';
import type { ReferenceCache } from './reference-cache.js';
import { ConsoleRepository } from './repositories/console.repository.js';
import { CallRepository } from './repositories/call.repository.js';
import { CallPressRepository } from './repositories/call-press.repository.js';
import { ExportRepository } from './repositories/export.repository.js';
import { DeadLetterRepository } from './repositories/dead-letter.repository.js';
import { EmergencyRepository } from './repositories/emergency.repository.js';
import { MessagingRepository } from './repositories/messaging.repository.js';
import { NeedRepository } from './repositories/need.repository.js';
import { OrgRepository } from './repositories/org.repository.js';
import { PublicityRepository } from './repositories/publicity.repository.js';
import { PrivacyRepository } from './repositories/privacy.repository.js';
import { PeopleRepository } from './repositories/people.repository.js';
import { ReportRepository } from './repositories/report.repository.js';
import { SessionRepository } from './repositories/session.repository.js';
import { ThrottleRepository } from './repositories/throttle.repository.js';
import { VolunteerRepository } from './repositories/volunteer.repository.js';
import { OfficeRepository } from './repositories/office.repository.js';
import { SettingsRepository } from './repositories/settings.repository.js';

/** Every repository bound to one client or transaction. */
export class Repos {
  readonly org: OrgRepository;
  readonly people: PeopleRepository;
  readonly volunteers: VolunteerRepository;
  readonly needs: NeedRepository;
  readonly messaging: MessagingRepository;
  readonly calls: CallRepository;
  readonly presses: CallPressRepository;
  readonly emergency: EmergencyRepository;
  readonly sessions: SessionRepository;
  readonly deadLetters: DeadLetterRepository;
  readonly throttle: ThrottleRepository;
  readonly privacy: PrivacyRepository;
  readonly console: ConsoleRepository;
  readonly reports: ReportRepository;
  readonly publicity: PublicityRepository;
  readonly exports: ExportRepository;
  readonly office: OfficeRepository;
  readonly settings: SettingsRepository;

  /** Ids written in this transaction that the console shows live (published after commit). */
  readonly changes = new Changes();

  /**
   * `cipher` is needed by reads and writes of people's names (`people.actor`, `people.resolve`, …);
   * `reference` is the process's cache of categories and stations, if it keeps one (decision 0049).
   */
  constructor(
    readonly tx: Tx,
    cipher?: FieldCipher,
    reference?: ReferenceCache,
  ) {
    this.org = new OrgRepository(tx, reference);
    this.people = new PeopleRepository(tx, cipher);
    this.volunteers = new VolunteerRepository(tx);
    this.needs = new NeedRepository(tx, this.changes);
    this.messaging = new MessagingRepository(tx);
    this.calls = new CallRepository(tx, this.changes);
    this.presses = new CallPressRepository(tx, this.changes);
    this.emergency = new EmergencyRepository(tx);
    this.sessions = new SessionRepository(tx, this.changes);
    this.deadLetters = new DeadLetterRepository(tx);
    this.throttle = new ThrottleRepository(tx);
    this.privacy = new PrivacyRepository(tx);
    this.console = new ConsoleRepository(tx, this.changes);
    this.reports = new ReportRepository(tx);
    this.publicity = new PublicityRepository(tx);
    this.exports = new ExportRepository(tx);
    this.office = new OfficeRepository(tx);
    this.settings = new SettingsRepository(tx);
  }
}
