CREATE TABLE broken_one (id integer PRIMARY KEY);
