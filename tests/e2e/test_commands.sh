#!/usr/bin/env bash
# The table of commands (src/cli.c) is the one list: `restwatch --help`, each
# command's own help, the descriptors in src/cli_*.c and the man page's
# COMMANDS and SYNOPSIS all name the same commands.  The man page is read as
# roff source, so that this script needs no mandoc.
. "$(dirname "$0")/lib.sh"

TOP=$(cd "$E2E_DIR/../.." && pwd)
MAN=$TOP/man/restwatch.1

# The NAME column of --help's "Commands:" block, one a line, in its order.
help_commands() {
	rw --help
	printf '%s\n' "$OUT" | awk '/^Commands:/{on=1;next} /^$/{on=0} on{print $1}'
}

sorted() {
	printf '%s\n' "$@" | sort -u
}

t_every_listed_command_has_its_help() {
	local cmd about line1 summary top n=0
	rw --help
	top=$OUT
	for cmd in $(help_commands); do
		n=$((n + 1))
		about=$(printf '%s\n' "$top" | awk -v c="$cmd" '$1 == c {sub(/^ +[^ ]+ +/, ""); print; exit}')
		rw "$cmd" --help
		expect_rc 0 "$cmd --help"
		expect_eq "$ERR" "" "$cmd --help: stderr"
		line1=$(printf '%s\n' "$OUT" | sed -n 1p)
		# The usage may take more than one line; the summary follows a blank one.
		summary=$(printf '%s\n' "$OUT" | awk '!NF{getline; print; exit}')
		expect_match "$line1" "^Usage: restwatch \\[--db PATH\\] $cmd( |\$)" "$cmd --help: usage line"
		# The one-line summary of --help, as the sentence under the usage.
		expect_eq "$summary" "$(printf '%s' "${about:0:1}" | tr a-z A-Z)${about:1}." \
			"$cmd --help: summary"
		local own=$OUT
		rw help "$cmd"
		expect_rc 0 "help $cmd"
		expect_eq "$OUT" "$own" "help $cmd equals $cmd --help"
		rw "$cmd" -h
		expect_eq "$OUT" "$own" "$cmd -h equals $cmd --help"
	done
	[ "$n" -gt 0 ] || fail "--help lists no command"
	[ ! -e "$DB" ] || fail "a command's --help created the journal"
}

t_man_page_commands_are_the_table() {
	local listed man synopsis
	listed=$(sorted $(help_commands))
	# The top-level items of COMMANDS (".It Cm NAME ..."), and the commands
	# of SYNOPSIS (".Cm NAME" after ".Op Fl -db Ar path").
	man=$(sorted $(awk '/^\.Sh COMMANDS/{on=1;next} /^\.Sh/{on=0} on && /^\.It Cm /{print $3}' "$MAN"))
	synopsis=$(sorted $(awk '/^\.Sh SYNOPSIS/{on=1;next} /^\.Sh/{on=0} on && /^\.Cm /{print $2}' "$MAN"))
	expect_eq "$man" "$listed" "man page COMMANDS against restwatch --help"
	expect_eq "$synopsis" "$listed" "man page SYNOPSIS against restwatch --help"
}

t_every_descriptor_is_in_the_table() {
	local defined named
	# Each `const struct cli_command cli_cmd_NAME` in src/, and its .name.
	defined=$(sorted $(sed -n 's/^const struct cli_command cli_cmd_\([a-z_]*\) = {$/\1/p' "$TOP"/src/*.c))
	named=$(sorted $(awk '/^const struct cli_command cli_cmd_/{on=1} on && /^\t\.name = /{gsub(/[",]/, "", $3); print $3; on=0}' "$TOP"/src/*.c))
	expect_eq "$defined" "$(sorted $(help_commands))" "descriptors in src/ against restwatch --help"
	expect_eq "$named" "$defined" "each descriptor's .name is its identifier's"
}

# The global options that may follow a command (--db, --no-color) are taken
# there; a command's option that takes a value takes the next word even when
# it looks like one; --no-bell goes before the command only.
t_global_options_after_the_command() {
	local other=$TMP/other.db
	OUT=$("$RESTWATCH" log --rest 3 --db="$other" --no-color 2>&1)
	expect_match "$OUT" '^2026-03-10 ' "log --db=FILE"
	[ -e "$other" ] || fail "--db=FILE after the command did not name the journal"
	OUT=$("$RESTWATCH" log --note --db --db "$other" 2>&1)
	expect_match "$OUT" '^2026-03-10 ' "log --note --db"
	expect_eq "$(sqlite3 -batch -noheader "$other" "SELECT note FROM days")" "--db" \
		"--note took --db as its value"
	OUT=$("$RESTWATCH" log --db 2>&1)
	expect_eq "$?" 64 "log --db without a path: exit"
	expect_eq "$OUT" "restwatch: --db: needs a path"
	OUT=$("$RESTWATCH" status --no-bell --db "$other" 2>&1)
	expect_eq "$?" 64 "--no-bell after the command: exit"
	expect_eq "$OUT" "restwatch: status: unknown option '--no-bell' (see restwatch status --help)"
}

# The bash and zsh completions offer every command, every option of log,
# report, down and up, and every parameter of config: a new one shows here.
t_completions_know_every_command_option_and_parameter() {
	local f w words
	words="$(help_commands) --no-bell"
	for c in log report down up; do
		words="$words $("$RESTWATCH" "$c" --help | grep -oE -- '(^|[[ ])--[a-z][a-z-]*' | tr -d '[ ' | sort -u | grep -v '^--db$')"
	done
	words="$words $("$RESTWATCH" --db "$DB" config | grep "^[a-z]" | awk "{print \$1}")"
	for f in "$TOP/completions/restwatch.bash" "$TOP/completions/_restwatch"; do
		for w in $words; do
			grep -qE -- "(^|[^a-z_-])$w([^a-z_-]|$)" "$f" || fail "$(basename "$f"): no $w"
		done
	done
}

run_tests
