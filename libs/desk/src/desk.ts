// The desk's use cases, wired once per process.
import { ActionCodec } from './shared/action-codec.js';
import { ClaimsService } from './claims/claims.service.js';
import { CompletionService } from './completion/completion.service.js';
import { CoordinationService } from './coordination/coordination.service.js';
import { IdentityService } from './identity/identity.service.js';
import { EmergencyService } from './emergency/emergency.service.js';
import { MobilisationService } from './mobilisation/mobilisation.service.js';
import { IntakeService } from './intake/intake.service.js';
import { RoutingService } from './routing/routing.service.js';
import { TeamsService } from './teams/teams.service.js';
import { UnitOfWork, type DeskDeps } from './unit-of-work.js';
import { VolunteersService } from './volunteers/volunteers.service.js';

export class Desk {
  readonly uow: UnitOfWork;
  readonly codec: ActionCodec;
  readonly routing: RoutingService;
  readonly claims: ClaimsService;
  readonly completion: CompletionService;
  readonly intake: IntakeService;
  readonly volunteers: VolunteersService;
  readonly teams: TeamsService;
  readonly coordination: CoordinationService;
  readonly identity = new IdentityService();
  readonly mobilisation: MobilisationService;
  readonly emergency = new EmergencyService();

  constructor(readonly deps: DeskDeps) {
    this.uow = new UnitOfWork(deps);
    this.codec = new ActionCodec(deps.cipher);
    this.routing = new RoutingService(this.codec);
    this.claims = new ClaimsService(this.codec, this.routing);
    this.completion = new CompletionService(this.codec);
    this.intake = new IntakeService(this.routing);
    this.volunteers = new VolunteersService(this.codec);
    this.teams = new TeamsService();
    this.coordination = new CoordinationService(this.routing);
    this.mobilisation = new MobilisationService(this.codec, deps.config.timeZone);
  }
}
