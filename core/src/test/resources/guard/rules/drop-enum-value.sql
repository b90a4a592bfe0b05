-- Examples of drop-enum-value: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TYPE order_status DROP VALUE 'void';

-- passes: adding a value
ALTER TYPE order_status ADD VALUE 'void';
