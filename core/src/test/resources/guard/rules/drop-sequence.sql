-- Examples of drop-sequence: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
DROP SEQUENCE legacy_id_seq;

-- passes: a sequence created in the same migration
CREATE SEQUENCE legacy_id_seq;
DROP SEQUENCE legacy_id_seq;
