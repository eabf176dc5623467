"""Interaction benchmark: /medals, /athlete and /event interactions through the local Discord
(real discord.py client, real websocket and HTTP, real service over a real SQLite store holding
every bundled Games) and, in the same run and interleaved, as many of a no-op command that
answers "ok" at once. The no-op is discord.py's own floor; the ratios say how much our work
(resolution, summary, embed rendering) adds on top.

Two query mixes. The *repeated* mix sends N /medals with ten nation spellings in turn (after a
warm-up, so it measures the answer cache). The *full* mix (``--full``) sends, once each in a
shuffled order, every nation, athlete and event of every bundled Games by its name as a fan would
type it (lower case), with ``games:`` set to its Games: almost every one is a first sight, so it
measures resolution, summaries and rendering, not the cache. ``--rounds R`` sends it R times,
rebuilding every view from the store between rounds as a load does (new views hold no answers
and no resolutions, and rendered embeds are kept per answer object), each round in a new
order: R times as many first sights, so the p99 is read from ~1% of them (with one round,
/medals has 127 samples and its p99 is the second slowest). Start-up time (filling a new
database with every bundled Games, then opening it again) and memory are printed too.

Two clocks are read for each interaction. The response time is what Discord's 3-second deadline
measures: from the interaction's creation (just before the gateway frame leaves the fake) to the
bot's callback request arriving at the fake (stamped as the request reaches it, before the fake
reads and parses the body: until 2026-12-07 the clock also held that parse, the fake's own work,
which grows with the answer). The round trip also includes the fake validating
and storing the answer and the test client's wait; it grows with the size of the answer, which
is the fake's work, not the bot's. The SUMMARY uses the response time.

For information, the CPU time of each whole in-process round trip (bot, fake and test client)
is printed per command as well: on a machine shared with other work the clocks mostly measure
the others' load, the CPU time much less.

A third series, printed for information, answers with a ready-made /medals embed and its page
buttons without doing any work: the floor for an answer of that size. /medals against it shows
what our own code costs, apart from the size of what any embed answer carries.

With ``--phases`` each interaction's response time is cut in four, for information: the gateway
frame to discord.py's command dispatch (receiving, parsing, building the interaction), the
dispatch to the command's callback (checking and transforming the options), the callback to its
reply (our code: the query, the rendering, the buttons), and the reply to its arrival at the fake
(discord.py building and sending the request). Each is printed as p50 and p99 per command, and
the p99 of each response less its callback's time against the no-op's: the ratio the command
would have if our code cost nothing (what discord.py and the size of its answer leave).

With ``--postgres URL`` the store is PostgreSQL at that URL (an empty database, or a URL whose
search path is an empty schema) instead of a SQLite file.

With ``--locale ko`` (or zh-CN, zh-TW, ja) every interaction of the mix is sent twice, in
English and from a user whose Discord is in that language, which of the two first in turn (the
first one pays for the answer, the second finds it made); the locale line
gives the ratio of those response times to English (pooled over the commands), and of rendering
alone (every nation's, athlete's and event's answer as embeds, English against the locale).

Run from the repository root: ``python bench/interactions.py [N] [--full [--rounds R]]
[--default-gc] [--phases] [--postgres URL] [--locale LOCALE]``. The last line is ``SUMMARY mix=...
[rounds=R] p99_noop_ms=<float>
ratio_<command>=<float>... [locale=... locale_ratio_p50=<float> locale_ratio_p99=<float>
locale_render_ratio=<float>] rss_mb=<float>
start_fill_s=<float> start_open_s=<float>``.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import discord
from discord import app_commands

from bot.discord_ui import render
from bot.discord_ui.client import build_client, sync_commands
from bot.discord_ui.components import Query, show
from bot.discord_ui.endpoints import point_discord_at
from bot.discord_ui.frontend import DiscordFrontEnd
from bot.i18n import ENGLISH, Lang, choose_lang, lang_of_discord
from bot.ingest.bundled import default_data_dir
from bot.runtime import collect_in_background, settle_memory
from bot.service import GamesService
from bot.store.factory import Store, open_store
from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.fixtures import fake_settings

NATIONS = [
    "korea",
    "china",
    "japan",
    "kazakstan",
    "韩国",
    "philipines",
    "chinese taipei",
    "KOR",
    "north korea",
    "thailand",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def full_mix(service: GamesService, seed: int = 2026) -> list[tuple[str, dict[str, str]]]:
    """Every nation, athlete and event of every loaded Games, by name, once each, shuffled."""
    mix: list[tuple[str, dict[str, str]]] = []
    for view in service.library.views():
        games = view.games_id
        index = view.index
        mix += [
            ("medals", {"nation": n.name.lower(), "games": games}) for n in index.nations.values()
        ]
        mix += [
            ("athlete", {"name": a.name.lower(), "games": games}) for a in index.athletes.values()
        ]
        mix += [("event", {"name": e.name.lower(), "games": games}) for e in index.events.values()]
    random.Random(seed).shuffle(mix)
    return mix


async def start_up(location: str | Path) -> tuple[GamesService, Store, float, float]:
    """Fill a new database with every bundled Games (timed), then open it again (timed)."""
    t0 = time.perf_counter()
    store = await open_store(location)
    await GamesService(store, None, default_data_dir()).start()
    await store.close()
    t1 = time.perf_counter()
    store = await open_store(location)
    service = GamesService(store, None, default_data_dir())
    await service.start()
    t2 = time.perf_counter()
    return service, store, t1 - t0, t2 - t1


def render_ratio(service: GamesService, lang: Lang, rounds: int = 3) -> tuple[float, float]:
    """Rendering alone: every nation's, athlete's and event's answer of every loaded Games as
    Discord embeds, in English and in ``lang`` (the render cache emptied before each pass, the
    answers made beforehand), alternating passes; the best pass of each, in ms."""
    queries = service.queries
    answers = []
    for view in service.library.views():
        games, index = view.games_id, view.index
        answers += [queries.medals(code, games=games) for code in index.nations]
        answers += [queries.athlete(a, games=games) for a in index.athletes]
        answers += [queries.event(e, games=games) for e in index.events]
    best = {ENGLISH: float("inf"), lang: float("inf")}
    for _ in range(rounds + 1):  # the first round warms the words' caches
        for each in (ENGLISH, lang):
            render._RENDERED.clear()
            t0 = time.perf_counter()
            for answer in answers:
                render.render_embeds(answer, each)
            best[each] = min(best[each], (time.perf_counter() - t0) * 1000)
    return best[ENGLISH], best[lang]


PHASES = ("gateway", "options", "ours", "reply")


def install_phase_clocks() -> dict[int, dict[str, Any]]:
    """Clock the steps of every interaction (``--phases``): discord.py's command dispatch, the
    command's callback, its reply and the reply's arrival at the fake, by interaction id."""
    from discord.app_commands.commands import Command

    from tests.fakediscord.rest import ARRIVED_KEY, Rest

    stamps: dict[int, dict[str, Any]] = {}
    loop_time = asyncio.get_running_loop().time

    def wrap(owner: Any, name: str, step: str, of: Any) -> None:
        original = getattr(owner, name)

        async def clocked(self: Any, *args: Any, **kwargs: Any) -> Any:
            interaction_id, label, when = of(self, args)
            entry = stamps.setdefault(interaction_id, {})
            entry[step] = loop_time() if when is None else when
            if label is not None:
                entry["command"] = label
            return await original(self, *args, **kwargs)

        setattr(owner, name, clocked)

    wrap(Command, "_invoke_with_namespace", "dispatch", lambda c, a: (a[0].id, c.name, None))
    wrap(Command, "_do_call", "call", lambda c, a: (a[0].id, None, None))
    wrap(
        discord.InteractionResponse, "send_message", "send", lambda r, a: (r._parent.id, None, None)
    )

    def arrived(rest: Any, args: Any) -> tuple[int, None, float]:
        """The request's arrival, as the fake stamped it before reading its body."""
        interaction_id = int(args[0].match_info["interaction_id"])
        entry = stamps.setdefault(interaction_id, {})
        entry["created"] = rest.world.interactions[interaction_id].created
        return interaction_id, None, args[0][ARRIVED_KEY]

    wrap(Rest, "callback", "arrive", arrived)
    return stamps


def print_phases(stamps: dict[int, dict[str, Any]]) -> None:
    """p50 and p99 of each step of the response time, per command (``--phases``)."""
    steps = ("created", "dispatch", "call", "send", "arrive")
    by_command: dict[str, dict[str, list[float]]] = {}
    # Each response less its callback's own time (the query, the rendering, the buttons): what
    # the answer would take if our code cost nothing, for its size and the state it leaves.
    others: dict[str, list[float]] = {}
    for entry in stamps.values():
        if "command" not in entry or not all(step in entry for step in steps):
            continue
        series = by_command.setdefault(entry["command"], {phase: [] for phase in PHASES})
        for phase, (start, end) in zip(PHASES, itertools.pairwise(steps), strict=True):
            series[phase].append((entry[end] - entry[start]) * 1000)
        others.setdefault(entry["command"], []).append(
            (entry["arrive"] - entry["created"] - (entry["send"] - entry["call"])) * 1000
        )
    floor = percentile(others["noop"], 0.99) if others.get("noop") else None
    for command, series in sorted(by_command.items()):
        without = (
            f" · without ours p99 ratio to /noop={percentile(others[command], 0.99) / floor:.3f}"
            if floor
            else ""
        )
        print(
            f"/{command:<10} phases "
            + " · ".join(
                f"{phase} p50={statistics.median(v):.3f} p99={percentile(v, 0.99):.3f}"
                for phase, v in series.items()
            )
            + " ms"
            + without
        )


async def main(n: int, full: bool, locale: str | None = None, rounds: int = 1) -> None:
    # Before the fake is made: its routes hold the handlers they are given.
    stamps = install_phase_clocks() if "--phases" in sys.argv else None
    fake = FakeDiscord(response_deadline=30.0)
    await fake.start()
    workdir = Path(tempfile.mkdtemp(prefix="gamesbot-bench-"))
    settings = fake_settings(fake, workdir)
    postgres = sys.argv[sys.argv.index("--postgres") + 1] if "--postgres" in sys.argv else None
    service, store, fill_s, open_s = await start_up(postgres or workdir / "gamesbot.db")
    rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    frontend = DiscordFrontEnd(service, settings)
    frontend.prepare()  # as gamesbot run does
    ready_made = service.queries.medals("KOR")

    def install(tree: app_commands.CommandTree[Any]) -> None:
        frontend.install(tree)

        @tree.command(name="noop", description="Answer ok at once (the benchmark's floor)")
        async def noop(interaction: discord.Interaction[Any]) -> None:
            await interaction.response.send_message("ok")

        @tree.command(
            name="sizedfloor", description="Answer a ready-made medals embed (payload floor)"
        )
        async def sizedfloor(interaction: discord.Interaction[Any]) -> None:
            await show(interaction, ready_made, Query("n", ("KOR", "")))

    point_discord_at(fake.api_base, fake.gateway_url)
    await sync_commands(settings, install, None)

    async def no_delay(shard_id: int | None, *, initial: bool = False) -> None:
        return None

    client = build_client(
        settings,
        install,
        guild_ready_timeout=0.05,
        chunk_guilds_at_startup=False,
        before_identify_hook=no_delay,
    )
    assert settings.discord_token is not None
    await client.login(settings.discord_token.get_secret_value())
    task = asyncio.create_task(client.connect())
    await client.wait_until_ready()

    for warm in range(20):  # warm the paths (a few nations only in the full mix)
        await fake.slash("medals", nation=NATIONS[warm % len(NATIONS)])
        await fake.slash("noop")
        await fake.slash("sizedfloor")
    # As gamesbot run does once started (bot/runtime.py): freeze what lives for the whole run and
    # collect cycles from a background task, not in the middle of an interaction. With
    # --default-gc the interpreter's automatic collection is left as it is.
    collector = None
    if "--default-gc" not in sys.argv:
        settle_memory()
        collector = asyncio.create_task(
            collect_in_background(rebuilt=lambda: service.library.rebuilds)
        )

    mix = (
        full_mix(service)
        if full
        else [("medals", {"nation": NATIONS[i % len(NATIONS)]}) for i in range(n)]
    )
    response: dict[str, list[float]] = {}
    trip: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    started = time.perf_counter()
    for round_number in range(rounds):
        if round_number:  # new views, as after a load: every answer is a first sight again
            await service.library.refresh_all()
            mix = full_mix(service, seed=2026 + round_number)
        await _send_mix(fake, mix, locale, full, response, trip, cpu)
    elapsed = time.perf_counter() - started

    if collector is not None:
        collector.cancel()
    await client.close()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    await store.close()
    await fake.stop()
    assert not fake.violations, fake.violations

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    games = ", ".join(service.library.games_ids)
    print(
        f"Games loaded: {games}; start-up: fill a new database {fill_s:.2f} s, open it again "
        f"{open_s:.2f} s; rss after start {rss_start:.1f} MB"
    )
    print(
        f"{'full' if full else 'repeated'} mix: {len(mix)} interactions + as many /noop, "
        + (f"{rounds} rounds over new views, " if rounds > 1 else "")
        + f"interleaved, {elapsed:.1f} s in all (fake Discord and bot in one process); "
        f"store: {'PostgreSQL' if postgres else 'SQLite'}"
    )
    p99_noop = percentile(response["noop"], 0.99)
    for command in sorted(response):
        values = response[command]
        print(
            f"/{command:<10} n={len(values):>5} response p50={statistics.median(values):.2f} ms "
            f"p99={percentile(values, 0.99):.2f} ms"
            + (
                f" · round trip p50={statistics.median(trip[command]):.2f} ms"
                if command in trip
                else ""
            )
            + f" · p99 ratio to /noop={percentile(values, 0.99) / p99_noop:.3f}"
        )
    print_cpu(cpu)
    if stamps is not None:
        print_phases(stamps)
    ratios = " ".join(
        f"ratio_{c}={percentile(v, 0.99) / p99_noop:.3f}"
        for c, v in sorted(response.items())
        if c in {"medals", "athlete", "event"}
    )
    if locale is not None:
        ratios += " " + locale_ratios(response, locale, service)
    print(
        f"SUMMARY mix={'full' if full else 'repeated'}"
        + (f" rounds={rounds}" if rounds > 1 else "")
        + f" p99_noop_ms={p99_noop:.3f} {ratios} "
        f"rss_mb={rss_mb:.1f} start_fill_s={fill_s:.2f} start_open_s={open_s:.2f}"
    )


async def _send_mix(
    fake: FakeDiscord,
    mix: list[tuple[str, dict[str, str]]],
    locale: str | None,
    full: bool,
    response: dict[str, list[float]],
    trip: dict[str, list[float]],
    cpu: dict[str, list[float]],
) -> None:
    """Send each interaction of ``mix`` and a /noop after it, adding their times to the series."""
    for number, (command, options) in enumerate(mix):
        # With a locale, each interaction is sent in English and in the locale, the first of the
        # two in turn (the first pays for the answer, the second finds it made).
        locales = [None] if locale is None else [None, locale][:: 1 if number % 2 else -1]
        for each in locales:
            t0, c0 = time.perf_counter(), time.thread_time()
            reply = await fake.slash(command, locale=each or "en-US", **options)
            t1, c1 = time.perf_counter(), time.thread_time()
            assert (reply.embeds or reply.content) and reply.answered_after is not None, reply
            series = command if each is None else f"{command}@{each}"
            response.setdefault(series, []).append(reply.answered_after * 1000)
            trip.setdefault(series, []).append((t1 - t0) * 1000)
            cpu.setdefault(series, []).append((c1 - c0) * 1000)
        t2, c2 = time.perf_counter(), time.thread_time()
        answer = await fake.slash("noop")
        t3, c3 = time.perf_counter(), time.thread_time()
        assert answer.content == "ok" and answer.answered_after is not None
        response.setdefault("noop", []).append(answer.answered_after * 1000)
        trip.setdefault("noop", []).append((t3 - t2) * 1000)
        cpu.setdefault("noop", []).append((c3 - c2) * 1000)
        if not full:
            sized = await fake.slash("sizedfloor")
            assert sized.embeds and sized.answered_after is not None
            response.setdefault("sizedfloor", []).append(sized.answered_after * 1000)


def print_cpu(cpu: dict[str, list[float]]) -> None:
    """CPU time of the whole in-process round trip (the fake's part, the bot's, the client's),
    per command: unlike the clocks above it does not count the time other processes hold the
    cores, so on a shared machine it shows what the interactions cost where their latencies are
    noise. For information; the SUMMARY stays on the response time."""
    noop = cpu["noop"]
    for command in sorted(cpu):
        values = cpu[command]
        print(
            f"/{command:<10} cpu p50={statistics.median(values):.2f} ms "
            f"p99={percentile(values, 0.99):.2f} ms · ratio to /noop "
            f"p50={statistics.median(values) / statistics.median(noop):.3f} "
            f"p99={percentile(values, 0.99) / percentile(noop, 0.99):.3f}"
        )


def locale_ratios(response: dict[str, list[float]], locale: str, service: GamesService) -> str:
    """The same interactions answered in ``locale`` against English, pooled over the commands
    (p50 and p99 of the response time), and rendering alone; printed, and returned for the
    SUMMARY."""
    english = [v for c, vs in response.items() if c in {"medals", "athlete", "event"} for v in vs]
    local = [v for c, vs in response.items() if c.endswith(f"@{locale}") for v in vs]
    p50 = statistics.median(local) / statistics.median(english)
    p99 = percentile(local, 0.99) / percentile(english, 0.99)
    lang = choose_lang(locale)
    english_ms, local_ms = render_ratio(service, lang)
    print(
        f"locale {locale}: response p50 ratio to English={p50:.3f} p99 ratio={p99:.3f}; "
        f"rendering alone (every answer as embeds): English {english_ms:.0f} ms, "
        f"{locale} {local_ms:.0f} ms, ratio={local_ms / english_ms:.3f}"
    )
    return (
        f"locale={locale} locale_ratio_p50={p50:.3f} locale_ratio_p99={p99:.3f} "
        f"locale_render_ratio={local_ms / english_ms:.3f}"
    )


def _locale_argument(argv: list[str]) -> str | None:
    """``--locale ko``: run the mix in that Discord locale too, beside English."""
    if "--locale" not in argv:
        return None
    position = argv.index("--locale") + 1
    if position >= len(argv) or lang_of_discord(argv[position]) is None:
        raise SystemExit(
            "--locale takes a Discord locale gamesbot answers in: ko, zh-CN, zh-TW, ja"
        )
    return argv[position]


def _rounds_argument(argv: list[str]) -> int:
    """``--rounds R``: send the full mix R times, over new views each time."""
    if "--rounds" not in argv:
        return 1
    position = argv.index("--rounds") + 1
    if position >= len(argv) or not argv[position].isdecimal() or int(argv[position]) < 1:
        raise SystemExit("--rounds takes a whole number of rounds, 1 or more")
    return int(argv[position])


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 1000
    rounds = _rounds_argument(sys.argv)
    if rounds > 1 and "--full" not in sys.argv:
        raise SystemExit("--rounds goes with --full")
    asyncio.run(main(count, "--full" in sys.argv, _locale_argument(sys.argv), rounds))
