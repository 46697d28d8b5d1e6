#!/usr/bin/env bash
# Undo names what it undid, and U or Ctrl-R redoes it until another change
# is made (issue 12), in a real tmux (tests/e2e/tui_lib.sh): the message on
# screen, the journal as `restwatch show` prints it after each key.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui_lib.sh"

# rest_shown: the REST column of 2026-03-10 in `restwatch show`, "" when the
# day is not logged.
rest_shown() {
	rw show
	printf '%s\n' "$OUT" | awk '$1 == "2026-03-10" { print $3 }'
}

t_undo_names_the_field_and_u_redoes() {
	rw log --date 2026-03-09 --rest 8
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys r && text 24 && keys Enter
	wait_for 'saved rest hours' || return
	wait_sql "select printf('%g', rest_hours) from days where date = '2026-03-10'" 24 || return
	expect_eq "$(rest_shown)" 24 "show after the edit"
	keys u
	wait_for 'undone: rest 24 h on 2026-03-10 \(U redoes\)' || return
	wait_sql "select count(*) from days where date = '2026-03-10'" 0 || return
	expect_eq "$(rest_shown)" "" "show after u"
	keys U
	wait_for 'redone: rest 24 h on 2026-03-10 \(u undoes\)' || return
	wait_sql "select printf('%g', rest_hours) from days where date = '2026-03-10'" 24 || return
	expect_eq "$(rest_shown)" 24 "show after U"
	keys U
	wait_for 'nothing to redo' || return
	quit_and_check
}

t_ctrl_r_redoes_until_another_change() {
	rw log --date 2026-03-10 --rest 10
	rw log --date 2026-03-10 --rest 14
	TUI_W=60 TUI_H=18 tui_start
	tui_ready || return
	keys u
	wait_for 'undone: rest 14 h on 2026-03-10' || return
	wait_sql "select printf('%g', rest_hours) from days where date = '2026-03-10'" 10 || return
	expect_eq "$(rest_shown)" 10 "show after u"
	keys C-r
	wait_for 'redone: rest 14 h on 2026-03-10' || return
	wait_sql "select printf('%g', rest_hours) from days where date = '2026-03-10'" 14 || return
	expect_eq "$(rest_shown)" 14 "show after Ctrl-R"
	keys u
	wait_for 'undone: rest 14 h on 2026-03-10' || return
	# another change: what was undone can no longer be redone
	keys p && text 4 && keys Enter
	wait_sql "select pain from days where date = '2026-03-10'" 4 || return
	keys C-r
	wait_for 'nothing to redo' || return
	expect_eq "$(rest_shown)" 10 "show after the new change"
	quit_and_check
}

t_help_lists_redo() {
	tui_start
	tui_ready || return
	keys '?'
	wait_for 'Up/Down PgUp/PgDn scroll' || return
	keys End
	wait_for 'U  Ctrl-R +redo what u undid' || return
	keys Escape
	quit_and_check
}

run_tests
