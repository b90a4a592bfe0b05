-- Examples of drop-index-not-concurrently: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
DROP INDEX orders_status_idx;

-- finds
DROP INDEX orders_legacy_idx;

-- finds
DROP INDEX IF EXISTS app.customers_name_idx;

-- passes: concurrently
DROP INDEX CONCURRENTLY orders_status_idx;
