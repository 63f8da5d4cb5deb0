// Needs as people name them: the full code (N-20261123-0042) or the short form read off a
// card (N-0042), resolved among recent needs.
import type { NeedRow } from '@baiying/db';
import { parseNeedCode } from '@baiying/domain';
import type { Work } from './unit-of-work.js';
import { z } from 'zod';

/** How far back a short code (N-0042) looks for its need. */
export const SHORT_CODE_DAYS = 7;
const DAY_MS = 86_400_000;

export async function needByCode(w: Work, code: string): Promise<NeedRow | null> {
  const full = parseNeedCode(code);
  if (full) return w.repos.needs.byCode(full);
  const short = /^N-?(\d{1,6})$/i.exec(code.normalize('NFKC').trim());
  if (!short) return null;
  return w.repos.needs.byShortNumber(Number(short[1]), new Date(w.now.getTime() - SHORT_CODE_DAYS * DAY_MS));
}

/** A need named by id (a button) or by code (typed): commands accept either. */
export const needRef = z.union([z.object({ needId: z.uuid() }), z.object({ needCode: z.string().min(1).max(40) })]);
export type NeedRef = z.infer<typeof needRef>;

export async function findNeed(w: Work, ref: NeedRef): Promise<NeedRow | null> {
  return 'needId' in ref ? w.repos.needs.byId(ref.needId) : needByCode(w, ref.needCode);
}
