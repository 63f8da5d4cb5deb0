// /me: hours (jobs and calls), star level, jobs done, average rating, points.
import type { ActorRow } from '@baiying/db';
import { averageRating, err, hoursToNextStar, ok, starLevel, type Result } from '@baiying/domain';
import type { Work } from '@baiying/kernel';

export interface VolunteerRecord {
  name: string;
  hours: number;
  stars: number;
  nextStarIn: number | null;
  jobs: number;
  rating: number | null;
  points: number;
}

export class VolunteerRecordQuery {
  async execute(w: Work, actor: ActorRow): Promise<Result<VolunteerRecord>> {
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
}
