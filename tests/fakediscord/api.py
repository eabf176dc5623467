"""The test API of the fake: build a world, drive a bot like Discord users would, and observe
what the bot sent.

Owns :class:`FakeDiscord`: factories for guilds/roles/channels/members/attachments, the user
actions (``slash``, ``autocomplete``, ``upload``, ``click``, ``select``, ``drop_connection``)
built from the commands the bot actually synced, and awaitables with timeouts.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping, Sequence
from typing import Any

from tests.fakediscord import cdn, rules
from tests.fakediscord import options as option_payloads
from tests.fakediscord.gateway import Gateway, Session
from tests.fakediscord.reply import DEFAULT_TIMEOUT, Reply
from tests.fakediscord.server import Server
from tests.fakediscord.state import (
    DEFAULT_EVERYONE_PERMISSIONS,
    Attachment,
    Channel,
    Guild,
    Interaction,
    Member,
    RateLimitRule,
    RecordedRequest,
    Role,
    User,
    Violation,
    World,
)

Json = dict[str, Any]
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024
BOT_PERMISSIONS = DEFAULT_EVERYONE_PERMISSIONS | (1 << 14) | (1 << 15)  # embed links, attach files
COMMAND, COMPONENT, AUTOCOMPLETE = 2, 3, 4


class InteractionFailed(AssertionError):
    """The bot did not answer in time, or Discord rejected its answer (user sees "failed")."""

    def __init__(self, message: str, reply: Reply) -> None:
        super().__init__(message)
        self.reply = reply


class NotPermitted(PermissionError):
    """Discord would not show this command to this member (default_member_permissions)."""


class FakeDiscord:
    """A local Discord: start it, point a bot at ``api_base``/``gateway_url``, then drive it."""

    def __init__(self, *, token: str = "fake-bot-token", response_deadline: float = 3.0) -> None:
        self.world = World(token=token, response_deadline=response_deadline)
        self.server = Server(self.world)
        self._announcements: list[asyncio.Task[None]] = []
        self.default_guild = self.add_guild("Test Guild")

    # --- lifecycle and addresses ---------------------------------------------------------------

    async def start(self, port: int = 0) -> None:
        """Start listening on 127.0.0.1 (``port``, or an ephemeral one)."""
        await self.server.start(port)

    async def stop(self) -> None:
        for task in self._announcements:
            task.cancel()
        await self.server.stop()

    @property
    def api_base(self) -> str:
        """Value for DISCORD_API_BASE / ``Route.BASE``."""
        return f"{self.server.http_base}/api/v10"

    @property
    def gateway_url(self) -> str:
        """Value for DISCORD_GATEWAY_URL / ``DiscordWebSocket.DEFAULT_GATEWAY``."""
        return f"{self.server.ws_base}/gateway"

    @property
    def token(self) -> str:
        return self.world.token

    @property
    def application_id(self) -> int:
        return self.world.app_id

    @property
    def bot_user(self) -> User:
        return self.world.bot_user

    @property
    def gateway(self) -> Gateway:
        return self.server.gateway

    @property
    def response_deadline(self) -> float:
        return self.world.response_deadline

    @response_deadline.setter
    def response_deadline(self, seconds: float) -> None:
        self.world.response_deadline = seconds

    @property
    def recommended_shards(self) -> int:
        """``shards`` answered by GET /gateway/bot (for AutoShardedClient without a count)."""
        return self.world.recommended_shards

    @recommended_shards.setter
    def recommended_shards(self, count: int) -> None:
        self.world.recommended_shards = count

    # --- observations --------------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        return self.world.requests

    @property
    def violations(self) -> list[Violation]:
        return self.world.violations

    def take_violations(self) -> list[Violation]:
        """Returns and clears the recorded violations (for tests that expect some)."""
        taken = list(self.world.violations)
        self.world.violations.clear()
        return taken

    @property
    def commands(self) -> dict[int | None, list[Json]]:
        """Synced commands: key ``None`` is global, other keys are guild ids."""
        return self.world.commands

    @property
    def channel_messages(self) -> Mapping[int, list[Json]]:
        return self.world.channel_messages

    def message(self, message_id: int | str) -> Json:
        """The current version of a message (after edits)."""
        return self.world.messages[int(message_id)]

    # --- world factories -----------------------------------------------------------------------

    def add_guild(
        self, name: str = "Guild", *, shard: tuple[int, int] | None = None, locale: str = "en-US"
    ) -> Guild:
        """A guild with @everyone, #general, the bot and a default member "tester".

        ``shard=(id, count)`` picks an id owned by that shard; ``locale`` is the server's language
        (its ``guild_locale``). Guilds added after the bot connected are announced with
        GUILD_CREATE (the bot "joins" them).
        """
        snow = self.world.snowflakes
        guild_id = snow.for_shard(*shard) if shard else snow.next()
        guild = Guild(guild_id, name, owner_id=self.world.owner.id, locale=locale)
        guild.roles[guild_id] = Role(
            guild_id, guild_id, "@everyone", DEFAULT_EVERYONE_PERMISSIONS, 0
        )
        self.world.guilds[guild_id] = guild
        self.add_channel(guild, "general")
        bot_role = self.add_role(guild, "gamesbot", BOT_PERMISSIONS)
        guild.members.append(Member(guild, self.world.bot_user, [bot_role.id]))
        self.add_member(guild, "tester")
        owner = self.gateway.owner(guild_id) if hasattr(self, "server") else None
        if owner is not None:
            self._announcements.append(
                asyncio.ensure_future(owner.send_dispatch("GUILD_CREATE", guild.payload()))
            )
        return guild

    def add_role(self, guild: Guild, name: str, permissions: int = 0) -> Role:
        role = Role(self.world.snowflakes.next(), guild.id, name, permissions, len(guild.roles))
        guild.roles[role.id] = role
        return role

    def add_channel(self, guild: Guild, name: str) -> Channel:
        channel = Channel(self.world.snowflakes.next(), guild.id, name)
        guild.channels.append(channel)
        self.world.channels[channel.id] = channel
        return channel

    def add_member(
        self,
        guild: Guild | None = None,
        name: str | None = None,
        *,
        roles: Sequence[Role | int] = (),
        permissions: int | None = None,
    ) -> Member:
        """A member; ``permissions`` overrides the bitfield computed from @everyone + roles."""
        guild = guild or self.default_guild
        user = User(self.world.snowflakes.next(), name or f"user{len(guild.members)}")
        role_ids = [r.id if isinstance(r, Role) else int(r) for r in roles]
        member = Member(guild, user, role_ids, permissions)
        guild.members.append(member)
        return member

    def override_command(
        self,
        name: str,
        *,
        role: Role | None = None,
        member: Member | None = None,
        everyone: Guild | None = None,
        allow: bool = True,
    ) -> None:
        """What a server admin does in Server Settings → Integrations → the bot → a command:
        allow (or deny) one role, one member or @everyone, whatever the command's
        ``default_member_permissions`` say. Give exactly one of ``role``, ``member`` and
        ``everyone`` (the guild); the guild is theirs."""
        targets = [t for t in (role, member, everyone) if t is not None]
        if len(targets) != 1:
            raise ValueError("override one role, one member or @everyone")
        if role is not None:
            guild, key = self.world.guilds[role.guild_id], ("role", role.id)
        elif member is not None:
            guild, key = member.guild, ("user", member.id)
        else:
            assert everyone is not None
            guild, key = everyone, ("role", everyone.id)
        command_id = int(self.command(name, guild)["id"])
        guild.command_overwrites.setdefault(command_id, {})[key] = allow

    def add_user(self, name: str = "dm-user") -> User:
        """A user outside any guild (for DM interactions)."""
        return User(self.world.snowflakes.next(), name)

    def attachment(
        self,
        filename: str,
        data: bytes,
        *,
        content_type: str | None = None,
        channel: Channel | None = None,
    ) -> Attachment:
        """A file a user uploads (value for an attachment option), served by the fake CDN."""
        channel_id = (channel or self.default_guild.default_channel).id
        kind = content_type if content_type is not None else cdn.guess_content_type(filename)
        return cdn.add_file(self.world, channel_id, filename, data, kind)

    def rate_limit(
        self,
        method: str,
        path_regex: str,
        *,
        times: int = 1,
        retry_after: float = 0.05,
        is_global: bool = False,
    ) -> None:
        """The next ``times`` matching REST requests get a 429 (``Via`` header, ``retry_after``)."""
        self.world.rate_limits.append(
            RateLimitRule(method, path_regex, times, retry_after, is_global)
        )

    # --- awaiting ------------------------------------------------------------------------------

    async def wait_ready(self, n_shards: int = 1, timeout: float = 10.0) -> list[Session]:  # noqa: ASYNC109
        """Waits until ``n_shards`` sessions are connected and were sent READY."""
        await self.world.changes.until(
            lambda: len(self.gateway.connected()) >= n_shards, timeout, f"{n_shards} READY shard(s)"
        )
        return self.gateway.connected()

    async def wait_request(
        self,
        method: str,
        path_regex: str,
        *,
        start: int = 0,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
    ) -> RecordedRequest:
        """The first recorded request (from index ``start``) matching method and path regex."""
        pattern = re.compile(path_regex)

        def find() -> RecordedRequest | None:
            for request in self.world.requests[start:]:
                if request.method == method and pattern.search(request.path):
                    return request
            return None

        await self.world.changes.until(
            lambda: find() is not None, timeout, f"{method} {path_regex}"
        )
        found = find()
        assert found is not None
        return found

    async def wait_channel_message(
        self,
        channel: Channel | int,
        *,
        count: int = 1,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
    ) -> Json:
        """The ``count``-th message in a channel (waiting for it)."""
        channel_id = channel.id if isinstance(channel, Channel) else channel
        bucket = self.world.channel_messages[channel_id]
        await self.world.changes.until(
            lambda: len(bucket) >= count, timeout, f"message #{count} in channel {channel_id}"
        )
        return bucket[count - 1]

    async def wait_commands(
        self,
        guild: Guild | None = None,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
    ) -> list[Json]:
        scope = guild.id if guild else None
        await self.world.changes.until(
            lambda: scope in self.world.commands, timeout, "a command sync"
        )
        return self.world.commands[scope]

    async def drop_connection(self, shard_id: int | None = None, *, code: int | None = None) -> int:
        """Drops the bot's gateway connection(s) abruptly (or closes with ``code``).

        Events dispatched meanwhile are buffered and replayed when the bot RESUMEs.
        """
        return await self.gateway.drop(shard_id, code)

    # --- user actions --------------------------------------------------------------------------

    def command(self, name: str, guild: Guild | None = None) -> Json:
        """The synced chat-input command a user in ``guild`` would see under ``name``."""
        scopes: list[int | None] = [guild.id, None] if guild else [None]
        for scope in scopes:
            for command in self.world.commands.get(scope, []):
                if command["type"] == 1 and command["name"] == name:
                    return command
        synced = sorted({c["name"] for s in scopes for c in self.world.commands.get(s, [])})
        raise LookupError(f"command /{name} was not synced (synced: {synced})")

    async def slash(
        self,
        name: str,
        /,
        *,
        user: Member | User | None = None,
        guild: Guild | None = None,
        channel: Channel | None = None,
        options: Mapping[str, Any] | None = None,
        locale: str = "en-US",
        **kwargs: Any,
    ) -> Reply:
        """Runs ``/name`` (``"group sub"`` for subcommands) with option values as kwargs.

        ``user``/``guild``/``channel`` say who runs it where, ``locale`` in which language
        their Discord is (the interaction's ``locale``; the server's is the guild's own);
        options with those names (or names that are not Python identifiers) go in
        ``options={...}``. Options are named as registered (Discord sends the English names
        whatever the user saw).
        """
        values = {**(options or {}), **kwargs}
        guild, channel, user = self._where(user, guild, channel)
        command, path, defs = self._resolve(name, guild, user)
        resolved: Json = {}
        leaf = option_payloads.build_options(defs, values, resolved)
        data = option_payloads.command_data(command, path, leaf)
        if resolved:
            data["resolved"] = resolved
        return await self._dispatch(COMMAND, guild, channel, user, data, locale=locale)

    async def upload(
        self, name: str, option: str, filename: str, data: bytes, /, **kwargs: Any
    ) -> Reply:
        """``/name`` with ``option`` set to a freshly uploaded file."""
        content_type = kwargs.pop("content_type", None)
        file = self.attachment(filename, data, content_type=content_type)
        return await self.slash(name, options={option: file}, **kwargs)

    async def autocomplete(
        self,
        name: str,
        option: str,
        value: str,
        /,
        *,
        user: Member | User | None = None,
        guild: Guild | None = None,
        channel: Channel | None = None,
        options: Mapping[str, Any] | None = None,
        locale: str = "en-US",
        **kwargs: Any,
    ) -> list[Json]:
        """Types ``value`` into ``option`` of ``/name``; returns the choices the bot offered.

        Other options already filled in go in kwargs (or ``options={...}``).
        """
        kwargs = {**(options or {}), **kwargs}
        guild, channel, user = self._where(user, guild, channel)
        command, path, defs = self._resolve(name, guild, user)
        focused = next((d for d in defs if d["name"] == option), None)
        if focused is None or not focused.get("autocomplete"):
            raise ValueError(f"option {option!r} of /{name} has no autocomplete")
        others = {d["name"]: {**d, "required": False} for d in defs if d["name"] != option}
        leaf = option_payloads.build_options(list(others.values()), kwargs, {})
        leaf.append({"name": option, "type": focused["type"], "value": value, "focused": True})
        data = option_payloads.command_data(command, path, leaf)
        reply = await self._dispatch(AUTOCOMPLETE, guild, channel, user, data, locale=locale)
        return list(reply.choices or [])

    async def click(
        self,
        message: Json,
        custom_id: str,
        *,
        user: Member | User | None = None,
        locale: str = "en-US",
    ) -> Reply:
        """Clicks the button ``custom_id`` on (the current version of) ``message``."""
        current, component = self._component(message, custom_id, {rules.BUTTON})
        return await self._component_interaction(current, component, None, user, locale)

    async def select(
        self,
        message: Json,
        custom_id: str,
        values: Sequence[str],
        *,
        user: Member | User | None = None,
        locale: str = "en-US",
    ) -> Reply:
        """Picks ``values`` in the select menu ``custom_id`` of ``message``."""
        current, component = self._component(message, custom_id, rules.SELECTS)
        low, high = component.get("min_values", 1), component.get("max_values", 1)
        if not low <= len(values) <= high:
            raise ValueError(f"select {custom_id!r} takes {low}..{high} values, got {len(values)}")
        if component["type"] == 3:
            allowed = {o["value"] for o in component.get("options") or []}
            unknown = [v for v in values if v not in allowed]
            if unknown:
                raise ValueError(f"{unknown} are not options of select {custom_id!r}: {allowed}")
        return await self._component_interaction(current, component, list(values), user, locale)

    # --- internals -----------------------------------------------------------------------------

    def _where(
        self, user: Member | User | None, guild: Guild | None, channel: Channel | None
    ) -> tuple[Guild | None, Channel, Member | User]:
        if isinstance(user, Member):
            guild = guild or user.guild
        elif isinstance(user, User) and guild is None and channel is None:
            dm = Channel(self.world.snowflakes.next(), None, "", kind=1)
            self.world.channels[dm.id] = dm
            return None, dm, user
        guild = guild or (
            self.world.guilds[channel.guild_id]
            if channel and channel.guild_id
            else self.default_guild
        )
        channel = channel or guild.default_channel
        return guild, channel, user or guild.default_member

    def _resolve(
        self, name: str, guild: Guild | None, user: Member | User
    ) -> tuple[Json, list[str], list[Json]]:
        head, *path = name.split()
        command = self.command(head, guild)
        if guild is not None:
            self._check_permitted(command, user)
        elif command.get("dm_permission") is False or 1 not in (command.get("contexts") or [1]):
            raise NotPermitted(f"/{head} is not available in DMs")
        defs: list[Json] = command.get("options") or []
        for part in path:
            sub = next((d for d in defs if d["name"] == part and d["type"] in (1, 2)), None)
            if sub is None:
                raise LookupError(f"/{head} has no subcommand {part!r}")
            defs = sub.get("options") or []
        if any(d["type"] in (1, 2) for d in defs):
            raise LookupError(f"/{name} needs a subcommand: {[d['name'] for d in defs]}")
        return command, path, defs

    def _check_permitted(self, command: Json, user: Member | User) -> None:
        if not isinstance(user, Member):
            return
        have = user.permissions
        if have & rules.ADMINISTRATOR:
            return  # owners and administrators can use every command
        overwrite = user.guild.command_overwrite(int(command["id"]), user)
        if overwrite is True:
            return
        if overwrite is False:
            raise NotPermitted(
                f"{user.user.username} is denied /{command['name']} by this server's "
                "Integrations settings; Discord does not show the command"
            )
        required_raw = command.get("default_member_permissions")
        if required_raw is None:
            return
        required = int(required_raw)
        if required == 0 or have & required != required:
            raise NotPermitted(
                f"{user.user.username} lacks permissions {required:#x} for /{command['name']} "
                f"(has {have:#x}); Discord does not show the command"
            )

    def _component(self, message: Json, custom_id: str, kinds: set[int]) -> tuple[Json, Json]:
        current = self.world.messages.get(int(message["id"]))
        if current is None:
            raise LookupError(f"message {message['id']} does not exist (deleted?)")
        found = option_payloads.find_component(current.get("components") or [], custom_id)
        if found is None or found.get("type") not in kinds:
            ids = option_payloads.custom_ids(current.get("components") or [])
            raise LookupError(f"no such component {custom_id!r} on the message; it has {ids}")
        if found.get("disabled"):
            raise ValueError(f"component {custom_id!r} is disabled")
        return current, found

    async def _component_interaction(
        self,
        message: Json,
        component: Json,
        values: list[str] | None,
        user: Member | User | None,
        locale: str = "en-US",
    ) -> Reply:
        channel = self.world.channels[int(message["channel_id"])]
        guild = self.world.guilds.get(channel.guild_id) if channel.guild_id else None
        if user is None:
            user = guild.default_member if guild else self.add_user()
        data: Json = {"custom_id": component["custom_id"], "component_type": component["type"]}
        if values is not None:
            data["values"] = values
        return await self._dispatch(
            COMPONENT, guild, channel, user, data, message=message, locale=locale
        )

    async def _dispatch(
        self,
        kind: int,
        guild: Guild | None,
        channel: Channel,
        user: Member | User,
        data: Json,
        *,
        message: Json | None = None,
        locale: str = "en-US",
    ) -> Reply:
        if locale not in rules.LOCALES:
            raise ValueError(f"{locale!r} is not a Discord locale: {sorted(rules.LOCALES)}")
        for task in self._announcements:
            await task
        self._announcements.clear()
        world = self.world
        interaction_id, token = world.snowflakes.next(), world.new_token()
        user_payload = (user.user if isinstance(user, Member) else user).payload()
        reply = Reply(interaction_id, token, kind)
        payload: Json = {
            "id": str(interaction_id),
            "application_id": str(world.app_id),
            "type": kind,
            "token": token,
            "version": 1,
            "data": data,
            "channel": channel.payload(),
            "channel_id": str(channel.id),
            "locale": locale,
            "entitlements": [],
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
        }
        if guild is not None and isinstance(user, Member):
            bot_member = next(m for m in guild.members if m.user.id == world.bot_user.id)
            payload.update(
                {
                    "guild_id": str(guild.id),
                    "guild": {"id": str(guild.id), "locale": guild.locale, "features": []},
                    "guild_locale": guild.locale,
                    "member": user.payload(with_permissions=True),
                    "app_permissions": str(bot_member.permissions),
                    "authorizing_integration_owners": {"0": str(guild.id)},
                    "context": 0,
                }
            )
        else:
            payload.update(
                {
                    "user": user_payload,
                    "app_permissions": str(DEFAULT_EVERYONE_PERMISSIONS),
                    "authorizing_integration_owners": {"0": str(world.owner.id)},
                    "context": 1,
                }
            )
        if message is not None:
            payload["message"] = message
        interaction = Interaction(
            interaction_id,
            kind,
            token,
            guild.id if guild else None,
            channel.id,
            0,
            world.loop_time(),
            reply,
            int(message["id"]) if message else None,
        )
        interaction.user = user_payload
        world.interactions[interaction_id] = interaction
        world.interactions_by_token[token] = interaction
        session = await self.gateway.dispatch("INTERACTION_CREATE", payload, interaction.guild_id)
        interaction.shard_id = reply.shard_id = session.shard_id
        try:
            await reply.wait_answered(world.response_deadline)
        except TimeoutError:
            interaction.expired = True
            world.record_violation(
                Violation(
                    "INTERACTION",
                    f"/interactions/{interaction_id}",
                    0,
                    10062,
                    f"The bot did not respond within {world.response_deadline} s "
                    f'(Discord shows "This interaction failed")',
                )
            )
            raise InteractionFailed(
                f"no initial response to {_describe(kind, data)} within "
                f"{world.response_deadline} s",
                reply,
            ) from None
        if reply.error is not None:
            raise InteractionFailed(
                f"Discord rejected the response to {_describe(kind, data)}: {reply.error.body()}",
                reply,
            )
        return reply


def _describe(kind: int, data: Json) -> str:
    if kind == COMPONENT:
        return f"component {data.get('custom_id')!r}"
    return f"/{data.get('name')}" + (" (autocomplete)" if kind == AUTOCOMPLETE else "")
