// Many needs at once, set-based (generate_series), for the needs list's tests: spread over the
// demo county's stations and categories, three years back, with the county seed's proportions
// (mostly elderly care, most confirmed, 1 in 20 urgent, 1 in 50 an emergency, 1 in 500 flagged
// for review). Codes are N-<day>-T<number>; descriptions are a placeholder (never read here).
import type { PrismaClient } from '@baiying/db';

export async function insertNeeds(prisma: PrismaClient, count: number, opts: { stationCodes?: string[]; stepSeconds?: number } = {}): Promise<void> {
  const resident = await prisma.person.create({ data: {} });
  const stations = opts.stationCodes
    ? (await prisma.orgUnit.findMany({ where: { code: { in: opts.stationCodes } }, select: { id: true } })).map((s) => s.id)
    : (await prisma.orgUnit.findMany({ where: { tier: 'station' }, select: { id: true } })).map((s) => s.id);
  // Row-by-row index upkeep (a trigram GIN among them) is far slower than building each index once:
  // the secondary indexes are dropped and re-created from their own definitions around the insert.
  const indexes = await prisma.$queryRaw<Array<{ name: string; def: string }>>`
    SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i JOIN pg_index x ON x.indexrelid = format('%I', i.indexname)::regclass
    WHERE i.tablename = 'need' AND NOT x.indisunique`;
  for (const i of indexes) await prisma.$executeRawUnsafe(`DROP INDEX "${i.name}"`);
  // The rows are valid by construction: the foreign-key triggers are skipped for this one insert.
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
      await tx.$executeRaw`
    INSERT INTO need (id, code, "residentId", channel, "categoryCode", "stationId", "ownerUnitId", "descriptionEnc", beneficiary, urgency, status,
      "reviewReason", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'N-' || to_char(t.ts, 'YYYYMMDD') || '-T' || lpad(g::text, 7, '0'), ${resident.id}::uuid, 'web',
      c.codes[1 + (g * 7) % array_length(c.codes, 1)], s.ids[1 + g % array_length(s.ids, 1)], s.ids[1 + g % array_length(s.ids, 1)], 'x',
      (ARRAY['elderly','elderly','elderly','elderly','none','none','none','disabled','child','hardship'])[1 + (g / 3) % 10],
      CASE WHEN g % 50 = 0 THEN 'emergency' WHEN g % 20 = 0 THEN 'urgent' ELSE 'normal' END,
      (ARRAY['confirmed','confirmed','confirmed','confirmed','confirmed','confirmed','done','cancelled','unfulfilled','dispatched','claimed','unrouted',
             'confirmed','confirmed','confirmed','confirmed','confirmed','done','cancelled','en_route'])[1 + (g / 7) % 20]::"NeedStatus",
      CASE WHEN g % 500 = 0 THEN 'uncertain' END, t.ts, t.ts
    FROM generate_series(1, ${count}::int) g
    CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM category) c
    CROSS JOIN (SELECT ${stations}::uuid[] AS ids) s
    CROSS JOIN LATERAL (SELECT date_trunc('second', now()) - make_interval(secs => g * ${opts.stepSeconds ?? 90}) AS ts) t`;
    },
    { timeout: 180_000 },
  );
  for (const i of indexes) await prisma.$executeRawUnsafe(i.def);
  await prisma.$executeRawUnsafe('ANALYZE need');
}
