// Volunteer registration, approval, and the /me record (hours, jobs, rating, stars, points).
import type { ActorRow } from '@baiying/db';
import { ancestry, averageRating, err, hoursToNextStar, maskPhone, ok, starLevel, type Result } from '@baiying/domain';
import { label, zh } from '@baiying/i18n';
import { Priority } from '@baiying/queue';
import type { ActionCodec } from '../shared/action-codec.js';
import { alertCoordinators, inScope, unitsInScope } from '../shared/notify.js';
import { msg } from '../shared/render.js';
import type { Work } from '../unit-of-work.js';

export interface Registration {
  name: string;
  phone: string;
  stationId: string;
  teamIds: string[];
  skills: string[];
}

export interface VolunteerRecord {
  name: string;
  hours: number;
  stars: number;
  nextStarIn: number | null;
  jobs: number;
  rating: number | null;
  points: number;
}

export class VolunteersService {
  constructor(private readonly codec: ActionCodec) {}

  /** Teams a volunteer of this station may join: the station's and its parents'. */
  async joinableTeams(w: Work, stationId: string) {
    const tree = await w.repos.org.tree();
    const chain = ancestry(tree, stationId).map((u) => u.id);
    const teams = await w.repos.org.teamsInUnits(chain);
    // Nearest first: the station's own teams, then the institute's, then the county's.
    return teams.sort((a, b) => chain.indexOf(a.orgUnitId) - chain.indexOf(b.orgUnitId) || a.code.localeCompare(b.code));
  }

  async register(w: Work, actor: ActorRow, r: Registration): Promise<Result<{ approved: boolean }>> {
    if (actor.volunteer) return err('volunteer/already_registered');
    const allowed = new Set((await this.joinableTeams(w, r.stationId)).map((t) => t.id));
    const teamIds = [...new Set(r.teamIds)].filter((id) => allowed.has(id));
    if (teamIds.length === 0) return err('team/not_found', { code: '-' });
    const auto = w.deps.config.volunteerAutoApprove;
    await w.repos.people.updateProfile(actor.personId, {
      displayName: r.name.slice(0, 32),
      phoneEnc: w.deps.cipher.encrypt(r.phone),
      phoneHash: w.deps.cipher.hash(r.phone),
    });
    await w.repos.volunteers.register(actor.personId, r.stationId, teamIds, r.skills.slice(0, 20).map((s) => s.slice(0, 20)), auto);
    if (!auto) {
      const station = await w.repos.org.unit(r.stationId);
      const teams = (await this.joinableTeams(w, r.stationId)).filter((t) => teamIds.includes(t.id)).map((t) => t.name);
      // Coordinators see the phone masked; the full number stays in the volunteer record.
      await alertCoordinators(
        w,
        r.stationId,
        `approval.${actor.personId}`,
        msg('approval.request', { name: r.name, phone: maskPhone(r.phone), station: station?.name ?? '', teams: teams.join('、'), skills: r.skills.join('、') || '-' }, [
          [
            { label: label('btn.approve'), data: this.codec.encode({ kind: 'approve', personId: actor.personId, approve: true }) },
            { label: label('btn.reject'), data: this.codec.encode({ kind: 'approve', personId: actor.personId, approve: false }) },
          ],
        ]),
      );
    }
    return ok({ approved: auto });
  }

  async decide(w: Work, actor: ActorRow, personId: string, approve: boolean): Promise<Result<{ name: string; decided: boolean }>> {
    if (actor.coordinatorUnitIds.length === 0) return err('auth/not_coordinator');
    const v = await w.repos.volunteers.get(personId);
    if (!v) return err('volunteer/not_found');
    if (!(await inScope(w, actor.coordinatorUnitIds, v.stationId))) return err('auth/out_of_scope');
    const decided = await w.repos.volunteers.decide(personId, approve, actor.personId);
    if (decided) {
      await w.out.toPerson(personId, `approval.${personId}.decided`, 'volunteer-decided', msg(approve ? 'approval.approved' : 'approval.rejected'), Priority.status);
    }
    return ok({ name: v.person.displayName, decided });
  }

  async pending(w: Work, actor: ActorRow) {
    if (actor.coordinatorUnitIds.length === 0) return err('auth/not_coordinator');
    const stations = await unitsInScope(w, actor.coordinatorUnitIds);
    return ok(await w.repos.volunteers.pendingInStations(stations));
  }

  async record(w: Work, actor: ActorRow): Promise<Result<VolunteerRecord>> {
    if (!actor.volunteer) return err('volunteer/not_found');
    const s = await w.repos.volunteers.stats(actor.personId);
    return ok({
      name: actor.displayName,
      hours: s.creditedHours,
      stars: starLevel(s.creditedHours),
      nextStarIn: hoursToNextStar(s.creditedHours),
      jobs: s.completedJobs,
      rating: averageRating(s.ratings),
      points: s.points,
    });
  }

  async jobs(w: Work, actor: ActorRow) {
    return w.repos.needs.activeClaimsOf(actor.personId);
  }
}

export function starsText(n: number): { zh: string; en: string } {
  return n === 0 ? { zh: zh('stars.zero'), en: 'no star yet' } : { zh: zh('stars.n', { n }), en: `${n}-star volunteer` };
}
