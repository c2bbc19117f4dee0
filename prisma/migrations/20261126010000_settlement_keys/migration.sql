-- Idempotency moves from the ledger stats.settlement_key into the records themselves
-- (docs/decisions/007-statistics.md, "Import path"): a unique index per monthly partition on
-- (settlement_id, status, settled_day) lets the import COPY new records straight into their
-- partitions, the index refusing any key already there. Reversals get a table of their own:
-- one row per reversed settlement_id, `matched` once its SETTLED record was found and cancelled
-- (a reversal may arrive before its record).

CREATE UNIQUE INDEX settlement_key_idx ON stats.settlement (settlement_id, status, settled_day);

CREATE TABLE stats.settlement_reversal (
  settlement_id text COLLATE "C" NOT NULL PRIMARY KEY,
  settled_at    timestamptz NOT NULL,
  settled_day   date NOT NULL,
  import_id     integer NOT NULL,
  row_no        integer NOT NULL,
  matched       boolean NOT NULL DEFAULT false
);
CREATE INDEX settlement_reversal_waiting_idx ON stats.settlement_reversal (settlement_id) WHERE NOT matched;

-- Reversals known so far (the ledger kept their Beijing day, not the instant: midnight stands in).
INSERT INTO stats.settlement_reversal (settlement_id, settled_at, settled_day, import_id, row_no, matched)
SELECT k.settlement_id, k.settled_day::timestamp AT TIME ZONE 'Asia/Shanghai', k.settled_day, k.import_id, k.row_no,
       EXISTS (SELECT 1 FROM stats.settlement s WHERE s.settlement_id = k.settlement_id AND s.status = 'S' AND s.reversed)
  FROM stats.settlement_key k WHERE k.status = 'R';

DROP TABLE stats.settlement_key;

