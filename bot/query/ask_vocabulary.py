"""The words /ask reads, as tables: question and cue words (English, and the common Chinese,
Korean and Japanese forms), medal colours, individual/team, ordinals and number words, months,
filler words, typos of cue words, agent nouns ("skaters") and demonym endings ("-ese"). Nothing
here names a Games, a city, a year or a nation: those come from the loaded data.

Kept as Python tables (not a data file) so that mypy and ruff check them, they load with the
module, and a typo in a cue name fails at import instead of at the first question.
"""

from __future__ import annotations

from enum import StrEnum

from bot.answers.ask import Counted
from bot.domain.models import EventKind, Medal


class Cue(StrEnum):
    """What a word says about a question."""

    WHO = "who"
    WHICH = "which"
    WHAT = "what"
    COUNT = "count"
    WHEN = "when"
    WHERE = "where"
    #: The Games' host ("which city hosted the games"), or its nation ("the host nation's
    #: medals").
    HOST = "host"
    WHY = "why"
    HOW = "how"
    HAPPENED = "happened"
    DO = "do"
    YESNO = "yesno"
    LIST = "list"
    COMPARE = "compare"
    MORE = "more"
    OR = "or"
    AND = "and"
    MOST = "most"
    FEWEST = "fewest"
    FIRST = "first"
    LAST = "last"
    TOP = "top"
    REACH = "reach"
    OVER = "over"
    EXACTLY = "exactly"
    HISTORY = "history"
    WON = "won"
    TOOK_PART = "took_part"
    FINISH = "finish"
    PLACE = "place"
    START = "start"
    END = "end"
    MEDAL = "medal"
    GOLD = "gold"
    SILVER = "silver"
    BRONZE = "bronze"
    CHAMPION = "champion"
    WINNER = "winner"
    MEDALLIST = "medallist"
    TABLE = "table"
    NATION = "nation"
    ATHLETE = "athlete"
    EVENT = "event"
    SPORT = "sport"
    DAY = "day"
    TEAM = "team"
    INDIVIDUAL = "individual"
    ONLY = "only"
    TIE = "tie"
    EVERY = "every"
    BOTH = "both"
    #: In each of the Games, not in any: "which athletes won medals at both Games".
    IN_EACH = "in_each"
    REF = "ref"
    NOT = "not"
    TOTAL = "total"
    OTHER_GAMES = "other_games"
    #: Results whose notes mention a record ("were there any world records").
    RECORD = "record"
    #: Events where one nation won every medal ("was there a podium sweep").
    SWEEP = "sweep"
    #: Found at one Games and not at another ("at <Games> but not at <Games>").
    EXCEPT = "except"
    FILLER = "filler"


C = Cue
#: Folded phrases (one to four words) → what they say. Longer phrases win over shorter ones.
CUES: dict[str, tuple[Cue, ...]] = {
    # question words
    "who": (C.WHO,),
    "whom": (C.WHO,),
    "whose": (C.WHO,),
    "which": (C.WHICH,),
    "what": (C.WHAT,),
    "how many": (C.COUNT,),
    "how much": (C.COUNT,),
    "number of": (C.COUNT,),
    "count": (C.COUNT,),
    "tally": (C.COUNT,),
    "medal count": (C.COUNT, C.MEDAL),
    "medal tally": (C.COUNT, C.MEDAL),
    "total": (C.TOTAL,),
    "overall": (C.TOTAL,),
    "in total": (C.TOTAL,),
    "when": (C.WHEN,),
    "what time": (C.WHEN,),
    "what day": (C.WHEN,),
    "which day": (C.WHEN,),
    "what date": (C.WHEN,),
    "date": (C.WHEN,),
    "where": (C.WHERE,),
    "host": (C.HOST,),
    "hosts": (C.HOST,),
    "hosted": (C.HOST,),
    "hosting": (C.HOST,),
    "hosted by": (C.HOST,),
    "host city": (C.HOST,),
    "host cities": (C.HOST,),
    "host country": (C.HOST,),
    "host nation": (C.HOST,),
    "which city": (C.HOST,),
    "what city": (C.HOST,),
    "why": (C.WHY,),
    "how come": (C.WHY,),
    "how": (C.HOW,),
    "what happened": (C.HAPPENED,),
    "what went wrong": (C.HAPPENED,),
    "happened": (C.HAPPENED,),
    "tell me about": (C.HAPPENED,),
    "explain": (C.HAPPENED,),
    "describe": (C.HAPPENED,),
    "recap": (C.HAPPENED,),
    "story": (C.HAPPENED,),
    "fall": (C.HAPPENED,),
    "fell": (C.HAPPENED,),
    "falls": (C.HAPPENED,),
    "crash": (C.HAPPENED,),
    "crashed": (C.HAPPENED,),
    "penalty": (C.HAPPENED,),
    "penalised": (C.HAPPENED,),
    "penalized": (C.HAPPENED,),
    "disqualified": (C.HAPPENED,),
    "do": (C.DO,),
    "go": (C.DO,),
    "fare": (C.DO,),
    "did": (C.YESNO,),
    "does": (C.YESNO,),
    "was": (C.YESNO,),
    "were": (C.YESNO,),
    "is": (C.YESNO,),
    "are": (C.YESNO,),
    "has": (C.YESNO,),
    "have": (C.YESNO,),
    "had": (C.YESNO,),
    "was there": (C.YESNO,),
    "were there": (C.YESNO,),
    "list": (C.LIST,),
    "show": (C.LIST,),
    "show me": (C.LIST,),
    "name": (C.LIST,),
    "give me": (C.LIST,),
    "tell me": (C.LIST,),
    # comparison
    "compare": (C.COMPARE,),
    "ahead of": (C.COMPARE,),
    "comparison": (C.COMPARE,),
    "vs": (C.COMPARE,),
    "versus": (C.COMPARE,),
    "v": (C.COMPARE,),
    "against": (C.COMPARE,),
    "more": (C.MORE,),
    "than": (C.MORE,),
    "or": (C.OR,),
    "and": (C.AND,),
    "also": (C.AND,),
    "plus": (C.AND,),
    "more than": (C.OVER,),
    "over": (C.OVER,),
    "at least": (),  # "at least 5 golds": five or more, as a number of medals alone says
    "or more": (),  # "3 or more golds": three or more, as a number of medals alone says
    "or over": (),
    "and over": (),
    "exactly": (C.EXACTLY,),  # "exactly one medal": that many, no more
    "precisely": (C.EXACTLY,),
    # order
    "most": (C.MOST,),
    "most successful": (C.MOST,),
    "most decorated": (C.MOST, C.MEDAL),
    "top": (C.TOP,),
    "topped": (C.MOST,),
    "tops": (C.MOST,),
    "led": (C.MOST,),
    "lead": (C.MOST,),
    "leading": (C.MOST,),
    "best": (C.MOST,),
    "highest": (C.MOST,),
    "number one": (C.MOST,),
    "fewest": (C.FEWEST,),
    "least": (C.FEWEST,),
    "worst": (C.FEWEST,),
    "lowest": (C.FEWEST,),
    "first": (C.FIRST,),
    "earliest": (C.FIRST,),
    "opening": (C.FIRST,),
    "last": (C.LAST,),
    "latest": (C.LAST,),
    "final gold": (C.LAST, C.GOLD),
    "reach": (C.REACH,),
    "reached": (C.REACH,),
    "reaching": (C.REACH,),
    "get to": (C.REACH,),
    # verbs
    "won": (C.WON,),
    "win": (C.WON,),
    "wins": (C.WON,),
    "winning": (C.WON,),
    "get": (C.WON,),
    "got": (C.WON,),
    "gets": (C.WON,),
    "take": (C.WON,),
    "took": (C.WON,),
    "earn": (C.WON,),
    "earned": (C.WON,),
    "claim": (C.WON,),
    "claimed": (C.WON,),
    "collect": (C.WON,),
    "collected": (C.WON,),
    "bag": (C.WON,),
    "bagged": (C.WON,),
    "decided": (C.WON,),
    "awarded": (C.WON,),
    "beat": (C.WON, C.COMPARE),  # "did <nation> beat <nation>": which of the two won more
    "medal": (C.MEDAL,),
    "medals": (C.MEDAL,),
    "medaled": (C.MEDAL,),
    "medalled": (C.MEDAL,),
    "podium sweep": (C.SWEEP,),
    "podium sweeps": (C.SWEEP,),
    "clean sweep": (C.SWEEP,),
    "sweep": (C.SWEEP,),
    "sweeps": (C.SWEEP,),
    "swept": (C.SWEEP,),
    "sweep the podium": (C.SWEEP,),
    "swept the podium": (C.SWEEP,),
    "all three medals": (C.SWEEP,),
    "podium": (C.MEDAL,),
    "podiums": (C.MEDAL,),
    "on the podium": (C.MEDAL,),
    "anything": (C.MEDAL,),
    "any medals": (C.MEDAL,),
    "compete": (C.TOOK_PART,),
    "competed": (C.TOOK_PART,),
    "competing": (C.TOOK_PART,),
    "take part": (C.TOOK_PART,),
    "took part": (C.TOOK_PART,),
    "taking part": (C.TOOK_PART,),
    "participate": (C.TOOK_PART,),
    "participated": (C.TOOK_PART,),
    "participating": (C.TOOK_PART,),
    "entered": (C.TOOK_PART,),
    "race": (C.TOOK_PART,),
    "raced": (C.TOOK_PART,),
    "played": (C.TOOK_PART,),
    "play": (C.TOOK_PART,),
    "skated": (C.TOOK_PART,),
    "there": (C.TOOK_PART,),
    "held": (C.TOOK_PART,),
    "took place": (C.TOOK_PART,),
    "on the team": (C.TOOK_PART,),
    "finish": (C.FINISH,),
    "finished": (C.FINISH,),
    "end up": (C.FINISH,),
    "ended up": (C.FINISH,),
    "come": (C.FINISH,),
    "came": (C.FINISH,),
    "place": (C.PLACE,),
    "placed": (C.PLACE,),
    "placing": (C.PLACE,),
    "position": (C.PLACE,),
    "rank": (C.PLACE,),
    "ranked": (C.PLACE,),
    "start": (C.START,),
    "started": (C.START,),
    "begin": (C.START,),
    "began": (C.START,),
    "open": (C.START,),
    "opened": (C.START,),
    "end": (C.END,),
    "ended": (C.END,),
    "close": (C.END,),
    "closed": (C.END,),
    "miss": (C.NOT,),
    "missed": (C.NOT,),
    "lose": (C.NOT,),
    "lost": (C.NOT,),
    "fail": (C.NOT,),
    "failed": (C.NOT,),
    "not": (C.NOT,),
    "didnt": (C.YESNO, C.NOT),
    "no": (C.NOT,),
    # medals and who holds them
    "gold": (C.GOLD,),
    "golds": (C.GOLD,),
    "gold medal": (C.GOLD,),
    "gold medals": (C.GOLD,),
    "silver": (C.SILVER,),
    "silvers": (C.SILVER,),
    "silver medal": (C.SILVER,),
    "silver medals": (C.SILVER,),
    "bronze": (C.BRONZE,),
    "bronzes": (C.BRONZE,),
    "bronze medal": (C.BRONZE,),
    "bronze medals": (C.BRONZE,),
    "second": (C.SILVER,),
    "third": (C.BRONZE,),
    "fourth": (C.PLACE,),
    "fifth": (C.PLACE,),
    "sixth": (C.PLACE,),
    "seventh": (C.PLACE,),
    "eighth": (C.PLACE,),
    "ninth": (C.PLACE,),
    "tenth": (C.PLACE,),
    "champion": (C.CHAMPION,),
    "champions": (C.CHAMPION,),
    "title": (C.CHAMPION,),
    "titles": (C.CHAMPION,),
    "gold medallist": (C.CHAMPION,),
    "gold medallists": (C.CHAMPION,),
    "gold medalist": (C.CHAMPION,),
    "gold medalists": (C.CHAMPION,),
    "winner": (C.WINNER,),
    "winners": (C.WINNER,),
    "medallist": (C.MEDALLIST,),
    "medallists": (C.MEDALLIST,),
    "medalist": (C.MEDALLIST,),
    "medalists": (C.MEDALLIST,),
    "medal table": (C.TABLE,),
    "medals table": (C.TABLE,),
    "medal standings": (C.TABLE,),
    "medal ranking": (C.TABLE,),
    "standings": (C.TABLE,),
    "table": (C.TABLE,),
    "leaderboard": (C.TABLE,),
    # what is counted
    "nation": (C.NATION,),
    "nations": (C.NATION,),
    "country": (C.NATION,),
    "countries": (C.NATION,),
    "noc": (C.NATION,),
    "nocs": (C.NATION,),
    "delegation": (C.NATION,),
    "delegations": (C.NATION,),
    "athlete": (C.ATHLETE,),
    "member": (C.ATHLETE,),
    "members": (C.ATHLETE,),
    "squad": (C.ATHLETE,),
    "roster": (C.ATHLETE,),
    "lineup": (C.ATHLETE,),
    "athletes": (C.ATHLETE,),
    # "did anyone win 5 golds": any athlete
    "anyone": (C.ATHLETE,),
    "anybody": (C.ATHLETE,),
    "someone": (C.ATHLETE,),
    "somebody": (C.ATHLETE,),
    "person": (C.ATHLETE,),
    "people": (C.ATHLETE,),
    "player": (C.ATHLETE,),
    "players": (C.ATHLETE,),
    "competitor": (C.ATHLETE,),
    "competitors": (C.ATHLETE,),
    "sportsman": (C.ATHLETE,),
    "sportswoman": (C.ATHLETE,),
    "event": (C.EVENT,),
    "events": (C.EVENT,),
    "medal event": (C.EVENT,),
    "medal events": (C.EVENT,),
    "races": (C.EVENT,),
    "competitions": (C.EVENT,),
    "sport": (C.SPORT,),
    "sports": (C.SPORT,),
    "discipline": (C.SPORT,),
    "disciplines": (C.SPORT,),
    "day": (C.DAY,),
    "days": (C.DAY,),
    # filters
    "team": (C.TEAM,),
    "teams": (C.TEAM,),
    "individual": (C.INDIVIDUAL,),
    "individually": (C.INDIVIDUAL,),
    "tie": (C.TIE,),
    "ties": (C.TIE,),
    "tied": (C.TIE,),
    "shared": (C.TIE,),
    "dead heat": (C.TIE,),
    "only": (C.ONLY,),
    "but not": (C.EXCEPT,),
    "and not": (C.EXCEPT,),
    "except": (C.EXCEPT,),
    "record": (C.RECORD,),
    "records": (C.RECORD,),
    "world record": (C.RECORD,),
    "world records": (C.RECORD,),
    "olympic record": (C.RECORD,),
    "olympic records": (C.RECORD,),
    "games record": (C.RECORD,),
    "games records": (C.RECORD,),
    "track record": (C.RECORD,),
    "track records": (C.RECORD,),
    "asian record": (C.RECORD,),
    "asian records": (C.RECORD,),
    # "the most medals in one event": not something the data's tallies say
    "in one event": (C.ONLY,),
    "in one race": (C.ONLY,),
    "sole": (C.ONLY,),
    "single": (C.ONLY,),
    "every": (C.EVERY,),
    "all": (C.EVERY,),
    "each": (C.EVERY,),
    "all the": (C.EVERY,),
    # "at both Games": a list of nations or athletes is those found at each of them
    "both games": (C.BOTH, C.IN_EACH),
    "both": (C.BOTH, C.IN_EACH),
    "each games": (C.BOTH, C.IN_EACH),
    "all games": (C.BOTH, C.IN_EACH),
    "every games": (C.BOTH, C.IN_EACH),
    "either games": (C.BOTH,),
    # "has <nation> ever won ...": at any loaded Games, not only the default one
    "ever": (C.BOTH,),
    # a first in a nation's history: earlier Games are not in the data
    "first ever": (C.HISTORY,),
    "for the first time": (C.HISTORY,),
    # references to an earlier part of the question
    "it": (C.REF,),
    "its": (C.REF,),
    "they": (C.REF,),
    "them": (C.REF,),
    "their": (C.REF,),
    "theirs": (C.REF,),
    "he": (C.REF,),
    "she": (C.REF,),
    "his": (C.REF,),
    "her": (C.REF,),
    "those": (C.REF,),
    "these": (C.REF,),
    # Games that are not loaded (a Games word beside one of these)
    "summer": (C.OTHER_GAMES,),
    "paralympics": (C.OTHER_GAMES,),
    "paralympic": (C.OTHER_GAMES,),
    "youth": (C.OTHER_GAMES,),
}

#: Words that carry nothing: left over after reading, they are harmless. (The words of the
#: loaded Games' names are harmless too; they come from the data.)
FILLERS: frozenset[str] = frozenset(
    """a an the of in at on for to from by with as s me please can could you i we us tell ask
    know want like would let about so then ever any some much many get there here this that
    one ones games game edition final finals round heat result results race time times whole
    entire overall kind sort held hosted happen been be being will shall should may might must
    yet still just really actually also teams did do does home official officially total
    altogether together end different distinct separate unique programme program schedule
    calendar score scores points mark marks set broken broke across throughout during""".split()  # noqa: SIM905
)

#: Days of the Games by name ("on the last day"): the first is 1, the last -1.
GAMES_DAYS: dict[tuple[str, str], int] = {
    ("first", "day"): 1,
    ("opening", "day"): 1,
    ("last", "day"): -1,
    ("final", "day"): -1,
    ("closing", "day"): -1,
}

#: Words after which a short filler word may be a nation's name ("the us").
ARTICLES: frozenset[str] = frozenset({"the"})

#: Misspelt cue words (names are the resolver's business).
TYPOS: dict[str, str] = {
    "glod": "gold",
    "gld": "gold",
    "goald": "gold",
    "sliver": "silver",
    "silvr": "silver",
    "siver": "silver",
    "brnze": "bronze",
    "bronz": "bronze",
    "broze": "bronze",
    "bronse": "bronze",
    "medel": "medal",
    "medle": "medal",
    "meddal": "medal",
    "medels": "medals",
    "medles": "medals",
    "meddals": "medals",
    "medls": "medals",
    "meadls": "medals",
    "madals": "medals",
    "medails": "medals",
    "whats": "what",
    "wich": "which",
    "whihc": "which",
    "whcih": "which",
    "wn": "won",
    "wonn": "won",
    "wun": "won",
    "whos": "who",
    "hwo": "who",
    "whon": "who",
    "happend": "happened",
    "hapened": "happened",
    "hte": "the",
    "teh": "the",
    "contries": "countries",
    "countrys": "countries",
    "athelte": "athlete",
    "athelets": "athletes",
    "atheletes": "athletes",
    "athlets": "athletes",
    "firts": "first",
    "frist": "first",
    "mots": "most",
    "moust": "most",
    "tpo": "top",
}
#: "who one the ..." is "who won the ...": a homophone read as a verb after a question word.
HOMOPHONES: dict[tuple[str, str], str] = {("who", "one"): "won", ("who", "wan"): "won"}

NUMBER_WORDS: dict[str, int] = {
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
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february", "febuary", "feburary"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
ORDINAL_ENDINGS: frozenset[str] = frozenset({"st", "nd", "rd", "th"})
#: Cues after which an ordinal is a place in a ranking ("the 5th most golds", "4th place"),
#: not a day of the month ("the 14th").
RANKING_CUES: frozenset[Cue] = frozenset({Cue.MOST, Cue.FEWEST, Cue.PLACE})
#: Cues after which an ordinal counts medals ("his 6th gold": when he had six), not a day.
COUNTING_CUES: frozenset[Cue] = frozenset({Cue.GOLD, Cue.SILVER, Cue.BRONZE, Cue.MEDAL})
#: Places named by a word (first to third are the medals' colours).
ORDINAL_PLACES: dict[str, int] = {
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
#: Medal words that are a place in the medal table ("who finished second in the medal table").
MEDAL_PLACES: dict[str, int] = {"second": 2, "third": 3}
#: Places that are a place only after a verb of finishing ("who came first"; else "first" is
#: the earliest: "the first gold", "first to ten golds"). Second and third are the medals.
PLACES_AFTER_VERBS: dict[str, int] = {"first": 1}
#: Words after which "4th" is a place, not a day of the month ("who was 4th", "came 5th").
PLACE_VERBS: frozenset[str] = frozenset(
    {
        "was",
        "were",
        "is",
        "are",
        "came",
        "come",
        "comes",
        "finished",
        "finish",
        "finishes",
        "placed",
        "ended",
        "end",
        "ends",
    }
)

#: Nouns naming what is counted or listed (the first after the question word decides).
TARGETS: dict[Cue, Counted] = {
    Cue.NATION: Counted.NATIONS,
    Cue.ATHLETE: Counted.ATHLETES,
    Cue.CHAMPION: Counted.ATHLETES,
    Cue.MEDALLIST: Counted.ATHLETES,
    Cue.EVENT: Counted.EVENTS,
    Cue.SPORT: Counted.SPORTS,
    Cue.MEDAL: Counted.MEDALS,
    Cue.GOLD: Counted.MEDALS,
    Cue.SILVER: Counted.MEDALS,
    Cue.BRONZE: Counted.MEDALS,
    Cue.WINNER: Counted.RESULTS,
}
QUESTION_CUES = (Cue.WHO, Cue.WHICH, Cue.WHAT, Cue.COUNT, Cue.LIST, Cue.WHEN, Cue.WHERE, Cue.WHY)
#: The question words: what follows them is what is asked about.
#: (QUESTION_CUES above.) In a question with one of these cue words (winning, taking part), a
#: word no part claimed names someone or something not in the data, not a word not understood.
NAME_FRAMES = (Cue.WON, Cue.TOOK_PART, Cue.MEDAL, Cue.GOLD, Cue.SILVER, Cue.BRONZE, Cue.FINISH)

COLOURS: dict[Cue, Medal] = {C.GOLD: Medal.GOLD, C.SILVER: Medal.SILVER, C.BRONZE: Medal.BRONZE}
KINDS: dict[Cue, EventKind] = {C.TEAM: EventKind.TEAM, C.INDIVIDUAL: EventKind.INDIVIDUAL}
#: Words that, just before a nation, name its team, not team events ("team <nation>").
NATION_TEAM_WORDS: frozenset[str] = frozenset({"team"})

#: Agent nouns: "speed skaters" is "speed skating" and names athletes.
AGENT_NOUNS: dict[str, str] = {
    "skater": "skating",
    "skaters": "skating",
    "skier": "skiing",
    "skiers": "skiing",
    "snowboarder": "snowboarding",
    "snowboarders": "snowboarding",
    "curler": "curling",
    "curlers": "curling",
    "biathlete": "biathlon",
    "biathletes": "biathlon",
    "luger": "luge",
    "lugers": "luge",
    "jumper": "jumping",
    "jumpers": "jumping",
    "bobsledder": "bobsleigh",
    "bobsledders": "bobsleigh",
    "slider": "skeleton",
    "sliders": "skeleton",
}
#: What a record question looks for in the results' notes (folded): a record phrase as written
#: in them ("world record", "track record"), or any record.
RECORD_NOTES: dict[str, str] = {
    "record": "record",
    "records": "record",
    "world record": "world record",
    "world records": "world record",
    "olympic record": "olympic record",
    "olympic records": "olympic record",
    "games record": "games record",
    "games records": "games record",
    "track record": "track record",
    "track records": "track record",
    "asian record": "asian record",
    "asian records": "asian record",
}
#: Words after which a Games' name is a kind of record, not the Games ("olympic record").
RECORD_WORDS: frozenset[str] = frozenset({"record", "records"})

#: Words between a number and what it counts that leave the count as it is ("3 or more golds":
#: three or more, as "3 golds" alone says).
NUMBER_TAILS: tuple[tuple[str, ...], ...] = (("or", "more"), ("or", "over"), ("and", "over"))

#: Words that name a family of sports when no sport phrase contains them ("skating").
FAMILY_WORDS: frozenset[str] = frozenset({"skating", "skiing"})

#: The sports held on ice and on snow (folded names, as the Olympic programme groups them), for
#: "medals on ice", "snow sports". Only beside a word of ``SURFACE_NEIGHBOURS``: alone, "ice"
#: may be part of an event's name ("ice dance").
SURFACE_SPORTS: dict[str, frozenset[str]] = {
    "ice": frozenset(
        {
            "speed skating",
            "short track speed skating",
            "figure skating",
            "ice hockey",
            "curling",
            "bobsleigh",
            "luge",
            "skeleton",
        }
    ),
    "snow": frozenset(
        {
            "alpine skiing",
            "cross country skiing",
            "biathlon",
            "ski jumping",
            "nordic combined",
            "freestyle skiing",
            "snowboarding",
            "ski mountaineering",
        }
    ),
}
#: Words before ("on ice", "on the snow", "home ice") or after ("ice sports") a surface word;
#: "the" only after one of the others ("on the ice", not "the ice dance").
SURFACE_NEIGHBOURS: dict[str, frozenset[str]] = {
    "before": frozenset({"on", "home"}),
    "after": frozenset({"sports", "sport", "events"}),
}
#: Cues that make "host" the host nation ("how many medals did the host nation win"), not
#: where the Games were held.
HOST_NATION_CUES = (C.WON, C.MEDAL, C.GOLD, C.SILVER, C.BRONZE, C.COUNT, C.MOST)

#: Demonym endings and what a nation's name may end in instead ("-ean" → "-ea", "-ese" → "",
#: "-ian" → "-ia", "-ish" → "-land"): tried on a word no name matches.
DEMONYM_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("", ("stan", "istan", "land")),
    ("ese", ("", "a")),
    ("egian", ("ay",)),
    ("ians", ("ia", "y", "")),
    ("ian", ("ia", "y", "")),
    ("ean", ("ea",)),
    ("ans", ("a", "")),
    ("an", ("a", "")),
    ("nish", ("nland", "")),
    ("ish", ("", "land", "en", "and")),
    ("i", ("", "land")),
    ("s", ("",)),
)

#: Chinese, Korean and Japanese words → the English words they are read as (longest first).
#: Particles and counters map to nothing. Names (nations, athletes, Games) come from the data.
NATIVE: dict[str, str] = {
    # medals
    "金牌": "gold medals",
    "銀牌": "silver medals",
    "银牌": "silver medals",
    "铜牌": "bronze medals",
    "銅牌": "bronze medals",
    "奖牌": "medals",
    "獎牌": "medals",
    "奖牌榜": "medal table",
    "獎牌榜": "medal table",
    "金牌榜": "medal table",
    "冠军": "champion",
    "冠軍": "champion",
    "금메달": "gold medals",
    "은메달": "silver medals",
    "동메달": "bronze medals",
    "메달": "medals",
    "메달 순위": "medal table",
    "위": "place",
    "우승자": "winner",
    "우승": "won",
    "金メダル": "gold medals",
    "銀メダル": "silver medals",
    "銅メダル": "bronze medals",
    "メダル": "medals",
    "メダル数": "medal count",
    "優勝者": "winner",
    "優勝": "won",
    # question words
    "谁": "who",
    "誰": "who",
    "누가": "who",
    "누구": "who",
    "多少": "how many",
    "几枚": "how many",
    "几块": "how many",
    "幾枚": "how many",
    "几个": "how many",
    "几": "how many",
    "몇 개": "how many",
    "몇개": "how many",
    "몇": "how many",
    "何個": "how many",
    "何枚": "how many",
    "いくつ": "how many",
    "数": "count",
    "몇 위": "what place",
    "몇위": "what place",
    "第几": "what place",
    "何位": "what place",
    "哪天": "what day",
    "哪一天": "what day",
    "什么时候": "when",
    "언제": "when",
    "いつ": "when",
    "为什么": "why",
    "為什麼": "why",
    "왜": "why",
    "なぜ": "why",
    "どうして": "why",
    "发生了什么": "what happened",
    "發生了什麼": "what happened",
    "무슨 일": "what happened",
    "何があった": "what happened",
    "哪些": "which",
    "哪个": "which",
    "哪": "which",
    "어느": "which",
    "どの": "which",
    "吗": "did",
    "嗎": "did",
    "和": "and",
    "与": "and",
    "那": "and",
    "그리고": "and",
    "多": "more",
    "더": "more",
    "一番多い": "most",
    "最多": "most",
    "가장 많이": "most",
    "제일 많이": "most",
    "前": "top",
    "第一": "first",
    "首": "first",
    "첫": "first",
    "最初": "first",
    "最后": "last",
    "最後": "last",
    "마지막": "last",
    # verbs
    "赢得了": "won",
    "赢得": "won",
    "获得了": "won",
    "获得": "won",
    "夺得了": "won",
    "夺得": "won",
    "拿了": "won",
    "拿": "won",
    "获": "won",
    "땄어": "won",
    "땄나": "won",
    "땄": "won",
    "딴": "won",
    "이겼": "won",
    "獲得": "won",
    "取った": "won",
    "取": "won",
    "参加": "took part",
    "參加": "took part",
    "출전": "took part",
    "参加した": "took part",
    # what is counted
    "国家": "nations",
    "國家": "nations",
    "나라": "nations",
    "국가": "nations",
    "国": "nations",
    "选手": "athletes",
    "選手": "athletes",
    "선수": "athletes",
    "运动员": "athletes",
    "比赛": "events",
    "比賽": "events",
    "项目": "events",
    "項目": "events",
    "경기": "events",
    "종목": "events",
    "種目": "events",
    "团体项目": "team events",
    "团体": "team",
    "團體": "team",
    "단체": "team",
    "団体": "team",
    "个人": "individual",
    "個人": "individual",
    "개인": "individual",
    "两届": "both games",
    "두 대회": "both games",
    "両大会": "both games",
    # events and genders
    "女子": "women",
    "男子": "men",
    "混合": "mixed",
    "接力": "relay",
    "여자": "women",
    "남자": "men",
    "혼성": "mixed",
    "계주": "relay",
    "リレー": "relay",
    "米": " m",
    "미터": " m",
    "メートル": " m",
    "决赛": "final",
    "결승": "final",
    "決勝": "final",
    # sports
    "短道速滑": "short track",
    "短道": "short track",
    "쇼트트랙": "short track",
    "ショートトラック": "short track",
    "速度滑冰": "speed skating",
    "스피드스케이팅": "speed skating",
    "スピードスケート": "speed skating",
    "花样滑冰": "figure skating",
    "花滑": "figure skating",
    "피겨": "figure skating",
    "피겨스케이팅": "figure skating",
    "フィギュアスケート": "figure skating",
    "フィギュア": "figure skating",
    "冰壶": "curling",
    "컬링": "curling",
    "カーリング": "curling",
    "冰球": "ice hockey",
    "아이스하키": "ice hockey",
    "アイスホッケー": "ice hockey",
    "单板滑雪": "snowboarding",
    "스노보드": "snowboarding",
    "スノーボード": "snowboarding",
    "自由式滑雪": "freestyle skiing",
    "프리스타일": "freestyle skiing",
    "越野滑雪": "cross country skiing",
    "크로스컨트리": "cross country skiing",
    "冬季两项": "biathlon",
    "바이애슬론": "biathlon",
    "高山滑雪": "alpine skiing",
    "알파인": "alpine skiing",
    "滑雪登山": "ski mountaineering",
    "산악스키": "ski mountaineering",
    "雪橇": "luge",
    "루지": "luge",
    "雪车": "bobsleigh",
    "봅슬레이": "bobsleigh",
    "钢架雪车": "skeleton",
    "스켈레톤": "skeleton",
    "跳台滑雪": "ski jumping",
    "스키점프": "ski jumping",
    "北欧两项": "nordic combined",
    # particles, counters and endings: nothing
    "的": "",
    "了": "",
    "在": "",
    "是": "",
    "有": "",
    "枚": "",
    "块": "",
    "个": "",
    "名": "",
    "一共": "",
    "总共": "",
    "届": "",
    "队": "",
    "隊": "",
    "呢": "",
    "第": "",
    "次": "",
    "은": "",
    "는": "",
    "이": "",
    "가": "",
    "을": "",
    "를": "",
    "의": "",
    "에": "",
    "에서": "",
    "도": "",
    "고": "",
    "야": "",
    "요": "",
    "어": "",
    "나요": "",
    "니": "",
    "였어": "",
    "이야": "",
    "개": "",
    "일이": "",
    "있었어": "",
    "했어": "",
    "는지": "",
    "の": "",
    "は": "",
    "が": "",
    "を": "",
    "で": "",
    "に": "",
    "か": "",
    "した": "",
    "しました": "",
    "ましたか": "",
    "ですか": "",
    "と": "and",
    "年": "",
    "一": "1",
    "二": "2",
    "两": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
    "十": "10",
    "月": " month ",
    "日": " dayofmonth ",
    "号": " dayofmonth ",
    "월": " month ",
    "일": " dayofmonth ",
}
#: Written variants of the same character (traditional, simplified, Japanese forms).
CHARACTER_VARIANTS: dict[str, str] = {"國": "国", "韓": "韩", "華": "华", "臺": "台", "灣": "湾"}
