#!/usr/bin/env bash
# The documentation tells the truth: the man page is clean and names every
# command, option, parameter and exit code the program has; the README's
# quick start is the two commands CI runs.
. "$(dirname "$0")/lib.sh"

TOP=$(cd "$E2E_DIR/../.." && pwd)
MAN=$TOP/man/restwatch.1

t_man_page_is_clean() {
	local lint
	lint=$(mandoc -Tlint -Wwarning "$MAN" 2>&1)
	expect_eq "$lint" "" "mandoc -Tlint"
	MANWIDTH=80 man -l "$MAN" >/dev/null 2>&1 || fail "man -l cannot render it"
}

t_man_page_names_every_command_and_option() {
	local text cmd opt
	text=$(mandoc -Tascii -Owidth=200 "$MAN" | sed $'s/.\b//g' | expand)
	rw --help
	for cmd in $(printf '%s\n' "$OUT" | awk '/^Commands:/{on=1;next} /^$/{on=0} on{print $1}'); do
		expect_match "$text" "restwatch .*$cmd" "man page synopsis of $cmd"
		rw "$cmd" --help
		for opt in $(printf '%s\n' "$OUT" | grep -oE -- '--[a-z][a-z-]+|-o ' | sort -u); do
			expect_match "$text" -- "$opt" "man page: $cmd $opt"
		done
	done
	for opt in --db --no-color --help --version; do
		expect_match "$text" -- "$opt" "man page: $opt"
	done
}

t_man_page_names_every_parameter_and_exit_code() {
	local text name code
	text=$(mandoc -Tascii -Owidth=200 "$MAN" | sed $'s/.\b//g' | expand)
	rw config
	for name in $(printf '%s\n' "$OUT" | awk '/^[a-z_]+ /{print $1}'); do
		expect_match "$text" "$name" "man page: parameter $name"
	done
	for code in 0 64 65 66 73 74 75; do
		expect_match "$text" "^ +$code " "man page: exit code $code"
	done
	for name in RESTWATCH_DB XDG_DATA_HOME RESTWATCH_TODAY NO_COLOR EDITOR; do
		expect_match "$text" "$name" "man page: $name"
	done
	expect_match "$text" "not medical advice" "man page: the notice"
}

t_readme_quick_start_is_the_ci_command() {
	local quick
	quick=$(awk '/^## Quick start/{on=1} on && /^```sh/{c=1;next} c && /^```/{exit} c{print $1, $2}' "$TOP/README.md")
	expect_eq "$quick" $'make run\nmake test' "README quick start"
	expect_match "$(cat "$TOP/.ci/run")" 'make test' ".ci/run"
}

run_tests
