"""Composition root and command line: Settings → logging → Store → services → front-end.

Nothing else lives here: the grammar and printing of commands are in ``bot.cli``, the console in
``bot.console``, the Discord client in ``bot.discord_ui``.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from bot import cli
from bot.console import run_console
from bot.domain.errors import GamesbotError, StoreError
from bot.health import judge_bot, read_status
from bot.ingest.bundled import default_data_dir
from bot.logs import setup_logging
from bot.service import GamesService
from bot.settings import Settings
from bot.store.maintenance import backup_database, check_database, restore_database
from bot.store.sqlite_store import SqliteStore


def load_settings() -> Settings:
    """Settings from the environment; invalid ones raise ``SystemExit(2)`` with one line each."""
    try:
        return Settings()
    except ValidationError as exc:
        for error in exc.errors():
            name = ".".join(str(part) for part in error["loc"]).upper() or "settings"
            print(f"gamesbot: invalid setting {name}: {error['msg']}", file=sys.stderr)
        raise SystemExit(cli.EXIT_USAGE) from None


async def open_service(settings: Settings) -> tuple[SqliteStore, GamesService]:
    """Open the store (filling it from the bundled data on first use) and build the service."""
    store = await SqliteStore.open(settings.gamesbot_db_path)
    data_dir: Path = settings.gamesbot_data_dir or default_data_dir()
    service = GamesService(store, settings.gamesbot_default_games, data_dir)
    try:
        await service.start()
    except BaseException:
        await store.close()
        raise
    return store, service


async def _query(settings: Settings, args: object) -> int:
    store, service = await open_service(settings)
    try:
        result = cli.answer(service, args)  # type: ignore[arg-type]
        return cli.print_answer(result, as_json=bool(getattr(args, "json", False)))
    finally:
        await store.close()


async def _admin(settings: Settings, args: object) -> int:
    store, service = await open_service(settings)
    try:
        return await cli.admin(service, args, stdin=sys.stdin, out=sys.stdout, err=sys.stderr)  # type: ignore[arg-type]
    finally:
        await store.close()


async def _console(settings: Settings) -> int:
    store, service = await open_service(settings)
    try:
        return run_console(service, sys.stdin, sys.stdout, interactive=sys.stdin.isatty())
    finally:
        await store.close()


def _run_bot(settings: Settings) -> int:
    if settings.discord_token is None or not settings.discord_token.get_secret_value().strip():
        print(
            "gamesbot: DISCORD_TOKEN is not set; set it to your bot token to run the Discord bot "
            "(or use `gamesbot console` offline).",
            file=sys.stderr,
        )
        return cli.EXIT_USAGE
    print("gamesbot: the Discord front-end is not available in this build.", file=sys.stderr)
    return cli.EXIT_USAGE


def _health(settings: Settings) -> int:
    database = check_database(settings.gamesbot_db_path)
    bot = judge_bot(read_status(settings.resolved_status_file), time.time())
    healthy = database == "ok" and bot.healthy
    print(f"{'healthy' if healthy else 'unhealthy'}: database {database}; {bot.reason}")
    return cli.EXIT_OK if healthy else cli.EXIT_NO_MATCH


def _backup(settings: Settings, path: str) -> int:
    backup_database(settings.gamesbot_db_path, Path(path))
    print(f"backed up {settings.gamesbot_db_path} to {path}")
    return cli.EXIT_OK


def _restore(settings: Settings, path: str) -> int:
    restore_database(Path(path), settings.gamesbot_db_path)
    print(f"restored {settings.gamesbot_db_path} from {path}; restart a running bot to use it")
    return cli.EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """The ``gamesbot`` entry point; returns the exit code."""
    parser = cli.build_parser()
    try:
        args = parser.parse_args(argv)
    except cli.UsageError as exc:
        print(exc, file=sys.stderr)
        return cli.EXIT_USAGE
    settings = load_settings()
    command = args.command or ("run" if settings.discord_token else "console")
    quiet = command != "run" and "log_level" not in settings.model_fields_set
    setup_logging("WARNING" if quiet else settings.log_level, settings.log_format)
    try:
        if command == "run":
            return _run_bot(settings)
        if command == "health":
            return _health(settings)
        if command == "backup":
            return _backup(settings, args.path)
        if command == "restore":
            return _restore(settings, args.path)
        if command == "console":
            return asyncio.run(_console(settings))
        if command in cli.ADMIN_COMMANDS:
            return asyncio.run(_admin(settings, args))
        return asyncio.run(_query(settings, args))
    except cli.UsageError as exc:
        print(exc, file=sys.stderr)
        return cli.EXIT_USAGE
    except StoreError as exc:
        print(f"gamesbot: {exc}", file=sys.stderr)
        return cli.EXIT_USAGE
    except GamesbotError as exc:
        print(f"gamesbot: {exc}", file=sys.stderr)
        return cli.EXIT_NO_MATCH


if __name__ == "__main__":
    sys.exit(main())
