// /register: a resident becomes a volunteer of a station and some of its (or its parents')
// teams; coordinators approve unless auto-approval is configured.
import type { ActorRow } from '@baiying/db';
import { err, maskPhone, normalizePhone, ok, PurposeKey, type Result } from '@baiying/domain';
import { alertCoordinators, msg, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
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
  async execute(w: Work, actor: ActorRow, input: RegisterVolunteerCommand): Promise<Result<{ approved: boolean }>> {
    const c = parseCommand(registerVolunteerCommand, input);
    if (!c.ok) return c;
    const r = c.value;
    if (actor.volunteer) return err('volunteer/already_registered');
    const phone = normalizePhone(r.phone);
    if (!phone || !/^1\d{10}$/.test(phone)) return err('input/not_a_phone');
    const station = await w.repos.org.unit(r.stationId);
    if (station?.tier !== 'station') return err('input/invalid', { field: 'stationId' });
    const joinable = await joinableTeams(w, r.stationId);
    const allowed = new Set(joinable.map((t) => t.id));
    const teamIds = [...new Set(r.teamIds)].filter((id) => allowed.has(id));
    if (teamIds.length === 0) return err('team/not_found', { code: '-' });
    const skills = r.skills.slice(0, MAX_SKILLS).map((s) => s.slice(0, SKILL_CHARS));
    const auto = w.config.volunteerAutoApprove;
    await w.repos.people.updateProfile(actor.personId, { displayName: r.name, phoneEnc: w.deps.cipher.encrypt(phone), phoneHash: w.deps.cipher.hash(phone) });
    await w.repos.volunteers.register(actor.personId, r.stationId, teamIds, skills, auto);
    if (!auto) {
      const teams = joinable.filter((t) => teamIds.includes(t.id)).map((t) => t.name);
      // Coordinators see the phone masked; the full number stays in the volunteer record.
      await alertCoordinators(
        w,
        r.stationId,
        PurposeKey.approvalRequest(actor.personId),
        msg(
          'approval.request',
          { name: r.name, phone: maskPhone(phone), station: station.name, teams: teams.join('、'), skills: skills.join('、') || '-' },
          approvalButtons(w.buttons, actor.personId),
        ),
      );
    }
    return ok({ approved: auto });
  }
}
