-- Figure questions without a service split read the flow cube at every level (decision 020,
-- "示范区"): a county-level filter (the 示范区 counties) read the month cube's 28 service × filing
-- rows per pair. The flow cube gets the month cube's pair index, so one visit key's pairs and
-- months are navigated directly at any size, and the home-side twin of it.
CREATE INDEX agg_flow_month_visit_idx ON stats.agg_flow_month (lvl, visit_key, home_key, month) WHERE lvl >= 2;
CREATE INDEX agg_flow_month_home_idx ON stats.agg_flow_month (lvl, home_key, month) WHERE lvl >= 2;
