-- Scale-out (docs/decisions/010-scale-out.md).
--
-- 1. Cache invalidation across app processes: triggers on the tables behind the in-memory
--    caches notify channel `app_cache` with '<topic>' or '<topic>:<id>'. NOTIFY is delivered at
--    commit (never for a rolled-back write), and identical payloads within one transaction are
--    delivered once. Writes that do not change what a cache holds (sign-in counters, a token's
--    last use) name no cached column and notify nothing.
CREATE FUNCTION app_cache_notify_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('app_cache', TG_ARGV[0]);
  RETURN NULL;
END $$;

CREATE FUNCTION app_cache_notify_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT ($1).%I::text', TG_ARGV[1]) INTO key USING OLD;
  ELSE
    EXECUTE format('SELECT ($1).%I::text', TG_ARGV[1]) INTO key USING NEW;
  END IF;
  PERFORM pg_notify('app_cache', TG_ARGV[0] || ':' || key);
  RETURN NULL;
END $$;

-- Agreement facts (eligibility engine): any change to an agreement or its parts.
CREATE TRIGGER agreement_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify_statement('agreements');
CREATE TRIGGER agreement_party_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement_party
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify_statement('agreements');
CREATE TRIGGER agreement_institution_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement_institution
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify_statement('agreements');
CREATE TRIGGER agreement_transition_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement_transition
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify_statement('agreements');

-- Signed-in users (session actor cache): the columns an Actor or the session checks are built from.
CREATE TRIGGER app_user_cache AFTER INSERT OR DELETE ON app_user
  FOR EACH ROW EXECUTE FUNCTION app_cache_notify_row('users', 'id');
CREATE TRIGGER app_user_cache_update
  AFTER UPDATE OF username, display_name, bureau_id, roles, disabled, sessions_valid_from, must_change_password ON app_user
  FOR EACH ROW EXECUTE FUNCTION app_cache_notify_row('users', 'id');

-- Bureaus (names and regions shown for every actor of the bureau).
CREATE TRIGGER bureau_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bureau
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify_statement('bureaus');

-- API tokens (bearer cache): revocation, expiry, deletion — not last_used_at.
CREATE TRIGGER api_token_cache AFTER DELETE ON api_token
  FOR EACH ROW EXECUTE FUNCTION app_cache_notify_row('tokens', 'user_id');
CREATE TRIGGER api_token_cache_update AFTER UPDATE OF revoked_at, expires_at, token_hash, user_id ON api_token
  FOR EACH ROW EXECUTE FUNCTION app_cache_notify_row('tokens', 'user_id');

-- Reference data: region names, business calendars.
CREATE TRIGGER region_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON region
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify_statement('regions');
CREATE TRIGGER business_day_override_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON business_day_override
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify_statement('calendars');

-- 2. Periodic jobs run once per tick across every instance: the instance whose INSERT of
--    (job, slot) succeeds runs that tick; the others skip it.
CREATE TABLE "job_run" (
    "job" VARCHAR(40) NOT NULL,
    "slot" TIMESTAMPTZ(3) NOT NULL,
    "instance" VARCHAR(120) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "outcome" JSONB,

    CONSTRAINT "job_run_pkey" PRIMARY KEY ("job","slot")
);
