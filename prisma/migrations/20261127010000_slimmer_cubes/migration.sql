-- Slimmer cubes (docs/decisions/007-statistics.md, "Aggregate cubes"): every cube row costs the
-- import a heap row and three or four index entries, and the institution cube was half of them.
-- - agg_inst_month loses its province level: it held 0.65 rows for every county-level row (an
--   institution sits in one county and most home regions are city-level pooling areas), so
--   province-filtered institution queries read the county level at about 1.5 times the rows.
-- - agg_inst_month loses its (lvl, institution_code, month) index: institution queries give the
--   months as a list, and the primary key (lvl, month, institution_code, ...) is probed once per month.
-- - agg_day loses its province level (half the rows of its city level): province day series read
--   the city level, a bureau's own province scope stays on agg_scope_day.
DELETE FROM stats.agg_inst_month WHERE lvl = 2;
DELETE FROM stats.agg_day WHERE lvl = 2;
DROP INDEX stats.agg_inst_month_inst_idx;
