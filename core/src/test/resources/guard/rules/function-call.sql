-- Examples of function-call: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
SELECT migrate_legacy_orders();
CALL archive_orders('2020-01-01');

-- finds
SELECT migrate_legacy_orders();

-- finds
SELECT app.backfill_customer_names(1000);

-- passes: a plain select
SELECT 1;
