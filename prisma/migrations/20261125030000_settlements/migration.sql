-- CreateEnum
CREATE TYPE "SettlementImportState" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "settlement_import" (
    "id" SERIAL NOT NULL,
    "user_id" UUID,
    "region_code" CHAR(6),
    "source" VARCHAR(16) NOT NULL,
    "file_name" TEXT,
    "encoding" VARCHAR(16),
    "state" "SettlementImportState" NOT NULL DEFAULT 'RUNNING',
    "rows_read" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "reversals" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "settlement_import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "settlement_import_started_at_idx" ON "settlement_import"("started_at" DESC);


-- ---- Hand-written: settlement records and their aggregates (docs/decisions/007-statistics.md) ----
-- Everything below lives in the schema `stats`, outside what Prisma introspects (`public`), so
-- `migrate diff` neither models nor drops it. Written and read with plain `pg` (lib/settlements,
-- lib/statistics). Codes: status S settled, F failed, R reversed (ledger only),
-- service_type 1 INPATIENT 2 OUTPATIENT 3 CHRONIC 4 PHARMACY, filing_type 0 none, 1 RELOCATED
-- 2 RESIDENT 3 REFERRAL 4 EMERGENCY 5 TEMPORARY 6 FILING_FREE.
CREATE SCHEMA IF NOT EXISTS stats;

-- Raw records, one monthly partition per Beijing-time month (created on demand by
-- stats.ensure_partitions). A SETTLED record cancelled by a REVERSED one stays, flagged.
CREATE TABLE stats.settlement (
  settlement_id    text COLLATE "C" NOT NULL,
  status           "char" NOT NULL,
  settled_at       timestamptz NOT NULL,
  settled_day      date NOT NULL,
  visit_region     char(6) COLLATE "C" NOT NULL,
  home_region      char(6) COLLATE "C" NOT NULL,
  institution_code varchar(20) COLLATE "C" NOT NULL,
  service_type     smallint NOT NULL,
  filing_type      smallint NOT NULL,
  total_cost       numeric(14,2) NOT NULL,
  fund_paid        numeric(14,2) NOT NULL,
  reversed         boolean NOT NULL DEFAULT false,
  import_id        integer NOT NULL
) PARTITION BY RANGE (settled_day);

-- The idempotency ledger: one row per (settlement_id, status) ever accepted, whatever the file.
-- `settled_day` of an S key locates its partition when a later reversal cancels it.
CREATE TABLE stats.settlement_key (
  settlement_id text COLLATE "C" NOT NULL,
  status        "char" NOT NULL,
  settled_day   date NOT NULL,
  import_id     integer NOT NULL,
  row_no        integer NOT NULL,
  PRIMARY KEY (settlement_id, status)
);
CREATE INDEX settlement_key_reversal_idx ON stats.settlement_key (settlement_id) WHERE status = 'R';

-- Pre-aggregated cubes, maintained in the import transaction from the delta only. `lvl` is the
-- length of the region keys: 0 (no region), 2 (province), 4 (city), 6 (county/full code),
-- visit_key/home_key are the codes truncated to lvl. Measures: visits = SETTLED not reversed,
-- amounts = their sums in fen (exact integers, faster to sum than numeric), failures = FAILED records.
CREATE TABLE stats.agg_month (
  lvl          smallint NOT NULL,
  month        date NOT NULL,
  visit_key    text COLLATE "C" NOT NULL,
  home_key     text COLLATE "C" NOT NULL,
  service_type smallint NOT NULL,
  filing_type  smallint NOT NULL,
  visits       bigint NOT NULL,
  total_fen    bigint NOT NULL,
  fund_fen     bigint NOT NULL,
  failures     bigint NOT NULL,
  PRIMARY KEY (lvl, month, visit_key, home_key, service_type, filing_type)
) WITH (fillfactor = 85);
-- The national level is read by (lvl, month) ranges of the primary key, the region levels also
-- through partial region indexes.
CREATE INDEX agg_month_visit_idx ON stats.agg_month (lvl, visit_key, month) WHERE lvl >= 2;
CREATE INDEX agg_month_home_idx ON stats.agg_month (lvl, home_key, month) WHERE lvl >= 2;

CREATE TABLE stats.agg_day (
  lvl          smallint NOT NULL,
  day          date NOT NULL,
  visit_key    text COLLATE "C" NOT NULL,
  home_key     text COLLATE "C" NOT NULL,
  service_type smallint NOT NULL,
  visits       bigint NOT NULL,
  total_fen    bigint NOT NULL,
  fund_fen     bigint NOT NULL,
  failures     bigint NOT NULL,
  PRIMARY KEY (lvl, day, visit_key, home_key, service_type)
) WITH (fillfactor = 85);
CREATE INDEX agg_day_visit_idx ON stats.agg_day (lvl, visit_key, day) WHERE lvl >= 2;
CREATE INDEX agg_day_home_idx ON stats.agg_day (lvl, home_key, day) WHERE lvl >= 2;

-- Institutions (levels 0, 2, 6), without the filing type: it would multiply the rows by seven.
CREATE TABLE stats.agg_inst_month (
  lvl              smallint NOT NULL,
  month            date NOT NULL,
  institution_code varchar(20) COLLATE "C" NOT NULL,
  visit_key        text COLLATE "C" NOT NULL,
  home_key         text COLLATE "C" NOT NULL,
  service_type     smallint NOT NULL,
  visits           bigint NOT NULL,
  total_fen        bigint NOT NULL,
  fund_fen         bigint NOT NULL,
  failures         bigint NOT NULL,
  PRIMARY KEY (lvl, month, institution_code, visit_key, home_key, service_type)
) WITH (fillfactor = 85);
CREATE INDEX agg_inst_month_inst_idx ON stats.agg_inst_month (lvl, institution_code, month);
CREATE INDEX agg_inst_month_visit_idx ON stats.agg_inst_month (lvl, visit_key, month) WHERE lvl >= 2;
CREATE INDEX agg_inst_month_home_idx ON stats.agg_inst_month (lvl, home_key, month) WHERE lvl >= 2;

-- Monthly partitions are created on demand by the import (lib/settlements/merge.ts), inside its
-- transaction: a plpgsql helper here would not survive the migration runner, which splits the
-- script at every semicolon, dollar quotes included.
