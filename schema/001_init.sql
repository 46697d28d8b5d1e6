-- restwatch journal, schema version 1.
-- One row per logged day; every calendar day from the first logged day to
-- the last has a row in projections (the engine's derived numbers).

CREATE TABLE days (
	date       TEXT PRIMARY KEY NOT NULL
	           CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	rest_hours REAL CHECK (rest_hours IS NULL OR rest_hours BETWEEN 0 AND 24),
	activities TEXT NOT NULL DEFAULT '',   -- kind:minutes;kind:minutes
	pain       INTEGER CHECK (pain IS NULL OR pain BETWEEN 0 AND 10),
	symptoms   TEXT NOT NULL DEFAULT '',   -- name;name
	weight_kg  REAL CHECK (weight_kg IS NULL OR weight_kg BETWEEN 20 AND 400),
	note       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE projections (
	date             TEXT PRIMARY KEY NOT NULL,
	logged           INTEGER NOT NULL CHECK (logged IN (0, 1)),
	activity_minutes INTEGER NOT NULL,
	rest_clock_hours REAL NOT NULL,
	loss_days        REAL NOT NULL,
	level            TEXT NOT NULL CHECK (level IN
	                 ('none', 'resting', 'deconditioning', 'clot-risk', 'recovering')),
	clot_risk        INTEGER NOT NULL CHECK (clot_risk IN (0, 1)),
	red_flag         INTEGER NOT NULL CHECK (red_flag IN (0, 1)),
	muscle_loss_low  REAL NOT NULL,
	muscle_loss_high REAL NOT NULL,
	cardio_loss_low  REAL NOT NULL,
	cardio_loss_high REAL NOT NULL,
	bone_loss_low    REAL NOT NULL,
	bone_loss_high   REAL NOT NULL
) WITHOUT ROWID;

-- The engine's parameters (the names of docs/model.md); every one has a row.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY NOT NULL,
	value REAL NOT NULL
) WITHOUT ROWID;

-- The change history behind `undo`: one row per change, with the state of
-- every day and setting it touched as it was before.
CREATE TABLE changes (
	id   INTEGER PRIMARY KEY,
	at   TEXT NOT NULL,                   -- UTC, ISO 8601
	what TEXT NOT NULL                    -- e.g. 'log 2026-03-02'
);

CREATE TABLE change_days (
	change_id  INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
	date       TEXT NOT NULL,
	existed    INTEGER NOT NULL CHECK (existed IN (0, 1)),
	rest_hours REAL,
	activities TEXT,
	pain       INTEGER,
	symptoms   TEXT,
	weight_kg  REAL,
	note       TEXT,
	PRIMARY KEY (change_id, date)
) WITHOUT ROWID;

CREATE TABLE change_settings (
	change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
	key       TEXT NOT NULL,
	value     REAL NOT NULL,
	PRIMARY KEY (change_id, key)
) WITHOUT ROWID;
