-- Authors of the books the library lends.
CREATE TABLE author (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL,
    born        date,
    created_at  timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE author IS 'Authors; one row per person, pen names included';
