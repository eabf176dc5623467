"""Draft query → answer for ``/ask``: resolving each draft's entity text with the same Resolver
the commands use, asking the user to choose when a name is ambiguous, refusing names outside the
data, and answering from the same summaries as the commands (``bot.query.summaries``). Every
number in an answer is read from the GamesIndex.

First medals: the data has no medal history before these Games, so "first medal" answers come only
from the notes in the results data. A nation counts as having won its *first-ever Asian Winter
Games medal* here when a note of one of its medal results says "first(-ever) Asian Winter Games
medal", or an event note says "<nation>'s first(-ever) Asian Winter Games medal"; its *first gold*
when a note says "<nation>'s first(-ever) Asian Winter Games gold" or "... medal of any colour and
first gold". "First medal of the Games" and sport-specific firsts ("first biathlon gold") do not
count. Asked about a nation the notes say nothing about, the answer says the data cannot tell.

Narrowing: an event named loosely beside an athlete or nation ("how did Lin Xiaojun do in the
1000m") is settled when exactly one of its meanings is an event they entered, or else of their
sport and gender; otherwise the user chooses. A follow-up clause without an event ("... and did
korea medal?", "when was it") uses the event of the clause before. A slot naming two things ("in
short track and speed skating") is refused rather than answered for the first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.answers.ask import AskIntent, AskPart, FactValue, ParsedQuery
from bot.answers.models import Answer, Disambiguation, Message, NoMatch, Provenance
from bot.domain.models import Event, Gender, Medal, MedalCount, Result
from bot.domain.names import fold
from bot.domain.resolution import EntityKind, Resolution, ResolutionStatus
from bot.query.ask_parse import Draft
from bot.query.index import GamesIndex, count_medals, rank_counts
from bot.query.resolve import Resolver
from bot.query.sports import SPORT_ALIASES, find_sport
from bot.query.summaries import nation_rank, provenance, ranking

_MEDALS = (Medal.GOLD, Medal.SILVER, Medal.BRONZE)

#: Countries people ask about that are not Asian Olympic Council members (for a clearer refusal).
NON_PARTICIPANTS = frozenset(
    {
        "germany",
        "usa",
        "us",
        "united states",
        "america",
        "canada",
        "norway",
        "russia",
        "france",
        "italy",
        "australia",
        "britain",
        "great britain",
        "uk",
        "england",
        "sweden",
        "finland",
        "switzerland",
        "austria",
        "netherlands",
        "holland",
        "brazil",
        "mexico",
        "spain",
        "poland",
        "new zealand",
        "israel",
        "turkey",
        "ukraine",
        "czechia",
        "slovenia",
    }
)


class NotAnswered(Exception):
    """A clause that cannot be answered; carries the answer that says why."""

    def __init__(self, answer: Answer) -> None:
        super().__init__(type(answer).__name__)
        self.answer = answer


@dataclass(frozen=True)
class Subject:
    """A resolved nation or athlete (with a sport the text named beside a nation)."""

    kind: Literal["nation", "athlete"]
    id: str
    sport: str | None = None


@dataclass
class Context:
    """What one question's earlier clauses resolved (for "... and did korea medal?")."""

    event: str | None = None


class Answerer:
    """Answers drafts for one GamesIndex and Resolver."""

    def __init__(self, index: GamesIndex, resolver: Resolver) -> None:
        self.index = index
        self.resolver = resolver
        self.prov: Provenance = provenance(index)
        self.games = index.data.games.name
        self.context = Context()

    # --- refusals ------------------------------------------------------------------------------

    def help_message(self, words: str) -> Message:
        """The help message, led by the command closest to ``words`` when one is."""
        closest = closest_command(self.resolver, words)
        text = (
            f"I couldn't read that question; the closest command is {closest}.\n\n{HELP}"
            if closest
            else HELP
        )
        return Message(provenance=self.prov, text=text, answered=False)

    def help(self, words: str) -> NotAnswered:
        return NotAnswered(self.help_message(words))

    def message(self, text: str) -> NotAnswered:
        return NotAnswered(Message(provenance=self.prov, text=text, answered=False))

    def unresolved(self, resolution: Resolution, what: str = "") -> NotAnswered:
        if resolution.status is ResolutionStatus.AMBIGUOUS:
            return NotAnswered(
                Disambiguation(
                    provenance=self.prov,
                    kind=resolution.kind,
                    query=resolution.query,
                    alternatives=resolution.alternatives,
                )
            )
        kind = {
            EntityKind.NATION: "no participating nation",
            EntityKind.ATHLETE: "no athlete",
            EntityKind.EVENT: "no event",
            EntityKind.SPORT: "no sport held",
        }[resolution.kind]
        text = what or f"I found {kind} by the name “{resolution.query}”."
        return NotAnswered(
            NoMatch(
                provenance=self.prov,
                kind=resolution.kind,
                query=resolution.query,
                suggestions=resolution.alternatives,
                message=f"I only have results for the {self.games}; {text}",
            )
        )

    # --- resolving -----------------------------------------------------------------------------

    def sport(self, text: str) -> str:
        resolution = self.resolver.sport(text)
        if not resolution.confident or resolution.match is None:
            raise self.unresolved(
                resolution,
                f"“{text}” is not a sport held there. Sports held: {', '.join(self.index.sports)}.",
            )
        return self.index.sport_of(resolution.match.id) or resolution.match.id

    def sport_or_none(self, text: str) -> str | None:
        """The sport ``text`` names exactly (confidently), else None."""
        resolution = self.resolver.sport(text)
        if resolution.confident and resolution.match is not None:
            return self.index.sport_of(resolution.match.id) or resolution.match.id
        return None

    def names_other_sport(self, text: str) -> bool:
        """Whether ``text`` names a sport this Games did not hold ("luge")."""
        mention = find_sport(text.split(), self.resolver.sport_phrases)
        return mention is not None and (
            mention.sport is None or mention.sport not in self.index.sports
        )

    def event(self, text: str, restrict: Sequence[str] = ()) -> str:
        """An event id; with ``restrict`` (the events an athlete or nation entered) an ambiguous
        name is settled when exactly one of its meanings is among them."""
        if text in ("", "it", "that", "this", "that event", "this event", "they") and (
            self.context.event is not None
        ):
            return self.context.event
        if not text:
            raise self.message(
                "Which event? Ask e.g. “who won the women's 1500m in short track?”, or use "
                "`/event NAME`."
            )
        if self.names_other_sport(text):
            raise self.unresolved(
                self.resolver.sport(text),
                f"that sport was not held there. Sports held: {', '.join(self.index.sports)}.",
            )
        resolution = self.resolver.event(text)
        if resolution.confident and resolution.match is not None:
            return resolution.match.id
        spelt = _spell_out_sports(text)
        if spelt != text:
            again = self.resolver.event(spelt)
            if again.confident and again.match is not None:
                return again.match.id
        if restrict and resolution.status is ResolutionStatus.AMBIGUOUS:
            inside = [c for c in resolution.alternatives if c.id in restrict]
            if len(inside) == 1:
                return inside[0].id
            fitting = [c for c in resolution.alternatives if self._fits(c.id, restrict)]
            if len(fitting) == 1:
                return fitting[0].id
        raise self.unresolved(resolution)

    def _fits(self, event_id: str, entered: Sequence[str]) -> bool:
        """Whether an event is of the sport and gender of the events someone entered (an
        athlete asked about a distance they did not race: "how did Lin Xiaojun do in the 1000m")."""
        event = self.index.events[event_id]
        others = [self.index.events[e] for e in entered if e in self.index.events]
        genders = {e.gender for e in others} - {Gender.MIXED, Gender.OPEN}
        return any(e.sport == event.sport for e in others) and (
            len(genders) == 1 and event.gender in genders
        )

    def nation_exact(self, text: str) -> str | None:
        """A nation named exactly (code, name or alias; no fuzzy match)."""
        if not text:
            return None
        found = self.resolver.nation(text)
        if found.confident and found.match is not None and found.match.score >= 100.0:
            return found.match.id
        return None

    def subject(self, text: str, prefer: Literal["nation", "athlete"] = "nation") -> Subject:
        """A nation (with an optional sport beside it) or an athlete named by ``text``."""
        text = re.sub(r"^(the|team) ", "", text.strip())
        if not text:
            raise self.message("Which nation or athlete? Ask e.g. “how many golds did Korea win?”.")
        upper = text.strip().upper()
        if upper in self.index.nations:
            return Subject("nation", upper)
        nation, sport_part = self.resolver.nation_and_sport(text)
        athlete = self.resolver.athlete(text)
        if nation.confident and nation.match is not None:
            if athlete.confident and athlete.match is not None and prefer == "athlete":
                return Subject("athlete", athlete.match.id)
            sport: str | None = None
            if sport_part is not None:
                if not sport_part.confident or sport_part.match is None:
                    raise self.unresolved(sport_part)
                sport = self.index.sport_of(sport_part.match.id)
            return Subject("nation", nation.match.id, sport)
        if athlete.confident and athlete.match is not None:
            return Subject("athlete", athlete.match.id)
        if nation.status is ResolutionStatus.AMBIGUOUS:
            raise self.unresolved(nation)
        if athlete.status is ResolutionStatus.AMBIGUOUS:
            raise self.unresolved(athlete)
        if text in NON_PARTICIPANTS or (sport_part is None and len(text.split()) == 1):
            raise self.unresolved(
                nation,
                f"“{text}” is not among the {len(self.index.nations)} participating NOCs in my data.",
            )
        raise self.unresolved(athlete)

    # --- helpers -------------------------------------------------------------------------------

    def nation_label(self, code: str) -> str:
        nation = self.index.nations.get(code)
        return f"{nation.name} ({code})" if nation else code

    def athlete_label(self, athlete_id: str) -> str:
        athlete = self.index.athletes.get(athlete_id)
        return f"{athlete.name} ({athlete.noc})" if athlete else athlete_id

    def event_label(self, event_id: str) -> str:
        event = self.index.events[event_id]
        return f"{event.name} ({event.sport})"

    def result_label(self, result: Result, with_noc: bool = True) -> str:
        if result.athletes:
            names = ", ".join(
                self.index.athletes[a].name for a in result.athletes if a in self.index.athletes
            )
            team = self.index.events[result.event_id].kind.value == "team"
            return (
                f"{self.nation_label(result.noc)}: {names}" if team else f"{names} ({result.noc})"
            )
        return self.nation_label(result.noc) if with_noc else ""

    @staticmethod
    def date_text(date: dt.date | None) -> str:
        return f"{date.day} {date:%B %Y}" if date else "an unknown date"

    def medal_results(self, event_id: str, medal: Medal) -> list[Result]:
        return [r for r in self.index.results_by_event.get(event_id, ()) if r.medal is medal]

    # --- intents -------------------------------------------------------------------------------

    def split_score(self, text: str) -> float:
        """How surely ``text`` names one nation or athlete (0 when not confidently)."""
        if not text:
            return 0.0
        nation, sport = self.resolver.nation_and_sport(text)
        best = 0.0
        if nation.confident and nation.match is not None and (sport is None or sport.confident):
            best = nation.match.score
        athlete = self.resolver.athlete(text)
        if athlete.confident and athlete.match is not None:
            best = max(best, athlete.match.score)
        return best

    def choose_split(self, draft: Draft) -> Draft:
        """The reading of "did X <verb> Y" whose X names a nation or athlete most surely."""
        if len(draft.splits) < 2:
            return draft
        scored = [
            (self.split_score(subject), -n, subject, rest)
            for n, (subject, rest) in enumerate(draft.splits)
        ]
        best = max(scored)
        if best[0] <= 0 or best[2] == draft.subject_text:
            return draft
        draft.subject_text, draft.event_text = best[2], best[3]
        return draft

    def answer(self, draft: Draft, context: Context) -> AskPart:
        draft = self.choose_split(draft)
        self.context = context
        intent = draft.intent
        if intent is AskIntent.EVENT_WINNER:
            return self.event_winner(draft, context)
        if intent is AskIntent.TEAM_MEMBERS:
            return self.team_members(draft, context)
        if intent is AskIntent.EVENT_DATE:
            return self.event_date(draft, context)
        if intent is AskIntent.EVENTS_ON_DATE:
            return self.events_on_date(draft)
        if intent is AskIntent.RANKING:
            return self.ranking(draft)
        if intent is AskIntent.MEDAL_TABLE:
            return self.medal_table(draft)
        if intent is AskIntent.MEDAL_NATIONS:
            return self.medal_nations(draft, context)
        if intent is AskIntent.PARTICIPANTS:
            return self.participants(draft)
        if intent is AskIntent.GAMES_FACTS:
            return self.games_facts(draft)
        if intent is AskIntent.COMPARE:
            return self.compare(draft)
        if intent is AskIntent.ATHLETE_AGE:
            return self.athlete_age(draft)
        if intent is AskIntent.FIRST_MEDAL:
            return self.first_medal(draft)
        if intent is AskIntent.ATHLETE_EVENT:
            return self.subject_event(draft, context, prefer="athlete")
        if intent is AskIntent.NATION_EVENT:
            return self.subject_event(draft, context, prefer="nation")
        return self.subject_medals(draft, context)

    def event_winner(self, draft: Draft, context: Context) -> AskPart:
        try:
            event_id = self.event(draft.event_text)
        except NotAnswered:
            athlete = self.resolver.athlete(draft.event_text) if draft.event_text else None
            if athlete is not None and athlete.confident and athlete.match is not None:
                draft.medal = None
                return self.athlete_medals(draft, athlete.match.id, None)
            raise
        context.event = event_id
        event = self.index.events[event_id]
        asked = list(_MEDALS) if draft.any_medal or draft.medal is None else [draft.medal]
        facts: dict[str, FactValue] = {"event": event_id}
        lines: list[str] = []
        athletes: list[str] = []
        for medal in _MEDALS:
            won = self.medal_results(event_id, medal)
            facts[medal.value] = tuple(r.noc for r in won)
            if medal in asked:
                for r in won:
                    athletes.extend(r.athletes)
                if won:
                    lines.append(
                        f"{medal.emoji} {medal.value}: "
                        + "; ".join(self.result_label(r) for r in won)
                    )
                else:
                    lines.append(f"no {medal.value} medal is recorded")
        facts["athletes"] = tuple(athletes)
        facts["medal"] = None if len(asked) > 1 else asked[0].value
        head = f"{event.name} ({event.sport}, {self.date_text(event.date)})"
        if not self.index.results_by_event.get(event_id):
            text = f"I have no results for {head} yet."
        elif len(asked) == 1 and asked[0] is Medal.GOLD:
            won = self.medal_results(event_id, Medal.GOLD)
            text = (
                f"{head} was won by " + " and ".join(self.result_label(r) for r in won) + "."
                if won
                else f"{head}: no gold medal is recorded."
            )
        else:
            text = f"{head}: " + "; ".join(lines) + "."
        return self.part(
            draft,
            text,
            facts,
            intent=AskIntent.EVENT_WINNER,
            event=event_id,
            sport=event.sport,
            medal=draft.medal if len(asked) == 1 else None,
        )

    def team_members(self, draft: Draft, context: Context) -> AskPart:
        words = draft.event_text.split()
        noc: str | None = None
        event_text = draft.event_text
        for size in (3, 2, 1):
            if len(words) > size:
                found = self.nation_exact(" ".join(words[:size]))
                if found is None:
                    loose = self.resolver.nation(" ".join(words[:size]))
                    rest = self.resolver.event(" ".join(words[size:]))
                    if loose.confident and loose.match is not None and rest.confident:
                        found = loose.match.id
                if found is not None:
                    noc, event_text = found, " ".join(words[size:])
                    break
        if not event_text and context.event is not None:
            event_id = context.event
        else:
            event_id = self.event(
                event_text,
                restrict=tuple(r.event_id for r in self.index.results_by_noc.get(noc, ()))
                if noc
                else (),
            )
        context.event = event_id
        event = self.index.events[event_id]
        results = self.index.results_by_event.get(event_id, ())
        if noc is not None:
            chosen = [r for r in results if r.noc == noc]
            if not chosen:
                raise self.message(
                    f"{self.nation_label(noc)} has no result in {self.event_label(event_id)} in my data."
                )
        else:
            medal = draft.medal or Medal.GOLD
            chosen = [r for r in results if r.medal is medal]
            if not chosen:
                raise self.message(
                    f"No {medal.value} medal is recorded in {self.event_label(event_id)}."
                )
        r = chosen[0]
        athletes = tuple(r.athletes)
        names = ", ".join(self.athlete_label(a) for a in athletes)
        what = f"{r.medal.value} medal " if r.medal else ""
        who = self.nation_label(r.noc)
        if athletes:
            text = f"{who}'s {what}team in {self.event_label(event_id)}: {names}."
        else:
            text = f"{who} {('won ' + r.medal.value) if r.medal else 'took part'} in {self.event_label(event_id)}, but my data does not name its team members."
        facts: dict[str, FactValue] = {
            "event": event_id,
            "noc": r.noc,
            "medal": r.medal.value if r.medal else None,
            "athletes": athletes,
        }
        return self.part(
            draft, text, facts, event=event_id, sport=event.sport, nation=r.noc, medal=r.medal
        )

    def event_date(self, draft: Draft, context: Context) -> AskPart:
        entered: tuple[str, ...] = ()
        event_text = draft.event_text
        if draft.subject_text:
            try:
                subject = self.subject(draft.subject_text, prefer="athlete")
            except NotAnswered:
                if not draft.fallback_text:
                    raise
                event_text = draft.fallback_text
            else:
                results = (
                    self.index.results_by_athlete.get(subject.id, ())
                    if subject.kind == "athlete"
                    else self.index.results_by_noc.get(subject.id, ())
                )
                entered = tuple(r.event_id for r in results)
        event_id = self.event(event_text, restrict=entered)
        context.event = event_id
        event = self.index.events[event_id]
        text = f"{self.event_label(event_id)} was held on {self.date_text(event.date)}" + (
            f" at {event.venue}." if event.venue else "."
        )
        facts: dict[str, FactValue] = {
            "event": event_id,
            "date": event.date.isoformat() if event.date else None,
        }
        return self.part(draft, text, facts, event=event_id, sport=event.sport)

    def events_on_date(self, draft: Draft) -> AskPart:
        date = draft.date
        assert date is not None
        events = sorted(
            (e for e in self.index.events.values() if e.date == date),
            key=lambda e: (e.sport, e.name),
        )
        games = self.index.data.games
        noc: str | None = None
        nation, _sport = (
            self.resolver.nation_and_sport(draft.subject_text)
            if draft.subject_text
            else (None, None)
        )
        if nation is not None and nation.status is ResolutionStatus.AMBIGUOUS:
            raise self.unresolved(nation)
        if nation is not None and nation.confident and nation.match is not None:
            noc = nation.match.id
            medals = [
                r
                for e in events
                for r in self.index.results_by_event.get(e.id, ())
                if r.noc == noc and r.medal is not None and draft.medal in (None, r.medal)
            ]
            text = (
                f"{self.nation_label(noc)} won {len(medals)}"
                + (f" {draft.medal.value}" if draft.medal else "")
                + f" medal{'s' if len(medals) != 1 else ''} on {self.date_text(date)}"
                + (
                    ":\n"
                    + "\n".join(
                        f"- {r.medal.emoji if r.medal else ''} {self.event_label(r.event_id)}"
                        for r in medals
                    )
                    if medals
                    else "."
                )
            )
            facts: dict[str, FactValue] = {
                "date": date.isoformat(),
                "nation": noc,
                "events": tuple(f"{r.event_id}:{r.medal.value}" for r in medals if r.medal),
                "count": len(medals),
            }
            return self.part(draft, text, facts, date=date, nation=noc)
        if not events:
            span = ""
            if games.start and games.end:
                span = f" The {games.name} ran from {self.date_text(games.start)} to {self.date_text(games.end)}."
            text = f"No medal events were held on {self.date_text(date)}.{span}"
        else:
            lines = []
            for event in events:
                golds = self.medal_results(event.id, Medal.GOLD)
                winner = ", ".join(self.result_label(r) for r in golds) or "no gold recorded"
                lines.append(f"- {event.sport}: {event.name} — 🥇 {winner}")
            text = f"{len(events)} medal events on {self.date_text(date)}:\n" + "\n".join(lines)
        facts = {
            "date": date.isoformat(),
            "events": tuple(e.id for e in events),
            "count": len(events),
        }
        return self.part(draft, text, facts, date=date)

    def _sport_filter(self, text: str) -> str | None:
        if not text:
            return None
        return self.sport(text)

    def ranking(self, draft: Draft) -> AskPart:
        subject = draft.subject or "athlete"
        noc: str | None = None
        sport: str | None = None
        if draft.sport_text:
            sport = self.sport_or_none(draft.sport_text)
            if sport is None and subject == "athlete":
                nation, sport_part = self.resolver.nation_and_sport(draft.sport_text)
                if nation.confident and nation.match is not None:
                    noc = nation.match.id
                    if sport_part is not None:
                        if not sport_part.confident or sport_part.match is None:
                            raise self.unresolved(sport_part)
                        sport = self.index.sport_of(sport_part.match.id)
            if sport is None and noc is None:
                sport = self.sport(draft.sport_text)
        limit = draft.limit or 5
        medal = draft.medal
        rows: list[tuple[int, str, str, MedalCount]]
        if noc is not None:
            rows = self._colour_ranking(subject, medal, sport, limit, noc=noc)
            measure_text = f"{medal.value} medals" if medal else "medals"
        elif medal in (Medal.SILVER, Medal.BRONZE):
            rows = self._colour_ranking(subject, medal, sport, limit)
            measure_text = f"{medal.value} medals" if medal else "medals"
        else:
            measure: Literal["gold", "total"] = "gold" if medal is Medal.GOLD else "total"
            found = ranking(self.index, subject, measure, sport, limit)
            rows = [(row.rank, row.id, row.label, row.count) for row in found.rows]
            measure_text = "gold medals" if measure == "gold" else "medals"
        where = f" in {sport}" if sport else ""
        who = "nations" if subject == "nation" else "athletes"
        if noc is not None:
            who = f"athletes of {self.nation_label(noc)}"
        if not rows:
            text = f"No {who} won {measure_text}{where}."
        else:
            top = [row for row in rows if row[0] == 1]
            value = _value(top[0][3], medal)
            names = [row[2] for row in top]
            lead = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            text = f"Most {measure_text}{where} ({who}): {lead} with {value}."
            if draft.limit or len(rows) > len(top):
                text += "\n" + "\n".join(
                    f"{rank}. {label} — {c.gold} gold, {c.silver} silver, {c.bronze} bronze ({c.total})"
                    for rank, _, label, c in rows
                )
        facts: dict[str, FactValue] = {
            "subject": subject,
            "measure": medal.value if medal else "total",
            "sport": sport,
            "top": tuple(row[1] for row in rows if row[0] == 1),
            "value": _value(rows[0][3], medal) if rows else 0,
            "rows": tuple(row[1] for row in rows),
        }
        return self.part(
            draft,
            text,
            facts,
            sport=sport,
            subject=subject,
            measure="gold" if medal is Medal.GOLD else "total",
            medal=medal,
            limit=limit,
        )

    def _colour_ranking(
        self,
        subject: str,
        medal: Medal | None,
        sport: str | None,
        limit: int,
        *,
        noc: str | None = None,
    ) -> list[tuple[int, str, str, MedalCount]]:
        """A ranking by one colour (or by total, then gold), optionally of one NOC's athletes."""
        per: dict[str, list[Result]] = defaultdict(list)
        for result in self.index.data.results:
            if result.medal is None or (
                sport and self.index.events[result.event_id].sport != sport
            ):
                continue
            if noc is not None and result.noc != noc:
                continue
            for holder in (result.noc,) if subject == "nation" else result.athletes:
                per[holder].append(result)
        counts = [count_medals(holder, results) for holder, results in per.items()]
        counts = [c for c in counts if _value(c, medal)]
        label = self.nation_label if subject == "nation" else self.athlete_label

        def key(count: MedalCount) -> tuple[int, ...]:
            if medal is None:
                return (count.total, *count.key)
            if medal is Medal.GOLD:
                return (count.gold, count.total, count.silver)
            return (_value(count, medal), count.total)

        counts.sort(key=lambda c: (tuple(-k for k in key(c)), label(c.noc)))
        rows: list[tuple[int, str, str, MedalCount]] = []
        for position, count in enumerate(counts, start=1):
            tied = bool(rows) and key(rows[-1][3]) == key(count)
            if position > limit and not tied:
                break
            rows.append((rows[-1][0] if tied else position, count.noc, label(count.noc), count))
        return rows

    def medal_table(self, draft: Draft) -> AskPart:
        for text in (draft.subject_text, draft.sport_text):
            if not text:
                continue
            nation, sport_part = self.resolver.nation_and_sport(text)
            if nation.confident and (sport_part is None or sport_part.confident):
                return self.subject_medals(
                    Draft(
                        AskIntent.NATION_MEDALS,
                        draft.clause,
                        subject_text=text,
                        medal=draft.medal,
                        count=True,
                    ),
                    Context(),
                )
        sport = (
            self._sport_filter(draft.sport_text)
            if draft.sport_text
            else (self.sport_or_none(draft.subject_text) if draft.subject_text else None)
        )
        limit = draft.limit or 10
        counts = [c for c in self.index.medal_counts(sport) if c.total]
        ranked = [
            (rank, c)
            for rank, c in rank_counts(counts, name_of=self.index.nation_name)
            if rank <= limit
        ]
        where = f" in {sport}" if sport else ""
        text = f"Medal table{where} (top {limit}):\n" + "\n".join(
            f"{rank}. {self.nation_label(c.noc)} — {c.gold} gold, {c.silver} silver, {c.bronze} bronze ({c.total})"
            for rank, c in ranked
        )
        facts: dict[str, FactValue] = {
            "sport": sport,
            "rows": tuple(c.noc for _, c in ranked),
            "limit": limit,
        }
        return self.part(draft, text, facts, sport=sport, limit=limit)

    def medal_nations(self, draft: Draft, context: Context) -> AskPart:
        sport: str | None = None
        if draft.sport_text:
            sport = self.sport_or_none(draft.sport_text)
            if sport is None:
                event = self.resolver.event(draft.sport_text)
                if event.confident and not draft.count:
                    draft.event_text, draft.medal = draft.sport_text, draft.medal or Medal.GOLD
                    return self.event_winner(draft, context)
                sport = self.sport(draft.sport_text)
        counts = [c for c in self.index.medal_counts(sport) if _value(c, draft.medal)]
        ranked = [c for _, c in rank_counts(counts, name_of=self.index.nation_name)]
        what = f"a {draft.medal.value} medal" if draft.medal else "a medal"
        where = f" in {sport}" if sport else ""
        names = ", ".join(
            f"{self.nation_label(c.noc)} {_value(c, draft.medal)}"
            if draft.medal
            else f"{self.nation_label(c.noc)} {c.gold}/{c.silver}/{c.bronze}"
            for c in ranked
        )
        text = (
            f"{len(ranked)} of {len(self.index.nations)} nations won {what}{where}"
            + (" (gold/silver/bronze)" if draft.medal is None else "")
            + f": {names}."
            if ranked
            else f"No nation won {what}{where}."
        )
        facts: dict[str, FactValue] = {
            "medal": draft.medal.value if draft.medal else None,
            "sport": sport,
            "nations": tuple(c.noc for c in ranked),
            "count": len(ranked),
        }
        return self.part(draft, text, facts, sport=sport, medal=draft.medal)

    def participants(self, draft: Draft) -> AskPart:
        codes = tuple(sorted(self.index.nations))
        text = (
            f"{len(codes)} nations (NOCs) took part: "
            + ", ".join(
                self.index.nations[c].name for c in sorted(codes, key=self.index.nation_name)
            )
            + "."
        )
        facts: dict[str, FactValue] = {"count": len(codes), "nations": codes}
        return self.part(draft, text, facts)

    def compare(self, draft: Draft) -> AskPart:
        left = self.subject(draft.subject_text)
        right = self.subject(draft.event_text)
        sport = (
            self._sport_filter(draft.sport_text)
            if draft.sport_text
            else (left.sport or right.sport)
        )
        if left.kind != right.kind or left.id == right.id:
            raise self.message(
                "I can compare two nations or two athletes, e.g. “who won more golds, Korea or "
                "Japan?”."
            )
        counts = [self._count(subject, sport) for subject in (left, right)]
        medal = draft.medal
        values = [_value(count, medal) for count in counts]
        labels = [self._label(subject) for subject in (left, right)]
        what = f"{medal.value} medals" if medal else "medals"
        where = f" in {sport}" if sport else ""
        if values[0] == values[1]:
            lead = f"{labels[0]} and {labels[1]} won the same number of {what}{where}: {values[0]}."
            more: str | None = None
        else:
            first = 0 if values[0] > values[1] else 1
            more = (left, right)[first].id
            lead = (
                f"{labels[first]} won more {what}{where}: {values[first]} to "
                f"{values[1 - first]} for {labels[1 - first]}."
            )
        detail = "\n".join(
            f"- {label}: {c.gold} gold, {c.silver} silver, {c.bronze} bronze ({c.total})"
            for label, c in zip(labels, counts, strict=True)
        )
        facts: dict[str, FactValue] = {
            "subjects": (left.id, right.id),
            "sport": sport,
            "measure": medal.value if medal else "total",
            "value": values[0],
            "other_value": values[1],
            "more": more,
        }
        return self.part(
            draft,
            f"{lead}\n{detail}",
            facts,
            sport=sport,
            medal=medal,
            subject=left.kind,
            nation=left.id if left.kind == "nation" else None,
            athlete=left.id if left.kind == "athlete" else None,
        )

    def _count(self, subject: Subject, sport: str | None) -> MedalCount:
        if subject.kind == "nation":
            return self.index.medal_count(subject.id, sport)
        results = [
            r
            for r in self.index.results_by_athlete.get(subject.id, ())
            if r.medal is not None
            and (sport is None or self.index.events[r.event_id].sport == sport)
        ]
        return count_medals(subject.id, results)

    def _label(self, subject: Subject) -> str:
        if subject.kind == "nation":
            return self.nation_label(subject.id)
        return self.athlete_label(subject.id)

    def athlete_age(self, draft: Draft) -> AskPart:
        subject = self.subject(draft.subject_text, prefer="athlete")
        if subject.kind != "athlete":
            raise self.help(draft.subject_text)
        athlete = self.index.athletes[subject.id]
        start = self.index.data.games.start
        label = self.athlete_label(subject.id)
        age: int | None = None
        if athlete.birth_date is not None:
            born = f"born on {self.date_text(athlete.birth_date)}"
            if start is not None:
                age = (
                    start.year
                    - athlete.birth_date.year
                    - (
                        (start.month, start.day)
                        < (athlete.birth_date.month, athlete.birth_date.day)
                    )
                )
                born += f", so {age} when the Games began"
            text = f"{label} was {born}."
        elif athlete.birth_year is not None:
            text = f"{label} was born in {athlete.birth_year} (my data has no exact date)."
        else:
            text = f"My data has no birth date for {label}, so I can't say."
        facts: dict[str, FactValue] = {
            "athlete": subject.id,
            "birth_date": athlete.birth_date.isoformat() if athlete.birth_date else None,
            "birth_year": athlete.birth_year
            or (athlete.birth_date.year if athlete.birth_date else None),
            "age": age,
        }
        return self.part(draft, text, facts, athlete=subject.id)

    def games_facts(self, draft: Draft) -> AskPart:
        sport = self._sport_filter(draft.sport_text) if draft.sport_text else None
        games = self.index.data.games
        events = [e for e in self.index.events.values() if sport is None or e.sport == sport]
        counts = self.index.medal_counts(sport)
        gold = sum(c.gold for c in counts)
        silver = sum(c.silver for c in counts)
        bronze = sum(c.bronze for c in counts)
        where = f" in {sport}" if sport else ""
        text = (
            f"The {games.name} ran from {self.date_text(games.start)} to "
            f"{self.date_text(games.end)} in {games.city or 'its host city'}: {len(events)} medal "
            f"events{where}, {gold + silver + bronze} medals awarded ({gold} gold, {silver} "
            f"silver, {bronze} bronze), {len(self.index.nations)} nations taking part. Sports: "
            f"{', '.join(self.index.sports)}."
        )
        facts: dict[str, FactValue] = {
            "sport": sport,
            "start": games.start.isoformat() if games.start else None,
            "end": games.end.isoformat() if games.end else None,
            "events": len(events),
            "sports": tuple(self.index.sports),
            "medals": gold + silver + bronze,
            "gold": gold,
            "silver": silver,
            "bronze": bronze,
        }
        return self.part(draft, text, facts, sport=sport)

    def first_medal(self, draft: Draft) -> AskPart:
        gold = draft.medal is Medal.GOLD
        firsts = first_medals(self.index, gold=gold)
        what = (
            "first-ever Asian Winter Games gold" if gold else "first-ever Asian Winter Games medal"
        )
        if draft.subject_text:
            subject = self.subject(draft.subject_text)
            if subject.kind != "nation":
                raise self.message(
                    "I can only tell nations' first medals, from the notes in the data."
                )
            if subject.id not in firsts:
                raise self.message(
                    f"The notes in my data do not say whether {self.nation_label(subject.id)} won its {what} here, so I can't tell."
                )
            event_id = firsts[subject.id]
            text = f"Yes: the data notes that {self.nation_label(subject.id)} won its {what} in {self.event_label(event_id)}."
            facts: dict[str, FactValue] = {
                "medal": "gold" if gold else None,
                "nation": subject.id,
                "won": True,
                "event": event_id,
            }
            return self.part(draft, text, facts, nation=subject.id, medal=draft.medal)
        codes = tuple(sorted(firsts))
        listed = "; ".join(
            f"{self.nation_label(c)} in {self.event_label(firsts[c])}" for c in codes
        )
        text = (
            f"According to the notes in my data, these nations won their {what} at the {self.games}: {listed}."
            if codes
            else f"The notes in my data mention no nation's {what}."
        )
        facts = {"medal": "gold" if gold else None, "nations": codes}
        return self.part(draft, text, facts, medal=draft.medal)

    # --- nations and athletes ------------------------------------------------------------------

    def subject_medals(self, draft: Draft, context: Context) -> AskPart:
        bare = draft.form == "bare"
        if bare and not draft.subject_text:
            raise self.help(draft.subject_text)
        if bare:
            return self.bare(draft, context)
        subject = self.subject(draft.subject_text)
        sport = subject.sport
        if re.search(r"\b(and|or|&)\b", draft.event_text):
            raise self.message(
                f"Ask about one sport or event at a time (“{draft.event_text}” names more than "
                "one), e.g. “how many medals did Korea win in short track?”."
            )
        if draft.event_text:
            sport_found = self.sport_or_none(draft.event_text)
            if sport_found is not None:
                sport = sport_found
            else:
                return self.subject_event(draft, context, prefer=subject.kind, subject=subject)
        if subject.kind == "athlete":
            return self.athlete_medals(draft, subject.id, sport)
        return self.nation_medals(draft, subject.id, sport)

    def bare(self, draft: Draft, context: Context) -> AskPart:
        text = draft.subject_text
        if self.names_other_sport(text):
            raise self.unresolved(
                self.resolver.sport(text),
                f"that sport was not held there. Sports held: {', '.join(self.index.sports)}.",
            )
        nation, sport_part = self.resolver.nation_and_sport(text)
        if nation.confident and (sport_part is None or sport_part.confident):
            return self.subject_medals(
                Draft(
                    AskIntent.NATION_MEDALS,
                    draft.clause,
                    subject_text=text,
                    medal=draft.medal,
                    count=draft.count,
                ),
                context,
            )
        athlete = self.resolver.athlete(text)
        if athlete.confident and athlete.match is not None:
            return self.athlete_medals(draft, athlete.match.id, None)
        event = self.resolver.event(text)
        if event.confident:
            return self.event_winner(
                Draft(AskIntent.EVENT_WINNER, draft.clause, event_text=text, any_medal=True),
                context,
            )
        unread = self.help_message(draft.subject_text)
        raise NotAnswered(unread.model_copy(update={"bare_name": True}))

    def nation_medals(self, draft: Draft, noc: str, sport: str | None) -> AskPart:
        results = sorted(
            self.index.medal_results(noc, sport),
            key=lambda r: (
                self.index.events[r.event_id].date or dt.date.min,
                r.medal.order if r.medal else 3,
            ),
        )
        count = count_medals(noc, results)
        where = f" in {sport}" if sport else ""
        name = self.nation_label(noc)
        rank = nation_rank(self.index, noc, sport)
        if draft.medal is not None:
            n = _value(count, draft.medal)
            text = f"{name} won {n} {draft.medal.value} medal{'s' if n != 1 else ''}{where}."
        else:
            text = f"{name} won {count.total} medal{'s' if count.total != 1 else ''}{where}: {count.gold} gold, {count.silver} silver, {count.bronze} bronze"
            text += f" (rank {rank} in the medal table{where})." if rank else "."
        if results and (draft.form in ("what", "did", "bare") or not draft.count):
            text += "\n" + "\n".join(
                f"- {r.medal.emoji if r.medal else ''} {self.event_label(r.event_id)}"
                for r in results
            )
        facts: dict[str, FactValue] = {
            "nation": noc,
            "sport": sport,
            "gold": count.gold,
            "silver": count.silver,
            "bronze": count.bronze,
            "total": count.total,
            "events": tuple(f"{r.event_id}:{r.medal.value}" for r in results if r.medal),
            "won": (_value(count, draft.medal) if draft.medal else count.total) > 0,
        }
        parsed_intent = AskIntent.NATION_MEDALS
        return self.part(
            draft, text, facts, intent=parsed_intent, nation=noc, sport=sport, medal=draft.medal
        )

    def athlete_medals(self, draft: Draft, athlete_id: str, sport: str | None) -> AskPart:
        athlete = self.index.athletes[athlete_id]
        entries = [
            r
            for r in self.index.results_by_athlete.get(athlete_id, ())
            if sport is None or self.index.events[r.event_id].sport == sport
        ]
        entries.sort(
            key=lambda r: (
                self.index.events[r.event_id].date or dt.date.min,
                self.index.events[r.event_id].name,
            )
        )
        medals = [r for r in entries if r.medal is not None]
        count = count_medals(athlete.noc, medals)
        where = f" in {sport}" if sport else ""
        label = self.athlete_label(athlete_id)
        if draft.medal is not None:
            n = _value(count, draft.medal)
            text = f"{label} won {n} {draft.medal.value} medal{'s' if n != 1 else ''}{where}."
        elif medals:
            text = f"{label} won {count.total} medal{'s' if count.total != 1 else ''}{where}: {count.gold} gold, {count.silver} silver, {count.bronze} bronze."
        else:
            text = f"{label} won no medal{where}."
        if entries:
            text += "\n" + "\n".join(
                f"- {self.event_label(r.event_id)}: "
                + (
                    f"{r.medal.emoji} {r.medal.value}"
                    if r.medal
                    else (f"rank {r.rank}" if r.rank else "no rank recorded")
                )
                for r in entries
            )
        facts: dict[str, FactValue] = {
            "athlete": athlete_id,
            "sport": sport,
            "gold": count.gold,
            "silver": count.silver,
            "bronze": count.bronze,
            "total": count.total,
            "events": tuple(f"{r.event_id}:{r.medal.value}" for r in medals if r.medal),
            "won": (_value(count, draft.medal) if draft.medal else count.total) > 0,
        }
        return self.part(
            draft,
            text,
            facts,
            intent=AskIntent.ATHLETE_MEDALS,
            athlete=athlete_id,
            sport=sport,
            medal=draft.medal,
        )

    def subject_event(
        self,
        draft: Draft,
        context: Context,
        *,
        prefer: Literal["nation", "athlete"],
        subject: Subject | None = None,
    ) -> AskPart:
        subject = subject or self.subject(draft.subject_text, prefer=prefer)
        event_text = draft.event_text
        sport = subject.sport
        if event_text:
            found = self.sport_or_none(event_text)
            if found is not None:
                sport, event_text = found, ""
        if not event_text and sport is None and context.event is not None and draft.form == "did":
            event_id: str | None = context.event
        elif not event_text:
            event_id = None
        else:
            entered = tuple(
                r.event_id
                for r in (
                    self.index.results_by_athlete.get(subject.id, ())
                    if subject.kind == "athlete"
                    else self.index.results_by_noc.get(subject.id, ())
                )
            )
            event_id = self.event(event_text, restrict=entered)
        if event_id is None:
            if subject.kind == "athlete":
                return self.athlete_medals(draft, subject.id, sport)
            return self.nation_medals(draft, subject.id, sport)
        context.event = event_id
        event = self.index.events[event_id]
        if subject.kind == "athlete":
            results = [
                r for r in self.index.results_by_event.get(event_id, ()) if subject.id in r.athletes
            ]
            label = self.athlete_label(subject.id)
        else:
            results = [
                r for r in self.index.results_by_event.get(event_id, ()) if r.noc == subject.id
            ]
            label = self.nation_label(subject.id)
        best = min(
            results, key=lambda r: (r.medal.order if r.medal else 3, r.rank or 10_000), default=None
        )
        medal = best.medal if best else None
        asked = draft.medal
        if asked is None and not draft.any_medal and draft.form == "did":
            asked = Medal.GOLD
        won = any(r.medal is asked for r in results) if asked is not None else medal is not None
        where = self.event_label(event_id)
        if best is None:
            text = f"{label} has no result in {where} in my data" + (
                " (no entry recorded)." if subject.kind == "athlete" else "."
            )
        elif medal is not None:
            text = f"{'Yes' if won else 'No'}: {label} won {medal.value} in {where}" + (
                f" ({best.mark})." if best.mark else "."
            )
        else:
            place = (
                f"finished {_ordinal(best.rank)}" if best.rank else "took part (no rank recorded)"
            )
            text = (
                f"No: {label} {place} in {where} and won no medal."
                if draft.form != "how"
                else f"{label} {place} in {where} (no medal)."
            )
        if best is not None and best.note and subject.kind == "athlete":
            text += f" Note: {best.note}"
        facts: dict[str, FactValue] = {
            subject.kind: subject.id,
            "event": event_id,
            "entered": best is not None,
            "rank": best.rank if best else None,
            "medal": medal.value if medal else None,
            "won": won,
        }
        intent = AskIntent.ATHLETE_EVENT if subject.kind == "athlete" else AskIntent.NATION_EVENT
        return self.part(
            draft,
            text,
            facts,
            intent=intent,
            event=event_id,
            sport=event.sport,
            nation=subject.id if subject.kind == "nation" else None,
            athlete=subject.id if subject.kind == "athlete" else None,
            medal=draft.medal,
        )

    # --- assembling ----------------------------------------------------------------------------

    def part(
        self,
        draft: Draft,
        text: str,
        facts: dict[str, FactValue],
        *,
        intent: AskIntent | None = None,
        nation: str | None = None,
        athlete: str | None = None,
        event: str | None = None,
        sport: str | None = None,
        medal: Medal | None = None,
        subject: Literal["athlete", "nation"] | None = None,
        measure: Literal["gold", "total"] | None = None,
        limit: int | None = None,
        date: dt.date | None = None,
    ) -> AskPart:
        mentions = {
            key: value
            for key, value in (
                ("subject", draft.subject_text),
                ("event", draft.event_text),
                ("sport", draft.sport_text),
            )
            if value
        }
        query = ParsedQuery(
            intent=intent or draft.intent,
            nation=nation,
            athlete=athlete,
            event=event,
            sport=sport,
            medal=medal,
            subject=subject,
            measure=measure,
            limit=limit,
            date=date,
            mentions=mentions,
        )
        return AskPart(query=query, text=text, facts={"intent": query.intent.value, **facts})


#: At most this many athlete look-ups for the closest command (each costs up to ~3 ms).
_CLOSEST_ATHLETE_TRIES = 4


def closest_command(resolver: Resolver, words: str) -> str:
    """The command closest to a question that could not be read: ``/event``, ``/athlete`` or
    ``/medals`` with a name found confidently in ``words`` (the whole text as an event, a nation
    named exactly by one or two words, runs of three or two words as an athlete), or "" when
    nothing does. Bounded: at most 6 words and a few look-ups."""
    tokens = words.split()[:6]
    if not tokens:
        return ""
    event = resolver.event(" ".join(tokens))
    if event.confident and event.match is not None:
        return f"`/event {event.match.label}`"
    runs = [
        " ".join(tokens[start : start + size])
        for size in (3, 2, 1)
        for start in range(len(tokens) - size + 1)
    ]
    for text in runs:
        if text.count(" ") < 2 and fold(text) in resolver.nation_exact:
            codes = resolver.nation_exact[fold(text)]
            if len(codes) == 1:
                return f"`/medals {resolver.nations[codes[0]].id}`"
    for text in [run for run in runs if " " in run][:_CLOSEST_ATHLETE_TRIES]:
        athlete = resolver.athlete(text)
        if athlete.confident and athlete.match is not None:
            return f"`/athlete {athlete.match.label.rsplit(' (', 1)[0]}`"
    return ""


HELP = (
    "I couldn't read that question. Ask e.g. “who won the women's 1500m in short track?”, "
    "“how many golds did Korea win?”, “what did Choi Min-jeong win?”, “which events were on "
    "Feb 9?”, or use `/medals NATION`, `/athlete NAME`, `/event NAME` or `/table`."
)


def _spell_out_sports(text: str) -> str:
    """Sport abbreviations written out and put first ("mens 10km freestyle xc" → "cross country
    skiing mens 10km freestyle"), so the sport is read before an event word that is also a sport
    name ("freestyle")."""
    words = text.split()
    short = [w for w in words if len(w) <= 5 and w in SPORT_ALIASES and " " not in w]
    if not short:
        return text
    sport = SPORT_ALIASES[short[0]]
    rest = [w for w in words if w != short[0]]
    return f"{sport.lower().replace('-', ' ')} {' '.join(rest)}"


def _value(count: MedalCount, medal: Medal | None) -> int:
    if medal is Medal.GOLD:
        return count.gold
    if medal is Medal.SILVER:
        return count.silver
    if medal is Medal.BRONZE:
        return count.bronze
    return count.total


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_FIRST_MEDAL = r"first(?:-| )?(?:ever )?asian winter games medal"
_FIRST_GOLD = r"first(?:-| )?(?:ever )?asian winter games (?:gold(?! in )|medal of any colou?r and first gold)"


#: ``first_medals`` per index (an index is immutable; a new load builds a new one).
_FIRSTS: dict[tuple[int, bool], tuple[GamesIndex, dict[str, str]]] = {}


def first_medals(index: GamesIndex, *, gold: bool) -> dict[str, str]:
    """NOC → event of its first-ever Asian Winter Games medal (or gold), from the data's notes
    (rule in the module docstring). Computed once per index."""
    cached = _FIRSTS.get((id(index), gold))
    if cached is not None and cached[0] is index:
        return cached[1]
    if len(_FIRSTS) > 8:
        _FIRSTS.clear()
    found = _first_medals(index, gold=gold)
    _FIRSTS[(id(index), gold)] = (index, found)
    return found


def _first_medals(index: GamesIndex, *, gold: bool) -> dict[str, str]:
    pattern = _FIRST_GOLD if gold else _FIRST_MEDAL
    found: dict[str, str] = {}
    for result in index.data.results:
        if result.medal is None or (gold and result.medal is not Medal.GOLD):
            continue
        if result.note and re.search(pattern, result.note, re.IGNORECASE):
            found.setdefault(result.noc, result.event_id)
    names: dict[str, str] = {}
    for code, nation in index.nations.items():
        for name in (nation.name, nation.official_name, *nation.aliases):
            if name and name.isascii() and len(name) > 3:
                names.setdefault(name.casefold(), code)
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    said = re.compile(rf"\b({alternation})(?:'s|’s|'|’)? (?:{pattern})", re.IGNORECASE)
    for event in index.data.events:
        for note in event.notes:
            for match in said.finditer(note):
                code = names[match.group(1).casefold()]
                if code not in found and _won_medal(index, event, code, gold):
                    found[code] = event.id
    return found


def _won_medal(index: GamesIndex, event: Event, code: str, gold: bool) -> bool:
    return any(
        r.noc == code and r.medal is not None and (not gold or r.medal is Medal.GOLD)
        for r in index.results_by_event.get(event.id, ())
    )
