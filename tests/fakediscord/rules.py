"""Discord's validation rules for what a bot sends, returning Discord-shaped form errors.

Owns the limits (commands, messages, embeds, components, autocomplete choices) and the error
format. Every validator returns a nested ``errors`` dict (empty when valid) in the shape of
Discord's ``{"code": 50035, "message": "Invalid Form Body", "errors": ...}`` responses.
"""

from __future__ import annotations

import re
from typing import Any

Json = dict[str, Any]
Path = tuple[str | int, ...]

NAME_RE = re.compile(r"^[-_'\w]{1,32}$", re.UNICODE)
#: The locales Discord accepts in ``name_localizations`` / ``description_localizations``.
LOCALES = frozenset(
    [
        "id",
        "da",
        "de",
        "en-GB",
        "en-US",
        "es-ES",
        "es-419",
        "fr",
        "hr",
        "it",
        "lt",
        "hu",
        "nl",
        "no",
        "pl",
        "pt-BR",
        "ro",
        "fi",
        "sv-SE",
        "vi",
        "tr",
        "cs",
        "el",
        "bg",
        "ru",
        "uk",
        "hi",
        "th",
        "zh-CN",
        "ja",
        "zh-TW",
        "ko",
    ]
)
ADMINISTRATOR = 1 << 3
FLAG_EPHEMERAL = 1 << 6
FLAG_LOADING = 1 << 7
FLAG_COMPONENTS_V2 = 1 << 15

# Option types.
SUB_COMMAND, SUB_COMMAND_GROUP, STRING, INTEGER, BOOLEAN = 1, 2, 3, 4, 5
USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT = 6, 7, 8, 9, 10, 11
# Component types.
ACTION_ROW, BUTTON = 1, 2
SELECTS = {3, 5, 6, 7, 8}
LINK_STYLE, PREMIUM_STYLE = 5, 6


class DiscordError(Exception):
    """An error response exactly as Discord would send it (status + JSON body)."""

    def __init__(self, status: int, code: int, message: str, errors: Json | None = None) -> None:
        super().__init__(f"{status} {code} {message} {errors or ''}".strip())
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors

    def body(self) -> Json:
        """The JSON body of the error response."""
        data: Json = {"code": self.code, "message": self.message}
        if self.errors:
            data["errors"] = self.errors
        return data


class Errors:
    """Collects form errors into Discord's nested ``{"a": {"0": {"_errors": [...]}}}`` tree."""

    def __init__(self) -> None:
        self.tree: Json = {}

    def add(self, path: Path, code: str, message: str) -> None:
        node = self.tree
        for key in path:
            node = node.setdefault(str(key), {})
        node.setdefault("_errors", []).append({"code": code, "message": message})

    def length(self, path: Path, value: Any, low: int, high: int) -> None:
        """Checks ``low <= len(value) <= high`` (value must be a string)."""
        if not isinstance(value, str):
            self.add(
                path,
                "BASE_TYPE_REQUIRED" if value is None else "STRING_TYPE_CONVERT",
                "This field is required"
                if value is None
                else "Could not interpret value as string.",
            )
        elif not low <= len(value) <= high:
            self.add(path, "BASE_TYPE_BAD_LENGTH", f"Must be between {low} and {high} in length.")

    def max_items(self, path: Path, items: Any, high: int) -> None:
        if isinstance(items, list) and len(items) > high:
            self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {high} or fewer in length.")

    def raise_if_any(self) -> None:
        if self.tree:
            raise DiscordError(400, 50035, "Invalid Form Body", self.tree)


# --- application commands -------------------------------------------------------------------


def validate_commands(commands: Any) -> None:
    """Validates a bulk-overwrite body (PUT /applications/.../commands); raises DiscordError."""
    errors = Errors()
    if not isinstance(commands, list):
        errors.add((), "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType")
        errors.raise_if_any()
    errors.max_items((), commands, 110)
    seen: set[tuple[int, str]] = set()
    for index, command in enumerate(commands):
        _validate_command(errors, (index,), command)
        key = (int(command.get("type", 1)), str(command.get("name")))
        if key in seen:
            errors.add(
                (index, "name"),
                "APPLICATION_COMMANDS_DUPLICATE_NAME",
                f"Application command names must be unique: {key[1]}",
            )
        seen.add(key)
    _check_localized_commands_unique(errors, commands)
    errors.raise_if_any()


def _check_localized_commands_unique(errors: Errors, commands: list[Json]) -> None:
    """Two commands of one type may not share a name in any locale (plain English duplicates
    are reported by the caller)."""
    for locale in sorted(LOCALES):
        seen: dict[tuple[int, str], bool] = {}
        for index, command in enumerate(commands):
            localized = command.get("name_localizations") or {}
            key = (int(command.get("type", 1)), str(localized.get(locale, command.get("name"))))
            mine = locale in localized
            if key in seen and (seen[key] or mine):
                errors.add(
                    (index, "name_localizations", locale) if mine else (index, "name"),
                    "APPLICATION_COMMANDS_DUPLICATE_NAME",
                    f"Application command names must be unique in {locale}: {key[1]}",
                )
            seen.setdefault(key, mine)


def _validate_command(errors: Errors, path: Path, command: Json) -> None:
    kind = int(command.get("type", 1))
    name = command.get("name")
    if kind == 1:
        _check_name(errors, (*path, "name"), name)
        errors.length((*path, "description"), command.get("description"), 1, 100)
        _check_localizations(errors, path, command)
    else:
        errors.length((*path, "name"), name, 1, 32)
        if command.get("description"):
            errors.add(
                (*path, "description"),
                "APPLICATION_COMMAND_DESCRIPTION_NOT_EMPTY",
                "Context menu commands cannot have a description",
            )
    perms = command.get("default_member_permissions")
    if perms is not None and not (
        (isinstance(perms, str) and perms.isdigit())
        or (isinstance(perms, int) and not isinstance(perms, bool) and perms >= 0)
    ):
        errors.add(
            (*path, "default_member_permissions"),
            "NUMBER_TYPE_COERCE",
            f'Value "{perms}" is not snowflake.',
        )
    _validate_options(errors, (*path, "options"), command.get("options") or [], depth=0)


def _check_localizations(errors: Errors, path: Path, item: Json) -> None:
    """Localised names follow the rules of names, localised descriptions those of descriptions,
    and every key is a locale Discord knows."""
    for key, check in (("name_localizations", True), ("description_localizations", False)):
        localized = item.get(key)
        if localized is None:
            continue
        if not isinstance(localized, dict):
            errors.add((*path, key), "DICT_TYPE_CONVERT", "Only dictionaries may be used")
            continue
        for locale, text in localized.items():
            here = (*path, key, locale)
            if locale not in LOCALES:
                errors.add(here, "LOCALE_INVALID", f"Invalid locale: {locale!r}")
            elif check:
                _check_name(errors, here, text)
            else:
                errors.length(here, text, 1, 100)


def _check_name(errors: Errors, path: Path, name: Any) -> None:
    if not isinstance(name, str) or not NAME_RE.match(name) or name != name.lower():
        errors.add(path, "APPLICATION_COMMAND_INVALID_NAME", f"Command name is invalid: {name!r}")


def _validate_options(errors: Errors, path: Path, options: list[Json], depth: int) -> None:
    errors.max_items(path, options, 25)
    names: set[str] = set()
    seen_optional = False
    kinds = {int(o.get("type", 0)) for o in options}
    if kinds & {SUB_COMMAND, SUB_COMMAND_GROUP} and kinds - {SUB_COMMAND, SUB_COMMAND_GROUP}:
        errors.add(
            path,
            "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
            "Sub-command and sub-command group option types are mutually exclusive "
            "to all other types",
        )
    for index, option in enumerate(options):
        here = (*path, index)
        kind = int(option.get("type", 0))
        _check_name(errors, (*here, "name"), option.get("name"))
        errors.length((*here, "description"), option.get("description"), 1, 100)
        _check_localizations(errors, here, option)
        if str(option.get("name")) in names:
            errors.add(
                (*here, "name"),
                "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
                "Option names must be unique",
            )
        names.add(str(option.get("name")))
        _check_localized_names_unique(errors, here, option, options[:index])
        if not 1 <= kind <= 11:
            errors.add((*here, "type"), "BASE_TYPE_CHOICES", f"Value must be one of 1..11: {kind}")
        if kind in (SUB_COMMAND, SUB_COMMAND_GROUP):
            if (kind == SUB_COMMAND_GROUP and depth > 0) or (kind == SUB_COMMAND and depth > 1):
                errors.add(
                    (*here, "type"),
                    "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                    "Sub-commands can only be nested one group deep",
                )
            inner = option.get("options") or []
            if kind == SUB_COMMAND_GROUP and any(
                int(o.get("type", 0)) != SUB_COMMAND for o in inner
            ):
                errors.add(
                    (*here, "options"),
                    "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                    "A sub-command group may only contain sub-commands",
                )
            _validate_options(errors, (*here, "options"), inner, depth + 1)
            continue
        if option.get("required"):
            if seen_optional:
                errors.add(
                    (*here, "required"),
                    "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                    "Required options must be placed before non-required options",
                )
        else:
            seen_optional = True
        choices = option.get("choices")
        if choices:
            if option.get("autocomplete"):
                errors.add(
                    (*here, "autocomplete"),
                    "AUTOCOMPLETE_AND_CHOICES_MUTUALLY_EXCLUSIVE",
                    "Autocomplete cannot be enabled when choices are present",
                )
            errors.max_items((*here, "choices"), choices, 25)
            for c_index, choice in enumerate(choices):
                _validate_choice(errors, (*here, "choices", c_index), choice, kind)
        if option.get("autocomplete") and kind not in (STRING, INTEGER, NUMBER):
            errors.add(
                (*here, "autocomplete"),
                "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INVALID",
                "Autocomplete is only allowed on string, integer and number options",
            )
        for bound in ("min_length", "max_length"):
            value = option.get(bound)
            if value is not None and not (isinstance(value, int) and 0 <= value <= 6000):
                errors.add((*here, bound), "NUMBER_TYPE_MAX", "Must be between 0 and 6000.")


def _check_localized_names_unique(
    errors: Errors, path: Path, option: Json, before: list[Json]
) -> None:
    """Two options of one command may not share a name in any locale."""
    for locale, text in (option.get("name_localizations") or {}).items():
        for other in before:
            theirs = (other.get("name_localizations") or {}).get(locale, other.get("name"))
            if theirs == text:
                errors.add(
                    (*path, "name_localizations", locale),
                    "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
                    "Option names must be unique",
                )


def _validate_choice(errors: Errors, path: Path, choice: Json, kind: int) -> None:
    errors.length((*path, "name"), choice.get("name"), 1, 100)
    for locale, text in (choice.get("name_localizations") or {}).items():
        if locale not in LOCALES:
            errors.add((*path, "name_localizations", locale), "LOCALE_INVALID", "Invalid locale")
        else:
            errors.length((*path, "name_localizations", locale), text, 1, 100)
    value = choice.get("value")
    if kind == STRING:
        errors.length((*path, "value"), value, 1, 100)
    elif kind == INTEGER and not (isinstance(value, int) and not isinstance(value, bool)):
        errors.add((*path, "value"), "NUMBER_TYPE_COERCE", f'Value "{value}" is not int.')
    elif kind == NUMBER and not isinstance(value, int | float):
        errors.add((*path, "value"), "NUMBER_TYPE_COERCE", f'Value "{value}" is not a number.')


def validate_choices(data: Json) -> None:
    """Validates an autocomplete result (type 8): <=25 choices, names 1-100, values <=100."""
    errors = Errors()
    choices = data.get("choices")
    if not isinstance(choices, list):
        errors.add(("data", "choices"), "BASE_TYPE_REQUIRED", "This field is required")
        errors.raise_if_any()
    errors.max_items(("data", "choices"), choices, 25)
    for index, choice in enumerate(choices or []):
        path: Path = ("data", "choices", index)
        errors.length((*path, "name"), choice.get("name"), 1, 100)
        value = choice.get("value")
        if isinstance(value, str):
            errors.length((*path, "value"), value, 0, 100)
        elif not isinstance(value, int | float) or isinstance(value, bool):
            errors.add((*path, "value"), "BASE_TYPE_REQUIRED", "This field is required")
    errors.raise_if_any()


# --- messages ---------------------------------------------------------------------------------


def validate_message(body: Json, *, prefix: Path = (), creating: bool = True) -> None:
    """Validates a message create/edit body: content, embeds, components; raises DiscordError."""
    errors = Errors()
    content = body.get("content")
    if content is not None:
        errors.length((*prefix, "content"), content, 0, 2000)
    embeds = body.get("embeds") or []
    errors.max_items((*prefix, "embeds"), embeds, 10)
    total = 0
    for index, embed in enumerate(embeds):
        total += _validate_embed(errors, (*prefix, "embeds", index), embed)
    if total > 6000:
        errors.add(
            (*prefix, "embeds"),
            "MESSAGE_EMBEDS_TOO_LONG",
            "Embed size exceeds maximum size of 6000",
        )
    components = body.get("components") or []
    _validate_components(errors, (*prefix, "components"), components, int(body.get("flags") or 0))
    errors.raise_if_any()
    if creating and not (
        content
        or embeds
        or components
        or body.get("attachments")
        or body.get("sticker_ids")
        or body.get("poll")
    ):
        raise DiscordError(400, 50006, "Cannot send an empty message")


def _text(value: Any) -> int:
    return len(value) if isinstance(value, str) else 0


def _validate_embed(errors: Errors, path: Path, embed: Json) -> int:
    size = 0
    for key, high in (("title", 256), ("description", 4096)):
        if embed.get(key) is not None:
            errors.length((*path, key), embed[key], 0, high)
            size += _text(embed[key])
    footer = embed.get("footer") or {}
    if footer.get("text") is not None:
        errors.length((*path, "footer", "text"), footer["text"], 0, 2048)
        size += _text(footer["text"])
    author = embed.get("author") or {}
    if author.get("name") is not None:
        errors.length((*path, "author", "name"), author["name"], 0, 256)
        size += _text(author["name"])
    fields = embed.get("fields") or []
    errors.max_items((*path, "fields"), fields, 25)
    for index, field in enumerate(fields):
        errors.length((*path, "fields", index, "name"), field.get("name"), 1, 256)
        errors.length((*path, "fields", index, "value"), field.get("value"), 1, 1024)
        size += _text(field.get("name")) + _text(field.get("value"))
    return size


def _validate_components(errors: Errors, path: Path, rows: list[Json], flags: int) -> None:
    custom_ids: set[str] = set()
    if flags & FLAG_COMPONENTS_V2:
        errors.max_items(path, rows, 40)
        _walk_custom_ids(errors, path, rows, custom_ids)
        return
    errors.max_items(path, rows, 5)
    for index, row in enumerate(rows):
        here = (*path, index)
        if row.get("type") != ACTION_ROW:
            errors.add(
                (*here, "type"), "UNION_TYPE_CHOICES", "Top-level components must be action rows"
            )
            continue
        children = row.get("components") or []
        kinds = [int(c.get("type", 0)) for c in children]
        if not children:
            errors.add(
                (*here, "components"), "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length."
            )
        elif any(k in SELECTS for k in kinds):
            if len(children) > 1:
                errors.add(
                    (*here, "components"),
                    "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                    "The specified component exceeds the maximum width",
                )
        elif len(children) > 5:
            errors.add(
                (*here, "components"), "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length."
            )
        for c_index, child in enumerate(children):
            _validate_component(errors, (*here, "components", c_index), child, custom_ids)


def _walk_custom_ids(errors: Errors, path: Path, items: list[Json], seen: set[str]) -> None:
    for index, item in enumerate(items):
        if "custom_id" in item:
            _check_custom_id(errors, (*path, index, "custom_id"), item.get("custom_id"), seen)
        for key in ("components", "accessory"):
            child = item.get(key)
            if isinstance(child, list):
                _walk_custom_ids(errors, (*path, index, key), child, seen)
            elif isinstance(child, dict):
                _walk_custom_ids(errors, (*path, index, key), [child], seen)


def _check_custom_id(errors: Errors, path: Path, custom_id: Any, seen: set[str]) -> None:
    errors.length(path, custom_id, 1, 100)
    if isinstance(custom_id, str):
        if custom_id in seen:
            errors.add(
                path, "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated"
            )
        seen.add(custom_id)


def _validate_component(errors: Errors, path: Path, component: Json, seen: set[str]) -> None:
    kind = int(component.get("type", 0))
    if kind == BUTTON:
        style = int(component.get("style", 0))
        if component.get("label") is not None:
            errors.length((*path, "label"), component["label"], 0, 80)
        if style == LINK_STYLE:
            if not component.get("url") or "custom_id" in component:
                errors.add(
                    path, "BUTTON_COMPONENT_INVALID_URL", "Link buttons need a url and no custom_id"
                )
        elif style != PREMIUM_STYLE:
            _check_custom_id(errors, (*path, "custom_id"), component.get("custom_id"), seen)
    elif kind in SELECTS:
        _check_custom_id(errors, (*path, "custom_id"), component.get("custom_id"), seen)
        if component.get("placeholder") is not None:
            errors.length((*path, "placeholder"), component["placeholder"], 0, 150)
        for key in ("min_values", "max_values"):
            value = component.get(key)
            if value is not None and not 0 <= int(value) <= 25:
                errors.add((*path, key), "NUMBER_TYPE_MAX", "Must be between 0 and 25.")
        if kind == 3:
            options = component.get("options") or []
            if not options:
                errors.add(
                    (*path, "options"), "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length."
                )
            errors.max_items((*path, "options"), options, 25)
            for index, option in enumerate(options):
                errors.length((*path, "options", index, "label"), option.get("label"), 1, 100)
                errors.length((*path, "options", index, "value"), option.get("value"), 1, 100)
    else:
        errors.add(
            (*path, "type"),
            "UNION_TYPE_CHOICES",
            f'Value of field "type" must be one of (2, 3, 5, 6, 7, 8): {kind}',
        )
