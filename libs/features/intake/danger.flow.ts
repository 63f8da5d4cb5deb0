// Intake for a person in danger (the danger check said "likely", or the resident answered "yes"
// to its one question): nothing that can wait is asked. The resident is told first to call the
// emergency numbers (danger to life) or the crisis hotline (self-harm, with care), the place is
// confirmed in one step unless the message already named it, and the need goes out at once as
// an emergency — urgent, emergency routing in any mode, coordinators alerted.
import type { Turn } from '@baiying/conversation';
import { label, t } from '@baiying/i18n';
import { unitName } from '../routing/index.js';
import { findStation, stationById } from './intake.catalogue.js';
import { askStation } from './intake.questions.js';
import { intakeFlow, needCommand, type IntakeData } from './intake.flow-state.js';
import type { SubmitNeed } from './submit-need.usecase.js';
import { AlertSelfHarm } from './alert-self-harm.usecase.js';

/** The category an emergency gets when the message named no other (a fall at home stays `elderly`). */
const EMERGENCY = 'emergency';
/** Self-harm goes to the psychological care teams unless the message named another category. */
const CARE = 'psych';
/** The wanted time of an emergency: now. */
/** The wanted time of a need filed from the danger check: now, in the resident's words. */
const now = (): string => t('when.now');

export class DangerIntake {
  private readonly alertSelfHarm = new AlertSelfHarm();

  constructor(
    private readonly submitNeed: SubmitNeed,
    /** The ordinary form, when the resident says nobody is in danger. */
    private readonly ordinary: (turn: Turn, data: IntakeData) => Promise<void>,
  ) {}

  /** "possible": one yes/no question before anything else. */
  askOnce(turn: Turn, data: IntakeData): void {
    intakeFlow.save(turn, { ...data, step: 'danger_check' });
    turn.say('danger.ask', {}, [[turn.flowButton('dy', label('btn.danger_yes')), turn.flowButton('dn', label('btn.danger_no'))]]);
  }

  async onChoice(turn: Turn, data: IntakeData, choice: string): Promise<void> {
    if (data.step === 'danger_check' && choice === 'dy' && data.danger) {
      turn.settle(t('choice.pressed', { label: t('btn.danger_yes') }), true);
      return this.emergency(turn, { ...data, danger: { ...data.danger, level: 'likely' } });
    }
    if (data.step === 'danger_check' && choice === 'dn') {
      turn.settle(t('choice.pressed', { label: t('btn.danger_no') }), true);
      const { danger: _dismissed, ...rest } = data;
      const next: IntakeData = { ...rest, step: 'category' };
      intakeFlow.save(turn, next);
      return this.ordinary(turn, next);
    }
    if (data.step === 'danger_place' && choice.startsWith('s:')) {
      const id = choice.slice(2);
      const station = await stationById(turn.w, id);
      if (!station) return turn.toast('button/forged');
      turn.settle(t('intake.chosen.station', { station: unitName(station) }));
      return this.submit(turn, { ...data, stationId: id });
    }
    turn.toast('button/stale', {}, true);
  }

  /** "likely": say what to do first, then the place in one step (or submit at once). */
  async emergency(turn: Turn, data: IntakeData): Promise<void> {
    const danger = data.danger;
    if (danger?.selfHarm) turn.say('danger.self_harm', { hotline: turn.w.config.danger.crisisHotline });
    else if (danger?.lifeThreatening) turn.say('danger.call_first', { numbers: turn.w.config.danger.emergencyNumbers });
    const category = data.categoryCode ?? data.guess?.top[0] ?? (danger?.selfHarm ? CARE : EMERGENCY);
    const next: IntakeData = { ...data, categoryCode: category, urgency: 'urgent', step: 'danger_place' };
    if (next.stationId) return this.submit(turn, next);
    // Self-harm cannot wait for the place: the county centre hears of it now.
    if (danger?.selfHarm) await this.alertSelfHarm.execute(turn.w, turn.actor, turn.ev.updateId);
    intakeFlow.save(turn, next);
    return this.askPlace(turn);
  }

  async askPlace(turn: Turn, unknownText?: string): Promise<void> {
    return askStation(turn, 'danger.ask_place', unknownText);
  }

  /** One line: the community (and whatever else it says is kept as the address). */
  async onPlaceText(turn: Turn, data: IntakeData, text: string): Promise<void> {
    const station = await findStation(turn.w, text);
    // Typed: the place question stays as asked, without its buttons (a new one follows if needed).
    turn.settle();
    const withAddress: IntakeData = { ...data, address: [data.address, text].filter(Boolean).join(' ').slice(0, 200) };
    if (!station) {
      intakeFlow.save(turn, withAddress);
      return this.askPlace(turn, text);
    }
    return this.submit(turn, { ...withAddress, stationId: station });
  }

  /** A shared location is kept for the taker; the community is still needed to route. */
  async onPlaceLocation(turn: Turn, data: IntakeData, loc: { lat: number; lng: number }): Promise<void> {
    turn.settle();
    intakeFlow.save(turn, { ...data, location: loc });
    turn.say('intake.location_kept');
    return this.askPlace(turn);
  }

  private async submit(turn: Turn, data: IntakeData): Promise<void> {
    if (!data.stationId || !data.categoryCode) return this.askPlace(turn);
    const r = await this.submitNeed.execute(turn.w, turn.actor, {
      ...needCommand(turn.ev.channel, { ...data, categoryCode: data.categoryCode, stationId: data.stationId }),
      wantedTime: data.wantedTime ?? now(),
      urgency: 'urgent',
      reviewReason: null,
      danger: { level: 'likely', families: data.danger?.families ?? [] },
    });
    turn.clearDialogue();
    if (!r.ok) return turn.say('error_generic');
    turn.say('danger.submitted', { code: r.value.code });
  }
}
