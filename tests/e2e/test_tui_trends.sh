#!/usr/bin/env bash
# The Trends charts (issue 12, problem 11) at 60x18 and 80x24: every
# reference line inside its axis and off the label rows, charts of at
# least four rows (scrolled when they do not all fit), dates spread along
# the x axis by the width, and an unlogged day drawn the same way in every
# chart.  Read back from the tmux pane.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui_lib.sh"

# days FROM TO ARGS...: log every day FROM..TO of 2026 (MM-DD) with ARGS.
days() {
	local d=$1 to=$2
	shift 2
	while :; do
		rw log --date "2026-$d" "$@"
		[ "$RC" = 0 ] || fail "log 2026-$d: $ERR"
		[ "$d" = "$to" ] && break
		d=$(date -u -d "2026-$d + 1 day" +%m-%d)
	done
}

# plot_rows TITLE_REGEX: the plot rows of the chart under that title.
plot_rows() {
	screen | awk -v re="$1" '
		$0 ~ re { on = 1; next }
		on && /^ *[0-9.]*│/ { print; next }
		on { exit }'
}

# ref_row TITLE_REGEX VALUE: the plot row its reference line is named on.
ref_row() {
	plot_rows "$1" | grep -E "┄.* $2\$"
}

# A label row is the top or bottom one, where the axis values are.
expect_off_label_rows() { # TITLE_REGEX VALUE what
	local row
	row=$(ref_row "$1" "$2")
	[ -n "$row" ] || { fail "$3: no reference line $2 drawn"; screen | sed 's/^/      | /'; return 1; }
	expect_no_match "$row" '^ *[0-9.]+│' "$3: the line $2 on a label row"
}

t_activity_line_180_is_drawn_80x24() {
	days 02-25 03-10 --rest 9 --activity walking:40 --pain 3
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys 3
	wait_for 'Activity minutes per day' || return
	expect_off_label_rows 'Activity minutes' 180 "activity at 80x24"
	quit_and_check
}

t_clock_line_off_the_zero_row_at_300h_80x24() {
	days 02-27 03-10 --rest 24
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys 3
	wait_for 'Rest clock, hours' || return
	expect_off_label_rows 'Rest clock' 48 "clock at 80x24"
	# the bars above the axis's top are marked as cut
	expect_match "$(plot_rows 'Rest clock' | head -n 1)" '▲' "a cut bar's mark"
	quit_and_check
}

t_charts_keep_four_rows_and_scroll_60x18() {
	days 02-27 03-10 --rest 24
	TUI_W=60 TUI_H=18 tui_start
	tui_ready || return
	keys 3
	wait_for 'charts 1-2 of 4: Up/Down' || return
	expect_eq "$(plot_rows 'Rest hours per day' | wc -l)" 6 "rest chart rows at 60x18"
	expect_eq "$(plot_rows 'Rest clock' | wc -l)" 6 "clock chart rows at 60x18"
	expect_off_label_rows 'Rest hours per day' 8 "rest at 60x18"
	expect_off_label_rows 'Rest clock' 48 "clock at 60x18"
	keys Down
	wait_for 'charts 2-3 of 4' || return
	keys PgDn
	wait_for 'charts 3-4 of 4' || return
	wait_for 'Pain 0-10' || return
	expect_off_label_rows 'Activity minutes' 180 "activity at 60x18"
	expect_eq "$(plot_rows 'Pain 0-10' | wc -l)" 6 "pain chart rows at 60x18"
	keys v
	wait_for 'charts 1-2 of 3' || return
	keys End
	wait_for 'charts 2-3 of 3' || return
	wait_for 'Bone density' || return
	expect_eq "$(plot_rows 'Bone density' | wc -l)" 6 "bone chart rows at 60x18"
	keys Home
	wait_for 'Muscle strength' || return
	quit_and_check
}

# dates_shown: the dates on the x axis line (full or month-day).
dates_shown() {
	screen | grep -E '^ {6}[0-9]{4}-[0-9]{2}-[0-9]{2} ' | grep -oE '[0-9-]{5,10}' | tr '\n' ' '
}

t_axis_dates_spread_by_the_width() {
	days 02-25 03-10 --rest 9 --activity walking:40 --pain 3
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys 3
	wait_for '^ {6}2026-02-25 ' || return
	expect_eq "$(dates_shown)" "2026-02-25 02-28 03-03 03-06 2026-03-10 " "14 days at 80x24"
	keys r
	wait_for '^ {6}2026-02-09 ' || return
	expect_eq "$(dates_shown)" "2026-02-09 02-15 02-19 02-24 03-01 2026-03-10 " "30 days at 80x24"
	tui_stop
	TUI_W=60 TUI_H=18 tui_start
	tui_ready || return
	keys 3
	wait_for '^ {6}2026-02-25 ' || return
	expect_eq "$(dates_shown)" "2026-02-25 03-01 03-04 2026-03-10 " "14 days at 60x18"
	keys r
	wait_for '^ {6}2026-02-09 ' || return
	expect_eq "$(dates_shown)" "2026-02-09 02-21 2026-03-10 " "30 days at 60x18"
	quit_and_check
}

# zero_rows: the bottom plot row of every chart on the screen.
zero_rows() {
	screen | grep -E '^ +0│'
}

# One way for a day not logged: a dot on the bottom row, in every chart,
# the held rest clock and the losses included.
t_unlogged_days_are_dots_in_every_chart_80x24() {
	days 02-25 03-02 --rest 20 --pain 6
	days 03-05 03-10 --rest 10 --activity walking:30 --pain 3
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys 3
	wait_for 'Pain 0-10' || return
	local rows want
	rows=$(zero_rows | sed 's/^[^│]*│//; s/[^·]/ /g; s/ *$//' | sort -u)
	want="                        ········" # columns of 4 cells: days 7 and 8
	expect_eq "$rows" "$want" "the gap of 03-03 and 03-04 in the 4 charts"
	expect_eq "$(zero_rows | wc -l)" 4 "charts"
	keys v
	wait_for 'Bone density' || return
	rows=$(zero_rows | sed 's/^[^│]*│//; s/[^·]/ /g; s/ *$//' | sort -u)
	expect_eq "$rows" "$want" "the gap of 03-03 and 03-04 in the loss charts"
	quit_and_check
}

# The screens read a long journal a window of days at a time (Journal,
# Calendar) or a slice between keys (Report's summary, Trends over all
# time): every row still comes from the right day.
t_long_journal_read_by_windows() {
	rw log --date 2024-01-01 --rest 20 --note first
	rw log --date 2025-06-01 --rest 9 --note middle
	rw log --date 2026-03-10 --rest 8 --note last
	TUI_W=100 TUI_H=30 tui_start
	tui_ready || return
	keys 2
	wait_for '3 days logged, 797 not logged, 2024-01-01 to 2026-03-10 +\(row 800 of 800\)' || return
	wait_for 'Note: last' || return
	keys Home
	wait_for '\(row 1 of 800\)' || return
	wait_for 'Note: first' || return
	keys / && text 2025-06-01 && keys Enter
	wait_for '\(row 518 of 800\)' || return
	wait_for 'Note: middle' || return
	keys Up
	wait_for '\(row 517 of 800\)' || return
	wait_for '▸ Sat 2025-05-31 +-- not logged --' || return
	keys 4
	wait_for 'What the report covers: 2024-01-01 to 2026-03-10' || return
	wait_for '3 days logged, 797 not logged' || return
	keys 3 r r r r
	wait_for '\[all\]' || return
	wait_for '^ {6}2024-01-01 .* 2026-03-10' || return
	quit_and_check
}

run_tests
