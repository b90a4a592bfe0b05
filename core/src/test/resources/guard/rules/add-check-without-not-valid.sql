-- Examples of add-check-without-not-valid: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TABLE products ADD CONSTRAINT price_positive CHECK (price > 0);

-- finds
ALTER TABLE products ADD CHECK (stock >= 0);

-- passes: not valid, validated later
ALTER TABLE products ADD CONSTRAINT price_positive CHECK (price > 0) NOT VALID;
