#!/usr/bin/env bash
# Outputs (report -o, backup): the journal and the -wal/-shm files SQLite
# keeps beside it are refused however they are named (73, nothing changed);
# standard output, a FIFO and a character device are written straight into,
# never renamed over; a symbolic link is followed, its target replaced and
# the link kept; `-o -` is standard output.  Every case runs as root and as
# an unprivileged user (nobody, through setpriv), each in a directory of its
# own; run by a normal user, they run once as that user.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

# as_user WHO ARGS...: run restwatch on $J as WHO (root or nobody) in $W;
# output in $OUT, status in $RC, stderr in $ERR.
as_user() {
	local who=$1
	shift
	if [ "$who" = root ]; then
		OUT=$(cd "$W" && "$RESTWATCH" --db "$J" "$@" 2>"$W/.stderr")
	else
		OUT=$(cd "$W" && setpriv --reuid=nobody --regid=nogroup --clear-groups -- \
			"$RESTWATCH" --db "$J" "$@" 2>"$W/.stderr")
	fi
	RC=$?
	ERR=$(cat "$W/.stderr")
}

# shell_as WHO SCRIPT: run a shell script as WHO in $W ($R is restwatch,
# $J the journal).
shell_as() {
	if [ "$1" = root ]; then
		(cd "$W" && R=$RESTWATCH J=$J sh -c "$2")
	else
		(cd "$W" && R=$RESTWATCH J=$J setpriv --reuid=nobody --regid=nogroup --clear-groups -- sh -c "$2")
	fi
}

# each_user FN: FN WHO once for root and once for nobody, each with its own
# directory $W holding a journal $J of two logged days.
each_user() {
	local who
	local users="root nobody"
	# Not root: the cases run as the user running the tests, once.
	[ "$(id -u)" = 0 ] || users=root
	chmod 755 "$TMP"
	for who in $users; do
		W="$TMP/$who"
		J="$W/j.db"
		mkdir -p "$W"
		[ "$who" = root ] || chown nobody:nogroup "$W"
		as_user "$who" log --date 2026-03-08 --rest 20
		as_user "$who" log --date 2026-03-09 --rest 12 --pain 4
		"$1" "$who"
	done
}

journal_refused() {
	local who=$1 before name
	ln -s j.db "$W/link"
	ln "$J" "$W/hard"
	before=$(file_sum "$J")
	for name in j.db ./j.db "$W/j.db" link hard j.db-wal j.db-shm j.db-journal ../"$who"/j.db; do
		as_user "$who" report -o "$name"
		expect_rc 73 "$who: report -o $name"
		expect_match "$ERR" "is the journal" "$who: report -o $name"
		as_user "$who" backup "$name"
		expect_rc 73 "$who: backup $name"
	done
	expect_eq "$(file_sum "$J")" "$before" "$who: the journal"
	[ -L "$W/link" ] || fail "$who: the link was replaced"
	[ ! -e "$W/j.db-journal" ] || fail "$who: j.db-journal was created"
	as_user "$who" show
	expect_rc 0 "$who: show afterwards"
	expect_match "$OUT" "2026-03-09" "$who: show afterwards"
}

t_journal_and_its_files_are_refused() {
	each_user journal_refused
}

fifo_written_into() {
	local who=$1 want
	as_user "$who" report --format csv
	want=$OUT
	shell_as "$who" 'mkfifo f && { timeout 10 cat f >got & } && timeout 10 "$R" --db "$J" report --format csv -o f; echo "rc=$?" >rc; wait'
	expect_eq "$(cat "$W/rc")" "rc=0" "$who: report -o FIFO"
	expect_eq "$(cat "$W/got")" "$want" "$who: what the FIFO's reader got"
	[ -p "$W/f" ] || fail "$who: the FIFO was replaced"
	shell_as "$who" '{ timeout 10 cat f >got.db & } && timeout 10 "$R" --db "$J" backup f >/dev/null; echo "rc=$?" >rc; wait'
	expect_eq "$(cat "$W/rc")" "rc=0" "$who: backup FIFO"
	[ -p "$W/f" ] || fail "$who: the FIFO was replaced by backup"
	expect_eq "$(sqlite3 "$W/got.db" 'SELECT count(*) FROM days')" 2 "$who: days in the backup read from the FIFO"
}

t_fifo_is_written_into() {
	each_user fifo_written_into
}

devices_written_into() {
	local who=$1
	# Another program may have replaced it: nothing here would then be a
	# test of a device, and a report would replace it again.
	[ -c /dev/null ] || { fail "/dev/null is not a character device before the test"; return; }
	as_user "$who" report -o /dev/null
	expect_rc 0 "$who: report -o /dev/null"
	as_user "$who" backup /dev/null
	expect_rc 0 "$who: backup /dev/null"
	[ -c /dev/null ] || fail "$who: /dev/null is no longer a character device"
	ln -s /dev/null "$W/null-link"
	as_user "$who" report -o null-link
	expect_rc 0 "$who: report -o a link to /dev/null"
	[ -L "$W/null-link" ] && [ -c /dev/null ] || fail "$who: the link or /dev/null was replaced"
}

t_character_device_is_written_into() {
	each_user devices_written_into
}

stdout_written_into() {
	local who=$1 want
	as_user "$who" report --format json
	want=$OUT
	shell_as "$who" '"$R" --db "$J" report --format json -o /dev/stdout >out.json; echo "rc=$?" >rc'
	expect_eq "$(cat "$W/rc")" "rc=0" "$who: report -o /dev/stdout"
	expect_eq "$(cat "$W/out.json")" "$want" "$who: report -o /dev/stdout"
	[ -L /dev/stdout ] || fail "$who: /dev/stdout is no longer a link"
	as_user "$who" report --format json -o -
	expect_rc 0 "$who: report -o -"
	expect_eq "$OUT" "$want" "$who: report -o -"
	shell_as "$who" 'ln -s /dev/stdout to-out && "$R" --db "$J" report --format json -o to-out | cat >piped.json'
	expect_eq "$(cat "$W/piped.json")" "$want" "$who: report -o a link to /dev/stdout, into a pipe"
	[ -L "$W/to-out" ] || fail "$who: the link to /dev/stdout was replaced"
	shell_as "$who" '"$R" --db "$J" backup /dev/stdout >copy.db; echo "rc=$?" >rc'
	expect_eq "$(cat "$W/rc")" "rc=0" "$who: backup /dev/stdout"
	expect_eq "$(sqlite3 "$W/copy.db" 'PRAGMA integrity_check; SELECT count(*) FROM days')" \
		"ok
2" "$who: the backup written to standard output"
}

t_standard_output_is_written_into() {
	each_user stdout_written_into
}

link_followed() {
	local who=$1 want
	as_user "$who" report --format csv
	want=$OUT
	shell_as "$who" 'mkdir sub && echo old >sub/real.csv && ln -s sub/real.csv link.csv &&
		ln -s link.csv link2.csv && ln -s sub/new.db dangling'
	as_user "$who" report --format csv -o link2.csv
	expect_rc 0 "$who: report -o a link to a link"
	[ -L "$W/link.csv" ] && [ -L "$W/link2.csv" ] || fail "$who: a link was replaced"
	expect_eq "$(cat "$W/sub/real.csv")" "$want" "$who: the link's target"
	as_user "$who" backup dangling
	expect_rc 0 "$who: backup to a dangling link"
	[ -L "$W/dangling" ] || fail "$who: the dangling link was replaced"
	expect_eq "$(sqlite3 "$W/sub/new.db" 'SELECT count(*) FROM days')" 2 "$who: the backup at the link's target"
	expect_eq "$(find "$W" -name '.*.??????' | wc -l)" 0 "$who: temporary files left"
}

t_symlink_is_followed_and_kept() {
	each_user link_followed
}

run_tests
