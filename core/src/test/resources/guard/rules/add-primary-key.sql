-- Examples of add-primary-key: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TABLE legacy_items ADD PRIMARY KEY (id);

-- finds
ALTER TABLE legacy_items ADD CONSTRAINT legacy_items_pkey PRIMARY KEY (id, version);

-- passes: using an index built concurrently
ALTER TABLE legacy_items ADD CONSTRAINT legacy_items_pkey PRIMARY KEY USING INDEX legacy_items_id_idx;
