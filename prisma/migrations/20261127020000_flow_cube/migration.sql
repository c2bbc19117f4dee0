-- Flow cube (docs/decisions/007-statistics.md, "Aggregate cubes"): region pairs by month without
-- the service and filing types, at levels 2, 4 and 6. The flow matrix and the top visit/home
-- regions without a service filter read it instead of the month cube, whose pair rows are split
-- 28 ways by service and filing type. Maintained by the import with the month cube, from the
-- same deltas. Small (region pairs × months), so no index besides the primary key: a region
-- filter reads one month's pairs at its level.
CREATE TABLE stats.agg_flow_month (
  lvl          smallint NOT NULL,
  month        date NOT NULL,
  visit_key    text COLLATE "C" NOT NULL,
  home_key     text COLLATE "C" NOT NULL,
  visits       bigint NOT NULL,
  total_fen    bigint NOT NULL,
  fund_fen     bigint NOT NULL,
  failures     bigint NOT NULL,
  PRIMARY KEY (lvl, month, visit_key, home_key)
) WITH (fillfactor = 85);

INSERT INTO stats.agg_flow_month
SELECT lvl, month, visit_key, home_key, sum(visits), sum(total_fen), sum(fund_fen), sum(failures)
  FROM stats.agg_month WHERE lvl >= 2 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
