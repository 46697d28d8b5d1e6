#!/usr/bin/env bash
# The day detail and the mouse (issue 12): Enter on a day in the Journal
# or the Calendar shows every field whole and the full note wrapped,
# scrollable; clicks pick a tab, a day or a field, and the wheel scrolls.
# Driven in a real tmux (tests/e2e/tui_lib.sh).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui_lib.sh"

# The note: 400 numbered words on 20 lines, 2,000 characters.
long_note() {
	local i
	for i in $(seq 1 400); do
		printf 'w%03d' "$i"
		if [ $((i % 20)) = 0 ]; then
			[ "$i" -lt 400 ] && printf '\n'
		else
			printf ' '
		fi
	done
}

# A day with every field: rest, tracked hours, two activities, pain, an
# ordinary symptom and a red flag, weight, two medications, the note.
full_day() {
	rw down --at 2026-03-08T09:00
	rw up --at 2026-03-08T11:30
	rw log --date 2026-03-08 --rest 20 --activity walking:30 --activity physio:15 --pain 6 \
		--symptom sciatica --symptom fever --weight 72.5 --med ibuprofen:400mg \
		--med paracetamol --note "$(long_note)"
	[ "$RC" = 0 ] || fail "log: $ERR"
	rw log --date 2026-03-09 --rest 8
}

# The words of the pane from row 2 on, in order.
words_shown() {
	screen | sed -n '3,$p' | grep -oE '\bw[0-9]{3}\b'
}

# open_detail_from_journal: Journal, up one day to 2026-03-08, Enter.
open_detail_from_journal() {
	keys 2
	wait_for '▸ .*2026-03-09' || return 1
	keys Up
	wait_for '▸ .*2026-03-08' || return 1
	keys Enter
	wait_for 'Day detail: Sun 2026-03-08 +logged' || return 1
}

t_detail_note_is_readable_whole_by_scrolling_at_80x24() {
	local seen="" page last=0 w n i
	full_day
	expect_eq "$(sql "select length(note) from days where date = '2026-03-08'")" 1999 "note length"
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	open_detail_from_journal || return
	wait_for 'lines 1-21 of [0-9]+' || return
	# PgDn page by page to the end: every word, once and in order.
	for page in $(seq 1 12); do
		for w in $(words_shown); do
			n=${w#w}
			n=$((10#$n))
			[ "$n" -gt "$last" ] && { seen="$seen $w"; last=$n; }
		done
		screen | grep -Eq 'lines [0-9]+-([0-9]+) of \1' && break
		keys PgDn
		sleep 0.3
	done
	expect_eq "$(echo $seen | wc -w)" 400 "words of the note seen by scrolling"
	expect_eq "$(echo $seen)" "$(long_note | tr '\n' ' ' | sed 's/ $//')" "the note in order"
	# each of the 20 lines of the note starts a line of the screen
	keys Home
	wait_for 'lines 1-21 of' || return
	keys End
	wait_for '^   w396 w397 w398 w399 w400 *$' || return
	keys Up
	wait_for 'lines [0-9]+-[0-9]+ of' || return
	keys Escape
	wait_for '▸ Sun 2026-03-08' || return
	quit_and_check
}

t_detail_shows_every_field_at_60x18() {
	local all="" page
	full_day
	TUI_W=60 TUI_H=18 tui_start
	tui_ready || return
	open_detail_from_journal || return
	for page in 1 2 3; do
		all="$all
$(screen)"
		keys PgDn
		sleep 0.3
	done
	expect_match "$all" 'URGENT: fever' "the red flag first"
	expect_match "$all" 'Rest +20 h' "rest"
	expect_match "$all" 'Tracked +2\.5 h lying down' "tracked hours"
	expect_match "$all" 'Activities +walking 30 min, physio 15 min' "activities"
	expect_match "$all" 'Pain +6 / 10' "pain"
	expect_match "$all" 'Symptoms +sciatica *$' "an ordinary symptom, not marked"
	expect_match "$all" '! fever: RED FLAG \(urgent\)' "the red flag marked on its symptom"
	expect_match "$all" 'Weight +72\.5 kg' "weight"
	expect_match "$all" 'Medications +ibuprofen 400mg, paracetamol' "medications"
	expect_match "$all" 'Level +resting' "level"
	expect_match "$all" 'Rest clock +[0-9.]+ h of the 48 h guideline limit' "rest clock"
	expect_match "$all" 'Losses +muscle .* cardio .* bone ' "losses"
	expect_match "$all" 'Note' "the note"
	expect_match "$all" 'w001 w002' "the note's start"
	keys Escape
	wait_gone 'Day detail' || return
	quit_and_check
}

t_detail_q_goes_back_and_enter_edits_on_today() {
	full_day
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	open_detail_from_journal || return
	keys q
	wait_for '▸ Sun 2026-03-08' || return
	wait_gone 'Day detail' || return
	keys Enter
	wait_for 'Day detail: Sun 2026-03-08' || return
	keys d
	wait_for "'d' does nothing in the day detail" || return
	keys e
	wait_for 'Sun 2026-03-08 ▶' || return
	wait_for '^.p  Pain +6 / 10' || return
	quit_and_check
}

t_detail_of_an_unlogged_day_and_from_the_calendar() {
	full_day
	rw log --date 2026-03-05 --rest 8
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys 3 v v
	wait_for 'Tue 2026-03-10 +not logged +\(Enter: detail\)' || return
	keys Left Left
	wait_for 'Sun 2026-03-08 +resting, clock [0-9.]+ h +! red flag' || return
	keys Enter
	wait_for 'Day detail: Sun 2026-03-08 +logged' || return
	keys Escape
	wait_for 'Levels:' || return
	keys Left Left
	wait_for 'Fri 2026-03-06 +not logged' || return
	keys Enter
	wait_for 'Day detail: Fri 2026-03-06 +not logged' || return
	wait_for 'Entry +not logged: nothing was recorded' || return
	wait_for 'Level +none .*not logged' || return
	keys Escape Up
	wait_for 'Wed 2026-02-25 +not logged' || return
	quit_and_check
}

# ---- the mouse --------------------------------------------------------------------

# click X Y: the first button pressed and released at column X, row Y
# (0-based), as a terminal in xterm's SGR mouse mode sends it.
click() {
	local at="$(($1 + 1));$(($2 + 1))"
	text $'\e[<0;'"${at}M"$'\e[<0;'"${at}m"
}

# wheel up|down X Y: one notch of the wheel.
wheel() {
	local b=64
	[ "$1" = down ] && b=65
	text $'\e[<'"$b;$(($2 + 1));$(($3 + 1))M"
}

# col_of ROW TEXT: the column where TEXT starts in row ROW of the pane.
col_of() {
	python3 -c 'import sys; print(sys.argv[1].find(sys.argv[2]))' "$(screen | sed -n "$(($1 + 1))p")" "$2"
}

# line_of REGEX: the first row of the pane that matches.
line_of() {
	echo $(($(screen | grep -nE -- "$1" | head -1 | cut -d: -f1) - 1))
}

t_mouse_click_a_tab_switches_the_screen_at_80_and_60() {
	bedrest
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	expect_eq "$(tmux -L "$TUI_SOCK" display -p -t t '#{mouse_any_flag}')" 1 "mouse reporting asked for"
	click "$(($(col_of 0 '3 Trends') + 2))" 0
	wait_for '^ v .*Calendar|^ v \[' || return
	wait_for 'r range +v view' || return
	click "$(col_of 0 '5 Settings')" 0
	wait_for 'Source: ' || return
	tmux -L "$TUI_SOCK" resize-window -t t -x 60 -y 18
	wait_for '! clot' || return
	click "$(col_of 0 ' 2')" 0
	wait_for 'days logged' || return
	quit_and_check
	expect_eq "$(tmux -L "$TUI_SOCK" display -p -t t '#{mouse_any_flag}')" 0 "mouse reporting after exit"
}

t_mouse_click_a_day_in_the_journal_selects_it_then_opens_it() {
	full_day
	rw log --date 2026-03-05 --rest 8 --note 'the fifth'
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys 2
	wait_for '▸ Mon 2026-03-09' || return
	click 20 "$(line_of 'Thu 2026-03-05')"
	wait_for '▸ Thu 2026-03-05' || return
	wait_for 'Note: the fifth' || return
	click 20 "$(line_of 'Thu 2026-03-05')"
	wait_for 'Day detail: Thu 2026-03-05 +logged' || return
	# the wheel scrolls the detail; a click on its body does nothing
	click 20 5
	wait_for 'Day detail: Thu 2026-03-05' || return
	keys Escape
	wait_for '▸ Thu 2026-03-05' || return
	quit_and_check
}

t_mouse_wheel_scrolls_the_journal_list() {
	local d
	for d in $(seq 1 28); do
		rw log --date "2026-02-$(printf %02d "$d")" --rest 8
	done
	rw log --date 2026-03-10 --rest 8
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys 2
	wait_for '\(row 38 of 38\)' || return
	expect_no_match "$(screen)" 'Sat 2026-02-14' "a day above the list"
	wheel up 30 8
	wheel up 30 8
	wait_for '\(row 32 of 38\)' || return
	wheel up 30 8
	wheel up 30 8
	wheel up 30 8
	wait_for '\(row 23 of 38\)' || return
	wait_for '▸ Mon 2026-02-23' || return
	wheel up 30 8
	wheel up 30 8
	wheel up 30 8
	wait_for '\(row 14 of 38\)' || return
	wait_for '▸ Sat 2026-02-14' || return
	wheel down 30 8
	wait_for '\(row 17 of 38\)' || return
	quit_and_check
}

t_mouse_click_a_calendar_day_and_a_today_field() {
	full_day
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys 3 v v
	wait_for 'Tue 2026-03-10 +not logged' || return
	# day 8 of the month: two columns a day from column 10
	click $((10 + 7 * 2)) "$(line_of '^ 2026-03 ')"
	wait_for 'Sun 2026-03-08 +resting' || return
	click $((10 + 7 * 2)) "$(line_of '^ 2026-03 ')"
	wait_for 'Day detail: Sun 2026-03-08' || return
	keys 1
	wait_for '^▸r  Rest' || return
	click 5 "$(line_of '^ p  Pain')"
	wait_for '^▸p  Pain' || return
	click 5 "$(line_of '^▸p  Pain')"
	wait_for 'Pain on Tue 2026-03-10' || return
	# an open prompt takes no clicks; typing and pasting still work
	click "$(col_of 0 '2 Journal')" 0
	sleep 0.3
	wait_for 'Pain on Tue 2026-03-10' || return
	text 4
	keys Enter
	wait_sql "select pain from days where date = '2026-03-10'" 4 || return
	quit_and_check
}

t_mouse_comes_back_after_the_editor() {
	TUI_ENV="LANG=C.UTF-8 TERM=xterm-256color VISUAL=true" TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys N
	wait_for 'Rest' || return
	sleep 0.5
	expect_eq "$(tmux -L "$TUI_SOCK" display -p -t t '#{mouse_any_flag}')" 1 "mouse reporting after the editor"
	click "$(col_of 0 '4 Report')" 0
	wait_for 'Write a report' || return
	quit_and_check
}

run_tests
