"""The ten-line example in tests/fakediscord/README.md runs as written."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.fixtures import StartBot

README = Path(__file__).resolve().parents[1] / "fakediscord" / "README.md"


def readme_example() -> tuple[str, Callable[..., Awaitable[Any]]]:
    block = README.read_text().split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {}
    exec(compile(block, str(README), "exec"), namespace)
    return block, namespace["test_counter"]


async def test_readme_example_runs(fake: FakeDiscord, start_bot: StartBot) -> None:
    block, example = readme_example()
    assert len([line for line in block.splitlines() if line.strip()]) <= 10
    await example(fake, start_bot)
