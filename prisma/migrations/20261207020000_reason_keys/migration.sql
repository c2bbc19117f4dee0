-- Reasons the system writes on the roster (designation, bulk import, revocation, disease list
-- changes) are stored as catalogue keys (facilities.reasons.*) instead of Chinese text, so every
-- screen shows them in the reader's language (issue 15). Reasons people type stay as typed.
-- The audit log keeps what it recorded (it is append-only and sealed).
CREATE TEMP TABLE reason_key (text_value text PRIMARY KEY, key text NOT NULL) ON COMMIT DROP;
INSERT INTO reason_key VALUES
  ('定点', 'facilities.reasons.designated'),
  ('批量导入', 'facilities.reasons.import'),
  ('批量导入：文件中未列出该服务', 'facilities.reasons.importRemoved'),
  ('病种范围调整', 'facilities.reasons.diseasesChanged'),
  ('解除定点', 'facilities.reasons.revoked');

UPDATE institution i SET status_reason = k.key FROM reason_key k WHERE i.status_reason = k.text_value;
UPDATE institution_status_event e SET reason = k.key FROM reason_key k WHERE e.reason = k.text_value;
UPDATE institution_service s SET close_reason = k.key FROM reason_key k WHERE s.close_reason = k.text_value;
UPDATE institution_history h SET after = jsonb_set(h.after, '{reason}', to_jsonb(k.key))
  FROM reason_key k WHERE jsonb_typeof(h.after) = 'object' AND h.after->>'reason' = k.text_value;
UPDATE institution_history h SET before = jsonb_set(h.before, '{reason}', to_jsonb(k.key))
  FROM reason_key k WHERE jsonb_typeof(h.before) = 'object' AND h.before->>'reason' = k.text_value;
