-- Examples of drop-schema: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
DROP SCHEMA staging CASCADE;

-- finds
DROP SCHEMA legacy;

-- finds
DROP SCHEMA IF EXISTS staging CASCADE;

-- passes: a schema created in the same migration
CREATE SCHEMA staging;
DROP SCHEMA staging;
