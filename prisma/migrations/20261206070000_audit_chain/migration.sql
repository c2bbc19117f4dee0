-- Tamper-evident audit (docs/decisions/011-security.md).
-- 1. Rows are append-only for the application's role: UPDATE and DELETE are refused by a trigger,
--    except the one update the sealer makes (setting seq, prev_hash, hash of a row not yet sealed,
--    nothing else). TRUNCATE is refused too.
-- 2. A periodic job seals new rows in id order into one hash chain:
--    hash = sha256(prev_hash ‖ the row's content), seq numbering the chain. Sealing after commit,
--    not inside each writing transaction, keeps audited writes from queueing on one lock; a row
--    is unsealed only until the next tick (and append-only meanwhile).
-- 3. audit_verify() recomputes the chain and names the first row that does not match.
ALTER TABLE "audit_log" ADD COLUMN "seq" BIGINT, ADD COLUMN "prev_hash" BYTEA, ADD COLUMN "hash" BYTEA;
CREATE UNIQUE INDEX "audit_log_seq_key" ON "audit_log"("seq");
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log"("id") WHERE "seq" IS NULL;

-- The content a row's hash covers, in a form that does not depend on the client (jsonb prints
-- its keys in one order; the instant in UTC with milliseconds).
CREATE FUNCTION audit_row_digest(r audit_log, prev bytea) RETURNS bytea LANGUAGE sql STABLE AS $$
  SELECT sha256(
    coalesce(prev, '\x'::bytea) ||
    convert_to(concat_ws(E'\x1f',
      r.seq::text, r.id::text, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS'),
      coalesce(r.actor_id::text, ''), r.actor_name, coalesce(r.actor_region, ''), r.action, r.entity_type, r.entity_id,
      coalesce(r.entity_region, ''), coalesce(r.before::text, ''), coalesce(r.after::text, ''), coalesce(r.ip, '')
    ), 'UTF8'))
$$;

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
     AND (NEW.id, NEW.at, NEW.actor_id, NEW.actor_name, NEW.actor_region, NEW.action, NEW.entity_type, NEW.entity_id,
          NEW.entity_region, NEW.before, NEW.after, NEW.ip)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.at, OLD.actor_id, OLD.actor_name, OLD.actor_region, OLD.action, OLD.entity_type, OLD.entity_id,
          OLD.entity_region, OLD.before, OLD.after, OLD.ip) THEN
    RETURN NEW; -- the sealer
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Seals up to `max_rows` unsealed rows, oldest first; one sealer at a time. Returns how many.
CREATE FUNCTION audit_seal(max_rows int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  prev bytea;
  next_seq bigint;
  r audit_log;
  n int := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit_seal'));
  SELECT hash, seq + 1 INTO prev, next_seq FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
  next_seq := coalesce(next_seq, 1);
  FOR r IN SELECT * FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT max_rows LOOP
    r.seq := next_seq;
    r.prev_hash := prev;
    r.hash := audit_row_digest(r, prev);
    UPDATE audit_log SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
    prev := r.hash;
    next_seq := next_seq + 1;
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;

-- The first sealed row (in chain order) whose hash or link does not match, or no row at all.
CREATE FUNCTION audit_verify() RETURNS TABLE (seq bigint, id bigint, problem text) LANGUAGE plpgsql AS $$
DECLARE
  prev bytea := NULL;
  expected_seq bigint := 1;
  r audit_log;
BEGIN
  FOR r IN SELECT * FROM audit_log a WHERE a.seq IS NOT NULL ORDER BY a.seq LOOP
    IF r.seq <> expected_seq THEN
      seq := expected_seq; id := NULL; problem := 'missing'; RETURN NEXT; RETURN;
    END IF;
    IF r.prev_hash IS DISTINCT FROM prev THEN
      seq := r.seq; id := r.id; problem := 'link'; RETURN NEXT; RETURN;
    END IF;
    IF r.hash IS DISTINCT FROM audit_row_digest(r, prev) THEN
      seq := r.seq; id := r.id; problem := 'content'; RETURN NEXT; RETURN;
    END IF;
    prev := r.hash;
    expected_seq := expected_seq + 1;
  END LOOP;
END $$;
