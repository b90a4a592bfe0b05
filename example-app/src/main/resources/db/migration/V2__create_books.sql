CREATE TABLE book (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id   bigint      NOT NULL REFERENCES author (id),
    title       text        NOT NULL,
    isbn        text        UNIQUE,
    published   integer     CHECK (published BETWEEN 1400 AND 2100),
    copies      integer     NOT NULL DEFAULT 1 CHECK (copies >= 0)
);

CREATE INDEX book_author_idx ON book (author_id);
