-- restwatch journal, schema version 3: medications, and time spent lying
-- down recorded with `down` and `up` (docs/formats.md).

-- A day's medications ("name:dose;name") and the hours of its stretches.
ALTER TABLE days ADD COLUMN medications TEXT NOT NULL DEFAULT '';
ALTER TABLE days ADD COLUMN tracked_hours REAL NOT NULL DEFAULT 0
	CHECK (tracked_hours BETWEEN 0 AND 24);
ALTER TABLE change_days ADD COLUMN medications TEXT;
ALTER TABLE change_days ADD COLUMN tracked_hours REAL;

-- Stretches of lying down, as UTC instants in seconds since 1970; up_at is
-- NULL while the person is still lying down (at most one such stretch).
CREATE TABLE stretches (
	id      INTEGER PRIMARY KEY,
	down_at INTEGER NOT NULL,
	up_at   INTEGER CHECK (up_at IS NULL OR (up_at > down_at AND up_at - down_at <= 86400))
);
CREATE UNIQUE INDEX stretches_down ON stretches (down_at);
CREATE UNIQUE INDEX stretches_open ON stretches (up_at IS NULL) WHERE up_at IS NULL;

-- What undo puts back: each stretch a change touched, as it was (existed 0:
-- the change created it).
CREATE TABLE change_stretches (
	change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
	id        INTEGER NOT NULL,
	existed   INTEGER NOT NULL CHECK (existed IN (0, 1)),
	down_at   INTEGER,
	up_at     INTEGER,
	PRIMARY KEY (change_id, id)
) WITHOUT ROWID;

-- The nudge to get up: minutes lying down, and the waking hours (hours of
-- the day) in which it may come.
INSERT OR IGNORE INTO settings (key, value) VALUES
	('nudge_minutes', 60), ('nudge_from', 8), ('nudge_to', 22);
