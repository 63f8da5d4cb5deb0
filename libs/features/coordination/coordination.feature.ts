import type { RoutingFeature } from '../routing/index.js';
import type { VolunteersFeature } from '../volunteers/index.js';
import { AlertChannelTrouble } from './alert-channel-trouble.usecase.js';
import { CloseUnfulfilled } from './close-unfulfilled.usecase.js';
import { CorrectCategory } from './correct-category.usecase.js';
import { CorrectDanger } from './correct-danger.usecase.js';
import { PendingNeeds } from './pending-needs.usecase.js';
import { RecordDeadLetter } from './record-dead-letter.usecase.js';

/** The coordinators' desk: what needs attention, closing unfulfilled needs, operational alerts. */
export class CoordinationFeature {
  readonly pending = new PendingNeeds();
  readonly close: CloseUnfulfilled;
  readonly alertChannelTrouble = new AlertChannelTrouble();
  readonly correctDanger = new CorrectDanger();
  readonly correctCategory = new CorrectCategory();
  readonly recordDeadLetter = new RecordDeadLetter();

  constructor(
    routing: RoutingFeature,
    /** /pending also lists volunteer applications awaiting a decision (the volunteers feature's). */
    readonly volunteers: VolunteersFeature,
  ) {
    this.close = new CloseUnfulfilled(routing.rounds);
  }
}
