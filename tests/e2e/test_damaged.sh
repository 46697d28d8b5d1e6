#!/usr/bin/env bash
# Damaged and foreign files: a truncated journal, random bytes in its header,
# in page 1 (the schema) and in a data page, an empty file, a directory, a
# device, a FIFO, a text file, another program's SQLite database, a journal
# from a newer restwatch, a missing parent directory, a read-only directory
# and a read-only journal.  Each is refused with exit 74 (73 when a journal
# cannot be created) and one line on stderr, by the commands that read and
# by those that write, and the file is left byte for byte as it was.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

FIXTURE=$(mktemp -d)
trap 'rm -rf "$FIXTURE"' EXIT

# A journal of 60 days (2026-01-01 to 2026-03-01) with long notes, so that
# the days fill several pages; its WAL is checkpointed (no -wal file).
make_fixture() {
	local d
	for ((d = 0; d < 60; d++)); do
		"$RESTWATCH" --db "$FIXTURE/j.db" log --date "$(date -d "2026-01-01 + $d days" +%F)" \
			--rest $((d % 3 ? 9 : 20)) --activity walking:$((d % 50 + 5)) --pain $((d % 11)) \
			--note "day $d: $(printf 'a long note about the day %.0s' 1 2 3 4 5 6)" >/dev/null ||
			return 1
	done
	printf 'date,rest_hours,activities,pain,symptoms,weight_kg,note\r\n2026-03-05,8,,,,,imported\r\n' \
		>"$FIXTURE/in.csv"
}
make_fixture || echo "    could not build the fixture journal"

HAVE_IMPORT=0
"$RESTWATCH" import --help >/dev/null 2>&1 && HAVE_IMPORT=1

# The commands that read and those that write, each tried on a bad file.
COMMANDS=(
	"log --rest 9"
	"log --date 2026-01-05 --pain 3 --activity cycling:10"
	"show"
	"show --json"
	"status"
	"status --json"
	"report"
	"report --format csv"
	"check"
	"undo"
	"delete --date 2026-01-05"
	"config"
	"config sleep_hours 9"
	"config --reset"
	"backup @TMP@/copy.db"
)

journal() { # journal: a fresh copy of the fixture at $DB
	cp "$FIXTURE/j.db" "$DB"
}

# poke FILE OFFSET BYTES: write BYTES (printf escapes) at OFFSET.
poke() {
	# shellcheck disable=SC2059
	printf "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

page_of() { # page_of TEXT: the page (4096 bytes) of $DB holding TEXT
	local off
	off=$(grep -obUa -- "$1" "$DB" | head -n 1 | cut -d: -f1)
	[ -n "$off" ] || { fail "'$1' is not in the journal"; echo 0; return; }
	echo $((off / 4096))
}

page_sum() { # page_sum N: checksum of page N of $DB
	dd if="$DB" bs=4096 skip="$1" count=1 status=none | cksum
}

# refused CODE REGEX FILE [COMMAND...]: every command (all of COMMANDS when
# none is given) run on FILE exits CODE with one stderr line matching REGEX,
# prints nothing on stdout, leaves FILE byte for byte as it was and creates
# nothing beside it.
refused() {
	local code=$1 re=$2 file=$3 c sum before after
	shift 3
	local cmds=("$@")
	[ ${#cmds[@]} -gt 0 ] || cmds=("${COMMANDS[@]}")
	if [ "$HAVE_IMPORT" = 1 ] && [ $# = 0 ]; then
		cmds+=("import $FIXTURE/in.csv")
	fi
	sum=$([ -f "$file" ] && file_sum "$file")
	: >"$TMP/stderr"
	before=$(ls -a "$(dirname "$file")")
	for c in "${cmds[@]}"; do
		c=${c//@TMP@/$TMP}
		# shellcheck disable=SC2086
		OUT=$("$RESTWATCH" --db "$file" $c 2>"$TMP/stderr")
		RC=$?
		ERR=$(cat "$TMP/stderr")
		expect_rc "$code" "$c"
		expect_one_error_line
		expect_match "$ERR" "$re" "$c: the message"
		# A command that streams (show) may have printed the days before
		# the damaged one when it stops.
		[ -n "${PARTIAL_OUTPUT:-}" ] || expect_eq "$OUT" "" "$c: stdout"
		if [ -n "$sum" ]; then
			expect_eq "$(file_sum "$file")" "$sum" "$c: the file's bytes"
		fi
		after=$(ls -a "$(dirname "$file")")
		expect_eq "$after" "$before" "$c: the files beside it"
	done
}

t_fixture_is_sound() {
	journal
	rw check
	expect_rc 0
	expect_eq "$(sql 'SELECT count(*) FROM days')" 60
	[ "$(sql "SELECT count(DISTINCT pageno) FROM dbstat WHERE name = 'days' AND pagetype = 'leaf'")" -ge 3 ] ||
		fail "the days do not fill several pages"
	[ ! -e "$DB-wal" ] || fail "the fixture has a -wal file"
}

t_truncated() {
	local size pages
	journal
	size=$(stat -c %s "$DB")
	pages=$((size / 4096))
	truncate -s $(((pages - 1) * 4096)) "$DB"
	refused 74 'damaged \(truncated' "$DB"
	journal
	truncate -s $((size / 2 + 100)) "$DB"
	refused 74 'damaged \(truncated' "$DB"
	journal
	truncate -s 4096 "$DB"
	refused 74 'damaged \(truncated' "$DB"
	journal
	truncate -s 100 "$DB"
	refused 74 'damaged \(truncated' "$DB"
	journal
	truncate -s 50 "$DB"
	refused 74 'not an SQLite database' "$DB"
}

# Random bytes at fields of the 100-byte header: each is refused before
# SQLite opens the file.  (The schema cookie at 40 and the suggested cache
# size at 48 take any value; SQLite rewrites them and nothing is lost.)
t_random_bytes_in_the_header() {
	local off bytes re
	while read -r off bytes re; do
		journal
		poke "$DB" "$off" "$bytes"
		refused 74 "$re" "$DB"
	done <<'CASES'
0 \x53\x51\x4c\x69\x74\x65\x20\x66\x6f\x72\x6d\x61\x74\x20\x34 not an SQLite database
16 \x00\x03 damaged \(bad page size\)
16 \x30\x00 damaged \(bad page size\)
18 \x07 damaged \(its header is invalid\)
19 \xd1 damaged \(its header is invalid\)
20 \x40 damaged \(its header is invalid\)
21 \x9c damaged \(its header is invalid\)
24 \x5e damaged \(its header is invalid\)
28 \x7f\x01\x02\x03 damaged \(truncated
32 \x00\x00\x00\x05 damaged \(its list of free pages is invalid\)
36 \x3b\x9a\xca\x00 damaged \(its list of free pages is invalid\)
44 \x00\x00\x00\x09 damaged \(its header is invalid\)
52 \x00\x00\x00\x04 damaged \(its header is invalid\)
56 \x00\x00\x00\x02 damaged \(its header is invalid\)
64 \x00\x01\x00\x00 damaged \(its header is invalid\)
68 \x52\x57\x4a\x32 SQLite database but not a restwatch journal
72 \xe1\x33 damaged \(its header is invalid\)
90 \x01 damaged \(its header is invalid\)
92 \x00\x01 damaged \(its header is invalid\)
96 \x00\x00\x00\x00 damaged \(its header is invalid\)
CASES
}

t_newer_version() {
	journal
	sqlite3 "$DB" 'PRAGMA user_version = 99'
	refused 74 'written by a newer restwatch \(journal version 99' "$DB"
}

# Page 1 holds the schema: its b-tree header, a column name in a CREATE
# statement, the statement's text.
t_random_bytes_in_page_1() {
	local off
	journal
	poke "$DB" 100 '\x07\xff\x13'
	refused 74 'damaged' "$DB"

	journal
	off=$(grep -obUa 'rest_hours REAL' "$DB" | head -n 1 | cut -d: -f1)
	if [ -z "$off" ] || [ "$off" -ge 4096 ]; then fail "no 'rest_hours REAL' in page 1"; fi
	poke "$DB" "$((off + 9))" 'z'
	refused 74 "schema is not restwatch's \\(table [a-z_]+ differs" "$DB"

	journal
	off=$(grep -obUa 'CREATE TABLE projections' "$DB" | head -n 1 | cut -d: -f1)
	if [ -z "$off" ] || [ "$off" -ge 4096 ]; then fail "no 'CREATE TABLE projections' in page 1"; fi
	poke "$DB" "$((off + 7))" '\xe7\x01\x9d\x3c'
	refused 74 'damaged \(malformed database schema' "$DB"
}

# A data page: the leaf of the days table holding 2026-01-20.  Its header
# and its cell pointers are checked by SQLite whenever the page is read
# (PRAGMA cell_size_check is on), so the commands that read it refuse with
# 74 and a write that reaches it fails inside its transaction, leaving the
# file as it was.  A write that does not reach it may go on (finding the
# damage would take a full scan of the file on every run, see check), but the
# damaged page is left exactly as it was: never made worse.
t_random_bytes_in_a_data_page() {
	local p sum bytes
	for bytes in '\x00\x0f\x11\x00' '\x0d\x00\x05\xff\xf0' '\x0d\x00\x05\x0f\xa0\x00\x00\xff\xf8'; do
		journal
		p=$(page_of 'day 19: a long')
		poke "$DB" $((p * 4096)) "$bytes"
		PARTIAL_OUTPUT=1 refused 74 'damaged' "$DB" "show" "show --json" "report" \
			"log --date 2026-01-20 --pain 2" "delete --date 2026-01-20"
		PARTIAL_OUTPUT=1 refused 74 'the journal has [0-9]+ problem' "$DB" "check"
		sum=$(page_sum "$p")
		rw log --date 2026-03-01 --pain 1
		[ "$RC" = 0 ] || [ "$RC" = 74 ] || fail "log on another page: exit $RC ($ERR)"
		expect_eq "$(page_sum "$p")" "$sum" "the damaged page after a write elsewhere"
		rw check
		expect_rc 74 "check still finds the damage"
	done
}

# A value changed behind restwatch's back (here with the sqlite3 shell, as a
# flipped bit would): the day is refused as damaged (74), not blamed on the
# new value (65).
t_stored_value_out_of_range() {
	local sum
	journal
	sqlite3 "$DB" "PRAGMA ignore_check_constraints = 1; UPDATE days SET rest_hours = 99 WHERE date = '2026-01-20'"
	sum=$(file_sum "$DB")
	PARTIAL_OUTPUT=1 refused 74 'the stored day 2026-01-20 is damaged' "$DB" \
		"log --date 2026-01-20 --pain 2" "show" "show --json"
	rw check
	expect_rc 74
	expect_match "$OUT" 'CHECK constraint failed in days'
	expect_eq "$(file_sum "$DB")" "$sum" "the journal after check"
}

# An empty file with a write-ahead log beside it may hold its pages there.
t_empty_file_with_a_wal() {
	: >"$DB"
	printf 'x' >"$DB-wal"
	refused 74 'is an empty file, not a restwatch journal' "$DB"
	expect_eq "$(stat -c %s "$DB")" 0
}

t_directory() {
	mkdir "$TMP/dir.db"
	refused 74 'is a directory, not a restwatch journal' "$TMP/dir.db"
	expect_eq "$(ls -A "$TMP/dir.db")" "" "the directory's contents"
}

t_device_and_fifo() {
	refused 74 'is not a regular file' /dev/null "log --rest 9" "show" "check"
	mkfifo "$TMP/fifo.db"
	refused 74 'is not a regular file' "$TMP/fifo.db" "log --rest 9" "show" "check"
}

t_not_sqlite() {
	printf 'date,rest_hours\n2026-03-01,8\n' >"$DB"
	refused 74 'is not a restwatch journal \(not an SQLite database\)' "$DB"
	head -c 8192 /dev/urandom >"$DB"
	refused 74 'not an SQLite database' "$DB"
	{ printf 'SQLite format 3\0'; head -c 8176 /dev/urandom; } >"$DB"
	refused 74 'restwatch journal|damaged' "$DB"
}

t_other_sqlite_database() {
	sqlite3 "$DB" 'PRAGMA journal_mode = WAL; CREATE TABLE days (date TEXT); INSERT INTO days VALUES (1)' >/dev/null
	refused 74 'is an SQLite database but not a restwatch journal' "$DB"
}

t_missing_parent_directory() {
	refused 73 'cannot create' "$TMP/missing/dir/j.db" "log --rest 9" "show" "status" "check"
	[ ! -e "$TMP/missing" ] || fail "the missing directory was created"
}

# A dangling symbolic link is not followed into creating a file elsewhere.
t_dangling_symlink() {
	ln -s "$TMP/elsewhere/j.db" "$DB"
	refused 74 'is a symbolic link to a file that does not exist' "$DB" "log --rest 9" "show"
	[ ! -e "$TMP/elsewhere" ] || fail "something was created at the link's target"
}

# Permission bits do not stop root: as root, the read-only cases run as the
# user nobody (setpriv), and an immutable journal and directory (chattr +i)
# stand for a read-only medium.  As another user, chmod is enough.
as_user() { # as_user COMMAND...: run as nobody when root
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
	else
		"$@"
	fi
}

# rw_as ARGS...: rw, as nobody when root.
rw_as() {
	OUT=$(as_user "$RESTWATCH" --db "$DB" "$@" 2>"$TMP/stderr")
	RC=$?
	ERR=$(cat "$TMP/stderr")
}

can_drop_root() {
	[ "$(id -u)" != 0 ] || setpriv --reuid=nobody --regid=nogroup --clear-groups -- true 2>/dev/null
}

t_read_only_directory() {
	if ! can_drop_root; then
		echo "# read_only_directory: skipped: running as root and setpriv cannot drop to nobody" >&3
		return
	fi
	chmod 0711 "$TMP"
	mkdir "$TMP/ro"
	DB=$TMP/ro/journal.db
	journal
	[ "$(id -u)" = 0 ] && chown -R nobody:nogroup "$TMP/ro"
	chmod 0500 "$TMP/ro"
	local sum
	sum=$(file_sum "$DB")
	for c in "log --rest 9" "show --json" "status" "check"; do
		# shellcheck disable=SC2086
		rw_as $c
		expect_rc 74 "$c in a read-only directory"
		expect_one_error_line
		expect_match "$ERR" 'directory read-only' "$c"
	done
	expect_eq "$(file_sum "$DB")" "$sum" "the journal"
	expect_eq "$(ls -A "$TMP/ro")" "journal.db" "files in the directory"
	DB=$TMP/ro/new.db
	rw_as log --rest 9
	expect_rc 73 "a new journal in a read-only directory"
	expect_one_error_line
	expect_match "$ERR" 'cannot create: Permission denied'
	chmod 0700 "$TMP/ro"
}

t_read_only_journal() {
	if ! can_drop_root; then
		echo "# read_only_journal: skipped: running as root and setpriv cannot drop to nobody" >&3
		return
	fi
	chmod 0711 "$TMP"
	mkdir "$TMP/rj"
	DB=$TMP/rj/journal.db
	journal
	[ "$(id -u)" = 0 ] && chown -R nobody:nogroup "$TMP/rj"
	chmod 0400 "$DB"
	local sum
	sum=$(file_sum "$DB")
	rw_as log --rest 9
	expect_rc 74 "log on a 0400 journal"
	expect_one_error_line
	expect_match "$ERR" 'read-only'
	rw_as show --json
	[ "$RC" = 0 ] || { expect_rc 74 "show --json on a 0400 journal"; expect_one_error_line; }
	expect_eq "$(file_sum "$DB")" "$sum" "the journal"
}

# chattr +i: not even root may change the file or the directory.
t_immutable_journal_and_directory() {
	mkdir "$TMP/im"
	DB=$TMP/im/journal.db
	journal
	if ! chattr +i "$DB" 2>/dev/null; then
		echo "# immutable_journal_and_directory: skipped: chattr +i is not possible here" >&3
		return
	fi
	local sum
	sum=$(file_sum "$DB")
	rw log --rest 9
	expect_rc 74 "log on an immutable journal"
	expect_one_error_line
	expect_match "$ERR" 'read-only'
	rw show --json
	expect_rc 0 "show --json on an immutable journal"
	expect_eq "$(file_sum "$DB")" "$sum" "the immutable journal"
	chattr -i "$DB"
	rm -f "$DB-wal" "$DB-shm"
	chattr +i "$TMP/im"
	refused 74 'directory read-only' "$DB" "log --rest 9" "show --json" "status" "check"
	DB=$TMP/im/new.db
	rw log --rest 9
	expect_rc 73 "a new journal in an immutable directory"
	expect_one_error_line
	chattr -i "$TMP/im"
}

exec 3>&1
run_tests
