-- Examples of vacuum-full: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
VACUUM FULL orders;

-- finds
VACUUM (FULL, VERBOSE) audit_log;

-- passes: a plain vacuum
VACUUM orders;
