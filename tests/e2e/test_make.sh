#!/usr/bin/env bash
# make check runs what the machine can: a stage whose tool is missing is
# skipped with one "skipped: STAGE: TOOL missing" line, and tools/deps check
# does not ask for the tools only those stages need.  make test (tests/all
# sets RESTWATCH_NO_SKIP) never skips: a missing tool is a failure.
# The machine's tools are hidden by running with a PATH of chosen links.
. "$(dirname "$0")/lib.sh"

TOP=$(cd "$E2E_DIR/../.." && pwd)

# only_tools TOOL...: a directory holding links to just these programs.
only_tools() {
	local dir=$TMP/bin t
	rm -rf "$dir"
	mkdir "$dir"
	for t in "$@"; do
		ln -s "$(command -v "$t")" "$dir/$t" || fail "no $t on this machine"
	done
	echo "$dir"
}

# run_stages PATH TESTS [NO_SKIP]: tests/run with no unit suites (an empty
# build directory) and the e2e scripts matching TESTS.
run_stages() {
	mkdir -p "$TMP/nobuild"
	OUT=$(cd "$TOP" && env PATH="$1" BUILD="$TMP/nobuild" TESTS="$2" RESTWATCH_NO_SKIP="${3:-}" \
		sh tests/run 2>&1)
	RC=$?
}

RUN_TOOLS="sh dirname mktemp rm cat grep sed awk cut tail"

t_check_skips_the_tui_without_tmux() {
	# shellcheck disable=SC2086
	run_stages "$(only_tools $RUN_TOOLS)" test_tui.sh
	expect_rc 0 "tests/run without tmux"
	expect_eq "$OUT" $'skipped: tests/e2e/test_tui.sh: tmux missing\n0 passed, 0 failed' "output"
}

t_check_skips_the_man_page_without_mandoc() {
	# shellcheck disable=SC2086
	run_stages "$(only_tools $RUN_TOOLS)" test_docs
	expect_rc 0 "tests/run without mandoc"
	expect_eq "$OUT" $'skipped: tests/e2e/test_docs.sh: mandoc missing\n0 passed, 0 failed' "output"
	# shellcheck disable=SC2086
	run_stages "$(only_tools $RUN_TOOLS)" test_lint
	expect_eq "$OUT" $'skipped: tests/e2e/test_lint.sh: mandoc missing\n0 passed, 0 failed' "lint"
}

t_make_test_never_skips() {
	# shellcheck disable=SC2086
	run_stages "$(only_tools $RUN_TOOLS)" test_tui.sh 1
	expect_rc 1 "tests/run without tmux under make test"
	expect_eq "$OUT" $'FAIL: tests/e2e/test_tui.sh: tmux missing (make deps installs it)\n0 passed, 1 failed' "output"
	expect_match "$(cat "$TOP/tests/all")" '^export RESTWATCH_NO_SKIP' "tests/all sets RESTWATCH_NO_SKIP"
}

t_deps_check_asks_only_for_what_building_needs() {
	local path
	path=$(only_tools sh cc pkg-config sqlite3 python3)
	OUT=$(cd "$TOP" && env -u CC PATH="$path" sh tools/deps check 2>&1)
	RC=$?
	expect_rc 0 "tools/deps check without tmux, valgrind, mandoc, man, clang"
	expect_eq "$OUT" "" "tools/deps check output"
	# The full list (make test) names every missing tool; apt-get is hidden,
	# so it only says what to install.
	OUT=$(cd "$TOP" && env -u CC PATH="$path" sh tools/deps 2>&1)
	RC=$?
	expect_rc 1 "tools/deps without the test tools"
	expect_match "$OUT" 'tmux valgrind mandoc man-db systemd poppler-utils chromium clang libclang-rt-dev' "tools/deps names them"
}

run_tests
