import type { EmergencyFeature } from '../emergency/index.js';
import { DispatchRounds } from './dispatch-rounds.js';
import { EscalateDispatch } from './escalate-dispatch.usecase.js';
import { ReassignNeed } from './reassign-need.usecase.js';
import { RouteNeed } from './route-need.usecase.js';

/** 中心派单: routing needs to teams, escalating untaken ones, coordinators' reassignment. */
export class RoutingFeature {
  readonly rounds: DispatchRounds;
  readonly route: RouteNeed;
  readonly escalate: EscalateDispatch;
  readonly reassign: ReassignNeed;

  constructor(emergency: EmergencyFeature) {
    this.rounds = new DispatchRounds(emergency.policy);
    this.route = new RouteNeed(this.rounds, emergency.policy);
    this.escalate = new EscalateDispatch(this.rounds, emergency.policy);
    this.reassign = new ReassignNeed(this.rounds);
  }
}
