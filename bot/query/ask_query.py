"""What a question asks: one clause's reading (``bot.query.ask_read``) becomes one or more
``Query`` models, or a ``Refusal`` saying why not (a name to choose, a name or sport not in the
data, words not understood). The cue words decide what is asked and of what; the names found are
the filters; a later clause of a compound question takes what it lacks from the one before.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Literal

from bot.answers.ask import Asked, Counted, Order, Query, Ref
from bot.domain.models import Medal
from bot.domain.resolution import EntityKind, Resolution, ResolutionStatus
from bot.query.ask_read import Clause, Reading
from bot.query.ask_vocabulary import (
    COLOURS,
    KINDS,
    NAME_FRAMES,
    PLACE_VERBS,
    QUESTION_CUES,
    TARGETS,
    Cue,
)
from bot.query.event_terms import GENDER_WORDS


@dataclass(frozen=True)
class Refusal:
    """Why a clause gives no query: a name to choose (``resolution`` AMBIGUOUS), something not
    in this Games' data (``not_found``, ``resolution`` NONE or a sport ``text``), or words that
    were not understood (``unreadable``: ``text`` holds them)."""

    why: Literal["ambiguous", "not_found", "not_held", "unreadable", "last_place"]
    kind: EntityKind | None = None
    text: str = ""
    resolution: Resolution | None = None
    #: For ``unreadable``: the names that were understood, and the closest command.
    understood: tuple[str, ...] = ()
    command: str = ""


def _unreadable(reading: Reading, text: str) -> Refusal:
    """Words not understood, with what was (and the command closest to it)."""
    names = [*reading.nations, *reading.athletes, *reading.sports]
    if reading.athletes:
        command = f"/athlete {reading.athletes[0].label}"
    elif reading.nations:
        sport = f" sport: {reading.sports[0].label}" if reading.sports else ""
        command = f"/medals {reading.nations[0].label}{sport}"
    elif reading.sports:
        command = f"/table sport: {reading.sports[0].label}"
    else:
        command = ""
    return Refusal(
        "unreadable", text=text, understood=tuple(n.label for n in names), command=command
    )


def decide(
    reading: Reading, previous: Query | None = None, subject: Ref | None = None
) -> list[Query] | Refusal:
    """The queries of one clause (several for several subjects), or why there are none."""
    clause = reading.clause
    if reading.other_sport:
        return Refusal("not_held", EntityKind.SPORT, reading.other_sport)
    unknown = set(reading.unknown)
    spans = [(s, e) for s, e in reading.name_spans if {s - 1, e} & unknown]
    if spans:  # a known name inside a longer unknown one: a person not in the data
        s, e = spans[0]
        run = sorted({*range(s, e), *(i for i in unknown if s - 2 <= i <= e + 1)})
        text = " ".join(reading.tokens[i] for i in run)
        return Refusal("not_found", EntityKind.ATHLETE, text)
    pending = [  # a name that could be several, unless it is part of a longer unknown name
        r
        for s, e, r in reading.unresolved
        if all(clause.free(i) for i in range(s, e)) and not {s - 1, e} & unknown
    ]
    if pending:
        return Refusal("ambiguous", pending[0].kind, pending[0].query, pending[0])
    asked = _asked(reading)
    near_event = any(abs(i - j) == 1 for i in unknown for j in reading.event_tokens)
    if unknown and not near_event:  # a name not in this Games comes before its events
        return _unknown(reading, asked)
    event = _event(reading, asked)
    if isinstance(event, Refusal):
        return event
    if reading.unknown:
        return _unknown(reading, asked)
    sweep = clause.has(Cue.SWEEP)  # "all three medals in one event": a podium sweep
    if asked in (Asked.RANK, Asked.CHECK) and clause.has(Cue.ONLY, Cue.FIRST) and not sweep:
        # "most medals in a single event", "did X win its first medal (ever)": not in the data
        return _unreadable(reading, " ".join(clause.tokens))
    if asked is Asked.CHECK and clause.has(Cue.EVERY) and not clause.all_games:
        # "did X win every race", "all the speed skating golds": not a yes for having one
        return _unreadable(reading, " ".join(clause.tokens))
    if asked in (Asked.LIST, Asked.COUNT) and _in_every_one(clause):
        # "which nations won medals in every sport": a list does not check every one
        return _unreadable(reading, " ".join(clause.tokens))
    if clause.has(Cue.HISTORY):
        # "their first ever medal", "for the first time": earlier Games are not in the data
        return _unreadable(reading, " ".join(clause.tokens))
    if event is not None and _last_place(reading):
        # "who came last in the downhill": the data holds medallists and reported places only
        return Refusal("last_place", EntityKind.EVENT, event.label)
    if _per_day(reading, asked, event):
        # "the most medals in a day", "a medal every day": days compared, which is not asked yet
        return _unreadable(reading, " ".join(clause.tokens))
    if asked is None:
        asked = _bare(reading, event)
        if asked is None:
            return _unreadable(reading, " ".join(clause.tokens))
    query = _query(reading, asked, event)
    if previous is not None:
        query = _inherit(query, reading, previous, subject)
    return _split(query, reading)


def _last_place(reading: Reading) -> bool:
    """Whether the question asks for the last place ("who came last", "finished last"), not
    the last medals ("the last gold")."""
    tokens = reading.clause.tokens
    return any(
        cue is Cue.LAST and i > 0 and tokens[i - 1] in PLACE_VERBS for i, cue in reading.clause.cues
    )


def _in_every_one(clause: Clause) -> bool:
    """Whether a clause asks for a medal "in every sport" or "in all events": a condition on
    each sport or event, not the sports or events listed."""
    cues = sorted(clause.cues)
    for (i, cue), (j, after) in itertools.pairwise(cues):
        if cue is Cue.EVERY and after in (Cue.SPORT, Cue.EVENT) and i > 0:
            between = clause.tokens[i + 1 : j]
            if clause.tokens[i - 1] == "in" and all(t in ("the", "every", "all") for t in between):
                return True
    return False


def _per_day(reading: Reading, asked: Asked | None, event: Ref | None) -> bool:
    """Whether the question compares days ("which day had the most golds", "a medal every
    day"), not one day ("on the 14th", "day 5") or the day of something ("what day was X")."""
    c = reading.clause
    if reading.day is not None or event is not None:
        return False
    if asked is Asked.DATE and c.has(Cue.MOST, Cue.FEWEST):
        return True  # "which day had the most golds", "when did X win the most"
    return c.has(Cue.DAY) and asked in (Asked.RANK, Asked.CHECK)


def _asked(reading: Reading) -> Asked | None:
    c = reading.clause
    # One Games named is where, not a second subject: "which nation beat <nation> at <Games>".
    games = len(c.games) if len(c.games) > 1 else 0
    subjects = len(reading.nations) + len(reading.athletes) + games + 2 * c.all_games
    if c.has(Cue.WHY, Cue.HAPPENED) or (c.has(Cue.HOW) and c.has(Cue.WON, Cue.NOT)):
        return Asked.EXPLAIN
    if c.has(Cue.WHEN) or _games_day_asked(reading):
        return Asked.DATE
    if c.rank is not None and not (reading.nations or reading.athletes):
        if reading.event is not None or reading.event_tokens:
            return Asked.PLACE  # "who came fourth in the downhill"
        return Asked.RANK  # "which nation is 1st"
    if _games_host(reading):
        return Asked.PLACE  # "which city hosted the games", "where were the games held"
    if c.has(Cue.WHERE, Cue.PLACE) or (c.has(Cue.HOW) and c.has(Cue.DO, Cue.FINISH)):
        return Asked.PLACE
    if c.has(Cue.TABLE) and len(reading.nations) == 1 and not c.has(Cue.MOST, Cue.TOP):
        return Asked.PLACE
    if (c.has(Cue.COMPARE) or (c.has(Cue.MORE) and c.threshold is None)) and subjects >= 2:
        return Asked.COMPARE
    if c.has(Cue.COUNT):
        return Asked.COUNT
    if c.has(Cue.ONLY, Cue.EVERY) and c.has(Cue.CHAMPION, Cue.MEDALLIST, Cue.WINNER):
        return Asked.LIST
    yesno = bool(c.cues) and c.cues[0][1] is Cue.YESNO
    if yesno and _leads(reading):
        return Asked.CHECK  # "did <nation> win the most golds": whether it leads
    if c.has(Cue.MOST, Cue.FEWEST, Cue.TOP) or c.limit or c.has(Cue.TABLE):
        return Asked.RANK
    if _last_place(reading) and reading.event is None and not reading.event_tokens:
        return Asked.RANK  # "which nation finished last": the bottom of the medal table
    if c.has(Cue.FIRST, Cue.LAST) and not yesno:
        return Asked.LIST
    if yesno:
        return Asked.CHECK
    if c.has(Cue.WHO, Cue.WHICH, Cue.WHAT, Cue.LIST):
        return Asked.LIST
    return None


def _games_host(reading: Reading) -> bool:
    """Whether a question asks where the Games were held (which city or country hosted)."""
    c = reading.clause
    named = reading.nations or reading.athletes or reading.sports or reading.event_tokens
    if named or reading.event is not None or reading.host_nation or c.rank is not None:
        return False
    return c.has(Cue.HOST) or (c.has(Cue.WHERE) and not c.has(*RESULT_CUES))


#: Cues that ask about results (beside "where": not the Games' place; beside "the last day":
#: not that day's date).
RESULT_CUES = (Cue.WON, Cue.MEDAL, Cue.GOLD, Cue.SILVER, Cue.BRONZE, Cue.FINISH, Cue.TABLE)


def _leads(reading: Reading) -> bool:
    """Whether a question asks if its one nation or athlete won the most (or fewest)."""
    c = reading.clause
    one = len(reading.nations) + len(reading.athletes) == 1
    return one and c.has(Cue.MOST, Cue.FEWEST) and not c.limit and c.rank is None


def _bare(reading: Reading, event: Ref | None) -> Asked | None:
    """A question with no question word: a nation alone asks its medals, anything else its
    results, a sport's medals who won the most."""
    if reading.nations and event is None and not reading.athletes:
        return Asked.COUNT
    if reading.athletes or event is not None or reading.nations:
        return Asked.LIST
    if reading.clause.has(Cue.EVENT) or reading.day is not None:
        return Asked.LIST
    if reading.clause.has(Cue.MEDAL, Cue.GOLD, Cue.SILVER, Cue.BRONZE):
        if reading.clause.threshold is not None:
            return Asked.LIST  # "athletes with 2 golds": those who won that many
        return Asked.RANK  # "curling medals": who won the most
    return None  # a bare "curling": a bare name, whose events the front-ends offer


def _content(reading: Reading) -> bool:
    """Whether the event words say more than a gender ("women's 1500 m", not "women's")."""
    words = reading.words.event_words
    shared = {i for i, cue in reading.clause.cues if cue in KINDS or cue is Cue.START}
    return any(
        (t in words and t not in GENDER_WORDS) or t[:1].isdigit()
        for t in (reading.tokens[i] for i in reading.event_tokens if i not in shared)
    )


def _event(reading: Reading, asked: Asked | None) -> Ref | Refusal | None:
    """The event the clause names, if any: resolved from its event words and sport, narrowed
    to the events its athlete or nation took part in when the words fit several. Without event
    words, a sport (and gender) name an event only where the question needs one ("who won the
    luge?" asks which luge event; "did X win the men's curling?" means the one there is)."""
    c = reading.clause
    content = _content(reading)
    subject = bool(reading.nations or reading.athletes)
    target = _target(reading, asked or Asked.LIST)
    about_others = target in (Counted.NATIONS, Counted.ATHLETES, Counted.SPORTS) or (
        target is Counted.EVENTS and not c.has(Cue.WHO)
    )
    strict = (asked in (Asked.EXPLAIN, Asked.DATE) and not subject) or (
        asked in (Asked.LIST, Asked.CHECK, None)
        and c.has(Cue.WHO, Cue.WINNER, Cue.WON, Cue.CHAMPION)
        and not c.has(Cue.MEDAL)
        and not subject
        and not about_others
    )
    soft = reading.gender is not None and asked not in (Asked.COUNT, Asked.RANK)
    if not content and not (reading.sports and (strict or soft or asked is Asked.EXPLAIN)):
        return None
    if not content and reading.family:
        return None
    found = _resolve_event(reading)
    if found.confident and found.match is not None:
        event = reading.words.index.events[found.match.id]
        reading.sports[:] = [Ref(id=event.sport, label=event.sport)]
        return Ref(id=event.id, label=event.name)
    if not content and not strict and asked is not Asked.EXPLAIN:
        return None
    if found.status is ResolutionStatus.AMBIGUOUS:
        return Refusal("ambiguous", EntityKind.EVENT, found.query, found)
    return Refusal("not_found", EntityKind.EVENT, found.query, found)


def _resolve_event(reading: Reading) -> Resolution:
    """The event words read with each sport named (the other sports' words kept as words:
    "5 km freestyle cross-country"), then with none; the first confident reading wins."""
    resolver, tokens = reading.words.resolver, reading.tokens
    words = [tokens[i] for i in reading.event_tokens]
    if not _content(reading):
        return _of_sport(reading)
    shared = {tokens[i] for i, cue in reading.clause.cues if cue in KINDS or cue is Cue.START}
    tries: list[tuple[list[str], str | None]] = []  # (words, sport)
    for start, _, sport in reading.sport_spans:
        others = [t for s, e, _ in reading.sport_spans if s != start for t in tokens[s:e]]
        tries.append((words + others, sport))
    tries.append((words + [t for s, e, _ in reading.sport_spans for t in tokens[s:e]], None))
    tries += [
        ([w for w in ws if w not in shared], sport) for ws, sport in tries if shared & set(ws)
    ]
    first: Resolution | None = None
    for text, within in tries:
        found = _narrowed(reading, resolver.event(" ".join(text), within))
        if found.confident:
            return found
        first = first or found
    assert first is not None
    return first


def _of_sport(reading: Reading) -> Resolution:
    """The event a sport (and gender) name: its only one, or a choice of its events."""
    sports = {s.id for s in reading.sports}
    fits = [
        e.candidate
        for e in reading.words.resolver.events
        if e.event.sport in sports and reading.gender in (None, e.event.gender)
    ]
    text = " ".join(reading.tokens[i] for i in reading.event_tokens) or " / ".join(sports)
    if len(fits) == 1:
        return Resolution(
            kind=EntityKind.EVENT, query=text, status=ResolutionStatus.CONFIDENT, match=fits[0]
        )
    return _narrowed(
        reading,
        Resolution(
            kind=EntityKind.EVENT,
            query=text,
            status=ResolutionStatus.AMBIGUOUS if fits else ResolutionStatus.NONE,
            alternatives=tuple(fits[:25]),
        ),
    )


def _narrowed(reading: Reading, found: Resolution) -> Resolution:
    if found.status is not ResolutionStatus.AMBIGUOUS:
        return found
    index = reading.words.index
    entered = {r.event_id for a in reading.athletes for r in index.results_by_athlete.get(a.id, ())}
    entered |= {r.event_id for n in reading.nations for r in index.results_by_noc.get(n.id, ())}
    fits = [c for c in found.alternatives if c.id in entered]
    if entered and len(fits) == 1:
        return found.model_copy(update={"status": ResolutionStatus.CONFIDENT, "match": fits[0]})
    if entered and fits:
        return found.model_copy(update={"alternatives": tuple(fits)})
    return found


def _unknown(reading: Reading, asked: Asked | None) -> Refusal:
    """Words no part claimed: next to event words they are an event not in the data; in a
    question about winning or taking part, a name not in the data; otherwise not understood."""
    c = reading.clause
    words = " ".join(reading.tokens[i] for i in reading.unknown)
    if any(abs(i - j) == 1 for i in reading.unknown for j in reading.event_tokens):
        text = " ".join(
            reading.tokens[i] for i in sorted({*reading.unknown, *reading.event_tokens})
        )
        return Refusal("not_found", EntityKind.EVENT, text)
    run = reading.unknown == list(range(reading.unknown[0], reading.unknown[-1] + 1))
    if run and len(reading.unknown) <= 4 and c.has(*NAME_FRAMES) and not reading.athletes:
        nation = reading.words.resolver.nation(words)
        best = max((a.score for a in nation.alternatives), default=0.0)
        if len(reading.unknown) == 1 or best >= 75.0:
            return Refusal("not_found", EntityKind.NATION, words, nation)
        return Refusal("not_found", EntityKind.ATHLETE, words)
    return _unreadable(reading, words)


def _target(reading: Reading, asked: Asked, event: Ref | None = None) -> Counted | None:
    """The first noun after the question word (or the last one before it: "men who won")."""
    c = reading.clause
    asked_at = c.first(*QUESTION_CUES)
    nouns = [(i, TARGETS[cue]) for i, cue in c.cues if cue in TARGETS]
    if reading.gender is not None and event is None and not _content(reading):
        before_noun = {i - 1 for i, cue in c.cues if cue in TARGETS}  # "women's events"
        nouns += [
            (i, Counted.ATHLETES)
            for i in reading.event_tokens
            if reading.tokens[i] in GENDER_WORDS and i not in before_noun
        ]
    nouns.sort()
    if asked is Asked.RANK:
        nouns = [(i, n) for i, n in nouns if n not in (Counted.MEDALS, Counted.RESULTS)]
    before = [n for i, n in nouns if asked_at is not None and i < asked_at]
    after = [n for i, n in nouns if asked_at is None or i > asked_at]
    if asked_at and before:
        return before[-1]
    return after[0] if after else (before[0] if before else None)


def _counted(reading: Reading, asked: Asked, event: Ref | None) -> tuple[Counted, bool]:
    """What a question counts or lists, and whether the events it counts are events won."""
    c = reading.clause
    of = _target(reading, asked, event) or _default_of(reading, asked)
    if of in (Counted.NATIONS, Counted.ATHLETES) and event is not None and asked is Asked.LIST:
        of = Counted.RESULTS  # "which nation won the pairs": the result line, with its team
    if c.has(Cue.WHO) and of in (Counted.EVENTS, Counted.SPORTS) and asked is Asked.RANK:
        # "who won the most events": the athletes with the most golds
        return Counted.ATHLETES, (of is Counted.EVENTS and c.has(Cue.WON)) or c.events_won
    if c.has(Cue.WHO) and of in (Counted.EVENTS, Counted.SPORTS) and asked is not Asked.COUNT:
        of = Counted.RESULTS  # "who won the team event"
    return of, c.events_won


def _medals(
    reading: Reading, asked: Asked, event: Ref | None, of: Counted, events_won: bool
) -> tuple[Counted, Medal | None, bool]:
    """What is counted once medals are read, the medal colour asked, and whether only results
    with a medal count."""
    c = reading.clause
    colours = {COLOURS[cue] for _, cue in c.cues if cue in COLOURS}
    medal = colours.pop() if len(colours) == 1 else None
    if events_won and medal is None:
        medal = Medal.GOLD
    if c.has(Cue.CHAMPION, Cue.WINNER):
        medal = Medal.GOLD
    medalled = medal is not None or bool(colours) or c.has(Cue.MEDAL, Cue.MEDALLIST)
    if c.has(Cue.WON) and not medalled and not c.has(Cue.TOOK_PART):
        if event is not None or of is Counted.EVENTS:
            medal, medalled = Medal.GOLD, True
        else:
            medalled = True
    if asked in (Asked.RANK, Asked.COMPARE) or (asked is Asked.COUNT and of is Counted.MEDALS):
        medalled = True
    if asked in (Asked.EXPLAIN, Asked.PLACE):
        medal, medalled = None, False
    if c.has(Cue.SWEEP):  # "was there a podium sweep": events, each with all its medals
        of, medal, medalled = Counted.EVENTS, None, True
    if c.record and medal is None and not c.has(Cue.MEDAL, Cue.MEDALLIST):
        medalled = False  # "how many world records were set": every result with one, medal or not
        if of is Counted.MEDALS:
            of = Counted.RESULTS
    return of, medal, medalled


def _without(reading: Reading, asked: Asked, of: Counted, medalled: bool) -> bool:
    """Whether a list is of those that did not win what is asked ("which nations won no gold",
    "which sports did <nation> not win a medal in")."""
    if not (reading.clause.has(Cue.NOT) and asked in (Asked.COUNT, Asked.LIST) and medalled):
        return False
    if of in (Counted.SPORTS, Counted.EVENTS):
        return True
    who = of in (Counted.NATIONS, Counted.ATHLETES)
    return who and not reading.nations and not reading.athletes


def _query(reading: Reading, asked: Asked, event: Ref | None) -> Query:
    c = reading.clause
    of, events_won = _counted(reading, asked, event)
    of, medal, medalled = _medals(reading, asked, event, of, events_won)
    athletes = tuple(reading.athletes)
    if c.has(Cue.ONLY) and reading.nations:  # "was A the only champion of X": all of them
        athletes = ()
    kinds = {KINDS[cue] for _, cue in c.cues if cue in KINDS}
    leads = asked is Asked.CHECK and _leads(reading)  # "did <nation> win the most golds"
    threshold = c.threshold
    if threshold is not None and c.has(Cue.OVER):
        threshold += 1
    exactly = threshold is not None and c.has(Cue.EXACTLY) and not c.has(Cue.OVER)
    than = _than(reading, asked, of, threshold)
    nations = () if than is not None else tuple(reading.nations)
    if than is not None:
        athletes = ()
    return Query(
        asked=asked,
        of=of,
        games=reading.words.games,
        nations=nations,
        athletes=athletes,
        event=event,
        sports=() if event is not None else tuple(reading.sports),
        surface=reading.surface if event is None else "",
        gender=reading.gender if event is None else None,
        kind=kinds.pop() if len(kinds) == 1 and event is None else None,
        day=None if _games_dates(reading, asked, event) else reading.day,
        medal=medal,
        medalled=medalled,
        order=_order(reading, asked) or (Order.MOST if leads else None),
        leads=leads,
        limit=c.limit,
        place=c.rank
        if (asked is Asked.PLACE and event is not None) or asked is Asked.RANK
        else None,
        tied=c.has(Cue.TIE),
        record=c.record,
        sweep=c.has(Cue.SWEEP),
        without=_without(reading, asked, of, medalled),
        threshold=threshold,
        exactly=exactly,
        than=than,
        by_total=(c.has(Cue.MEDAL) and medal is None) or of is Counted.ATHLETES,
        games_dates=_games_dates(reading, asked, event),
        games_host=asked is Asked.PLACE and _games_host(reading),
    )


def _than(reading: Reading, asked: Asked, of: Counted, threshold: int | None) -> Ref | None:
    """The one nation (or athlete) a list of nations (athletes) is measured against: "which
    nations won more medals than <nation>", "which nation beat <nation>"."""
    c = reading.clause
    if asked not in (Asked.LIST, Asked.COUNT) or threshold is not None:
        return None
    if not c.has(Cue.MORE, Cue.COMPARE) or len(reading.nations) + len(reading.athletes) != 1:
        return None
    if of is Counted.NATIONS and reading.nations:
        return reading.nations[0]
    if of is Counted.ATHLETES and reading.athletes:
        return reading.athletes[0]
    return None


def _default_of(reading: Reading, asked: Asked) -> Counted:
    c = reading.clause
    if asked is Asked.RANK:
        if c.has(Cue.TABLE):
            return Counted.NATIONS
        if reading.nations or reading.athletes:
            return Counted.ATHLETES
        return Counted.GAMES if c.has(Cue.WHO) else Counted.NATIONS  # GAMES: both, see _split
    if asked is Asked.COUNT or asked is Asked.COMPARE:
        return Counted.MEDALS
    if asked is Asked.LIST and not c.has(Cue.WHO) and (reading.nations or reading.athletes):
        return Counted.MEDALS
    return Counted.RESULTS


def _order(reading: Reading, asked: Asked) -> Order | None:
    c = reading.clause
    if asked is Asked.RANK and c.has(Cue.LAST):
        return Order.FEWEST  # "which nation finished last in the medal table": its bottom
    for cue, order in ((Cue.FIRST, Order.FIRST), (Cue.LAST, Order.LAST)):
        if c.has(cue):
            return order
    if c.has(Cue.FEWEST):
        return Order.FEWEST
    ranked = c.has(Cue.MOST, Cue.TOP) or c.limit or c.rank or not c.has(Cue.TABLE)
    return Order.MOST if asked is Asked.RANK and ranked else None


def _games_dates(
    reading: Reading, asked: Asked, event: Ref | None
) -> Literal["start", "end"] | None:
    c = reading.clause
    if asked is not Asked.DATE or event or reading.nations or reading.athletes:
        return None
    if c.has(Cue.START) or c.games_day == 1:  # "when was the first day"
        return "start"
    return "end" if c.has(Cue.END) or c.games_day == -1 else None


def _games_day_asked(reading: Reading) -> bool:
    """ "what was the last day of the games": the date of that day, nothing won on it."""
    c = reading.clause
    named = reading.nations or reading.athletes or reading.sports or reading.event_tokens
    return c.games_day in (1, -1) and not named and not c.has(*RESULT_CUES, Cue.HAPPENED)


def _inherit(query: Query, reading: Reading, previous: Query, subject: Ref | None) -> Query:
    """A later clause of a compound question: what it does not say comes from the clause
    before ("... and how many did X win", "... and where did X finish")."""
    c = reading.clause
    update: dict[str, object] = {}
    own_subject = query.nations or query.athletes or (c.has(Cue.WHO) and not c.has(Cue.REF))
    if not own_subject and not c.has(Cue.NATION, Cue.ATHLETE):
        if subject is not None and c.has(Cue.REF):
            key = "nations" if subject.id.isupper() else "athletes"
            update[key] = (subject,)
        else:
            update.update(nations=previous.nations, athletes=previous.athletes)
    needs_event = query.asked in (Asked.PLACE, Asked.EXPLAIN, Asked.DATE, Asked.CHECK)
    if query.event is None and not query.sports and (needs_event or c.has(Cue.REF)):
        update.update(event=previous.event, sports=previous.sports if not previous.event else ())
    counting = query.asked in (Asked.COUNT, Asked.LIST) and previous.of is Counted.MEDALS
    if not _target(reading, query.asked, query.event) and (
        query.asked is previous.asked or counting  # "... and which were in biathlon"
    ):
        update.update(of=previous.of, medalled=query.medalled or previous.medalled)
        if query.medal is None and previous.medal is not None and not c.has(Cue.MEDAL):
            update.update(medal=previous.medal, medalled=True)
    return query.model_copy(update=update) if update else query


def _split(query: Query, reading: Reading) -> list[Query]:
    """One query per subject (a count for each nation named, a ranking of nations and of
    athletes for "who ... most"), except in a comparison."""
    if query.of is Counted.GAMES:
        both = (Counted.NATIONS, Counted.ATHLETES)
        return [query.model_copy(update={"of": of, "by_total": True}) for of in both]
    if query.asked is Asked.COMPARE:
        return [query]
    for key in ("nations", "athletes"):
        refs: tuple[Ref, ...] = getattr(query, key)
        if len(refs) > 1:
            return [query.model_copy(update={key: (ref,)}) for ref in refs]
    if len(query.sports) > 1 and not reading.family:
        return [query.model_copy(update={"sports": (ref,)}) for ref in query.sports]
    return [query]
