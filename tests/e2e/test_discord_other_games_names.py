"""A nation, an athlete or an event that another loaded Games holds, asked about at a Games whose data does
not hold them, end to end through the local Discord: the answer says so and which Games does,
instead of offering the nearest names of this Games (Norway at Harbin offered North Korea,
Klæbo offered Lee Jae-beom)."""

from __future__ import annotations

import pytest

from bot.discord_ui.frontend import DiscordFrontEnd
from bot.service import GamesService
from bot.settings import Settings
from tests.e2e.test_discord_frontend import text_of
from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.fixtures import StartBot

SAID = (
    "Norway (NOR) did not take part in the 2025 Asian Winter Games; it took part in the 2026 "
    "Winter Olympics."
)


@pytest.fixture
async def frontend(service: GamesService, start_bot: StartBot) -> DiscordFrontEnd:
    ui = DiscordFrontEnd(service, Settings(_env_file=None))  # type: ignore[call-arg]
    await start_bot(ui.install)
    return ui


async def test_a_nation_of_the_other_games_is_said_to_have_taken_part_there(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    answer = await fake.slash("medals", nation="norway", games="harbin")
    text = text_of(answer.embeds[0])
    assert SAID in text and "North Korea" not in text and not answer.components
    korean = await fake.slash("medals", nation="노르웨이", games="harbin", locale="ko")
    # Said as Korean names them: the nation and both Games (they were English in a Korean
    # sentence).
    assert (
        "노르웨이(NOR)은(는) 하얼빈 동계아시안게임에 참가하지 않았습니다. "
        "밀라노-코르티나 동계올림픽에 참가했습니다." in text_of(korean.embeds[0])
    )
    asked = await fake.slash("ask", question="how many medals did norway win at harbin")
    assert SAID in text_of(asked.embeds[0]) and "North Korea" not in text_of(asked.embeds[0])
    # A nation of neither Games is still "no match", with this Games' nearest names.
    typo = await fake.slash("medals", nation="norwey", games="harbin")
    assert "did not take part" not in text_of(typo.embeds[0])
    # And a nation both Games hold is answered as before.
    korea = await fake.slash("medals", nation="korea", games="harbin")
    assert "45" in text_of(korea.embeds[0])


async def test_an_athlete_of_the_other_games_only_is_said_to_be_in_its_data(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    said = (
        "Johannes Høsflot Klæbo (NOR) is not in the data for the 2025 Asian Winter Games, only in "
        "that of the 2026 Winter Olympics."
    )
    answer = await fake.slash("athlete", name="klaebo", games="harbin")
    text = text_of(answer.embeds[0])
    assert said in text and "Did you mean" not in text and not answer.components
    asked = await fake.slash("ask", question="how many medals did klaebo win at harbin")
    assert said in text_of(asked.embeds[0])
    japanese = await fake.slash("athlete", name="klaebo", games="harbin", locale="ja")
    assert "ハルビン冬季アジア大会のデータにはなく" in text_of(japanese.embeds[0])
    # Someone at both Games is answered at the one named.
    both = await fake.slash("athlete", name="kim gil-li", games="harbin")
    assert "2025 Asian Winter Games" in both.embeds[0]["footer"]["text"]
    assert "not in the data" not in text_of(both.embeds[0])


async def test_an_event_of_the_other_games_only_is_said_to_have_been_held_there(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    """ "men's downhill" at Harbin offered short track's 1500 metres."""
    answer = await fake.slash("event", name="men's downhill", games="harbin")
    text = text_of(answer.embeds[0])
    assert (
        "Men's downhill (Alpine skiing) was not held at the 2025 Asian Winter Games; it was held "
        "at the 2026 Winter Olympics." in text
    )
    assert "1500" not in text and not answer.components
    korean = await fake.slash("event", name="monobob", games="harbin", locale="ko")
    assert "하얼빈 동계아시안게임에서 열리지 않았고" in text_of(korean.embeds[0])
    # An event this Games holds, or a name near several of its events, is answered as before.
    held = await fake.slash("event", name="men's slalom", games="harbin")
    assert "2025 Asian Winter Games" in held.embeds[0]["footer"]["text"]
    assert "not held" not in text_of(held.embeds[0])


async def test_a_misspelt_name_only_the_other_games_knows_is_its_name(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    """ "norwy" at Harbin offered nothing near, "canda" Cambodia, China and India, "filand"
    Thailand. When another Games resolves a name confidently and more closely than any name of
    the asked Games, the answer is that Games' name; names of the asked Games as close as it
    are still offered."""
    for typo, said in (
        ("norwy", SAID),
        ("canda", "Canada (CAN) did not take part in the 2025 Asian Winter Games"),
        ("filand", "Finland (FIN) did not take part in the 2025 Asian Winter Games"),
    ):
        answer = await fake.slash("medals", nation=typo, games="harbin")
        assert said in text_of(answer.embeds[0]) and not answer.components, typo
    athlete = await fake.slash("athlete", name="johannes klabo", games="harbin")
    assert "Klæbo (NOR) is not in the data for the 2025 Asian Winter Games" in text_of(
        athlete.embeds[0]
    )
    asked = await fake.slash("ask", question="how many medals did norwy win at harbin")
    assert SAID in text_of(asked.embeds[0])
    # "korae" is as near South Korea and North Korea at Harbin as anything elsewhere: choices.
    near = await fake.slash("medals", nation="korae", games="harbin")
    assert "did not take part" not in text_of(near.embeds[0]) and near.components
    # "lee seung hoon" is two athletes at Harbin: still the choice between them.
    two = await fake.slash("athlete", name="lee seung hoon", games="harbin")
    assert "not in the data" not in text_of(two.embeds[0]) and two.components


async def test_ask_at_both_games_lists_those_found_at_each(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    """ "who won gold at both games" through the local Discord: the people with a gold at each
    Games, in one list, in the reader's language too."""
    answer = await fake.slash("ask", question="who won gold at both games")
    text = text_of(answer.embeds[0])
    assert "won gold at both the 2026 Winter Olympics and the 2025 Asian Winter Games" in text
    assert "Kim Gil-li" in text and "Franjo von Allmen" not in text
    korean = await fake.slash("ask", question="who won gold at both games", locale="ko")
    assert "밀라노-코르티나 동계올림픽, 하얼빈 동계아시안게임 두 대회 모두" in text_of(
        korean.embeds[0]
    )
