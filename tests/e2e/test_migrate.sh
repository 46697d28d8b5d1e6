#!/usr/bin/env bash
# A journal written by version 1 of restwatch (tests/data/v1-journal.db, made
# by that program: five days over six dates, a two-line note, a red flag of
# version 1, clot_hours 96 and sleep_hours 7.5 changed in config) is moved to
# schema 2 in one transaction: the days, notes and settings are kept,
# clot_hours becomes clot_days, the projections are rebuilt with the engine's
# version 2, and undo cannot cross the migration.  A kill during the
# migration leaves a journal that opens as version 1 or the current one.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

FIXTURE=$DATA_DIR/v1-journal.db
KILLRUN=$(dirname "$RESTWATCH")/tests/tools/killrun

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

run_tests
