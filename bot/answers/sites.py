"""The sites an answer's sources come from: each source (usually a URL) named by its site's short
name ("Xinhua", "Yonhap") from a table kept as data (``site_names.json``: domain → name; a domain
covers its sub-domains), else by its bare domain; and which few of an event's sources to show
(one per site, in the order the data gives them, the rest counted). Renderers format them: the
Discord renderer as masked links, the text renderer as "name: url" lines."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

#: How many sources an answer shows; the rest are counted ("+ 7 more").
SHOWN = 5
#: Leading labels a bare domain loses when no name is known ("www.straitstimes.com").
TRIVIAL_LABELS = ("www", "m", "mobile", "amp")


@dataclass(frozen=True)
class Citation:
    """One source as shown: its site's name and, when the source is a web address, the URL."""

    name: str
    url: str | None


@functools.cache
def site_names() -> dict[str, str]:
    """The table of known site names, by domain (read once from the package's data)."""
    from importlib import resources  # only answers that show sources need it

    text = resources.files("bot.answers").joinpath("site_names.json").read_text("utf-8")
    names: dict[str, str] = json.loads(text)["names"]
    return {domain.lower(): name for domain, name in names.items()}


def _host(source: str) -> str | None:
    """The host of an http(s) URL, else None (a source may be a plain citation)."""
    try:
        parts = urlsplit(source.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return None
    return parts.hostname.lower().rstrip(".")


def site_name(host: str) -> str:
    """The short name of the site at ``host``: the table's name for it or for the nearest domain
    above it, else the domain without its trivial first label (``www.``)."""
    names = site_names()
    labels = host.split(".")
    for start in range(len(labels) - 1):
        name = names.get(".".join(labels[start:]))
        if name:
            return name
    while len(labels) > 2 and labels[0] in TRIVIAL_LABELS:
        labels = labels[1:]
    return ".".join(labels)


@functools.lru_cache(maxsize=4096)  # events share sources, and every answer shows them again
def citation(source: str) -> Citation:
    """One source as shown: a URL by its site's name, anything else as it is."""
    host = _host(source)
    if host is None:
        return Citation(name=source.strip(), url=None)
    return Citation(name=site_name(host), url=source.strip())


def citations(
    sources: tuple[str, ...] | list[str], shown: int = SHOWN
) -> tuple[list[Citation], int]:
    """The sources to show (at most ``shown``, one per site, first come first shown) and how many
    of ``sources`` are not shown."""
    picked: list[Citation] = []
    seen: set[str] = set()
    for source in sources:
        if not source.strip():
            continue
        cited = citation(source)
        site = cited.name.casefold()
        if site in seen:
            continue
        seen.add(site)
        picked.append(cited)
        if len(picked) == shown:
            break
    total = sum(1 for s in sources if s.strip())
    return picked, total - len(picked)
