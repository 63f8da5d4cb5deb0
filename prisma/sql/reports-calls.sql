-- Applied after `prisma migrate deploy` by scripts/db-tools.ts (idempotent; files in name order, so
-- this one after report-rollups.sql, whose report_units and report_day_lo it uses): calls (一呼百应) in
-- the report rollups (table: migration 20261206174000_report_call_day; decision 0036,
-- docs/reports.md). A call counts on the local day of its start, under its unit and each
-- ancestor (report_units); the row of every level is moved by the exact difference of each statement
-- on call or call_recipient, in the same transaction; the drift check compares sampled days with
-- report_call_rows.

-- The rollup rows of the calls starting in [lo, hi) (UTC, as stored), at every level.
CREATE OR REPLACE FUNCTION report_call_rows(lo timestamp, hi timestamp, tz text)
RETURNS SETOF report_call_day LANGUAGE sql STABLE AS $$
  WITH c AS (
    SELECT c.id, c."orgUnitId", ((c."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE tz)::date AS day,
      count(r."personId")::int AS recipients, count(r."queuedAt")::int AS reached, count(r.answer)::int AS answered,
      (count(*) FILTER (WHERE r.answer = 'yes'))::int AS yes, count(r."checkedInAt")::int AS attended,
      coalesce(sum(r.hours) FILTER (WHERE r."creditedAt" IS NOT NULL), 0) AS hours
    FROM call c LEFT JOIN call_recipient r ON r."callId" = c.id
    WHERE c."startsAt" >= lo AND c."startsAt" < hi
    GROUP BY c.id
  )
  SELECT c.day, u.unit_id, count(*)::int, sum(c.recipients)::int, sum(c.reached)::int, sum(c.answered)::int, sum(c.yes)::int,
    sum(c.attended)::int, sum(c.hours)
  FROM c CROSS JOIN LATERAL unnest(report_units(c."orgUnitId")) u(unit_id)
  GROUP BY c.day, u.unit_id
$$;

-- Adds the differences collected in report_call_delta (by this statement) to every level.
CREATE OR REPLACE FUNCTION report_call_apply() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tz text;
BEGIN
  SELECT coalesce(max(time_zone), 'Asia/Shanghai') INTO tz FROM report_setting WHERE id = 1;
  INSERT INTO report_call_day AS x (day, unit_id, calls, recipients, reached, answered, yes, attended, hours)
  SELECT ((d.starts_at AT TIME ZONE 'UTC') AT TIME ZONE tz)::date, u.unit_id, sum(d.calls), sum(d.recipients), sum(d.reached),
    sum(d.answered), sum(d.yes), sum(d.attended), sum(d.hours)
  FROM report_call_delta d CROSS JOIN LATERAL unnest(report_units(d.org_unit_id)) u(unit_id)
  GROUP BY 1, 2
  HAVING sum(d.calls) <> 0 OR sum(d.recipients) <> 0 OR sum(d.reached) <> 0 OR sum(d.answered) <> 0 OR sum(d.yes) <> 0
    OR sum(d.attended) <> 0 OR sum(d.hours) <> 0
  ORDER BY 2, 1
  ON CONFLICT (unit_id, day) DO UPDATE SET calls = x.calls + EXCLUDED.calls, recipients = x.recipients + EXCLUDED.recipients,
    reached = x.reached + EXCLUDED.reached, answered = x.answered + EXCLUDED.answered, yes = x.yes + EXCLUDED.yes,
    attended = x.attended + EXCLUDED.attended, hours = x.hours + EXCLUDED.hours;
  TRUNCATE report_call_delta;
END
$$;

-- call_recipient: the rows of each statement (new minus old) counted under the start and unit of their call.
CREATE OR REPLACE FUNCTION report_call_recipient_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('baiying.reports_off', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF to_regclass('pg_temp.report_call_delta') IS NULL THEN
    CREATE TEMP TABLE report_call_delta (
      starts_at timestamp, org_unit_id uuid, calls int, recipients int, reached int, answered int, yes int, attended int, hours numeric
    ) ON COMMIT DELETE ROWS;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_call_delta
    SELECT c."startsAt", c."orgUnitId", 0, 1, (r."queuedAt" IS NOT NULL)::int, (r.answer IS NOT NULL)::int, (r.answer IS NOT DISTINCT FROM 'yes')::int,
      (r."checkedInAt" IS NOT NULL)::int, CASE WHEN r."creditedAt" IS NOT NULL THEN coalesce(r.hours, 0) ELSE 0 END
    FROM report_new r JOIN call c ON c.id = r."callId";
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_call_delta
    SELECT c."startsAt", c."orgUnitId", 0, -1, -(r."queuedAt" IS NOT NULL)::int, -(r.answer IS NOT NULL)::int, -(r.answer IS NOT DISTINCT FROM 'yes')::int,
      -(r."checkedInAt" IS NOT NULL)::int, CASE WHEN r."creditedAt" IS NOT NULL THEN -coalesce(r.hours, 0) ELSE 0 END
    FROM report_old r JOIN call c ON c.id = r."callId";
  END IF;
  PERFORM report_call_apply();
  RETURN NULL;
END
$$;

-- call: a new call counts once; a call whose start or unit changes moves with all its recipients.
CREATE OR REPLACE FUNCTION report_call_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('baiying.reports_off', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."startsAt" = NEW."startsAt" AND OLD."orgUnitId" = NEW."orgUnitId" THEN
    RETURN NULL;
  END IF;
  IF to_regclass('pg_temp.report_call_delta') IS NULL THEN
    CREATE TEMP TABLE report_call_delta (
      starts_at timestamp, org_unit_id uuid, calls int, recipients int, reached int, answered int, yes int, attended int, hours numeric
    ) ON COMMIT DELETE ROWS;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_call_delta
    SELECT NEW."startsAt", NEW."orgUnitId", 1, count(r."personId"), count(r."queuedAt"), count(r.answer), count(*) FILTER (WHERE r.answer = 'yes'),
      count(r."checkedInAt"), coalesce(sum(r.hours) FILTER (WHERE r."creditedAt" IS NOT NULL), 0)
    FROM (SELECT 1) one LEFT JOIN call_recipient r ON r."callId" = NEW.id;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_call_delta
    SELECT OLD."startsAt", OLD."orgUnitId", -1, -count(r."personId"), -count(r."queuedAt"), -count(r.answer), -count(*) FILTER (WHERE r.answer = 'yes'),
      -count(r."checkedInAt"), -coalesce(sum(r.hours) FILTER (WHERE r."creditedAt" IS NOT NULL), 0)
    FROM (SELECT 1) one LEFT JOIN call_recipient r ON r."callId" = OLD.id;
  END IF;
  PERFORM report_call_apply();
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM report_call_day WHERE calls = 0;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS report_call_recipient_ins ON call_recipient;
CREATE TRIGGER report_call_recipient_ins AFTER INSERT ON call_recipient REFERENCING NEW TABLE AS report_new
  FOR EACH STATEMENT EXECUTE FUNCTION report_call_recipient_trigger();
DROP TRIGGER IF EXISTS report_call_recipient_upd ON call_recipient;
CREATE TRIGGER report_call_recipient_upd AFTER UPDATE ON call_recipient REFERENCING OLD TABLE AS report_old NEW TABLE AS report_new
  FOR EACH STATEMENT EXECUTE FUNCTION report_call_recipient_trigger();
DROP TRIGGER IF EXISTS report_call_recipient_del ON call_recipient;
CREATE TRIGGER report_call_recipient_del AFTER DELETE ON call_recipient REFERENCING OLD TABLE AS report_old
  FOR EACH STATEMENT EXECUTE FUNCTION report_call_recipient_trigger();
DROP TRIGGER IF EXISTS report_call ON call;
CREATE TRIGGER report_call AFTER INSERT OR DELETE OR UPDATE OF "startsAt", "orgUnitId" ON call
  FOR EACH ROW EXECUTE FUNCTION report_call_trigger();

-- Rebuilds the call rows of the days in [from, to] (local, inclusive) from the raw rows.
CREATE OR REPLACE FUNCTION report_call_rebuild(p_from date, p_to date, tz text) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_call_day WHERE day BETWEEN p_from AND p_to;
  INSERT INTO report_call_day SELECT * FROM report_call_rows(report_day_lo(p_from, tz), report_day_lo(p_to + 1, tz), tz);
$$;
