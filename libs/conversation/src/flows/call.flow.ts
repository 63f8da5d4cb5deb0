// 一呼百应 in chat: a coordinator creates a call in a short guided conversation (title, what,
// where, when, how many, skills, deadline, audience), sees a preview of the reach and the
// sending time, and sends it. Buttons on Telegram/web, numbered replies on WeChat.
import type { CallAudienceInput, CallDraft } from '@baiying/desk';
import { extractTime } from '@baiying/nlu';
import { label } from '@baiying/i18n';
import type { CallData } from '../dialogue-state.js';
import { newNonce } from '../dialogue-state.js';
import type { Turn } from '../turn.js';

const SKIP = /^(?:跳过|无|没有|不限|skip|none|-)$/i;
const PAST = /昨|前天|去年|上周|上个?星期|上个?月|yesterday|last (?:week|month|year)/i;

export class CallFlow {
  async start(turn: Turn): Promise<void> {
    if (turn.actor.coordinatorUnitIds.length === 0) return turn.say('auth/not_coordinator');
    await turn.setDialogue({ flow: 'call', nonce: newNonce(), data: { step: 'title' } });
    turn.say('callflow.ask_title');
  }

  async onText(turn: Turn, data: CallData, raw: string): Promise<void> {
    const text = raw.trim();
    switch (data.step) {
      case 'title':
        if (!text || [...text].length > 60) return turn.say('callflow.ask_title');
        data.title = text;
        return this.next(turn, data, 'description');
      case 'description':
        data.description = SKIP.test(text) ? '' : text.slice(0, 1000);
        return this.next(turn, data, 'place');
      case 'place':
        if (!text || [...text].length > 200) return turn.say('callflow.ask_place');
        data.placeText = text;
        return this.next(turn, data, 'time');
      case 'time': {
        const range = this.parseRange(turn, text);
        if (!range) return turn.say('callflow.bad_time');
        data.startsAt = range.start.toISOString();
        data.endsAt = range.end.toISOString();
        return this.next(turn, data, 'headcount');
      }
      case 'headcount': {
        const n = Number(text.normalize('NFKC').replace(/人$/, ''));
        if (!Number.isInteger(n) || n < 1 || n > 100_000) return turn.say('callflow.bad_number');
        data.headcount = n;
        return this.next(turn, data, 'skills');
      }
      case 'skills':
        data.skills = SKIP.test(text) ? [] : text.split(/[,，、;；\s]+/).filter(Boolean).slice(0, 10);
        return this.next(turn, data, 'deadline');
      case 'deadline': {
        if (SKIP.test(text)) return this.setDeadline(turn, data, null);
        const at = this.parseRange(turn, text)?.start;
        if (!at || at.getTime() > new Date(data.startsAt!).getTime() || at <= turn.w.now) return turn.say('callflow.bad_deadline');
        return this.setDeadline(turn, data, at);
      }
      case 'audience_value': {
        const values = text.split(/[,，、;；\s]+/).filter(Boolean).slice(0, 20);
        if (!values.length) return this.askAudience(turn);
        const a: CallAudienceInput =
          data.audienceKind === 'teams' ? { teamCodes: values } : data.audienceKind === 'skills' ? { skills: values } : { units: values.map((code) => ({ code, subtree: true })) };
        return this.preview(turn, data, a);
      }
      default:
        return this.prompt(turn, data);
    }
  }

  /** A location shared while asked for the place: the site, for check-in by location. */
  async onLocation(turn: Turn, data: CallData, loc: { lat: number; lng: number }): Promise<void> {
    if (data.step !== 'place') return this.prompt(turn, data);
    data.site = loc;
    data.placeText = `📍${loc.lat.toFixed(5)},${loc.lng.toFixed(5)}`;
    return this.next(turn, data, 'time');
  }

  async onChoice(turn: Turn, data: CallData, choice: string): Promise<void> {
    if (data.step === 'description' && choice === 'skip') return this.onText(turn, data, '跳过');
    if (data.step === 'skills' && choice === 'skip') return this.onText(turn, data, '跳过');
    if (data.step === 'deadline' && choice === 'skip') return this.setDeadline(turn, data, null);
    if (data.step === 'audience') {
      if (choice === 'everyone') return this.preview(turn, data, { everyone: true });
      if (choice === 'teams' || choice === 'units' || choice === 'skills') {
        data.audienceKind = choice;
        data.step = 'audience_value';
        await this.save(turn, data);
        return turn.say(choice === 'teams' ? 'callflow.ask_teams' : choice === 'units' ? 'callflow.ask_units' : 'callflow.ask_audience_skills');
      }
    }
    if (data.step === 'confirm' && choice === 'send') return this.send(turn, data);
    if (data.step === 'confirm' && choice === 'back') {
      data.step = 'audience';
      await this.save(turn, data);
      return this.askAudience(turn);
    }
    if (choice === 'quit') {
      await turn.clearDialogue();
      return turn.say('flow_cancelled');
    }
    turn.toast('button/stale');
  }

  private parseRange(turn: Turn, text: string): { start: Date; end: Date } | null {
    // The time reader resolves only forward-looking words; "昨天9点" would come back as today.
    if (PAST.test(text)) return null;
    const t = extractTime(text, { now: turn.w.now, timeZone: turn.w.deps.config.timeZone });
    if (!t?.start) return null;
    const start = new Date(t.start);
    // "明天上午9点" has no end: a three-hour service is the usual shape of a volunteer activity.
    const end = t.end ? new Date(t.end) : new Date(start.getTime() + 3 * 3_600_000);
    if (start <= turn.w.now || end <= start) return null;
    return { start, end };
  }

  private async setDeadline(turn: Turn, data: CallData, at: Date | null): Promise<void> {
    data.answerBy = at ? at.toISOString() : null;
    return this.next(turn, data, 'audience');
  }

  private async next(turn: Turn, data: CallData, step: CallData['step']): Promise<void> {
    data.step = step;
    await this.save(turn, data);
    return this.prompt(turn, data);
  }

  private prompt(turn: Turn, data: CallData): void {
    switch (data.step) {
      case 'title':
        return turn.say('callflow.ask_title');
      case 'description':
        return turn.say('callflow.ask_description', {}, [[turn.flowButton('skip', label('btn.skip'))]]);
      case 'place':
        return turn.say('callflow.ask_place');
      case 'time':
        return turn.say('callflow.ask_time');
      case 'headcount':
        return turn.say('callflow.ask_headcount');
      case 'skills':
        return turn.say('callflow.ask_skills', {}, [[turn.flowButton('skip', label('btn.skip'))]]);
      case 'deadline':
        return turn.say('callflow.ask_deadline', {}, [[turn.flowButton('skip', label('btn.deadline_at_start'))]]);
      case 'audience':
      case 'audience_value':
        return this.askAudience(turn);
      case 'confirm':
        return turn.say('callflow.confirm_or_quit', {}, [[turn.flowButton('send', label('btn.call_send')), turn.flowButton('quit', label('btn.call_quit'))]]);
    }
  }

  private askAudience(turn: Turn): void {
    turn.say('callflow.ask_audience', {}, [
      [turn.flowButton('everyone', label('btn.audience_everyone'))],
      [turn.flowButton('teams', label('btn.audience_teams')), turn.flowButton('units', label('btn.audience_units'))],
      [turn.flowButton('skills', label('btn.audience_skills'))],
    ]);
  }

  private draft(data: CallData, audience: CallAudienceInput): CallDraft {
    return {
      title: data.title ?? '',
      description: data.description ?? '',
      placeText: data.placeText ?? '',
      site: data.site ?? null,
      startsAt: new Date(data.startsAt ?? NaN),
      endsAt: new Date(data.endsAt ?? NaN),
      headcount: data.headcount ?? 0,
      skills: data.skills ?? [],
      answerBy: data.answerBy ? new Date(data.answerBy) : null,
      audience,
    };
  }

  private async preview(turn: Turn, data: CallData, audience: CallAudienceInput): Promise<void> {
    const r = await turn.desk.mobilisation.preview(turn.w, turn.actor, this.draft(data, audience));
    if (!r.ok) {
      turn.say(r.code, r.detail ?? {});
      data.step = 'audience';
      await this.save(turn, data);
      return this.askAudience(turn);
    }
    data.audience = audience;
    data.step = 'confirm';
    await this.save(turn, data);
    const p = r.value;
    turn.say(
      'callflow.preview',
      {
        title: data.title ?? '',
        recipients: p.recipients,
        telegram: p.byChannel.telegram,
        wechat: p.byChannel.wechat,
        web: p.byChannel.web,
        groups: p.teamChats,
        minutes: Math.max(1, Math.ceil(p.seconds / 60)),
      },
      [
        [turn.flowButton('send', label('btn.call_send'))],
        [turn.flowButton('back', label('btn.call_back')), turn.flowButton('quit', label('btn.call_quit'))],
      ],
    );
  }

  private async send(turn: Turn, data: CallData): Promise<void> {
    if (!data.audience) return this.askAudience(turn);
    const r = await turn.desk.mobilisation.create(turn.w, turn.actor, this.draft(data, data.audience));
    await turn.clearDialogue();
    if (!r.ok) return turn.say(r.code, r.detail ?? {});
    turn.say('call.created', { code: r.value.code, recipients: r.value.preview.recipients, minutes: Math.max(1, Math.ceil(r.value.preview.seconds / 60)) });
  }

  private async save(turn: Turn, data: CallData): Promise<void> {
    await turn.setDialogue({ ...turn.dialogue!, flow: 'call', data });
  }
}
