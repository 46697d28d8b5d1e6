-- restwatch journal, schema version 2: the engine's version 2 (docs/model.md).
-- Runs inside the transaction of the migration; the program recomputes the
-- projections before it commits.

-- The new outputs, and the state a resumed run needs (gap_days, since_clot).
ALTER TABLE projections ADD COLUMN bed_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE projections ADD COLUMN urgency TEXT NOT NULL DEFAULT 'none'
	CHECK (urgency IN ('none', 'urgent', 'emergency'));
ALTER TABLE projections ADD COLUMN clot_watch INTEGER NOT NULL DEFAULT 0
	CHECK (clot_watch IN (0, 1));
ALTER TABLE projections ADD COLUMN pain_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE projections ADD COLUMN gap_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE projections ADD COLUMN since_clot INTEGER NOT NULL DEFAULT -1;
DELETE FROM projections;

-- clot_hours becomes clot_days (whole days, at least 1); the new
-- parameters get their defaults; ranges that narrowed are brought inside.
INSERT OR REPLACE INTO settings (key, value)
	SELECT 'clot_days', max(1, min(30, round(value / 24))) FROM settings
	WHERE key = 'clot_hours';
DELETE FROM settings WHERE key = 'clot_hours';
INSERT OR IGNORE INTO settings (key, value) VALUES
	('clot_days', 3), ('bedridden_unloading', 0.75), ('clot_watch_days', 28),
	('gap_hold_days', 2);
UPDATE settings SET value = max(1, min(240, value)) WHERE key = 'threshold_hours';
UPDATE settings SET value = min(0.7, value) WHERE key = 'recovery_unloading';
UPDATE settings SET value = min(10, value) WHERE key GLOB '*_rate_*';

-- The change history described version-1 projections and settings: undo
-- does not cross the migration.
DELETE FROM change_settings;
DELETE FROM change_days;
DELETE FROM changes;
