"""Composition root and command line: Settings → logging → Store → services → front-end.

Nothing else lives here: the grammar and printing of commands are in ``bot.cli``, the console in
``bot.console``, the Discord client in ``bot.discord_ui``.

One-shot commands (``gamesbot medals korea``) must start fast, so what only some commands use is
imported inside the function that uses it: discord.py and the Discord front-end only by ``run``
and ``sync``, the watcher of other processes' loads only by ``run``, the console only by
``console``, backups only by ``backup`` and ``restore``, the status file only by ``run`` and
``health`` (``tests/guards/test_oneshot_imports.py`` checks it;
``bench/oneshot.py`` times it). A one-shot question reads only the Games it is about
(``GamesService.start(views=False)``, then ``cli.prepare``), and collects no garbage, not even
as the process shuts down (``bot.runtime.freeze_at_exit``).
"""

from __future__ import annotations

import gc

# No garbage collection while the modules below are imported: they allocate many objects that
# live as long as the process, so a collection finds nothing to free (see ``bot.runtime``).
_COLLECTING = gc.isenabled()
gc.disable()

import asyncio
import contextlib
import logging
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from bot import cli
from bot.answers.controls import strip_controls
from bot.answers.models import Disambiguation, NoMatch
from bot.domain.errors import ConfigError, GamesbotError, StoreError, UnreachableError
from bot.ingest.bundled import default_data_dir
from bot.logs import setup_logging
from bot.runtime import collection_paused, freeze_at_exit
from bot.service import GamesService
from bot.settings import Settings
from bot.store.factory import Store, open_store

if TYPE_CHECKING:
    import argparse

if _COLLECTING:
    gc.enable()

log = logging.getLogger("bot")
#: The commands that run for long: they collect garbage (``run`` its own way, ``bot.runtime``).
LONG_RUNNING = ("run", "console")
SHUTDOWN_GRACE = 10.0


def load_settings() -> Settings:
    """Settings from the environment; invalid ones raise ``SystemExit(2)`` with one line each."""
    try:
        return Settings()
    except ValidationError as exc:
        for error in exc.errors():
            name = ".".join(str(part) for part in error["loc"]).upper() or "settings"
            print(f"gamesbot: invalid setting {name}: {error['msg']}", file=sys.stderr)
        raise SystemExit(cli.EXIT_USAGE) from None


async def open_service(settings: Settings, *, views: bool = True) -> tuple[Store, GamesService]:
    """Open the store (PostgreSQL when GAMESBOT_DATABASE_URL is set, else the SQLite file; filled
    from the bundled data on first use) and build the service (``views=False``: build no Games'
    view yet, see ``GamesService.start``)."""
    store = await open_store(settings.database_url or settings.gamesbot_db_path)
    data_dir: Path = settings.gamesbot_data_dir or default_data_dir()
    service = GamesService(store, settings.gamesbot_default_games, data_dir)
    try:
        await service.start(views=views)
    except BaseException:
        await store.close()
        raise
    return store, service


async def _query(settings: Settings, args: object) -> int:
    """A one-shot question: only the Games it reads are read from the store."""
    store, service = await open_service(settings, views=False)
    try:
        await cli.prepare(service, args)  # type: ignore[arg-type]
        result = cli.answer(service, args)  # type: ignore[arg-type]
        if isinstance(result, NoMatch | Disambiguation):  # the other Games may know the name,
            # or know it more closely than this Games' choices: answered as a running bot does
            await service.library.prepare(every=True)
            result = cli.answer(service, args)  # type: ignore[arg-type]
        return cli.print_answer(
            result,
            as_json=bool(getattr(args, "json", False)),
            lang=cli.chosen_lang(args),  # type: ignore[arg-type]
        )
    finally:
        await store.close()


async def _admin(settings: Settings, args: object) -> int:
    store, service = await open_service(settings)
    try:
        return await cli.admin(service, args, stdin=sys.stdin, out=sys.stdout, err=sys.stderr)  # type: ignore[arg-type]
    finally:
        await store.close()


async def _console(settings: Settings, args: object) -> int:
    from bot.console import run_console

    store, service = await open_service(settings)
    try:
        return run_console(
            service,
            sys.stdin,
            sys.stdout,
            interactive=sys.stdin.isatty(),
            lang=cli.chosen_lang(args),  # type: ignore[arg-type]
        )
    finally:
        await store.close()


def _has_token(settings: Settings) -> bool:
    if settings.discord_token is None or not settings.discord_token.get_secret_value().strip():
        print(
            "gamesbot: DISCORD_TOKEN is not set; set it to your bot token to run the Discord bot "
            "(or use `gamesbot console` offline).",
            file=sys.stderr,
        )
        return False
    return True


async def _serve(settings: Settings) -> int:
    """Run the Discord bot until SIGTERM/SIGINT, then stop taking interactions, finish those in
    flight, close the gateway and the database, and mark the status file stopped."""
    from bot.discord_ui.client import run_bot
    from bot.discord_ui.frontend import DiscordFrontEnd
    from bot.discord_ui.status import heartbeat_loop
    from bot.health import write_status
    from bot.runtime import collect_in_background, settle_memory
    from bot.service.changes import follow_store_changes

    store, service = await open_service(settings)
    frontend = DiscordFrontEnd(service, settings)
    frontend.prepare()
    settle_memory()
    status_path = settings.resolved_status_file
    started_at = time.time()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    bot = asyncio.create_task(run_bot(settings, frontend.install), name="gamesbot-client")
    beat = asyncio.create_task(
        heartbeat_loop(lambda: frontend.client, status_path, started_at), name="gamesbot-status"
    )
    announcer = asyncio.create_task(frontend.announce_forever(), name="gamesbot-announcer")
    watcher = asyncio.create_task(
        follow_store_changes(service.library, store), name="gamesbot-store-changes"
    )
    collector = asyncio.create_task(
        collect_in_background(rebuilt=lambda: service.library.rebuilds), name="gamesbot-gc"
    )
    stopper = asyncio.create_task(stop.wait(), name="gamesbot-stop")
    try:
        done, _ = await asyncio.wait({bot, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if stopper in done:
            log.info(
                "shutting down: finishing %d interaction(s) in flight", frontend.lifecycle.inflight
            )
            finished = await frontend.lifecycle.drain(timeout=SHUTDOWN_GRACE)
            if not finished:
                log.warning(
                    "shutdown: %d interaction(s) still running after %s s",
                    frontend.lifecycle.inflight,
                    SHUTDOWN_GRACE,
                )
            bot.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await bot
        log.info("stopped cleanly")
        return cli.EXIT_OK
    finally:
        background = (stopper, beat, announcer, watcher, collector)
        for task in background:
            task.cancel()
        # Wait for them to stop before the store closes under a query of theirs.
        await asyncio.gather(*background, return_exceptions=True)
        await store.close()
        await asyncio.to_thread(
            write_status,
            status_path,
            state="stopped",
            started_at=started_at,
            stopped_at=time.time(),
        )


async def _sync(settings: Settings, guild: int | None) -> int:
    from bot.discord_ui.client import sync_commands
    from bot.discord_ui.frontend import DiscordFrontEnd

    store, service = await open_service(settings)
    try:
        frontend = DiscordFrontEnd(service, settings)
        names = await sync_commands(settings, frontend.install, guild)
    finally:
        await store.close()
    where = (
        f"guild {guild}"
        if guild
        else "all guilds (global commands may take up to an hour to appear)"
    )
    print(f"synced {len(names)} commands to {where}: {', '.join(sorted(names))}")
    return cli.EXIT_OK


def _health(settings: Settings) -> int:
    from bot.health import judge_bot, read_status

    url = settings.database_url
    if url is not None:
        from bot.store.postgres_maintenance import check_postgres

        database = asyncio.run(check_postgres(url))
    else:
        from bot.store.maintenance import check_database

        database = check_database(settings.gamesbot_db_path)
    bot = judge_bot(read_status(settings.resolved_status_file), time.time())
    healthy = database == "ok" and bot.healthy
    print(f"{'healthy' if healthy else 'unhealthy'}: database {database}; {bot.reason}")
    return cli.EXIT_OK if healthy else cli.EXIT_NO_MATCH


def _not_on_postgres(settings: Settings, command: str) -> bool:
    """Say so, and True, when ``command`` (a SQLite file operation) meets a PostgreSQL store."""
    if settings.database_url is None:
        return False
    from bot.store.postgres_maintenance import BACKUP_ADVICE

    print(f"gamesbot: {command} works on the SQLite file; {BACKUP_ADVICE}", file=sys.stderr)
    return True


async def _store_copy(source: str, destination: str) -> int:
    from bot.store.factory import describe
    from bot.store.transfer import copy_store

    copied = await copy_store(source, destination)
    print(f"copied {copied.summary()} from {describe(source)} to {describe(destination)}")
    return cli.EXIT_OK


def _backup(settings: Settings, path: str) -> int:
    if _not_on_postgres(settings, "backup"):
        return cli.EXIT_USAGE
    from bot.store.maintenance import backup_database

    backup_database(settings.gamesbot_db_path, Path(path))
    print(f"backed up {settings.gamesbot_db_path} to {path}")
    return cli.EXIT_OK


def _restore(settings: Settings, path: str) -> int:
    if _not_on_postgres(settings, "restore"):
        return cli.EXIT_USAGE
    from bot.query.index import GamesIndex
    from bot.store.contents import StoreContents
    from bot.store.maintenance import restore_database

    def build_views(contents: StoreContents) -> None:
        """Refuse a backup whose Games cannot be indexed as the running bot would."""
        for data in contents.games:
            GamesIndex.build(data)

    restore_database(Path(path), settings.gamesbot_db_path, build_views)
    print(f"restored {settings.gamesbot_db_path} from {path}; restart a running bot to use it")
    return cli.EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """The ``gamesbot`` entry point; returns the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = cli.build_parser(argv[0] if argv else None)
    try:
        args = parser.parse_args(argv)
    except cli.UsageError as exc:
        print(exc, file=sys.stderr)
        return cli.EXIT_USAGE
    settings = load_settings()
    command = args.command or ("run" if settings.discord_token else "console")
    quiet = command != "run" and "log_level" not in settings.model_fields_set
    setup_logging("WARNING" if quiet else settings.log_level, settings.log_format)
    if command in LONG_RUNNING:
        return _dispatch(command, settings, args)
    freeze_at_exit()  # the process ends after the command: see bot.runtime
    with collection_paused():
        return _dispatch(command, settings, args)


def _dispatch(command: str, settings: Settings, args: argparse.Namespace) -> int:
    """Run ``command``; domain errors become one line on stderr and their exit code."""
    try:
        if command == "run":
            return asyncio.run(_serve(settings)) if _has_token(settings) else cli.EXIT_USAGE
        if command == "sync":
            guild = None if args.globally else (args.guild or settings.dev_guild_id)
            return asyncio.run(_sync(settings, guild)) if _has_token(settings) else cli.EXIT_USAGE
        if command == "health":
            return _health(settings)
        if command == "backup":
            return _backup(settings, args.path)
        if command == "restore":
            return _restore(settings, args.path)
        if command == "store":
            return asyncio.run(_store_copy(args.source, args.destination))
        if command == "console":
            return asyncio.run(_console(settings, args))
        if command in cli.ADMIN_COMMANDS:
            return asyncio.run(_admin(settings, args))
        return asyncio.run(_query(settings, args))
    except cli.UsageError as exc:
        print(exc, file=sys.stderr)
        return cli.EXIT_USAGE
    except (StoreError, ConfigError, UnreachableError) as exc:
        print(strip_controls(f"gamesbot: {exc}"), file=sys.stderr)
        return cli.EXIT_USAGE
    except GamesbotError as exc:
        print(strip_controls(f"gamesbot: {exc}"), file=sys.stderr)
        return cli.EXIT_NO_MATCH


if __name__ == "__main__":
    sys.exit(main())
