-- Examples of drop-owned: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
DROP OWNED BY legacy_user;

-- finds
DROP OWNED BY legacy_user CASCADE;

-- passes: reassigning instead
REASSIGN OWNED BY legacy_user TO app;
