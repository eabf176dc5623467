"""Store: the only user of SQLite. Schema migrations (PRAGMA user_version), named SQL, reads that
return domain models, one-transaction loads, and the load history that undo uses."""
