"""Schema migrations: named, ordered SQL files applied once each, in a transaction.

`NNNN_name.sql` is shared by every dialect and is written in the SQL that SQLite and
PostgreSQL both accept (TEXT, INTEGER, REAL, BLOB, INTEGER PRIMARY KEY, REFERENCES ... ON
DELETE CASCADE, CREATE INDEX); the PostgreSQL store maps those types to its own spelling.
`NNNN_name.<dialect>.sql` (`sqlite`, `postgres`) holds what only one dialect has, such as
full-text indexes.
"""
