#!/usr/bin/env bash
# The command line end to end: every command on a temporary journal, read
# back with show --json and with the sqlite3 shell.
. "$(dirname "$0")/lib.sh"

t_help_and_version() {
	rw --help
	expect_rc 0
	for c in log show status report import delete undo config backup check; do
		expect_match "$OUT" "^  $c " "--help lists $c"
	done
	expect_match "$OUT" "not medical advice" "--help carries the notice"
	rw --version
	expect_rc 0
	expect_match "$OUT" '^restwatch [0-9]+\.[0-9]+\.[0-9]+$'
	rw log --help
	expect_rc 0
	expect_match "$OUT" '--clear-activities'
	[ ! -e "$DB" ] || fail "--help created the journal"
}

t_usage_errors_exit_64() {
	rw frobnicate
	expect_rc 64
	expect_one_error_line
	expect_match "$ERR" "'frobnicate' is not a command"
	rw log --bogus
	expect_rc 64
	expect_one_error_line
	expect_match "$ERR" "unknown option '--bogus'"
	rw log --rest
	expect_rc 64
	expect_match "$ERR" "--rest needs a value"
	rw delete
	expect_rc 64
	expect_match "$ERR" "--date DATE is required"
	rw --frob
	expect_rc 64
	rw config no_such_key
	expect_rc 64
	expect_one_error_line
}

t_log_and_read_back() {
	rw log --date 2026-03-02 --rest 16 --activity walking:20 --activity water-therapy:30 \
		--pain 6 --symptom sciatica --symptom fever --weight 72.5 --note 'comma, "quote"'
	expect_rc 0
	# The red flag leads the line, before the level.
	expect_match "$OUT" '^URGENT: fever \(a high temperature, chills or feeling very unwell\): see a doctor today \| 2026-03-02 resting \| rest clock 9 h of 48 h'
	expect_no_match "$OUT" 'walk'

	rw show --json
	expect_rc 0
	expect_eq "$(json 'd["days"][0]["date"]')" "2026-03-02"
	expect_eq "$(json 'd["days"][0]["rest_hours"]')" "16"
	expect_eq "$(json 'd["days"][0]["activity_minutes"]')" "50"
	expect_eq "$(json 'd["days"][0]["activities"]')" '[{"kind": "walking", "minutes": 20}, {"kind": "water-therapy", "minutes": 30}]'
	expect_eq "$(json 'd["days"][0]["pain"]')" "6"
	expect_eq "$(json 'd["days"][0]["symptoms"]')" '["sciatica", "fever"]'
	expect_eq "$(json 'd["days"][0]["weight_kg"]')" "72.5"
	expect_eq "$(json 'd["days"][0]["note"]')" 'comma, "quote"'
	expect_eq "$(json 'd["days"][0]["red_flag"]')" "true"
	expect_eq "$(sql "SELECT rest_hours, activities, pain, symptoms, weight_kg, note FROM days")" \
		'16.0|walking:20;water-therapy:30|6|sciatica;fever|72.5|comma, "quote"'
	expect_eq "$(sql 'PRAGMA journal_mode')" wal
	expect_eq "$(sql 'PRAGMA integrity_check')" ok
}

# INTERFACE: numbers a person types take a decimal comma; files do not.
t_log_takes_a_decimal_comma() {
	rw log --date 2026-03-02 --rest 12,5 --weight 80,5
	expect_rc 0
	expect_eq "$(sql "SELECT printf('%g|%g', rest_hours, weight_kg) FROM days")" '12.5|80.5'
	rw log --date 2026-03-02 --rest 1,2,5
	expect_rc 65
	expect_match "$ERR" "--rest: '1,2,5' is not a number of hours"
	printf 'date,rest_hours,activities,pain,symptoms,weight_kg,note\r\n2026-03-03,"7,5",,,,,\r\n' >"$TMP/comma.csv"
	rw import "$TMP/comma.csv"
	expect_rc 65
}

t_log_updates_and_lists_add() {
	rw log --date 2026-03-02 --rest 10 --activity walking:20 --symptom stiffness
	rw log --date 2026-03-02 --pain 4 --activity cycling:15 --symptom stiffness
	expect_rc 0
	expect_eq "$(sql "SELECT rest_hours, activities, pain, symptoms FROM days")" \
		'10.0|walking:20;cycling:15|4|stiffness'
	rw log --date 2026-03-02 --clear-activities --clear-symptoms --activity physio:45
	expect_eq "$(sql "SELECT activities, symptoms FROM days")" 'physio:45|'
	rw log --date 2026-03-02 --rest 8
	expect_eq "$(sql "SELECT rest_hours, pain FROM days")" '8.0|4'
}

t_dates_relative() {
	rw log --rest 9
	rw log --date yesterday --rest 9
	rw log --date -5 --rest 9
	expect_eq "$(sql "SELECT group_concat(date, ' ') FROM (SELECT date FROM days ORDER BY date)")" \
		"2026-03-05 2026-03-09 2026-03-10"
	expect_eq "$(sql "SELECT count(*) FROM projections")" 6
	rw show --json
	expect_eq "$(json '[x["logged"] for x in d["days"]]')" '[true, false, false, false, true, true]'
}

# Every rejected value: exit 65, one line naming the field, nothing changed.
t_bad_values_change_nothing() {
	rw log --date 2026-03-02 --rest 8
	local before after args
	before=$(sqlite3 "$DB" .dump)
	while IFS='|' read -r field args; do
		# shellcheck disable=SC2086
		eval "rw log --date 2026-03-02 $args"
		expect_rc 65 "$args"
		expect_one_error_line
		expect_match "$ERR" "^restwatch: $field" "$args"
	done <<'LIST'
--rest|--rest 25
--rest|--rest nan
--rest|--rest inf
--rest|--rest 8x
--rest|--rest -1
--rest|--rest 1e400
--activity|--activity walking:0
--activity|--activity running:20
--activity|--activity walking:1441
--pain|--pain 11
--pain|--pain 5.5
--symptom|--symptom 'Leg Pain'
--weight|--weight 401
--weight|--weight 72.55
--date|--date 2026-02-30
--date|--date 2026-13-01
--date|--date tomorrow
--note|--note "$(printf 'bell\a')"
--note|--note "$(printf 'bad \377 utf8')"
rest and activity|--rest 23 --activity walking:61
activities|--activity walking:1000 --activity cycling:441
LIST
	after=$(sqlite3 "$DB" .dump)
	expect_eq "$after" "$before" "journal after rejected values"
}

t_delete_and_undo() {
	rw log --date 2026-03-02 --rest 24
	rw log --date 2026-03-03 --rest 24
	rw delete --date 2026-03-02
	expect_rc 0
	expect_eq "$OUT" "deleted 2026-03-02"
	expect_eq "$(sql 'SELECT count(*) FROM days')" 1
	rw delete --date 2026-03-02
	expect_rc 65
	expect_match "$ERR" "2026-03-02 has no entry"
	rw undo
	expect_rc 0
	expect_eq "$OUT" "undone: delete 2026-03-02"
	expect_eq "$(sql 'SELECT count(*) FROM days')" 2
	rw undo
	expect_eq "$OUT" "undone: rest 24 h on 2026-03-03"
	rw undo
	rw undo
	expect_rc 65
	expect_match "$ERR" "nothing to undo"
	expect_eq "$(sql 'SELECT count(*) FROM days')" 0
	expect_eq "$(sql 'SELECT count(*) FROM projections')" 0
}

t_config() {
	rw config
	expect_rc 0
	expect_match "$OUT" '^sleep_hours +8 h'
	expect_match "$OUT" 'Deyo 1986'
	rw config clot_days
	expect_eq "$OUT" 3
	rw config clot_hours
	expect_rc 64
	rw log --date 2026-03-02 --rest 24
	rw log --date 2026-03-03 --rest 24
	rw config threshold_hours 24
	expect_rc 0
	rw show --json
	expect_eq "$(json 'd["days"][1]["level"]')" deconditioning
	expect_eq "$(json 'd["params"]["threshold_hours"]')" 24
	rw config threshold_hours 300
	expect_rc 65
	expect_one_error_line
	rw config sleep_hours abc
	expect_rc 65
	rw config --reset
	expect_rc 0
	rw config threshold_hours
	expect_eq "$OUT" 48
	rw undo
	expect_eq "$OUT" "undone: config --reset"
	rw config threshold_hours
	expect_eq "$OUT" 24
	rw check
	expect_rc 0
}

t_status() {
	rw status
	expect_rc 0
	expect_eq "$OUT" "no days logged yet"
	for d in 02 03 04 05 06; do rw log --date 2026-03-$d --rest 24; done
	rw status
	expect_rc 0
	expect_match "$OUT" '^2026-03-06 clot-risk \| rest clock 120 h of 48 h \| muscle 3.0-4.4% cardio 0.9-4.4% bone 0.1-0.4% \| .*walk.* \(last logged 4 days ago\)$'
	rw status --json
	expect_rc 0
	expect_eq "$(json 'd["days_since"]')" 4
	expect_eq "$(json 'd["last"]["muscle_loss_low"]')" 2.9701
	expect_eq "$(json '[f["days_ahead"] for f in d["forecast"]]')" '[1, 3, 7]'
	expect_eq "$(json 'd["forecast"][0]["muscle_loss_high"]')" 5.8663
	expect_eq "$(json 'd["forecast"][0]["date"]')" 2026-03-07
	# Within gap_hold_days the clock is held, and status says so.
	RESTWATCH_TODAY=2026-03-08 rw status
	expect_match "$OUT" '\(2 days not logged: clock held at 120 h\)$'
	RESTWATCH_TODAY=2026-03-07 rw status
	expect_match "$OUT" '\(1 day not logged: clock held at 120 h\)$'
}

t_backup_and_check() {
	for d in 02 03 04; do rw log --date 2026-03-$d --rest 20 --note "day $d"; done
	rw backup "$TMP/copy.db"
	expect_rc 0
	expect_eq "$(stat -c %a "$TMP/copy.db")" 600
	expect_eq "$(sqlite3 "$TMP/copy.db" 'SELECT group_concat(note) FROM days')" "day 02,day 03,day 04"
	"$RESTWATCH" --db "$TMP/copy.db" check >/dev/null
	expect_eq "$?" 0 "check of the backup"
	rw check
	expect_rc 0
	expect_match "$OUT" ': ok$'
	# A projection changed behind restwatch's back is found.
	sqlite3 "$DB" "UPDATE projections SET muscle_loss_high = 9 WHERE date = '2026-03-03'"
	rw check
	expect_rc 74
	expect_match "$OUT" 'projection of 2026-03-03'
	rw backup "$TMP/nodir/copy.db"
	expect_rc 73
	expect_one_error_line
}

t_private_files() {
	export XDG_DATA_HOME="$TMP/xdg"
	"$RESTWATCH" log --rest 8 >/dev/null
	expect_eq "$(stat -c %a "$TMP/xdg/restwatch")" 700
	expect_eq "$(stat -c %a "$TMP/xdg/restwatch/journal.db")" 600
	RESTWATCH_DB="$TMP/env.db" "$RESTWATCH" log --rest 8 >/dev/null
	expect_eq "$(stat -c %a "$TMP/env.db")" 600
}

# Foreign, empty, newer and missing journals: refused, exit code, bytes kept.
t_refused_journals() {
	local sum
	printf 'not a journal\n' >"$TMP/text.db"
	sum=$(file_sum "$TMP/text.db")
	OUT=$("$RESTWATCH" --db "$TMP/text.db" log --rest 8 2>"$TMP/e"); RC=$?; ERR=$(cat "$TMP/e")
	expect_rc 74
	expect_one_error_line
	expect_eq "$(file_sum "$TMP/text.db")" "$sum"

	# an empty file (mktemp's) is a journal not used yet: made one, 0600
	: >"$TMP/empty.db"
	chmod 644 "$TMP/empty.db"
	OUT=$("$RESTWATCH" --db "$TMP/empty.db" log --rest 8 2>"$TMP/e"); RC=$?; ERR=$(cat "$TMP/e")
	expect_rc 0
	expect_eq "$(sqlite3 "$TMP/empty.db" 'SELECT count(*) FROM days')" 1
	expect_eq "$(stat -c %a "$TMP/empty.db")" 600
	# but not through a symbolic link, nor one whose pages may be in a -wal
	: >"$TMP/empty2.db"
	ln -s "$TMP/empty2.db" "$TMP/link.db"
	OUT=$("$RESTWATCH" --db "$TMP/link.db" show 2>"$TMP/e"); RC=$?; ERR=$(cat "$TMP/e")
	expect_rc 74
	expect_match "$ERR" "empty file"
	expect_eq "$(stat -c %s "$TMP/empty2.db")" 0
	printf 'x' >"$TMP/empty2.db-wal"
	OUT=$("$RESTWATCH" --db "$TMP/empty2.db" show 2>"$TMP/e"); RC=$?; ERR=$(cat "$TMP/e")
	expect_rc 74
	expect_eq "$(stat -c %s "$TMP/empty2.db")" 0

	sqlite3 "$TMP/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1)"
	sum=$(file_sum "$TMP/other.db")
	OUT=$("$RESTWATCH" --db "$TMP/other.db" log --rest 8 2>"$TMP/e"); RC=$?; ERR=$(cat "$TMP/e")
	expect_rc 74
	expect_match "$ERR" "not a restwatch journal"
	expect_eq "$(file_sum "$TMP/other.db")" "$sum"

	rw log --rest 8
	sqlite3 "$DB" "PRAGMA user_version = 42"
	sum=$(file_sum "$DB")
	rw log --rest 9
	expect_rc 74
	expect_match "$ERR" "newer restwatch"
	expect_eq "$(file_sum "$DB")" "$sum"

	OUT=$("$RESTWATCH" --db "$TMP" status 2>"$TMP/e"); RC=$?; ERR=$(cat "$TMP/e")
	expect_rc 74
	expect_match "$ERR" "is a directory"

	OUT=$("$RESTWATCH" --db "$TMP/missing/dir/j.db" log 2>"$TMP/e"); RC=$?; ERR=$(cat "$TMP/e")
	expect_rc 73
	expect_one_error_line
	[ ! -e "$TMP/missing" ] || fail "a missing directory was created"
}

t_show_table_and_range() {
	for d in 02 03 05; do rw log --date 2026-03-$d --rest 12 --pain 3; done
	rw show
	expect_rc 0
	expect_match "$OUT" '^DATE +DAY'
	expect_match "$OUT" '2026-03-04 Wed \(not logged\)'
	rw show --from 2026-03-03 --to 2026-03-04 --json
	expect_eq "$(json '[x["date"] for x in d["days"]]')" '["2026-03-03", "2026-03-04"]'
	rw show --from 2026-03-05 --to 2026-03-01
	expect_rc 65
}

# Past 48 hours the advice is to move; with severe pain, also to talk with a
# doctor about how.  A red flag outranks everything.
t_advice_follows_pain_and_red_flags() {
	rw log --date 2026-03-01 --rest 24
	rw log --date 2026-03-02 --rest 24
	rw log --date 2026-03-03 --rest 16 --pain 5
	expect_match "$OUT" '\| get up and walk a little every few hours today, or try water therapy$'
	rw log --date 2026-03-03 --pain 8
	expect_match "$OUT" 'water therapy; with pain this severe, talk with a doctor or physiotherapist about pain relief and staying active$'
	rw log --date 2026-03-03 --symptom saddle-numbness
	expect_match "$OUT" '^EMERGENCY: saddle-numbness \(numbness or tingling around the genitals, back passage or inner thighs\) needs care within hours: go to an emergency department now or call the local emergency number \(999 in the UK, 112 in the EU, 911 in the US\) \| 2026-03-03 deconditioning'
	expect_no_match "$OUT" 'walk'
	rw status
	expect_match "$OUT" '^EMERGENCY: saddle-numbness'
	# Severe pain past 24 h of rest, not only past 48 h.
	rw log --date 2026-03-04 --rest 24 --pain 7
	expect_match "$OUT" 'pain this severe'
	rw log --date 2026-03-04 --rest 8 --pain 7
	expect_no_match "$OUT" 'pain this severe'

}

run_tests
