#!/usr/bin/env bash
# The terminal interface as a person in an acute episode uses it (issue
# 12): the alert on every screen at every width from 60 columns, pasted
# text kept as text, nothing overwritten or lost without a question, text
# cut with an ellipsis.  Driven in a real tmux (tests/e2e/tui_lib.sh).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui_lib.sh"

# row N: line N (0-based) of the pane.
row() {
	screen | sed -n "$(($1 + 1))p"
}

# on_every_screen REGEX: each of the five screens shows REGEX in the top bar.
on_every_screen() {
	local s
	for s in 1 2 3 4 5; do
		keys "$s"
		sleep 0.2
		expect_match "$(row 0)" "$1" "top bar of screen $s at $(tmux -L "$TUI_SOCK" display -p -t t '#{window_width}')"
	done
	keys 1
}

# ---- 6, 7, 8: the alert never leaves the screen --------------------------------

t_clot_alert_on_every_screen_at_60_and_80() {
	bedrest
	TUI_W=60 TUI_H=18 tui_start
	tui_ready || return
	on_every_screen '! clot 120h$'
	tmux -L "$TUI_SOCK" resize-window -t t -x 80 -y 24
	wait_for 'clot-risk 120 h' || return
	on_every_screen '! clot-risk 120 h$'
	quit_and_check
}

t_red_flag_alert_on_every_screen_at_60() {
	bedrest
	rw log --date 2026-03-10 --symptom fever
	TUI_W=60 TUI_H=18 tui_start
	tui_ready || return
	on_every_screen '! flag 03-10$'
	quit_and_check
}

t_red_flag_is_the_first_line_of_today_wrapped() {
	bedrest
	rw log --date 2026-03-10 --symptom fever
	local size
	for size in 60x18 80x24; do
		TUI_W=${size%x*} TUI_H=${size#*x} tui_start
		tui_ready || return
		expect_match "$(row 1)" '^ urgent: see a doctor today' "first line of Today at $size"
		expect_match "$(screen | tr -s '\n ' '  ')" 'needs urgent care\)' "the whole red-flag line at $size"
		quit_and_check
		tui_stop
	done
}

t_no_walk_advice_or_calm_band_around_a_red_flag() {
	bedrest
	rw log --date 2026-03-10 --symptom saddle-numbness
	rw log --date 2026-03-20 --rest 8 --symptom fever
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	wait_for 'urgent: see a doctor today' || return
	expect_no_match "$(screen)" 'get up and walk' "walking advice on a red-flag day"
	keys t && keys l l l l l l l l l l
	wait_for '2026-03-20' || return
	# the red line first, the calm level band after the date line, never around it
	expect_match "$(row 1)" '^ urgent: see a doctor today' "red line first"
	expect_no_match "$(screen | sed -n '1,3p')" 'none' "a level band above or around the red line"
	expect_no_match "$(screen)" 'keep up your usual' "everyday advice on a red-flag day"
	quit_and_check
}

run_tests
