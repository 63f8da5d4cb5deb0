import type { EmergencyFeature } from '../emergency/index.js';
import type { RoutingFeature } from '../routing/index.js';
import { CheckFinish } from './check-finish.usecase.js';
import { CheckRelease } from './check-release.usecase.js';
import { ClaimTimeout } from './claim-timeout.usecase.js';
import { FinishJob } from './finish-job.usecase.js';
import { MyJobs } from './my-jobs.usecase.js';
import { RelayMessage, SharePhone } from './relay-message.usecase.js';
import { ReleaseJob } from './release-job.usecase.js';
import { SetOff } from './set-off.usecase.js';
import { TakeJob } from './take-job.usecase.js';

/** 志愿者接单: the take race (within the claim limits), on my way, done with hours, release with a reason, the no-progress timeout. */
export class ClaimsFeature {
  readonly take: TakeJob;
  readonly setOff = new SetOff();
  readonly checkFinish = new CheckFinish();
  readonly finish = new FinishJob();
  readonly checkRelease = new CheckRelease();
  readonly release: ReleaseJob;
  readonly myJobs = new MyJobs();
  readonly relay = new RelayMessage();
  readonly sharePhone = new SharePhone();
  readonly timeout: ClaimTimeout;

  constructor(routing: RoutingFeature, emergency: EmergencyFeature) {
    this.take = new TakeJob(routing.rounds, emergency.policy);
    this.release = new ReleaseJob(routing.rounds);
    this.timeout = new ClaimTimeout(routing.rounds);
  }
}
