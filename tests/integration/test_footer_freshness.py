"""The footer says how fresh the data is, not when the database was filled: bundled data says
"bundled data" (with the date its files say it was compiled), a load or an undo says which one,
by whom and when. Over a real store, through the service and both renderers' footer."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from bot.answers.provenance import Provenance, footer
from bot.answers.text import render_text
from bot.discord_ui.render import render_embeds
from bot.ingest.bundled import default_data_dir
from bot.service import GamesService
from bot.store.sqlite_store import SqliteStore
from tests.e2e.test_cli_loading import DSQ

GAMES = "harbin-2025"


async def open_service(db: Path, data_dir: Path) -> tuple[SqliteStore, GamesService]:
    store = await SqliteStore.open(db)
    service = GamesService(store, GAMES, data_dir)
    await service.start()
    return store, service


@pytest.fixture
def dated_data(tmp_path: Path) -> Path:
    """The bundled Games, its files saying they were compiled on 20 February 2025."""
    folder = tmp_path / "data" / GAMES
    shutil.copytree(default_data_dir() / GAMES, folder)
    nocs = folder / "00_nocs.json"
    content = json.loads(nocs.read_text("utf-8"))
    content["games_info"]["as_of"] = "2025-02-20"
    nocs.write_text(json.dumps(content, ensure_ascii=False), "utf-8")
    return folder.parent


async def test_a_new_database_of_bundled_data_says_bundled_data_as_of_its_files(
    tmp_path: Path,
) -> None:
    store, service = await open_service(tmp_path / "new.db", default_data_dir())
    try:
        answer = service.queries.medals("korea", games=GAMES)
        prov = answer.provenance
        assert prov.change == "bundled" and prov.as_of is None and prov.load_id is None
        info = json.loads((default_data_dir() / GAMES / "00_nocs.json").read_text("utf-8"))
        compiled = info["games_info"].get("as_of")
        expected = "bundled data"
        if compiled:
            day = dt.date.fromisoformat(compiled)
            expected += f" as of {day.day} {day:%b %Y}"
        assert render_text(answer).splitlines()[-1] == f"2025 Asian Winter Games · {expected}"
        assert "UTC" not in footer(prov)  # not the time this database happened to be filled
    finally:
        await store.close()


async def test_bundled_data_carries_the_date_its_files_were_compiled(
    tmp_path: Path, dated_data: Path
) -> None:
    store, service = await open_service(tmp_path / "dated.db", dated_data)
    try:
        answer = service.queries.medals("korea")
        assert answer.provenance.compiled == dt.date(2025, 2, 20)
        assert render_text(answer).endswith(
            "2025 Asian Winter Games · bundled data as of 20 Feb 2025"
        )
        embed = render_embeds(answer)[0].to_dict()
        assert embed["footer"]["text"].endswith(  # after "page 1/3 · "
            " · 2025 Asian Winter Games · bundled data as of 20 Feb 2025"
        )
    finally:
        await store.close()


async def test_a_moderators_load_and_undo_are_named_with_their_time(
    tmp_path: Path, dated_data: Path
) -> None:
    store, service = await open_service(tmp_path / "loads.db", dated_data)
    try:
        before = dt.datetime.now(dt.UTC).replace(microsecond=0)
        applied = await service.loads.load("dsq.csv", DSQ.encode(), user_id=123456789)
        prov = service.queries.medals("korea").provenance
        assert (prov.change, prov.load_id, prov.by_moderator) == (
            "load",
            applied.applied_load_id,
            True,
        )
        assert prov.as_of is not None and prov.as_of >= before
        when = f"{prov.as_of.day} {prov.as_of:%b %Y %H:%M} UTC"
        assert footer(prov) == (
            f"2025 Asian Winter Games · results load #{applied.applied_load_id} by a moderator, {when}"
        )
        embed = render_embeds(service.queries.event("women's 1000m short track"))[0].to_dict()
        assert embed["footer"]["text"].startswith(
            f"2025 Asian Winter Games · results load #{applied.applied_load_id} by a moderator, "
        )

        undone = await service.loads.undo(user_id=None)
        prov = service.queries.medals("korea").provenance
        assert (prov.change, prov.load_id, prov.by_moderator) == (
            "undo",
            undone.undo_load_id,
            False,
        )
        assert f"undo #{undone.undo_load_id} from the command line, " in footer(prov)
    finally:
        await store.close()


@pytest.mark.parametrize(
    ("prov", "words"),
    [
        (Provenance(games_id="g", games_name="G", source="s"), "G · bundled data"),
        (
            Provenance(games_id="g", games_name="G", source="s", compiled=dt.date(2026, 3, 1)),
            "G · bundled data as of 1 Mar 2026",
        ),
        (
            Provenance(
                games_id="g",
                games_name="G",
                source="mods.csv",
                change="load",
                load_id=12,
                by_moderator=True,
                as_of=dt.datetime(2026, 2, 3, 14, 5, tzinfo=dt.UTC),
            ),
            "G · results load #12 by a moderator, 3 Feb 2026 14:05 UTC",
        ),
        (
            Provenance(
                games_id="g",
                games_name="G",
                source="mods.csv",
                change="load",
                load_id=4,
                as_of=dt.datetime(2026, 2, 3, 15, 5, tzinfo=dt.timezone(dt.timedelta(hours=1))),
            ),
            "G · results load #4 from the command line, 3 Feb 2026 14:05 UTC",
        ),
        (
            Provenance(games_id="g", games_name="G", source="new.json", change="new"),
            "G · not loaded yet",
        ),
    ],
)
def test_footer_words(prov: Provenance, words: str) -> None:
    assert footer(prov) == words
