"""Ingest: results files (CSV, JSON) → validated records, or every problem with row/path and reason;
then a load plan (what changes) against the current data. Pure: no store, no Discord."""
