"""Followers: channels that follow a nation, and the alerts of the new medals each load brings
them (claimed in the store first, so each medal is posted once even with several processes)."""

from __future__ import annotations

from bot.answers.models import Answer, MedalAlert, Message
from bot.answers.phrase import phrase
from bot.domain.models import Follow
from bot.domain.ports import ResultsStore
from bot.query import summaries
from bot.service.library import GamesView, Library
from bot.service.queries import Queries


class Followers:
    """Follows, unfollows and the medal alerts of followed nations."""

    def __init__(self, store: ResultsStore, library: Library, queries: Queries) -> None:
        self._store = store
        self.library = library
        self._queries = queries

    def _follow_of(
        self, view: GamesView, guild_id: int, channel_id: int, nation: str
    ) -> Follow | Answer:
        """The follow a command names, or the answer saying the nation is unclear."""
        code = self._queries.nation_code(view, nation)
        if not isinstance(code, str):
            return code
        return Follow(guild_id=guild_id, channel_id=channel_id, games_id=view.games_id, noc=code)

    async def follow(
        self,
        guild_id: int,
        channel_id: int,
        nation: str,
        *,
        user_id: int | None,
        games: str | None = None,
    ) -> Answer:
        """Make a channel follow a nation's new medals."""
        view = self.library.view(games)
        follow = self._follow_of(view, guild_id, channel_id, nation)
        if not isinstance(follow, Follow):
            return follow
        added = await self._store.follow(follow, user_id=user_id)
        label = view.index.nations[follow.noc].label
        channel = f"<#{channel_id}>"
        said = (
            phrase(
                "{channel} now follows {nation}: each new medal is posted there once.",
                channel=channel,
                nation=label,
            )
            if added
            else phrase("{channel} already follows {nation}.", channel=channel, nation=label)
        )
        return Message(provenance=summaries.provenance(view.index), text=said.text, phrase=said)

    async def unfollow(
        self, guild_id: int, channel_id: int, nation: str, *, games: str | None = None
    ) -> Answer:
        """Stop a channel following a nation."""
        view = self.library.view(games)
        follow = self._follow_of(view, guild_id, channel_id, nation)
        if not isinstance(follow, Follow):
            return follow
        removed = await self._store.unfollow(follow)
        label = view.index.nations[follow.noc].label
        channel = f"<#{channel_id}>"
        said = (
            phrase("{channel} no longer follows {nation}.", channel=channel, nation=label)
            if removed
            else phrase("{channel} was not following {nation}.", channel=channel, nation=label)
        )
        return Message(
            provenance=summaries.provenance(view.index),
            text=said.text,
            phrase=said,
            answered=removed,
        )

    async def following(self, guild_id: int, games: str | None = None) -> Answer:
        """The follows of a guild."""
        view = self.library.view(games)
        follows = [
            f for f in await self._store.follows_in_guild(guild_id) if f.games_id == view.games_id
        ]
        if not follows:
            said = phrase("No channel here follows a nation yet. Use `/follow`.")
            return Message(provenance=summaries.provenance(view.index), text=said.text, phrase=said)
        else:
            text = "\n".join(
                f"{view.index.nations[f.noc].label} → <#{f.channel_id}>"
                for f in follows
                if f.noc in view.index.nations
            )
        return Message(provenance=summaries.provenance(view.index), text=text)

    async def take_alerts(self, games_id: str) -> list[MedalAlert]:
        """The new medals of followed nations in one Games, one alert per channel and nation, each
        medal claimed in the store first so that it is posted once even with several processes."""
        library = self.library
        library.changed.clear()
        pending = sorted(
            library.gained.pop(games_id, set()), key=lambda k: (k.event_id, k.noc, k.medal.order)
        )
        if not pending or games_id not in library.games_ids:
            return []
        claimed = await self._store.claim_announcements(games_id, pending)
        follows = await self._store.follows_of_games(games_id)
        view = library.view(games_id)
        alerts = []
        for follow in follows:
            keys = [k for k in claimed if k.noc == follow.noc]
            if not keys or follow.noc not in view.index.nations:
                continue
            alerts.append(
                MedalAlert(
                    provenance=summaries.provenance(view.index),
                    guild_id=follow.guild_id,
                    channel_id=follow.channel_id,
                    nation=view.index.nations[follow.noc],
                    medals=tuple(summaries.medal_line(view.index, k) for k in keys),
                )
            )
        return alerts
