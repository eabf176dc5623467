"""Guards of the message catalogues: the template holds every key the code and the commands use,
every language's catalogue translates every key with the same placeholders, no localised command
name breaks Discord's rules, and every sport and event of the bundled Games has its name in every
language (composed from parts, so a part missing from a catalogue shows here)."""

from __future__ import annotations

import json
import re
import string
from typing import Any

import pytest

from bot.i18n import Lang, words_for
from bot.i18n.catalogue import TEMPLATE, po_path, read_catalog
from bot.ingest.bundled import default_data_dir
from scripts.catalogues import LANGS, Key, template_keys, wanted_keys
from tests.fakediscord.rules import DiscordError, validate_commands


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.fixture(scope="module")
def template() -> dict[Key, Any]:
    return template_keys(read_catalog(TEMPLATE))


def test_the_template_holds_exactly_the_keys_in_use(template: dict[Key, Any]) -> None:
    wanted = wanted_keys()
    missing = sorted(map(str, set(wanted) - set(template)))
    unused = sorted(map(str, set(template) - set(wanted)))
    assert not missing, f"run python scripts/catalogues.py; keys not in the template: {missing}"
    assert not unused, f"run python scripts/catalogues.py; keys no longer used: {unused}"


@pytest.mark.parametrize("lang", LANGS, ids=str)
def test_every_catalogue_translates_every_key(lang: Lang, template: dict[Key, Any]) -> None:
    catalogue = template_keys(read_catalog(po_path(lang)))
    assert set(catalogue) == set(template), "run python scripts/catalogues.py"
    for key, message in catalogue.items():
        assert not message.fuzzy, f"{lang}: fuzzy translation of {key}"
        english = key[1] if isinstance(key[1], tuple) else (key[1],)
        forms = message.string if isinstance(message.string, list | tuple) else (message.string,)
        assert all(forms), f"{lang}: no translation of {key}"
        for form in forms:
            assert _fields(form) == _fields(english[-1]), f"{lang}: placeholders of {key}"


def _localized_commands(payload: list[dict[str, Any]], lang: Lang) -> list[str]:
    names = []
    for command in payload:
        names.append((command.get("name_localizations") or {}).get(lang.value, ""))
        for option in command.get("options") or []:
            names.append((option.get("name_localizations") or {}).get(lang.value, ""))
    return names


async def test_localised_commands_keep_discords_rules() -> None:
    from bot.discord_ui.client import build_client
    from bot.discord_ui.frontend import DiscordFrontEnd
    from bot.discord_ui.translator import CatalogueTranslator
    from bot.settings import Settings

    settings = Settings(_env_file=None)
    frontend = DiscordFrontEnd(None, settings)  # type: ignore[arg-type]
    client = build_client(settings, frontend.install)
    tree = getattr(client, "tree")  # noqa: B009
    translator = CatalogueTranslator()
    payload = [await c.get_translated_payload(tree, translator) for c in tree.get_commands()]
    try:
        validate_commands(payload)
    except DiscordError as error:
        pytest.fail(f"Discord would refuse the localised commands: {error.errors}")
    for lang in LANGS:
        names = [n for n in _localized_commands(payload, lang) if n]
        assert len(names) > 20, f"{lang}: commands and options have localised names"
        assert all(n == n.lower() and re.fullmatch(r"[-_'\w]{1,32}", n) for n in names)


def _bundled_names() -> tuple[set[str], set[str]]:
    sports: set[str] = set()
    events: set[str] = set()
    for path in sorted(default_data_dir().rglob("*.json")):
        for event in json.loads(path.read_text("utf-8")).get("events", []):
            sports.add(event["sport"])
            events.add(event["event"])
    return sports, events


@pytest.mark.parametrize("lang", LANGS, ids=str)
def test_every_sport_and_event_of_the_bundled_games_has_its_name(lang: Lang) -> None:
    words = words_for(lang)
    sports, events = _bundled_names()
    assert len(events) > 100
    assert [s for s in sorted(sports) if words.sport(s) == s] == []
    assert [e for e in sorted(events) if words.event(e) == e] == []
