-- Examples of add-unique-constraint: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TABLE customers ADD CONSTRAINT customers_phone_key UNIQUE (phone);

-- finds
ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);

-- finds
ALTER TABLE customers ADD COLUMN tax_id text UNIQUE;

-- passes: using an index built concurrently
ALTER TABLE customers ADD CONSTRAINT customers_phone_key UNIQUE USING INDEX customers_phone_idx;
