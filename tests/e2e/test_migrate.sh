#!/usr/bin/env bash
# A journal written by version 1 of restwatch (tests/data/v1-journal.db, made
# by that program: five days over six dates, a two-line note, a red flag of
# version 1, clot_hours 96 and sleep_hours 7.5 changed in config) is moved to
# schema 2 in one transaction: the days, notes and settings are kept,
# clot_hours becomes clot_days, the projections are rebuilt with the engine's
# version 2, and undo cannot cross the migration.  A kill during the
# migration leaves a journal that opens as version 1 or the current one.
# Made without auto-vacuum, it is converted once to incremental auto-vacuum,
# so that it shrinks when its span does; a kill during the conversion leaves
# it sound, converted or not, and the next run converts it.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

FIXTURE=$DATA_DIR/v1-journal.db
KILLRUN=$(dirname "$RESTWATCH")/tests/tools/killrun
exec 3>&1 # information lines, shown whether the test passes or not

fresh_copy() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	cp "$FIXTURE" "$DB"
	chmod 600 "$DB"
}

t_fixture_is_version_1() {
	expect_eq "$(sqlite3 "$FIXTURE" 'PRAGMA user_version')" 1
	expect_eq "$(sqlite3 "$FIXTURE" "SELECT value FROM settings WHERE key = 'clot_hours'")" 96.0
}

t_v1_journal_migrates_and_keeps_everything() {
	fresh_copy
	local before
	before=$(sql "SELECT date, rest_hours, activities, pain, symptoms, weight_kg, note FROM days ORDER BY date")
	rw show --json
	expect_rc 0 "show on a version-1 journal"
	expect_eq "$(sql 'PRAGMA user_version')" 3
	expect_eq "$(sql "SELECT date, rest_hours, activities, pain, symptoms, weight_kg, note FROM days ORDER BY date")" \
		"$before" "the days, byte for byte"
	expect_eq "$(json '[x["date"] for x in d["days"] if x["logged"]]')" \
		'["2026-03-01", "2026-03-02", "2026-03-04", "2026-03-05", "2026-03-06"]'
	expect_eq "$(json 'd["days"][3]["note"]')" 'two lines
of note "quoted"'
	# clot_hours 96 became clot_days 4; the other change is kept
	expect_eq "$(sql "SELECT count(*) FROM settings WHERE key = 'clot_hours'")" 0
	expect_eq "$(json 'd["params"]["clot_days"]')" 4
	expect_eq "$(json 'd["params"]["sleep_hours"]')" 7.5
	expect_eq "$(json 'd["params"]["gap_hold_days"]')" 2
	# the version-2 engine: 03-03 held, bladder-bowel-change an emergency,
	# the fourth bedridden day in a row (clot_days 4) clot-risk
	expect_eq "$(json '[x["rest_clock_hours"] for x in d["days"]][:3]')" '[24.0, 48.0, 48.0]'
	expect_eq "$(json '[x["urgency"] for x in d["days"]]')" \
		'["none", "emergency", "none", "none", "urgent", "none"]'
	expect_eq "$(json '[x["bed_days"] for x in d["days"]]')" '[1, 2, 2, 3, 4, 0]'
	expect_eq "$(json 'd["days"][4]["level"]')" clot-risk
	rw undo
	expect_rc 65 "undo across the migration"
	expect_match "$ERR" 'nothing to undo'
	rw check
	expect_rc 0 "check after the migration"
	rw log --date 2026-03-07 --rest 8
	expect_rc 0
	rw undo
	expect_rc 0
	expect_eq "$OUT" "undone: rest 8 h on 2026-03-07"
}

t_v1_export_imports() {
	fresh_copy
	# A version-1 CSV export (19 columns) still imports.
	printf '%s\r\n' \
		'date,rest_hours,activities,pain,symptoms,weight_kg,note,activity_minutes,rest_clock_hours,loss_days,level,clot_risk,red_flag,muscle_loss_low,muscle_loss_high,cardio_loss_low,cardio_loss_high,bone_loss_low,bone_loss_high' \
		'2026-02-01,24,,7,sciatica,,=1+1 stays text,0,24.0000,0.0000,resting,false,false,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000' \
		>"$TMP/v1.csv"
	rm -f "$TMP/other.db"
	"$RESTWATCH" --db "$TMP/other.db" import "$TMP/v1.csv" >/dev/null ||
		fail "import of a version-1 export"
	expect_eq "$(sqlite3 "$TMP/other.db" "SELECT note FROM days")" "=1+1 stays text"
}

# Kill the first run on a version-1 journal at random moments inside the
# migration's write transaction: the journal is version 1 or version 2,
# sound either way, and the next run finishes the job with every day kept.
t_kill_during_migration() {
	local i out v ones=0 twos=0 want
	[ -x "$KILLRUN" ] || fail "$KILLRUN is missing"
	fresh_copy
	rw show --json
	want=$OUT
	for ((i = 0; i < 40; i++)); do
		fresh_copy
		out=$("$KILLRUN" -l "$DB-shm" $((RANDOM % 4000)) "$RESTWATCH" --db "$DB" status)
		v=$(sqlite3 "$DB" 'PRAGMA user_version')
		case $v in
		1) ones=$((ones + 1)) ;;
		3) twos=$((twos + 1)) ;;
		*) fail "run $i ($out): user_version $v" ;;
		esac
		expect_eq "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "run $i ($out): integrity"
		rw show --json
		expect_rc 0 "run $i ($out): show after the kill"
		expect_eq "$OUT" "$want" "run $i ($out): the migrated journal"
	done
	echo "# kills: $ones left version 1, $twos the current version"
	[ "$ones" -gt 0 ] || fail "no kill landed inside the migration"
}

# header_u32 OFFSET: the 4-byte big-endian number at OFFSET of the journal.
header_u32() {
	od -An -tu1 -j "$1" -N 4 "$DB" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }'
}

# days_csv N: N days from 2016-01-01 in import's layout.
days_csv() {
	python3 -c '
import datetime, sys
d = datetime.date(2016, 1, 1)
sys.stdout.write("date,rest_hours,activities,pain,symptoms,weight_kg,note\r\n")
for i in range(int(sys.argv[1])):
    sys.stdout.write("%s,%d,walking:%d,%d,,,day %d\r\n"
                     % (d + datetime.timedelta(i), 8 + i % 16, 10 + i % 50, i % 11, i))
' "$1"
}

v1_days() {
	sqlite3 "$1" "SELECT date, rest_hours, activities, pain, symptoms, weight_kg, note FROM days ORDER BY date"
}

t_v1_journal_converts_to_incremental_vacuum_and_shrinks() {
	local big held small
	fresh_copy
	expect_eq "$(sql 'PRAGMA auto_vacuum')" 0 "the fixture has no auto-vacuum"
	rw status
	expect_rc 0 "status on a version-1 journal"
	expect_eq "$(sql 'PRAGMA auto_vacuum')" 2 "incremental auto-vacuum after the first run"
	sql 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	# what open reads of the header before SQLite does: the largest root
	# page and the incremental-vacuum flag
	expect_eq "$(header_u32 52)" "$(sql 'SELECT max(rootpage) FROM sqlite_schema')" "largest root page"
	expect_eq "$(header_u32 64)" 1 "incremental-vacuum flag"
	days_csv 3000 >"$TMP/days.csv"
	rw import "$TMP/days.csv"
	expect_rc 0 "import of 3,000 days"
	sql 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	big=$(stat -c %s "$DB")
	rw undo
	expect_rc 0 "undo of the import"
	sql 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	held=$(stat -c %s "$DB")
	# the next change drops what undo kept for redo: its pages are free
	rw config nudge_minutes 45
	expect_rc 0 "a change after the undo"
	sql 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	small=$(( $(stat -c %s "$DB") - $(sql 'PRAGMA freelist_count') * $(sql 'PRAGMA page_size') ))
	echo "# a version-1 journal, converted: $big bytes with 3,000 days imported, $held after the undo (the import kept for redo), $small in use after the next change" >&3
	[ "$held" -lt $((big / 3)) ] || fail "the file stayed $held bytes after the undo (was $big)"
	[ "$small" -lt $((big / 4)) ] || fail "$small bytes in use after the next change (was $big)"
	rw status
	expect_rc 0 "the header check accepts the converted journal"
	rw check
	expect_rc 0 "check after the conversion and the undo"
	expect_eq "$(v1_days "$DB")" "$(v1_days "$FIXTURE")" "the version-1 days after the undo"
}

# A version-1 journal of over 822 pages (4 MB): the VACUUM that converts it
# writes pointer-map pages before page 1 says the file has any, and the page
# checks must not take them for damaged b-tree pages (the conversion then
# failed without a word and ran again at every open).
t_a_large_v1_journal_converts() {
	fresh_copy
	sql "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 39999)
	     INSERT INTO days (date, rest_hours, note)
	     SELECT date('1901-01-01', '+' || i || ' days'), 8, printf('%.100c', 'x') FROM n"
	sql 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	[ "$(sql 'PRAGMA page_count')" -gt 822 ] || fail "the journal has only $(sql 'PRAGMA page_count') pages"
	rw status
	expect_eq "$(sql 'PRAGMA auto_vacuum')" 2 "incremental auto-vacuum after the first run ($ERR)"
	expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity_check"
}

# A damaged journal is not converted: VACUUM would rebuild the index from
# the table and so hide the damage check must report.
t_damaged_v1_journal_is_not_converted() {
	fresh_copy
	# one date in the days table (not in its index) changed: they disagree
	python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
page = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = \"days\"").fetchone()[0]
size = db.execute("PRAGMA page_size").fetchone()[0]
db.close()
with open(sys.argv[1], "r+b") as f:
    f.seek((page - 1) * size)
    data = bytearray(f.read(size))
    i = data.index(b"2026-03-04")
    data[i + 9] = ord("8")
    f.seek((page - 1) * size)
    f.write(data)
' "$DB"
	expect_match "$(sqlite3 "$DB" 'PRAGMA integrity_check')" 'missing from index' "the fixture is damaged"
	rw status
	expect_eq "$(sqlite3 "$DB" 'PRAGMA auto_vacuum')" 0 "the damaged journal is not converted"
	rw check
	expect_rc 74 "check still finds the damage"
}

# Kills from the migration's write lock on (the conversion follows it): the
# journal is sound at version 1 or the current one, converted or not, and
# the next run migrates and converts it with every day kept.
t_kill_during_conversion() {
	local i out v av unconverted=0 converted=0 want
	[ -x "$KILLRUN" ] || fail "$KILLRUN is missing"
	fresh_copy
	rw show --json
	want=$OUT
	for ((i = 0; i < 40; i++)); do
		fresh_copy
		out=$("$KILLRUN" -l "$DB-shm" $((RANDOM % 12000)) "$RESTWATCH" --db "$DB" status)
		v=$(sqlite3 "$DB" 'PRAGMA user_version')
		av=$(sqlite3 "$DB" 'PRAGMA auto_vacuum')
		case $v/$av in
		1/0 | 3/0) unconverted=$((unconverted + 1)) ;;
		3/2) converted=$((converted + 1)) ;;
		*) fail "run $i ($out): user_version $v, auto_vacuum $av" ;;
		esac
		expect_eq "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "run $i ($out): integrity"
		rw show --json
		expect_rc 0 "run $i ($out): show after the kill"
		expect_eq "$OUT" "$want" "run $i ($out): the migrated journal"
		expect_eq "$(sqlite3 "$DB" 'PRAGMA auto_vacuum')" 2 "run $i ($out): converted by the next run"
	done
	echo "# kills during the migration and the conversion: $unconverted left it unconverted, $converted converted" >&3
	[ "$unconverted" -gt 0 ] || fail "no kill landed before the conversion was done"
}

run_tests
