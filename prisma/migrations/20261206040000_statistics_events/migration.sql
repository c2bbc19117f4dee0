-- Settlement statistics as cached shared data (docs/decisions/010-scale-out.md): dashboard answers
-- are kept per process and dropped on every instance when an import commits (its log row turns
-- DONE in the import's own transaction, so the notification arrives with the new figures).
CREATE TRIGGER settlement_import_cache AFTER UPDATE OF state ON settlement_import
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify_statement('statistics');
