"""REST handlers of the fake under ``/api/v10``: login, gateway info, command sync, interaction
callbacks, interaction webhooks (@original, followups) and channel messages.

Owns what each endpoint does to the world and answers; validation lives in ``rules.py``, and
request parsing/recording/auth/429s in ``server.py``. Handlers raise ``DiscordError`` for errors.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from aiohttp import web

from tests.fakediscord import cdn, factories, rules
from tests.fakediscord.rules import FLAG_EPHEMERAL, FLAG_LOADING, DiscordError
from tests.fakediscord.state import Interaction, World

Json = dict[str, Any]
JSON_KEY: web.RequestKey[Any] = web.RequestKey("json", object)
FILES_KEY: web.RequestKey[dict[str, tuple[str, bytes]]] = web.RequestKey("files", dict)
#: When a request reached the fake (the loop's clock), before its body was read or parsed.
ARRIVED_KEY: web.RequestKey[float] = web.RequestKey("arrived", float)

MESSAGE_FLAGS_KEPT = FLAG_EPHEMERAL | (1 << 12) | (1 << 2) | rules.FLAG_COMPONENTS_V2
ALLOWED_CALLBACKS = {2: {4, 5, 9}, 3: {4, 5, 6, 7, 9}, 4: {8}, 5: {4, 5, 6, 7}}
WEBHOOK_LIFETIME_S = 15 * 60
CHAT_INPUT_COMMAND_MESSAGE, REPLY_MESSAGE, DEFAULT_MESSAGE = 20, 19, 0


def json_response(data: Any, status: int = 200) -> web.Response:
    """A JSON response with ``Content-Type: application/json`` exactly (no charset)."""
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"}
    )


def _message_type(interaction: Interaction) -> int:
    """Replies to slash commands are CHAT_INPUT_COMMAND messages; to components, REPLY."""
    return CHAT_INPUT_COMMAND_MESSAGE if interaction.kind == 2 else REPLY_MESSAGE


def _permissions(value: Any) -> str | None:
    return None if value is None else str(value)


def body_of(request: web.Request) -> Json:
    body = request.get(JSON_KEY)
    if not isinstance(body, dict):
        raise DiscordError(400, 50109, "The request body contains invalid JSON.")
    return body


class Rest:
    """The REST endpoints; ``routes()`` is the table ``server.py`` installs."""

    def __init__(self, world: World) -> None:
        self.world = world

    def routes(self) -> list[web.RouteDef]:
        api = "/api/v10"
        app = api + "/applications/{app_id}"
        hook = api + "/webhooks/{app_id}/{token}"
        return [
            web.get(api + "/users/@me", self.me),
            web.get(api + "/oauth2/applications/@me", self.application),
            web.get(api + "/gateway", self.gateway),
            web.get(api + "/gateway/bot", self.gateway_bot),
            web.get(app + "/commands", self.get_commands),
            web.put(app + "/commands", self.put_commands),
            web.get(app + "/guilds/{guild_id}/commands", self.get_commands),
            web.put(app + "/guilds/{guild_id}/commands", self.put_commands),
            web.post(api + "/interactions/{interaction_id}/{token}/callback", self.callback),
            web.post(hook, self.followup),
            web.get(hook + "/messages/{message_id}", self.get_webhook_message),
            web.patch(hook + "/messages/{message_id}", self.edit_webhook_message),
            web.delete(hook + "/messages/{message_id}", self.delete_webhook_message),
            web.post(api + "/channels/{channel_id}/messages", self.create_message),
            web.get(api + "/channels/{channel_id}/messages/{message_id}", self.get_message),
            web.patch(api + "/channels/{channel_id}/messages/{message_id}", self.edit_message),
            web.get("/attachments/{channel_id}/{attachment_id}/{filename}", cdn.serve),
        ]

    # --- login and gateway -------------------------------------------------------------------

    async def me(self, request: web.Request) -> web.Response:
        data = self.world.bot_user.payload()
        data.update({"verified": True, "mfa_enabled": False, "email": None, "locale": "en-US"})
        return json_response(data)

    async def application(self, request: web.Request) -> web.Response:
        world = self.world
        return json_response(
            {
                "id": str(world.app_id),
                "name": world.bot_user.username,
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": world.owner.payload(),
                "verify_key": "0" * 64,
                "flags": 0,
                "team": None,
                "interactions_endpoint_url": None,
                "bot": world.bot_user.payload(),
            }
        )

    def _ws_base(self) -> str:
        return self.world.http_base.replace("http://", "ws://", 1) + "/gateway"

    async def gateway(self, request: web.Request) -> web.Response:
        return json_response({"url": self._ws_base()})

    async def gateway_bot(self, request: web.Request) -> web.Response:
        return json_response(
            {
                "url": self._ws_base(),
                "shards": self.world.recommended_shards,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )

    # --- application commands ------------------------------------------------------------------

    def _scope(self, request: web.Request) -> int | None:
        if int(request.match_info["app_id"]) != self.world.app_id:
            raise DiscordError(403, 50001, "Missing Access")
        raw = request.match_info.get("guild_id")
        if raw is None:
            return None
        guild_id = int(raw)
        if guild_id not in self.world.guilds:
            raise DiscordError(403, 50001, "Missing Access")
        return guild_id

    async def get_commands(self, request: web.Request) -> web.Response:
        return json_response(self.world.commands.get(self._scope(request), []))

    async def put_commands(self, request: web.Request) -> web.Response:
        scope = self._scope(request)
        body = request.get(JSON_KEY)
        rules.validate_commands(body)
        assert isinstance(body, list)
        old = {(c["type"], c["name"]): c for c in self.world.commands.get(scope, [])}
        stored: list[Json] = []
        for command in body:
            kind = int(command.get("type", 1))
            previous = old.get((kind, command["name"]))
            item: Json = {
                "id": previous["id"] if previous else str(self.world.snowflakes.next()),
                "application_id": str(self.world.app_id),
                "version": str(self.world.snowflakes.next()),
                "type": kind,
                "name": command["name"],
                "description": command.get("description", ""),
                "options": command.get("options") or [],
                "default_member_permissions": _permissions(
                    command.get("default_member_permissions")
                ),
                "dm_permission": command.get("dm_permission", True),
                "nsfw": command.get("nsfw", False),
                "contexts": command.get("contexts"),
                "integration_types": command.get("integration_types") or [0],
                "name_localizations": command.get("name_localizations"),
                "description_localizations": command.get("description_localizations"),
            }
            if scope is not None:
                item["guild_id"] = str(scope)
            stored.append(item)
        self.world.commands[scope] = stored
        self.world.changes.notify()
        return json_response(stored)

    # --- interaction callback ------------------------------------------------------------------

    def _interaction(self, interaction_id: int, token: str) -> Interaction:
        interaction = self.world.interactions.get(interaction_id)
        if interaction is None or interaction.token != token:
            raise DiscordError(404, 10062, "Unknown interaction")
        return interaction

    async def callback(self, request: web.Request) -> web.Response:
        world = self.world
        interaction = self._interaction(
            int(request.match_info["interaction_id"]), request.match_info["token"]
        )
        # Discord's deadline is met when the callback arrives, whatever Discord then spends
        # reading it: the clock stops before the fake parsed the body (its own work, which grows
        # with the answer's size).
        arrived = request.get(ARRIVED_KEY)
        if arrived is None:
            arrived = world.loop_time()
        if interaction.reply.answered_after is None:
            interaction.reply.answered_after = arrived - interaction.created
        if interaction.expired or arrived - interaction.created > world.response_deadline:
            interaction.expired = True
            raise DiscordError(404, 10062, "Unknown interaction")
        if interaction.responded:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        body = body_of(request)
        kind = body.get("type")
        data = body.get("data") or {}
        reply = interaction.reply
        try:
            if kind not in ALLOWED_CALLBACKS.get(interaction.kind, set()):
                text = f"Response type {kind} is invalid for interaction type {interaction.kind}"
                error = {"code": "INTERACTION_RESPONSE_TYPE_INVALID", "message": text}
                raise DiscordError(400, 50035, "Invalid Form Body", {"type": {"_errors": [error]}})
            if kind in (4, 7):
                rules.validate_message(data, prefix=("data",), creating=kind == 4)
            elif kind == 8:
                rules.validate_choices(data)
        except DiscordError as error:
            reply.error = error
            reply.changes.notify()
            raise
        interaction.responded = True
        reply.callbacks.append(body)
        reply.response_type = kind
        message: Json | None = None
        if kind == 4:
            message = self._new_message(interaction, data, request, _message_type(interaction))
        elif kind == 5:
            flags = FLAG_LOADING | (int(data.get("flags") or 0) & FLAG_EPHEMERAL)
            message = self._new_message(
                interaction, {"flags": flags}, request, _message_type(interaction), empty=True
            )
        elif kind in (6, 7) and interaction.source_message_id is not None:
            message = world.messages.get(interaction.source_message_id)
            if kind == 7 and message is not None:
                message = self._apply_edit(message, data, request)
        elif kind == 8:
            reply.choices = list(data.get("choices") or [])
        elif kind == 9:
            reply.modal = data
        if message is not None:
            world.store_message(message)
            reply.message = message
        reply.changes.notify()
        result: Json = {
            "interaction": {
                "id": str(interaction.id),
                "type": interaction.kind,
                "response_message_id": message["id"] if message else None,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(message and message["flags"] & FLAG_EPHEMERAL),
            }
        }
        if message is not None:
            result["resource"] = {"type": kind, "message": message}
        elif kind == 9:
            result["resource"] = {"type": kind}
        return json_response(result)

    def _new_message(
        self,
        interaction: Interaction,
        data: Json,
        request: web.Request,
        kind: int,
        *,
        empty: bool = False,
    ) -> Json:
        body = dict(data)
        body["flags"] = int(body.get("flags") or 0) & (MESSAGE_FLAGS_KEPT | FLAG_LOADING)
        attachments = [] if empty else self._attachments(interaction.channel_id, request)
        message = factories.message(
            self.world.snowflakes.next(),
            interaction.channel_id,
            self.world.bot_user.payload(),
            body,
            guild_id=interaction.guild_id,
            kind=kind,
            attachments=attachments,
        )
        message["webhook_id"] = str(self.world.app_id)
        message["application_id"] = str(self.world.app_id)
        message["interaction_metadata"] = {
            "id": str(interaction.id),
            "type": interaction.kind,
            "user": interaction.user,
            "authorizing_integration_owners": {},
        }
        return message

    def _attachments(self, channel_id: int, request: web.Request) -> list[Json]:
        files: dict[str, tuple[str, bytes]] = request.get(FILES_KEY) or {}
        result = []
        for _name, (filename, data) in sorted(files.items()):
            item = cdn.add_file(
                self.world, channel_id, filename, data, cdn.guess_content_type(filename)
            )
            result.append(item.payload())
        return result

    def _apply_edit(self, message: Json, data: Json, request: web.Request) -> Json:
        edited = copy.deepcopy(message)
        for key in ("content", "embeds", "components"):
            if key in data:
                edited[key] = (
                    data[key] if data[key] is not None else ([] if key != "content" else "")
                )
        new_files = self._attachments(int(message["channel_id"]), request)
        if "attachments" in data:
            keep = {str(a.get("id")) for a in data["attachments"] or []}
            edited["attachments"] = [a for a in edited["attachments"] if a["id"] in keep]
        edited["attachments"] = list(edited.get("attachments") or []) + new_files
        edited["flags"] = int(edited.get("flags") or 0) & ~FLAG_LOADING
        edited["edited_timestamp"] = factories.iso_now()
        return edited

    # --- interaction webhooks ------------------------------------------------------------------

    def _webhook(self, request: web.Request) -> Interaction:
        token = request.match_info["token"]
        interaction = self.world.interactions_by_token.get(token)
        if interaction is None or int(request.match_info["app_id"]) != self.world.app_id:
            raise DiscordError(404, 10015, "Unknown Webhook")
        if self.world.loop_time() - interaction.created > WEBHOOK_LIFETIME_S:
            raise DiscordError(401, 50027, "Invalid Webhook Token")
        if not interaction.responded:
            raise DiscordError(404, 10015, "Unknown Webhook")
        return interaction

    def _webhook_message(self, interaction: Interaction, message_id: str) -> Json:
        reply = interaction.reply
        if message_id == "@original":
            if reply.message is None or reply.deleted:
                raise DiscordError(404, 10008, "Unknown Message")
            return reply.message
        for message in reply.followups:
            if message["id"] == message_id:
                return message
        raise DiscordError(404, 10008, "Unknown Message")

    async def get_webhook_message(self, request: web.Request) -> web.Response:
        interaction = self._webhook(request)
        return json_response(self._webhook_message(interaction, request.match_info["message_id"]))

    async def edit_webhook_message(self, request: web.Request) -> web.Response:
        interaction = self._webhook(request)
        message_id = request.match_info["message_id"]
        message = self._webhook_message(interaction, message_id)
        data = body_of(request)
        rules.validate_message(data, creating=False)
        edited = self._apply_edit(message, data, request)
        self.world.store_message(edited)
        reply = interaction.reply
        if message_id == "@original":
            reply.message = edited
            reply.edits.append(edited)
        else:
            reply.followups[:] = [edited if m["id"] == edited["id"] else m for m in reply.followups]
        reply.changes.notify()
        return json_response(edited)

    async def delete_webhook_message(self, request: web.Request) -> web.Response:
        interaction = self._webhook(request)
        message = self._webhook_message(interaction, request.match_info["message_id"])
        self.world.messages.pop(int(message["id"]), None)
        if request.match_info["message_id"] == "@original":
            interaction.reply.deleted = True
        interaction.reply.changes.notify()
        return web.Response(status=204)

    async def followup(self, request: web.Request) -> web.Response:
        interaction = self._webhook(request)
        data = body_of(request)
        rules.validate_message(data, creating=not request.get(FILES_KEY))
        reply = interaction.reply
        if reply.response_type == 5 and reply.deferred and reply.message is not None:
            # Discord turns the first followup after a defer into the "thinking" message.
            message = self._apply_edit(reply.message, data, request)
            message["edited_timestamp"] = None
            reply.message = message
        else:
            body = dict(data)
            body["flags"] = int(body.get("flags") or 0) & MESSAGE_FLAGS_KEPT
            message = factories.message(
                self.world.snowflakes.next(),
                interaction.channel_id,
                self.world.bot_user.payload(),
                body,
                guild_id=interaction.guild_id,
                kind=DEFAULT_MESSAGE,
                attachments=self._attachments(interaction.channel_id, request),
            )
            message["webhook_id"] = str(self.world.app_id)
            message["application_id"] = str(self.world.app_id)
        self.world.store_message(message)
        reply.followups.append(message)
        reply.changes.notify()
        if request.query.get("wait", "").lower() in ("1", "true"):
            return json_response(message)
        return web.Response(status=204)

    # --- channel messages ----------------------------------------------------------------------

    def _channel(self, request: web.Request) -> int:
        channel_id = int(request.match_info["channel_id"])
        if channel_id not in self.world.channels:
            raise DiscordError(404, 10003, "Unknown Channel")
        return channel_id

    async def create_message(self, request: web.Request) -> web.Response:
        channel_id = self._channel(request)
        data = body_of(request)
        rules.validate_message(data, creating=not request.get(FILES_KEY))
        body = dict(data)
        body["flags"] = int(body.get("flags") or 0) & ((1 << 12) | (1 << 2))
        message = factories.message(
            self.world.snowflakes.next(),
            channel_id,
            self.world.bot_user.payload(),
            body,
            guild_id=self.world.channels[channel_id].guild_id,
            attachments=self._attachments(channel_id, request),
        )
        return json_response(self.world.store_message(message, channel_post=True))

    def _channel_message(self, request: web.Request) -> Json:
        channel_id = self._channel(request)
        message = self.world.messages.get(int(request.match_info["message_id"]))
        if message is None or int(message["channel_id"]) != channel_id:
            raise DiscordError(404, 10008, "Unknown Message")
        return message

    async def get_message(self, request: web.Request) -> web.Response:
        return json_response(self._channel_message(request))

    async def edit_message(self, request: web.Request) -> web.Response:
        message = self._channel_message(request)
        data = body_of(request)
        rules.validate_message(data, creating=False)
        return json_response(self.world.store_message(self._apply_edit(message, data, request)))
