#!/usr/bin/env bash
# Bad input: malformed command lines and CSV files, each answered with the
# right exit code (64 usage, 65 bad data, 66 an input that cannot be opened)
# and exactly one line on stderr, with nothing printed on stdout and the
# journal unchanged (the sqlite3 shell's .dump before and after).  Input
# that is odd but valid (SQL or format strings in a note, repeated options)
# is stored verbatim.
#
# Linux caps one argument at 128 KiB (MAX_ARG_STRLEN), so the "1 MB" cases
# are arguments of 128 KiB - 1 bytes and a command line of 1 MB in eight of
# them.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

# Used by the tables below, through eval.
# shellcheck disable=SC2034
BIG=$(head -c 131071 /dev/zero | tr '\0' a)
# shellcheck disable=SC2034
BIGNUM=$(head -c 131071 /dev/zero | tr '\0' 7)
# shellcheck disable=SC2034
NOTE4097=$(head -c 4097 /dev/zero | tr '\0' n)
NOTE4096=$(head -c 4096 /dev/zero | tr '\0' n)
ACT33=()
for ((i = 0; i < 33; i++)); do ACT33+=(--activity walking:1); done
MB=()
for ((i = 0; i < 8; i++)); do MB+=(--note "$BIG"); done

# A journal with two days, and its dump.
setup() {
	rw log --date 2026-03-01 --rest 20 --activity walking:20 --note "first"
	rw log --date 2026-03-02 --rest 9 --symptom stiffness
	DUMP=$(sqlite3 "$DB" .dump)
}

# bad CODE REGEX ARGS...: restwatch ARGS exits CODE with one stderr line
# matching REGEX, with no control characters in it, nothing on stdout, and
# the journal as it was.
bad() {
	local code=$1 re=$2
	shift 2
	rw "$@"
	local what="${*:1:3}"
	what=${what:0:80}
	expect_rc "$code" "$what"
	expect_one_error_line
	expect_match "$ERR" "$re" "$what: the message"
	if printf '%s' "$ERR" | LC_ALL=C grep -q $'[[:cntrl:]]\|\xc2[\x80-\x9f]'; then
		fail "$what: control characters on stderr: $(printf '%s' "$ERR" | od -c | head -n 3)"
	fi
	[ ${#ERR} -le 600 ] || fail "$what: the message is ${#ERR} bytes long"
	expect_eq "$OUT" "" "$what: stdout"
	expect_eq "$(sqlite3 "$DB" .dump)" "$DUMP" "$what: the journal"
}

# Every case: CODE|REGEX|ARGS (ARGS in shell syntax).  Usage errors first.
run_table() {
	local code re args n=0
	while IFS='|' read -r code re args; do
		[ -n "$code" ] || continue
		local argv=()
		eval "argv=($args)"
		bad "$code" "$re" "${argv[@]}"
		n=$((n + 1))
	done
	echo "$n" >"$TMP/cases"
}

t_bad_command_lines() {
	setup
	run_table <<'CASES'
64|'frobnicate' is not a command|frobnicate
64|'2026-03-01' is not a command|2026-03-01 log
64|'\\x1b\[2J' is not a command|$'\e[2J'
64|'%n%s%x' is not a command|'%n%s%x'
64|is not a command|"$BIG"
64|unknown option '--rest'|--rest 8 log
64|unknown option '--bogus'|log --bogus
64|unknown option '--rest8'|log --rest8
64|unknown option '-r'|log -r 8
64|unknown option '--Rest'|log --Rest 8
64|unknown option '--re'|log --re 8
64|unknown option '--%n%s%x'|log '--%n%s%x'
64|unknown option '--\\xc2\\x9b31m'|log $'--\xc2\x9b31m'
64|unknown option '--aaaa.*\.\.\.'|log "--${BIG:2}"
64|--rest needs a value|log --rest
64|--date needs a value|log --date
64|--clear-activities takes no value|log --clear-activities=yes
64|unexpected argument '8'|log 8
64|unexpected argument '-'|log -
64|unexpected argument '--rest'|log -- --rest 8
64|unexpected argument 'DROP'|log --note x DROP TABLE days
64|unexpected argument '2026-03-01'|show 2026-03-01
64|--from needs a value|show --from
64|unexpected argument 'extra'|status extra
64|--json takes no value|status --json=1
64|unexpected argument 'now'|undo now
64|too many arguments|check now
64|--date DATE is required|delete
64|unexpected argument '2026-03-01'|delete 2026-03-01
64|--date needs a value|delete --date
64|too many arguments|config a b c
64|--reset takes no other argument|config --reset sleep_hours
64|is not a parameter|config "sleep_hours'; DROP TABLE days; --" 9
64|'%n%s%x' is not a parameter|config '%n%s%x'
64|needs the FILE|backup
64|too many arguments|backup a b
64|FILE name is empty|backup ''
64|'postscript' is not a format|report --format postscript
64|'legal' is not a paper size|report --format pdf --paper legal
64|--name: the name is empty|report --name ''
64|--format needs a value|report --format
64|the file name is empty|report -o ''
64|needs a FILE|import
64|one file only|import a.csv b.csv
64|--db: needs a path|log --db
64|--db: the path is empty|log --db ''
64|--db: the path is empty|status --db=
73|nowhere\\x0a\\x1b\[2Jdir/j.db: cannot create|log --db $'/nowhere\n\e[2Jdir/j.db'
CASES
	echo "# bad_command_lines: $(cat "$TMP/cases") usage errors" >&3
}

t_bad_values() {
	setup
	run_table <<'CASES'
65|--rest: 25 is more than 24 hours|log --rest 25
65|--rest: -0.5 is less than 0|log --rest -0.5
65|--rest: '1e3' is not|log --rest 1e3
65|--rest: '0x10' is not|log --rest 0x10
65|--rest: ' 8' is not|log --rest ' 8'
65|--rest: .*too many digits|log --rest 99999999999999999999999
65|--rest: '' is not|log --rest=
65|--rest: .*too many digits|log --rest "$BIGNUM"
65|--rest: 'nan' is not|log --rest nan
65|--pain: 11 is more than 10|log --pain 11
65|--pain: -5 is less than 0|log --pain -5
65|--pain: '99999999999999' is not|log --pain 99999999999999
65|--pain: '' is not|log --pain ''
65|--pain: '5.5' is not|log --pain 5.5
65|--weight: 19.9 kg is not between|log --weight 19.9
65|--weight: '1e2' is not|log --weight 1e2
65|--weight: '-72' is not|log --weight -72
65|--activity: '' is not a whole number of minutes|log --activity walking:
65|--activity: '' is not an activity|log --activity :30
65|--activity: '30:5' is not a whole number|log --activity walking:30:5
65|--activity: 'WALKING' is not an activity|log --activity WALKING:30
65|--activity: '99999999999' is not|log --activity walking:99999999999
65|--activity: '10; DROP TABLE days' is not|log --activity 'walking:10; DROP TABLE days'
65|--activity: 'walking' is not KIND:MINUTES|log --activity walking
65|--activity: a day holds at most 32|log "${ACT33[@]}"
65|activities: 1441 minutes is more than a day|log --activity walking:1000 --activity cycling:441
65|rest and activity|log --date 2026-03-01 --rest 23 --activity walking:61
65|--symptom: '' is not a symptom|log --symptom ''
65|--symptom: 'leg\\x0apain' is not|log --symptom $'leg\npain'
65|--symptom: 'a;b' is not|log --symptom 'a;b'
65|--symptom: ''; DROP TABLE days; --' is not|log --symptom "'; DROP TABLE days; --"
65|--symptom: 'aaaa.*' is longer than 40|log --symptom "$BIG"
65|--note: 131071 bytes is longer than 4096|log --note "$BIG"
65|--note: 131071 bytes is longer than 4096|log "${MB[@]}"
65|--note: 4097 bytes is longer than 4096|log --note "$NOTE4097"
65|--note: byte 1 is a control character|log --note $'\e[31mred'
65|--note: byte 2 is a control character|log --note $'a\rb'
65|--note: byte 1 is a control character|log --note $'\xc2\x85'
65|--note: byte 2 is not valid UTF-8|log --note $'a\xc3\x28'
65|--note: byte 1 is not valid UTF-8|log --note $'\xc0\xaf'
65|--note: byte 1 is not valid UTF-8|log --note $'\xed\xa0\x80'
65|--note: byte 1 is not valid UTF-8|log --note $'\xff\xfe'
65|--date: '' is not a date|log --date ''
65|--date: '' is not a date|log --date=
65|--date: '2026-03-01=x' is not a date|log --date=2026-03-01=x
65|--date: '2026-3-1' is not a date|log --date 2026-3-1
65|--date: ' 2026-03-01' is not a date|log --date ' 2026-03-01'
65|--date: '2026-03-01T00:00' is not a date|log --date 2026-03-01T00:00
65|--date: 0000-01-01 is not a day of the calendar|log --date 0000-01-01
65|--date: '10000-01-01' is not a date|log --date 10000-01-01
65|--date: 2026-02-29 is not a day of the calendar|log --date 2026-02-29
65|--date: 999999999999 days ago is before 1900|log --date -999999999999
65|--date: '-3x' is not a date|log --date -3x
65|--date: '\+3' is not a date|log --date +3
65|--date: 'tomorrow' is not a date|log --date tomorrow
65|--date: '2026-03-01'; DROP TABLE days; --' is not a date|log --date "2026-03-01'; DROP TABLE days; --"
65|--date: '%n%s%x' is not a date|log --date '%n%s%x'
65|--from: 2026-03-05 is after --to 2026-03-01|show --from 2026-03-05 --to 2026-03-01
65|--to: 'x' is not a date|report --to x
65|threshold_hours: '1e9' is not|config threshold_hours 1e9
65|threshold_hours: 'nan' is not|config threshold_hours nan
65|threshold_hours: .*too many digits|config threshold_hours 99999999999999999
65|sleep_hours: '8; DROP TABLE days' is not|config sleep_hours '8; DROP TABLE days'
65|threshold_hours: 1000 is|config threshold_hours 1000
65|--date: 2026-01-01 has no entry to delete|delete --date 2026-01-01
CASES
	echo "# bad_values: $(cat "$TMP/cases") values refused" >&3
}

t_bad_environment() {
	setup
	RESTWATCH_TODAY='2026-13-01; %n' bad 64 "RESTWATCH_TODAY: '2026-13-01; %n' is not a date" log --rest 8
	RESTWATCH_TODAY=$'\e]0;x\a' bad 64 'RESTWATCH_TODAY: .\\x1b' status
}

# Not errors: text that looks like SQL or a format string is a note like any
# other; the last of a repeated option wins.
t_odd_but_valid_input_is_stored_verbatim() {
	setup
	local s
	for s in "'; DROP TABLE days; --" '%n%s%x%p%99999999d' 'Robert"); DELETE FROM days;--' \
		$'two\nlines\tand a tab' 'ünïcödé 日本語 🙂' "$NOTE4096"; do
		rw log --date 2026-03-03 --note "$s"
		expect_rc 0 "note ${s:0:30}"
		expect_eq "$(sqlite3 "$DB" "SELECT note FROM days WHERE date = '2026-03-03'")" "$s" "stored note ${s:0:30}"
		rw show --json --from 2026-03-03
		expect_eq "$(json 'd["days"][0]["note"]')" "$s" "note ${s:0:30} read back"
	done
	expect_eq "$(sql 'SELECT count(*) FROM days')" 3 "days after the notes"
	expect_eq "$(sql "SELECT count(*) FROM sqlite_schema WHERE type = 'table'")" 8 "tables after the notes"
	rw log --date 2026-03-01 --date 2026-03-04 --rest 8 --rest 9.5 --pain 3 --pain 4 --note a --note b
	expect_rc 0 "repeated options"
	expect_eq "$(sql "SELECT date, rest_hours, pain, note FROM days WHERE date >= '2026-03-04'")" \
		"2026-03-04|9.5|4|b" "the last of each repeated option"
	rw log --date=2026-03-04 --note=
	expect_rc 0 "--note= clears the note"
	expect_eq "$(sql "SELECT note FROM days WHERE date = '2026-03-04'")" "" "the cleared note"
	rw check
	expect_rc 0
}

# CSV files: each refused with 65 (66 when it cannot be opened), one line
# naming the line and the field, nothing imported.
HEADER='date,rest_hours,activities,pain,symptoms,weight_kg,note'
csv() { # csv NAME TEXT (printf escapes; \r\n line ends are added by the caller)
	# shellcheck disable=SC2059
	printf "$2" >"$TMP/$1"
}

t_bad_csv_files() {
	setup
	local n=0 name re
	local row='2026-03-05,8,walking:20,3,stiffness,70.5,ok\r\n'
	csv nul.csv "$HEADER\r\n2026-03-05,8,,,,,a\0b\r\n"
	csv nulhead.csv "date,rest\0_hours,activities,pain,symptoms,weight_kg,note\r\n"
	csv barecr.csv "$HEADER\r\n2026-03-05,8,,,,,a\rb\r\n"
	csv unclosed.csv "$HEADER\r\n2026-03-05,8,,,,,\"never closed\r\n"
	csv stray.csv "$HEADER\r\n2026-03-05,8,,,,,say \"hi\"\r\n"
	csv after.csv "$HEADER\r\n2026-03-05,8,,,,,\"quoted\"x\r\n"
	csv many.csv "$HEADER$(printf ',x%.0s' $(seq 58))\r\n"
	csv long.csv "$HEADER\r\n2026-03-05,8,,,,,$(head -c 70000 /dev/zero | tr '\0' x)\r\n"
	csv huge.csv "$HEADER\r\n2026-03-05,8,,,,,$(head -c 1048576 /dev/zero | tr '\0' x)\r\n"
	csv utf8.csv "$HEADER\r\n2026-03-05,8,,,,,caf\xc3\x28\r\n"
	csv esc.csv "$HEADER\r\n2026-03-05,8,,,,,\x1b[2Jcleared\r\n"
	csv c1.csv "$HEADER\r\n2026-03-05,8,,,,,\xc2\x9b31m\r\n"
	csv nocol.csv 'date,rest_hours,activities,pain,symptoms,weight_kg\r\n2026-03-05,8,,,,\r\n'
	csv dupcol.csv "$HEADER,note\r\n2026-03-05,8,,,,,a,b\r\n"
	csv empty.csv ''
	csv fields.csv "$HEADER\r\n2026-03-05,8,,,\r\n"
	csv dupdate.csv "$HEADER\r\n$row$row"
	csv baddate.csv "$HEADER\r\n2026-02-30,8,,,,,\r\n"
	csv nodate.csv "$HEADER\r\n,8,,,,,\r\n"
	csv commas.csv "$HEADER\r\n,,,,,,\r\n"
	csv rest.csv "$HEADER\r\n2026-03-05,25,,,,,\r\n"
	csv restact.csv "$HEADER\r\n2026-03-05,23,walking:61,,,,\r\n"
	csv pain.csv "$HEADER\r\n2026-03-05,8,,11,,,\r\n"
	csv weight.csv "$HEADER\r\n2026-03-05,8,,,,1e2,\r\n"
	csv symptom.csv "$HEADER\r\n2026-03-05,8,,,Leg-Pain,,\r\n"
	csv kind.csv "$HEADER\r\n2026-03-05,8,running:20,,,,\r\n"
	csv sqlsym.csv "$HEADER\r\n2026-03-05,8,,,\"'; DROP TABLE days; --\",,\r\n"
	csv fmtdate.csv "$HEADER\r\n%%n%%s%%x,8,,,,,\r\n"
	csv bignum.csv "$HEADER\r\n2026-03-05,1e400,,,,,\r\n"
	csv acts.csv "$HEADER\r\n2026-03-05,,$(printf 'walking:1;%.0s' $(seq 32))walking:1,,,,\r\n"
	csv bom.csv "\xef\xbb\xbf$HEADER\r\n${row}2026-03-06,8,,,,,\r\n2026-03-07,8,,12,,,\r\n"
	csv lastbad.csv "$HEADER\r\n${row}2026-03-06,8,,,,,\r\n2026-03-07,8,,,,,\r\n2026-03-08,x,,,,,\r\n"
	mkdir "$TMP/dir.csv"
	while IFS='|' read -r code re name; do
		bad "$code" "$re" import "$TMP/$name"
		n=$((n + 1))
	done <<'CASES'
65|nul.csv: line 2: note: a NUL byte|nul.csv
65|nulhead.csv: line 1: .*a NUL byte|nulhead.csv
65|barecr.csv: line 2: note: a carriage return|barecr.csv
65|unclosed.csv: line 2: note: a quoted field is not closed|unclosed.csv
65|stray.csv: line 2: note: a double quote inside|stray.csv
65|after.csv: line 2: note: text after the closing double quote|after.csv
65|many.csv: line 1: too many fields|many.csv
65|long.csv: line 2: the row is longer than 65536 bytes|long.csv
65|huge.csv: line 2: the row is longer than 65536 bytes|huge.csv
65|utf8.csv: line 2: note: byte 4 is not valid UTF-8|utf8.csv
65|esc.csv: line 2: note: byte 1 is a control character|esc.csv
65|c1.csv: line 2: note: byte 1 is a control character|c1.csv
65|nocol.csv: line 1: no note column|nocol.csv
65|dupcol.csv: line 1: the column note appears twice|dupcol.csv
65|empty.csv: the file is empty|empty.csv
65|fields.csv: line 2: 5 fields, but the header has 7|fields.csv
65|dupdate.csv: line 3: date: 2026-03-05 appears twice|dupdate.csv
65|baddate.csv: line 2: date: '2026-02-30' is not a calendar date|baddate.csv
65|nodate.csv: line 2: date: the date is empty|nodate.csv
65|commas.csv: line 2: date: the date is empty|commas.csv
65|rest.csv: line 2: rest_hours: 25 is more than 24 hours|rest.csv
65|restact.csv: line 2: rest and activity|restact.csv
65|pain.csv: line 2: pain: 11 is more than 10|pain.csv
65|weight.csv: line 2: weight_kg: '1e2' is not|weight.csv
65|symptom.csv: line 2: symptoms: 'Leg-Pain' is not a symptom|symptom.csv
65|kind.csv: line 2: activities: 'running' is not an activity|kind.csv
65|sqlsym.csv: line 2: symptoms: ''' is not a symptom name|sqlsym.csv
65|fmtdate.csv: line 2: date: '%n%s%x' is not a calendar date|fmtdate.csv
65|bignum.csv: line 2: rest_hours: '1e400' is not|bignum.csv
65|acts.csv: line 2: activities: a day holds at most 32 activities|acts.csv
65|bom.csv: line 4: pain: 12 is more than 10|bom.csv
65|lastbad.csv: line 5: rest_hours: 'x' is not|lastbad.csv
66|missing.csv: cannot be opened: No such file or directory|missing.csv
66|dir.csv: cannot be opened: it is a directory|dir.csv
CASES
	bad 66 'cannot be opened' import $'/tmp/no\nsuch\e[2J.csv'
	OUT=$(printf '%s\r\n2026-03-05,99,,,,,\r\n' "$HEADER" | "$RESTWATCH" --db "$DB" import - 2>"$TMP/stderr")
	RC=$?
	ERR=$(cat "$TMP/stderr")
	expect_rc 65 "import - with a bad row"
	expect_one_error_line
	expect_match "$ERR" 'standard input: line 2: rest_hours: 99 is more than 24'
	expect_eq "$(sqlite3 "$DB" .dump)" "$DUMP" "the journal after import -"
	echo "# bad_csv_files: $((n + 2)) files refused" >&3
}

exec 3>&1
if ! "$RESTWATCH" import --help >/dev/null 2>&1; then
	unset -f t_bad_csv_files
	echo "# import is not built: the CSV cases are skipped" >&3
fi
run_tests
