"""Loading results: the bundled Games a store does not hold yet, moderators' files (preview,
apply in one transaction, undo), the load history and exports. Every write goes through the
library's lock and rebuilds the view of the Games it changed.

The ingest modules (parsing, planning, diffs, exports) are imported by the methods that use
them: a one-shot question loads nothing and should not pay for importing them."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from pathlib import Path
from typing import Literal

from bot.answers.models import LoadHistory, LoadPreview, Provenance, UndoResult
from bot.answers.provenance import NEW_GAMES
from bot.domain.errors import (
    InvalidResultsFile,
    NothingToUndoError,
    NotLatestLoadError,
    StalePreviewError,
)
from bot.domain.models import GamesData, LoadPlan, LoadRecord
from bot.domain.ports import ResultsStore
from bot.ingest.bundled import BUNDLED_SOURCE, bundled_games, bundled_plan
from bot.query import summaries
from bot.service.library import Library

log = logging.getLogger(__name__)


class Loads:
    """Writes results into the store and keeps the library in step."""

    def __init__(self, store: ResultsStore, library: Library, data_dir: Path) -> None:
        self._store = store
        self.library = library
        self._data_dir = data_dir

    async def add_bundled(self) -> list[str]:
        """Load every bundled Games this store has never held (a new database gets them all; an
        upgraded one gains the new ones, and the Games it holds are left as they are)."""
        added = []
        held = set(await self._store.games_ids())
        others: list[GamesData] = []
        for games_id, folder in bundled_games(self._data_dir).items():
            if games_id in held or await self._store.history(games_id, 1):
                continue
            if not others:
                others = [await self._store.read_games(g) for g in sorted(held)]
            plan, digest = await asyncio.to_thread(bundled_plan, folder, games_id, None, others)
            try:
                await self._store.apply(
                    plan,
                    source=f"{BUNDLED_SOURCE}{games_id}/",
                    sha256=digest,
                    user_id=None,
                    kind="bundled",
                    expect_last_load=None,  # another process starting at once may be first
                )
                added.append(games_id)
                log.info("loaded the bundled %s from %s", games_id, folder)
            except StalePreviewError:
                log.info("the bundled %s was loaded by another process meanwhile", games_id)
            others.append(await self._store.read_games(games_id))
        return added

    def _current_export(self, source: str, content: bytes) -> LoadPreview | None:
        """A "no change" preview when ``content`` is byte for byte the current export (JSON or
        CSV) of a Games held; else None. How a file over a file's limits (a Games grown by
        several loads) is still recognised as an export: nothing of it is parsed, only compared
        with what ``export`` makes now, which costs no more than the data already held."""
        from bot.ingest.export import export_csv, export_json

        for view in self.library.views():
            data = view.index.data
            games = data.games.id.encode()
            if not content.startswith(b'{"games":' + json.dumps(data.games.id).encode()) and (
                b"\n" + games + b"," not in content[:4096]
            ):
                continue
            if content in (export_json(data), export_csv(data)):
                return LoadPreview(
                    provenance=self.library.provenance(view.games_id),
                    source=source,
                    sha256=hashlib.sha256(content).hexdigest(),
                    base_load_id=data.last_load.load_id if data.last_load else None,
                    events=(),
                    no_change=True,
                )
        return None

    def _plan(
        self, source: str, content: bytes, games: str | None
    ) -> tuple[LoadPreview, LoadPlan | None]:
        from bot.ingest.collection import collection_paused

        with collection_paused():
            return self._plan_file(source, content, games)

    def _plan_file(
        self, source: str, content: bytes, games: str | None
    ) -> tuple[LoadPreview, LoadPlan | None]:
        from bot.ingest.diff import preview
        from bot.ingest.parse import parse_results_file
        from bot.ingest.plan import build_plan
        from bot.ingest.unchanged import changes_nothing

        try:
            parsed = parse_results_file(source, content)
        except InvalidResultsFile as refused:
            too_large = any(p.where == "file" and "too large" in p.reason for p in refused.problems)
            export = self._current_export(source, content) if too_large else None
            if export is None:
                raise
            return export, None
        library = self.library
        games_id = parsed.file.games or library.games_id(games)
        known = games_id in library.games_ids
        current = library.view(games_id).index.data if known else None
        others = [v.index.data for v in library.views() if v.games_id != games_id]
        plan = build_plan([parsed], current, games_id, others)
        digest = hashlib.sha256(content).hexdigest()
        prov = (
            library.provenance(games_id)
            if known
            else Provenance(
                games_id=games_id,
                games_name=plan.games.name,
                games_aliases=plan.games.aliases,
                source=source,
                change=NEW_GAMES,
            )
        )
        result = preview(current, plan, provenance=prov, source=source, sha256=digest)
        if changes_nothing(current, plan):
            result = result.model_copy(update={"no_change": True})
        return result, plan

    def preview_load(self, source: str, content: bytes, games: str | None = None) -> LoadPreview:
        """What loading this file would change; raises ``InvalidResultsFile`` listing every problem."""
        return self._plan(source, content, games)[0]

    async def load(
        self,
        source: str,
        content: bytes,
        *,
        user_id: int | None,
        expect_last_load: int | Literal["any"] | None = "any",
        games: str | None = None,
    ) -> LoadPreview:
        """Validate and apply a results file in one transaction; the answer is its preview with
        ``applied_load_id`` set. With ``expect_last_load`` (the preview's ``base_load_id``), a file
        previewed before someone else's load is refused (``StalePreviewError``). A file that
        changes nothing writes nothing and makes no history entry: its preview comes back with
        ``no_change`` set and no ``applied_load_id``."""
        from bot.ingest.collection import collection_paused

        async with self.library.lock:
            result, load_plan = await asyncio.to_thread(self._plan, source, content, games)
            if result.no_change:
                if expect_last_load != "any" and result.base_load_id != expect_last_load:
                    raise StalePreviewError()  # the preview asked about is out of date all the same
                log.info("load of %s by user %s changes nothing: not applied", source, user_id)
                return result
            assert load_plan is not None  # only a current export comes without a plan
            with collection_paused():
                return await self._apply(result, load_plan, source, user_id, expect_last_load)

    async def _apply(
        self,
        result: LoadPreview,
        load_plan: LoadPlan,
        source: str,
        user_id: int | None,
        expect_last_load: int | Literal["any"] | None,
    ) -> LoadPreview:
        """Write a planned load and rebuild the view of its Games (the caller holds the lock)."""
        load_id = await self._store.apply(
            load_plan,
            source=source,
            sha256=result.sha256,
            user_id=user_id,
            kind="load",
            expect_last_load=expect_last_load,
        )
        await self.library.refresh(load_plan.games.id)
        log.info("load %s applied: %s by user %s", load_id, source, user_id)
        return result.model_copy(update={"applied_load_id": load_id})

    async def next_undo(self, games: str | None = None) -> LoadRecord:
        """The load ``undo`` would revert now (``NothingToUndoError`` when none is left): what a
        front-end names when it asks "undo this load?"."""
        record = await self._store.last_undoable(self.library.games_id(games))
        if record is None:
            raise NothingToUndoError()
        return record

    async def undo_load(
        self, load_id: int, *, user_id: int | None, games: str | None = None
    ) -> UndoResult:
        """Revert exactly load ``load_id``, of whichever Games it belongs to, or refuse with
        ``NotLatestLoadError`` (naming the latest load of ``games``) when it is not, or no
        longer, the latest load left to undo."""
        for games_id in self.library.games_ids:
            record = await self._store.last_undoable(games_id)
            if record is not None and record.load_id == load_id:
                return await self.undo(user_id=user_id, games=games_id, expect_load_id=load_id)
        latest = await self._store.last_undoable(self.library.games_id(games))
        raise NotLatestLoadError(load_id, latest.load_id if latest else None)

    async def undo(
        self, *, user_id: int | None, games: str | None = None, expect_load_id: int | None = None
    ) -> UndoResult:
        """Revert the most recent load (``NothingToUndoError`` when none is left). Undoing the
        load that created a Games removes that Games. With ``expect_load_id`` (the load a
        moderator was asked about), revert that load or nothing: ``NotLatestLoadError`` when
        another load or undo came in between."""
        from bot.ingest.diff import table_changes

        library = self.library
        games_id = library.games_id(games)
        async with library.lock:
            before_view = library.view(games_id)
            before = before_view.index.data
            prov = summaries.provenance(before_view.index)
            undone, undo_id = await self._store.undo_last(
                games_id, user_id=user_id, expect_load_id=expect_load_id
            )
            await library.refresh(games_id)
            log.info("load %s undone by user %s", undone.load_id, user_id)
            if games_id not in library.games_ids:
                return UndoResult(
                    provenance=prov,
                    undone=undone,
                    undo_load_id=undo_id,
                    message=f"{before.games.name} ({games_id}) came with this load and was removed.",
                )
            after = library.view(games_id).index.data
            return UndoResult(
                provenance=library.provenance(games_id),
                undone=undone,
                undo_load_id=undo_id,
                table_changes=table_changes(before, after),
            )

    async def history(self, games: str | None = None, limit: int = 25) -> LoadHistory:
        """The Games' loads, newest first."""
        games_id = self.library.games_id(games)
        loads = await self._store.history(games_id, limit)
        return LoadHistory(provenance=self.library.provenance(games_id), loads=tuple(loads))

    def export(self, fmt: Literal["json", "csv"] = "json", games: str | None = None) -> bytes:
        """The current data as a results file."""
        from bot.ingest.export import export_csv, export_json

        data = self.library.view(games).index.data
        return export_json(data) if fmt == "json" else export_csv(data)
