-- Applied after `prisma migrate deploy` by scripts/db-tools.ts (idempotent). Kept out of the
-- migrations because Prisma's WebAssembly engine splits statements on ';' and breaks
-- PL/pgSQL bodies.

-- The points ledger is append-only: corrections are new entries, never edits.
CREATE OR REPLACE FUNCTION points_entry_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'points_entry is append-only';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS points_entry_no_update ON "points_entry";
CREATE TRIGGER points_entry_no_update BEFORE UPDATE OR DELETE ON "points_entry"
  FOR EACH ROW EXECUTE FUNCTION points_entry_append_only();

-- The audit trail is append-only too: nobody edits or removes what was done.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS audit_log_no_update ON "audit_log";
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

