-- Fails half way: the table created first must not survive.
CREATE TABLE broken_two (id integer PRIMARY KEY);
INSERT INTO no_such_table (id) VALUES (1);
