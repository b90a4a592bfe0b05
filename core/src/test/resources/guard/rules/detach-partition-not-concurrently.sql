-- Examples of detach-partition-not-concurrently: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TABLE events DETACH PARTITION events_2018;

-- passes: concurrently
ALTER TABLE events DETACH PARTITION events_2018 CONCURRENTLY;
