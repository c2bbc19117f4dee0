-- Scope cubes (docs/decisions/007-statistics.md): the figures of everything a province or city
-- bureau sees — settlements whose visit region OR home region lies in the region, each counted
-- once — keyed by that region. A bureau's unfiltered dashboard reads one key instead of every
-- region pair touching it. Maintained by the import beside the pair cubes, from the same deltas.
-- lvl = length of scope_key: 2 (province) or 4 (city), 0 (national, institutions only).

CREATE TABLE stats.agg_scope_month (
  lvl          smallint NOT NULL,
  scope_key    text COLLATE "C" NOT NULL,
  month        date NOT NULL,
  service_type smallint NOT NULL,
  filing_type  smallint NOT NULL,
  visits       bigint NOT NULL,
  total_fen    bigint NOT NULL,
  fund_fen     bigint NOT NULL,
  failures     bigint NOT NULL,
  PRIMARY KEY (lvl, scope_key, month, service_type, filing_type)
) WITH (fillfactor = 85);

CREATE TABLE stats.agg_scope_day (
  lvl          smallint NOT NULL,
  scope_key    text COLLATE "C" NOT NULL,
  day          date NOT NULL,
  service_type smallint NOT NULL,
  visits       bigint NOT NULL,
  total_fen    bigint NOT NULL,
  fund_fen     bigint NOT NULL,
  failures     bigint NOT NULL,
  PRIMARY KEY (lvl, scope_key, day, service_type)
) WITH (fillfactor = 85);

-- Institutions by month without the service type (levels 0 and 2).
CREATE TABLE stats.agg_scope_inst (
  lvl              smallint NOT NULL,
  scope_key        text COLLATE "C" NOT NULL,
  month            date NOT NULL,
  institution_code varchar(20) COLLATE "C" NOT NULL,
  visits           bigint NOT NULL,
  total_fen        bigint NOT NULL,
  fund_fen         bigint NOT NULL,
  failures         bigint NOT NULL,
  PRIMARY KEY (lvl, scope_key, month, institution_code)
) WITH (fillfactor = 85);

-- Backfill from the pair cubes (a row of both sides in one region counts once).
INSERT INTO stats.agg_scope_month
SELECT sl, k, month, service_type, filing_type, sum(visits), sum(total_fen), sum(fund_fen), sum(failures)
  FROM (SELECT l.sl, left(a.visit_key, l.sl) AS k, a.month, a.service_type, a.filing_type, a.visits, a.total_fen, a.fund_fen, a.failures
          FROM stats.agg_month a CROSS JOIN (VALUES (2::smallint), (4::smallint)) l(sl) WHERE a.lvl = 6
        UNION ALL
        SELECT l.sl, left(a.home_key, l.sl), a.month, a.service_type, a.filing_type, a.visits, a.total_fen, a.fund_fen, a.failures
          FROM stats.agg_month a CROSS JOIN (VALUES (2::smallint), (4::smallint)) l(sl)
         WHERE a.lvl = 6 AND left(a.home_key, l.sl) <> left(a.visit_key, l.sl)) x
 GROUP BY 1, 2, 3, 4, 5;

INSERT INTO stats.agg_scope_day
SELECT 2, k, day, service_type, sum(visits), sum(total_fen), sum(fund_fen), sum(failures)
  FROM (SELECT left(visit_key, 2) AS k, day, service_type, visits, total_fen, fund_fen, failures FROM stats.agg_day WHERE lvl = 4
        UNION ALL
        SELECT left(home_key, 2), day, service_type, visits, total_fen, fund_fen, failures FROM stats.agg_day
         WHERE lvl = 4 AND left(home_key, 2) <> left(visit_key, 2)) x
 GROUP BY 2, 3, 4;

INSERT INTO stats.agg_scope_inst
SELECT 0, '', month, institution_code, sum(visits), sum(total_fen), sum(fund_fen), sum(failures)
  FROM stats.agg_inst_month WHERE lvl = 0 GROUP BY 3, 4;

INSERT INTO stats.agg_scope_inst
SELECT 2, k, month, institution_code, sum(visits), sum(total_fen), sum(fund_fen), sum(failures)
  FROM (SELECT visit_key AS k, month, institution_code, visits, total_fen, fund_fen, failures FROM stats.agg_inst_month WHERE lvl = 2
        UNION ALL
        SELECT home_key, month, institution_code, visits, total_fen, fund_fen, failures FROM stats.agg_inst_month
         WHERE lvl = 2 AND home_key <> visit_key) x
 GROUP BY 2, 3, 4;

-- Visit-and-home filters (e.g. 京津 insured treated in Hebei) navigate both keys, then months.
DROP INDEX stats.agg_month_visit_idx;
CREATE INDEX agg_month_visit_idx ON stats.agg_month (lvl, visit_key, home_key, month) WHERE lvl >= 2;
