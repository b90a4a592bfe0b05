INSERT INTO author (name, born) VALUES
    ('Ursula K. Le Guin', '1929-10-21'),
    ('Italo Calvino', '1923-10-15'),
    ('Octavia E. Butler', '1947-06-22');

INSERT INTO book (author_id, title, isbn, published, copies)
SELECT a.id, b.title, b.isbn, b.published, b.copies
FROM (VALUES
    ('Ursula K. Le Guin', 'The Dispossessed', '978-0060512750', 1974, 2),
    ('Ursula K. Le Guin', 'A Wizard of Earthsea', '978-0547773742', 1968, 1),
    ('Italo Calvino', 'Invisible Cities', '978-0156453806', 1972, 1),
    ('Octavia E. Butler', 'Kindred', '978-0807083697', 1979, 3)
) AS b (author, title, isbn, published, copies)
JOIN author a ON a.name = b.author;
