#!/usr/bin/env bash
# Disk trouble: writes that fail because a file size limit (ulimit -f) or a
# full disk (a tiny tmpfs, when the test may mount one) stops them half way.
# The command exits 74 with one line that says so, and the journal is sound
# afterwards (restwatch check) with everything committed before still there
# and nothing of the failed write; output that cannot be written (a full
# disk behind stdout, -o or backup) is an error too, never a silent loss.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

exec 3>&1

# A journal of 40 days with notes.
setup() {
	local d
	for ((d = 0; d < 40; d++)); do
		"$RESTWATCH" --db "$DB" log --date "$(date -d "2026-01-01 + $d days" +%F)" \
			--rest $((d % 4 ? 9 : 22)) --note "day $d $(printf 'note text %.0s' 1 2 3 4 5 6 7 8)" \
			>/dev/null || fail "setup: log $d"
	done
	DUMP=$(sqlite3 "$DB" .dump)
}

# A sqlite3 shell keeps the journal open (so its -shm, 32 KiB, is there
# already and only the WAL grows during the write under test).
hold_open() {
	mkfifo "$TMP/fifo"
	sqlite3 "$DB" <"$TMP/fifo" >/dev/null 2>&1 &
	HOLDER=$!
	exec 4>"$TMP/fifo"
	echo 'SELECT count(*) FROM days;' >&4
	sleep 0.2
}

let_go() {
	exec 4>&-
	wait "$HOLDER"
	rm -f "$TMP/fifo"
}

# limited BLOCKS ARGS...: restwatch ARGS with files limited to BLOCKS KiB and
# SIGXFSZ ignored, so that the write fails with EFBIG.
limited() {
	local blocks=$1
	shift
	OUT=$(trap '' XFSZ; ulimit -f "$blocks"; "$RESTWATCH" --db "$DB" "$@" 2>"$TMP/stderr")
	RC=$?
	ERR=$(cat "$TMP/stderr")
}

sound_and_unchanged() { # sound_and_unchanged WHAT
	rw check
	expect_rc 0 "$1: check"
	expect_eq "$(sqlite3 "$DB" .dump)" "$DUMP" "$1: the journal"
}

t_file_size_limit_stops_the_wal() {
	setup
	hold_open
	limited 4 log --date 2026-01-01 --rest 24 --note "a long write $(printf 'x%.0s' $(seq 500))"
	expect_rc 74 "log past the file size limit"
	expect_one_error_line
	expect_match "$ERR" 'a write to the journal failed \(the disk may be full, or a file size limit was reached\); nothing was changed'
	limited 4 config sleep_hours 7
	expect_rc 74 "config past the file size limit"
	expect_one_error_line
	if "$RESTWATCH" import --help >/dev/null 2>&1; then
		printf 'date,rest_hours,activities,pain,symptoms,weight_kg,note\r\n2026-02-15,8,,,,,"%s"\r\n' \
			"$(printf 'y%.0s' $(seq 3000))" >"$TMP/in.csv"
		limited 4 import "$TMP/in.csv"
		expect_rc 74 "import past the file size limit"
		expect_one_error_line
	fi
	let_go
	sound_and_unchanged "after the failed writes"
	rw log --date 2026-02-15 --rest 8
	expect_rc 0 "a log once the limit is gone"
}

# SIGXFSZ's default action kills the process in the middle of its write:
# that is a crash like any other.
t_file_size_signal_kills_the_writer() {
	setup
	hold_open
	(ulimit -f 4; "$RESTWATCH" --db "$DB" log --date 2026-01-01 --rest 24 >/dev/null 2>&1)
	RC=$?
	expect_eq "$RC" 153 "exit status of a log killed by SIGXFSZ (128 + 25)"
	let_go
	sound_and_unchanged "after SIGXFSZ"
}

t_backup_and_export_past_the_limit() {
	setup
	hold_open
	limited 8 backup "$TMP/copy.db"
	expect_rc 73 "backup past the file size limit"
	expect_one_error_line
	[ ! -e "$TMP/copy.db" ] || fail "a partial backup was left at copy.db"
	echo "the old report" >"$TMP/report.txt"
	limited 4 report -o "$TMP/report.txt"
	[ "$RC" = 73 ] || [ "$RC" = 74 ] || fail "report -o past the file size limit: exit $RC ($ERR)"
	expect_one_error_line
	expect_eq "$(cat "$TMP/report.txt")" "the old report" "the old report after a failed report -o"
	expect_eq "$(find "$TMP" -maxdepth 1 -name '.*.??????' | wc -l)" 0 "temporary files left behind"
	let_go
	sound_and_unchanged "after the failed backup and report"
}

t_full_stdout() {
	setup
	local c
	for c in "show" "show --json" "status --json" "report" "report --format csv" "config"; do
		# shellcheck disable=SC2086
		"$RESTWATCH" --db "$DB" $c >/dev/full 2>"$TMP/stderr"
		RC=$?
		ERR=$(cat "$TMP/stderr")
		expect_rc 74 "$c > /dev/full"
		expect_one_error_line
		expect_match "$ERR" 'No space left on device' "$c > /dev/full"
	done
	sound_and_unchanged "after writing to a full stdout"
}

# A full disk: a tmpfs of 1 MiB, filled up.  Needs the right to mount
# (root in CI); skipped with a reason otherwise.
t_full_disk() {
	mkdir "$TMP/mnt"
	if ! mount -t tmpfs -o size=1m,mode=0700 tmpfs "$TMP/mnt" 2>/dev/null; then
		echo "# full_disk: skipped: cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN); the file size limit tests stand in" >&3
		return
	fi
	trap 'umount "$TMP/mnt"' EXIT
	DB=$TMP/mnt/journal.db
	setup
	dd if=/dev/zero of="$TMP/mnt/filler" bs=4k 2>/dev/null
	rw log --date 2026-01-01 --rest 24 --note "on a full disk"
	expect_rc 74 "log on a full disk"
	expect_one_error_line
	expect_match "$ERR" 'the disk is full; nothing was changed'
	# The journal shares the full disk: even its -shm cannot be created.
	rw backup "$TMP/mnt/copy.db"
	[ "$RC" = 73 ] || [ "$RC" = 74 ] || fail "backup onto a full disk: exit $RC ($ERR)"
	expect_one_error_line
	[ ! -e "$TMP/mnt/copy.db" ] || fail "a partial backup was left on the full disk"
	OUT=$("$RESTWATCH" --db "$TMP/mnt/new.db" log --rest 8 2>"$TMP/stderr")
	RC=$?
	ERR=$(cat "$TMP/stderr")
	expect_rc 73 "a new journal on a full disk"
	expect_one_error_line
	[ ! -e "$TMP/mnt/new.db" ] || fail "a journal was left on the full disk"
	expect_eq "$(find "$TMP/mnt" -name '.*.??????' | wc -l)" 0 "temporary files left on the full disk"
	# Room for the -shm (32 KiB) and a little: now the WAL runs out.
	rm "$TMP/mnt/filler"
	dd if=/dev/zero of="$TMP/mnt/filler" bs=1k \
		count=$(($(df -k --output=avail "$TMP/mnt" | tail -n 1) - 40)) 2>/dev/null
	rw log --date 2026-01-01 --rest 24 --note "$(printf 'z%.0s' $(seq 3000))"
	expect_rc 74 "log when the WAL fills the disk"
	expect_one_error_line
	expect_match "$ERR" 'the disk is full; nothing was changed'
	sound_and_unchanged "on the full disk"
	rm "$TMP/mnt/filler"
	rw log --date 2026-02-15 --rest 8
	expect_rc 0 "a log once there is room"
	rw check
	expect_rc 0
}

run_tests
