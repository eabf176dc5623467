"""Loading results through the service on a real store, on both backends (SQLite and
PostgreSQL): preview, apply, undo, stale previews, export round trips, and malformed files that
never change the data."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers.models import NationSummary
from bot.answers.text import render_text
from bot.domain.errors import InvalidResultsFile, NothingToUndoError, StalePreviewError
from bot.service import GamesService
from bot.store.factory import Store
from tests.backends import Backend

HEADER = "games,sport,event,gender,date,rank,medal,noc,athletes,mark,note\n"
EVENT = ",Short track speed skating,Men's 5000 metre relay,men,2025-02-09,"
# Korea's penalty overturned on appeal (a made-up correction): KOR silver, JPN bronze, CHN fourth.
APPEAL = (
    HEADER
    + EVENT
    + "1,gold,KAZ,Denis Nikisha;Gleb Ivchenko;Mersaid Zhaksybayev;Adil Galiakhmetov,6:59.415,\n"
    + EVENT
    + "2,silver,KOR,Park Ji-won;Park Jang-hyuk;Jang Sung-woo;Kim Tae-sung,6:59.782,penalty overturned\n"
    + EVENT
    + "3,bronze,JPN,Shuta Matsuzu,,\n"
    + EVENT
    + "4,,CHN,Liu Shaoang;Lin Xiaojun;Sun Long;Liu Shaolin,,\n"
).encode()


@pytest.fixture
def store_location(backend: Backend) -> str | Path:
    """Every test here runs on SQLite and on PostgreSQL."""
    return backend.location


def tally(service: GamesService, noc: str) -> tuple[int, int, int]:
    answer = service.queries.medals(noc)
    assert isinstance(answer, NationSummary)
    return answer.count.key


async def test_preview_apply_and_undo(service: GamesService) -> None:
    preview = service.loads.preview_load("appeal.csv", APPEAL)
    changes = {c.noc: (c.before.key, c.after.key) for c in preview.table_changes}
    assert changes == {
        "KOR": ((16, 15, 14), (16, 16, 14)),
        "JPN": ((10, 12, 15), (10, 11, 16)),
        "CHN": ((32, 27, 26), (32, 27, 25)),
    }
    assert tally(service, "KOR") == (16, 15, 14)  # a preview writes nothing
    before_as_of = service.library.provenance().as_of

    applied = await service.loads.load(
        "appeal.csv", APPEAL, user_id=7, expect_last_load=preview.base_load_id
    )
    assert applied.applied_load_id is not None
    assert tally(service, "KOR") == (16, 16, 14)
    assert service.library.provenance().source == "appeal.csv"
    # bundled data has no load time (its freshness is when it was compiled); a load has one
    assert service.library.provenance().as_of is not None and before_as_of is None

    undone = await service.loads.undo(user_id=7)
    assert undone.undone is not None and undone.undone.load_id == applied.applied_load_id
    assert tally(service, "KOR") == (16, 15, 14)
    with pytest.raises(NothingToUndoError):
        await service.loads.undo(user_id=7)
    history = await service.loads.history()
    assert [load.kind for load in history.loads] == ["undo", "load", "bundled"]
    assert history.loads[1].user_id == 7 and history.loads[1].undone_by == history.loads[0].load_id


async def test_a_stale_preview_is_refused(service: GamesService) -> None:
    preview = service.loads.preview_load("appeal.csv", APPEAL)
    await service.loads.load("other.csv", APPEAL, user_id=1, expect_last_load=preview.base_load_id)
    with pytest.raises(StalePreviewError):
        await service.loads.load(
            "appeal.csv", APPEAL, user_id=2, expect_last_load=preview.base_load_id
        )


async def test_export_loads_back_as_no_change(service: GamesService) -> None:
    history = await service.loads.history()
    for fmt in ("json", "csv"):
        exported = service.loads.export(fmt)  # type: ignore[arg-type]
        preview = service.loads.preview_load(f"export.{fmt}", exported)
        assert preview.no_change and not preview.changes_anything, fmt
        assert preview.table_changes == ()
        loaded = await service.loads.load(f"export.{fmt}", exported, user_id=None)
        assert loaded.no_change and loaded.applied_load_id is None
        assert "No changes" in render_text(loaded) and "no history entry" in render_text(loaded)
        assert service.loads.export(fmt) == exported  # type: ignore[arg-type]
    assert await service.loads.history() == history  # no history entry for either


async def test_a_load_that_changes_nothing_makes_no_history_entry(service: GamesService) -> None:
    applied = await service.loads.load("appeal.csv", APPEAL, user_id=1)
    assert applied.applied_load_id is not None and not applied.no_change
    history = await service.loads.history()
    again = await service.loads.load("again.csv", APPEAL, user_id=1)
    assert again.no_change and again.applied_load_id is None
    assert await service.loads.history() == history
    undone = await service.loads.undo(user_id=1)  # undoes the load that changed something
    assert undone.undone is not None and undone.undone.load_id == applied.applied_load_id


async def test_a_change_of_details_only_is_a_change(service: GamesService) -> None:
    exported = json.loads(service.loads.export("json"))
    exported["events"][0]["venue"] = "A new venue"
    content = json.dumps(exported).encode()
    preview = service.loads.preview_load("venue.json", content)
    assert not preview.no_change and preview.changes_anything and preview.changes_details_only
    assert "Only details change" in render_text(preview)
    loaded = await service.loads.load("venue.json", content, user_id=1)
    assert loaded.applied_load_id is not None
    assert (await service.loads.history()).loads[0].source == "venue.json"


async def test_a_bad_file_lists_every_problem_and_changes_nothing(service: GamesService) -> None:
    before = service.loads.export("json")
    bad = (
        HEADER
        + EVENT
        + "1,gold,KAZ,Denis Nikisha,,\n"
        + EVENT
        + "2,golden,NOR,Someone,,\n"
        + EVENT
        + "x,bronze,JPN,Shuta Matsuzu,,\n"
    ).encode()
    with pytest.raises(InvalidResultsFile) as caught:
        await service.loads.load("bad.csv", bad, user_id=1)
    problems = [str(p) for p in caught.value.problems]
    assert any(p.startswith("row 3") and "NOR" in p for p in problems)
    assert any(p.startswith("row 3") and "golden" in p for p in problems)
    assert any(p.startswith("row 4") and "'x'" in p for p in problems)
    assert service.loads.export("json") == before


junk = st.one_of(
    st.binary(max_size=400),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400).map(str.encode),
    st.lists(
        st.lists(
            st.text(
                alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                max_size=12,
            ),
            min_size=1,
            max_size=12,
        ),
        max_size=6,
    ).map(lambda rows: (HEADER + "\n".join(",".join(r) for r in rows)).encode()),
    st.just(APPEAL[: len(APPEAL) // 2]),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.just("\ud800"),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "events",
                        "results",
                        "noc",
                        "rank",
                        "medal",
                        "sport",
                        "event",
                        "gender",
                        "nocs",
                        "athletes",
                        "games_info",
                    ]
                ),
                inner,
                max_size=4,
            )
        ),
        max_leaves=12,
    ).map(lambda value: __import__("json").dumps(value).encode()),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=junk, name=st.sampled_from(["f.csv", "f.json", "upload"]))
async def test_malformed_files_never_raise_unhandled_errors_nor_change_data(
    service: GamesService, store: Store, content: bytes, name: str
) -> None:
    before = await store.read_games("harbin-2025")
    try:
        await service.loads.load(name, content, user_id=1)
    except InvalidResultsFile as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
        assert await store.read_games("harbin-2025") == before


async def test_csv_export_neutralises_formulas_and_still_loads_back(service: GamesService) -> None:
    """Marks and notes that start like formulas (time behind ``+0.512``, ``-1 lap``, a note
    ``=HYPERLINK(...)``, ``@x``) are exported with a leading quote, and loading the export back
    changes nothing."""
    hostile = (
        HEADER
        + EVENT
        + '1,gold,KAZ,Denis Nikisha,6:59.415,=HYPERLINK("http://x")\n'
        + EVENT
        + "2,silver,KOR,Park Ji-won,+0.367,@SUM(A1)\n"
        + EVENT
        + "3,bronze,JPN,Shuta Matsuzu,-1 lap,'=already quoted\n"
    ).encode()
    loaded = await service.loads.load("hostile.csv", hostile, user_id=1)
    assert loaded.applied_load_id is not None
    relay = service.queries.event("men's 5000 metre relay")
    assert "+0.367" in render_text(relay) and "=HYPERLINK" in render_text(relay)
    exported = service.loads.export("csv")
    for line in exported.decode().splitlines()[1:]:
        for cell in next(iter(csv.reader([line]))):
            assert (cell.lstrip("'")[:1] or "a") not in "=+-@\t\r" or cell.startswith("'"), cell
    text = exported.decode()
    assert "'=HYPERLINK" in text and ",'+0.367," in text and ",'-1 lap," in text
    # A quote before a formula in a loaded CSV is the spreadsheet's "this is text" mark: read off.
    assert ",'=already quoted" in text and "''=" not in text
    again = await service.loads.load("export.csv", exported, user_id=1)
    assert again.no_change
