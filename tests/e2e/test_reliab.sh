#!/usr/bin/env bash
# Reliability: days stay within 1900-01-01 .. one year after today (log
# needs --future for a day ahead; import refuses a row beyond), forecasts
# never leave the calendar; a journal whose schema is not exactly
# restwatch's is refused at open; a days index that disagrees with its
# table is never made worse; values edited behind restwatch's back are
# refused where they are read, and found by check.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

# Today is 2026-03-10 (lib.sh).
t_log_after_today_needs_future() {
	rw log --date 2026-03-11 --rest 8
	expect_rc 65 "log tomorrow without --future"
	expect_one_error_line
	expect_match "$ERR" '^restwatch: --date: 2026-03-11 is after today \(2026-03-10\); add --future' "message"
	[ ! -e "$DB" ] || fail "the refused log created the journal"
	rw log --date 2026-03-11 --rest 8 --future
	expect_rc 0 "log tomorrow with --future"
	rw log --date 2026-03-10 --rest 8 --future
	expect_rc 0 "--future with today"
	rw show --json
	expect_eq "$(json '[x["date"] for x in d["days"]]')" '["2026-03-10", "2026-03-11"]' "days"
}

t_future_is_at_most_one_year_ahead() {
	rw log --date 2027-03-10 --future
	expect_rc 0 "one year ahead"
	before=$(file_sum "$DB")
	for d in 2027-03-11 9999-12-31; do
		rw log --date $d --future --rest 8
		expect_rc 65 "log --future $d"
		expect_match "$ERR" "^restwatch: --date: $d is more than one year after today \(the latest day is 2027-03-10\)" "message"
	done
	expect_eq "$(file_sum "$DB")" "$before" "the journal after refused logs"
	expect_eq "$(sql 'SELECT count(*) FROM projections')" 1 "projection rows"
	RESTWATCH_TODAY=2028-02-29 "$RESTWATCH" --db "$DB" log --date 2029-03-01 --future >/dev/null 2>&1
	expect_eq "$?" 65 "from 29 February, 1 March next year"
	RESTWATCH_TODAY=2028-02-29 "$RESTWATCH" --db "$DB" log --date 2029-02-28 --future >/dev/null 2>&1
	expect_eq "$?" 0 "from 29 February, 28 February next year"
	rw log --date 1899-12-31
	expect_rc 65 "log before 1900"
}

t_import_refuses_days_beyond_a_year() {
	rw log --date 2026-03-01 --rest 9
	before=$(file_sum "$DB")
	printf 'date,rest_hours,activities,pain,symptoms,weight_kg,note\n2026-03-02,5,,,,,\n2027-03-10,5,,,,,\n2027-03-11,5,,,,,\n' >in.csv
	rw import in.csv
	expect_rc 65 "import with a day past one year ahead"
	expect_one_error_line
	expect_match "$ERR" '^restwatch: in.csv: line 4: date: 2027-03-11 is more than one year after today' "message"
	expect_eq "$(file_sum "$DB")" "$before" "the journal after the refused import"
	head -n 3 in.csv >ok.csv
	rw import ok.csv
	expect_rc 0 "import up to one year ahead"
}

t_forecast_stays_in_the_calendar() {
	RESTWATCH_TODAY=9999-12-29 "$RESTWATCH" --db "$DB" log --rest 20 >/dev/null
	OUT=$(RESTWATCH_TODAY=9999-12-29 "$RESTWATCH" --db "$DB" status --json)
	expect_eq "$(json '[f["date"] for f in d["forecast"]]')" '["9999-12-30"]' "forecast dates"
	expect_no_match "$OUT" '0000-00-00' "status --json"
}

# Every command on a journal with something added to its schema: 74 with
# the object named, the file unchanged (a trigger never ran).
t_schema_not_exactly_restwatchs_is_refused() {
	local q c before name
	rw log --date 2026-03-01 --rest 9
	cp "$DB" clean.db
	while IFS='|' read -r name q; do
		cp clean.db "$DB"
		sqlite3 "$DB" "$q"
		before=$(file_sum "$DB")
		for c in "show" "log --rest 3" "delete --date 2026-03-01" "report" "backup copy.db" \
			"check" "undo" "config sleep_hours 7" "status"; do
			# shellcheck disable=SC2086
			rw $c
			expect_rc 74 "$c with $name"
			expect_one_error_line
			expect_match "$ERR" "schema is not restwatch's \\($name" "$c with $name"
			expect_eq "$OUT" "" "$c with $name: stdout"
		done
		expect_eq "$(file_sum "$DB")" "$before" "the journal with $name"
		[ ! -e copy.db ] || fail "backup wrote a copy of a journal with $name"
	done <<'EOF2'
trigger t is not|CREATE TRIGGER t AFTER INSERT ON days BEGIN DELETE FROM settings; END
view v is not|CREATE VIEW v AS SELECT * FROM days
index i is not|CREATE INDEX i ON days (pain)
table days differs|ALTER TABLE days ADD COLUMN mood TEXT
table change_settings is missing|DROP TABLE change_settings
EOF2
}

# damaged_index: a copy of the fixture journal (tests/data/damaged_index)
# at $DB with the case KEY BYTE VALUE of its offsets file applied.
damaged_index() {
	local page off
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$RESTWATCH" --db "$DB" import "$DATA_DIR/damaged_index/days.csv" >/dev/null
	sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	page=$(sql "SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_days_1'")
	off=$(dd if="$DB" bs=4096 skip=$((page - 1)) count=1 status=none | grep -obUa -- "$1" |
		head -n 1 | cut -d: -f1)
	[ -n "$off" ] || { fail "$1 is not in the index page $page"; return 1; }
	# shellcheck disable=SC2059
	printf "$3" | dd of="$DB" bs=1 seek=$(((page - 1) * 4096 + off + $2)) conv=notrunc status=none
}

# Every command on each case: 74 with the file byte for byte as it was, or
# 0 with SQLite's integrity check no worse; the commands that read or write
# the damaged day (show of everything, report, log and delete of that day,
# undo, config) are refused.
t_damaged_index_is_never_made_worse() {
	local key byte value c sum problems n=0
	while read -r key byte value _; do
		case $key in '#'* | '') continue ;; esac
		n=$((n + 1))
		for c in "show" "report --format csv" "log --date $key --rest 5" "delete --date $key" \
			"undo" "config sleep_hours 7" "log --rest 4" "log --date 2026-03-05 --rest 6" \
			"status" "show --from 2026-03-02" "delete --date 2026-03-01" "import $DATA_DIR/damaged_index/days.csv"; do
			damaged_index "$key" "$byte" "$value" || return
			sum=$(file_sum "$DB")
			problems=$(sqlite3 "$DB" 'PRAGMA integrity_check' | grep -vc '^ok$')
			[ "$problems" -gt 0 ] || fail "$key+$byte: integrity_check finds nothing"
			# shellcheck disable=SC2086
			rw $c
			case "$c" in
			show | report* | "log --date $key"* | "delete --date $key" | undo | config* | import*)
				expect_rc 74 "$key+$byte: $c"
				expect_match "$ERR" 'the days table and its index disagree' "$key+$byte: $c" ;;
			esac
			if [ "$RC" = 74 ]; then
				expect_eq "$(file_sum "$DB")" "$sum" "$key+$byte: the file after $c exited 74"
				[ ! -e "$DB-wal" ] || [ ! -s "$DB-wal" ] || fail "$key+$byte: $c left a WAL"
			elif [ "$RC" = 0 ]; then
				expect_eq "$(sqlite3 "$DB" 'PRAGMA integrity_check' | grep -vc '^ok$')" "$problems" \
					"$key+$byte: integrity_check's problems after $c exited 0"
			else
				fail "$key+$byte: $c exited $RC ($ERR)"
			fi
		done
	done <"$DATA_DIR/damaged_index/offsets"
	[ "$n" -ge 4 ] || fail "only $n cases in the offsets file"
}

# hand_edit SQL: a copy of a two-day journal at $DB with SQL run on it
# (CHECK constraints off, as another program could).
hand_edit() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$RESTWATCH" --db "$DB" log --date 2026-03-01 --rest 9 --pain 3 --note fine >/dev/null
	"$RESTWATCH" --db "$DB" log --date 2026-03-02 --rest 10 >/dev/null
	sqlite3 "$DB" "PRAGMA ignore_check_constraints = 1; $1"
}

# stored_refused REGEX COMMAND...: each command exits 74 with one line
# matching REGEX and the journal unchanged.
stored_refused() {
	local re=$1 c sum
	shift
	sum=$(file_sum "$DB")
	for c in "$@"; do
		# shellcheck disable=SC2086
		rw $c
		expect_rc 74 "$c"
		expect_one_error_line
		expect_match "$ERR" "$re" "$c"
		expect_eq "$(file_sum "$DB")" "$sum" "the journal after $c"
	done
}

t_stored_day_values_are_validated_where_read() {
	hand_edit "UPDATE days SET rest_hours = 'lots' WHERE date = '2026-03-01'"
	stored_refused 'stored day 2026-03-01 is damaged \(rest_hours is not a number' \
		show "report --format csv" "config sleep_hours 7" "log --date 2026-02-20 --rest 3"
	hand_edit "UPDATE days SET pain = 3.7 WHERE date = '2026-03-01'"
	stored_refused 'stored day 2026-03-01 is damaged \(pain is not a whole number' show report
	rw check
	expect_rc 74 "check with pain 3.7"
	expect_match "$OUT" 'pain is not a whole number' "check with pain 3.7"
	hand_edit "UPDATE days SET note = CAST(x'6e6fff74' AS TEXT) WHERE date = '2026-03-01'"
	stored_refused 'stored day 2026-03-01 is damaged \(note is not valid UTF-8' \
		"report --format csv" "show --json"
	hand_edit "UPDATE days SET weight_kg = 9e999 WHERE date = '2026-03-01'"
	stored_refused 'stored day 2026-03-01 is damaged \(weight_kg is not a number' show
}

t_stored_settings_are_validated_where_read() {
	hand_edit "UPDATE settings SET value = 1e300 WHERE key = 'sleep_hours'"
	stored_refused 'stored setting sleep_hours is damaged \(1e\+300 is not between' \
		"config threshold_hours 50" status "log --rest 8" "report"
	rw check
	expect_match "$OUT" '^settings: sleep_hours is damaged' "check"
	hand_edit "UPDATE settings SET value = 'NaN' WHERE key = 'sleep_hours'"
	stored_refused 'stored setting sleep_hours is damaged \(not a number\)' \
		"config threshold_hours 50" "undo"
}

t_check_finds_missing_settings_and_extra_projections() {
	hand_edit "DELETE FROM settings WHERE key = 'sleep_hours'"
	rw check
	expect_rc 74 "check with a setting deleted"
	expect_match "$OUT" '^settings: sleep_hours is missing$' "check"
	hand_edit "INSERT INTO settings VALUES ('mood', 3)"
	rw check
	expect_rc 74 "check with an unknown setting"
	expect_match "$OUT" "^settings: 'mood' is not a setting of restwatch$" "check"
	hand_edit "CREATE TEMP TABLE x AS SELECT * FROM projections LIMIT 1;
		UPDATE x SET date = '2026-04-01'; INSERT INTO projections SELECT * FROM x"
	rw check
	expect_rc 74 "check with an extra projection"
	expect_match "$OUT" '^projections: 1 outside the logged days$' "check"
	hand_edit ""
	rw check
	expect_rc 0 "check of a sound journal"
}

# Out of file handles is said as such, never as a read-only directory.
t_out_of_file_handles_is_named() {
	local n seen=0
	rw log --rest 8
	for n in 4 5 6 7 8; do
		OUT=$(ulimit -n $n && "$RESTWATCH" --db "$DB" show 2>"$TMP/stderr")
		RC=$?
		ERR=$(cat "$TMP/stderr")
		[ "$RC" = 0 ] && continue
		seen=$((seen + 1))
		expect_rc 74 "show with $n file handles"
		expect_match "$ERR" 'Too many open files' "show with $n file handles"
		expect_no_match "$ERR" 'read-only' "show with $n file handles"
	done
	[ "$seen" -gt 0 ] || fail "no limit from 4 to 8 file handles made show fail"
}

# HOME and XDG_DATA_HOME: the message says which is wrong and how.
t_home_and_xdg_messages() {
	local out
	out=$(cd "$TMP" && env -u RESTWATCH_DB HOME=relative XDG_DATA_HOME= "$RESTWATCH" show 2>&1)
	expect_eq "$out" "restwatch: XDG_DATA_HOME is not set and HOME 'relative' is not an absolute path; give the journal with --db PATH" "relative HOME"
	out=$(cd "$TMP" && env -u HOME XDG_DATA_HOME=data "$RESTWATCH" show 2>&1)
	expect_eq "$out" "restwatch: XDG_DATA_HOME 'data' is not an absolute path and HOME is not set; give the journal with --db PATH" "relative XDG_DATA_HOME, no HOME"
	[ ! -e "$TMP/relative" ] && [ ! -e "$TMP/data" ] || fail "a relative directory was created"
}

# The journal's directories are 0700 whatever the umask (777 gave 000).
t_directories_are_0700_under_any_umask() {
	local u
	for u in 777 022 000; do
		rm -rf "$TMP/h$u"
		(umask $u && HOME="$TMP/h$u" "$RESTWATCH" log --rest 8 >/dev/null) ||
			fail "log under umask $u failed"
		expect_eq "$(stat -c %a "$TMP/h$u/.local/share/restwatch" "$TMP/h$u/.local/share" "$TMP/h$u/.local")" \
			"700
700
700" "directories under umask $u"
		expect_eq "$(stat -c %a "$TMP/h$u/.local/share/restwatch/journal.db")" 600 "journal under umask $u"
	done
}

# check and backup print the journal's path as errors do: escaped.
t_paths_are_escaped_on_standard_output() {
	local name
	name=$(printf 'j\n\033[2J.db')
	DB="$TMP/$name"
	rw log --rest 8
	rw check
	expect_rc 0 "check"
	expect_eq "$OUT" "$TMP/j\\x0a\\x1b[2J.db: ok" "check's line"
	rw backup "$TMP/$(printf 'b\001.db')"
	expect_rc 0 "backup"
	expect_eq "$OUT" "backed up $TMP/j\\x0a\\x1b[2J.db to $TMP/b\\x01.db" "backup's line"
}

# A NUL byte in the text $EDITOR leaves is refused with the note unchanged
# and the edited text kept in its file (the TUI in tmux; N edits the note).
t_nul_from_the_editor_is_refused_and_kept() {
	local sock="rwrel-$$-$RANDOM" i file
	cat >"$TMP/ed.sh" <<'EOF2'
#!/bin/sh
printf 'kept text\000cut here\n' >"$1"
EOF2
	chmod +x "$TMP/ed.sh"
	rw log --rest 9 --note 'first draft'
	tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 -s t \
		"env LANG=C.UTF-8 TERM=xterm-256color TMPDIR=$TMP EDITOR=$TMP/ed.sh RESTWATCH_TODAY=$RESTWATCH_TODAY $RESTWATCH --db $DB; sleep 600" ||
		{ fail "tmux could not start"; return; }
	for i in $(seq 100); do
		tmux -L "$sock" capture-pane -p -t t | grep -q 'first draft' && break
		sleep 0.1
	done
	tmux -L "$sock" send-keys -t t N
	for i in $(seq 100); do
		tmux -L "$sock" capture-pane -p -t t | grep -q 'NUL byte' && break
		sleep 0.1
	done
	expect_match "$(tmux -L "$sock" capture-pane -p -t t)" 'note: the text holds a NUL byte; nothing changed' "the TUI's message"
	tmux -L "$sock" send-keys -t t q
	sleep 0.3
	tmux -L "$sock" kill-server >/dev/null 2>&1
	expect_eq "$(sql 'SELECT note FROM days')" 'first draft' "the stored note"
	file=$(ls "$TMP"/restwatch-note-* 2>/dev/null | head -n 1)
	[ -n "$file" ] || { fail "the edited text was not kept"; return; }
	expect_eq "$(tr '\000' '@' <"$file")" 'kept text@cut here' "the kept file"
}

# The TUI's "today" follows the clock past midnight (tests/shim/fakeclock.so
# moves time(); RESTWATCH_TODAY is unset so that the clock counts): the
# day shown moves to the new day, t comes back to it, and an edit goes to it.
t_tui_today_follows_the_clock() {
	local sock="rwclk-$$-$RANDOM" shim i
	shim=$(dirname "$RESTWATCH")/tests/shim/fakeclock.so
	[ -f "$shim" ] || { fail "no $shim (make check builds it)"; return; }
	rw log --date 2026-03-09 --rest 9
	TZ=UTC date -d '2026-03-10 23:59:30' +%s >"$TMP/clock"
	tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 -s t \
		"env -u RESTWATCH_TODAY ASAN_OPTIONS=verify_asan_link_order=0 TZ=UTC LANG=C.UTF-8 TERM=xterm-256color FAKECLOCK=$TMP/clock LD_PRELOAD=$shim $RESTWATCH --db $DB; sleep 600" ||
		{ fail "tmux could not start"; return; }
	screen_has() {
		for i in $(seq 100); do
			tmux -L "$sock" capture-pane -p -t t | grep -Eq -- "$1" && return 0
			sleep 0.1
		done
		fail "the screen never showed /$1/: $(tmux -L "$sock" capture-pane -p -t t | head -n 3)"
		return 1
	}
	screen_has 'Tue 2026-03-10 .* today' || { tmux -L "$sock" kill-server; return; }
	TZ=UTC date -d '2026-03-11 00:00:30' +%s >"$TMP/clock"
	screen_has 'Wed 2026-03-11 .* today'
	tmux -L "$sock" send-keys -t t h
	screen_has 'Tue 2026-03-10'
	tmux -L "$sock" send-keys -t t t
	screen_has 'Wed 2026-03-11 .* today'
	tmux -L "$sock" send-keys -t t r
	tmux -L "$sock" send-keys -t t -l 5
	tmux -L "$sock" send-keys -t t Enter
	for i in $(seq 100); do
		[ "$(sql "SELECT rest_hours FROM days WHERE date = '2026-03-11'")" = 5.0 ] && break
		sleep 0.1
	done
	tmux -L "$sock" send-keys -t t q
	sleep 0.3
	tmux -L "$sock" kill-server >/dev/null 2>&1
	expect_eq "$(sql "SELECT date, rest_hours FROM days ORDER BY date")" "2026-03-09|9.0
2026-03-11|5.0" "the days after r 5 on the new day"
}

# A journal whose span shrinks gives its space back (incremental
# auto-vacuum, asked for after a commit that left 64 or more free pages).
# What undo removed is kept for redo until the next change, which frees
# that space too.
t_space_given_back_when_the_span_shrinks() {
	python3 - "$TMP/days.csv" <<'PY'
import datetime, sys
with open(sys.argv[1], 'w', newline='') as f:
    f.write('date,rest_hours,activities,pain,symptoms,weight_kg,note\r\n')
    d = datetime.date(2016, 1, 1)
    for i in range(3000):
        f.write('%s,%d,walking:%d,%d,,,day %d\r\n' % (d + datetime.timedelta(i), 8 + i % 16, 10 + i % 50, i % 11, i))
PY
	rw import "$TMP/days.csv"
	expect_rc 0 "import"
	expect_eq "$(sql 'PRAGMA auto_vacuum')" 2 "incremental auto-vacuum"
	sql 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	local big held small
	big=$(stat -c %s "$DB")
	rw undo
	expect_rc 0 "undo"
	sql 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	held=$(stat -c %s "$DB")
	[ "$held" -lt $((big / 3)) ] || fail "the file stayed $held bytes after undo (was $big)"
	rw config nudge_minutes 45
	expect_rc 0 "a change after the undo"
	sql 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	# in use: the file less its free pages (fewer than 64 are kept for reuse)
	small=$(( $(stat -c %s "$DB") - $(sql 'PRAGMA freelist_count') * $(sql 'PRAGMA page_size') ))
	[ "$small" -lt $((big / 4)) ] || fail "$small bytes in use after the next change (was $big, $held after undo)"
	rw check
	expect_rc 0 "check after giving space back"
}

run_tests
