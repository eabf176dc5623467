"""Schema migrations, applied in order; ``PRAGMA user_version`` records how many have run."""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: Games, NOCs, athletes, events, results, load history.
    """
    CREATE TABLE games (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        official_name TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        start_date TEXT,
        end_date TEXT,
        sources TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE nations (
        games_id TEXT NOT NULL REFERENCES games(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        official_name TEXT NOT NULL DEFAULT '',
        aliases TEXT NOT NULL DEFAULT '[]',
        flag TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (games_id, code)
    );
    CREATE TABLE athletes (
        games_id TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        noc TEXT NOT NULL,
        gender TEXT,
        native_name TEXT NOT NULL DEFAULT '',
        aliases TEXT NOT NULL DEFAULT '[]',
        birth_date TEXT,
        birth_year INTEGER,
        PRIMARY KEY (games_id, id),
        FOREIGN KEY (games_id, noc) REFERENCES nations(games_id, code)
    );
    CREATE TABLE events (
        games_id TEXT NOT NULL REFERENCES games(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        sport TEXT NOT NULL,
        name TEXT NOT NULL,
        gender TEXT NOT NULL,
        date TEXT,
        kind TEXT NOT NULL,
        venue TEXT NOT NULL DEFAULT '',
        sources TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (games_id, id)
    );
    CREATE TABLE results (
        games_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        rank INTEGER CHECK (rank IS NULL OR rank >= 1),
        medal TEXT CHECK (medal IS NULL OR medal IN ('gold', 'silver', 'bronze')),
        noc TEXT NOT NULL,
        athletes TEXT NOT NULL DEFAULT '[]',
        mark TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (games_id, event_id, position),
        FOREIGN KEY (games_id, event_id) REFERENCES events(games_id, id) ON DELETE CASCADE,
        FOREIGN KEY (games_id, noc) REFERENCES nations(games_id, code)
    );
    CREATE TABLE loads (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        games_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        source TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        user_id INTEGER,
        loaded_at TEXT NOT NULL,
        counts TEXT NOT NULL DEFAULT '{}',
        before TEXT NOT NULL DEFAULT '{}',
        undone_by INTEGER REFERENCES loads(id)
    );
    CREATE INDEX results_by_noc ON results (games_id, noc);
    CREATE INDEX loads_by_games ON loads (games_id, id);
    """,
    # 2: followers (a channel follows a nation) and the medals already announced to them.
    """
    CREATE TABLE follows (
        guild_id INTEGER NOT NULL,
        channel_id INTEGER NOT NULL,
        games_id TEXT NOT NULL,
        noc TEXT NOT NULL,
        user_id INTEGER,
        created_at TEXT NOT NULL,
        PRIMARY KEY (channel_id, games_id, noc)
    );
    CREATE INDEX follows_by_nation ON follows (games_id, noc);
    CREATE TABLE announced_medals (
        games_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        noc TEXT NOT NULL,
        medal TEXT NOT NULL,
        athletes TEXT NOT NULL,
        announced_at TEXT NOT NULL,
        PRIMARY KEY (games_id, event_id, noc, medal, athletes)
    );
    """,
    # 3: several Games side by side: a person across Games, Games aliases and data date, NOCs the
    # official table leaves unranked, and each server's own settings (e.g. its default Games).
    """
    ALTER TABLE athletes ADD COLUMN person_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE nations ADD COLUMN ranked INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE games ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE games ADD COLUMN as_of TEXT;
    CREATE INDEX athletes_by_person ON athletes (person_id);
    CREATE TABLE guild_settings (
        guild_id INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        user_id INTEGER,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (guild_id, key)
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
