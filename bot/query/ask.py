"""``/ask``: a free-form question about the loaded Games, answered from their data only.

Question → clauses (``ask_read``) → for each clause, the Games it is about (named loosely, "both",
or the default Games) → its names read in that Games → queries (``ask_query``) → facts
(``ask_eval``) → one ``AskAnswer``. A question that names no Games and names something only
another loaded Games holds is answered from that Games (and says so). Ambiguous names give the
commands' ``Disambiguation``; names, sports and Games outside the data a ``NoMatch`` naming
them; unreadable words a ``Message`` naming the nearest command. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.answers import ask_text
from bot.answers.ask import AskAnswer, Asked, AskPart, Counted, Item, Query, Ref
from bot.answers.models import Answer, Disambiguation, Message, NoMatch
from bot.answers.phrase import Phrase
from bot.domain.models import MedalCount
from bot.domain.resolution import EntityKind, ResolutionStatus
from bot.query.ask_eval import compared, evaluate
from bot.query.ask_lexicon import Lexicon
from bot.query.ask_query import Refusal, decide
from bot.query.ask_read import Clause, GamesWords, clauses, read
from bot.query.ask_vocabulary import Cue
from bot.query.elsewhere import elsewhere
from bot.query.games_names import GamesNames
from bot.query.index import GamesIndex
from bot.query.resolve import Resolver
from bot.query.summaries import provenance

#: Questions longer than this are cut (no one asks a 2,000-character question).
MAX_QUESTION = 500


@dataclass(frozen=True)
class AskScope:
    """Everything /ask reads with: the words of every loaded Games (most recent first)."""

    lexicon: Lexicon
    games: dict[str, GamesWords]
    names: GamesNames

    @classmethod
    def build(cls, views: Sequence[tuple[GamesIndex, Resolver]], names: GamesNames) -> AskScope:
        datas = [index.data for index, _ in views]
        return cls(
            lexicon=Lexicon.build(datas, names.vocabulary()),
            games={i.data.games.id: GamesWords.build(i, r) for i, r in views},
            names=names,
        )


def answer_question(
    question: str, scope: AskScope, default: str, *, everywhere: bool = False
) -> Answer:
    """Answer ``question`` (see the module docstring); ``default`` is the Games a question
    that names none is about (``everywhere``: every loaded Games)."""
    found = clauses(question[:MAX_QUESTION], scope.lexicon)
    home = scope.games[default]
    if not found:
        index = home.index
        leader = max(index.ranked_counts() or index.medal_counts(), key=lambda c: c.key)
        event = next(iter(index.events.values()))
        said = ask_text.help_text(index.nation_name(leader.noc), event.name.casefold())
        return _message(home, said, answered=False)
    parts: list[AskPart] = []
    previous: Query | None = None
    games: list[str] = list(scope.games) if everywhere else []
    for clause in found:
        if clause.other_games:
            return _no_games(scope, home, clause.other_games)
        named = list(dict.fromkeys(clause.games)) or (list(scope.games) if clause.all_games else [])
        games = named or games
        outcome = _queries(scope, clause, games or [default], bool(named or games), previous, parts)
        if not isinstance(outcome, Refusal) and _paired_games(named, outcome):
            # "did <nation> win more golds at <Games> than <nation> at <Games>": each subject
            # at its own Games, which a comparison within one Games would answer wrongly
            outcome = Refusal("unreadable", text=" ".join(clause.tokens))
        if isinstance(outcome, Refusal):
            if parts and outcome.why == "unreadable":
                continue
            bare = len(found) == 1 and not clause.cues and outcome.why != "not_held"
            if bare:  # a bare name not pinned down ("kim")
                said = ask_text.unreadable(" ".join(clause.tokens))
                return Message(
                    provenance=provenance(home.index),
                    text=said.text,
                    phrase=said,
                    answered=False,
                    bare_name=True,
                )
            return _refused(scope, outcome, games or list(scope.games), home, bool(games))
        if _in_each(clause, outcome):  # "which athletes won medals at both Games"
            parts.append(_in_every(scope, outcome))
            previous = outcome[0]
        elif (left := _left_out(clause, outcome)) is not None:  # "at A but not at B"
            parts.append(_not_at(scope, *left))
            previous = left[0]
        else:
            for query in outcome:
                parts.append(_evaluate(scope, query))
                previous = query
        if not named:  # a later clause is about the Games this one was answered from
            games = list(dict.fromkeys(q.games.id for q in outcome))
    return AskAnswer(
        provenance=provenance(scope.games[parts[0].query.games.id].index),
        question=question,
        parts=tuple(parts),
    )


def _queries(
    scope: AskScope,
    clause: Clause,
    games: list[str],
    named: bool,
    previous: Query | None,
    parts: Sequence[AskPart],
) -> list[Query] | Refusal:
    """The queries of a clause in the Games it is about: each of several named Games; else the
    default Games, or the first other Games that holds what the clause names."""
    subject = _subject(parts[-1]) if parts else None
    order = games if named else games + [g for g in scope.games if g not in games]
    refusals: list[Refusal] = []
    found: list[Query] = []
    for games_id in order:
        outcome = decide(read(clause, scope.games[games_id]), previous, subject)
        if isinstance(outcome, Refusal):
            refusals.append(outcome)
            if outcome.why == "ambiguous" and games_id == order[0]:
                return outcome  # the Games it is about has several of that name: ask
            continue
        found.extend(outcome)
        if not named or len(games) == 1:
            break
    if not found:  # a choice elsewhere beats "not here"; a Games holding the sport beats one
        # without it ("not on the programme" is said only when no Games searched holds it);
        # else what the first Games said
        return next(
            (r for r in refusals if r.why == "ambiguous"),
            next((r for r in refusals if r.why != "not_held"), refusals[0]),
        )
    return _across(found)


def _across(queries: list[Query]) -> list[Query]:
    """A comparison of one subject in several Games becomes one query naming the Games."""
    if len(queries) > 1 and all(q.asked is Asked.COMPARE for q in queries):
        first = queries[0]
        if len(first.nations) <= 1 and len(first.athletes) <= 1:
            return [first.model_copy(update={"versus_games": tuple(q.games for q in queries)})]
    return queries


def _paired_games(named: Sequence[str], queries: Sequence[Query]) -> bool:
    """Whether a clause compares several subjects across several Games that do not each hold
    them all ("<nation> at <Games> than <nation> at <Games>": each at its own Games). Where
    every Games holds them, each Games' comparison is answered."""
    compares = any(
        q.asked is Asked.COMPARE and len(q.nations) + len(q.athletes) > 1 for q in queries
    )
    return len(named) > 1 and compares and {q.games.id for q in queries} != set(named)


#: What may be listed as found at each of several Games.
EACH_COUNTED = (Counted.NATIONS, Counted.ATHLETES)


def _in_each(clause: Clause, queries: Sequence[Query]) -> bool:
    """Whether a clause lists (or counts) the nations or athletes found at each of its Games
    ("at both Games"), not each Games' own."""
    return (
        clause.has(Cue.IN_EACH)
        and len({q.games.id for q in queries}) == len(queries) > 1
        and all(_lists_who(clause, q) and q.order is None for q in queries)
    )


def _lists_who(clause: Clause, query: Query) -> bool:
    """Whether a query lists (or counts) nations or athletes, as a set across Games may."""
    listed = query.of in EACH_COUNTED or _who_medalled(clause, query)
    plain = query.than is None and not query.without
    return query.asked in (Asked.LIST, Asked.COUNT) and listed and plain


def _who_medalled(clause: Clause, query: Query) -> bool:
    """ "who won gold at both Games": the athletes, not each Games' gold medals."""
    named = query.nations or query.athletes or query.event is not None
    medals = query.of in (Counted.MEDALS, Counted.RESULTS) and query.medalled
    return medals and clause.has(Cue.WHO) and not named


def _in_every(scope: AskScope, queries: Sequence[Query]) -> AskPart:
    """The nations (by NOC) or athletes (by person) that each Games' part finds, in all of
    them, with their medals there added up; one part about every one of the Games."""
    queries = [_as_listed(q) for q in queries]
    parts = [_evaluate(scope, q) for q in queries]

    def common(found: list[tuple[Item, ...]]) -> tuple[Item, ...]:
        keyed = [
            {_who(scope, q, i): i for i in items} for q, items in zip(queries, found, strict=True)
        ]
        kept = [[each[k] for each in keyed] for k in keyed[0] if all(k in e for e in keyed)]
        return tuple(sorted((_added(same) for same in kept), key=_most_medals))

    items = common([p.items for p in parts])
    query = queries[0].model_copy(update={"in_every": tuple(q.games for q in queries)})
    return AskPart(
        query=query, value=len(items), items=items, unranked=common([p.unranked for p in parts])
    )


def _left_out(clause: Clause, queries: Sequence[Query]) -> tuple[Query, Query] | None:
    """The list's query and the one of the Games it leaves out, for "which nations won medals
    at <Games> but not at <Games>"."""
    after = clause.games_after(Cue.EXCEPT)
    if len(queries) != 2 or len(after) != 1 or not clause.has(Cue.EXCEPT):
        return None
    kept = [q for q in queries if q.games.id != after[0]]
    out = [q for q in queries if q.games.id == after[0]]
    listed = all(_lists_who(clause, q) for q in queries)
    return (kept[0], out[0]) if listed and len(kept) == len(out) == 1 else None


def _not_at(scope: AskScope, query: Query, other: Query) -> AskPart:
    """The nations (by NOC) or athletes (by person) that ``query`` finds and ``other`` (the
    same question at another Games) does not."""
    query, other = _as_listed(query), _as_listed(other)
    found, there = _evaluate(scope, query), _evaluate(scope, other)
    elsewhere = {_who(scope, other, i) for i in (*there.items, *there.unranked)}
    items = tuple(i for i in found.items if _who(scope, query, i) not in elsewhere)
    unranked = tuple(i for i in found.unranked if _who(scope, query, i) not in elsewhere)
    marked = query.model_copy(update={"not_at": other.games})
    return AskPart(query=marked, value=len(items), items=items, unranked=unranked)


def _as_listed(query: Query) -> Query:
    """A list of nations or athletes as it is asked ("who won gold": the athletes)."""
    return query if query.of in EACH_COUNTED else query.model_copy(update={"of": Counted.ATHLETES})


def _who(scope: AskScope, query: Query, item: Item) -> str:
    """Who a listed item is across Games: a nation by its NOC, an athlete by person."""
    if item.kind != "athlete":
        return item.id
    return scope.games[query.games.id].index.athletes[item.id].person


def _added(same: list[Item]) -> Item:
    """One nation or athlete found at several Games, with its medals there added up."""
    counts = [i.count for i in same if i.count is not None]
    if not counts:
        return same[0]
    total = MedalCount(
        noc=counts[0].noc,
        gold=sum(c.gold for c in counts),
        silver=sum(c.silver for c in counts),
        bronze=sum(c.bronze for c in counts),
    )
    return same[0].model_copy(update={"count": total})


def _most_medals(item: Item) -> tuple[object, ...]:
    return (tuple(-k for k in item.count.key) if item.count else (), item.label)


def _subject(part: AskPart) -> Ref | None:
    """The one nation or athlete a part found (what "it" or "they" may refer to next)."""
    kinds = {i.kind for i in part.items}
    if len(part.items) == 1 and kinds <= {"nation", "athlete"}:
        item = part.items[0]
        return Ref(id=item.id, label=item.label, names=item.names)
    return None


#: What a comparison of Games without a subject may count, beside medals.
THINGS = (Counted.EVENTS, Counted.NATIONS, Counted.ATHLETES, Counted.SPORTS)


def _evaluate(scope: AskScope, query: Query) -> AskPart:
    if not query.versus_games:
        return evaluate(query, scope.games[query.games.id].index)
    items = []
    for games in query.versus_games:
        words = scope.games[games.id]
        subjects = query.nations or query.athletes
        things = not subjects and query.of in THINGS  # "were there more events at A or B"
        counted = query.model_copy(
            update={
                "asked": Asked.COUNT,
                "of": query.of if things else Counted.MEDALS,
                "medalled": (query.medalled and not things) or query.medal is not None,
                "games": games,
            }
        )
        if subjects and query.athletes:
            found = [a for a in subjects if a.id in words.index.athletes]
            counted = counted.model_copy(update={"athletes": tuple(found)})
        part = evaluate(counted, words.index)
        value = (
            part.value if isinstance(part.value, int) and not isinstance(part.value, bool) else 0
        )
        items.append(
            Item(
                kind="games",
                id=games.id,
                label=games.label,
                value=value,
                count=part.count,
                names=games.names,
            )
        )
    return compared(query, tuple(items))


# --- refusals ---------------------------------------------------------------------------------


#: The kinds an unknown name may be of that another loaded Games holds, in the order they are
#: tried (the reader cannot always tell a nation from a person or an event by the name alone).
ELSEWHERE_KINDS = (EntityKind.NATION, EntityKind.ATHLETE, EntityKind.EVENT)


def _refused(
    scope: AskScope, refusal: Refusal, games: list[str], home: GamesWords, named: bool
) -> Answer:
    words = scope.games[games[0]] if named else home
    prov = provenance(words.index)
    resolution = refusal.resolution
    if refusal.why == "ambiguous" and resolution is not None:
        return Disambiguation(
            provenance=prov,
            kind=resolution.kind,
            query=resolution.query,
            alternatives=resolution.alternatives,
        )
    searched = (
        [scope.games[g].games.label for g in games]
        if named
        else [w.games.label for w in scope.games.values()]
    )
    if refusal.why == "not_held":
        said = ask_text.not_held(refusal.text, searched)
        return NoMatch(
            provenance=prov,
            kind=EntityKind.SPORT,
            query=refusal.text,
            message=said.text,
            phrase=said,
        )
    if refusal.why == "last_place":
        said = ask_text.last_place_unknown(refusal.text, [words.games.label])
        return _message(words, said, answered=False)
    if refusal.why == "not_found" and named and refusal.kind in ELSEWHERE_KINDS:
        held = elsewhere(refusal.text, words, scope.games.values(), ELSEWHERE_KINDS)
        if held is not None:
            return held
    if refusal.why == "not_found" and refusal.kind is not None:
        if resolution is None and refusal.kind is not EntityKind.GAMES:  # the nearest names
            resolution = words.resolver.resolve(refusal.kind, refusal.text)
        suggestions = resolution.alternatives if resolution is not None else ()
        not_found = ask_text.not_found(refusal.kind, refusal.text, searched)
        if resolution is not None and resolution.status is ResolutionStatus.AMBIGUOUS:
            suggestions = resolution.alternatives[:5]
        return NoMatch(
            provenance=prov,
            kind=refusal.kind,
            query=refusal.text,
            suggestions=suggestions,
            nearest=bool(suggestions),
            message=not_found.text,
            phrase=not_found,
        )
    said = ask_text.unreadable(refusal.text, refusal.understood, refusal.command)
    return _message(words, said, answered=False)


def _no_games(scope: AskScope, home: GamesWords, text: str) -> Answer:
    loaded = [w.games.label for w in scope.games.values()]
    said = ask_text.games_not_loaded(text, loaded)
    return NoMatch(
        provenance=provenance(home.index),
        kind=EntityKind.GAMES,
        query=text,
        suggestions=scope.names.candidates[:5],
        message=said.text,
        phrase=said,
    )


def _message(words: GamesWords, said: Phrase, *, answered: bool) -> Message:
    return Message(
        provenance=provenance(words.index), text=said.text, phrase=said, answered=answered
    )


__all__ = ["AskAnswer", "AskScope", "answer_question"]
