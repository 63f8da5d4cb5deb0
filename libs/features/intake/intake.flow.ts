// The resident's intake dialogue: understand the first message, then ask only what is
// missing (category, place, time, phone, beneficiary), show a summary, save on confirm.
// A message that signals danger to a person skips all that (see danger.flow.ts).
import { clip, isBeneficiary, normalizePhone } from '@baiying/domain';
import { label, t } from '@baiying/i18n';
import type { Turn } from '@baiying/conversation';
import { beneficiaryKey, categoryName, unitName } from '../routing/index.js';
import { findStation, stationById } from './intake.catalogue.js';
import { askAllCategories, askStation, askStep, proposeCategory } from './intake.questions.js';
import { EDITABLE, isEditable, typedEdit, type Editable } from './intake.summary.js';
import { intakeFlow, needCommand, nextStep, pendingMediaFlow, type IntakeData } from './intake.flow-state.js';
import type { SubmitNeed } from './submit-need.usecase.js';
import type { Understander } from './understander.js';
import { DangerIntake } from './danger.flow.js';
import { PreparedUnderstander } from './prepared-understander.js';

/** Address and wanted-time answers are kept up to this long. */
const ADDRESS_CHARS = 200;
const TIME_CHARS = 100;

/** The flows whose free text the intake understands (the form, and photos waiting for words). */
const UNDERSTANDING_FLOWS: ReadonlySet<string | null> = new Set([null, intakeFlow.name, pendingMediaFlow.name]);

export class IntakeForm {
  private readonly danger: DangerIntake;
  private readonly understander: PreparedUnderstander;

  constructor(
    understander: Understander,
    private readonly confidenceThreshold: number,
    private readonly submitNeed: SubmitNeed,
    private readonly maxNeedText: number,
  ) {
    this.understander = new PreparedUnderstander(understander);
    this.danger = new DangerIntake(submitNeed, (turn, data) => proposeCategory(turn, data));
  }

  /** The text as the form understands it: trimmed, at most MAX_NEED_TEXT. */
  private understood(raw: string): { text: string; truncated: boolean } {
    return clip(raw.trim(), this.maxNeedText);
  }

  /**
   * Whether the intake has slow work to do before a turn: understanding that may wait on a model.
   * Without one it is local CPU, done in the turn (no state read before the transaction).
   */
  get prepares(): boolean {
    return this.understander.waits;
  }

  /**
   * Before the transaction and the chat lock (the engine's prepare step): understands a private
   * text the intake will handle, so a model call never holds a connection or the chat's lock.
   */
  async prepare(raw: string, now: Date, flow: string | null): Promise<void> {
    if (!UNDERSTANDING_FLOWS.has(flow)) return;
    await this.understander.prepare(this.understood(raw).text, now);
  }

  /** First free-text message of a resident: starts a form prefilled from the text. */
  async start(turn: Turn, rawText: string, attachments: IntakeData['attachments'] = []): Promise<void> {
    const max = this.maxNeedText;
    const { text, truncated } = this.understood(rawText);
    if (truncated) turn.say('text_truncated', { max });
    const u = await this.understander.understand(text, turn.w.now);
    const categories = await turn.w.repos.org.categories();
    const known = new Set(categories.map((c) => c.code));
    const top = u.category && known.has(u.category) ? categories.find((c) => c.code === u.category) : undefined;
    const ranked = [u.category, ...u.alternatives.map((a) => a.code)].filter((c): c is string => !!c && known.has(c)).slice(0, 3);
    const confident = !!top && u.confidence >= this.confidenceThreshold;
    const danger = u.danger.level === 'none' ? undefined : { ...u.danger, level: u.danger.level };
    const data: IntakeData = {
      step: 'category',
      description: text,
      truncated,
      urgency: u.urgency,
      attachments,
      ...(u.phone ? { phone: u.phone } : {}),
      ...(u.time ? { wantedTime: u.time } : {}),
      ...(u.beneficiary !== 'none' ? { beneficiary: u.beneficiary } : {}),
      ...(u.place?.stationId ? { stationId: u.place.stationId } : {}),
      ...(u.place && !u.place.stationId ? { address: u.place.text } : {}),
      guess: { top: ranked, confident },
      ...(danger ? { danger } : {}),
      ...(top && confident ? { categoryCode: top.code } : {}),
    };
    intakeFlow.start(turn, data);
    if (danger?.level === 'likely') return this.danger.emergency(turn, data);
    if (danger?.level === 'possible') return this.danger.askOnce(turn, data);
    return proposeCategory(turn, data);
  }

  async onText(turn: Turn, data: IntakeData, text: string): Promise<void> {
    const clean = text.trim();
    if (data.step === 'danger_place') return this.danger.onPlaceText(turn, data, clean);
    // Danger is checked on every message, not only the first: "着火了" typed mid-form goes out now.
    if (data.danger?.level !== 'likely') {
      const u = await this.understander.understand(this.understood(text).text, turn.w.now);
      if (u.danger.level === 'likely') return this.danger.emergency(turn, { ...data, danger: { ...u.danger, level: 'likely' } });
    }
    switch (data.step) {
      case 'danger_check':
        return this.danger.askOnce(turn, data);
      case 'category':
      case 'beneficiary':
      case 'confirm': {
        // "改时间" typed on the summary: the same as its button.
        const field = data.step === 'confirm' ? typedEdit(clean) : null;
        if (field) return this.edit(turn, data, field);
        // Text where a button is expected: keep it as extra description, ask again (the question
        // before loses its buttons: the new one stands for it).
        turn.settle();
        if (clean && data.step !== 'confirm') {
          data.description = clip(`${data.description}\n${clean}`, turn.w.config.maxNeedText).text;
          intakeFlow.save(turn, data);
        }
        return this.ask(turn, data);
      }
      case 'station': {
        const station = await findStation(turn.w, clean);
        const unit = station ? await stationById(turn.w, station) : null;
        if (!station || !unit) {
          turn.settle();
          return askStation(turn, 'intake.ask_station', clean);
        }
        turn.settle(t('intake.chosen.station', { station: unitName(unit) }));
        data.stationId = station;
        return this.advance(turn, data);
      }
      // Typed answers: the question stays as asked, without its buttons.
      case 'address':
        turn.settle();
        data.address = clip(clean, ADDRESS_CHARS).text;
        return this.advance(turn, data);
      case 'time':
        turn.settle();
        data.wantedTime = clip(clean, TIME_CHARS).text;
        return this.advance(turn, data);
      case 'phone': {
        turn.settle();
        const phone = normalizePhone(clean);
        if (!phone) return turn.say('input/not_a_phone', {}, [[turn.flowButton('skip', label('btn.skip'))]]);
        data.phone = phone;
        return this.advance(turn, data);
      }
    }
  }

  async onLocation(turn: Turn, data: IntakeData, loc: { lat: number; lng: number }): Promise<void> {
    if (data.step === 'danger_place') return this.danger.onPlaceLocation(turn, data, loc);
    turn.settle();
    data.location = loc;
    if (data.step === 'address') data.address = data.address ?? null;
    turn.say('intake.location_kept');
    return this.advance(turn, data);
  }

  /** A photo or voice note while the form is open: attached; a caption is read as text. */
  async onMedia(turn: Turn, data: IntakeData, att: { kind: 'photo' | 'voice'; fileRef: string; caption?: string }): Promise<void> {
    data.attachments.push({ kind: att.kind, fileRef: att.fileRef });
    intakeFlow.save(turn, data);
    if (att.caption?.trim()) return this.onText(turn, data, att.caption);
    turn.say(att.kind === 'voice' ? 'voice_kept' : 'photo_kept');
  }

  /**
   * A press of the open question's button: the question is settled (rewritten to the choice made,
   * its buttons stale), then the form moves on. A choice that does not belong to the step the
   * form is at (a stale copy of an older question) changes nothing and says so.
   */
  async onChoice(turn: Turn, data: IntakeData, choice: string): Promise<void> {
    const step = data.step;
    if (step === 'danger_check' || step === 'danger_place') return this.danger.onChoice(turn, data, choice);
    const pressed = (key: Parameters<typeof t>[0]) => turn.settle(t('choice.pressed', { label: t(key) }), true);
    if (step === 'category') {
      const code = choice === 'cy' ? data.categoryCode : choice.startsWith('c:') ? choice.slice(2) : undefined;
      if (code) {
        const category = await turn.w.repos.org.category(code);
        if (!category) return turn.toast('button/forged');
        turn.settle(t('intake.chosen.category', { category: categoryName(category) }));
        data.categoryCode = code;
        return this.advance(turn, data);
      }
      if (choice === 'co') {
        pressed('btn.change_category');
        delete data.categoryCode;
        intakeFlow.save(turn, data);
        return askAllCategories(turn);
      }
    }
    if (step === 'station' && choice.startsWith('s:')) {
      const station = await stationById(turn.w, choice.slice(2));
      if (!station) return turn.toast('button/forged');
      turn.settle(t('intake.chosen.station', { station: unitName(station) }));
      data.stationId = choice.slice(2);
      return this.advance(turn, data);
    }
    if (choice === 'skip' && (step === 'address' || step === 'phone' || step === 'time')) {
      pressed('btn.skip');
      if (step === 'address') data.address = null;
      else if (step === 'phone') data.phone = null;
      else data.wantedTime = null;
      return this.advance(turn, data);
    }
    if (choice === 'asap' && step === 'time') {
      pressed('btn.asap');
      data.wantedTime = t('btn.asap');
      return this.advance(turn, data);
    }
    if (step === 'beneficiary' && choice.startsWith('b:')) {
      const b = choice.slice(2);
      if (!isBeneficiary(b)) return turn.toast('button/forged');
      turn.settle(t('intake.chosen.beneficiary', { who: t(beneficiaryKey(b)) }));
      data.beneficiary = b;
      return this.advance(turn, data);
    }
    if (step === 'confirm') return this.onSummaryChoice(turn, data, choice);
    return turn.toast('button/stale', {}, true);
  }

  /** The summary's buttons: submit, fix one field, start over, cancel. The summary keeps its text and says which was pressed. */
  private async onSummaryChoice(turn: Turn, data: IntakeData, choice: string): Promise<void> {
    const field = choice.startsWith('e:') ? choice.slice(2) : '';
    if (isEditable(field)) return this.edit(turn, data, field);
    if (choice === 'ok') {
      turn.settle(t('choice.pressed', { label: t('btn.submit') }), true);
      return this.submit(turn, data);
    }
    if (choice === 're') {
      turn.settle(t('choice.pressed', { label: t('btn.restart') }), true);
      intakeFlow.save(turn, {
        step: 'category',
        description: data.description,
        truncated: data.truncated,
        urgency: data.urgency,
        attachments: data.attachments,
        ...(data.guess ? { guess: data.guess } : {}),
      });
      return askAllCategories(turn);
    }
    if (choice === 'x') {
      turn.settle(t('choice.pressed', { label: t('btn.cancel') }), true);
      turn.clearDialogue();
      return turn.say('flow_cancelled');
    }
    return turn.toast('button/stale', {}, true);
  }

  /** Fixes one field from the summary: forgets it and asks it again; the rest is kept, and the summary follows. */
  private async edit(turn: Turn, data: IntakeData, field: Editable): Promise<void> {
    turn.settle(t('choice.pressed', { label: t(EDITABLE[field]) }), true);
    if (field === 'category') {
      delete data.categoryCode;
      intakeFlow.save(turn, data);
      return askAllCategories(turn);
    }
    if (field === 'place') {
      delete data.stationId;
      delete data.address;
      delete data.location;
    } else if (field === 'time') delete data.wantedTime;
    else if (field === 'phone') delete data.phone;
    else delete data.beneficiary;
    return this.advance(turn, data);
  }

  /** Moves to the first thing still missing and asks it. */
  private async advance(turn: Turn, data: IntakeData): Promise<void> {
    data.step = nextStep(data);
    intakeFlow.save(turn, data);
    return this.ask(turn, data);
  }

  private async ask(turn: Turn, data: IntakeData): Promise<void> {
    if (data.step === 'danger_check') return this.danger.askOnce(turn, data);
    if (data.step === 'danger_place') return this.danger.askPlace(turn);
    return askStep(turn, data);
  }

  private async submit(turn: Turn, data: IntakeData): Promise<void> {
    if (!data.categoryCode || !data.stationId) return this.advance(turn, data);
    const r = await this.submitNeed.execute(turn.w, turn.actor, {
      ...needCommand(turn.ev.channel, { ...data, categoryCode: data.categoryCode, stationId: data.stationId }),
      taskTerms: this.understander.taskTerms(data.description, data.categoryCode),
    });
    turn.clearDialogue();
    if (!r.ok) return turn.say('error_generic');
    turn.say('intake.saved', { code: r.value.code });
  }
}
