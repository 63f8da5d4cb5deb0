// The county-scale seed (`npm run db:seed -- --scale county`): on top of the demo county, 10 towns
// with 300 stations, 1,000 teams, 300,000 volunteers and 1,000,000 needs over three years, set-based
// (generate_series, one statement per table), then the report rollups rebuilt by the same command
// operators use (`npm run reports:rebuild`). Personal fields hold real ciphertexts: a small pool of
// fake values is encrypted once and reused, never plaintext.
import type pg from 'pg';
import type { FieldCipher } from '@baiying/crypto';

export interface CountyScale {
  towns: number;
  stationsPerTown: number;
  teams: number;
  volunteers: number;
  residents: number;
  needs: number;
  days: number;
}

export const COUNTY_SCALE: CountyScale = {
  towns: 10,
  stationsPerTown: 30,
  teams: 1000,
  volunteers: 300_000,
  residents: 200_000,
  needs: 1_000_000,
  days: 3 * 365,
};

const POOL = 40;

function pool(cipher: FieldCipher, make: (i: number) => string): string[] {
  return Array.from({ length: POOL }, (_, i) => cipher.encrypt(make(i)));
}

/** Runs the seed on one connection; returns seconds per step. `end` is the newest need's time. */
export async function seedCounty(client: pg.Client, cipher: FieldCipher, scale: CountyScale, end: Date = new Date()): Promise<Record<string, number>> {
  const steps: Record<string, number> = {};
  const step = async (name: string, sql: string, params: unknown[] = []): Promise<void> => {
    const t = Date.now();
    await client.query(sql, params);
    steps[name] = Math.round((Date.now() - t) / 100) / 10;
  };
  const phones = pool(cipher, (i) => `139${String(10_000_000 + i * 7919).slice(0, 8)}`);
  const addresses = pool(cipher, (i) => `县域小区${i + 1}栋${(i % 6) + 1}单元${100 + i}`);
  const descriptions = pool(cipher, (i) => ['需要上门帮忙', '家里水管坏了', '老人需要陪同就医', '孩子功课辅导', '想咨询政策'][i % 5]! + `（样例${i}）`);
  const volunteerNames = pool(cipher, (i) => `志愿者${i}`);
  const residentNames = pool(cipher, (i) => `居民${i}`);
  const reasons = pool(cipher, (i) => ['人手不足，改期上门', '需要专业资质', '居民暂时外出'][i % 3]!);
  await client.query(`SET baiying.reports_off = 'on'`);
  await client.query('BEGIN');
  await client.query(`CREATE TEMP TABLE seed_pool (kind text, i int, v text) ON COMMIT DROP`);
  await client.query(
    `INSERT INTO seed_pool SELECT k, i - 1, v FROM unnest($1::text[], $2::int[], $3::text[]) AS t(k, i, v)`,
    (() => {
      const kinds: string[] = [];
      const idx: number[] = [];
      const vals: string[] = [];
      for (const [k, arr] of [
        ['phone', phones],
        ['address', addresses],
        ['description', descriptions],
        ['reason', reasons],
        ['vname', volunteerNames],
        ['rname', residentNames],
      ] as const)
        arr.forEach((v, i) => {
          kinds.push(k);
          idx.push(i + 1);
          vals.push(v);
        });
      return [kinds, idx, vals];
    })(),
  );
  const stations = scale.towns * scale.stationsPerTown;
  await step(
    'units',
    `WITH c AS (SELECT id, path FROM org_unit WHERE tier = 'center' ORDER BY "createdAt" LIMIT 1),
     towns AS (
       INSERT INTO org_unit (id, code, name, "nameEn", tier, "parentId", path, aliases)
       SELECT gen_random_uuid(), 'I-K' || lpad(t::text, 2, '0'), '县域镇' || t, 'Town ' || t, 'institute'::"OrgTier", c.id, '', '{}'
       FROM generate_series(1, $1::int) t, c RETURNING id, code)
     SELECT count(*) FROM towns`,
    [scale.towns],
  );
  await client.query(`UPDATE org_unit u SET path = c.path || u.id || '/' FROM org_unit c WHERE u."parentId" = c.id AND u.code LIKE 'I-K%'`);
  await step(
    'stations',
    `INSERT INTO org_unit (id, code, name, "nameEn", tier, "parentId", path, aliases)
     SELECT gen_random_uuid(), 'S-K' || lpad(t::text, 2, '0') || '-' || lpad(s::text, 2, '0'), '县域镇' || t || '第' || s || '社区',
       'Town ' || t || ' community ' || s, 'station'::"OrgTier", i.id, '', '{}'
     FROM generate_series(1, $1::int) t CROSS JOIN generate_series(1, $2::int) s JOIN org_unit i ON i.code = 'I-K' || lpad(t::text, 2, '0')`,
    [scale.towns, scale.stationsPerTown],
  );
  await client.query(`UPDATE org_unit u SET path = c.path || u.id || '/' FROM org_unit c WHERE u."parentId" = c.id AND u.code LIKE 'S-K%'`);
  await client.query(
    `CREATE TEMP TABLE seed_station ON COMMIT DROP AS
     SELECT (row_number() OVER (ORDER BY code) - 1)::int AS idx, id, "parentId" AS town FROM org_unit WHERE code LIKE 'S-K%'`,
  );
  await client.query(
    `CREATE TEMP TABLE seed_category ON COMMIT DROP AS SELECT (row_number() OVER (ORDER BY "sortOrder", code) - 1)::int AS idx, code FROM category`,
  );
  await step(
    'teams',
    `INSERT INTO team (id, code, name, "nameEn", "categoryCode", "orgUnitId")
     SELECT gen_random_uuid(), 'T-K' || lpad(k::text, 4, '0'), '县域队' || k, 'County team ' || k, c.code, s.id
     FROM generate_series(0, $1::int - 1) k
     JOIN seed_station s ON s.idx = k % $2::int
     JOIN seed_category c ON c.idx = (k / $2::int + k) % (SELECT count(*) FROM seed_category)`,
    [scale.teams, stations],
  );
  await client.query(
    `CREATE TEMP TABLE seed_team ON COMMIT DROP AS
     SELECT s.idx AS station_idx, (row_number() OVER (PARTITION BY s.idx ORDER BY t.code) - 1)::int AS n, t.id
     FROM team t JOIN seed_station s ON s.id = t."orgUnitId" WHERE t.code LIKE 'T-K%'`,
  );
  await client.query(`CREATE TEMP TABLE seed_team_count ON COMMIT DROP AS SELECT station_idx, count(*)::int AS c FROM seed_team GROUP BY 1`);
  await step(
    'volunteers',
    `CREATE TEMP TABLE seed_volunteer ON COMMIT DROP AS
     SELECT g - 1 AS idx, gen_random_uuid() AS id FROM generate_series(1, $1::int) g`,
    [scale.volunteers],
  );
  await client.query(
    `INSERT INTO person (id, "displayNameEnc", "phoneEnc", "createdAt")
     SELECT v.id, n.v, p.v, $1::timestamp - interval '4 years' FROM seed_volunteer v JOIN seed_pool p ON p.kind = 'phone' AND p.i = v.idx % ${POOL}
     JOIN seed_pool n ON n.kind = 'vname' AND n.i = v.idx % ${POOL}`,
    [end],
  );
  await client.query(
    `INSERT INTO volunteer ("personId", status, "stationId", "approvedAt", "createdAt")
     SELECT v.id, 'approved'::"VolunteerStatus", s.id, $1::timestamp - interval '4 years', $1::timestamp - interval '4 years'
     FROM seed_volunteer v JOIN seed_station s ON s.idx = v.idx % ${stations}`,
    [end],
  );
  await client.query(
    `INSERT INTO team_membership ("teamId", "volunteerId", status, "decidedAt")
     SELECT t.id, v.id, 'approved'::"VolunteerStatus", now() FROM seed_volunteer v
     JOIN seed_team_count tc ON tc.station_idx = v.idx % ${stations}
     JOIN seed_team t ON t.station_idx = tc.station_idx AND t.n = (v.idx / ${stations}) % tc.c`,
  );
  await step('residents', `CREATE TEMP TABLE seed_resident ON COMMIT DROP AS SELECT g - 1 AS idx, gen_random_uuid() AS id FROM generate_series(1, $1::int) g`, [
    scale.residents,
  ]);
  await client.query(
    `INSERT INTO person (id, "displayNameEnc", "phoneEnc", "createdAt")
     SELECT r.id, n.v, p.v, $1::timestamp - interval '4 years' FROM seed_resident r JOIN seed_pool p ON p.kind = 'phone' AND p.i = r.idx % ${POOL}
     JOIN seed_pool n ON n.kind = 'rname' AND n.i = r.idx % ${POOL}`,
    [end],
  );
  // Every need's story, drawn once: time (weekday × hour pattern), station (skewed), category
  // (skewed), beneficiary, outcome, take delay, escalation, hours, rating.
  await step(
    'plan',
    `CREATE TEMP TABLE seed_need ON COMMIT DROP AS
     WITH g AS (
       SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7, random() AS r8,
         floor(random() * $2::int)::int AS back
       FROM generate_series(1, $1::int) g
     ), t AS (
       SELECT g.*, ((($3::timestamp AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date - back) AS d0 FROM g
     ), t2 AS (
       SELECT t.*,
         -- Weekends are quieter: half of their draws move to the Friday before.
         CASE WHEN extract(isodow FROM d0) >= 6 AND r8 < 0.5 THEN d0 - (extract(isodow FROM d0)::int - 5) ELSE d0 END AS d
       FROM t
     )
     SELECT gen_random_uuid() AS id, g,
       least(((d + make_interval(hours => (ARRAY[7,8,8,9,9,9,9,10,10,10,10,11,11,12,13,14,14,15,15,15,16,16,17,17,18,19,20,20,21,22])[1 + floor(r1 * 30)::int],
                mins => floor(r2 * 60)::int, secs => floor(r3 * 60)::int))::timestamp AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'UTC',
             $3::timestamp - interval '10 minutes') AS created,
       floor(${stations} * power(r4, 1.6))::int AS station_idx,
       (ARRAY['elderly','elderly','elderly','elderly','elderly','elderly','repair','repair','repair','repair','health','health','health',
              'psych','psych','education','education','legal','legal','culture','policy','science','environment','relief','mediation','emergency'])[1 + floor(r5 * 26)::int] AS category,
       (ARRAY['elderly','elderly','elderly','elderly','none','none','none','disabled','child','hardship'])[1 + floor(r6 * 10)::int] AS beneficiary,
       r7 AS outcome, random() AS esc, random() AS take, random() AS work, random() AS rate, random() AS pick,
       floor(random() * ${scale.residents})::int AS resident_idx
     FROM t2`,
    [scale.needs, scale.days, end],
  );
  await client.query(`UPDATE seed_need SET category = 'elderly' WHERE category NOT IN (SELECT code FROM category)`);
  await client.query(`
    ALTER TABLE seed_need ADD COLUMN status text, ADD COLUMN escalated boolean, ADD COLUMN take_at timestamp, ADD COLUMN team_id uuid,
      ADD COLUMN station_id uuid, ADD COLUMN town_id uuid, ADD COLUMN volunteer_id uuid, ADD COLUMN code text, ADD COLUMN done_at timestamp,
      ADD COLUMN hours numeric, ADD COLUMN score int`);
  await step(
    'outcomes',
    `UPDATE seed_need n SET
       station_id = s.id, town_id = s.town,
       status = CASE
         WHEN n.created > $1::timestamp - interval '1 day' THEN (ARRAY['submitted','dispatched','dispatched','claimed','en_route','done','unrouted'])[1 + floor(n.outcome * 7)::int]
         WHEN n.created > $1::timestamp - interval '4 days' THEN (ARRAY['dispatched','claimed','en_route','done','done','confirmed','confirmed','cancelled'])[1 + floor(n.outcome * 8)::int]
         WHEN n.outcome < 0.68 THEN 'confirmed'
         WHEN n.outcome < 0.80 THEN 'done'
         WHEN n.outcome < 0.90 THEN 'cancelled'
         WHEN n.outcome < 0.96 THEN 'unfulfilled'
         ELSE 'confirmed' END,
       escalated = n.esc < 0.15,
       team_id = t.id,
       volunteer_id = v.id,
       code = 'N-' || to_char((n.created AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-K' || lpad(n.g::text, 7, '0')
     FROM seed_station s, seed_team_count tc, seed_team t, seed_volunteer v
     WHERE s.idx = n.station_idx AND tc.station_idx = n.station_idx AND t.station_idx = n.station_idx AND t.n = floor(n.pick * tc.c)::int
       AND v.idx = n.station_idx + ${stations} * floor(n.pick * ${Math.max(1, Math.floor(scale.volunteers / stations))})::int`,
    [end],
  );
  // Take delay: minutes, log-spread (1 min .. ~7 h); escalated needs were taken after the 30-min SLA.
  await client.query(
    `UPDATE seed_need SET
       take_at = created + make_interval(secs => CASE WHEN escalated THEN 1800 + 60 * exp(take * 5) ELSE 45 * exp(take * 5.5) END),
       hours = (ARRAY[0.5, 1, 1, 1.5, 2, 2, 2, 3, 4])[1 + floor(work * 9)::int],
       score = CASE WHEN status = 'confirmed' AND rate < 0.72 THEN (ARRAY[5,5,5,5,5,5,5,5,5,5,5,5,4,4,4,4,4,3,3,2,1])[1 + floor(random() * 21)::int] END
     WHERE status IN ('claimed','en_route','done','confirmed')`,
  );
  await client.query(`UPDATE seed_need SET done_at = take_at + make_interval(secs => 3600 * (1 + work * 4)) WHERE status IN ('done','confirmed')`);
  await client.query(
    `UPDATE seed_need SET take_at = least(take_at, $1::timestamp - interval '1 minute'), done_at = least(done_at, $1::timestamp)
     WHERE take_at IS NOT NULL`,
    [end],
  );
  await step(
    'needs',
    `INSERT INTO need (id, code, "residentId", channel, "categoryCode", "stationId", "ownerUnitId", "descriptionEnc", "addressEnc", "phoneEnc",
       beneficiary, urgency, status, "claimedById", "closeReasonEnc", "promisedDate", "createdAt", "updatedAt")
     SELECT n.id, n.code, r.id, (ARRAY['telegram','wechat','wechat','web']::"Channel"[])[1 + n.g % 4], n.category, n.station_id,
       CASE WHEN n.escalated THEN n.town_id ELSE n.station_id END, pd.v, pa.v, pp.v,
       n.beneficiary, CASE WHEN n.category = 'emergency' THEN 'emergency' WHEN n.g % 20 = 0 THEN 'urgent' ELSE 'normal' END,
       n.status::"NeedStatus", CASE WHEN n.take_at IS NOT NULL THEN n.volunteer_id END,
       CASE WHEN n.status = 'unfulfilled' THEN pr.v END,
       CASE WHEN n.status = 'unfulfilled' THEN (n.created + make_interval(days => 7 + n.g % 21))::date END,
       n.created, coalesce(n.done_at, n.take_at, n.created)
     FROM seed_need n
     JOIN seed_resident r ON r.idx = n.resident_idx
     JOIN seed_pool pd ON pd.kind = 'description' AND pd.i = n.g % ${POOL}
     JOIN seed_pool pa ON pa.kind = 'address' AND pa.i = (n.g / 7) % ${POOL}
     JOIN seed_pool pp ON pp.kind = 'phone' AND pp.i = (n.g / 3) % ${POOL}
     JOIN seed_pool pr ON pr.kind = 'reason' AND pr.i = n.g % ${POOL}`,
  );
  await step(
    'dispatches',
    `INSERT INTO dispatch (id, "needId", round, "teamId", "orgUnitId", tier, status, "slaDueAt", "createdAt", "closedAt")
     SELECT gen_random_uuid(), n.id, 1, n.team_id, n.station_id, 'station'::"OrgTier",
       (CASE WHEN n.escalated THEN 'escalated' WHEN n.take_at IS NOT NULL THEN 'claimed' WHEN n.status = 'dispatched' THEN 'open' ELSE 'superseded' END)::"DispatchStatus",
       n.created + interval '30 minutes', n.created + interval '2 seconds',
       CASE WHEN n.escalated THEN n.created + interval '30 minutes' WHEN n.take_at IS NOT NULL THEN n.take_at END
     FROM seed_need n WHERE n.status NOT IN ('submitted', 'unrouted')
     UNION ALL
     SELECT gen_random_uuid(), n.id, 2, NULL::uuid, n.town_id, 'institute'::"OrgTier",
       (CASE WHEN n.take_at IS NOT NULL THEN 'claimed' WHEN n.status = 'dispatched' THEN 'open' ELSE 'superseded' END)::"DispatchStatus",
       n.created + interval '90 minutes', n.created + interval '30 minutes', n.take_at
     FROM seed_need n WHERE n.escalated AND n.status NOT IN ('submitted', 'unrouted')`,
  );
  await step(
    'claims',
    `INSERT INTO claim (id, "needId", "dispatchId", "volunteerId", status, "createdAt", "endedAt", "progressAt")
     SELECT gen_random_uuid(), n.id, d.id, n.volunteer_id,
       (CASE WHEN n.status IN ('done','confirmed') THEN 'completed' ELSE 'active' END)::"ClaimStatus",
       n.take_at, n.done_at, coalesce(n.done_at, n.take_at)
     FROM seed_need n JOIN dispatch d ON d."needId" = n.id AND d.round = CASE WHEN n.escalated THEN 2 ELSE 1 END
     WHERE n.take_at IS NOT NULL`,
  );
  await step(
    'service_records',
    `INSERT INTO service_record (id, "needId", "claimId", "volunteerId", hours, status, "creditedBy", "creditedAt", "createdAt", "finishedAt")
     SELECT gen_random_uuid(), c."needId", c.id, c."volunteerId", n.hours,
       (CASE WHEN n.status = 'confirmed' THEN 'credited' ELSE 'pending' END)::"ServiceRecordStatus",
       CASE WHEN n.status = 'confirmed' THEN 'resident' END, CASE WHEN n.status = 'confirmed' THEN n.done_at + interval '2 hours' END,
       n.done_at, n.done_at
     FROM seed_need n JOIN claim c ON c."needId" = n.id WHERE n.done_at IS NOT NULL`,
  );
  await step(
    'ratings',
    `INSERT INTO rating (id, "needId", "residentId", "volunteerId", score, "createdAt")
     SELECT gen_random_uuid(), n.id, r.id, n.volunteer_id, n.score, n.done_at + interval '3 hours'
     FROM seed_need n JOIN seed_resident r ON r.idx = n.resident_idx WHERE n.score IS NOT NULL`,
  );
  await client.query('COMMIT');
  await client.query(`RESET baiying.reports_off`);
  const t = Date.now();
  for (const table of ['org_unit', 'team', 'person', 'volunteer', 'need', 'dispatch', 'claim', 'service_record', 'rating'])
    await client.query(`ANALYZE ${table}`);
  steps.analyze = Math.round((Date.now() - t) / 100) / 10;
  return steps;
}
