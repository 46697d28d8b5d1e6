#!/usr/bin/env bash
# Timed rest and medications: down/up split at local midnight in several
# time zones (daylight-saving change days included), the refusals, undo,
# the nudge and its waking hours, status, log --med, and the CSV and JSON
# columns with their round trip through import.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
unset RESTWATCH_TODAY # today follows RESTWATCH_NOW here

# at TIME COMMAND...: run restwatch with "now" at the local TIME.
at() {
	local t=$1
	shift
	RESTWATCH_NOW=$t rw "$@"
}

tracked() { # tracked: "date hours" of every day, ascending
	sql "SELECT date || ' ' || tracked_hours FROM days ORDER BY date" | tr '\n' ' ' | sed 's/ $//'
}

t_down_up_adds_tracked_hours() {
	export TZ=Europe/Berlin
	at 2026-03-10T09:00 down
	expect_rc 0
	expect_eq "$OUT" "down since 2026-03-10 09:00; restwatch up when you get up"
	at 2026-03-10T10:30 up
	expect_rc 0
	expect_match "$OUT" '^2026-03-10 none \| rest clock 0 h'
	expect_eq "$(tracked)" "2026-03-10 1.5"
	expect_eq "$(sql 'SELECT down_at, up_at FROM stretches')" "1773129600|1773135000"
	# A day without typed rest counts sleep_hours + tracked hours: 8 + 12 h,
	# b = 12/16, so the clock runs 18 h.
	at 2026-03-11T20:00 down --at 08:00
	at 2026-03-11T20:00 up
	expect_match "$OUT" '^2026-03-11 resting \| rest clock 18 h of 48 h'
	# Typed rest hours win over tracked ones.
	at 2026-03-11T20:05 log --rest 9
	expect_match "$OUT" '^2026-03-11 none \| rest clock 0 h'
	rw check
	expect_rc 0
}

t_split_at_local_midnight() {
	export TZ=Europe/London
	at 2026-03-11T07:30 down --at 2026-03-10T22:00
	at 2026-03-11T07:30 up
	expect_eq "$(tracked)" "2026-03-10 2.0 2026-03-11 7.5"
}

# Europe/London springs forward at 01:00 on 2026-03-29 and falls back at
# 02:00 on 2026-10-25: the night's real hours, not the wall clock's.
t_daylight_saving_days_london() {
	export TZ=Europe/London
	at 2026-03-29T08:00 down --at 2026-03-28T22:00
	at 2026-03-29T08:00 up
	expect_eq "$(tracked)" "2026-03-28 2.0 2026-03-29 7.0"
	at 2026-10-25T08:00 down --at 2026-10-24T22:00
	at 2026-10-25T08:00 up
	expect_eq "$(tracked)" "2026-03-28 2.0 2026-03-29 7.0 2026-10-24 2.0 2026-10-25 9.0"
}

# St John's is UTC-3:30 in summer: the split is at its own midnight.
t_half_hour_zone_st_johns() {
	export TZ=America/St_Johns
	at 2026-03-08T09:00 down --at 2026-03-07T23:30
	at 2026-03-08T09:00 up
	# 2026-03-08 02:00 springs forward to 03:00: 8.5 wall hours are 7.5 real
	expect_eq "$(tracked)" "2026-03-07 0.5 2026-03-08 8.0"
	expect_eq "$(sql 'SELECT up_at - down_at FROM stretches')" 30600
}

# Kiritimati (UTC+14) skipped 1994-12-31 altogether: the day is simply not
# there, and a stretch across it splits at the midnights that were.
t_skipped_day_kiritimati() {
	export TZ=Pacific/Kiritimati
	RESTWATCH_TODAY=2026-03-10 rw config sleep_hours 8 >/dev/null
	at 2026-03-10T12:00 down --at 2026-03-10T01:00
	at 2026-03-10T12:00 up
	expect_eq "$(tracked)" "2026-03-10 11.0"
	expect_eq "$(sql 'SELECT up_at - down_at FROM stretches')" 39600
	at 1995-01-01T02:00 down --at 1994-12-30T23:00
	at 1995-01-01T02:00 up
	expect_eq "$(sql "SELECT date || ' ' || tracked_hours FROM days WHERE date < '2000'" | tr '\n' ' ')" \
		"1994-12-30 1.0 1995-01-01 2.0 "
}

t_refusals_change_nothing() {
	export TZ=UTC
	at 2026-03-10T09:00 up
	expect_rc 65 "up while up"
	expect_match "$ERR" 'not lying down'
	at 2026-03-10T09:00 down --at 08:00
	at 2026-03-10T09:00 down
	expect_rc 65 "down while down"
	expect_match "$ERR" 'already lying down since 2026-03-10 08:00'
	at 2026-03-10T09:00 up --at 07:59
	expect_rc 65 "up before down"
	at 2026-03-10T09:00 up --at 10:00
	expect_rc 65 "up in the future"
	at 2026-03-11T09:00 up
	expect_rc 65 "a stretch over 24 h"
	expect_match "$ERR" 'at most 24 h and this one began 2026-03-10 08:00: give the time you got up \(restwatch up --at TIME\)'
	at 2026-03-10T09:00 down --at nonsense
	expect_rc 65
	expect_match "$ERR" "^restwatch: --at: 'nonsense' is not a time"
	expect_eq "$(sql 'SELECT count(*) FROM days')" 0
	at 2026-03-10T09:00 up
	expect_rc 0
	# A stretch may not start inside another, nor end across one.
	at 2026-03-10T12:00 down --at 08:30
	expect_rc 65 "down inside a recorded stretch"
	at 2026-03-10T12:00 down --at 07:00
	expect_rc 0
	at 2026-03-10T12:00 up
	expect_rc 65 "a stretch overlapping another"
	expect_match "$ERR" 'overlap'
	expect_eq "$(tracked)" "2026-03-10 1.0"
}

t_undo_reverts_down_and_up() {
	export TZ=UTC
	at 2026-03-10T09:00 down --at 08:00
	at 2026-03-10T09:00 up
	at 2026-03-10T09:05 undo
	expect_eq "$OUT" "undone: up 2026-03-10 09:00"
	expect_eq "$(sql 'SELECT count(*) FROM days')" 0 "the day up created is gone"
	expect_eq "$(sql 'SELECT down_at, up_at IS NULL FROM stretches')" "1773129600|1"
	at 2026-03-10T09:05 undo
	expect_eq "$OUT" "undone: down 2026-03-10 08:00"
	expect_eq "$(sql 'SELECT count(*) FROM stretches')" 0
	# up on a day that had an entry keeps the entry's fields on undo
	at 2026-03-10T09:05 log --pain 4 --note kept
	at 2026-03-10T10:00 down --at 09:10
	at 2026-03-10T10:00 up
	expect_eq "$(sql 'SELECT pain, note, round(tracked_hours, 4) FROM days')" "4|kept|0.8333"
	at 2026-03-10T10:00 undo
	expect_eq "$(sql 'SELECT pain, note, tracked_hours FROM days')" "4|kept|0.0"
	rw check
	expect_rc 0
}

t_nudge_and_status() {
	export TZ=UTC
	at 2026-03-10T09:00 nudge
	expect_rc 1 "nudge while up"
	expect_eq "$OUT" ""
	expect_eq "$ERR" ""
	at 2026-03-10T09:00 down
	at 2026-03-10T09:40 nudge
	expect_rc 1 "nudge before nudge_minutes"
	at 2026-03-10T09:40 status
	expect_match "$OUT" '^no days logged yet \| down 40 min$'
	at 2026-03-10T10:20 nudge
	expect_rc 0
	expect_eq "$OUT" "down 1 h 20 min: time to get up and walk a little"
	at 2026-03-10T10:20 status --json
	expect_eq "$(json 'd["down_since"]')" "2026-03-10T09:00:00Z"
	expect_eq "$(json 'd["nudge"]')" "down 1 h 20 min: time to get up and walk a little"
	# no nudge outside the waking hours
	rw config nudge_to 10
	at 2026-03-10T10:20 nudge
	expect_rc 1 "after nudge_to"
	rw config nudge_to 22
	rw config nudge_minutes 90
	at 2026-03-10T10:20 nudge
	expect_rc 1 "under nudge_minutes 90"
	at 2026-03-10T10:30 up
	at 2026-03-10T10:30 status --json
	expect_eq "$(json 'd["down_since"]')" null
	expect_eq "$(json 'd["nudge"]')" null
}

# After a red flag the nudge says what comes first, never to go walking.
t_nudge_after_a_red_flag() {
	export TZ=UTC
	RESTWATCH_TODAY=2026-03-10 rw log --rest 20 --symptom saddle-numbness
	at 2026-03-10T09:00 down --at 07:00
	at 2026-03-10T09:00 nudge
	expect_rc 0
	expect_eq "$OUT" "down 2 h: the red flag comes first: emergency department now (999 in the UK, 112 in the EU, 911 in the US)"
	at 2026-03-10T09:00 status
	expect_match "$OUT" '^EMERGENCY: saddle-numbness'
	expect_no_match "$OUT" 'walk'
	RESTWATCH_TODAY=2026-03-10 rw log --clear-symptoms --symptom fever
	at 2026-03-10T09:00 nudge
	expect_eq "$OUT" "down 2 h: the red flag comes first: see a doctor today"
}

t_medications() {
	export TZ=UTC
	RESTWATCH_TODAY=2026-03-10
	export RESTWATCH_TODAY
	rw log --med ibuprofen:400mg --med co-codamol --med 'paracetamol:2x500 mg'
	expect_rc 0
	expect_eq "$(sql 'SELECT medications FROM days')" "ibuprofen:400mg;co-codamol;paracetamol:2x500 mg"
	rw log --med ibuprofen:400mg
	expect_eq "$(sql 'SELECT medications FROM days')" \
		"ibuprofen:400mg;co-codamol;paracetamol:2x500 mg;ibuprofen:400mg" "a second dose adds"
	rw log --clear-meds --med naproxen
	expect_eq "$(sql 'SELECT medications FROM days')" "naproxen"
	for bad in Ibuprofen 'x:' ':400' 'a;b' 'ibu:400;mg' "$(printf 'n:%040d' 1)"; do
		rw log --med "$bad"
		expect_rc 65 "--med $bad"
		expect_one_error_line
	done
	expect_eq "$(sql 'SELECT medications FROM days')" "naproxen"
	rw show --json
	expect_eq "$(json 'd["days"][0]["medications"]')" '[{"name": "naproxen", "dose": null}]'
	rw log --med ibuprofen:400mg
	rw report --format json
	expect_eq "$(json 'd["days"][0]["medications"][1]')" '{"name": "ibuprofen", "dose": "400mg"}'
	# every report: the day's list and the totals per name
	rw log --date 2026-03-08 --med ibuprofen:400mg --med ibuprofen:200mg
	rw report --format json
	expect_eq "$(json 'd["summary"]["medications"]')" \
		'[{"name": "ibuprofen", "doses": 3, "days": 2}, {"name": "naproxen", "doses": 1, "days": 1}]'
	rw report
	expect_match "$OUT" 'Medications +ibuprofen 3 doses on 2 days, naproxen 1 dose on 1 day'
	expect_match "$OUT" 'medications: ibuprofen 400mg, ibuprofen 200mg'
	rw report --format markdown
	expect_match "$OUT" '\| ibuprofen 400mg, ibuprofen 200mg \|'
	rw report --format html
	expect_match "$OUT" '<th scope="col">Medications</th>'
	expect_match "$OUT" '<td>naproxen, ibuprofen 400mg</td>'
}

t_csv_columns_and_round_trip() {
	export TZ=UTC
	at 2026-03-10T09:00 down --at 07:00
	at 2026-03-10T09:00 up
	RESTWATCH_TODAY=2026-03-10 rw log --med ibuprofen:400mg --note 'a, "b"'
	RESTWATCH_TODAY=2026-03-10 rw report --format csv
	python3 - "$OUT" <<'EOF' || fail "csv columns"
import csv, io, sys
rows = list(csv.DictReader(io.StringIO(sys.argv[1])))
assert list(rows[0].keys())[:10] == ['date', 'rest_hours', 'activities', 'pain', 'symptoms',
    'weight_kg', 'note', 'medications', 'tracked_hours', 'activity_minutes'], rows[0].keys()
assert rows[0]['medications'] == 'ibuprofen:400mg', rows[0]
assert rows[0]['tracked_hours'] == '2', rows[0]
EOF
	"$RESTWATCH" --db "$DB" report --format csv >"$TMP/a.csv"
	"$RESTWATCH" --db "$TMP/b.db" import "$TMP/a.csv" >/dev/null || fail "import"
	"$RESTWATCH" --db "$TMP/b.db" report --format csv >"$TMP/b.csv"
	cmp -s "$TMP/a.csv" "$TMP/b.csv" || fail "round trip: $(diff "$TMP/a.csv" "$TMP/b.csv")"
	# 2 h 50 min is 2.8333… h, which has no short decimal form: the export
	# still imports and exports the same bytes.
	at 2026-03-11T12:00 down --at 09:10
	at 2026-03-11T12:00 up
	RESTWATCH_TODAY=2026-03-11 rw report --format csv
	expect_match "$OUT" '2026-03-11,,,,,,,,2\.83333333333333,'
	RESTWATCH_TODAY=2026-03-11 "$RESTWATCH" --db "$DB" report --format csv >"$TMP/c1.csv"
	"$RESTWATCH" --db "$TMP/d.db" import "$TMP/c1.csv" >/dev/null || fail "import of 2.8333 h"
	RESTWATCH_TODAY=2026-03-11 "$RESTWATCH" --db "$TMP/d.db" report --format csv >"$TMP/c2.csv"
	cmp -s "$TMP/c1.csv" "$TMP/c2.csv" || fail "round trip of 2.8333 h: $(diff "$TMP/c1.csv" "$TMP/c2.csv")"
	# a bad medication in a file names the line and the column
	printf 'date,rest_hours,activities,pain,symptoms,weight_kg,note,medications\r\n2026-03-01,,,,,,,Bad\r\n' >"$TMP/bad.csv"
	rw --db "$TMP/c.db" import "$TMP/bad.csv"
	expect_rc 65
	expect_match "$ERR" 'line 2: medications'
}

# A kill -9 during up leaves the open stretch or the closed one with its
# days updated, never half: the kill lands inside the write transaction.
t_kill_during_up() {
	export TZ=UTC
	local killrun i out open n tracked closed=0 left=0
	killrun=$(dirname "$RESTWATCH")/tests/tools/killrun
	[ -x "$killrun" ] || { fail "$killrun is missing"; return; }
	for ((i = 0; i < 30; i++)); do
		rm -f "$DB" "$DB-wal" "$DB-shm"
		RESTWATCH_NOW=2026-03-10T23:00 "$RESTWATCH" --db "$DB" down --at 2026-03-09T20:00 >/dev/null
		out=$(RESTWATCH_NOW=2026-03-10T06:00 "$killrun" -l "$DB-shm" $((RANDOM % 3000)) \
			"$RESTWATCH" --db "$DB" up)
		open=$(sql 'SELECT count(*) FROM stretches WHERE up_at IS NULL')
		n=$(sql 'SELECT count(*) FROM days')
		tracked=$(sql "SELECT group_concat(date || '=' || tracked_hours) FROM days")
		if [ "$open" = 1 ]; then
			left=$((left + 1))
			expect_eq "$n" 0 "run $i ($out): the open stretch and no day"
		else
			closed=$((closed + 1))
			expect_eq "$tracked" "2026-03-09=4.0,2026-03-10=6.0" "run $i ($out): both days"
		fi
		rw check
		expect_rc 0 "run $i ($out): check"
	done
	echo "# $left left down, $closed closed"
}

run_tests
