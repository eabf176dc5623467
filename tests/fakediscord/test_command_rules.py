"""Command registration rules: a bad bulk overwrite gets Discord's 400/50035, keyed by index."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fakediscord.api import FakeDiscord, NotPermitted
from tests.fakediscord.rawclient import raw

Json = dict[str, Any]


def option(name: str = "opt", kind: int = 3, **extra: Any) -> Json:
    return {"name": name, "description": "An option", "type": kind, **extra}


def command(name: str = "cmd", description: str = "A command", **extra: Any) -> Json:
    return {"name": name, "description": description, **extra}


def choices(n: int) -> list[Json]:
    return [{"name": f"c{i}", "value": f"v{i}"} for i in range(n)]


BAD: dict[str, tuple[Json, str]] = {
    "uppercase name": (command("Medals"), "name"),
    "name over 32": (command("m" * 33), "name"),
    "empty name": (command(""), "name"),
    "space in name": (command("medal table"), "name"),
    "empty description": (command(description=""), "description"),
    "description over 100": (command(description="d" * 101), "description"),
    "26 options": (command(options=[option(f"o{i}") for i in range(26)]), "options"),
    "required after optional": (
        command(options=[option("a"), option("b", required=True)]), "options.1.required"),
    "26 choices": (command(options=[option(choices=choices(26))]), "options.0.choices"),
    "choices and autocomplete": (
        command(options=[option(choices=choices(2), autocomplete=True)]),
        "options.0.autocomplete"),
    "choice value over 100": (
        command(options=[option(choices=[{"name": "n", "value": "v" * 101}])]),
        "options.0.choices.0.value"),
    "option name uppercase": (command(options=[option("Nation")]), "options.0.name"),
    "option description over 100": (
        command(options=[{**option(), "description": "d" * 101}]), "options.0.description"),
    "duplicate option names": (command(options=[option("a"), option("a")]), "options.1.name"),
    "subcommand beside an option": (
        command(options=[option("sub", 1), option("a")]), "options"),
    "autocomplete on a boolean": (
        command(options=[option(kind=5, autocomplete=True)]), "options.0.autocomplete"),
    "bad default_member_permissions": (
        command(default_member_permissions="manage"), "default_member_permissions"),
    "uppercase localised name": (
        command(name_localizations={"ko": "Medals"}), "name_localizations.ko"),
    "localised name over 32": (
        command(name_localizations={"ja": "メ" * 33}), "name_localizations.ja"),
    "space in localised name": (
        command(name_localizations={"zh-CN": "奖牌 榜"}), "name_localizations.zh-CN"),
    "unknown locale": (command(name_localizations={"kr": "메달"}), "name_localizations.kr"),
    "localised description over 100": (
        command(description_localizations={"ko": "설" * 101}), "description_localizations.ko"),
    "localised option name uppercase": (
        command(options=[option(name_localizations={"ko": "Nation"})]),
        "options.0.name_localizations.ko"),
    "two options alike in a locale": (
        command(options=[option("a", name_localizations={"ko": "이름"}),
                         option("b", name_localizations={"ko": "이름"})]),
        "options.1.name_localizations.ko"),
    "empty localised choice": (
        command(options=[option(choices=[{"name": "n", "value": "v",
                                          "name_localizations": {"ja": ""}}])]),
        "options.0.choices.0.name_localizations.ja"),
}  # fmt: skip


def error_at(body: Json, dotted: str) -> Json:
    node: Json = body["errors"]
    for key in dotted.split("."):
        node = node[key]
    return node


@pytest.mark.parametrize("name", list(BAD))
async def test_bad_command_is_rejected(fake: FakeDiscord, name: str) -> None:
    bad, where = BAD[name]
    async with raw(fake) as (rest, _):
        response = await rest.sync([command("fine"), bad])
    assert response.status == 400, name
    assert response.body["code"] == 50035
    assert error_at(response.body, f"1.{where}")["_errors"]
    assert None not in fake.commands  # nothing was registered
    [violation] = fake.take_violations()
    assert violation.code == 50035


async def test_commands_alike_in_a_locale_are_rejected(fake: FakeDiscord) -> None:
    async with raw(fake) as (rest, _):
        response = await rest.sync(
            [command("a", name_localizations={"ko": "메달"}), command("메달")]
        )
    assert response.status == 400 and error_at(response.body, "1.name")
    fake.take_violations()


async def test_localised_commands_are_stored_with_their_localisations(fake: FakeDiscord) -> None:
    good = command(
        "medals",
        name_localizations={"ko": "메달", "ja": "メダル", "zh-TW": "獎牌"},
        description_localizations={"ko": "국가의 메달"},
        options=[option("nation", name_localizations={"ko": "국가"})],
    )
    async with raw(fake) as (rest, _):
        response = await rest.sync([good])
    assert response.status == 200
    assert fake.command("medals")["name_localizations"]["ja"] == "メダル"
    assert fake.command("medals")["options"][0]["name_localizations"] == {"ko": "국가"}


async def test_duplicate_command_names_are_rejected(fake: FakeDiscord) -> None:
    async with raw(fake) as (rest, _):
        response = await rest.sync([command("same"), command("same")])
    assert response.status == 400 and error_at(response.body, "1.name")
    fake.take_violations()


async def test_good_commands_are_stored_with_stable_ids(fake: FakeDiscord) -> None:
    good = command(
        "medals",
        options=[
            option("nation", required=True, autocomplete=True),
            option("games", choices=choices(25)),
            option("n", 4),
        ],
        default_member_permissions="32",
    )
    async with raw(fake) as (rest, _):
        first = await rest.sync([good])
        second = await rest.sync([good])
        listed = await rest.request("GET", f"/applications/{fake.application_id}/commands")
        guild = await rest.sync([command("dev")], fake.default_guild.id)
    assert first.status == second.status == listed.status == guild.status == 200
    assert first.body[0]["id"] == second.body[0]["id"] == listed.body[0]["id"]
    assert int(first.body[0]["id"]) >> 22 > 0 and first.body[0]["application_id"]
    assert fake.commands[fake.default_guild.id][0]["guild_id"] == str(fake.default_guild.id)
    assert fake.command("dev", fake.default_guild)["name"] == "dev"
    assert fake.command("medals", fake.default_guild)["default_member_permissions"] == "32"


async def test_subcommands_are_accepted_and_addressable(fake: FakeDiscord) -> None:
    grouped = command(options=[
        option("nation", 1, options=[option("code", required=True)]),
        option("admin", 2, options=[option("reload", 1)]),
    ])  # fmt: skip
    async with raw(fake) as (rest, _):
        response = await rest.sync([grouped])
    assert response.status == 200, response.body
    with pytest.raises(LookupError, match="needs a subcommand"):
        await fake.slash("cmd")
    with pytest.raises(TypeError, match="missing required"):
        await fake.slash("cmd nation")


async def test_member_without_default_member_permissions_is_not_permitted(
    fake: FakeDiscord,
) -> None:
    async with raw(fake) as (rest, _):
        await rest.sync([command("load", default_member_permissions="32")])
    member = fake.add_member(permissions=1 << 11)  # send messages only
    with pytest.raises(NotPermitted, match="lacks permissions"):
        await fake.slash("load", user=member)
    assert not fake.world.interactions  # nothing was dispatched
