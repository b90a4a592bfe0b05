-- Examples of reindex-not-concurrently: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
REINDEX TABLE customers;

-- finds
REINDEX INDEX orders_pkey;

-- finds
REINDEX (VERBOSE) SCHEMA app;

-- passes: concurrently
REINDEX TABLE CONCURRENTLY customers;
