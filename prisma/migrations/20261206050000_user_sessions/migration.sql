-- Sessions that can be ended (docs/decisions/011-security.md): one row per browser sign-in; the
-- session cookie carries its id. Revoking (sign-out) or deleting a row drops its user's cached
-- state on every instance, so the next request with that cookie is refused everywhere.
CREATE TABLE "user_session" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "ip" VARCHAR(64),
    "user_agent" VARCHAR(300),

    CONSTRAINT "user_session_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "user_session_user_id_expires_at_idx" ON "user_session"("user_id", "expires_at");

ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TRIGGER user_session_cache AFTER DELETE ON user_session
  FOR EACH ROW EXECUTE FUNCTION app_cache_notify_row('users', 'user_id');
CREATE TRIGGER user_session_cache_update AFTER UPDATE OF revoked_at ON user_session
  FOR EACH ROW EXECUTE FUNCTION app_cache_notify_row('users', 'user_id');
