"""Schema migrations: named, ordered SQL files applied once each, in a transaction."""
