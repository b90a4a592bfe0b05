-- Examples of do-block: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app') THEN CREATE ROLE app; END IF; END $$;

-- finds
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
        CREATE ROLE app_user LOGIN;
    END IF;
END
$$;

-- finds
DO LANGUAGE plpgsql $do$ BEGIN PERFORM pg_sleep(0); END $do$;

-- passes: the words in a string
COMMENT ON TABLE customers IS 'DO $$ BEGIN END $$';
