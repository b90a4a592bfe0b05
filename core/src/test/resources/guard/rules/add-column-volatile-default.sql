-- Examples of add-column-volatile-default: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TABLE orders ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();

-- finds
ALTER TABLE orders ADD COLUMN imported_at timestamptz DEFAULT clock_timestamp();

-- finds
ALTER TABLE orders ADD COLUMN legacy_uuid uuid DEFAULT uuid_generate_v4();

-- passes: a constant default
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
