// The resident's intake dialogue: understand the first message, then ask only what is
// missing (category, place, time, phone, beneficiary), show a summary, save on confirm.
// A message that signals danger to a person skips all that (see danger.flow.ts).
import { BENEFICIARIES, clip, isBeneficiary, normalizePhone } from '@baiying/domain';
import { label, t } from '@baiying/i18n';
import type { Turn } from '@baiying/conversation';
import { wantedWhenOf } from './wanted-when.js';
import { beneficiaryKey, categoryName, unitName, urgencyKey, wantedTimeLabel } from '../routing/index.js';
import { findStation, isStation, stationChoices } from './intake.catalogue.js';
import { intakeFlow, needCommand, nextStep, pendingMediaFlow, type IntakeData } from './intake.flow-state.js';
import type { SubmitNeed } from './submit-need.usecase.js';
import type { Understander } from './understander.js';
import { DangerIntake } from './danger.flow.js';
import { PreparedUnderstander } from './prepared-understander.js';

/** Address and wanted-time answers are kept up to this long. */
const ADDRESS_CHARS = 200;
const TIME_CHARS = 100;
/** The summary shows this much of the description. */
const SUMMARY_DESCRIPTION_CHARS = 300;
const CATEGORY_BUTTONS_PER_ROW = 3;

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
    this.danger = new DangerIntake(submitNeed, (turn, data) => this.proposeCategory(turn, data));
  }

  /** The text as the form understands it: trimmed, at most MAX_NEED_TEXT. */
  private understood(raw: string): { text: string; truncated: boolean } {
    return clip(raw.trim(), this.maxNeedText);
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
    return this.proposeCategory(turn, data);
  }

  /** The first question about an understood message: confirm the category, or pick one. */
  async proposeCategory(turn: Turn, data: IntakeData): Promise<void> {
    const categories = await turn.w.repos.org.categories();
    const proposed = data.guess?.confident && data.categoryCode ? categories.find((c) => c.code === data.categoryCode) : undefined;
    if (proposed) {
      turn.say('intake.propose', { category: categoryName(proposed) }, [
        [turn.flowButton('cy', label('btn.yes')), turn.flowButton('co', label('btn.change_category'))],
      ]);
      return;
    }
    const ranked = (data.guess?.top ?? []).filter((code) => categories.some((c) => c.code === code));
    if (ranked.length > 0) {
      const rows = ranked.map((code) => {
        const c = categories.find((x) => x.code === code)!;
        return [turn.flowButton(`c:${code}`, categoryName(c))];
      });
      rows.push([turn.flowButton('co', label('btn.change_category'))]);
      turn.say('intake.pick_top', {}, rows);
      return;
    }
    await this.askAllCategories(turn);
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
      case 'confirm':
        // "改时间" typed on the summary: the same as its button.
        if (data.step === 'confirm') {
          const field = typedEdit(clean);
          if (field) return this.edit(turn, data, field);
        }
        // Text where a button is expected: keep it as extra description, ask again.
        if (clean && data.step !== 'confirm') {
          data.description = clip(`${data.description}\n${clean}`, turn.w.config.maxNeedText).text;
          intakeFlow.save(turn, data);
        }
        return this.ask(turn, data);
      case 'station': {
        const station = await findStation(turn.w, clean);
        if (!station) return this.askStation(turn, clean);
        data.stationId = station;
        return this.advance(turn, data);
      }
      case 'address':
        data.address = clip(clean, ADDRESS_CHARS).text;
        return this.advance(turn, data);
      case 'time':
        data.wantedTime = clip(clean, TIME_CHARS).text;
        return this.advance(turn, data);
      case 'phone': {
        const phone = normalizePhone(clean);
        if (!phone) return turn.say('input/not_a_phone', {}, [[turn.flowButton('skip', label('btn.skip'))]]);
        data.phone = phone;
        return this.advance(turn, data);
      }
    }
  }

  async onLocation(turn: Turn, data: IntakeData, loc: { lat: number; lng: number }): Promise<void> {
    if (data.step === 'danger_place') return this.danger.onPlaceLocation(turn, data, loc);
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

  async onChoice(turn: Turn, data: IntakeData, choice: string): Promise<void> {
    if (data.step === 'danger_check' || data.step === 'danger_place') return this.danger.onChoice(turn, data, choice);
    if (choice === 'cy' && data.step === 'category' && data.categoryCode) return this.advance(turn, data);
    if (choice === 'co') {
      delete data.categoryCode;
      intakeFlow.save(turn, data);
      return this.askAllCategories(turn);
    }
    if (choice.startsWith('c:')) {
      const code = choice.slice(2);
      if (!(await turn.w.repos.org.category(code))) return turn.toast('button/forged');
      data.categoryCode = code;
      return this.advance(turn, data);
    }
    if (choice.startsWith('s:')) {
      const id = choice.slice(2);
      if (!(await isStation(turn.w, id))) return turn.toast('button/forged');
      data.stationId = id;
      return this.advance(turn, data);
    }
    if (choice === 'skip') {
      if (data.step === 'address') data.address = null;
      else if (data.step === 'phone') data.phone = null;
      else if (data.step === 'time') data.wantedTime = null;
      else return this.ask(turn, data);
      return this.advance(turn, data);
    }
    if (choice === 'asap' && data.step === 'time') {
      data.wantedTime = t('btn.asap');
      return this.advance(turn, data);
    }
    if (choice.startsWith('b:')) {
      const b = choice.slice(2);
      if (!isBeneficiary(b)) return turn.toast('button/forged');
      data.beneficiary = b;
      return this.advance(turn, data);
    }
    if (choice === 'ok' && data.step === 'confirm') return this.submit(turn, data);
    if (choice.startsWith('e:') && data.step === 'confirm' && isEditable(choice.slice(2))) return this.edit(turn, data, choice.slice(2) as Editable);
    if (choice === 're') {
      intakeFlow.save(turn, {
        step: 'category',
        description: data.description,
        truncated: data.truncated,
        urgency: data.urgency,
        attachments: data.attachments,
        ...(data.guess ? { guess: data.guess } : {}),
      });
      return this.askAllCategories(turn);
    }
    if (choice === 'x') {
      turn.clearDialogue();
      return turn.say('flow_cancelled');
    }
    return this.ask(turn, data);
  }

  /** Fixes one field from the summary: forgets it and asks it again; the rest is kept, and the summary follows. */
  private async edit(turn: Turn, data: IntakeData, field: Editable): Promise<void> {
    if (field === 'category') {
      delete data.categoryCode;
      intakeFlow.save(turn, data);
      return this.askAllCategories(turn);
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
    switch (data.step) {
      case 'danger_check':
        return this.danger.askOnce(turn, data);
      case 'danger_place':
        return this.danger.askPlace(turn);
      case 'category':
        return this.askAllCategories(turn);
      case 'station':
        return this.askStation(turn);
      case 'address':
        return turn.say('intake.ask_address', {}, [[turn.flowButton('skip', label('btn.skip'))]]);
      case 'time':
        return turn.say('intake.ask_time', {}, [[turn.flowButton('asap', label('btn.asap')), turn.flowButton('skip', label('btn.skip'))]]);
      case 'phone':
        return turn.say('intake.ask_phone', {}, [[turn.flowButton('skip', label('btn.skip'))]]);
      case 'beneficiary':
        return turn.say('intake.ask_beneficiary', {}, [
          BENEFICIARIES.slice(0, 3).map((b) => turn.flowButton(`b:${b}`, label(beneficiaryKey(b)))),
          BENEFICIARIES.slice(3).map((b) => turn.flowButton(`b:${b}`, label(beneficiaryKey(b)))),
        ]);
      case 'confirm':
        return this.summary(turn, data);
    }
  }

  private async askAllCategories(turn: Turn): Promise<void> {
    const categories = await turn.w.repos.org.categories();
    const buttons = categories.map((c) => turn.flowButton(`c:${c.code}`, c.nameZh));
    const rows = [];
    for (let i = 0; i < buttons.length; i += CATEGORY_BUTTONS_PER_ROW) rows.push(buttons.slice(i, i + CATEGORY_BUTTONS_PER_ROW));
    turn.say('intake.pick_category', {}, rows);
  }

  private async askStation(turn: Turn, unknownText?: string): Promise<void> {
    const rows = (await stationChoices(turn.w)).map((s) => [turn.flowButton(`s:${s.id}`, unitName(s))]);
    if (unknownText) turn.say('input/unknown_station', { text: unknownText.slice(0, 40) }, rows);
    else turn.say('intake.ask_station', {}, rows);
  }

  private async summary(turn: Turn, data: IntakeData): Promise<void> {
    const category = data.categoryCode ? await turn.w.repos.org.category(data.categoryCode) : null;
    const station = data.stationId ? await turn.w.repos.org.unit(data.stationId) : null;
    const b = beneficiaryKey(data.beneficiary ?? 'none');
    const u = urgencyKey(data.urgency);
    const place = [station ? unitName(station) : null, data.address, data.location ? '📍' : null].filter(Boolean).join(' ');
    turn.reply({
      text: t('intake.summary', {
        category: category ? categoryName(category) : '-',
        place: place || t('not_given'),
        time: understoodTime(turn, data.wantedTime ?? null),
        phone: data.phone ?? t('not_given'),
        beneficiary: t(b),
        urgency: t(u),
        description: data.description.length > SUMMARY_DESCRIPTION_CHARS ? `${data.description.slice(0, SUMMARY_DESCRIPTION_CHARS)}…` : data.description,
      }),
      buttons: [
        [turn.flowButton('ok', label('btn.submit'))],
        [
          turn.flowButton('e:time', label('btn.edit_time')),
          turn.flowButton('e:place', label('btn.edit_place')),
          turn.flowButton('e:phone', label('btn.edit_phone')),
        ],
        [turn.flowButton('e:category', label('btn.edit_category')), turn.flowButton('e:who', label('btn.edit_who'))],
        [turn.flowButton('re', label('btn.restart')), turn.flowButton('x', label('btn.cancel'))],
      ],
    });
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

/**
 * The summary repeats the time as understood, as a date ("12月12日（周六）上午"), so the resident
 * checks the day itself; words that name no time are shown as said (this is their own chat).
 */
function understoodTime(turn: Turn, words: string | null): string {
  const when = wantedWhenOf(words, turn.w.now, turn.w.config.timeZone);
  if (!when) return t('not_given');
  return when.kind === 'tbd' ? (words ?? '') : wantedTimeLabel(when, true, turn.locale);
}

/** The summary's fields a resident can fix one at a time. */
const EDITABLE = ['category', 'place', 'time', 'phone', 'who'] as const;
type Editable = (typeof EDITABLE)[number];
const isEditable = (s: string): s is Editable => (EDITABLE as readonly string[]).includes(s);

/** "改时间", "修改地址", "change the phone" typed on the summary → the field to fix. */
const TYPED_EDITS: ReadonlyArray<[RegExp, Editable]> = [
  [/^(?:改|修改|更改|换)(?:一下)?(?:时间|日期)$|^change (?:the )?(?:time|date)$/i, 'time'],
  [/^(?:改|修改|更改|换)(?:一下)?(?:地点|地址|位置|社区)$|^change (?:the )?(?:place|address)$/i, 'place'],
  [/^(?:改|修改|更改|换)(?:一下)?(?:电话|手机|号码|手机号)$|^change (?:the )?phone(?: number)?$/i, 'phone'],
  [/^(?:改|修改|更改|换)(?:一下)?(?:类别|类型|分类)$|^change (?:the )?category$/i, 'category'],
  [/^(?:改|修改|更改|换)(?:一下)?(?:对象|服务对象)$|^change (?:who it is for|the beneficiary)$/i, 'who'],
];
function typedEdit(text: string): Editable | null {
  const s = text
    .normalize('NFKC')
    .trim()
    .replace(/[。.!！]$/, '');
  return TYPED_EDITS.find(([re]) => re.test(s))?.[1] ?? null;
}
