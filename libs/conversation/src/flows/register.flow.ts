// Volunteer registration: name, phone, station, teams (of the station and its parents),
// skills. Approval by a coordinator unless auto-approval is configured.
import { normalizePhone } from '@baiying/domain';
import { label } from '@baiying/i18n';
import type { RegisterData } from '../dialogue-state.js';
import { newNonce } from '../dialogue-state.js';
import type { Turn } from '../turn.js';

export class RegisterFlow {
  async start(turn: Turn): Promise<void> {
    if (turn.actor.volunteer) return turn.say('volunteer/already_registered');
    await turn.setDialogue({ flow: 'register', nonce: newNonce(), data: { step: 'name', teamIds: [] } });
    turn.say('register.ask_name');
  }

  async onText(turn: Turn, data: RegisterData, text: string): Promise<void> {
    const clean = text.trim();
    switch (data.step) {
      case 'name':
        if (!clean || clean.length > 32) return turn.say('register.ask_name');
        data.name = clean;
        data.step = 'phone';
        await this.save(turn, data);
        return turn.say('register.ask_phone');
      case 'phone': {
        const phone = normalizePhone(clean);
        if (!phone || !/^1\d{10}$/.test(phone)) return turn.say('input/not_a_phone');
        data.phone = phone;
        data.step = 'station';
        await this.save(turn, data);
        return this.askStation(turn);
      }
      case 'station': {
        const t = clean.normalize('NFKC').toLowerCase();
        const stations = await turn.w.repos.org.stations();
        const hit = stations.find((s) => [s.name, ...s.aliases].some((n) => n && t && (t.includes(n.toLowerCase()) || n.toLowerCase().includes(t))));
        if (!hit) return this.askStation(turn, clean);
        return this.pickStation(turn, data, hit.id);
      }
      case 'teams':
        return this.askTeams(turn, data);
      case 'skills':
        return this.finish(turn, data, clean.split(/[,，、;；\s]+/).filter(Boolean));
    }
  }

  async onChoice(turn: Turn, data: RegisterData, choice: string): Promise<void> {
    if (data.step === 'station' && choice.startsWith('s:')) {
      const unit = await turn.w.repos.org.unit(choice.slice(2));
      if (!unit || unit.tier !== 'station') return turn.toast('button/forged');
      return this.pickStation(turn, data, unit.id);
    }
    if (data.step === 'teams' && choice.startsWith('t:')) {
      const id = choice.slice(2);
      const joinable = await turn.desk.volunteers.joinableTeams(turn.w, data.stationId!);
      if (!joinable.some((t) => t.id === id)) return turn.toast('button/forged');
      data.teamIds = data.teamIds.includes(id) ? data.teamIds.filter((x) => x !== id) : [...data.teamIds, id];
      await this.save(turn, data);
      return this.askTeams(turn, data);
    }
    if (data.step === 'teams' && choice === 'td') {
      if (data.teamIds.length === 0) {
        turn.say('register.need_team');
        return this.askTeams(turn, data);
      }
      data.step = 'skills';
      await this.save(turn, data);
      return turn.say('register.ask_skills', {}, [[turn.flowButton('skip', label('btn.skip'))]]);
    }
    if (data.step === 'skills' && choice === 'skip') return this.finish(turn, data, []);
    turn.toast('button/stale');
  }

  private async pickStation(turn: Turn, data: RegisterData, stationId: string): Promise<void> {
    data.stationId = stationId;
    data.step = 'teams';
    await this.save(turn, data);
    return this.askTeams(turn, data);
  }

  private async askStation(turn: Turn, unknown?: string): Promise<void> {
    const stations = await turn.w.repos.org.stations();
    const rows = stations.slice(0, 12).map((s) => [turn.flowButton(`s:${s.id}`, s.name)]);
    if (unknown) turn.say('input/unknown_station', { text: unknown.slice(0, 40) }, rows);
    else turn.say('register.ask_station', {}, rows);
  }

  private async askTeams(turn: Turn, data: RegisterData): Promise<void> {
    const teams = await turn.desk.volunteers.joinableTeams(turn.w, data.stationId!);
    const rows = teams.slice(0, 20).map((t) => [turn.flowButton(`t:${t.id}`, `${data.teamIds.includes(t.id) ? '☑️' : '⬜'} ${t.name}`)]);
    rows.push([turn.flowButton('td', label('btn.finish_teams'))]);
    turn.say('register.ask_teams', {}, rows);
  }

  private async finish(turn: Turn, data: RegisterData, skills: string[]): Promise<void> {
    const r = await turn.desk.volunteers.register(turn.w, turn.actor, {
      name: data.name!,
      phone: data.phone!,
      stationId: data.stationId!,
      teamIds: data.teamIds,
      skills,
    });
    await turn.clearDialogue();
    if (!r.ok) return turn.say(r.code);
    turn.say(r.value.approved ? 'register.approved' : 'register.pending');
  }

  private async save(turn: Turn, data: RegisterData): Promise<void> {
    await turn.setDialogue({ ...turn.dialogue!, flow: 'register', data });
  }
}
