#!/usr/bin/env bash
# Concurrency: restwatch processes writing and reading one journal at once.
# Two writers add activities to the same days while a reader loops over
# show --json and status: every command must exit 0 (no "database is
# locked" within the 5 s busy wait) and no activity may be lost.  Then a lock
# held past the wait by another program: log exits 75 with one line and
# changes nothing, while readers go on reading.
# (The TUI showing another process's writes is tests/e2e/test_tui*.sh.)
#
# RESTWATCH_TEST_QUICK=1 (or a sanitizer build) runs fewer writes.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

PER_DAY=16 # each writer's activities per day: two writers fill a day's 32
DAYS=7
if [ -n "${RESTWATCH_TEST_QUICK:-}" ] || grep -qa __asan_init "$RESTWATCH" 2>/dev/null; then
	DAYS=2
fi
exec 3>&1

# writer KIND: PER_DAY activities KIND:1..PER_DAY on each of DAYS days, one
# log per activity; failures go to $TMP/fail-KIND.
writer() {
	local kind=$1 d m err
	for ((d = 1; d <= DAYS; d++)); do
		for ((m = 1; m <= PER_DAY; m++)); do
			if ! err=$("$RESTWATCH" --db "$DB" log --date "2026-03-0$d" \
				--activity "$kind:$m" 2>&1 >/dev/null); then
				echo "log $kind:$m on day $d: exit $?: $err" >>"$TMP/fail-$kind"
			fi
		done
	done
}

# reader: show --json and status until $TMP/stop appears; every run must
# exit 0.  The JSON is kept in $TMP/show/N.json to be checked afterwards.
reader() {
	local n=0 err
	mkdir -p "$TMP/show"
	while [ ! -e "$TMP/stop" ]; do
		if ! "$RESTWATCH" --db "$DB" show --json >"$TMP/show/$n.json" 2>"$TMP/show.err"; then
			echo "show --json: $(cat "$TMP/show.err")" >>"$TMP/fail-reader"
		fi
		if ! err=$("$RESTWATCH" --db "$DB" status 2>&1 >/dev/null); then
			echo "status: $err" >>"$TMP/fail-reader"
		fi
		n=$((n + 1))
	done
	echo "$n" >"$TMP/reads"
}

t_two_writers_and_a_reader() {
	local start end d kind want got f
	rw log --date 2026-03-01 --rest 8
	expect_rc 0 "first log"
	start=$(date +%s%N)
	reader &
	local r=$!
	writer walking &
	local a=$!
	writer cycling &
	local b=$!
	wait "$a" "$b"
	touch "$TMP/stop"
	wait "$r"
	end=$(date +%s%N)
	for f in "$TMP"/fail-*; do
		[ -e "$f" ] || continue
		fail "$(basename "$f"): $(wc -l <"$f") failures, first: $(head -n 1 "$f")"
	done
	# Every show --json is valid JSON, and what it saw only grew: each
	# later read has at least the activities of the one before.
	python3 - "$TMP/show" <<'PY' || fail "the reader's JSON"
import json, os, sys
d = sys.argv[1]
prev = 0
for n in sorted((int(f[:-5]) for f in os.listdir(d)), key=int):
    try:
        doc = json.load(open('%s/%d.json' % (d, n)))
    except ValueError as e:
        print('    read %d: invalid JSON: %s' % (n, e)); sys.exit(1)
    acts = sum(len(x['activities']) for x in doc['days'])
    if acts < prev:
        print('    read %d saw %d activities, fewer than the read before (%d)' % (n, acts, prev)); sys.exit(1)
    prev = acts
PY
	want=""
	for ((m = 1; m <= PER_DAY; m++)); do want="$want $m"; done
	for ((d = 1; d <= DAYS; d++)); do
		for kind in walking cycling; do
			got=$(sql "SELECT activities FROM days WHERE date = '2026-03-0$d'" |
				tr ';' '\n' | sed -n "s/^$kind://p" | tr '\n' ' ')
			expect_eq " ${got% }" "$want" "day $d: $kind minutes, in the order they were logged"
		done
	done
	rw check
	expect_rc 0 "check after the concurrent writes"
	expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity_check"
	echo "# two_writers_and_a_reader: $((2 * PER_DAY * DAYS)) logs by 2 writers and $(cat "$TMP/reads") show --json + status by a reader in $(((end - start) / 1000000)) ms" >&3
}

# hold SQL: a sqlite3 shell on the journal that runs SQL and then waits for
# more on a fifo (HOLDER is its pid; release ends it).
hold() {
	mkfifo "$TMP/fifo"
	sqlite3 "$DB" <"$TMP/fifo" >"$TMP/holder.out" 2>&1 &
	HOLDER=$!
	exec 4>"$TMP/fifo"
	echo "$1" >&4
	echo "SELECT 'holding';" >&4
	local i
	for ((i = 0; i < 100; i++)); do
		grep -q holding "$TMP/holder.out" 2>/dev/null && return 0
		sleep 0.05
	done
	fail "the sqlite3 shell did not take the lock: $(cat "$TMP/holder.out")"
}

release() {
	exec 4>&-
	wait "$HOLDER"
	rm -f "$TMP/fifo"
}

t_held_write_lock_exits_75() {
	local before start ms
	rw log --date 2026-03-01 --rest 20 --note kept
	before=$(sqlite3 "$DB" .dump)
	hold 'BEGIN IMMEDIATE;'
	start=$(date +%s%N)
	rw log --date 2026-03-02 --rest 9 --note lost
	ms=$((($(date +%s%N) - start) / 1000000))
	expect_rc 75 "log while another process holds the write lock"
	expect_one_error_line
	expect_match "$ERR" 'locked by another process' "the message says why"
	expect_eq "$OUT" "" "stdout of the refused log"
	[ "$ms" -ge 4500 ] || fail "log gave up after $ms ms, before the 5 s wait"
	[ "$ms" -le 9000 ] || fail "log waited $ms ms"
	# Readers are not held up by a writer (WAL).
	rw show --json
	expect_rc 0 "show --json while the write lock is held"
	expect_eq "$(json '[x["note"] for x in d["days"]]')" '["kept"]' "what show reads"
	rw status
	expect_rc 0 "status while the write lock is held"
	release
	expect_eq "$(sqlite3 "$DB" .dump)" "$before" "the journal after the refused log"
	rw log --date 2026-03-02 --rest 9 --note later
	expect_rc 0 "log once the lock is gone"
	rw check
	expect_rc 0
}

# An exclusive lock (locking_mode=EXCLUSIVE) shuts readers out too: they
# wait, then exit 75 with one line.
t_exclusive_lock_holds_readers_75() {
	rw log --date 2026-03-01 --rest 20
	hold 'PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM days;'
	rw status
	expect_rc 75 "status under an exclusive lock"
	expect_one_error_line
	expect_match "$ERR" 'locked by another process'
	release
	rw status
	expect_rc 0 "status once the lock is gone"
}

run_tests
