-- Examples of refresh-materialized-view-not-concurrently: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
REFRESH MATERIALIZED VIEW reporting.top_products;

-- finds
REFRESH MATERIALIZED VIEW reporting.top_products WITH DATA;

-- passes: concurrently
REFRESH MATERIALIZED VIEW CONCURRENTLY reporting.top_products;
