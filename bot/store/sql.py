"""Named SQL statements: every query the store runs, in one place."""

from __future__ import annotations

GAMES_IDS = "SELECT id FROM games ORDER BY id"
GAMES_COLUMNS = (
    "id, name, official_name, city, country, start_date, end_date, sources, aliases, as_of"
)
GAMES_ROW = f"SELECT {GAMES_COLUMNS} FROM games WHERE id = ?"
ALL_GAMES = f"SELECT {GAMES_COLUMNS} FROM games ORDER BY id"
UPSERT_GAMES = f"""
INSERT INTO games ({GAMES_COLUMNS})
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET name = excluded.name, official_name = excluded.official_name,
    city = excluded.city, country = excluded.country, start_date = excluded.start_date,
    end_date = excluded.end_date, sources = excluded.sources, aliases = excluded.aliases,
    as_of = excluded.as_of
"""

NATION_COLUMNS = "code, name, official_name, aliases, flag, ranked"
NATIONS = f"SELECT {NATION_COLUMNS} FROM nations WHERE games_id = ? ORDER BY code"
NATION_ROW = f"SELECT {NATION_COLUMNS} FROM nations WHERE games_id = ? AND code = ?"
UPSERT_NATION = f"""
INSERT INTO nations (games_id, {NATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (games_id, code) DO UPDATE SET name = excluded.name, official_name = excluded.official_name,
    aliases = excluded.aliases, flag = excluded.flag, ranked = excluded.ranked
"""
DELETE_NATION = "DELETE FROM nations WHERE games_id = ? AND code = ?"
#: The second parameter of the ``*_NAMED`` and ``*_OF_EVENTS`` statements is a JSON array of keys
#: (one statement for a whole load, however many rows it touches).
NATIONS_NAMED = f"""
SELECT {NATION_COLUMNS} FROM nations
WHERE games_id = ? AND code IN (SELECT value FROM json_each(?))
"""

ATHLETE_COLUMNS = "id, name, noc, gender, native_name, aliases, birth_date, birth_year, person_id"
ATHLETES = f"SELECT {ATHLETE_COLUMNS} FROM athletes WHERE games_id = ? ORDER BY id"
ATHLETE_ROW = f"SELECT {ATHLETE_COLUMNS} FROM athletes WHERE games_id = ? AND id = ?"
UPSERT_ATHLETE = f"""
INSERT INTO athletes (games_id, {ATHLETE_COLUMNS})
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (games_id, id) DO UPDATE SET name = excluded.name, noc = excluded.noc,
    gender = excluded.gender, native_name = excluded.native_name, aliases = excluded.aliases,
    birth_date = excluded.birth_date, birth_year = excluded.birth_year,
    person_id = excluded.person_id
"""
DELETE_ATHLETE = "DELETE FROM athletes WHERE games_id = ? AND id = ?"
ATHLETES_NAMED = f"""
SELECT {ATHLETE_COLUMNS} FROM athletes WHERE games_id = ? AND id IN (SELECT value FROM json_each(?))
"""

EVENT_COLUMNS = "id, sport, name, gender, date, kind, venue, sources, notes"
EVENTS = f"SELECT {EVENT_COLUMNS} FROM events WHERE games_id = ? ORDER BY date, sport, id"
EVENT_ROW = f"SELECT {EVENT_COLUMNS} FROM events WHERE games_id = ? AND id = ?"
UPSERT_EVENT = """
INSERT INTO events (games_id, id, sport, name, gender, date, kind, venue, sources, notes)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (games_id, id) DO UPDATE SET sport = excluded.sport, name = excluded.name,
    gender = excluded.gender, date = excluded.date, kind = excluded.kind, venue = excluded.venue,
    sources = excluded.sources, notes = excluded.notes
"""
DELETE_EVENT = "DELETE FROM events WHERE games_id = ? AND id = ?"
EVENTS_NAMED = f"""
SELECT {EVENT_COLUMNS} FROM events WHERE games_id = ? AND id IN (SELECT value FROM json_each(?))
"""
DELETE_EVENTS_NAMED = """
DELETE FROM events WHERE games_id = ? AND id IN (SELECT value FROM json_each(?))
"""

RESULT_COLUMNS = "event_id, rank, medal, noc, athletes, mark, note"
RESULTS = f"SELECT {RESULT_COLUMNS} FROM results WHERE games_id = ? ORDER BY event_id, position"
EVENT_RESULTS = (
    f"SELECT {RESULT_COLUMNS} FROM results WHERE games_id = ? AND event_id = ? ORDER BY position"
)
DELETE_EVENT_RESULTS = "DELETE FROM results WHERE games_id = ? AND event_id = ?"
RESULTS_OF_EVENTS = f"""
SELECT {RESULT_COLUMNS} FROM results
WHERE games_id = ? AND event_id IN (SELECT value FROM json_each(?)) ORDER BY event_id, position
"""
DELETE_RESULTS_OF_EVENTS = """
DELETE FROM results WHERE games_id = ? AND event_id IN (SELECT value FROM json_each(?))
"""
INSERT_RESULT = """
INSERT INTO results (games_id, event_id, position, rank, medal, noc, athletes, mark, note)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
"""

INSERT_LOAD = """
INSERT INTO loads (games_id, kind, source, sha256, user_id, loaded_at, counts, before)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
"""
LAST_LOAD = """
SELECT id, loaded_at, source, user_id, kind FROM loads WHERE games_id = ? ORDER BY id DESC LIMIT 1
"""
LOAD_HISTORY = """
SELECT id, games_id, kind, source, sha256, user_id, loaded_at, counts, undone_by
FROM loads WHERE games_id = ? ORDER BY id DESC LIMIT ?
"""
LOAD_ROW = """
SELECT id, games_id, kind, source, sha256, user_id, loaded_at, counts, undone_by FROM loads WHERE id = ?
"""
DELETE_GAMES = "DELETE FROM games WHERE id = ?"
LAST_UNDOABLE = """
SELECT id, source, before FROM loads
WHERE games_id = ? AND kind = 'load' AND undone_by IS NULL ORDER BY id DESC LIMIT 1
"""
LAST_UNDOABLE_RECORD = """
SELECT id, games_id, kind, source, sha256, user_id, loaded_at, counts, undone_by FROM loads
WHERE games_id = ? AND kind = 'load' AND undone_by IS NULL ORDER BY id DESC LIMIT 1
"""
MARK_UNDONE = "UPDATE loads SET undone_by = ? WHERE id = ?"

FOLLOW = """
INSERT INTO follows (guild_id, channel_id, games_id, noc, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (channel_id, games_id, noc) DO NOTHING
"""
UNFOLLOW = "DELETE FROM follows WHERE channel_id = ? AND games_id = ? AND noc = ?"
FOLLOWS_IN_GUILD = "SELECT guild_id, channel_id, games_id, noc FROM follows WHERE guild_id = ? ORDER BY noc, channel_id"
FOLLOWS_OF_GAMES = "SELECT guild_id, channel_id, games_id, noc FROM follows WHERE games_id = ? ORDER BY channel_id, noc"
MARK_ANNOUNCED = """
INSERT INTO announced_medals (games_id, event_id, noc, medal, athletes, announced_at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING
"""

GUILD_SETTINGS = "SELECT key, value FROM guild_settings WHERE guild_id = ? ORDER BY key"
SET_GUILD_SETTING = """
INSERT INTO guild_settings (guild_id, key, value, user_id, updated_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (guild_id, key) DO UPDATE SET value = excluded.value, user_id = excluded.user_id,
    updated_at = excluded.updated_at
"""
CLEAR_GUILD_SETTING = "DELETE FROM guild_settings WHERE guild_id = ? AND key = ?"
