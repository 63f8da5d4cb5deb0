import type { RoutingFeature } from '../routing/index.js';
import { CancelNeed } from './cancel-need.usecase.js';
import { MyNeeds } from './my-needs.usecase.js';
import { SubmitNeed } from './submit-need.usecase.js';

/** 群众点单: residents file needs in their own words, follow and cancel them. */
export class IntakeFeature {
  readonly submit = new SubmitNeed();
  readonly cancel: CancelNeed;
  readonly myNeeds = new MyNeeds();

  constructor(routing: RoutingFeature) {
    this.cancel = new CancelNeed(routing.rounds);
  }
}
