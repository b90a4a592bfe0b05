-- Examples of dynamic-sql: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
DO $$ BEGIN EXECUTE 'DROP TABLE ' || 'customers'; END $$;

-- finds
DO $$
DECLARE t text;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'staging' LOOP
        EXECUTE format('DROP TABLE staging.%I', t);
    END LOOP;
END
$$;

-- finds
PREPARE purge(int) AS DELETE FROM sessions WHERE id = $1;

-- passes: a DO block without EXECUTE
DO $$ BEGIN RAISE NOTICE 'hello'; END $$;
