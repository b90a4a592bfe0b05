-- Examples of drop-database: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
DROP DATABASE old_app;

-- finds
DROP DATABASE IF EXISTS old_app;

-- passes: the words in a comment
COMMENT ON TABLE customers IS 'DROP DATABASE old_app';
