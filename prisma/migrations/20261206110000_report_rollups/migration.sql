-- Report rollups (decision 0022, docs/reports.md): daily aggregates of needs per org unit
-- (every station and each of its ancestors) × category × current status, by the needs creation
-- day in the desks time zone, kept in the same transaction as the change by triggers
-- (functions and triggers: prisma/sql/report-rollups.sql, applied after the migrations).
-- A station (day) rows are recomputed from the raw rows on every change to one of that days
-- needs (never incremented by guesswork), its ancestors get the exact difference.

CREATE TABLE report_setting (
  id int PRIMARY KEY CHECK (id = 1),
  -- The zone the days are cut in (TIME_ZONE), `npm run reports:rebuild` sets it and rebuilds.
  time_zone text NOT NULL
);
INSERT INTO report_setting (id, time_zone) VALUES (1, 'Asia/Shanghai');

CREATE TABLE report_need_day (
  day date NOT NULL,
  unit_id uuid NOT NULL,
  -- 1 when unit_id is the needs station itself (the exact, recomputed level).
  station_level boolean NOT NULL,
  category_code text NOT NULL,
  status text NOT NULL,
  needs int NOT NULL,
  dispatched int NOT NULL,
  taken int NOT NULL,
  first_tier int NOT NULL,
  escalated int NOT NULL,
  sla_breached int NOT NULL,
  take_n int NOT NULL,
  take_sec bigint NOT NULL,
  -- Counts per bucket of seconds from creation to the first take (report_bucket: 24 buckets).
  take_hist int[] NOT NULL,
  done_n int NOT NULL,
  done_sec bigint NOT NULL,
  done_hist int[] NOT NULL,
  rated int NOT NULL,
  rating_sum int NOT NULL,
  -- Scores 1..5.
  rating_hist int[] NOT NULL,
  hours numeric(14, 2) NOT NULL,
  -- Needs by local hour of creation (0..23 at 1..24).
  hour_hist int[] NOT NULL,
  -- Needs by beneficiary: elderly, child, disabled, hardship, none (anything else counts as none).
  beneficiary_hist int[] NOT NULL,
  PRIMARY KEY (unit_id, day, category_code, status)
);

-- Credited service per volunteer and day (active volunteers, hours per volunteer), same levels.
CREATE TABLE report_volunteer_day (
  day date NOT NULL,
  unit_id uuid NOT NULL,
  station_level boolean NOT NULL,
  category_code text NOT NULL,
  volunteer_id uuid NOT NULL,
  jobs int NOT NULL,
  hours numeric(14, 2) NOT NULL,
  PRIMARY KEY (unit_id, day, category_code, volunteer_id)
);

-- Jobs per team and day (the league table), same levels.
CREATE TABLE report_team_day (
  day date NOT NULL,
  unit_id uuid NOT NULL,
  station_level boolean NOT NULL,
  team_id uuid NOT NULL,
  taken int NOT NULL,
  done int NOT NULL,
  rated int NOT NULL,
  rating_sum int NOT NULL,
  hours numeric(14, 2) NOT NULL,
  PRIMARY KEY (unit_id, day, team_id)
);

-- The drift check findings (also logged and sent to the countys coordinators).
CREATE TABLE report_check (
  id bigserial PRIMARY KEY,
  checked_at timestamptz NOT NULL DEFAULT now(),
  days date[] NOT NULL,
  differences int NOT NULL,
  detail jsonb NOT NULL DEFAULT '[]'
);

-- Covering indexes for the dashboard (index-only scans once vacuumed): needs by station over a
-- period, the team league table, distinct active volunteers.
CREATE INDEX report_need_day_station_level ON report_need_day (day, unit_id) INCLUDE (needs, done_n, sla_breached) WHERE station_level;
CREATE INDEX report_team_day_cover ON report_team_day (unit_id, day) INCLUDE (team_id, taken, done, rated, rating_sum, hours);
