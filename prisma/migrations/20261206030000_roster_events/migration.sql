-- The roster as cached reference data (docs/decisions/010-scale-out.md): coverage counts per region
-- are kept per process and dropped on every instance when any roster table changes.
CREATE TRIGGER institution_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON institution
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify_statement('roster');
CREATE TRIGGER institution_service_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON institution_service
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify_statement('roster');
CREATE TRIGGER institution_status_event_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON institution_status_event
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify_statement('roster');
CREATE TRIGGER institution_history_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON institution_history
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify_statement('roster');
