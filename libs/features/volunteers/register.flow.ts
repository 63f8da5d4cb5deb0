// Volunteer registration in chat: name, phone, station, teams (of the station and its
// parents, several), skills. Approval by a coordinator unless auto-approval is configured.
import { defineFlow, type Turn } from '@baiying/conversation';
import { normalizePhone } from '@baiying/domain';
import { label, localName, t } from '@baiying/i18n';
import { z } from 'zod';
import { joinableTeams } from './joinable-teams.js';
import { NAME_CHARS, type RegisterVolunteer } from './register-volunteer.usecase.js';

const registerData = z.object({
  step: z.enum(['name', 'phone', 'station', 'teams', 'skills']),
  name: z.string().optional(),
  phone: z.string().optional(),
  stationId: z.string().optional(),
  teamIds: z.array(z.string()),
  /** The team menu shown, rewritten in place by each tick where the channel edits. */
  menuKey: z.string().optional(),
});
type RegisterData = z.infer<typeof registerData>;

export const registerFlow = defineFlow('register', registerData);

const STATION_BUTTONS = 12;
const TEAM_BUTTONS = 20;
const SKILLS_SPLIT = /[,，、;；\s]+/;

export class RegisterForm {
  constructor(private readonly register: RegisterVolunteer) {}

  start(turn: Turn): void {
    if (turn.actor.volunteer) return turn.say('volunteer/already_registered');
    registerFlow.start(turn, { step: 'name', teamIds: [] });
    turn.say('register.ask_name');
  }

  async onText(turn: Turn, data: RegisterData, text: string): Promise<void> {
    const clean = text.trim();
    switch (data.step) {
      case 'name':
        if (!clean || clean.length > NAME_CHARS) return turn.say('register.ask_name');
        registerFlow.save(turn, { ...data, name: clean, step: 'phone' });
        return turn.say('register.ask_phone');
      case 'phone': {
        const phone = normalizePhone(clean);
        if (!phone || !/^1\d{10}$/.test(phone)) return turn.say('input/not_a_phone');
        registerFlow.save(turn, { ...data, phone, step: 'station' });
        return this.askStation(turn);
      }
      case 'station': {
        const stations = await turn.w.repos.org.stations();
        const typed = clean.normalize('NFKC').toLowerCase();
        const hit = stations.find((s) =>
          [s.name, s.nameEn, ...s.aliases].some((n) => n && typed && (typed.includes(n.toLowerCase()) || n.toLowerCase().includes(typed))),
        );
        // Typed: the picker before is settled either way (a new one follows when nothing matched).
        turn.settle(hit ? t('register.chosen.station', { station: localName({ zh: hit.name, en: hit.nameEn }) }) : undefined);
        if (!hit) return this.askStation(turn, clean);
        return this.pickStation(turn, data, hit.id);
      }
      case 'teams':
        return this.askTeams(turn, data);
      case 'skills':
        turn.settle();
        return this.finish(turn, data, clean.split(SKILLS_SPLIT).filter(Boolean));
    }
  }

  async onChoice(turn: Turn, data: RegisterData, choice: string): Promise<void> {
    if (data.step === 'station' && choice.startsWith('s:')) {
      const id = choice.slice(2);
      const station = (await turn.w.repos.org.stations()).find((s) => s.id === id);
      if (!station) return turn.toast('button/forged');
      turn.settle(t('register.chosen.station', { station: localName({ zh: station.name, en: station.nameEn }) }));
      return this.pickStation(turn, data, station.id);
    }
    if (data.step === 'teams' && (choice.startsWith('t:') || choice === 'td')) return this.onChoices(turn, data, [choice]);
    if (data.step === 'skills' && choice === 'skip') {
      turn.settle(t('choice.pressed', { label: t('btn.skip') }), true);
      return this.finish(turn, data, []);
    }
    turn.toast('button/stale', {}, true);
  }

  /** Ticks of the team menu (one press, or WeChat's "1 3 5"), then "done" if it was among them. */
  async onChoices(turn: Turn, data: RegisterData, choices: string[]): Promise<void> {
    if (data.step !== 'teams') return turn.toast('button/stale');
    const joinable = await joinableTeams(turn.w, data.stationId!);
    let teamIds = data.teamIds;
    for (const choice of choices) {
      if (choice === 'td') continue;
      const id = choice.startsWith('t:') ? choice.slice(2) : '';
      if (!joinable.some((t) => t.id === id)) return turn.toast('button/forged');
      teamIds = teamIds.includes(id) ? teamIds.filter((x) => x !== id) : [...teamIds, id];
    }
    const next = { ...data, teamIds };
    if (!choices.includes('td')) return this.askTeams(turn, next, true);
    if (teamIds.length === 0) {
      turn.settle();
      turn.say('register.need_team');
      return this.askTeams(turn, next);
    }
    // Done: the menu shows the teams chosen, without its ticks.
    const names = (await joinableTeams(turn.w, data.stationId!)).filter((x) => teamIds.includes(x.id)).map((x) => localName({ zh: x.name, en: x.nameEn }));
    turn.settle(t('register.chosen.teams', { teams: names.join(turn.locale === 'en' ? ', ' : '、') }));
    registerFlow.save(turn, { ...next, step: 'skills' });
    return turn.say('register.ask_skills', {}, [[turn.flowButton('skip', label('btn.skip'))]]);
  }

  private async pickStation(turn: Turn, data: RegisterData, stationId: string): Promise<void> {
    return this.askTeams(turn, { ...data, stationId, step: 'teams' as const });
  }

  private async askStation(turn: Turn, unknown?: string): Promise<void> {
    const stations = await turn.w.repos.org.stations();
    const rows = stations.slice(0, STATION_BUTTONS).map((s) => [turn.flowButton(`s:${s.id}`, localName({ zh: s.name, en: s.nameEn }))]);
    if (unknown) turn.say('input/unknown_station', { text: unknown.slice(0, 40) }, rows);
    else turn.say('register.ask_station', {}, rows);
  }

  /** The team menu: a new message, or after a tick (`tick`) the same one rewritten where the channel edits. */
  private async askTeams(turn: Turn, data: RegisterData, tick = false): Promise<void> {
    const teams = await joinableTeams(turn.w, data.stationId!);
    const rows = teams
      .slice(0, TEAM_BUTTONS)
      .map((t) => [turn.flowButton(`t:${t.id}`, `${data.teamIds.includes(t.id) ? '☑️' : '⬜'} ${localName({ zh: t.name, en: t.nameEn })}`)]);
    rows.push([turn.flowButton('td', label('btn.finish_teams'))]);
    const menuKey = turn.menu(tick ? data.menuKey : undefined, 'register.ask_teams', {}, rows);
    registerFlow.save(turn, { ...data, menuKey });
  }

  private async finish(turn: Turn, data: RegisterData, skills: string[]): Promise<void> {
    const r = await this.register.execute(turn.w, turn.actor, {
      name: data.name ?? '',
      phone: data.phone ?? '',
      stationId: data.stationId ?? '',
      teamIds: data.teamIds,
      skills,
    });
    turn.clearDialogue();
    if (!r.ok) return turn.fail(r, false);
    turn.say(r.value.pending ? (r.value.approved ? 'register.partly_approved' : 'register.pending') : 'register.approved');
  }
}
