-- Examples of add-column-not-null-without-default: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TABLE customers ADD COLUMN country_code char(2) NOT NULL;

-- finds
ALTER TABLE orders ADD COLUMN channel text COLLATE "C" NOT NULL;

-- passes: with a default
ALTER TABLE customers ADD COLUMN country_code char(2) NOT NULL DEFAULT 'NL';

-- passes: nullable
ALTER TABLE customers ADD COLUMN country_code char(2);
