"""Interaction payload pieces built from what the bot registered: option values converted from
Python values per the synced option definitions (with ``resolved`` data), subcommand nesting,
and finding components on messages.

Owns the client-side checks a Discord user cannot get past (unknown or missing options, wrong
types, choices, min/max), so a test cannot send what the Discord client would not.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tests.fakediscord import rules
from tests.fakediscord.state import (
    DEFAULT_EVERYONE_PERMISSIONS,
    Attachment,
    Channel,
    Member,
    Role,
    User,
)

Json = dict[str, Any]


def build_options(defs: list[Json], values: Mapping[str, Any], resolved: Json) -> list[Json]:
    """Option payloads for ``values``, checked against the synced option definitions."""
    by_name = {d["name"]: d for d in defs}
    unknown = sorted(set(values) - set(by_name))
    if unknown:
        raise TypeError(f"unknown option(s) {unknown}; the command has {sorted(by_name)}")
    missing = [d["name"] for d in defs if d.get("required") and d["name"] not in values]
    if missing:
        raise TypeError(f"missing required option(s) {missing}")
    return [
        {
            "name": d["name"],
            "type": d["type"],
            "value": convert(d, values[d["name"]], resolved),
        }
        for d in defs
        if d["name"] in values
    ]


def command_data(command: Json, path: list[str], leaf: list[Json]) -> Json:
    """The interaction ``data`` of a command, nesting ``leaf`` options under subcommands."""
    options = leaf
    for part in reversed(path):
        kind = 2 if part != path[-1] else 1
        options = [{"name": part, "type": kind, "options": options}]
    data: Json = {"id": command["id"], "name": command["name"], "type": 1, "options": options}
    if "guild_id" in command:
        data["guild_id"] = command["guild_id"]
    return data


def convert(definition: Json, value: Any, resolved: Json) -> Any:
    kind, name = definition["type"], definition["name"]

    def bad(expected: str) -> TypeError:
        return TypeError(f"option {name!r} takes {expected}, got {value!r}")

    if kind == rules.STRING:
        if not isinstance(value, str):
            raise bad("a str")
        low, high = definition.get("min_length", 0), definition.get("max_length", 6000)
        if not low <= len(value) <= high:
            raise ValueError(f"option {name!r} takes {low}..{high} characters")
        result: Any = value
    elif kind == rules.INTEGER:
        if not isinstance(value, int) or isinstance(value, bool):
            raise bad("an int")
        result = value
    elif kind == rules.NUMBER:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise bad("a float")
        result = float(value)
    elif kind == rules.BOOLEAN:
        if not isinstance(value, bool):
            raise bad("a bool")
        result = value
    elif kind == rules.ATTACHMENT:
        if not isinstance(value, Attachment):
            raise bad("fake.attachment(...)")
        resolved.setdefault("attachments", {})[str(value.id)] = value.payload()
        return str(value.id)
    elif kind in (rules.USER, rules.MENTIONABLE) and isinstance(value, Member | User):
        user = value.user if isinstance(value, Member) else value
        resolved.setdefault("users", {})[str(user.id)] = user.payload()
        if isinstance(value, Member):
            member = value.payload(with_permissions=True)
            member.pop("user")
            resolved.setdefault("members", {})[str(user.id)] = member
        return str(user.id)
    elif kind in (rules.ROLE, rules.MENTIONABLE) and isinstance(value, Role):
        resolved.setdefault("roles", {})[str(value.id)] = value.payload()
        return str(value.id)
    elif kind == rules.CHANNEL and isinstance(value, Channel):
        channel = value.payload()
        channel["permissions"] = str(DEFAULT_EVERYONE_PERMISSIONS)
        resolved.setdefault("channels", {})[str(value.id)] = channel
        return str(value.id)
    else:
        raise bad(f"a value for option type {kind}")
    if isinstance(result, int | float):
        low, high = definition.get("min_value"), definition.get("max_value")
        if (low is not None and result < low) or (high is not None and result > high):
            raise ValueError(f"option {name!r} must be within {low}..{high}, got {result}")
    choices = definition.get("choices")
    if choices and result not in [c["value"] for c in choices]:
        raise ValueError(f"{value!r} is not a choice of option {name!r}: {choices}")
    return result


def find_component(items: list[Json], custom_id: str) -> Json | None:
    for item in items:
        if item.get("custom_id") == custom_id:
            return item
        for key in ("components", "accessory"):
            child = item.get(key)
            children = (
                child if isinstance(child, list) else [child] if isinstance(child, dict) else []
            )
            found = find_component(children, custom_id)
            if found is not None:
                return found
    return None


def custom_ids(items: list[Json]) -> list[str]:
    ids: list[str] = []
    for item in items:
        if "custom_id" in item:
            ids.append(item["custom_id"])
        ids.extend(custom_ids(item.get("components") or []))
    return ids
