# lib.sh - helpers for the end-to-end tests, sourced by tests/e2e/test_*.sh.
#
# A test is a shell function named t_<name>; run_tests runs each in a fresh
# temporary directory with its own journal ($DB) and prints "ok - name" or
# "not ok - name" with the reason, then "N passed, N failed".
# $RESTWATCH is the binary under test (tests/run sets it).

RESTWATCH=${RESTWATCH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/build/restwatch}
E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DATA_DIR=$(cd "$E2E_DIR/../data" && pwd)
export RESTWATCH_TODAY=2026-03-10
unset RESTWATCH_DB XDG_DATA_HOME NO_COLOR

# rw ARGS...: run restwatch on the test's journal; output in $OUT and $ERR,
# exit status in $RC.
rw() {
	OUT=$("$RESTWATCH" --db "$DB" "$@" 2>"$TMP/stderr")
	RC=$?
	ERR=$(cat "$TMP/stderr")
	return 0
}

# rw_in INPUT ARGS...: the same with INPUT on standard input.
rw_in() {
	local input=$1
	shift
	OUT=$(printf '%s' "$input" | "$RESTWATCH" --db "$DB" "$@" 2>"$TMP/stderr")
	RC=$?
	ERR=$(cat "$TMP/stderr")
	return 0
}

# fail MESSAGE: the test fails; the message is shown under its name.
fail() {
	echo "    $*"
}

expect_rc() { # expect_rc CODE [what]
	[ "$RC" = "$1" ] || fail "${2:-command}: exit $RC, expected $1 (stderr: $ERR)"
}

expect_eq() { # expect_eq ACTUAL EXPECTED [what]
	[ "$1" = "$2" ] || fail "${3:-value}: got '$1', expected '$2'"
}

expect_match() { # expect_match TEXT REGEX [what]
	printf '%s' "$1" | grep -Eq -- "$2" || fail "${3:-output}: '$1' does not match /$2/"
}

expect_no_match() {
	! printf '%s' "$1" | grep -Eq -- "$2" || fail "${3:-output}: '$1' matches /$2/"
}

# One stderr line, starting with "restwatch: ".
expect_one_error_line() {
	local n
	n=$(printf '%s\n' "$ERR" | grep -c .)
	[ "$n" = 1 ] || fail "stderr has $n lines: $ERR"
	expect_match "$ERR" '^restwatch: ' "stderr"
}

# sql QUERY: run a query on the journal with the sqlite3 shell.
sql() {
	sqlite3 -batch -noheader "$DB" "$1"
}

# json EXPR: evaluate a Python expression on $OUT parsed as JSON (bound to d).
json() {
	printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); v=eval(sys.argv[1]); print(json.dumps(v) if not isinstance(v,str) else v)' "$1"
}

file_sum() {
	cksum <"$1" | cut -d' ' -f1,2
}

run_tests() {
	local t passed=0 failed=0
	for t in $(declare -F | awk '{print $3}' | grep '^t_'); do
		TMP=$(mktemp -d)
		DB="$TMP/journal.db"
		( cd "$TMP" && "$t" ) >"$TMP/.out" 2>&1
		local sub=$?
		# A test fails when it printed a failure line or its subshell failed.
		if [ "$sub" -eq 0 ] && ! grep -q '^    ' "$TMP/.out"; then
			echo "ok - ${t#t_}"
			passed=$((passed + 1))
		else
			echo "not ok - ${t#t_}"
			cat "$TMP/.out"
			failed=$((failed + 1))
		fi
		rm -rf "$TMP"
	done
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
