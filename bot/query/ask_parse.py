"""Question → draft query for ``/ask``: normalising the text (case, apostrophes, common typos of
the cue words), translating Chinese and Korean cue words, reading dates, splitting combined
questions into clauses, and recognising each clause's intent and the raw text of its entities.
Resolution to ids happens in ``bot.query.ask_answer``. Pure and rule-based: no model, no I/O.

Intents, tried in this order: first-ever medals, Games-wide facts (dates, events, medals, sports),
an athlete's age, events on a date (or a nation's medals on it), comparisons of two nations or
athletes, participants and nations with medals, rankings ("most medals"), the medal table
("top 5"), team members, an event's date, how an athlete or nation did in an event, "did X win
(a medal in) E", medal counts ("how many", "X medal count", "what did X win"), event winners, and
last a bare name (a nation, an athlete or an event).

Choices where the brief was silent:

- Dates: ``2025-02-08``, ``feb 8``, ``8 February``, ``8th of feb``, ``February 8th``,
  ``February 10 2025``, ``the 9th`` (a day of the Games' month), ``2月8日`` / ``2월 8일``,
  ``day N`` (day 1 is the Games' first day, 7 February, the opening ceremony), ``opening day``
  and ``last day``/``closing day``. ``02/08`` is not read as a date (day/month order is
  ambiguous), so such a question gets the help message.
- "Who won the most medals" without a nation word means athletes; "which nation/country ..."
  means nations; "which korean ..." ranks South Korea's athletes. Ties follow the summaries'
  rules (most medals: total, then gold, silver, bronze; most golds: gold, then total, silver).
- "Did X win E" (no medal word) means gold in E; "did X medal / win a medal / win anything"
  means any colour.
- Another Games is out of scope, never answered from this data: a year from 1986 to 2049 other
  than 2025 (2000 only beside a Games word, as "2000 m" is a distance), the Olympics,
  Paralympics, the summer Games, other host cities.
- Chinese and Korean: the commonest forms (``韩国一共拿了多少枚金牌``, ``한국 쇼트트랙 금메달 몇
  개야``, ``谁赢得了女子1500米短道速滑``) are translated word by word into the English cues; nation
  names in native script become codes; athletes' native names are kept for the resolver.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from bot.answers.ask import AskIntent
from bot.domain.models import Medal

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "febuary": 2,
    "feburary": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), "ymd"),
    (re.compile(rf"\b{_MONTH} (\d{{1,2}}){_ORD}\b(?:,? (\d{{4}}))?"), "md"),
    (re.compile(rf"\b(\d{{1,2}}){_ORD} (?:of )?{_MONTH}(?: (\d{{4}}))?"), "dm"),
    (re.compile(r"(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号號]"), "cjk"),
    (re.compile(r"\bday (\d{1,2})\b"), "day"),
    (re.compile(r"\b(?:on )?the (\d{1,2})(?:st|nd|rd|th)\b"), "nth"),
    (re.compile(r"\b(opening|first) day\b"), "first"),
    (re.compile(r"\b(last|final|closing) day\b"), "last"),
)

#: Chinese and Korean words read as English cues (longest first when applied).
_CJK_WORDS: dict[str, str] = {
    "金牌": " gold medals ",
    "银牌": " silver medals ",
    "銀牌": " silver medals ",
    "铜牌": " bronze medals ",
    "銅牌": " bronze medals ",
    "奖牌": " medals ",
    "獎牌": " medals ",
    "금메달": " gold medals ",
    "은메달": " silver medals ",
    "동메달": " bronze medals ",
    "메달": " medals ",
    "多少": " how many ",
    "几枚": " how many ",
    "几块": " how many ",
    "幾枚": " how many ",
    "몇 개": " how many ",
    "몇개": " how many ",
    "몇": " how many ",
    "短道速滑": " short track ",
    "短道": " short track ",
    "쇼트트랙": " short track ",
    "速度滑冰": " speed skating ",
    "스피드스케이팅": " speed skating ",
    "花样滑冰": " figure skating ",
    "花滑": " figure skating ",
    "피겨": " figure skating ",
    "冰壶": " curling ",
    "컬링": " curling ",
    "冰球": " ice hockey ",
    "아이스하키": " ice hockey ",
    "单板滑雪": " snowboarding ",
    "스노보드": " snowboarding ",
    "自由式滑雪": " freestyle skiing ",
    "프리스타일": " freestyle skiing ",
    "越野滑雪": " cross country skiing ",
    "크로스컨트리": " cross country skiing ",
    "冬季两项": " biathlon ",
    "바이애슬론": " biathlon ",
    "高山滑雪": " alpine skiing ",
    "알파인": " alpine skiing ",
    "滑雪登山": " ski mountaineering ",
    "산악스키": " ski mountaineering ",
    "谁": " who ",
    "赢得了": " won ",
    "赢得": " won ",
    "获得了": " won ",
    "夺得了": " won ",
    "夺得": " won ",
    "女子": " women ",
    "男子": " men ",
    "混合": " mixed ",
    "接力": " relay ",
    "米": "m ",
    "여자": " women ",
    "남자": " men ",
    "혼성": " mixed ",
    "계주": " relay ",
    "미터": "m ",
    "누가": " who ",
    "冠军": " winner ",
    "우승": " winner ",
}

#: Misspellings of the cue words, fixed before reading (the resolver handles names).
_TYPOS: dict[str, str] = {
    "glod": "gold",
    "gld": "gold",
    "goald": "gold",
    "sliver": "silver",
    "silvr": "silver",
    "siver": "silver",
    "silve": "silver",
    "brnze": "bronze",
    "bronz": "bronze",
    "broze": "bronze",
    "bronse": "bronze",
    "bronzw": "bronze",
    "medel": "medal",
    "medle": "medal",
    "meddal": "medal",
    "medels": "medals",
    "medles": "medals",
    "meddals": "medals",
    "whats": "what is",
    "wich": "which",
    "wn": "won",
    "wonn": "won",
    "whos": "who",
    "happen": "happened",
    "happens": "happened",
    "whihc": "which",
    "hwo": "who",
    "whon": "who",
    "wo": "who",
    "wen": "when",
    "hte": "the",
    "teh": "the",
    "contries": "countries",
    "countrys": "countries",
}

#: Native names of nations people write that the data's aliases may lack.
NATIVE_EXTRA: dict[str, str] = {
    "일본": "JPN",
    "중국": "CHN",
    "카자흐스탄": "KAZ",
    "북한": "PRK",
    "대만": "TPE",
    "필리핀": "PHI",
    "태국": "THA",
    "우즈베키스탄": "UZB",
    "台湾": "TPE",
    "北韩": "PRK",
    "日本": "JPN",
    "中国": "CHN",
}

_OTHER_GAMES = re.compile(
    r"\b(olympics?|olympiad|paralympics?|paralympic|summer|world cup|world championships?|"
    r"sapporo|pyeongchang|obihiro|almaty|astana|changchun|aomori|riyadh|trojena|hangzhou|"
    r"tokyo|paris|milan|cortina|sochi|vancouver|nagano|salt lake|turin)\b"
)
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b(?!\s*(?:m|metres?|meters?|km|relay)\b)")
_GAMES_WORD = re.compile(r"\b(games|asiad|asian|winter|edition|held|hosted|in)\b")

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

Subject = Literal["athlete", "nation"]


@dataclass
class Draft:
    """One clause as read, before resolution. ``subject_text`` names a nation or an athlete,
    ``event_text`` an event (or a sport), ``sport_text`` a sport filter."""

    intent: AskIntent
    clause: str
    subject_text: str = ""
    event_text: str = ""
    sport_text: str = ""
    medal: Medal | None = None
    any_medal: bool = False
    subject: Subject | None = None
    measure: Literal["gold", "total"] | None = None
    limit: int | None = None
    date: dt.date | None = None
    count: bool = False
    form: str = ""
    splits: list[tuple[str, str]] = field(default_factory=list)
    fallback_text: str = ""

    def __post_init__(self) -> None:
        if self.form in ("how", "did", "how_many", "what") and self.subject_text:
            self.splits = _verb_splits(self.clause)


@dataclass(frozen=True)
class Unparsed:
    """A clause the rules could not read (or read as outside the data)."""

    clause: str
    reason: Literal["unparsed", "other_games", "empty"]
    detail: str = ""


# --- normalising ---------------------------------------------------------------------------------


def translate_cjk(text: str, native_names: dict[str, str], keep: Iterable[str] = ()) -> str:
    """Chinese/Korean cue words to English; native nation names (``native_names``: alias → NOC
    code) to codes; names in ``keep`` (athletes' native names) kept whole. Other CJK characters
    are dropped."""
    if not any(_is_cjk(c) for c in text):
        return text
    kept: list[str] = []
    for name in sorted((n for n in keep if n and n in text), key=len, reverse=True):
        if name in text:
            text = text.replace(name, f" \x00{len(kept)}\x00 ")
            kept.append(name)
    names = {**NATIVE_EXTRA, **native_names}
    for alias in sorted(names, key=len, reverse=True):
        if alias in text:
            text = text.replace(alias, f" {names[alias]} ")
    for word in sorted(_CJK_WORDS, key=len, reverse=True):
        text = text.replace(word, _CJK_WORDS[word])
    text = "".join(" " if _is_cjk(c) else c for c in text)
    for number, name in enumerate(kept):
        text = text.replace(f"\x00{number}\x00", name)
    return text


def _is_cjk(char: str) -> bool:
    name = unicodedata.name(char, "")
    return name.startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA")) or char in "，。？！、"


def normalize(text: str) -> str:
    """Lower case, one space, no possessives or quotes, question marks and commas as spaces;
    hyphens, dots in numbers and ``×`` are kept."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[’‘`´]", "'", text)
    text = re.sub(r"(?<=\w)'s\b", "", text)
    text = re.sub(r"(?<=s)'(?=\s|$)", "", text)
    text = text.replace("'", "")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"[?!,;:\"()\[\]{}]", " ", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    words = [_TYPOS.get(word, word) for word in text.split()]
    return " ".join(words)


def split_clauses(text: str) -> list[str]:
    """Clauses of a combined question: split at ``?``/``;``, and at "and"/"," when a question word
    follows ("who won X and did korea medal")."""
    pieces = re.split(r"[?;]|？", text)
    clauses: list[str] = []
    joint = re.compile(
        r"\s*(?:,\s*)?\band\b\s+(?=(?:did|does|who|what|how|when|which|was|were|has|have)\b)"
        r"|\s*,\s*(?=(?:did|does|who|what|how|when|which)\b)",
        re.IGNORECASE,
    )
    for piece in pieces:
        clauses.extend(part.strip() for part in joint.split(piece) if part.strip())
    return clauses


# --- dates ---------------------------------------------------------------------------------------


def find_date(text: str, start: dt.date | None, end: dt.date | None) -> tuple[dt.date, str] | None:
    """The first date in normalised ``text`` and the text that named it; ``None`` when none (or an
    impossible one). Year defaults to the Games' year; ``day N`` counts from ``start``."""
    year = start.year if start else 2025
    month = start.month if start else 2
    for pattern, kind in _DATE_PATTERNS:
        found = pattern.search(text)
        if found is None:
            continue
        groups = found.groups()
        try:
            if kind == "ymd":
                date = dt.date(int(groups[0]), int(groups[1]), int(groups[2]))
            elif kind == "md":
                date = dt.date(int(groups[2] or year), _MONTHS[groups[0]], int(groups[1]))
            elif kind == "dm":
                date = dt.date(int(groups[2] or year), _MONTHS[groups[1]], int(groups[0]))
            elif kind == "cjk":
                date = dt.date(year, int(groups[0]), int(groups[1]))
            elif kind == "day":
                if start is None or not 1 <= int(groups[0]) <= 31:
                    continue
                date = start + dt.timedelta(days=int(groups[0]) - 1)
            elif kind == "nth":
                date = dt.date(year, month, int(groups[0]))
            elif kind == "first":
                if start is None:
                    continue
                date = start
            else:
                if end is None:
                    continue
                date = end
        except ValueError:
            continue
        return date, found.group(0)
    return None


# --- intents -------------------------------------------------------------------------------------

_MEDAL_WORDS: dict[str, Medal] = {
    "gold": Medal.GOLD,
    "golds": Medal.GOLD,
    "silver": Medal.SILVER,
    "silvers": Medal.SILVER,
    "bronze": Medal.BRONZE,
    "bronzes": Medal.BRONZE,
    "first": Medal.GOLD,
    "second": Medal.SILVER,
    "third": Medal.BRONZE,
    "champion": Medal.GOLD,
    "champions": Medal.GOLD,
    "winner": Medal.GOLD,
    "winners": Medal.GOLD,
}
_MEDAL = r"(gold|silver|bronze)"
_WIN = (
    r"(?:win|wins|won|winning|get|gets|got|take|takes|took|taken|earn|earned|collect|collected|"
    r"bag|bagged|claim|claimed|capture|captured|grab|grabbed|secure|secured|receive|received|"
    r"have|has|had|pick up|picked up|scoop|scooped)"
)
_NATION_WORDS = re.compile(r"\b(nations?|countries|country|nocs?|teams?|delegations?)\b")
_ATHLETE_WORDS = re.compile(
    r"\b(athletes?|skaters?|skiers?|snowboarders?|persons?|people|individuals?|players?|"
    r"competitors?|medall?ists?|biathletes?|curlers?)\b"
)
#: Words dropped around an entity's text.
_FILLER = frozenset(
    {
        "a",
        "an",
        "any",
        "the",
        "in",
        "at",
        "on",
        "for",
        "of",
        "by",
        "from",
        "to",
        "with",
        "medal",
        "medals",
        "medaled",
        "medalled",
        "gold",
        "golds",
        "silver",
        "silvers",
        "bronze",
        "bronzes",
        "how",
        "many",
        "much",
        "total",
        "overall",
        "altogether",
        "all",
        "count",
        "tally",
        "number",
        "did",
        "does",
        "do",
        "has",
        "have",
        "had",
        "is",
        "was",
        "were",
        "are",
        "what",
        "which",
        "who",
        "so",
        "far",
        "there",
        "this",
        "these",
        "year",
        "games",
        "asian",
        "winter",
        "harbin",
        "2025",
        "asiad",
        "me",
        "tell",
        "show",
        "please",
        "pls",
        "list",
        "give",
        "i",
        "want",
        "know",
        "about",
        "event",
        "events",
        "its",
        "anything",
        "something",
        "everything",
        "their",
        "his",
        "her",
        "they",
        "he",
        "she",
        "it",
        "in total",
        "win",
        "wins",
        "won",
        "get",
        "got",
        "take",
        "took",
        "earn",
        "earned",
        "collect",
        "collected",
        "bag",
        "bagged",
        "claim",
        "claimed",
        "winning",
        "medallist",
        "medalist",
        "podium",
        "place",
        "finish",
        "finished",
        "results",
        "result",
    }
)


def strip_filler(text: str, keep: frozenset[str] = frozenset()) -> str:
    """``text`` without filler words at either end (inner words are kept: "men 500 m in speed
    skating" stays whole)."""
    words = text.split()
    while words and words[0] in _FILLER and words[0] not in keep:
        words.pop(0)
    while words and words[-1] in _FILLER and words[-1] not in keep:
        words.pop()
    return " ".join(words)


def residual(text: str) -> str:
    """Every non-filler word of ``text``, in order (the entity words of a loose question)."""
    return " ".join(w for w in text.split() if w not in _FILLER)


def _medal_in(text: str) -> Medal | None:
    found = re.search(r"\b(gold|golds|silver|silvers|bronze|bronzes)\b", text)
    return _MEDAL_WORDS[found.group(1)] if found else None


def _limit_in(text: str) -> int | None:
    found = re.search(r"\btop (\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\b", text)
    if found is None:
        found = re.search(r"\b(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r") best\b", text)
    if found is None:
        return None
    token = found.group(1)
    return int(token) if token.isdigit() else _NUMBER_WORDS[token]


def other_games(text: str) -> str | None:
    """The words that name another Games (or ``None``)."""
    found = _OTHER_GAMES.search(text)
    if found:
        return found.group(0)
    for year in _YEAR.finditer(text):
        if year.group(1) == "2025":
            continue
        if year.group(1) != "2000" or _GAMES_WORD.search(text):
            return year.group(0)
    return None


def parse_clause(clause: str, start: dt.date | None, end: dt.date | None) -> Draft | Unparsed:
    """Read one normalised clause."""
    text = clause
    if not residual(text) and not re.search(r"\b(who|what|which|how)\b", text):
        return Unparsed(clause, "empty")
    other = other_games(re.sub(r"\b\d{4}-\d{1,2}-\d{1,2}\b", " ", text))
    if other is not None:
        return Unparsed(clause, "other_games", other)
    medal = _medal_in(text)
    medal_word = re.search(r"\b(medal|medals|medaled|medalled|golds?|silvers?|bronzes?)\b", text)
    nation_words = _NATION_WORDS.search(text)

    # First medals (from the data's notes).
    first = re.search(r"\bfirst[- ]?(ever )?\b", text) and medal_word and "first place" not in text
    if first and re.search(
        r"\b(ever|their|its|history|historic|which|what) |\b(nations?|countries|country)\b", text
    ):
        found = re.search(r"\b(?:did|has|have|had) (.+?) (?:win|won|get|got|take|took|earn)", text)
        subject = strip_filler(found.group(1)) if found else ""
        if subject in ("nations", "countries", "nation", "country", "any nation", "anyone"):
            subject = ""
        return Draft(AskIntent.FIRST_MEDAL, clause, subject_text=subject, medal=medal)

    if first:
        return Unparsed(clause, "unparsed")

    # The Games as a whole: when, how many events, how many medals awarded.
    if not re.search(r"\b(by|for|from)\b", text) and re.search(
        r"\bwhen (was|were|did|is|are) (the )?(games|asian winter games|opening|closing|it held)\b"
        r"|\b(opening|closing) ceremony\b|\bhow many (medal )?events\b"
        r"|\b(which|what|how many) sports\b|\blist (of )?(the )?sports\b"
        r"|\bhow many medals (were|was) (awarded|given|handed out|won|there)\b"
        r"|\bhow many (gold|silver|bronze) medals (were|was) (awarded|given|handed out|there)\b",
        text,
    ):
        return Draft(AskIntent.GAMES_FACTS, clause, sport_text=_after_in(text), medal=medal)

    # An athlete's age or birth date.
    aged = re.search(
        r"\bhow old (?:is|was|were) (.+)$|\b(?:age|birthday|birth date|date of birth) of (.+)$"
        r"|\bwhen (?:was|were) (.+?) born\b",
        text,
    )
    if aged is not None:
        name = next(group for group in aged.groups() if group)
        return Draft(AskIntent.ATHLETE_AGE, clause, subject_text=strip_filler(name))

    # Dates: events on a date.
    dated = find_date(text, start, end)
    if dated is not None and not re.search(r"^when\b|\bwhat (day|date)\b", text):
        date, said = dated
        rest = text.replace(said, " ")
        if re.search(
            r"\b(events?|on|happened|happening|schedule|scheduled|finals?|held|contested|decided|"
            r"programme|program)\b",
            rest,
        ) or re.search(r"\bwho won\b|\bwinners\b|^what (was|were|is|happened)\b", rest):
            subject = residual(
                re.sub(
                    r"\b(events?|on|happened|happening|schedule|scheduled|finals?|held|contested|"
                    r"decided|programme|program|who|won|winners)\b",
                    " ",
                    rest,
                )
            )
            return Draft(
                AskIntent.EVENTS_ON_DATE, clause, date=date, medal=medal, subject_text=subject
            )

    # Comparisons: "who won more medals, korea or japan", "did korea win more golds than japan".
    compared = _comparison(text)
    if compared is not None:
        left, right, sport = compared
        return Draft(
            AskIntent.COMPARE,
            clause,
            subject_text=left,
            event_text=right,
            sport_text=sport,
            medal=medal,
        )

    # Participants and nations with medals.
    if re.search(r"\bhow many\b", text) and nation_words and not re.search(r"\bdid\b.+\bwin", text):
        if re.search(
            r"\b(take part|took part|participat\w*|compet\w*|attend\w*|entered|enter)\b", text
        ):
            return Draft(AskIntent.PARTICIPANTS, clause, count=True)
        return Draft(
            AskIntent.MEDAL_NATIONS,
            clause,
            medal=medal,
            count=True,
            sport_text=_after_in(text),
        )
    if re.search(
        r"\b(which|what|list|name)( the| all)? (nations?|countries|country|nocs?|teams?)\b", text
    ):
        if re.search(r"\bmost\b", text):
            return _ranking(text, clause, medal, "nation")
        if re.search(r"\b(take part|took part|participat\w*|compet\w*|attend\w*|entered)\b", text):
            return Draft(AskIntent.PARTICIPANTS, clause)
        won = re.search(r"\b(?:won|win|wins|took|claimed|got|captured|take)\b(.*)", text)
        if won is not None:
            after = re.sub(
                r"\b(a|an|any|the|some|gold|golds|silver|silvers|bronze|bronzes|medals?|"
                r"their|its|first|ever)\b",
                " ",
                won.group(1),
            ).split()
            if after and after[0] not in ("in", "at", "on", "for", "during"):
                return Draft(
                    AskIntent.EVENT_WINNER,
                    clause,
                    event_text=" ".join(after),
                    medal=medal or Medal.GOLD,
                )
        if medal_word or re.search(r"\b(won|win|podium|medall?ed)\b", text):
            return Draft(AskIntent.MEDAL_NATIONS, clause, medal=medal, sport_text=_after_in(text))

    # Superlatives and the table.
    superlative = re.search(r"\b(most|leading|best|greatest|highest)\b", text)
    if superlative and (
        medal_word or re.search(r"\b(medall?ist|athlete|nation|country|winner)s?\b", text)
    ):
        return _ranking(text, clause, medal, "nation" if nation_words else "athlete")
    if re.search(
        r"\b(medal (table|standings?|ranking|rankings|count|tally)|standings?|leaderboard)\b", text
    ) or re.search(r"\btop (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b", text):
        if _ATHLETE_WORDS.search(text) and not nation_words:
            return _ranking(text, clause, medal, "athlete")
        return Draft(
            AskIntent.MEDAL_TABLE,
            clause,
            limit=_limit_in(text),
            sport_text=_after_in(text),
            subject_text=residual(
                re.sub(
                    r"\b(table|standings?|ranking|rankings|leaderboard|top \w+|nations?|countries)\b",
                    " ",
                    text,
                )
            ),
        )

    # Team members.
    if re.search(
        r"\bwho (was|were|is|are) (on|in|part of)\b|\b(members?|line-?up|roster|squad)\b"
        r"|\bwho (skated|raced|ran|competed|played|skied) (in|on|for)\b",
        text,
    ) and not re.search(r"\bwho (was|is) (the )?(winner|champion)\b|\bpodium\b", text):
        body = re.sub(
            r"\bwho (was|were|is|are) (on|in|part of)\b|\b(members?|line-?up|roster|squad|of|on)\b"
            r"|\bwho (skated|raced|ran|competed|played|skied) (in|on|for)\b|\b(team|teams)\b",
            " ",
            text,
        )
        winning = bool(re.search(r"\b(winning|champion|champions|gold)\b", body))
        body = re.sub(r"\b(winning|champion|champions|gold medal|gold|silver|bronze)\b", " ", body)
        return Draft(
            AskIntent.TEAM_MEMBERS,
            clause,
            event_text=strip_filler(body),
            medal=medal or (Medal.GOLD if winning else None),
        )

    # When was an event.
    if re.search(
        r"^when\b|\bwhat (day|date)\b|\bwhich day\b|\bdate of\b|\bwhen (was|is|were|did)\b", text
    ):
        body = re.sub(
            r"^when\b|\bwhat (day|date)\b|\bwhich day\b|\bdate of\b|\b(was|is|were|did)\b"
            r"|\b(take place|held|happen|run|contested|decided|scheduled|raced|on)\b",
            " ",
            text,
        )
        who = re.search(
            r"\bwhen did (.+?) (?:win|won|get|compete|race|skate|ski|play|medal)\b(.*)",
            text,
        )
        if who is not None:
            return Draft(
                AskIntent.EVENT_DATE,
                clause,
                subject_text=strip_filler(who.group(1)),
                event_text=strip_filler(who.group(2)),
                fallback_text=strip_filler(body),
            )
        return Draft(AskIntent.EVENT_DATE, clause, event_text=strip_filler(body))

    # How did X do in E.
    found = re.search(
        r"\bhow (?:did|does|has|was) (.+?) (?:do|perform|performed|finish|place|placed|go|fare|fared|get on)\b(.*)",
        text,
    )
    if found is None:
        found = re.search(r"\bwhere did (.+?) (?:finish|place|come|rank)\b(.*)", text)
    if found is None:
        found = re.search(
            r"\bwhat (?:place|rank|position) did (.+?) (?:finish|get|come|take)?\b(.*)", text
        )
    if found is not None:
        return Draft(
            AskIntent.ATHLETE_EVENT,
            clause,
            subject_text=strip_filler(found.group(1)),
            event_text=strip_filler(found.group(2)),
            form="how",
        )

    # Did X win (a medal) (in E)?
    found = re.search(
        rf"\b(?:did|does|has|have|had) (.+?) (?:{_WIN}|medal|medals|medaled|medalled|podium|reach|make|"
        r"finish|end up|stand)\b(.*)",
        text,
    )
    if found is not None and not text.startswith(("how many", "what", "which")):
        rest = found.group(2)
        any_medal = bool(
            re.search(
                r"\b(a|any|one|some) ?(gold|silver|bronze)? ?medals?\b|\bmedal\b|\bpodium\b"
                r"|\b(anything|something)\b",
                rest,
            )
            or re.search(r"\bmedal(ed|led|s)?\b|\bpodium\b", text)
        )
        if medal is not None:
            any_medal = False
        return Draft(
            AskIntent.NATION_EVENT,
            clause,
            subject_text=strip_filler(found.group(1)),
            event_text=strip_filler(rest),
            medal=medal,
            any_medal=any_medal,
            form="did",
        )

    # How many (gold) medals did X win (in S)? X medal count? What did X win?
    if re.search(r"\bhow many\b", text) or (
        medal_word and re.search(r"\b(count|tally|total|number)\b", text)
    ):
        subject_text, rest = _subject_and_rest(text)
        return Draft(
            AskIntent.NATION_MEDALS,
            clause,
            subject_text=subject_text,
            event_text=rest,
            medal=medal,
            count=True,
            form="how_many",
        )
    found = re.search(rf"\bwhat (?:medals? )?(?:did|has|have|does) (.+?) {_WIN}\b(.*)", text)
    if found is None:
        found = re.search(r"\bwhat (?:medals? )?(?:did|has|have|does) (.+?)$()", text)
    if found is not None:
        return Draft(
            AskIntent.NATION_MEDALS,
            clause,
            subject_text=strip_filler(found.group(1)),
            event_text=strip_filler(found.group(2)),
            medal=medal,
            form="what",
        )

    # Who won (gold in) an event.
    found = re.search(
        r"\bwho (?:won|win|wins|took|claimed|got|captured|grabbed|bagged|earned|came|finished|"
        r"placed|was|is|were|are|took home)\b(.*)",
        text,
    )
    if found is not None:
        rest = found.group(1)
        asked = medal
        place = re.search(r"\b(first|second|third)\b", rest)
        if asked is None and place is not None:
            asked = _MEDAL_WORDS[place.group(1)]
        colours = set(re.findall(r"\b(gold|silver|bronze)\b", rest))
        all_medals = len(colours) > 1 or bool(
            re.search(r"\b(medals|podium|medall?ists|a medal|any medals?)\b", rest)
        )
        if len(colours) > 1:
            medal = None
        body = re.sub(
            r"\b(the )?(gold|silver|bronze)( medal)?\b|\b(first|second|third)( place)?\b"
            r"|\b(winner|champion|medall?ists?|podium)\b",
            " ",
            rest,
        )
        return Draft(
            AskIntent.EVENT_WINNER,
            clause,
            event_text=strip_filler(body),
            medal=None if all_medals and medal is None else (asked or Medal.GOLD),
            any_medal=all_medals and medal is None,
        )
    found = re.search(
        r"\b(winners?|champions?|gold medall?ists?|silver medall?ists?|bronze medall?ists?|"
        r"medall?ists|podium|results?|gold|silver|bronze) (?:of|in|for|at)\b(.*)",
        text,
    ) or re.search(r"^(.*?)\b(winners?|champions?|medall?ists|podium|results?)$", text)
    if found is not None:
        if found.re.pattern.startswith("^"):
            body, word = found.group(1), found.group(2)
        else:
            word, body = found.group(1), found.group(2)
        asked = _medal_in(word) or (Medal.GOLD if re.match(r"(winner|champion)", word) else None)
        return Draft(
            AskIntent.EVENT_WINNER,
            clause,
            event_text=strip_filler(body),
            medal=asked,
            any_medal=asked is None,
        )

    # A bare name or a loose question: decide by what the words resolve to.
    return Draft(
        AskIntent.NATION_MEDALS,
        clause,
        subject_text=residual(text),
        medal=medal,
        form="bare",
        count=bool(re.search(r"\bhow many\b", text)),
    )


_VERBS = frozenset(
    {
        "win",
        "wins",
        "won",
        "get",
        "got",
        "take",
        "took",
        "earn",
        "earned",
        "collect",
        "collected",
        "bag",
        "bagged",
        "claim",
        "claimed",
        "capture",
        "captured",
        "grab",
        "grabbed",
        "secure",
        "secured",
        "receive",
        "received",
        "medal",
        "medals",
        "medaled",
        "medalled",
        "podium",
        "reach",
        "make",
        "finish",
        "do",
        "perform",
        "performed",
        "place",
        "placed",
        "go",
        "fare",
        "fared",
    }
)


def _verb_splits(text: str) -> list[tuple[str, str]]:
    """Every way to read "did X <verb> Y" (a name may contain a verb: "did park ji won medal"):
    (X, Y) for each verb after the first auxiliary, shortest X first."""
    anchor = re.search(r"\b(?:did|does|has|have|had|was)\b", text)
    if anchor is None:
        return []
    words = text[anchor.end() :].split()
    splits = []
    for i in range(1, len(words)):
        subject = " ".join(w for n, w in enumerate(words[:i]) if n or w not in ("the", "a"))
        if words[i] in _VERBS and subject:
            splits.append((subject, strip_filler(" ".join(words[i + 1 :]))))
    return splits


_COMPARE_CUES = re.compile(
    r"\b(more|fewer|less|vs|versus|compare|compared|comparison|better|ahead)\b"
)
_COMPARE_SPLIT = re.compile(r"\b(?:or|vs|versus|than|and|with|to)\b")


def _comparison(text: str) -> tuple[str, str, str] | None:
    """(left, right, sport) of a comparison of two nations or athletes, or None."""
    if not _COMPARE_CUES.search(text):
        return None
    body = re.sub(r"\b(compared|compare|comparison|versus)\b", " vs ", text)
    body = re.sub(r"\b(more|fewer|less|better|ahead)\b", " ", body)
    sport = ""
    tail = re.search(r"\b(?:in|at)\b ((?:(?!\b(?:or|vs|than|and)\b).)+)$", body)
    if tail is not None:
        sport = strip_filler(tail.group(1))
        body = body[: tail.start()]
    pieces = [residual(piece) for piece in _COMPARE_SPLIT.split(body)]
    names = [piece for piece in pieces if piece]
    if len(names) != 2:
        return None
    return names[0], names[1], sport


def _after_in(text: str) -> str:
    """The words after the last "in"/"at" (a sport or event filter), without filler."""
    found = list(re.finditer(r"\b(?:in|at|for)\b", text))
    return strip_filler(text[found[-1].end() :]) if found else ""


def _subject_and_rest(text: str) -> tuple[str, str]:
    """For "how many ... did X win in S": (X, S); for "X medal count" the residual words."""
    found = re.search(rf"\b(?:did|has|have|does|do|had) (.+?) {_WIN}\b(.*)", text)
    if found is not None:
        return strip_filler(found.group(1)), strip_filler(found.group(2))
    found = re.search(rf"\b(?:for|by) (.+?)(?: {_WIN}\b| in | at |$)(.*)", text)
    if found is not None:
        return strip_filler(found.group(1)), strip_filler(found.group(2))
    return residual(text), ""


def _ranking(text: str, clause: str, medal: Medal | None, subject: Subject) -> Draft | Unparsed:
    if re.search(r"\b(single|one|an?|same|each) (event|race|day)\b|\bper (event|race|day)\b", text):
        return Unparsed(clause, "unparsed")
    body = re.sub(
        r"\b(most|leading|best|top|greatest|highest|number|decorated|successful)\b", " ", text
    )
    body = _NATION_WORDS.sub(" ", body)
    body = _ATHLETE_WORDS.sub(" ", body)
    body = re.sub(r"\b(single|one|individual|person|\d{1,2})\b", " ", body)
    return Draft(
        AskIntent.RANKING,
        clause,
        subject=subject,
        measure="gold" if medal is Medal.GOLD else "total",
        medal=medal,
        limit=_limit_in(text),
        sport_text=residual(body),
    )
