// /register: a resident becomes a volunteer of a station and some of its (or its parents')
// teams. Each team is approved on its own by a coordinator whose scope covers that team's unit;
// VOLUNTEER_AUTO_APPROVE approves ordinary teams at once but never an emergency team, whose
// members receive private urgent cards.
import type { ActorRow, TeamRow } from '@baiying/db';
import { err, maskPhone, normalizePhone, ok, PurposeKey, type Result } from '@baiying/domain';
import { alertCoordinators, listOf, msg, nameParams, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { EMERGENCY_CATEGORY } from '../emergency/index.js';
import { approvalButtons } from './volunteers.buttons.js';
import { joinableTeams } from './joinable-teams.js';

export const NAME_CHARS = 32;
const SKILL_CHARS = 20;
const MAX_SKILLS = 20;

export const registerVolunteerCommand = z.object({
  name: z.string().trim().min(1).max(NAME_CHARS),
  phone: z.string().max(40),
  stationId: z.uuid(),
  teamIds: z.array(z.uuid()).max(50),
  skills: z.array(z.string().max(200)).max(100),
});
export type RegisterVolunteerCommand = z.input<typeof registerVolunteerCommand>;

export class RegisterVolunteer {
  async execute(w: Work, actor: ActorRow, input: RegisterVolunteerCommand): Promise<Result<{ approved: boolean; pending: boolean }>> {
    const c = parseCommand(registerVolunteerCommand, input);
    if (!c.ok) return c;
    const r = c.value;
    if (actor.volunteer) return err('volunteer/already_registered');
    const phone = normalizePhone(r.phone);
    if (!phone || !/^1\d{10}$/.test(phone)) return err('input/not_a_phone');
    const station = await w.repos.org.unit(r.stationId);
    if (station?.tier !== 'station') return err('input/invalid', { field: 'stationId' });
    const wanted = new Set(r.teamIds);
    const teams = (await joinableTeams(w, r.stationId)).filter((t) => wanted.has(t.id));
    if (teams.length === 0) return err('team/not_found', { code: '-' });
    const skills = r.skills.slice(0, MAX_SKILLS).map((s) => s.slice(0, SKILL_CHARS));
    const autoApproves = (t: TeamRow) => w.config.volunteerAutoApprove && t.categoryCode !== EMERGENCY_CATEGORY;
    await w.repos.people.updateProfile(actor.personId, { displayName: r.name, phoneEnc: w.deps.cipher.encrypt(phone), phoneHash: w.deps.cipher.hash(phone) });
    await w.repos.volunteers.register(
      actor.personId,
      r.stationId,
      teams.map((t) => ({ teamId: t.id, approved: autoApproves(t) })),
      skills,
    );
    const waiting = teams.filter((t) => !autoApproves(t));
    if (waiting.length) {
      const memberships = await w.repos.volunteers.get(actor.personId);
      const idOf = new Map((memberships?.memberships ?? []).map((m) => [m.teamId, m.id]));
      for (const team of waiting) {
        // Only coordinators whose scope covers the team's unit are asked; the phone is masked.
        await alertCoordinators(w, team.orgUnitId, PurposeKey.approvalRequest(actor.personId, team.id), () =>
          msg(
            'approval.request',
            { name: r.name, phone: maskPhone(phone), ...nameParams('station', station), ...nameParams('teams', team), skills: listOf(skills) || '-' },
            approvalButtons(w.buttons, idOf.get(team.id)!),
          ),
        );
      }
    }
    return ok({ approved: waiting.length < teams.length, pending: waiting.length > 0 });
  }
}
