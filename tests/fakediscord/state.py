"""In-memory world of the fake: users, guilds, roles, channels, members, messages, commands,
attachments, pending interactions, and the record of requests and rule violations.

Owns data only (plus tiny helpers that turn it into payloads); no networking.
"""

from __future__ import annotations

import asyncio
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from tests.fakediscord import factories
from tests.fakediscord.reply import Changes, Reply

Json = dict[str, Any]

# Permissions @everyone gets in a new guild (view, send, history, use app commands, ...).
DEFAULT_EVERYONE_PERMISSIONS = 2248473465835073
ADMINISTRATOR = 1 << 3


@dataclass
class User:
    id: int
    username: str
    bot: bool = False

    def payload(self) -> Json:
        return factories.user(self.id, self.username, bot=self.bot)


@dataclass
class Role:
    id: int
    guild_id: int
    name: str
    permissions: int
    position: int

    def payload(self) -> Json:
        return factories.role(self.id, self.name, self.permissions, self.position)


@dataclass
class Channel:
    id: int
    guild_id: int | None
    name: str
    kind: int = 0

    def payload(self) -> Json:
        return factories.channel(self.id, self.name, guild_id=self.guild_id, kind=self.kind)


@dataclass
class Member:
    """A user in a guild, with role ids and an optional explicit permissions bitfield."""

    guild: Guild
    user: User
    role_ids: list[int]
    explicit_permissions: int | None = None

    @property
    def id(self) -> int:
        return self.user.id

    @property
    def permissions(self) -> int:
        """Effective permissions: the explicit bitfield, else the OR of @everyone and roles."""
        if self.explicit_permissions is not None:
            return self.explicit_permissions
        if self.user.id == self.guild.owner_id:
            return (1 << 53) - 1
        value = self.guild.roles[self.guild.id].permissions
        for role_id in self.role_ids:
            value |= self.guild.roles[role_id].permissions
        return (1 << 53) - 1 if value & ADMINISTRATOR else value

    def payload(self, *, with_permissions: bool = False) -> Json:
        return factories.member(
            self.user.payload(),
            self.role_ids,
            permissions=self.permissions if with_permissions else None,
        )


@dataclass
class Guild:
    id: int
    name: str
    owner_id: int
    roles: dict[int, Role] = field(default_factory=dict)
    channels: list[Channel] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    #: What admins set in Server Settings → Integrations for one command: command id →
    #: {("user" | "role", id): allowed}. The @everyone role's id is the guild's id.
    command_overwrites: dict[int, dict[tuple[str, int], bool]] = field(default_factory=dict)
    #: The server's language (``guild_locale`` in interactions, ``preferred_locale`` in GUILD_CREATE).
    locale: str = "en-US"

    def command_overwrite(self, command_id: int, member: Member) -> bool | None:
        """Whether this server's overwrites of the command let ``member`` use it (None: none
        applies, so the command's ``default_member_permissions`` decide), as Discord reads
        them: the member's own overwrite, else any of their roles' (an allow wins), else
        @everyone's."""
        overwrites = self.command_overwrites.get(command_id, {})
        if ("user", member.id) in overwrites:
            return overwrites[("user", member.id)]
        by_role = [overwrites[("role", r)] for r in member.role_ids if ("role", r) in overwrites]
        if by_role:
            return any(by_role)
        return overwrites.get(("role", self.id))

    @property
    def default_channel(self) -> Channel:
        return self.channels[0]

    @property
    def default_member(self) -> Member:
        """The first non-bot member (the guild's default "tester")."""
        return next(m for m in self.members if not m.user.bot)

    def payload(self) -> Json:
        return factories.guild(
            self.id,
            self.name,
            owner_id=self.owner_id,
            roles=[r.payload() for r in self.roles.values()],
            channels=[c.payload() for c in self.channels],
            members=[m.payload() for m in self.members],
            preferred_locale=self.locale,
        )


@dataclass
class Attachment:
    """A file on the fake CDN (uploaded by a test user or by the bot)."""

    id: int
    channel_id: int
    filename: str
    data: bytes
    content_type: str | None
    url: str = ""

    def payload(self) -> Json:
        return factories.attachment(
            self.id, self.filename, len(self.data), self.url, self.content_type
        )


@dataclass
class Interaction:
    """An interaction the fake dispatched, waiting for (or holding) the bot's answers."""

    id: int
    kind: int
    token: str
    guild_id: int | None
    channel_id: int
    shard_id: int
    created: float
    reply: Reply
    source_message_id: int | None = None
    responded: bool = False
    expired: bool = False
    user: Json = field(default_factory=dict)


@dataclass
class RecordedRequest:
    """One REST request the bot made (path is relative to /api/v10, or /attachments/...)."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    files: dict[str, tuple[str, bytes]]
    status: int = 0
    response: Any = None


@dataclass
class Violation:
    """A request the fake rejected because real Discord would (or a missed deadline)."""

    method: str
    path: str
    status: int
    code: int
    message: str
    errors: Json | None = None


@dataclass
class RateLimitRule:
    method: str
    path_regex: str
    times: int
    retry_after: float
    is_global: bool


class World:
    """All state of one fake Discord instance."""

    def __init__(self, *, token: str, response_deadline: float) -> None:
        self.snowflakes = factories.Snowflakes()
        self.token = token
        self.response_deadline = response_deadline
        self.app_id = self.snowflakes.next()
        self.bot_user = User(self.app_id, "gamesbot", bot=True)
        self.owner = User(self.snowflakes.next(), "owner")
        self.guilds: dict[int, Guild] = {}
        self.channels: dict[int, Channel] = {}
        self.messages: dict[int, Json] = {}
        self.channel_messages: defaultdict[int, list[Json]] = defaultdict(list)
        self.commands: dict[int | None, list[Json]] = {}
        self.attachments: dict[int, Attachment] = {}
        self.interactions: dict[int, Interaction] = {}
        self.interactions_by_token: dict[str, Interaction] = {}
        self.requests: list[RecordedRequest] = []
        self.violations: list[Violation] = []
        self.rate_limits: list[RateLimitRule] = []
        self.privileged_intents = 0
        self.cdn_secret = secrets.token_bytes(16)
        self.changes = Changes()
        self.http_base = ""
        self.recommended_shards = 1

    def new_token(self) -> str:
        return "aW50ZXJhY3Rpb246" + secrets.token_urlsafe(48)

    def store_message(self, message: Json, *, channel_post: bool = False) -> Json:
        """Stores (a new version of) a message; ``channel_post``: sent to a channel by the bot."""
        message_id = int(message["id"])
        self.messages[message_id] = message
        bucket = self.channel_messages[int(message["channel_id"])]
        if channel_post:
            bucket.append(message)
        else:
            bucket[:] = [message if old["id"] == message["id"] else old for old in bucket]
        self.changes.notify()
        return message

    def record_violation(self, violation: Violation) -> None:
        self.violations.append(violation)
        self.changes.notify()

    def loop_time(self) -> float:
        return asyncio.get_running_loop().time()
