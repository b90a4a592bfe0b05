CREATE TABLE loan (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    book_id      bigint      NOT NULL REFERENCES book (id),
    borrower     text        NOT NULL,
    lent_on      date        NOT NULL DEFAULT current_date,
    returned_on  date,
    CONSTRAINT loan_returned_after_lent CHECK (returned_on IS NULL OR returned_on >= lent_on)
);

/* One open loan per copy is enforced in lend_book(); this index makes "what is out?" cheap. */
CREATE INDEX loan_open_idx ON loan (book_id) WHERE returned_on IS NULL;
