import type { AppConfig } from '@baiying/config';
import type { ButtonCodec, Work } from '@baiying/kernel';
import { callIdOf } from './call-access.js';
import type { EmergencyFeature } from '../emergency/index.js';
import { AnswerCall } from './answer-call.usecase.js';
import { ApplyAnswers } from './apply-answers.usecase.js';
import { CancelCall } from './cancel-call.usecase.js';
import { CallRoster } from './call-roster.usecase.js';
import { GetCallStatus } from './call-status.usecase.js';
import { RunCallTimer } from './call-timer.usecase.js';
import { CallRenderer } from './calls.render.js';
import { CheckIn } from './check-in.usecase.js';
import { CheckOut } from './check-out.usecase.js';
import { CloseCall } from './close-call.usecase.js';
import { ConfirmAttendance } from './confirm-attendance.usecase.js';
import { CreateCall } from './create-call.usecase.js';
import { ExtendCall } from './extend-call.usecase.js';
import { FanOut } from './fan-out.usecase.js';
import { PreviewCall } from './preview-call.usecase.js';
import { RefreshTally } from './refresh-tally.usecase.js';
import { RemindSilent } from './remind-silent.usecase.js';
import { TallyRenderer } from './tally.js';

/** 一呼百应: calls with a live roll-call, sending at the platforms' pace, check-in and hours. */
export class CallsFeature {
  /** A call named by its code as people type it (M-20261123-001); null when there is none. */
  readonly callIdOf = (w: Work, code: string): Promise<string | null> => callIdOf(w, { callCode: code });
  readonly render: CallRenderer;
  readonly preview = new PreviewCall();
  readonly create: CreateCall;
  readonly fanOut: FanOut;
  readonly answer = new AnswerCall();
  readonly applyAnswers: ApplyAnswers;
  readonly refreshTally: RefreshTally;
  readonly close = new CloseCall();
  readonly extend = new ExtendCall();
  readonly remind: RemindSilent;
  readonly cancel: CancelCall;
  readonly status: GetCallStatus;
  readonly roster = new CallRoster();
  readonly timer: RunCallTimer;
  readonly checkIn = new CheckIn();
  readonly checkOut = new CheckOut();
  readonly confirmAttendance = new ConfirmAttendance();

  constructor(config: AppConfig, buttons: ButtonCodec, emergency: EmergencyFeature) {
    this.render = new CallRenderer(config.timeZone, buttons);
    const tallies = new TallyRenderer(this.render);
    this.create = new CreateCall(this.render, tallies, emergency.policy);
    this.fanOut = new FanOut(this.render);
    this.applyAnswers = new ApplyAnswers(this.render);
    this.refreshTally = new RefreshTally(tallies);
    this.remind = new RemindSilent(this.render);
    this.cancel = new CancelCall(this.render);
    this.status = new GetCallStatus(tallies);
    this.timer = new RunCallTimer(this.render);
  }
}
