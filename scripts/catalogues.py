"""Keeps the message catalogues in step with the code: ``bot/i18n/catalogues/messages.pot`` holds
every key (the English strings the renderers pass to ``t()``/``n()``, every command string, and
the vocabulary of sports, medals, places and event-name parts, which is kept by hand in the
template), and each ``<lang>.po`` follows it.

    python scripts/catalogues.py            # rewrite messages.pot, add new keys to every .po
    python scripts/catalogues.py --import translations.tsv
                                            # fill translations from a TSV: context, English,
                                            # then one column per language (ko, zh-CN, zh-TW, ja)

The guard test tests/guards/test_catalogues.py checks that nothing here would change.
"""

from __future__ import annotations

import ast
import asyncio
import csv
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.pofile import write_po  # noqa: E402

from bot.i18n.catalogue import TEMPLATE, po_path, read_catalog  # noqa: E402
from bot.i18n.locales import BABEL_LOCALE, Lang  # noqa: E402

#: Contexts whose keys come from the data's vocabulary, kept by hand in the template.
VOCABULARY_CONTEXTS = {"sport", "medal", "place", "event", "event unit", "event join"}
LANGS = [lang for lang in Lang if lang is not Lang.EN]
#: Packages whose ``*WORDS`` constants are words shown to users (elsewhere such tables are
#: vocabulary that is read, e.g. the /ask parser's).
RENDERER_PACKAGES = {"answers", "discord_ui"}
#: A fixed date in the headers, so that regenerating changes only what changed.
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
#: (context, English) for a message; (context, (singular, plural)) for a plural one.
Key = tuple[str | None, str | tuple[str, str]]


def code_messages(root: Path = ROOT / "bot") -> dict[Key, str]:
    """Every literal message the code translates: ``x.t("...")``, ``x.t("...", "context")``,
    ``x.n("one", "many", count)`` and ``phrase("...", ...)``, with where it is used."""
    found: dict[Key, str] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        renderer = path.parent.name in RENDERER_PACKAGES
        for node in ast.walk(tree):
            tables = _table_words(node) if renderer else []
            for key in [_message_of(node), *tables]:
                if key is not None:
                    where = str(path.relative_to(ROOT))
                    found.setdefault(key, where)
    return found


def _table_words(node: ast.AST) -> list[Key]:
    """The words of a word table: a module constant named ``*WORDS`` (a string, or a dict whose
    values are strings, or pairs of strings for a plural message), which the renderers pass to
    ``t()`` (or ``n()``)."""
    if not isinstance(node, ast.Assign | ast.AnnAssign):
        return []
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    if not any(isinstance(t, ast.Name) and t.id.endswith("WORDS") for t in targets):
        return []
    value = node.value
    values = value.values if isinstance(value, ast.Dict) else [value] if value else []
    keys: list[Key] = []
    for item in values:
        if isinstance(item, ast.Tuple) and len(item.elts) == 2:
            one, many = (_literal(e) for e in item.elts)
            if one and many:
                keys.append((None, (one, many)))
        elif item is not None:
            text = _literal(item)
            if text and text.strip():
                keys.append((None, text))
    return keys


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _message_of(node: ast.AST) -> Key | None:
    if not isinstance(node, ast.Call):
        return None
    args = node.args
    if isinstance(node.func, ast.Name) and node.func.id == "phrase" and args:
        template = _literal(args[0])
        return (None, template) if template is not None else None
    if not isinstance(node.func, ast.Attribute):
        return None
    if node.func.attr == "t" and args:
        message = _literal(args[0])
        context = _literal(args[1]) if len(args) > 1 else None
        if message is not None and (len(args) == 1 or context is not None):
            return (context, message)
    if node.func.attr == "n" and len(args) >= 3:
        one, many = _literal(args[0]), _literal(args[1])
        if one is not None and many is not None:
            return (None, (one, many))
    return None


def command_messages() -> dict[Key, str]:
    """Every string of every slash command, under the catalogue context of its kind."""
    return asyncio.run(_command_messages())


async def _command_messages() -> dict[Key, str]:
    from discord import app_commands

    from bot.discord_ui.client import build_client
    from bot.discord_ui.frontend import DiscordFrontEnd
    from bot.discord_ui.translator import CONTEXTS
    from bot.settings import Settings

    seen: dict[Key, str] = {}

    class Recorder(app_commands.Translator):
        async def translate(self, string: Any, locale: Any, context: Any) -> None:
            seen.setdefault((CONTEXTS[context.location], string.message), "slash commands")

    settings = Settings(_env_file=None)
    frontend = DiscordFrontEnd(None, settings)  # type: ignore[arg-type]  # installing needs no service
    client = build_client(settings, frontend.install)
    tree = getattr(client, "tree")  # noqa: B009
    for command in tree.get_commands():
        await command.get_translated_payload(tree, Recorder())
    return seen


def template_keys(catalog: Catalog) -> dict[Key, Any]:
    """The keys of a catalogue (template or language) with their messages."""
    keys: dict[Key, Any] = {}
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id
        keys[(message.context, tuple(msgid) if isinstance(msgid, list | tuple) else msgid)] = (
            message
        )
    return keys


def wanted_keys() -> dict[Key, str]:
    """What the template must hold: the code's and the commands' messages, and the vocabulary."""
    keys: dict[Key, str] = {}
    if TEMPLATE.exists():
        for key in template_keys(read_catalog(TEMPLATE)):
            if key[0] in VOCABULARY_CONTEXTS:
                keys[key] = "vocabulary"
    keys.update(command_messages())
    keys.update(code_messages())
    return keys


def _sorted(keys: dict[Key, str]) -> Iterator[tuple[Key, str]]:
    return iter(sorted(keys.items(), key=lambda item: (item[0][0] or "", str(item[0][1]))))


def write_template(keys: dict[Key, str]) -> None:
    catalog = Catalog(project="gamesbot", fuzzy=False, creation_date=STAMP, revision_date=STAMP)
    for (context, msgid), where in _sorted(keys):
        catalog.add(msgid, context=context, auto_comments=[where])
    with TEMPLATE.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=False)


def update_language(lang: Lang, keys: dict[Key, str], imported: dict[Key, str]) -> None:
    """The catalogue of ``lang`` with exactly the template's keys, keeping its translations."""
    path = po_path(lang)
    old = template_keys(read_catalog(path)) if path.exists() else {}
    catalog = Catalog(
        locale=BABEL_LOCALE[lang],
        project="gamesbot",
        fuzzy=False,
        creation_date=STAMP,
        revision_date=STAMP,
    )
    for key, where in _sorted(keys):
        context, msgid = key
        string: Any = imported.get(key)
        if string is None and key in old:
            string = old[key].string
        if isinstance(msgid, tuple):
            forms = catalog.num_plurals
            string = tuple(string) if isinstance(string, list | tuple) else (string or "",) * forms
        catalog.add(msgid, string or "", context=context, auto_comments=[where])
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=False)


def read_tsv(path: Path) -> dict[Lang, dict[Key, str]]:
    """Translations from a TSV: context (empty for none), English, then ko, zh-CN, zh-TW, ja.
    A plural English message is written ``one||many``."""
    found: dict[Lang, dict[Key, str]] = {lang: {} for lang in LANGS}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#"):
                continue
            context = row[0] or None
            msgid: str | tuple[str, str] = row[1]
            if "||" in row[1]:
                one, many = row[1].split("||")
                msgid = (one, many)
            for lang, text in zip(LANGS, row[2:], strict=False):
                if text:
                    found[lang][(context, msgid)] = text
    return found


def main(argv: list[str]) -> int:
    imported: dict[Lang, dict[Key, str]] = {lang: {} for lang in LANGS}
    if len(argv) == 2 and argv[0] == "--import":
        imported = read_tsv(Path(argv[1]))
    keys = wanted_keys()
    for lang in LANGS:
        for key in imported[lang]:
            if key[0] in VOCABULARY_CONTEXTS:
                keys.setdefault(key, "vocabulary")
    write_template(keys)
    for lang in LANGS:
        update_language(lang, keys, imported[lang])
    print(f"{len(keys)} keys; catalogues: {', '.join(lang.value for lang in LANGS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
