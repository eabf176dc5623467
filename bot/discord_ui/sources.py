"""An event's sources on Discord: short masked links named by their site
(``[Xinhua](<https://…>) · [Yonhap](<https://…>) · + 7 more``), one per site, at most a
handful (``bot.answers.sites``), within an embed field's 1,024 characters.

The link text is inert (``markdown.inert``: a name cannot open or close Markdown, or mention
anyone); the URL goes
in angle brackets (Discord shows no preview for each link) with the characters that could end
the link target or break the Markdown percent-encoded; a source that is not a web address is
shown as escaped text."""

from __future__ import annotations

import functools
from urllib.parse import quote

from bot.answers.sites import SHOWN, citation
from bot.discord_ui.markdown import inert
from bot.i18n import ENGLISH, Words, words_for

FIELD_VALUE_LIMIT = 1024
SEPARATOR = " · "
#: A link longer than this is shown as its name alone (one would crowd out the others).
LONGEST_LINK = 400
NAME_LIMIT = 60
#: What a URL keeps as it is: the reserved and unreserved characters of RFC 3986 but the
#: parentheses; the rest (spaces, ``<``, ``>``, ``"``, ``\``, ``|``, ``(``, ``)``, non-ASCII) is
#: percent-encoded, and existing escapes (``%``) are kept.
URL_SAFE = ":/?#[]@!$&'*+,;=%~-._"


def link_text(name: str) -> str:
    """A site's name made inert for a masked link's text."""
    clipped = name if len(name) <= NAME_LIMIT else name[: NAME_LIMIT - 1] + "…"
    return inert(clipped)


def link_target(url: str) -> str:
    """A URL that cannot end the link target early nor break the Markdown around it."""
    return quote(url.strip(), safe=URL_SAFE)


@functools.lru_cache(maxsize=4096)  # the same sites and URLs are shown again and again
def _shown(name: str, url: str | None) -> str:
    if url is None:
        return link_text(name)
    link = f"[{link_text(name)}](<{link_target(url)}>)"
    return link if len(link) <= LONGEST_LINK else link_text(name)


def more(count: int, w: Words | None = None) -> str:
    return (w or words_for(ENGLISH)).t("+ {n} more", n=count)


@functools.lru_cache(maxsize=4096)
def _source_link(source: str) -> tuple[str, str] | None:
    """A source's site (folded: one link per site) and how it is shown; None for a blank one."""
    if not source.strip():
        return None
    cited = citation(source)
    return cited.name.casefold(), _shown(cited.name, cited.url)


def sources_value(
    sources: tuple[str, ...] | list[str], limit: int = FIELD_VALUE_LIMIT, *, w: Words | None = None
) -> str:
    """The value of an event's Sources field: masked links, then how many are not shown; never
    longer than ``limit`` (links that would not fit are counted with the rest)."""
    picked, rest = picked_links(sources)
    return fitted(picked, rest, len(sources), limit, w)


def picked_links(sources: tuple[str, ...] | list[str]) -> tuple[list[str], int]:
    """The links of the sources ``sites.citations`` picks (one per site, the first ``SHOWN``
    sites) and how many sources are not among them; each source's site and link found by one
    lookup, in one pass."""
    picked: list[str] = []
    seen: set[str] = set()
    total = 0
    for source in sources:
        found = _source_link(source)
        if found is None:
            continue
        total += 1
        site, shown = found
        if len(picked) < SHOWN and site not in seen:
            seen.add(site)
            picked.append(shown)
    return picked, total - len(picked)


def fitted(picked: list[str], rest: int, count: int, limit: int, w: Words | None) -> str:
    """``picked`` links joined within ``limit``, then how many are not shown (``rest``, and the
    links that do not fit); room is kept for the count of any of the ``count`` sources."""
    reserve = len(SEPARATOR) + len(more(count, w))  # room for the count, whatever it is
    parts: list[str] = []
    length = 0  # of the parts joined
    for part in picked:
        joined = length + (len(SEPARATOR) if parts else 0) + len(part)
        if joined + reserve > limit:
            rest += 1
            continue
        parts.append(part)
        length = joined
    if rest:
        parts.append(more(rest, w))
    return SEPARATOR.join(parts)


def warm_sources(sources: tuple[str, ...] | list[str]) -> None:
    """Make, once, each source's citation and masked link (both remembered), so that the first
    answer showing them does not."""
    for source in sources:
        _source_link(source)
