-- Examples of drop-extension: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
DROP EXTENSION hstore;

-- finds
DROP EXTENSION postgis CASCADE;

-- passes: an extension created in the same migration
CREATE EXTENSION hstore;
DROP EXTENSION hstore;
