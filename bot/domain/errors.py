"""Domain errors: each carries a message fit to show a user as it is."""

from __future__ import annotations


class GamesbotError(Exception):
    """Base of every error gamesbot turns into a user-facing message."""


class UnknownGamesError(GamesbotError):
    """A Games name or id that matches no Games the store holds."""

    def __init__(self, games_id: str, known: list[str]) -> None:
        self.games_id = games_id
        self.known = known
        listed = ", ".join(known) or "none"
        super().__init__(f"No Games called {games_id!r} is loaded; loaded Games: {listed}.")


class AmbiguousGamesError(GamesbotError):
    """A Games name that fits several loaded Games."""

    def __init__(self, text: str, options: list[str]) -> None:
        self.text = text
        self.options = options
        super().__init__(f"{text!r} could be several Games: {', '.join(options)}; name one.")


class OneGamesOnlyError(GamesbotError):
    """A question that is answered for one Games at a time, asked for every Games."""

    def __init__(self, options: list[str]) -> None:
        self.options = options
        super().__init__(
            "This is answered one Games at a time; name one of: "
            f"{', '.join(options)}. (`all` works for a nation's medals and an athlete.)"
        )


class ConfigError(GamesbotError):
    """A setting that cannot work with this database (e.g. a default Games it does not hold)."""


class StoreError(GamesbotError):
    """The results database cannot be used (corrupt, wrong schema, not writable)."""


class UnreachableError(GamesbotError):
    """A service gamesbot needs (Discord) could not be reached; like a setting that cannot work,
    the command line ends with exit code 2."""


class Problem:
    """One thing wrong with a results file: where (``row 7``, ``events[2].results[0].medal``) and why."""

    __slots__ = ("reason", "where")

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}" if self.where else self.reason

    def __repr__(self) -> str:
        return f"Problem({self.where!r}, {self.reason!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and (self.where, self.reason) == (
            other.where,
            other.reason,
        )

    def __hash__(self) -> int:
        return hash((self.where, self.reason))


class InvalidResultsFile(GamesbotError):
    """A results file with problems; nothing was written. ``problems`` lists every one."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        count = len(problems)
        super().__init__(
            f"{source}: {count} problem{'s' if count != 1 else ''}; nothing was changed.\n"
            + "\n".join(f"  - {p}" for p in problems)
        )


class StalePreviewError(GamesbotError):
    """A confirm on a preview made before another load."""

    def __init__(self) -> None:
        super().__init__("The data changed since this preview; run it again.")


class NothingToUndoError(GamesbotError):
    """No load left to undo (the bundled data cannot be undone)."""

    def __init__(self) -> None:
        super().__init__("There is no load to undo.")


class NotLatestLoadError(StalePreviewError):
    """An undo asked for one load, but it is no longer the latest load left to undo (another load
    or undo came in between): nothing was undone. A kind of stale preview: the question the
    moderator answered was about data that has changed."""

    def __init__(self, expected: int, latest: int | None) -> None:
        self.expected = expected
        self.latest = latest
        now = f"load {latest} is" if latest is not None else "no load is"
        GamesbotError.__init__(
            self,
            f"Load {expected} is no longer the latest load ({now} the one to undo now); "
            "nothing was undone. Check the history and undo again.",
        )
