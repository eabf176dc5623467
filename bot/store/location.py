"""Where a store is: a SQLite file path or a ``postgresql://`` URL, told apart, and written for
people without the password (a URL may carry one; it is never printed or logged)."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

DATABASE_URL_SCHEMES = ("postgresql://", "postgres://")


def is_database_url(location: str) -> bool:
    """True for a PostgreSQL URL, False for anything else (a SQLite file path)."""
    return location.strip().lower().startswith(DATABASE_URL_SCHEMES)


def redact(url: str) -> str:
    """``postgresql://user@host:5432/db``: the URL without its password and query."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "a PostgreSQL URL that cannot be read"
    if ":" in host:
        host = f"[{host}]"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, "", ""))
