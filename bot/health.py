"""Health: the running bot's status file (written on every gateway heartbeat) and the verdict of
``gamesbot health`` from it. Pure apart from reading and writing that small JSON file."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HEARTBEAT_STALE_AFTER = 120.0


def write_status(path: Path, **fields: Any) -> None:
    """Atomically write the status file (``state``, ``pid``, ``heartbeat_at``, ...)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + f".{os.getpid()}.tmp")
    partial.write_text(
        json.dumps({"pid": os.getpid(), "written_at": time.time(), **fields}), encoding="utf-8"
    )
    partial.replace(path)


def read_status(path: Path) -> dict[str, Any] | None:
    """The status file's content, or None when there is none (the bot has never run here)."""
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"state": "unreadable"}
    return content if isinstance(content, dict) else {"state": "unreadable"}


@dataclass(frozen=True)
class Verdict:
    """Healthy or not, and why."""

    healthy: bool
    reason: str


def judge_bot(
    status: dict[str, Any] | None, now: float, stale_after: float = HEARTBEAT_STALE_AFTER
) -> Verdict:
    """Is the bot's gateway connection alive? Fine when the bot is not running (state stopped or
    no status file); unhealthy when it runs but its last heartbeat is older than ``stale_after``."""
    if status is None:
        return Verdict(True, "bot not running here (no status file)")
    state = status.get("state")
    if state == "stopped":
        return Verdict(True, "bot stopped cleanly")
    if state == "unreadable":
        return Verdict(False, "status file is unreadable")
    heartbeat = status.get("heartbeat_at")
    if not isinstance(heartbeat, int | float):
        started = status.get("started_at")
        if isinstance(started, int | float) and now - started < stale_after:
            return Verdict(True, "bot starting, no gateway heartbeat yet")
        return Verdict(False, "bot running but no gateway heartbeat recorded")
    age = now - heartbeat
    if age > stale_after:
        return Verdict(False, f"last gateway heartbeat {age:.0f} s ago (limit {stale_after:.0f} s)")
    return Verdict(True, f"last gateway heartbeat {age:.0f} s ago")
