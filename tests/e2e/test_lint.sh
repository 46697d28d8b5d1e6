#!/usr/bin/env bash
# make lint (tools/lint) passes on the repository and fails on each rule
# broken in a copy of it: a long file in src/, sqlite3.h or curses.h
# included where they do not belong, a comment naming a file that is not in
# the repository, a man page mandoc complains about, a stale exception.
. "$(dirname "$0")/lib.sh"

TOP=$(cd "$E2E_DIR/../.." && pwd)

# copy_tree: the repository, without build output, in $TMP/tree.
copy_tree() {
	mkdir "$TMP/tree"
	(cd "$TOP" && find . \( -name .git -o -name build -o -name 'build-*' \) -prune -o -type f -print |
		tar -cf - -T -) | tar -C "$TMP/tree" -xf -
}

# lint_tree: run the copy's tools/lint on the copy; output in $OUT, exit in $RC.
lint_tree() {
	OUT=$(sh "$TMP/tree/tools/lint" "$TMP/tree" 2>&1)
	RC=$?
}

# expect_lint_fails REGEX WHAT: lint fails and says REGEX.
expect_lint_fails() {
	lint_tree
	[ "$RC" -ne 0 ] || fail "$2: lint passed"
	expect_match "$OUT" "$1" "$2"
	expect_match "$OUT" '^lint: [1-9][0-9]* problems?$' "$2: the count"
}

t_the_repository_passes() {
	OUT=$(make -s -C "$TOP" lint 2>&1)
	RC=$?
	expect_rc 0 "make lint"
	expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "lint: 0 problems" "make lint"
}

t_an_untouched_copy_passes() {
	copy_tree
	lint_tree
	expect_rc 0 "lint of a copy"
}

t_a_long_file_in_src_fails() {
	copy_tree
	{
		echo '/* long.c - a file past the limit. */'
		for i in $(seq 1 600); do echo "/* line $i */"; done
	} >"$TMP/tree/src/long.c"
	expect_lint_fails '^lint: src/long\.c: 601 lines, more than 600' "a 601-line file"
}

t_a_600_line_file_passes() {
	copy_tree
	for i in $(seq 1 600); do echo "/* line $i */"; done >"$TMP/tree/src/report/long.c"
	lint_tree
	expect_rc 0 "a 600-line file"
}

t_an_exception_must_still_be_needed() {
	copy_tree
	echo 'src/date.c  a short file listed for no reason' >>"$TMP/tree/tools/lint-long-files"
	expect_lint_fails 'lint-long-files: src/date\.c is 600 lines or fewer' "a needless exception"
	copy_tree_again
	echo 'src/gone.c  a file that does not exist' >>"$TMP/tree/tools/lint-long-files"
	expect_lint_fails 'lint-long-files: src/gone\.c does not exist' "an exception for no file"
}

copy_tree_again() {
	rm -rf "$TMP/tree"
	copy_tree
}

t_an_unlisted_long_file_fails_even_beside_exceptions() {
	copy_tree
	for f in listed unlisted; do
		for i in $(seq 1 601); do echo "/* line $i */"; done >"$TMP/tree/src/$f.c"
	done
	echo 'src/listed.c  a long file listed with its reason' >>"$TMP/tree/tools/lint-long-files"
	expect_lint_fails '^lint: src/unlisted\.c: 601 lines, more than 600' "unlisted.c beside listed.c"
	expect_no_match "$OUT" 'src/listed\.c' "the listed file is not a problem"
}

t_the_empty_list_of_exceptions_is_kept() {
	expect_eq "$(grep -cv '^#' "$TOP/tools/lint-long-files")" "0" "no file is over the limit"
	copy_tree
	lint_tree
	expect_rc 0 "lint with an empty list of exceptions"
}

t_sqlite3_outside_the_journal_fails() {
	copy_tree
	sed -i '1a #include <sqlite3.h>' "$TMP/tree/src/cli.c"
	expect_lint_fails '^lint: src/cli\.c:2: includes sqlite3\.h' "sqlite3.h in cli.c"
	copy_tree_again
	printf '#include "sqlite3.h"\n' >>"$TMP/tree/include/date.h"
	expect_lint_fails '^lint: include/date\.h:[0-9]+: includes sqlite3\.h' "sqlite3.h in a header"
}

t_sqlite3_under_src_journal_passes() {
	copy_tree
	printf '/* extra.c - more of the journal. */\n#include <sqlite3.h>\n' >"$TMP/tree/src/journal/extra.c"
	lint_tree
	expect_rc 0 "sqlite3.h in src/journal/"
}

t_sqlite3_in_a_file_named_journal_c_fails() {
	copy_tree
	printf '/* journal.c - not the journal any more. */\n#include <sqlite3.h>\n' >"$TMP/tree/src/journal.c"
	expect_lint_fails '^lint: src/journal\.c:2: includes sqlite3\.h' "sqlite3.h in src/journal.c"
}

t_curses_outside_the_tui_fails() {
	copy_tree
	sed -i '1a #include <curses.h>' "$TMP/tree/src/report/text.c"
	expect_lint_fails '^lint: src/report/text\.c:2: includes curses' "curses.h in text.c"
	copy_tree_again
	sed -i '1a #  include <ncurses.h>' "$TMP/tree/src/advice.c"
	expect_lint_fails '^lint: src/advice\.c:2: includes curses' "ncurses.h in advice.c"
}

t_a_comment_naming_an_outside_file_fails() {
	copy_tree
	sed -i '1a /* the arithmetic of ../shared/ENGINE.md */' "$TMP/tree/src/date.c"
	expect_lint_fails '^lint: src/date\.c:2 names \.\./shared/ENGINE\.md, which is not in the repository' \
		"ENGINE.md in a C comment"
	copy_tree_again
	sed -i '1a // the flags of INTERFACE.md' "$TMP/tree/include/cli.h"
	expect_lint_fails '^lint: include/cli\.h:2 names INTERFACE\.md' "INTERFACE.md in a // comment"
	copy_tree_again
	sed -i '2a # as DESIGN.md says' "$TMP/tree/tests/run"
	expect_lint_fails '^lint: tests/run:3 names DESIGN\.md' "DESIGN.md in a shell comment"
	copy_tree_again
	printf -- '-- sources: EVIDENCE.md\n' >>"$TMP/tree/schema/001_init.sql"
	expect_lint_fails '^lint: schema/001_init\.sql:[0-9]+ names EVIDENCE\.md' "EVIDENCE.md in SQL"
	copy_tree_again
	printf '# see src/nothere.c\n' >>"$TMP/tree/Makefile"
	expect_lint_fails '^lint: Makefile:[0-9]+ names src/nothere\.c' "a missing source in the Makefile"
}

t_a_file_name_in_code_is_not_a_comment() {
	copy_tree
	printf 'static const char *const doc = "ENGINE.md";\n' >>"$TMP/tree/src/date.c"
	lint_tree
	expect_rc 0 "a string holding ENGINE.md"
}

t_a_man_page_mandoc_complains_about_fails() {
	copy_tree
	printf '.Sh BOGUS\n.Xx nothing\n' >>"$TMP/tree/man/restwatch.1"
	expect_lint_fails 'mandoc -Tlint man/restwatch\.1' "a broken man page"
}

run_tests
