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
	on_every_screen '! URG 03-10$'
	quit_and_check
}

t_red_flag_is_the_first_line_of_today_wrapped() {
	bedrest
	rw log --date 2026-03-10 --symptom fever
	local size
	for size in 60x18 80x24; do
		TUI_W=${size%x*} TUI_H=${size#*x} tui_start
		tui_ready || return
		expect_match "$(row 1)" '^ URGENT: fever' "first line of Today at $size"
		expect_match "$(screen | tr -s '\n ' '  ')" 'see a doctor today' "the whole red-flag line at $size"
		quit_and_check
		tui_stop
	done
}

t_no_walk_advice_or_calm_band_around_a_red_flag() {
	bedrest
	rw log --date 2026-03-10 --symptom saddle-numbness
	rw log --date 2026-03-20 --rest 8 --symptom fever --future
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	wait_for 'EMERGENCY: saddle-numbness' || return
	expect_no_match "$(screen)" 'get up and walk' "walking advice on a red-flag day"
	keys t && keys l l l l l l l l l l
	wait_for '2026-03-20' || return
	# the red line first, the calm level band after the date line, never around it
	expect_match "$(row 1)" '^ URGENT: fever' "red line first"
	expect_no_match "$(screen | sed -n '1,3p')" 'none' "a level band above or around the red line"
	expect_no_match "$(screen)" 'stay as active|keep moving|get up and walk' "everyday advice on a red-flag day"
	expect_match "$(screen)" 'What to do: the red flag at the top comes first' "what to do"
	quit_and_check
}

t_clot_sentence_is_wrapped_whole_at_80() {
	bedrest
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	wait_for 'Bedridden' || return
	expect_match "$(screen | tr -s '\n ' '  ')" 'Watch for a clot: one leg swollen, painful, warm or red needs a doctor the same day; sudden breathlessness, chest pain or coughing blood is an emergency \(999 in the UK, 112 in the EU, 911 in the US\)\.' \
		"the clot sentence whole"
	expect_no_match "$(screen)" '…' "text cut on Today"
	quit_and_check
}

# ---- 1: pasted text stays text ---------------------------------------------------

# paste TEXT: paste it as a terminal would (bracketed when the TUI asked).
paste() {
	tmux -L "$TUI_SOCK" set-buffer -- "$1"
	tmux -L "$TUI_SOCK" paste-buffer -p -t t
}

t_paste_goes_into_the_note_prompt_as_text() {
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys n
	wait_for 'Note on Tue 2026-03-10' || return
	paste "$(printf 'first line\nl l l r 9\nsecond')"
	wait_for 'Note on Tue 2026-03-10: first line l l l r 9 second' || return
	keys Enter
	wait_sql "select date || '|' || coalesce(rest_hours, '') || '|' || note from days" \
		'2026-03-10||first line l l l r 9 second' || return
	expect_eq "$(sql 'select count(*) from days')" 1 "days logged by the paste"
	quit_and_check
}

# A line copied with its line break: the break is not text.
t_paste_drops_the_final_line_break() {
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys n
	wait_for 'Note on Tue 2026-03-10' || return
	paste $'slept badly\n'
	wait_for 'Note on Tue 2026-03-10: slept badly' || return
	keys Enter
	wait_sql "select '[' || note || ']' from days" '[slept badly]' || return
	quit_and_check
}

t_paste_without_a_prompt_is_ignored() {
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	paste "$(printf 'r 5\nl r 9\n')"
	wait_for 'pasted text ignored' || return
	expect_no_match "$(screen)" 'Rest hours on' "a prompt opened by the paste"
	expect_eq "$(sql 'select count(*) from days')" 0 "days logged by the paste"
	quit_and_check
}

t_paste_mode_is_switched_off_on_exit() {
	TUI_HOLD=1 TUI_W=80 TUI_H=24 tui_start
	tmux -L "$TUI_SOCK" pipe-pane -t t "cat >'$TMP/out.bytes'"
	touch "$TMP/go"
	tui_ready || return
	quit_and_check
	tmux -L "$TUI_SOCK" pipe-pane -t t
	# on after the start, and off again before the pane's shell gets it back
	expect_eq "$(LC_ALL=C grep -ao $'\e\\[?2004[hl]' "$TMP/out.bytes" | tr -d '\033' | tr '\n' ' ')" \
		'[?2004h [?2004l ' "paste mode switches"
}

# ---- 5: a note is never thrown away silently ----------------------------------------

t_one_line_note_says_when_it_hit_the_limit() {
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys n
	wait_for 'Note on' || return
	paste "$(head -c 5000 /dev/zero | tr '\0' x)"
	wait_for 'full: 4096 bytes at most' || return
	keys Enter
	wait_for 'only the first 4096 bytes' || return
	wait_sql "select length(note) from days" 4096 || return
	quit_and_check
}

t_editor_note_too_long_or_with_control_char_is_kept() {
	# $VISUAL (not $EDITOR, which would fail): first 5000 bytes; then,
	# given the kept text back, a line with a bell; then without the bell.
	cat >"$TMP/ed.sh" <<EOF
#!/bin/sh
n=\$(cat "$TMP/runs" 2>/dev/null || echo 0)
echo \$((n + 1)) >"$TMP/runs"
case \$n in
0) head -c 5000 /dev/zero | tr '\\0' y >"\$1" ;;
1) head -c 5000 "\$1" | cmp -s - "$TMP/long" && printf 'kept text\\007bell\\n' >"\$1" ;;
*) tr -d '\\007' <"\$1" >"\$1.new" && cat "\$1.new" >"\$1" ;;
esac
EOF
	chmod +x "$TMP/ed.sh"
	head -c 5000 /dev/zero | tr '\0' y >"$TMP/long"
	TUI_ENV="LANG=C.UTF-8 TERM=xterm-256color VISUAL=$TMP/ed.sh EDITOR=false" TUI_W=120 tui_start
	tui_ready || return
	keys N
	wait_for 'note: 5000 bytes is longer than 4096; not saved: your text is kept' || return
	keys N
	wait_for 'control character .*your text is kept' || return
	keys N
	wait_for 'saved the note on 2026-03-10' || return
	wait_sql "select note from days" 'kept textbell' || return
	quit_and_check
}

# ---- 9, 10: text uses the width, and a cut ends in an ellipsis ---------------------

t_today_fields_use_the_width_at_100_and_200() {
	local note='a note of seventy characters that must be seen whole on a wide screen'
	rw log --date 2026-03-10 --rest 10 --activity walking:20 --activity cycling:15 \
		--activity stretching:10 --activity physio:30 --note "$note"
	local size
	for size in 100x30 200x50; do
		TUI_W=${size%x*} TUI_H=${size#*x} tui_start
		tui_ready || return
		wait_for "Note +$note(  |\$)" || return
		wait_for 'Activities +walking 20 min, cycling 15 min, stretching 10 min, physio 30 min \(75 min\)' || return
		quit_and_check
		tui_stop
	done
}

t_cut_text_ends_in_an_ellipsis() {
	rw log --date 2026-03-10 --rest 10 --note "$(printf 'word%.0s ' $(seq 40))end"
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	wait_for 'Note +word word .*…$' || return
	quit_and_check
	tui_stop
	TUI_ENV="LANG=C TERM=xterm-256color" TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	wait_for 'Note +word word .*[^.]\.\.\.$' || return
	quit_and_check
}

t_journal_separates_symptoms_and_note_and_marks_the_red_flag() {
	rw log --date 2026-03-09 --rest 8 --symptom sciatica --symptom fever --note 'slept badly'
	rw log --date 2026-03-10 --rest 8 --note 'walked a bit'
	TUI_W=130 TUI_H=24 tui_start
	tui_ready || return
	keys 2
	wait_for 'SYMPTOMS +NOTE' || return
	wait_for '2026-03-09 .*sciatica, !fever +slept badly' || return
	local col_s col_n
	col_s=$(screen | grep 'SYMPTOMS' | awk '{print index($0, "SYMPTOMS")}')
	col_n=$(screen | grep 'Mon 2026-03-09 ' | awk '{print index($0, "slept")}')
	expect_eq "$(screen | grep 'SYMPTOMS' | awk '{print index($0, "NOTE")}')" "$col_n" "NOTE column"
	[ "$col_s" -lt "$col_n" ] || fail "SYMPTOMS at $col_s, NOTE at $col_n"
	# at 80 columns the selected day's symptoms and note show whole below
	tmux -L "$TUI_SOCK" resize-window -t t -x 80 -y 24
	keys Up
	wait_for 'Symptoms: sciatica, !fever\.  Note: slept badly' || return
	quit_and_check
}

# ---- 4: a day after today is logged only after a question ---------------------------

t_future_day_asks_once() {
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys l l l l r
	wait_for 'Sat 2026-03-14 is 4 days after today: log it anyway\? \(y/N\)' || return
	text 5
	wait_for 'cancelled: nothing changed' || return
	expect_eq "$(sql 'select count(*) from days')" 0 "days logged after no"
	keys r
	wait_for 'log it anyway' || return
	keys y
	wait_for 'Rest hours on Sat 2026-03-14' || return
	text 5 && keys Enter
	wait_sql "select date || '|' || printf('%g', rest_hours) from days" '2026-03-14|5' || return
	# once logged, the day is edited without the question
	keys p && text 3 && keys Enter
	wait_sql "select pain from days" 3 || return
	# today and the past never ask
	keys t r && text 7 && keys Enter
	wait_sql "select count(*) from days" 2 || return
	quit_and_check
}

# Issue 15: a day more than one year after today is refused, as by `log
# --future`; one year ahead still asks once.
t_future_day_past_one_year_refused() {
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	# ] is a week: 52 weeks and a day is 2027-03-10, one year after today
	keys $(printf '] %.0s' $(seq 52)) l
	wait_for 'Wed 2027-03-10' || return
	keys r
	wait_for 'Wed 2027-03-10 is 365 days after today: log it anyway' || return
	keys y
	wait_for 'Rest hours on Wed 2027-03-10' || return
	text 5 && keys Enter
	wait_sql "select date from days" 2027-03-10 || return
	keys l
	wait_for 'Thu 2027-03-11' || return
	local k
	for k in r p y; do
		keys "$k"
		wait_for 'Thu 2027-03-11 is more than one year ahead: the latest day is 2027-03-10' || return
		expect_no_match "$(screen)" 'log it anyway|on Thu 2027-03-11' "a prompt after $k"
		keys Escape
	done
	expect_eq "$(sql 'select count(*) from days')" 1 "days after the refusals"
	quit_and_check
}

# ---- 3, 14: the Report screen never replaces a file silently -------------------------

t_report_asks_before_replacing_and_names_carry_the_range() {
	bedrest
	echo 'a real report' >"$TMP/mine.txt"
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys 4
	wait_for 'File +restwatch-report-2026-03-06_2026-03-10.txt' || return
	keys w
	wait_for 'wrote the text report to' || return
	[ -s "$TMP/restwatch-report-2026-03-06_2026-03-10.txt" ] || fail "no report written"
	# the wrote line goes when a field changes; the next default does not collide
	keys f
	wait_gone 'wrote the' || return
	keys f f f f f # round the six formats back to text
	wait_for 'File +restwatch-report-2026-03-06_2026-03-10-2.txt' || return
	# a typed name that exists: asked, No keeps the file
	keys Down Down Down Enter C-u
	text mine.txt && keys Enter
	keys w
	wait_for 'mine.txt exists: replace it\? \(y/N\)' || return
	keys n
	wait_for 'cancelled: nothing changed' || return
	expect_eq "$(cat "$TMP/mine.txt")" 'a real report' "the file after No"
	keys w
	wait_for 'mine.txt exists' || return
	keys y
	wait_for 'wrote the text report to' || return
	expect_match "$(cat "$TMP/mine.txt")" 'restwatch' "the file after yes"
	quit_and_check
}

t_report_warnings_red_flags_first_and_scroll() {
	local d
	# twelve episodes of three days in bed (two warnings each), then a red flag
	for d in $(seq 0 47); do
		rw log --date "$(date -d "2026-01-01 + $d days" +%F)" --rest $(( d % 4 == 3 ? 0 : 24 ))
	done
	rw log --date 2026-03-01 --rest 8 --symptom fever
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys 4
	wait_for 'Warnings \([0-9]+, red flags first\)' || return
	local first
	first=$(screen | grep -A1 'Warnings (' | tail -1)
	expect_match "$first" '2026-03-01 .*fever' "first warning"
	keys NPage
	wait_gone '2026-03-01 .*fever' || return
	keys End
	wait_for '2026-03-0[01]' || return
	keys Home
	wait_for '2026-03-01 .*fever' || return
	quit_and_check
}

# ---- 15, 17: every key does something, help and small windows ----------------------

t_today_home_end_arrows_enter_and_f1() {
	rw log --date 2026-03-01 --rest 8
	rw log --date 2026-03-08 --rest 8
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys Home
	wait_for 'Sun 2026-03-01 ▶' || return
	keys End
	wait_for 'Sun 2026-03-08 ▶' || return
	keys Down Down
	wait_for '^▸p  Pain' || return
	keys Enter
	wait_for 'Pain on Sun 2026-03-08' || return
	keys Escape
	keys Up Up Up
	wait_for '^▸n  Note' || return
	keys F1
	wait_for 'Keys: Today' || return
	wait_for 'the first / last logged day' || return
	quit_and_check
}

t_help_wraps_instead_of_cutting_at_100() {
	TUI_W=100 TUI_H=40 tui_start
	tui_ready || return
	keys '?'
	wait_for 'Keys: Today' || return
	expect_match "$(screen | tr -d '│' | tr -s ' \n' '  ')" 'Enter toggles and closes \(red flags marked\)' \
		"the whole help line of s"
	expect_no_match "$(screen)" "…" "a cut help line"
	quit_and_check
}

t_help_scrolls_when_longer_than_the_window() {
	TUI_W=60 TUI_H=18 tui_start
	tui_ready || return
	keys '?'
	wait_for 'Up/Down PgUp/PgDn scroll' || return
	expect_no_match "$(screen)" 'Every screen' "the end of the help before scrolling"
	keys End
	wait_for 'Every screen' || return
	wait_for 'Keys: Today' || return
	keys x
	wait_gone 'Keys: Today' || return
	quit_and_check
}

t_term_dumb_says_why() {
	TUI_ENV="LANG=C.UTF-8 TERM=dumb" TUI_W=80 TUI_H=24 tui_start
	wait_for 'needs a terminal that can move the cursor, and TERM=dum' || return
	wait_for 'exit=64' || return
}

t_q_quits_below_60x18_with_a_prompt_open() {
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys r
	wait_for 'Rest hours on' || return
	tmux -L "$TUI_SOCK" resize-window -t t -x 50 -y 15
	wait_for 'needs a 60x18 terminal' || return
	quit_and_check
	expect_eq "$(sql 'select count(*) from days')" 0 "days logged"
}

# ---- friction: activities and numbers as people type them ---------------------------

t_activity_prompt_takes_what_people_type() {
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys a && text 'walk 30 min, Walking:20; cyc 15' && keys Enter
	wait_for 'saved walking 30 min, walking 20 min, cycling 15 min on 2026-03-10' || return
	keys a && text 'str 10min' && keys Enter
	wait_for 'saved stretching 10 min' || return
	wait_sql "select activities from days" 'walking:30;walking:20;cycling:15;stretching:10' || return
	# an ambiguous start is refused and named
	keys a && text 'w 30' && keys Enter
	wait_for "activity: 'w' is not an activity" || return
	keys Escape
	keys A C-u && text 'physio 45, other 5' && keys Enter
	wait_sql "select activities from days" 'physio:45;other:5' || return
	quit_and_check
}

t_decimal_comma_in_rest_and_weight() {
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys r && text '7,5' && keys Enter
	wait_for 'saved rest hours' || return
	keys w && text '72,4' && keys Enter
	wait_for 'saved weight' || return
	wait_sql "select printf('%g|%g', rest_hours, weight_kg) from days" '7.5|72.4' || return
	# Settings: a parameter typed with a comma
	keys 5 && wait_for 'Engine parameters' || return
	keys Enter C-u && text '7,5' && keys Enter
	wait_for 'set sleep_hours to 7\.5' || return
	wait_sql "select value from settings where key = 'sleep_hours'" '7.5' || return
	quit_and_check
}

# ---- 13: the forecast of an unlogged today starts from today ------------------------

t_forecast_on_an_unlogged_today_is_dated_from_today() {
	rw log --date 2026-03-01 --rest 24
	rw log --date 2026-03-02 --rest 24
	TUI_W=100 TUI_H=30 tui_start
	tui_ready || return
	wait_for 'Forecast if every next day is like Mon 2026-03-02' || return
	wait_for '\+1 day +2026-03-11 ' || return
	wait_for '\+7 days +2026-03-17 ' || return
	quit_and_check
}

t_losses_to_one_decimal() {
	bedrest
	TUI_W=100 TUI_H=30 tui_start
	tui_ready || return
	wait_for 'Losses muscle 3\.0–4\.4%  cardio 0\.9–4\.4%  bone 0\.1–0\.4%' || return
	expect_no_match "$(screen)" '[0-9]\.[0-9][0-9]' "two-decimal numbers on Today"
	quit_and_check
}

# ---- friction: y copies the previous day; the rest hours explained -----------------

t_y_copies_the_previous_logged_day_as_one_change() {
	rw log --date 2026-03-07 --rest 14 --activity walking:30 --activity physio:15 --pain 5 \
		--med ibuprofen:400mg
	TUI_W=100 TUI_H=30 tui_start
	tui_ready || return
	keys y
	wait_for 'copied rest 14 h, 1 medication and 2 activities from 2026-03-07 to 2026-03-10 \(u undoes\)' || return
	wait_sql "select printf('%g', rest_hours) || '|' || activities || '|' || coalesce(pain, '') || '|' || medications from days where date = '2026-03-10'" \
		'14|walking:30;physio:15||ibuprofen:400mg' || return
	wait_for '8 h night \+ 6 h more: rest clock \+7 h \(less for activity\)' || return
	keys u
	wait_for 'undone' || return
	wait_sql "select count(*) from days where date = '2026-03-10'" 0 || return
	quit_and_check
}

# The line under the rest hours says what the day adds to the rest clock,
# the same number the clock shows: 14 h is 6 of 16 waking hours, +9 h.
t_rest_explanation_agrees_with_the_clock() {
	rw log --rest 14
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	wait_for '8 h night \+ 6 h more: rest clock \+9 h$' || return
	wait_for 'Rest clock 9 h of the 48 h' || return
	rw log --activity walking:15
	wait_for '8 h night \+ 6 h more: rest clock \+8 h \(less for activity\)' || return
	wait_for 'Rest clock 8 h of the 48 h' || return
	rw log --activity walking:45
	wait_for '8 h night \+ 6 h more: active enough, no rest clock' || return
	wait_for 'Rest clock 0 h of the 48 h' || return
	quit_and_check
}

# What to do is wrapped whole when rows are free (it was cut at two rows
# with three blank rows under it).
t_what_to_do_is_never_cut_while_rows_are_free() {
	rw log --date 2026-03-09 --rest 24 --pain 8
	rw log --date 2026-03-10 --rest 24 --pain 8
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	wait_for 'What to do: plan to be up' || return
	expect_match "$(screen | tr -s '\n ' '  ')" 'pain this severe, talk with a doctor or physiotherapist about pain relief and staying active\.'
	expect_no_match "$(screen)" '…' "text cut on Today"
	quit_and_check
}

# A day not logged yet after a red-flag day: that red flag still leads.
t_red_flag_leads_an_unlogged_today() {
	rw log --date 2026-03-09 --rest 20 --symptom saddle-numbness
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	wait_for 'not logged: any edit below logs it' || return
	expect_match "$(screen | sed -n 2p)" '^ EMERGENCY: saddle-numbness'
	quit_and_check
}

t_symptom_picker_takes_several_with_space() {
	rw log --rest 10
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys s
	wait_for '\[ \] sciatica' || return
	keys Space
	wait_for '\[x\] sciatica' || return
	keys Down Space
	wait_for '\[x\] numbness' || return
	text back-spasm && keys Space
	wait_sql "select symptoms from days" 'sciatica;numbness;back-spasm' || return
	wait_for 'Symptoms on' || return
	keys Enter
	wait_gone 'Symptoms on' || return
	wait_sql "select symptoms from days" 'sciatica;numbness;back-spasm' || return
	# three toggles, three undo steps
	keys u
	wait_sql "select symptoms from days" 'sciatica;numbness' || return
	quit_and_check
}

# ---- 12: the calendar scrolls through the whole journal -------------------------------

t_calendar_scrolls_to_the_first_month() {
	rw log --date 2020-01-15 --rest 24
	rw log --date 2026-03-09 --rest 8
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	keys 3 v v r r r r
	wait_for 'months 60-75 of 75: Up/Down PgUp/PgDn scroll' || return
	expect_no_match "$(screen)" '2020-01' "the first month before scrolling"
	keys Home
	wait_for '2020-01 +r' || return
	wait_for 'months 1-16 of 75' || return
	keys PgDn
	wait_for 'months 16-31 of 75' || return
	keys Down
	wait_for 'months 17-32 of 75' || return
	keys End
	wait_for '2026-03 ' || return
	quit_and_check
}

run_tests
