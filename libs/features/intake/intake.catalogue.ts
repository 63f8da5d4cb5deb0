// Reference data the intake form offers: categories and stations, and finding a station by
// what the resident typed (its name or an alias).
import type { Work } from '@baiying/kernel';
import { z } from 'zod';

export async function findStation(w: Work, text: string): Promise<string | null> {
  const t = text.normalize('NFKC').toLowerCase();
  if (!t) return null;
  const stations = await w.repos.org.stations();
  const hit = stations.find((s) => [s.name, s.nameEn, ...s.aliases].some((n) => n && (t.includes(n.toLowerCase()) || n.toLowerCase().includes(t))));
  return hit?.id ?? null;
}

/** Stations shown as buttons (more are typed by name). */
export const STATION_BUTTONS = 12;

export async function stationChoices(w: Work): Promise<Array<{ id: string; name: string; nameEn: string | null }>> {
  return (await w.repos.org.stations()).slice(0, STATION_BUTTONS);
}

/** The station a form button names, or null (a forged or unknown id, or not a station). */
export async function stationById(w: Work, id: string): Promise<{ name: string; nameEn: string | null } | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const unit = await w.repos.org.unit(id);
  return unit?.tier === 'station' ? unit : null;
}
