"""Named SQL statements of the PostgreSQL store: every query it runs, in one place.

Text is ordered with ``COLLATE "C"`` and missing dates first, as SQLite orders them, so both
stores read the same Games in the same order (and export it byte for byte the same)."""

from __future__ import annotations

#: The LISTEN/NOTIFY channel on which loads and undos are announced (payload: JSON with the
#: Games id and the load id).
CHANGES_CHANNEL = "gamesbot_changes"
NOTIFY = "SELECT pg_notify(%s, %s)"

SCHEMA_VERSION = "SELECT version FROM gamesbot_schema"
SET_SCHEMA_VERSION = """
INSERT INTO gamesbot_schema (only_row, version) VALUES (TRUE, %s)
ON CONFLICT (only_row) DO UPDATE SET version = excluded.version
"""
MIGRATION_LOCK = "SELECT pg_advisory_xact_lock(%s)"
TABLES = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
READ_SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
#: Loads and undos of every Games, one at a time: the stale-preview check, the before-image and
#: the write see no other load, and load ids follow commit order. Readers are not blocked.
LOCK_LOADS = "LOCK TABLE loads IN EXCLUSIVE MODE"

GAMES_IDS = 'SELECT id FROM games ORDER BY id COLLATE "C"'
GAMES_COLUMNS = (
    "id, name, official_name, city, country, start_date, end_date, sources, aliases, as_of"
)
GAMES_ROW = f"SELECT {GAMES_COLUMNS} FROM games WHERE id = %s"
ALL_GAMES = f'SELECT {GAMES_COLUMNS} FROM games ORDER BY id COLLATE "C"'
UPSERT_GAMES = f"""
INSERT INTO games ({GAMES_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (id) DO UPDATE SET name = excluded.name, official_name = excluded.official_name,
    city = excluded.city, country = excluded.country, start_date = excluded.start_date,
    end_date = excluded.end_date, sources = excluded.sources, aliases = excluded.aliases,
    as_of = excluded.as_of
"""
DELETE_GAMES = "DELETE FROM games WHERE id = %s"

NATION_COLUMNS = "code, name, official_name, aliases, flag, ranked"
NATIONS = f'SELECT {NATION_COLUMNS} FROM nations WHERE games_id = %s ORDER BY code COLLATE "C"'
NATIONS_NAMED = f"SELECT {NATION_COLUMNS} FROM nations WHERE games_id = %s AND code = ANY(%s)"
UPSERT_NATION = f"""
INSERT INTO nations (games_id, {NATION_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (games_id, code) DO UPDATE SET name = excluded.name,
    official_name = excluded.official_name, aliases = excluded.aliases, flag = excluded.flag,
    ranked = excluded.ranked
"""
DELETE_NATION = "DELETE FROM nations WHERE games_id = %s AND code = %s"

ATHLETE_COLUMNS = "id, name, noc, gender, native_name, aliases, birth_date, birth_year, person_id"
ATHLETES = f'SELECT {ATHLETE_COLUMNS} FROM athletes WHERE games_id = %s ORDER BY id COLLATE "C"'
ATHLETES_NAMED = f"SELECT {ATHLETE_COLUMNS} FROM athletes WHERE games_id = %s AND id = ANY(%s)"
UPSERT_ATHLETE = f"""
INSERT INTO athletes (games_id, {ATHLETE_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (games_id, id) DO UPDATE SET name = excluded.name, noc = excluded.noc,
    gender = excluded.gender, native_name = excluded.native_name, aliases = excluded.aliases,
    birth_date = excluded.birth_date, birth_year = excluded.birth_year,
    person_id = excluded.person_id
"""
DELETE_ATHLETE = "DELETE FROM athletes WHERE games_id = %s AND id = %s"

EVENT_COLUMNS = "id, sport, name, gender, date, kind, venue, sources, notes"
EVENTS = f"""
SELECT {EVENT_COLUMNS} FROM events WHERE games_id = %s
ORDER BY date NULLS FIRST, sport COLLATE "C", id COLLATE "C"
"""
EVENTS_NAMED = f"SELECT {EVENT_COLUMNS} FROM events WHERE games_id = %s AND id = ANY(%s)"
UPSERT_EVENT = f"""
INSERT INTO events (games_id, {EVENT_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (games_id, id) DO UPDATE SET sport = excluded.sport, name = excluded.name,
    gender = excluded.gender, date = excluded.date, kind = excluded.kind, venue = excluded.venue,
    sources = excluded.sources, notes = excluded.notes
"""
DELETE_EVENTS = "DELETE FROM events WHERE games_id = %s AND id = ANY(%s)"

RESULT_COLUMNS = "event_id, rank, medal, noc, athletes, mark, note"
RESULTS = f"""
SELECT {RESULT_COLUMNS} FROM results WHERE games_id = %s ORDER BY event_id COLLATE "C", position
"""
RESULTS_OF_EVENTS = f"""
SELECT {RESULT_COLUMNS} FROM results WHERE games_id = %s AND event_id = ANY(%s)
ORDER BY event_id COLLATE "C", position
"""
DELETE_RESULTS_OF_EVENTS = "DELETE FROM results WHERE games_id = %s AND event_id = ANY(%s)"
COPY_RESULTS = f"COPY results (games_id, position, {RESULT_COLUMNS}) FROM STDIN"

LOAD_COLUMNS = "id, games_id, kind, source, sha256, user_id, loaded_at, counts, undone_by"
INSERT_LOAD = """
INSERT INTO loads (games_id, kind, source, sha256, user_id, loaded_at, counts, before)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING id
"""
LAST_LOAD = """
SELECT id, loaded_at, source, user_id, kind FROM loads WHERE games_id = %s
ORDER BY id DESC LIMIT 1
"""
LOAD_HISTORY = f"SELECT {LOAD_COLUMNS} FROM loads WHERE games_id = %s ORDER BY id DESC LIMIT %s"
LOAD_ROW = f"SELECT {LOAD_COLUMNS} FROM loads WHERE id = %s"
LAST_UNDOABLE = """
SELECT id, source, before FROM loads
WHERE games_id = %s AND kind = 'load' AND undone_by IS NULL ORDER BY id DESC LIMIT 1
"""
LAST_UNDOABLE_RECORD = f"""
SELECT {LOAD_COLUMNS} FROM loads
WHERE games_id = %s AND kind = 'load' AND undone_by IS NULL ORDER BY id DESC LIMIT 1
"""
MARK_UNDONE = "UPDATE loads SET undone_by = %s WHERE id = %s"

FOLLOW = """
INSERT INTO follows (guild_id, channel_id, games_id, noc, user_id, created_at)
VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (channel_id, games_id, noc) DO NOTHING
"""
UNFOLLOW = "DELETE FROM follows WHERE channel_id = %s AND games_id = %s AND noc = %s"
FOLLOWS_IN_GUILD = """
SELECT guild_id, channel_id, games_id, noc FROM follows WHERE guild_id = %s
ORDER BY noc COLLATE "C", channel_id
"""
FOLLOWS_OF_GAMES = """
SELECT guild_id, channel_id, games_id, noc FROM follows WHERE games_id = %s
ORDER BY channel_id, noc COLLATE "C"
"""
#: One statement claims a whole batch: a medal another transaction is claiming at the same moment
#: waits for it and then conflicts, so it is returned to exactly one of them.
CLAIM_ANNOUNCEMENTS = """
INSERT INTO announced_medals (games_id, event_id, noc, medal, athletes, announced_at)
SELECT %s, claim.event_id, claim.noc, claim.medal, claim.athletes, %s
FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[])
    AS claim (event_id, noc, medal, athletes)
ON CONFLICT DO NOTHING
RETURNING event_id, noc, medal, athletes
"""

GUILD_SETTINGS = (
    'SELECT key, value FROM guild_settings WHERE guild_id = %s ORDER BY key COLLATE "C"'
)
SET_GUILD_SETTING = """
INSERT INTO guild_settings (guild_id, key, value, user_id, updated_at) VALUES (%s, %s, %s, %s, %s)
ON CONFLICT (guild_id, key) DO UPDATE SET value = excluded.value, user_id = excluded.user_id,
    updated_at = excluded.updated_at
"""
CLEAR_GUILD_SETTING = "DELETE FROM guild_settings WHERE guild_id = %s AND key = %s"
