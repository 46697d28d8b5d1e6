#!/usr/bin/env bash
# Timed rest and medications in the TUI, in a real tmux: b lies down and
# gets up (the stretch is in the journal), the timer shows in the top bar on
# every screen at 60 and 80 columns, the nudge banner comes once per nudge
# period, m adds a medication with Tab completing a name used before, and y
# copies the previous day's medications.  RESTWATCH_NOW fixes the clock.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui_lib.sh"

export TZ=UTC

t_b_lies_down_and_gets_up() {
	TUI_ENV="LANG=C.UTF-8 TERM=xterm-256color TZ=UTC RESTWATCH_NOW=2026-03-10T10:30" tui_start
	wait_for 'Today' || return
	keys b
	wait_for 'lying down since 10:30; b when you get up' || return
	wait_sql 'SELECT down_at, up_at IS NULL FROM stretches' '1773138600|1' || return
	# up at the same minute is refused, and says why
	keys b
	wait_for 'is not after lying down at 2026-03-10 10:30' || return
	quit_and_check
	tui_stop
	TUI_ENV="LANG=C.UTF-8 TERM=xterm-256color TZ=UTC RESTWATCH_NOW=2026-03-10T11:10" tui_start
	wait_for 'down 0:40' || return
	keys b
	wait_for 'up after 40 min lying down' || return
	wait_sql 'SELECT up_at - down_at FROM stretches' 2400 || return
	wait_sql "SELECT round(tracked_hours, 4) FROM days" 0.6667 || return
	# u undoes it: lying down again
	keys u
	wait_for 'down 0:40' || return
	quit_and_check
}

t_timer_on_every_screen_at_60_and_80() {
	local w s
	RESTWATCH_NOW=2026-03-10T09:15 rw down --at 08:00
	for w in 60 80; do
		TUI_W=$w TUI_H=$((w == 60 ? 18 : 24)) \
			TUI_ENV="LANG=C.UTF-8 TERM=xterm-256color TZ=UTC RESTWATCH_NOW=2026-03-10T09:15" tui_start
		wait_for 'down 1:15' || return
		for s in 2 3 4 5 1; do
			keys "$s"
			sleep 0.2
			screen | head -1 | grep -q 'down 1:15' ||
				fail "${w} columns, screen $s: no timer in the top bar: $(screen | head -1)"
		done
		tui_stop
	done
}

t_nudge_banner_once_per_period() {
	RESTWATCH_NOW=2026-03-10T10:30 rw down --at 09:00
	TUI_ENV="LANG=C.UTF-8 TERM=xterm-256color TZ=UTC RESTWATCH_NOW=2026-03-10T10:30" tui_start
	wait_for 'down 1 h 30 min: time to get up and walk a little' || return
	# a key clears the message; the same period brings no second banner
	keys 2
	wait_gone 'time to get up' || return
	sleep 1
	screen | grep -q 'time to get up' && fail "a second banner in the same nudge period"
	quit_and_check
}

t_no_nudge_outside_waking_hours() {
	RESTWATCH_NOW=2026-03-10T23:30 rw down --at 21:00
	TUI_ENV="LANG=C.UTF-8 TERM=xterm-256color TZ=UTC RESTWATCH_NOW=2026-03-10T23:30" tui_start
	wait_for 'down 2:30' || return
	sleep 0.6
	screen | grep -q 'time to get up' && fail "a nudge at 23:30"
	quit_and_check
}

t_m_adds_a_medication_with_completion() {
	rw log --date 2026-03-09 --med co-codamol:2x8/500mg
	TUI_ENV="LANG=C.UTF-8 TERM=xterm-256color TZ=UTC RESTWATCH_NOW=2026-03-10T10:30" tui_start
	wait_for 'Today' || return
	keys m
	wait_for 'Add a medication on' || return
	text "co"
	keys Tab
	wait_for 'Add a medication on .*: co-codamol' || return
	text ":1x8/500mg"
	keys Enter
	wait_for 'saved co-codamol 1x8/500mg on 2026-03-10' || return
	wait_sql "SELECT medications FROM days WHERE date = '2026-03-10'" 'co-codamol:1x8/500mg' || return
	wait_for 'Medications +co-codamol 1x8/500mg' || return
	keys m
	text "Bad name"
	keys Enter
	wait_for 'is not a medication' || return
	keys Escape
	quit_and_check
}

t_y_copies_medications() {
	rw log --date 2026-03-09 --rest 20 --med ibuprofen:400mg --med naproxen
	TUI_ENV="LANG=C.UTF-8 TERM=xterm-256color TZ=UTC RESTWATCH_NOW=2026-03-10T10:30" tui_start
	wait_for 'Today' || return
	keys y
	wait_for 'copied rest 20 h, 2 medications and 0 activities' || return
	wait_sql "SELECT rest_hours, medications FROM days WHERE date = '2026-03-10'" \
		'20.0|ibuprofen:400mg;naproxen' || return
	quit_and_check
}

# A journal file replaced (or deleted) under the running TUI is noticed:
# the TUI says so and writes nothing, into neither file.
t_journal_replaced_under_the_tui() {
	rw log --date 2026-03-09 --rest 9
	TUI_ENV="LANG=C.UTF-8 TERM=xterm-256color TZ=UTC RESTWATCH_NOW=2026-03-10T10:30" tui_start
	wait_for 'Today' || return
	cp "$DB" "$TMP/other.db"
	mv "$TMP/other.db" "$DB"
	wait_for 'the journal file was replaced or deleted' || return
	keys r
	text 9
	keys Enter
	sleep 0.5
	expect_eq "$(sql "SELECT count(*) FROM days WHERE date = '2026-03-10'")" 0 "nothing written"
	keys Escape
	quit_and_check
}

run_tests
