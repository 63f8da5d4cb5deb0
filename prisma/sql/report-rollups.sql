-- Applied after `prisma migrate deploy` by scripts/db-tools.ts (idempotent): the report rollups'
-- functions and triggers (tables: migration 20261206110000_report_rollups). Decision 0022,
-- docs/reports.md.

CREATE OR REPLACE FUNCTION report_bucket(secs double precision) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT width_bucket(secs, ARRAY[60,120,180,300,420,600,900,1200,1800,2700,3600,5400,7200,10800,14400,21600,28800,43200,64800,86400,172800,259200,604800]::double precision[]) + 1
$$;

-- A histogram of n slots from the slot numbers (1..n) of its items.
CREATE OR REPLACE FUNCTION report_hist(items int[], n int) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(coalesce(c, 0)::int ORDER BY i)
  FROM generate_series(1, n) i
  LEFT JOIN (SELECT b, count(*) AS c FROM unnest(items) b WHERE b IS NOT NULL GROUP BY b) x ON x.b = i
$$;

-- a + sign × b, element-wise.
CREATE OR REPLACE FUNCTION report_vadd(a int[], b int[], sign int) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(coalesce(x, 0) + sign * coalesce(y, 0) ORDER BY i)
  FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i)
$$;

-- The units a station needs count under: the station and its ancestors (from the path).
CREATE OR REPLACE FUNCTION report_units(station uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(p::uuid), ARRAY[station])
  FROM org_unit u, unnest(string_to_array(trim(both '/' from u.path), '/')) p
  WHERE u.id = station AND p <> ''
$$;

-- One row per need created in [lo, hi) (UTC, as stored), optionally of one station: what the
-- rollups count about it.
CREATE OR REPLACE FUNCTION report_facts(lo timestamp, hi timestamp, station uuid, tz text)
RETURNS TABLE (
  need_id uuid, day date, station_id uuid, category_code text, status text, hour int, beneficiary int,
  dispatched int, escalated int, taken int, first_tier int, sla_breached int, take_sec double precision,
  done_sec double precision, score int, hours numeric, team_id uuid
) LANGUAGE sql STABLE AS $$
  WITH n AS (
    SELECT id, "stationId", "categoryCode", status::text AS status, beneficiary, "createdAt"
    FROM need
    WHERE "createdAt" >= lo AND "createdAt" < hi AND (station IS NULL OR "stationId" = station)
  ),
  d AS (
    SELECT d."needId", bool_or(d.status = 'escalated') AS escalated
    FROM dispatch d JOIN n ON n.id = d."needId" GROUP BY d."needId"
  ),
  fc AS (
    SELECT DISTINCT ON (c."needId") c."needId", c."createdAt", dd.round, dd."slaDueAt"
    FROM claim c JOIN n ON n.id = c."needId" JOIN dispatch dd ON dd.id = c."dispatchId"
    ORDER BY c."needId", c."createdAt", c.id
  ),
  lc AS (
    SELECT DISTINCT ON (c."needId") c."needId", dd."teamId"
    FROM claim c JOIN n ON n.id = c."needId" JOIN dispatch dd ON dd.id = c."dispatchId"
    ORDER BY c."needId", c."createdAt" DESC, c.id DESC
  ),
  sr AS (
    SELECT s."needId", min(s."finishedAt") AS finished, sum(s.hours) FILTER (WHERE s.status = 'credited') AS hours
    FROM service_record s JOIN n ON n.id = s."needId" WHERE s.status <> 'voided' GROUP BY s."needId"
  )
  SELECT n.id,
    ((n."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE tz)::date,
    n."stationId", n."categoryCode", n.status,
    extract(hour FROM (n."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE tz)::int,
    coalesce(array_position(ARRAY['elderly','child','disabled','hardship','none'], n.beneficiary), 5),
    (d."needId" IS NOT NULL)::int,
    coalesce(d.escalated, false)::int,
    (fc."needId" IS NOT NULL)::int,
    coalesce(fc.round = 1, false)::int,
    (coalesce(d.escalated, false) OR coalesce(fc."createdAt" > fc."slaDueAt", false))::int,
    extract(epoch FROM fc."createdAt" - n."createdAt"),
    extract(epoch FROM sr.finished - n."createdAt"),
    r.score,
    coalesce(sr.hours, 0),
    lc."teamId"
  FROM n
  LEFT JOIN d ON d."needId" = n.id
  LEFT JOIN fc ON fc."needId" = n.id
  LEFT JOIN lc ON lc."needId" = n.id
  LEFT JOIN sr ON sr."needId" = n.id
  LEFT JOIN rating r ON r."needId" = n.id
$$;

-- The rollup rows of the needs created in [lo, hi): at the station level only, or at every level.
CREATE OR REPLACE FUNCTION report_need_rows(lo timestamp, hi timestamp, station uuid, tz text, all_levels boolean)
RETURNS SETOF report_need_day LANGUAGE sql STABLE AS $$
  SELECT f.day, u.unit_id, bool_and(u.unit_id = f.station_id), f.category_code, f.status,
    count(*)::int, sum(f.dispatched)::int, sum(f.taken)::int, sum(f.first_tier)::int, sum(f.escalated)::int,
    sum(f.sla_breached)::int,
    count(f.take_sec)::int, coalesce(sum(round(f.take_sec)), 0)::bigint,
    report_hist(array_agg(report_bucket(f.take_sec)) FILTER (WHERE f.take_sec IS NOT NULL), 24),
    count(f.done_sec)::int, coalesce(sum(round(f.done_sec)), 0)::bigint,
    report_hist(array_agg(report_bucket(f.done_sec)) FILTER (WHERE f.done_sec IS NOT NULL), 24),
    count(f.score)::int, coalesce(sum(f.score), 0)::int,
    report_hist(array_agg(f.score) FILTER (WHERE f.score IS NOT NULL), 5),
    coalesce(sum(f.hours), 0),
    report_hist(array_agg(f.hour + 1), 24),
    report_hist(array_agg(f.beneficiary), 5)
  FROM report_facts(lo, hi, station, tz) f
  CROSS JOIN LATERAL (
    SELECT x AS unit_id FROM unnest(CASE WHEN all_levels THEN report_units(f.station_id) ELSE ARRAY[f.station_id] END) x
  ) u
  GROUP BY f.day, u.unit_id, f.category_code, f.status
$$;

CREATE OR REPLACE FUNCTION report_volunteer_rows(lo timestamp, hi timestamp, station uuid, tz text, all_levels boolean)
RETURNS SETOF report_volunteer_day LANGUAGE sql STABLE AS $$
  SELECT ((n."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE tz)::date, u.unit_id, bool_and(u.unit_id = n."stationId"), n."categoryCode", s."volunteerId",
    count(*)::int, sum(s.hours)
  FROM need n
  JOIN service_record s ON s."needId" = n.id AND s.status = 'credited'
  CROSS JOIN LATERAL (
    SELECT x AS unit_id FROM unnest(CASE WHEN all_levels THEN report_units(n."stationId") ELSE ARRAY[n."stationId"] END) x
  ) u
  WHERE n."createdAt" >= lo AND n."createdAt" < hi AND (station IS NULL OR n."stationId" = station)
  GROUP BY 1, 2, 4, 5
$$;

CREATE OR REPLACE FUNCTION report_team_rows(lo timestamp, hi timestamp, station uuid, tz text, all_levels boolean)
RETURNS SETOF report_team_day LANGUAGE sql STABLE AS $$
  SELECT f.day, u.unit_id, bool_and(u.unit_id = f.station_id), f.team_id,
    count(*)::int, count(f.done_sec)::int, count(f.score)::int, coalesce(sum(f.score), 0)::int, coalesce(sum(f.hours), 0)
  FROM report_facts(lo, hi, station, tz) f
  CROSS JOIN LATERAL (
    SELECT x AS unit_id FROM unnest(CASE WHEN all_levels THEN report_units(f.station_id) ELSE ARRAY[f.station_id] END) x
  ) u
  WHERE f.team_id IS NOT NULL
  GROUP BY f.day, u.unit_id, f.team_id
$$;

-- UTC bounds (as stored) of a local day.
CREATE OR REPLACE FUNCTION report_day_lo(d date, tz text) RETURNS timestamp LANGUAGE sql IMMUTABLE AS $$
  SELECT (d::timestamp AT TIME ZONE tz) AT TIME ZONE 'UTC'
$$;

-- Recomputes one station rows of one day from the raw rows and moves its ancestors rows by
-- the exact difference. Serialised per (station, day) by an advisory lock held to commit: a
-- concurrent change to the same days needs waits and then sees this ones committed rows.
CREATE OR REPLACE FUNCTION report_refresh(p_day date, p_station uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  lo timestamp;
  hi timestamp;
  anc uuid[];
  r record;
  v record;
  t record;
BEGIN
  SELECT coalesce(max(time_zone), 'Asia/Shanghai') INTO tz FROM report_setting WHERE id = 1;
  PERFORM pg_advisory_xact_lock(hashtextextended('report:' || p_station::text || ':' || p_day::text, 0));
  lo := report_day_lo(p_day, tz);
  hi := report_day_lo(p_day + 1, tz);
  anc := array_remove(report_units(p_station), p_station);

  IF to_regclass('pg_temp.report_old_need') IS NULL THEN
    CREATE TEMP TABLE report_old_need (LIKE report_need_day) ON COMMIT DELETE ROWS;
    CREATE TEMP TABLE report_old_volunteer (LIKE report_volunteer_day) ON COMMIT DELETE ROWS;
    CREATE TEMP TABLE report_old_team (LIKE report_team_day) ON COMMIT DELETE ROWS;
  END IF;
  TRUNCATE report_old_need, report_old_volunteer, report_old_team;

  WITH gone AS (DELETE FROM report_need_day WHERE unit_id = p_station AND day = p_day RETURNING *)
  INSERT INTO report_old_need SELECT * FROM gone;
  INSERT INTO report_need_day SELECT * FROM report_need_rows(lo, hi, p_station, tz, false);
  WITH gone AS (DELETE FROM report_volunteer_day WHERE unit_id = p_station AND day = p_day RETURNING *)
  INSERT INTO report_old_volunteer SELECT * FROM gone;
  INSERT INTO report_volunteer_day SELECT * FROM report_volunteer_rows(lo, hi, p_station, tz, false);
  WITH gone AS (DELETE FROM report_team_day WHERE unit_id = p_station AND day = p_day RETURNING *)
  INSERT INTO report_old_team SELECT * FROM gone;
  INSERT INTO report_team_day SELECT * FROM report_team_rows(lo, hi, p_station, tz, false);

  IF array_length(anc, 1) IS NULL THEN
    RETURN;
  END IF;
  -- Ancestors: minus the old rows, plus the new ones (in key order, to keep lock order stable).
  FOR r IN
    SELECT o.*, -1 AS sgn FROM report_old_need o
    UNION ALL SELECT n.*, 1 FROM report_need_day n WHERE n.unit_id = p_station AND n.day = p_day
    ORDER BY category_code, status, sgn
  LOOP
    INSERT INTO report_need_day AS x
    SELECT p_day, a, false, r.category_code, r.status, r.sgn * r.needs, r.sgn * r.dispatched, r.sgn * r.taken, r.sgn * r.first_tier,
      r.sgn * r.escalated, r.sgn * r.sla_breached, r.sgn * r.take_n, r.sgn * r.take_sec, report_vadd(array_fill(0, ARRAY[24]), r.take_hist, r.sgn),
      r.sgn * r.done_n, r.sgn * r.done_sec, report_vadd(array_fill(0, ARRAY[24]), r.done_hist, r.sgn), r.sgn * r.rated, r.sgn * r.rating_sum,
      report_vadd(array_fill(0, ARRAY[5]), r.rating_hist, r.sgn), r.sgn * r.hours, report_vadd(array_fill(0, ARRAY[24]), r.hour_hist, r.sgn),
      report_vadd(array_fill(0, ARRAY[5]), r.beneficiary_hist, r.sgn)
    FROM unnest(anc) a ORDER BY a
    ON CONFLICT (unit_id, day, category_code, status) DO UPDATE SET
      needs = x.needs + EXCLUDED.needs, dispatched = x.dispatched + EXCLUDED.dispatched, taken = x.taken + EXCLUDED.taken,
      first_tier = x.first_tier + EXCLUDED.first_tier, escalated = x.escalated + EXCLUDED.escalated,
      sla_breached = x.sla_breached + EXCLUDED.sla_breached, take_n = x.take_n + EXCLUDED.take_n, take_sec = x.take_sec + EXCLUDED.take_sec,
      take_hist = report_vadd(x.take_hist, EXCLUDED.take_hist, 1), done_n = x.done_n + EXCLUDED.done_n, done_sec = x.done_sec + EXCLUDED.done_sec,
      done_hist = report_vadd(x.done_hist, EXCLUDED.done_hist, 1), rated = x.rated + EXCLUDED.rated, rating_sum = x.rating_sum + EXCLUDED.rating_sum,
      rating_hist = report_vadd(x.rating_hist, EXCLUDED.rating_hist, 1), hours = x.hours + EXCLUDED.hours,
      hour_hist = report_vadd(x.hour_hist, EXCLUDED.hour_hist, 1), beneficiary_hist = report_vadd(x.beneficiary_hist, EXCLUDED.beneficiary_hist, 1);
  END LOOP;
  DELETE FROM report_need_day WHERE unit_id = ANY(anc) AND day = p_day AND needs = 0;

  FOR v IN
    SELECT o.*, -1 AS sgn FROM report_old_volunteer o
    UNION ALL SELECT n.*, 1 FROM report_volunteer_day n WHERE n.unit_id = p_station AND n.day = p_day
    ORDER BY category_code, volunteer_id, sgn
  LOOP
    INSERT INTO report_volunteer_day AS x SELECT p_day, a, false, v.category_code, v.volunteer_id, v.sgn * v.jobs, v.sgn * v.hours FROM unnest(anc) a ORDER BY a
    ON CONFLICT (unit_id, day, category_code, volunteer_id) DO UPDATE SET jobs = x.jobs + EXCLUDED.jobs, hours = x.hours + EXCLUDED.hours;
  END LOOP;
  DELETE FROM report_volunteer_day WHERE unit_id = ANY(anc) AND day = p_day AND jobs = 0;

  FOR t IN
    SELECT o.*, -1 AS sgn FROM report_old_team o
    UNION ALL SELECT n.*, 1 FROM report_team_day n WHERE n.unit_id = p_station AND n.day = p_day
    ORDER BY team_id, sgn
  LOOP
    INSERT INTO report_team_day AS x
    SELECT p_day, a, false, t.team_id, t.sgn * t.taken, t.sgn * t.done, t.sgn * t.rated, t.sgn * t.rating_sum, t.sgn * t.hours FROM unnest(anc) a ORDER BY a
    ON CONFLICT (unit_id, day, team_id) DO UPDATE SET taken = x.taken + EXCLUDED.taken, done = x.done + EXCLUDED.done,
      rated = x.rated + EXCLUDED.rated, rating_sum = x.rating_sum + EXCLUDED.rating_sum, hours = x.hours + EXCLUDED.hours;
  END LOOP;
  DELETE FROM report_team_day WHERE unit_id = ANY(anc) AND day = p_day AND taken = 0;
END
$$;

-- Refreshes the (station, day) of a need.
CREATE OR REPLACE FUNCTION report_touch_need(p_need uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  st uuid;
  at timestamp;
BEGIN
  SELECT "stationId", "createdAt" INTO st, at FROM need WHERE id = p_need;
  IF st IS NULL THEN
    RETURN;
  END IF;
  SELECT coalesce(max(time_zone), 'Asia/Shanghai') INTO tz FROM report_setting WHERE id = 1;
  PERFORM report_refresh(((at AT TIME ZONE 'UTC') AT TIME ZONE tz)::date, st);
END
$$;

-- Bulk loads (the county seed) may switch the triggers off for their transaction with
-- SET LOCAL baiying.reports_off = on and must rebuild afterwards, the drift check finds any
-- day left behind.
CREATE OR REPLACE FUNCTION report_need_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz text;
BEGIN
  IF current_setting('baiying.reports_off', true) = 'on' THEN
    RETURN NULL;
  END IF;
  SELECT coalesce(max(time_zone), 'Asia/Shanghai') INTO tz FROM report_setting WHERE id = 1;
  IF TG_OP <> 'INSERT' THEN
    PERFORM report_refresh(((OLD."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE tz)::date, OLD."stationId");
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD."stationId" <> NEW."stationId" OR OLD."createdAt" <> NEW."createdAt") THEN
    PERFORM report_refresh(((NEW."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE tz)::date, NEW."stationId");
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION report_child_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('baiying.reports_off', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM report_touch_need(OLD."needId");
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD."needId" <> NEW."needId") THEN
    PERFORM report_touch_need(NEW."needId");
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS report_need ON need;
CREATE TRIGGER report_need AFTER INSERT OR DELETE OR UPDATE OF status, "stationId", "categoryCode", beneficiary, "createdAt" ON need
  FOR EACH ROW EXECUTE FUNCTION report_need_trigger();
DROP TRIGGER IF EXISTS report_dispatch ON dispatch;
CREATE TRIGGER report_dispatch AFTER INSERT OR DELETE OR UPDATE OF status, round, "slaDueAt", "teamId", "needId" ON dispatch
  FOR EACH ROW EXECUTE FUNCTION report_child_trigger();
DROP TRIGGER IF EXISTS report_claim ON claim;
CREATE TRIGGER report_claim AFTER INSERT OR DELETE OR UPDATE OF "createdAt", "dispatchId", "needId" ON claim
  FOR EACH ROW EXECUTE FUNCTION report_child_trigger();
DROP TRIGGER IF EXISTS report_service_record ON service_record;
CREATE TRIGGER report_service_record AFTER INSERT OR DELETE OR UPDATE OF status, hours, "finishedAt", "volunteerId", "needId" ON service_record
  FOR EACH ROW EXECUTE FUNCTION report_child_trigger();
DROP TRIGGER IF EXISTS report_rating ON rating;
CREATE TRIGGER report_rating AFTER INSERT OR DELETE OR UPDATE OF score, "needId" ON rating
  FOR EACH ROW EXECUTE FUNCTION report_child_trigger();

-- Rebuilds every level of the days in [from, to] (local, inclusive) from the raw rows.
CREATE OR REPLACE FUNCTION report_rebuild(p_from date, p_to date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tz text;
BEGIN
  SELECT coalesce(max(time_zone), 'Asia/Shanghai') INTO tz FROM report_setting WHERE id = 1;
  PERFORM pg_advisory_xact_lock(hashtextextended('report:rebuild', 0));
  DELETE FROM report_need_day WHERE day BETWEEN p_from AND p_to;
  DELETE FROM report_volunteer_day WHERE day BETWEEN p_from AND p_to;
  DELETE FROM report_team_day WHERE day BETWEEN p_from AND p_to;
  INSERT INTO report_need_day SELECT * FROM report_need_rows(report_day_lo(p_from, tz), report_day_lo(p_to + 1, tz), NULL, tz, true);
  INSERT INTO report_volunteer_day SELECT * FROM report_volunteer_rows(report_day_lo(p_from, tz), report_day_lo(p_to + 1, tz), NULL, tz, true);
  INSERT INTO report_team_day SELECT * FROM report_team_rows(report_day_lo(p_from, tz), report_day_lo(p_to + 1, tz), NULL, tz, true);
  -- Calls (prisma/sql/reports-calls.sql).
  PERFORM report_call_rebuild(p_from, p_to, tz);
END
$$;
