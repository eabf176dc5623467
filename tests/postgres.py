"""PostgreSQL for tests: a throwaway database per test session (created on the server at
``GAMESBOT_TEST_POSTGRES_URL``, default ``postgresql://127.0.0.1:5432/test``, and dropped at the
end), and a fresh schema in it per test, so tests can run while others use the server.

Without a reachable server the PostgreSQL tests are left out at collection (counted as
deselected) with one line at the end saying why; with ``GAMESBOT_REQUIRE_POSTGRES=1`` (set by
``.ci/run``) they run and fail instead.

Fixtures: ``postgres_server`` (session: the throwaway database's URL), ``postgres_url`` (a URL
whose search path is a new empty schema), ``postgres_admin`` (run SQL on the throwaway database).
"""

from __future__ import annotations

import itertools
import os
import secrets
from collections.abc import Callable, Iterator
from typing import Any, NoReturn
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

ADMIN_URL = os.environ.get("GAMESBOT_TEST_POSTGRES_URL", "postgresql://127.0.0.1:5432/test")
REQUIRED = os.environ.get("GAMESBOT_REQUIRE_POSTGRES") == "1"
_schemas = itertools.count(1)


def with_database(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", parts.query, ""))


def with_search_path(url: str, schema: str) -> str:
    """``url`` with its search path set to ``schema`` (libpq's ``options`` parameter)."""
    option = f"options={quote(f'-csearch_path={schema}')}"
    parts = urlsplit(url)
    query = f"{parts.query}&{option}" if parts.query else option
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def unreachable_because() -> str | None:
    """Why the test server cannot be reached, or None when it can."""
    try:
        psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3).close()
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return None


def needs_postgres(item: pytest.Item) -> bool:
    """True for a test that uses the PostgreSQL fixtures or runs on the PostgreSQL backend."""
    if "postgres_server" in getattr(item, "fixturenames", ()):
        return True
    callspec = getattr(item, "callspec", None)
    return callspec is not None and callspec.params.get("backend") == "postgres"


_left_out = pytest.StashKey[tuple[int, str]]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the PostgreSQL tests out when no server answers (unless it is required)."""
    needing = [item for item in items if needs_postgres(item)]
    if not needing or REQUIRED:
        return
    reason = unreachable_because()
    if reason is None:
        return
    config.hook.pytest_deselected(items=needing)
    left = set(needing)
    items[:] = [item for item in items if item not in left]
    config.stash[_left_out] = (len(needing), reason)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    if _left_out in config.stash:
        count, reason = config.stash[_left_out]
        terminalreporter.write_line(
            f"{count} PostgreSQL tests not run: no server at {ADMIN_URL} ({reason}); "
            "start one or set GAMESBOT_TEST_POSTGRES_URL (GAMESBOT_REQUIRE_POSTGRES=1 makes "
            "them fail instead)"
        )


def unavailable(reason: str) -> NoReturn:
    message = f"PostgreSQL not reachable at {ADMIN_URL} ({reason})"
    if REQUIRED:
        pytest.fail(f"{message}; GAMESBOT_REQUIRE_POSTGRES=1 requires it", pytrace=False)
    pytest.skip(f"{message}: set GAMESBOT_TEST_POSTGRES_URL, or start the server")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway database on the test server, for this test session; its URL."""
    try:
        admin = psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.Error as exc:
        unavailable(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
    name = f"gamesbot_test_{os.getpid()}_{secrets.token_hex(3)}"
    with admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield with_database(ADMIN_URL, name)
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=10) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


Admin = Callable[..., list[tuple[Any, ...]]]


@pytest.fixture
def postgres_admin(postgres_server: str) -> Admin:
    """``postgres_admin(query, *params)``: run SQL on the throwaway database, get its rows."""

    def run(query: str, *params: object) -> list[tuple[Any, ...]]:
        with psycopg.connect(postgres_server, autocommit=True, connect_timeout=10) as conn:
            cursor = conn.execute(query.encode(), params or None)
            return cursor.fetchall() if cursor.description else []

    return run


@pytest.fixture
def postgres_url(postgres_server: str, postgres_admin: Admin) -> str:
    """A URL of the throwaway database whose search path is a new, empty schema."""
    schema = f"t{next(_schemas)}_{secrets.token_hex(2)}"
    postgres_admin(f"CREATE SCHEMA {schema}")
    return with_search_path(postgres_server, schema)
