-- Examples of drop-materialized-view: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
DROP MATERIALIZED VIEW reporting.top_products;

-- passes: a view created in the same migration
CREATE MATERIALIZED VIEW top_products AS SELECT 1;
DROP MATERIALIZED VIEW top_products;
