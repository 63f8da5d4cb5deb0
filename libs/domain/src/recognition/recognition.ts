// Hours, points and star levels (national convention: 100/300/600/1000/1500 hours).

export const STAR_THRESHOLDS = [100, 300, 600, 1000, 1500] as const;

/** 0 (no star yet) … 5. */
export function starLevel(hours: number): number {
  let level = 0;
  for (const t of STAR_THRESHOLDS) if (hours >= t) level++;
  return level;
}

/** Hours until the next star, or null at five stars. */
export function hoursToNextStar(hours: number): number | null {
  const next = STAR_THRESHOLDS.find((t) => hours < t);
  return next === undefined ? null : Math.round((next - hours) * 100) / 100;
}

/** Points for credited hours; whole points, rounded half up. */
export function pointsFor(hours: number, pointsPerHour: number): number {
  return Math.round(hours * pointsPerHour);
}

export const MIN_SERVICE_HOURS = 0.25;
export const MAX_SERVICE_HOURS = 24;

/** Parses what a volunteer says about duration: "2", "1.5", "2小时", "半小时", "90分钟". */
export function parseHours(text: string): number | null {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (/^半(个)?小时$/.test(t)) return 0.5;
  let m = /^(\d+(?:\.\d+)?)\s*(?:分钟|min|mins|minutes)$/.exec(t);
  if (m) return roundQuarter(Number(m[1]) / 60);
  m = /^(\d+(?:\.\d+)?)\s*(?:个)?(?:小时|h|hr|hrs|hours?)?$/.exec(t);
  if (m) return roundQuarter(Number(m[1]));
  return null;
}

function roundQuarter(h: number): number | null {
  const r = Math.round(h * 4) / 4;
  return r >= MIN_SERVICE_HOURS && r <= MAX_SERVICE_HOURS ? r : null;
}

export function averageRating(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
}
