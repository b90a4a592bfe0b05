-- Examples of cascade: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
DROP VIEW customer_summary CASCADE;
TRUNCATE orders CASCADE;

-- finds
DROP TABLE IF EXISTS audit_log CASCADE;

-- finds
DROP SCHEMA IF EXISTS staging CASCADE;

-- passes: without cascade
DROP VIEW customer_summary;
