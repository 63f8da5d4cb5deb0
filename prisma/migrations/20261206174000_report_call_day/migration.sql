-- Calls in the report rollups (docs/reports.md, decision 0036): per org unit (the unit of the
-- call and each of its ancestors) and local day of the start of the call, in the zone of
-- report_setting. Kept in the same transaction as each change by statement-level triggers
-- (prisma/sql/reports-calls.sql) that add the exact difference, and the drift check recomputes
-- sampled days from the raw rows.
CREATE TABLE report_call_day (
  day date NOT NULL,
  unit_id uuid NOT NULL,
  -- Calls that start that day (any status: a cancelled call still reached people).
  calls int NOT NULL,
  -- Their recipients (the audience snapshotted at creation).
  recipients int NOT NULL,
  -- Recipients whose message was queued by the fan-out (reach).
  reached int NOT NULL,
  -- Recipients who answered (yes or no), and who answered yes.
  answered int NOT NULL,
  yes int NOT NULL,
  -- Recipients who checked in on the day (attendance).
  attended int NOT NULL,
  -- Credited call hours.
  hours numeric(14, 2) NOT NULL,
  PRIMARY KEY (unit_id, day)
);
