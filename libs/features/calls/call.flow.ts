// 一呼百应 in chat: a coordinator creates a call in a short guided conversation (title, what,
// where, when, how many, skills, deadline, audience), sees a preview of the reach and the
// sending time, and sends it. Buttons on Telegram/web, numbered replies on WeChat.
import type { Turn } from '@baiying/conversation';
import { CALL_LIMITS } from '@baiying/domain';
import { label, localName, t, type MessageKey } from '@baiying/i18n';
import { formatLocal, isCoordinator, unitsInScope } from '@baiying/kernel';
import { parseHeadcount, type CallAudienceInput } from './call-draft.js';
import { callFlow, draftOf, parseRange, type CallData } from './call-flow.data.js';
import type { CreateCall } from './create-call.usecase.js';
import type { PreviewCall } from './preview-call.usecase.js';

const SKIP = /^(?:跳过|无|没有|不限|skip|none|-)$/i;
const LIST_SPLIT = /[,，、;；\s]+/;
/** Skills typed in the flow, and audience values, are kept up to these counts. */
const MAX_FLOW_SKILLS = 10;
const MAX_AUDIENCE_VALUES = 20;
/** Teams in scope shown as ticks when the audience is "teams" (more are typed by name or code). */
const TEAM_BUTTONS = 20;

/** The audience buttons' labels, for the question's rewrite once one is pressed. */
const AUDIENCE_LABELS: Readonly<Record<string, MessageKey>> = {
  everyone: 'btn.audience_everyone',
  teams: 'btn.audience_teams',
  units: 'btn.audience_units',
  skills: 'btn.audience_skills',
};

export class CallForm {
  constructor(
    private readonly previewCall: PreviewCall,
    private readonly createCall: CreateCall,
  ) {}

  start(turn: Turn): void {
    if (!isCoordinator(turn.actor)) return turn.say('auth/not_coordinator');
    callFlow.start(turn, { step: 'title' });
    turn.say('callflow.ask_title');
  }

  async onText(turn: Turn, data: CallData, raw: string): Promise<void> {
    const text = raw.trim();
    switch (data.step) {
      case 'title':
        if (!text || [...text].length > CALL_LIMITS.titleChars) return turn.say('callflow.ask_title');
        return this.next(turn, { ...data, title: text }, 'description');
      case 'description':
        return this.next(turn, { ...data, description: SKIP.test(text) ? '' : text.slice(0, CALL_LIMITS.descriptionChars) }, 'place');
      case 'place':
        if (!text || [...text].length > CALL_LIMITS.placeChars) return turn.say('callflow.ask_place');
        return this.next(turn, { ...data, placeText: text }, 'time');
      case 'time': {
        const range = parseRange(text, turn.w.now, turn.w.config.timeZone);
        if (!range) return turn.say('callflow.bad_time');
        return this.next(turn, { ...data, startsAt: range.start.toISOString(), endsAt: range.end.toISOString() }, 'headcount');
      }
      case 'headcount': {
        const n = parseHeadcount(text);
        if (n === null || n < 1 || n > CALL_LIMITS.maxHeadcount) return turn.say('callflow.bad_number');
        return this.next(turn, { ...data, headcount: n }, 'skills');
      }
      case 'skills':
        return this.next(turn, { ...data, skills: SKIP.test(text) ? [] : text.split(LIST_SPLIT).filter(Boolean).slice(0, MAX_FLOW_SKILLS) }, 'deadline');
      case 'deadline': {
        if (SKIP.test(text)) return this.next(turn, { ...data, answerBy: null }, 'audience');
        const at = parseRange(text, turn.w.now, turn.w.config.timeZone)?.start;
        if (!at || at.getTime() > new Date(data.startsAt ?? NaN).getTime() || at <= turn.w.now) return turn.say('callflow.bad_deadline');
        return this.next(turn, { ...data, answerBy: at.toISOString() }, 'audience');
      }
      case 'audience_value': {
        const values = text.split(LIST_SPLIT).filter(Boolean).slice(0, MAX_AUDIENCE_VALUES);
        if (!values.length) return this.askAudience(turn);
        const a: CallAudienceInput =
          data.audienceKind === 'teams'
            ? { teamCodes: values }
            : data.audienceKind === 'skills'
              ? { skills: values }
              : { units: values.map((code) => ({ code, subtree: true })) };
        return this.preview(turn, data, a);
      }
      default:
        return this.prompt(turn, data);
    }
  }

  /** A location shared while asked for the place: the site, for check-in by location. */
  onLocation(turn: Turn, data: CallData, loc: { lat: number; lng: number }): void {
    if (data.step !== 'place') return this.prompt(turn, data);
    return this.next(turn, { ...data, site: loc, placeText: `📍${loc.lat.toFixed(5)},${loc.lng.toFixed(5)}` }, 'time');
  }

  /**
   * A press of the open question's button: the question says which was pressed and loses its
   * buttons (Turn.settle), then the form moves on; a button of another step is stale.
   */
  async onChoice(turn: Turn, data: CallData, choice: string): Promise<void> {
    const pressed = (key: MessageKey) => turn.settle(t('choice.pressed', { label: t(key) }), true);
    if ((data.step === 'description' || data.step === 'skills') && choice === 'skip') {
      pressed('btn.skip');
      return this.onText(turn, data, '跳过');
    }
    if (data.step === 'deadline' && choice === 'skip') {
      pressed('btn.deadline_at_start');
      return this.next(turn, { ...data, answerBy: null }, 'audience');
    }
    if (data.step === 'audience') {
      const audienceLabel = AUDIENCE_LABELS[choice];
      if (audienceLabel) pressed(audienceLabel);
      if (choice === 'everyone') return this.preview(turn, data, { everyone: true });
      if (choice === 'teams') return this.askTeams(turn, { ...data, audienceKind: choice, step: 'audience_value', teamIds: [] });
      if (choice === 'units' || choice === 'skills') {
        callFlow.save(turn, { ...data, audienceKind: choice, step: 'audience_value' });
        return turn.say(choice === 'units' ? 'callflow.ask_units' : 'callflow.ask_audience_skills');
      }
    }
    if (data.step === 'audience_value' && data.audienceKind === 'teams' && (choice.startsWith('t:') || choice === 'td'))
      return this.onChoices(turn, data, [choice]);
    if (data.step === 'confirm' && choice === 'send') {
      pressed('btn.call_send');
      return this.send(turn, data);
    }
    if (data.step === 'confirm' && choice === 'back') {
      pressed('btn.call_back');
      callFlow.save(turn, { ...data, step: 'audience' });
      return this.askAudience(turn);
    }
    if (choice === 'quit' && data.step === 'confirm') {
      pressed('btn.call_quit');
      turn.clearDialogue();
      return turn.say('flow_cancelled');
    }
    turn.toast('button/stale', {}, true);
  }

  private next(turn: Turn, data: CallData, step: CallData['step']): void {
    // Answered (typed, or pressed and already settled): the question loses its buttons.
    turn.settle();
    const next = { ...data, step };
    callFlow.save(turn, next);
    return this.prompt(turn, next);
  }

  private prompt(turn: Turn, data: CallData): void {
    const skip = (key: Parameters<typeof label>[0] = 'btn.skip') => [[turn.flowButton('skip', label(key))]];
    switch (data.step) {
      case 'title':
        return turn.say('callflow.ask_title');
      case 'description':
        return turn.say('callflow.ask_description', {}, skip());
      case 'place':
        return turn.say('callflow.ask_place');
      case 'time':
        return turn.say('callflow.ask_time');
      case 'headcount':
        return turn.say('callflow.ask_headcount');
      case 'skills':
        return turn.say('callflow.ask_skills', {}, skip());
      case 'deadline':
        return turn.say('callflow.ask_deadline', {}, skip('btn.deadline_at_start'));
      case 'audience':
      case 'audience_value':
        return this.askAudience(turn);
      case 'confirm':
        return turn.say('callflow.confirm_or_quit', {}, [[turn.flowButton('send', label('btn.call_send')), turn.flowButton('quit', label('btn.call_quit'))]]);
    }
  }

  /** Ticks of the team menu (one press, or WeChat's "1 3 5"), then the preview if "done" was among them. */
  async onChoices(turn: Turn, data: CallData, choices: string[]): Promise<void> {
    if (data.step !== 'audience_value' || data.audienceKind !== 'teams') return turn.toast('button/stale');
    const teams = await this.teamsInScope(turn);
    let picked = data.teamIds ?? [];
    for (const choice of choices) {
      if (choice === 'td') continue;
      const id = choice.startsWith('t:') ? choice.slice(2) : '';
      if (!teams.some((t) => t.id === id)) return turn.toast('button/forged');
      picked = picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id];
    }
    const next = { ...data, teamIds: picked };
    if (!choices.includes('td')) return this.askTeams(turn, next, true);
    if (picked.length === 0) {
      turn.settle();
      return this.askTeams(turn, next);
    }
    const names = teams.filter((x) => picked.includes(x.id)).map((x) => localName({ zh: x.name, en: x.nameEn }));
    turn.settle(t('callflow.chosen.teams', { teams: names.join(turn.locale === 'en' ? ', ' : '、') }));
    return this.preview(turn, next, { teamCodes: teams.filter((t) => picked.includes(t.id)).map((t) => t.code) });
  }

  private async teamsInScope(turn: Turn) {
    return (await turn.w.repos.org.teamsInUnits(await unitsInScope(turn.w, turn.actor))).slice(0, TEAM_BUTTONS);
  }

  /** The teams in scope as ticks (names or codes may be typed instead): new, or after a tick rewritten in place. */
  private async askTeams(turn: Turn, data: CallData, tick = false): Promise<void> {
    const picked = data.teamIds ?? [];
    const rows = (await this.teamsInScope(turn)).map((t) => [
      turn.flowButton(`t:${t.id}`, `${picked.includes(t.id) ? '☑️' : '⬜'} ${localName({ zh: t.name, en: t.nameEn })}`),
    ]);
    rows.push([turn.flowButton('td', label('btn.finish_teams'))]);
    const menuKey = turn.menu(tick ? data.menuKey : undefined, 'callflow.ask_teams', {}, rows);
    callFlow.save(turn, { ...data, menuKey });
  }

  private askAudience(turn: Turn): void {
    turn.say('callflow.ask_audience', {}, [
      [turn.flowButton('everyone', label('btn.audience_everyone'))],
      [turn.flowButton('teams', label('btn.audience_teams')), turn.flowButton('units', label('btn.audience_units'))],
      [turn.flowButton('skills', label('btn.audience_skills'))],
    ]);
  }

  private async preview(turn: Turn, data: CallData, audience: CallAudienceInput): Promise<void> {
    // The audience question (or typed teams, units, skills) answered: its buttons go.
    turn.settle();
    const r = await this.previewCall.execute(turn.w, turn.actor, draftOf(data, audience));
    if (!r.ok) {
      turn.fail(r, false);
      callFlow.save(turn, { ...data, step: 'audience' });
      return this.askAudience(turn);
    }
    callFlow.save(turn, { ...data, audience, step: 'confirm' });
    const p = r.value;
    turn.say(
      'callflow.preview',
      {
        title: data.title ?? '',
        // The time as understood, as dates: what "明天上午9点到12点" was read as.
        start: formatLocal(new Date(data.startsAt ?? NaN), turn.w.config.timeZone, turn.locale),
        end: formatLocal(new Date(data.endsAt ?? NaN), turn.w.config.timeZone, turn.locale),
        recipients: p.recipients,
        telegram: p.byChannel.telegram,
        wechat: p.byChannel.wechat,
        web: p.byChannel.web,
        groups: p.teamChats,
        minutes: Math.max(1, Math.ceil(p.seconds / 60)),
      },
      [[turn.flowButton('send', label('btn.call_send'))], [turn.flowButton('back', label('btn.call_back')), turn.flowButton('quit', label('btn.call_quit'))]],
    );
  }

  private async send(turn: Turn, data: CallData): Promise<void> {
    if (!data.audience) return this.askAudience(turn);
    const r = await this.createCall.execute(turn.w, turn.actor, draftOf(data, data.audience));
    turn.clearDialogue();
    if (!r.ok) return turn.fail(r, false);
    turn.say('call.created', { code: r.value.code, recipients: r.value.preview.recipients, minutes: Math.max(1, Math.ceil(r.value.preview.seconds / 60)) });
  }
}
