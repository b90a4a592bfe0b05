-- Examples of drop-type: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
DROP TYPE legacy_status;

-- finds
DROP TYPE mood;

-- finds
DROP TYPE IF EXISTS legacy_status CASCADE;

-- passes: a type created in the same migration
CREATE TYPE mood AS ENUM ('happy');
DROP TYPE mood;
