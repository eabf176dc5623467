"""A sentence as data: its English template (a key of the message catalogues) and the values in
it. Messages made away from the renderers (an /ask refusal, a service's confirmation) carry one
beside their English text, so that a front-end can say them in the reader's language."""

# Annotations are evaluated as the classes are made (no ``from __future__ import annotations``):
# pydantic would otherwise compile and evaluate each one from its string, at every start.
from bot.domain.models import Frozen


class Phrase(Frozen):
    """``template`` with ``{placeholders}`` and the ``values`` that fill them. ``names`` marks
    the values that are names of the data, to be said as the reader's language names them:
    ``(placeholder, kind, native names, flag)``, the kind ``nation``, ``games``, ``person``,
    ``event`` or ``sport`` (the flag is a nation's, else empty)."""

    template: str
    values: tuple[tuple[str, str], ...] = ()
    names: tuple[tuple[str, str, tuple[str, ...], str], ...] = ()

    @property
    def text(self) -> str:
        """The sentence in English."""
        return self.template.format(**dict(self.values))


def phrase(template: str, /, **values: str) -> Phrase:
    """A phrase of ``template`` (a literal, so the catalogue script finds it) and its values."""
    return Phrase(template=template, values=tuple(values.items()))


def with_names(said: Phrase, *names: tuple[str, str, tuple[str, ...], str]) -> Phrase:
    """``said`` with ``names`` marked as names of the data (``Phrase.names``)."""
    return Phrase(template=said.template, values=said.values, names=names)
