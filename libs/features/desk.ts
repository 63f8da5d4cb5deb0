// The desk: every feature wired once per process, in dependency order (emergency ← routing ←
// intake, claims, coordination; completion ← claims; emergency ← calls). Apps build one and hand its parts to their
// edges (chat registrations to the conversation engine, job handlers to queue workers, HTTP
// controllers to Nest).
import type { Logger } from '@baiying/domain';
import { ButtonCodec, outboxJobs, UnitOfWork, type DeskDeps, type FeatureJobs } from '@baiying/kernel';
import { askLostQuestionAgain, ConversationIngress, coreChat, type ChatFeature, type ConversationEngine, type InboundLimiter } from '@baiying/conversation';
import { assessDanger } from '@baiying/nlu';
import { CallsFeature, callsChat, callsJobs } from './calls/index.js';
import { ClaimsFeature, claimsChat, claimsJobs } from './claims/index.js';
import { CompletionFeature, completionChat, completionJobs } from './completion/index.js';
import { CoordinationFeature, coordinationChat } from './coordination/index.js';
import { EmergencyFeature, emergencyChat } from './emergency/index.js';
import { IdentityFeature, identityChat } from './identity/index.js';
import { IntakeFeature, IntakeForm, intakeChat, type Understander } from './intake/index.js';
import { LanguageFeature, languageChat } from './language/index.js';
import { PrivacyFeature, privacyChat, privacyJobs } from './privacy/index.js';
import { RoutingFeature, routingChat, routingJobs } from './routing/index.js';
import { SessionsFeature, sessionsChat } from './sessions/index.js';
import { ConsoleFeature } from './console/index.js';
import { ReportsFeature, reportsJobs } from './reports/index.js';
import { PublicityFeature, publicityChat, publicityJobs } from './publicity/index.js';
import { ExportsFeature, exportsJobs } from './exports/index.js';
import { TeamsFeature, teamsChat } from './teams/index.js';
import { VolunteersFeature, volunteersChat } from './volunteers/index.js';
import { OfficeFeature } from './office/index.js';

export class Desk {
  readonly uow: UnitOfWork;
  readonly emergency = new EmergencyFeature();
  readonly routing: RoutingFeature;
  readonly intake: IntakeFeature;
  readonly claims: ClaimsFeature;
  readonly completion = new CompletionFeature();
  readonly coordination: CoordinationFeature;
  readonly volunteers = new VolunteersFeature();
  readonly teams = new TeamsFeature();
  readonly language = new LanguageFeature();
  readonly identity = new IdentityFeature();
  readonly sessions = new SessionsFeature();
  readonly privacy = new PrivacyFeature();
  readonly console: ConsoleFeature;
  readonly reports = new ReportsFeature();
  readonly publicity = new PublicityFeature();
  readonly calls: CallsFeature;
  readonly exports: ExportsFeature;
  readonly office: OfficeFeature;

  constructor(readonly deps: DeskDeps) {
    this.uow = new UnitOfWork(deps);
    this.exports = new ExportsFeature(this.uow);
    this.office = new OfficeFeature(this.volunteers, this.emergency);
    this.routing = new RoutingFeature(this.emergency);
    this.intake = new IntakeFeature(this.routing);
    this.claims = new ClaimsFeature(this.routing, this.emergency);
    this.coordination = new CoordinationFeature(this.routing, this.volunteers);
    this.console = new ConsoleFeature({ routing: this.routing, coordination: this.coordination, completion: this.completion, intake: this.intake });
    this.calls = new CallsFeature(deps.config, new ButtonCodec(deps.cipher), this.emergency);
  }

  /** What every feature answers in chat (the conversation engine dispatches over these). */
  chat(understander: Understander): ChatFeature[] {
    const form = new IntakeForm(understander, this.deps.config.nlu.confidenceThreshold, this.intake.submit, this.deps.config.maxNeedText);
    return [
      coreChat,
      intakeChat(this.intake, form),
      routingChat(this.routing),
      claimsChat(this.claims),
      completionChat(this.completion),
      coordinationChat(this.coordination),
      volunteersChat(this.volunteers),
      teamsChat(this.teams),
      languageChat(this.language),
      identityChat(this.identity),
      sessionsChat(this.sessions),
      privacyChat(this.privacy),
      emergencyChat(this.emergency),
      callsChat(this.calls),
      publicityChat(this.publicity),
    ];
  }

  /**
   * The front door over an engine built from `chat()`: the inbound limit (danger always passes),
   * retries, and the dead letter (kept and alerted by coordination).
   */
  ingress(engine: ConversationEngine, limiter: InboundLimiter, logger: Logger): ConversationIngress {
    const { config } = this.deps;
    return new ConversationIngress(
      engine,
      this.uow,
      limiter,
      {
        limits: config.inbound,
        signalsDanger: (text) => assessDanger(text).level !== 'none',
        emergencyNumbers: config.danger.emergencyNumbers,
        deadLetter: (w, input) => this.coordination.recordDeadLetter.execute(w, input),
      },
      logger,
    );
  }

  /** The worker's job handlers and reconciliation, per feature. */
  jobs(logger: Logger): FeatureJobs[] {
    const { prisma, producer, config } = this.deps;
    return [
      outboxJobs(this.uow, prisma, producer, config, askLostQuestionAgain),
      routingJobs(this.uow, prisma, this.routing),
      claimsJobs(this.uow, prisma, config, this.claims),
      completionJobs(this.uow, prisma, config, this.completion),
      callsJobs(this.uow, prisma, config, this.calls, logger),
      privacyJobs(this.uow, this.privacy),
      reportsJobs(this.uow, config, this.reports, logger),
      publicityJobs(this.uow, this.publicity),
      exportsJobs(this.uow, this.exports),
    ];
  }
}
