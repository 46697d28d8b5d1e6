#!/usr/bin/env bash
# `restwatch import`: CSV in the export layout into the journal, all rows or
# none.  Every rejection exits 65 with one stderr line naming the line and
# the field, and leaves the journal byte for byte as it was (compared with
# a dump of every table by the sqlite3 shell).
. "$(dirname "$0")/lib.sh"

HEADER='date,rest_hours,activities,pain,symptoms,weight_kg,note'

# A journal with something in it, so that "unchanged" means something.
seed() {
	rw log --date 2026-03-01 --rest 20 --pain 6 --note "seed"
	[ "$RC" = 0 ] || fail "seed: $ERR"
	rw log --date 2026-03-02 --rest 18 --activity walking:15
	[ "$RC" = 0 ] || fail "seed: $ERR"
}

dump() {
	sqlite3 "$DB" .dump
}

# reject FILE LINE FIELD-PATTERN: import FILE fails with 65 and one line
# "restwatch: FILE: line LINE: FIELD...", and the journal is unchanged.
reject() {
	local before
	seed
	before=$(dump)
	rw import "$1"
	expect_rc 65 "import $1"
	expect_one_error_line
	expect_match "$ERR" "^restwatch: $1: line $2: $3" "error line"
	[ "$(dump)" = "$before" ] || fail "the journal changed"
}

t_imports_days_and_says_so() {
	printf '%s\r\n%s\r\n%s\r\n' "$HEADER" \
		'2026-03-01,16,walking:20;physio:10,5,sciatica;stiffness,82.5,"first, day"' \
		'2026-03-03,,,,,,' >days.csv
	rw import days.csv
	expect_rc 0
	expect_eq "$OUT" "imported 2 days (2026-03-01 to 2026-03-03)"
	rw show --json
	expect_eq "$(json '[len(d["days"]), d["days"][0]["rest_hours"], d["days"][0]["activities"], d["days"][0]["pain"], d["days"][0]["symptoms"], d["days"][0]["weight_kg"], d["days"][0]["note"]]')" \
		'[3, 16, [{"kind": "walking", "minutes": 20}, {"kind": "physio", "minutes": 10}], 5, ["sciatica", "stiffness"], 82.5, "first, day"]'
	expect_eq "$(json '[d["days"][2]["logged"], d["days"][2]["rest_hours"], d["days"][2]["note"]]')" \
		'[true, null, null]' "an empty row is a logged day"
	rw check
	expect_rc 0 "check"
}

t_one_day_and_header_only() {
	printf '%s\n2026-03-01,8,,,,,\n' "$HEADER" >one.csv
	rw import one.csv
	expect_eq "$OUT" "imported 1 day (2026-03-01)"
	printf '%s\r\n' "$HEADER" >empty-rows.csv
	rw import empty-rows.csv
	expect_rc 0 "a header without rows"
	expect_eq "$OUT" "imported 0 days: empty-rows.csv has a header and no rows"
	rw undo
	expect_eq "$OUT" "undone: import 1 day (2026-03-01)" "the empty import is no change"
}

t_columns_by_name_in_any_order_extra_ignored() {
	printf 'note,level,pain,date,weight_kg,symptoms,activities,rest_clock_hours,rest_hours\n' >o.csv
	printf '"n, 1",clot-risk,3,2026-03-05,70.1,spasm,cycling:30,999,12.25\n' >>o.csv
	rw import o.csv
	expect_rc 0
	rw show --json
	expect_eq "$(json '[d["days"][0][k] for k in ("date", "rest_hours", "pain", "weight_kg", "note", "symptoms")]')" \
		'["2026-03-05", 12.25, 3, 70.1, "n, 1", ["spasm"]]'
	expect_eq "$(json 'd["days"][0]["rest_clock_hours"]')" 0.0 "derived columns are recomputed, not read"
}

t_replaces_existing_days_and_undo_reverts_all() {
	seed
	local before
	before=$(dump)
	printf '%s\n%s\n%s\n' "$HEADER" '2026-03-02,10,,2,,,replaced' '2026-03-04,9,walking:30,,,,' >r.csv
	rw import r.csv
	expect_rc 0
	rw show --json
	expect_eq "$(json '[d["days"][1]["rest_hours"], d["days"][1]["activities"], d["days"][1]["note"], len(d["days"])]')" \
		'[10, [], "replaced", 4]' "the replaced day"
	expect_eq "$(json 'd["days"][0]["note"]')" seed "a day not in the file"
	rw undo
	expect_rc 0
	expect_match "$OUT" 'import 2 days' "undo names the import"
	[ "$(dump | grep -v '^INSERT INTO changes\|^INSERT INTO change_days')" = \
		"$(printf '%s\n' "$before" | grep -v '^INSERT INTO changes\|^INSERT INTO change_days')" ] ||
		fail "undo did not restore every day"
	expect_eq "$(sql 'SELECT count(*) FROM days')" 2 "days after undo"
}

t_stdin() {
	printf '%s\n2026-03-01,8,,,,,\n' "$HEADER" | "$RESTWATCH" --db "$DB" import - >"$TMP/o" 2>"$TMP/e"
	expect_eq "$?" 0 "import -"
	expect_eq "$(cat "$TMP/o")" "imported 1 day (2026-03-01)"
	printf '%s\n2026-03-01,99,,,,,\n' "$HEADER" | "$RESTWATCH" --db "$DB" import - 2>"$TMP/e"
	expect_eq "$?" 65
	expect_eq "$(cat "$TMP/e")" "restwatch: standard input: line 2: rest_hours: 99 is more than 24 hours"
}

t_byte_order_mark_and_line_ends() {
	printf '\xef\xbb\xbf%s\r\n2026-03-01,8,,,,,\r\n2026-03-02,9,,,,,' "$HEADER" >bom.csv
	rw import bom.csv
	expect_rc 0 "UTF-8 BOM, CRLF, no final line end"
	expect_eq "$OUT" "imported 2 days (2026-03-01 to 2026-03-02)"
	printf '%s\n2026-03-03,8,,,,,\n\n2026-03-04,7,,,,,"a\r\nb"\n\n' "$HEADER" >lf.csv
	rw import lf.csv
	expect_rc 0 "LF and blank lines"
	expect_eq "$(sql "SELECT note FROM days WHERE date = '2026-03-04'")" $'a\nb' "CRLF in a note becomes LF"
}

t_reject_bad_rest_hours() {
	printf '%s\n%s\n%s\n%s\n' "$HEADER" '2026-03-05,8,,,,,' '2026-03-06,9,,,,,' \
		'2026-03-07,25,,,,,' >days.csv
	reject days.csv 4 'rest_hours: 25 is more than 24 hours'
	expect_eq "$ERR" "restwatch: days.csv: line 4: rest_hours: 25 is more than 24 hours" "the exact line"
}

t_reject_bad_number() {
	printf '%s\n%s\n' "$HEADER" '2026-03-05,eight,,,,,' >n.csv
	reject n.csv 2 "rest_hours: 'eight' is not"
	printf '%s\n%s\n' "$HEADER" '2026-03-05,8,,11,,,' >p.csv
	reject p.csv 2 'pain: 11 is more than 10'
	printf '%s\n%s\n' "$HEADER" '2026-03-05,8,,,,72.55,' >w.csv
	reject w.csv 2 'weight_kg: 72.55 has more than one decimal'
	printf '%s\n%s\n' "$HEADER" '2026-03-05,8,,,,nan,' >w2.csv
	reject w2.csv 2 "weight_kg: 'nan' is not"
	printf '%s\n%s\n' "$HEADER" '2026-03-05,1e1,,,,,' >e.csv
	reject e.csv 2 "rest_hours: '1e1' is not"
}

t_reject_bad_date() {
	printf '%s\n%s\n%s\n' "$HEADER" '2026-03-05,8,,,,,' '2026-02-30,8,,,,,' >d.csv
	reject d.csv 3 "date: '2026-02-30' is not a calendar date"
	printf '%s\n%s\n' "$HEADER" '05/03/2026,8,,,,,' >d2.csv
	reject d2.csv 2 "date: '05/03/2026' is not a calendar date"
	printf '%s\n%s\n' "$HEADER" ',8,,,,,' >d3.csv
	reject d3.csv 2 'date: the date is empty'
}

t_reject_bad_lists_and_whole_day() {
	printf '%s\n%s\n' "$HEADER" '2026-03-05,8,jogging:20,,,,' >a.csv
	reject a.csv 2 "activities: 'jogging' is not an activity"
	printf '%s\n%s\n' "$HEADER" '2026-03-05,8,,,Back Pain,,' >s.csv
	reject s.csv 2 "symptoms: 'Back Pain' is not a symptom name"
	printf '%s\n%s\n' "$HEADER" '2026-03-05,23,walking:120,,,,' >t.csv
	reject t.csv 2 'rest and activity: 23 h of rest and 120 minutes'
}

t_reject_duplicate_date() {
	printf '%s\n%s\n%s\n%s\n' "$HEADER" '2026-03-05,8,,,,,' '2026-03-06,8,,,,,' \
		'2026-03-05,9,,,,,' >dup.csv
	reject dup.csv 4 'date: 2026-03-05 appears twice in the file'
}

t_reject_wrong_header() {
	printf 'day,rest_hours,activities,pain,symptoms,weight_kg,note\n2026-03-05,8,,,,,\n' >h.csv
	reject h.csv 1 'no date column'
	printf 'date,rest_hours,activities,pain,symptoms,note\n2026-03-05,8,,,,\n' >h2.csv
	reject h2.csv 1 'no weight_kg column'
	printf '2026-03-05,8,,,,,\n' >h3.csv
	reject h3.csv 1 'no date column'
	printf '%s,date\n2026-03-05,8,,,,,,2026-03-05\n' "$HEADER" >h4.csv
	reject h4.csv 1 'the column date appears twice'
}

t_reject_wrong_field_count() {
	printf '%s\n%s\n%s\n' "$HEADER" '2026-03-05,8,,,,,' '2026-03-06,8,,,,' >c.csv
	reject c.csv 3 '6 fields, but the header has 7'
}

t_reject_truncated_quote() {
	printf '%s\n%s\n%s\n' "$HEADER" '2026-03-05,8,,,,,ok' '2026-03-06,8,,,,,"never closed' >q.csv
	reject q.csv 3 'note: a quoted field is not closed'
	printf '%s\n%s\n' "$HEADER" '2026-03-05,8,,,,,say "hi"' >q2.csv
	reject q2.csv 2 'note: a double quote inside a field'
	printf '%s\n%s\n' "$HEADER" '2026-03-05,8,,,,,"a"b' >q3.csv
	reject q3.csv 2 'note: text after the closing double quote'
}

t_reject_empty_file() {
	local f before
	seed
	before=$(dump)
	: >empty.csv
	printf '\xef\xbb\xbf' >bom-only.csv
	for f in empty.csv bom-only.csv; do
		rw import $f
		expect_rc 65 "$f"
		expect_one_error_line
		expect_match "$ERR" "^restwatch: $f: the file is empty" "$f"
	done
	[ "$(dump)" = "$before" ] || fail "the journal changed"
}

t_reject_invalid_utf8() {
	printf '%s\n%s\n' "$HEADER" $'2026-03-05,8,,,,,caf\xe9' >u.csv
	reject u.csv 2 'note: byte 4 is not valid UTF-8'
	printf '%s\n%s\n' "$HEADER" $'2026-03-05,8,,,,,"\xed\xa0\x80 surrogate"' >u2.csv
	reject u2.csv 2 'note: byte 1 is not valid UTF-8'
	printf '\xff\xfed\x00a\x00t\x00e\x00\n\x00' >u16.csv
	reject u16.csv 1 'the file is UTF-16'
}

t_reject_control_characters_and_nul() {
	printf '%s\n%s\n' "$HEADER" $'2026-03-05,8,,,,,"bell\a"' >c.csv
	reject c.csv 2 'note: byte 5 is a control character'
	printf '%s\n2026-03-05,8,,,,,a\0b\n' "$HEADER" >nul.csv
	reject nul.csv 2 'note: a NUL byte'
}

# The line of a bad row counts physical lines: a quoted note spanning three
# lines moves the next row down by two.
t_line_numbers_count_physical_lines() {
	printf '%s\n%s\n%s\n' "$HEADER" $'2026-03-05,8,,,,,"one\ntwo\nthree"' '2026-03-06,30,,,,,' >m.csv
	reject m.csv 5 'rest_hours: 30 is more than 24 hours'
	printf '%s\n%s\n' "$HEADER" $'2026-03-05,99,,,,,"one\ntwo"' >m2.csv
	reject m2.csv 2 'rest_hours: 99' "the line where the row starts"
}

t_first_bad_row_wins_and_nothing_is_stored() {
	seed
	local before
	before=$(dump)
	{
		echo "$HEADER"
		for d in 10 11 12 13 14 15; do echo "2026-04-$d,8,,,,,"; done
		echo "2026-04-16,8,,12,,,"
		echo "2026-04-17,8,,13,,,"
	} >many.csv
	rw import many.csv
	expect_rc 65
	expect_eq "$ERR" "restwatch: many.csv: line 8: pain: 12 is more than 10"
	[ "$(dump)" = "$before" ] || fail "good rows before the bad one were stored"
	rw undo
	expect_match "$OUT" 'log 2026-03-02' "the last change is still the seed"
}

t_unopenable_input_66() {
	rw import no-such.csv
	expect_rc 66
	expect_one_error_line
	expect_match "$ERR" 'no-such.csv: cannot be opened'
	[ ! -e "$DB" ] || fail "the journal was created for a missing file"
	mkdir dir.csv
	rw import dir.csv
	expect_rc 66 "a directory"
	expect_one_error_line
	if [ "$(id -u)" != 0 ]; then
		printf '%s\n' "$HEADER" >locked.csv
		chmod 000 locked.csv
		rw import locked.csv
		expect_rc 66 "an unreadable file"
	fi
}

t_usage() {
	rw import
	expect_rc 64
	expect_one_error_line
	expect_match "$ERR" 'import: needs a FILE'
	rw import a.csv b.csv
	expect_rc 64
	rw import --bogus x.csv
	expect_rc 64
}

run_tests
