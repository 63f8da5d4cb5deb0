// 纠正统计: how often coordinators corrected the understanding's category this month, per
// category — how many needs it read as that category were corrected away (`corrected`), and how
// many were corrected into it (`correctedTo`). Over the caller's read scope (the needs' stations);
// counts only, no text. The corrections themselves are kept by coordination's CorrectCategory.
import type { CorrectionStats as CorrectionStatsView } from '@baiying/contracts';
import { ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { ConsolePrincipal } from '../sessions/index.js';
import { dayStart } from './console-needs-list.usecase.js';

export const correctionStatsQuerySchema = z
  .object({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
      .optional(),
  })
  .strict();

/** The month (YYYY-MM) `at` falls in, in the desk's time zone. */
function monthOf(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(at).slice(0, 7);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export class CorrectionStats {
  async execute(w: Work, p: ConsolePrincipal, input: unknown): Promise<Result<CorrectionStatsView>> {
    const q = parseCommand(correctionStatsQuerySchema, input);
    if (!q.ok) return q;
    const month = q.value.month ?? monthOf(w.now, w.config.timeZone);
    const from = dayStart(`${month}-01`, w.config.timeZone);
    const to = dayStart(`${nextMonth(month)}-01`, w.config.timeZone);
    const rows = await w.repos.needs.categoryCorrectionCounts(p.readUnitIds, from, to);
    const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((a, r) => a + r.n, 0);
    const items = (await w.repos.org.categories())
      .map((c) => ({ category: c.code, zh: c.nameZh, en: c.nameEn, corrected: sum((r) => r.was === c.code), correctedTo: sum((r) => r.label === c.code) }))
      .sort((a, b) => b.corrected - a.corrected || b.correctedTo - a.correctedTo);
    return ok({ month, total: sum(() => true), items });
  }
}
