#!/usr/bin/env bash
# Edits merge or ask (issue 12, problem 2): an edit is applied to the day
# as it is when Enter is pressed.  The whole-list prompt (A) goes in as the
# items removed and added there, so an activity that `restwatch log` added
# from another shell while it was open is kept; a rest, pain, weight or
# note value changed elsewhere under an open prompt is shown beside the
# typed one and saved only after y.  Driven in a real tmux
# (tests/e2e/tui_lib.sh).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui_lib.sh"

t_whole_list_keeps_an_activity_logged_from_another_shell() {
	rw log --rest 10 --activity walking:30
	tui_start
	tui_ready || return
	wait_for 'walking 30 min' || return
	keys A
	wait_for 'Activities on .*: walking:30' || return
	keys C-u && text 'walking:30;cycling:20'
	# another shell, while the prompt is open
	rw log --activity stretching:10
	expect_rc 0 "log from another shell"
	keys Enter
	wait_for 'saved the activities on 2026-03-10, merged with a change made elsewhere' || return
	rw show --json --from 2026-03-10 --to 2026-03-10
	expect_eq "$(json '[a["kind"] + ":" + str(a["minutes"]) for a in d["days"][0]["activities"]]')" \
		'["walking:30", "stretching:10", "cycling:20"]' "activities after the merge"
	quit_and_check
}

t_whole_list_removal_applies_to_the_list_as_it_is_now() {
	rw log --activity walking:30 --activity physio:45
	tui_start
	tui_ready || return
	wait_for 'walking 30 min' || return
	keys A
	wait_for 'Activities on .*: walking:30;physio:45' || return
	keys C-u && text 'physio 45'
	rw log --activity other:5
	keys Enter
	wait_for 'merged with a change made elsewhere: now physio:45;other:5' || return
	wait_sql "select activities from days where date = '2026-03-10'" 'physio:45;other:5'
	quit_and_check
}

t_whole_list_unchanged_elsewhere_is_saved_as_typed() {
	rw log --activity walking:30 --activity physio:45
	tui_start
	tui_ready || return
	wait_for 'walking 30 min' || return
	keys A && keys C-u && text 'cycling 20, walking 30' && keys Enter
	wait_for 'saved the activities on 2026-03-10' || return
	expect_no_match "$(screen)" 'merged' "a merge message without a change elsewhere"
	wait_sql "select activities from days where date = '2026-03-10'" 'cycling:20;walking:30'
	quit_and_check
}

t_rest_changed_underneath_asks_and_n_keeps_the_other_value() {
	rw log --rest 8
	tui_start
	tui_ready || return
	wait_for 'Rest +8 h' || return
	keys r
	wait_for 'Rest hours on .*: 8' || return
	keys C-u && text 6
	rw log --rest 10
	expect_rc 0 "log from another shell"
	keys Enter
	wait_for 'rest hours changed elsewhere: now 10, yours 6\. Save yours\? \(y/N\)' || return
	# nothing is written before the answer
	expect_eq "$(sql "select printf('%g', rest_hours) from days")" 10 "rest before the answer"
	keys n
	wait_for 'cancelled: nothing changed' || return
	expect_eq "$(sql "select printf('%g', rest_hours) from days")" 10 "rest after N"
	quit_and_check
}

t_rest_changed_underneath_y_saves_the_typed_value() {
	rw log --rest 8
	tui_start
	tui_ready || return
	wait_for 'Rest +8 h' || return
	keys r && keys C-u && text 6
	rw log --rest 10
	keys Enter
	wait_for 'now 10, yours 6\. Save yours\?' || return
	keys y
	wait_for 'saved rest hours on 2026-03-10' || return
	wait_sql "select printf('%g', rest_hours) from days" 6
	quit_and_check
}

t_note_and_pain_changed_underneath_show_both() {
	rw log --pain 3 --note 'before'
	tui_start
	tui_ready || return
	wait_for 'Note +before' || return
	keys p && keys C-u && text 5
	rw log --pain 7
	keys Enter
	wait_for 'pain changed elsewhere: now 7, yours 5\. Save yours\?' || return
	keys Escape
	wait_for 'cancelled: nothing changed' || return
	keys n && keys C-u && text 'mine'
	rw log --note 'theirs'
	keys Enter
	wait_for 'the note changed elsewhere: now theirs, yours mine\. Save yours\?' || return
	keys N
	wait_for 'cancelled' || return
	expect_eq "$(sql "select pain || '|' || note from days")" '7|theirs' "pain and note after N"
	quit_and_check
}

t_same_value_elsewhere_or_no_change_saves_without_asking() {
	rw log --rest 8
	tui_start
	tui_ready || return
	wait_for 'Rest +8 h' || return
	keys r && keys C-u && text 9
	rw log --rest 9
	keys Enter
	wait_for 'saved rest hours on 2026-03-10' || return
	keys w && text 70 && keys Enter
	wait_for 'saved weight on 2026-03-10' || return
	wait_sql "select printf('%g|%g', rest_hours, weight_kg) from days" '9|70'
	quit_and_check
}

run_tests
