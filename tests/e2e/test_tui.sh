#!/usr/bin/env bash
# The terminal interface driven in a real tmux: keys in with send-keys, the
# screen read back with capture-pane, the journal read back with
# `restwatch show --json` and the sqlite3 shell.  Each test has its own
# tmux server (-L) that is killed when the test ends, whatever happens,
# and waits for the screen by polling, never by fixed sleeps.
. "$(dirname "$0")/lib.sh"

# The tmux harness (tui_start, keys, text, wait_for, ...) is shared with
# the other TUI scripts.
. "$(dirname "$0")/tui_lib.sh"

# ---- editing -------------------------------------------------------------------

t_log_full_day_with_keyboard() {
	tui_start
	tui_ready || return
	wait_for 'Tue 2026-03-10 .* today +not logged'
	keys r && text 8 && keys Enter
	wait_for 'saved rest hours on 2026-03-10' || return
	keys a && text walking:30 && keys Enter
	wait_for 'walking 30 min' || return
	# Tab completes the kind: "ph" -> "physio:"
	keys a && text ph && keys Tab && text 15 && keys Enter
	wait_for 'walking 30 min, physio 15 min' || return
	keys p && text 4 && keys Enter
	wait_for '4 / 10' || return
	keys s
	wait_for 'Symptoms on Tue 2026-03-10' || return
	text sciatica && keys Enter
	wait_for 'added sciatica on 2026-03-10' || return
	keys w && text 72.5 && keys Enter
	wait_for '72.5 kg' || return
	keys n && text 'slept badly, walked twice' && keys Enter
	wait_for 'Note +slept badly, walked twice' || return
	wait_for 'Rest +8 h'
	wait_for 'sciatica'

	rw show --json
	expect_rc 0 "show --json"
	expect_eq "$(json 'd["days"][0]["date"]')" 2026-03-10 "date"
	expect_eq "$(json 'd["days"][0]["rest_hours"]')" 8 "rest_hours"
	expect_eq "$(json '[(a["kind"], a["minutes"]) for a in d["days"][0]["activities"]]')" \
		'[["walking", 30], ["physio", 15]]' "activities"
	expect_eq "$(json 'd["days"][0]["activity_minutes"]')" 45 "activity_minutes"
	expect_eq "$(json 'd["days"][0]["pain"]')" 4 "pain"
	expect_eq "$(json 'd["days"][0]["symptoms"]')" '["sciatica"]' "symptoms"
	expect_eq "$(json 'd["days"][0]["weight_kg"]')" 72.5 "weight_kg"
	expect_eq "$(json 'd["days"][0]["note"]')" 'slept badly, walked twice' "note"
	expect_eq "$(sql "select printf('%g|%s|%d|%s|%g|%s', rest_hours, activities, pain, symptoms,
		weight_kg, note) from days where date = '2026-03-10'")" \
		'8|walking:30;physio:15|4|sciatica|72.5|slept badly, walked twice' "the row in sqlite3"
	# Seven edits, seven undo steps: each was its own transaction.
	expect_eq "$(sql "select count(*) from changes")" 7 "changes recorded"
	quit_and_check
}

t_invalid_input_is_refused_and_esc_cancels() {
	tui_start
	tui_ready || return
	keys r && text 25 && keys Enter
	wait_for 'rest: 25 is more than 24 hours' || return
	keys Escape
	wait_for 'cancelled: nothing changed' || return
	keys p && text eleven && keys Enter
	wait_for "pain: 'eleven' is not a whole number" || return
	keys Escape
	wait_for 'cancelled' || return
	keys a && text 'skiing:20' && keys Enter
	wait_for "activity: 'skiing' is not an activity" || return
	keys Escape
	wait_for 'cancelled' || return
	keys w && text 500 && keys Enter
	wait_for 'weight: 500 kg is not between 20 and 400' || return
	keys Escape
	wait_for 'cancelled' || return
	# Esc after typing a valid value still saves nothing.
	keys r && text 9
	wait_for 'Rest hours on Tue 2026-03-10 \(0-24\): 9' || return
	keys Escape
	wait_for 'cancelled' || return
	expect_eq "$(sql 'select count(*) from days')" 0 "rows after refused edits"
	expect_eq "$(sql 'select count(*) from changes')" 0 "changes after refused edits"
	quit_and_check
}

t_navigate_days_and_fill_a_gap() {
	rw log --date 2026-03-06 --rest 10
	rw log --date 2026-03-08 --rest 12 --pain 5
	tui_start
	tui_ready || return
	wait_for 'Tue 2026-03-10 .* today' || return
	wait_for '1 day not logged between 2026-03-06 and 2026-03-08; latest: 2026-03-07' || return
	keys Left Left
	wait_for 'Sun 2026-03-08 .* 2 days ago +logged' || return
	wait_for 'Rest +12 h' || return
	keys h
	wait_for 'Sat 2026-03-07 .* not logged' || return
	wait_for 'Not logged: the rest clock is held at 0 h' || return
	keys l Right
	wait_for 'Mon 2026-03-09 .* yesterday' || return
	keys t
	wait_for 'Tue 2026-03-10 .* today' || return
	# g goes to the unlogged day; editing there creates its entry.
	keys g
	wait_for 'Sat 2026-03-07' || return
	keys r && text 9 && keys Enter
	wait_for 'saved rest hours on 2026-03-07' || return
	wait_sql "select printf('%g', rest_hours) from days where date = '2026-03-07'" 9
	wait_gone 'day not logged between' || return
	keys PPage
	wait_for 'Sat 2026-02-28' || return
	keys NPage
	wait_for 'Sat 2026-03-07' || return
	quit_and_check
}

t_undo_reverts_and_says_what() {
	tui_start
	tui_ready || return
	keys r && text 6 && keys Enter
	wait_for 'saved rest hours' || return
	keys r && text 7 && keys Enter
	wait_for 'Rest +7 h' || return
	wait_sql "select printf('%g', rest_hours) from days" 7
	keys u
	wait_for 'undone: rest 7 h on 2026-03-10 \(U redoes\)' || return
	wait_for 'Rest +6 h' || return
	wait_sql "select printf('%g', rest_hours) from days" 6
	keys u
	wait_for 'undone: rest 6 h on 2026-03-10' || return
	wait_for 'not logged: any edit below logs it' || return
	wait_sql 'select count(*) from days' 0
	keys u
	wait_for 'nothing to undo' || return
	quit_and_check
}

t_symptom_picker_and_red_flags() {
	rw log --rest 10
	tui_start
	tui_ready || return
	keys s
	wait_for 'fever +RED FLAG: see a doctor today' || return
	# each red flag in its own tier's words (docs/model.md)
	wait_for 'saddle-numbness +RED FLAG: emergency department now' || return
	expect_no_match "$(screen)" 'saddle-numbness +RED FLAG: see a doctor'
	wait_for '\[ \] sciatica' || return
	# Typing filters; Enter takes the first match.
	text fev && keys Enter
	wait_for 'added fever on 2026-03-10: a RED FLAG, see a doctor today' || return
	wait_for 'fever RED FLAG' || return
	wait_for 'URGENT: fever' || return
	wait_for '! URGENT red flag 2026-03-10 *$' || return
	wait_sql "select symptoms from days" fever
	# A new symptom by name; the same name again removes it.
	keys s && text back-spasm && keys Enter
	wait_for 'added back-spasm' || return
	wait_sql "select symptoms from days" 'fever;back-spasm'
	keys s
	wait_for '\[x\] back-spasm' || return
	text back-spasm && keys Enter
	wait_for 'removed back-spasm' || return
	# Arrows and Space work too: the second row is numbness.
	keys s Down Space
	wait_for 'added numbness' || return
	keys Enter
	wait_gone 'Symptoms on' || return
	keys s && text 'Bad_Name' && keys Enter
	wait_for "symptom: 'Bad_Name' is not a symptom name" || return
	keys Escape
	wait_for 'cancelled' || return
	wait_sql "select symptoms from days" 'fever;numbness'
	keys s && text saddle-n && keys Enter
	wait_for 'added saddle-numbness on 2026-03-10: a RED FLAG, emergency department now \(999' || return
	quit_and_check
}

t_note_in_editor() {
	cat >"$TMP/ed.sh" <<EOF
#!/bin/sh
# A scripted \$EDITOR: records its arguments and the file's mode, then
# replaces the text with two lines.
echo "\$@" >"$TMP/ed.args"
stat -c %a "\$2" >"$TMP/ed.mode"
cat "\$2" >"$TMP/ed.before"
printf 'line one\nline two\n' >"\$2"
EOF
	chmod +x "$TMP/ed.sh"
	rw log --rest 9 --note 'first draft'
	TUI_ENV="LANG=C.UTF-8 TERM=xterm-256color EDITOR=$TMP/ed.sh%--flag" tui_start
	tui_ready || return
	keys N
	wait_for 'saved the note on 2026-03-10' || return
	wait_for 'line one line two \(2 lines: N\)' || return
	expect_eq "$(sql 'select note from days')" "$(printf 'line one\nline two')" "note"
	expect_eq "$(cat "$TMP/ed.mode")" 600 "temporary file mode"
	expect_eq "$(cat "$TMP/ed.before")" 'first draft' "text handed to the editor"
	expect_match "$(cat "$TMP/ed.args")" '^--flag /.*restwatch-note-' "editor arguments"
	[ ! -e "$(cut -d' ' -f2 "$TMP/ed.args")" ] || fail "the temporary file was left behind"
	# n refuses a note of several lines rather than flatten it.
	keys n
	wait_for 'the note has several lines: N edits it' || return
	quit_and_check
}

t_utf8_typing_and_line_editing() {
	tui_start
	tui_ready || return
	keys n && text 'Zürich — café' && keys Enter
	wait_for 'Note +Zürich — café' || return
	wait_sql 'select note from days' 'Zürich — café'
	# The prefill is replaced by typing, edited by the arrows and Backspace.
	keys n Home Right BSpace && text z && keys End && text ' ok' && keys Enter
	wait_for 'Note +zürich — café ok' || return
	keys n C-w C-w && text 'au lait' && keys Enter
	wait_for 'Note +zürich — au lait' || return
	keys n C-u && keys Enter
	wait_for 'saved the note \(cleared\)' || return
	wait_sql 'select note from days' ''
	quit_and_check
}

# Three years of days: the Journal screen pages from the first day to the
# last, Trends cycles its ranges, and Today walks back across a month end.
# (How fast is measured by bench/run, never here.)
t_big_journal_navigates() {
	python3 - "$TMP/big.csv" <<'PY'
import datetime, sys
d = datetime.date(2023, 3, 11)
with open(sys.argv[1], "w") as f:
    f.write("date,rest_hours,activities,pain,symptoms,weight_kg,note\r\n")
    for i in range(1096):
        if i % 13 == 5:
            d += datetime.timedelta(days=1)
            continue
        rest = 24 if i % 40 < 4 else 9
        act = "" if rest == 24 else "walking:%d" % (20 + i % 50)
        f.write("%s,%d,%s,%d,,,\r\n" % (d.isoformat(), rest, act, i % 11))
        d += datetime.timedelta(days=1)
PY
	rw import "$TMP/big.csv"
	[ "$RC" = 0 ] || { fail "import: $ERR"; return; }
	tui_start
	tui_ready || return
	keys 2
	wait_for 'days logged' || return
	keys Up Up Up Up Up Up Up Up Up Up PPage PPage PPage Home
	wait_for '▸ Sat 2023-03-11' || return
	keys 3 r r r r 1
	keys Left Left Left Left Left Left Left Left Left Left
	wait_for 'Sat 2026-02-28' || return
	quit_and_check
}

# ---- screens ---------------------------------------------------------------------

t_every_screen_with_five_days_in_bed() {
	bedrest
	tui_start
	tui_ready || return
	wait_for 'clot-risk .* Bedridden: a higher chance of blood clots' || return
	wait_for '! clot-risk 2026-03-10 120 h' || return
	wait_for 'Rest clock 120 h' || return
	wait_for '[Mm]uscle .*3\.0.4\.4%' || return
	wait_for '\+7 days +2026-03-17 +clot-risk' || return
	keys 2
	wait_for '5 days logged, 0 not logged' || return
	wait_for 'Tue 2026-03-10 +24 h +0 +- +clot-risk +120 h' || return
	wait_for '! clot-risk 2026-03-10' || return
	keys 3
	wait_for 'Rest clock, hours' || return
	wait_for 'Activity minutes per day' || return
	wait_for '! clot-risk 2026-03-10' || return
	keys v
	wait_for 'Muscle strength lost' || return
	keys v
	wait_for '2026-03 .*r r C C C' || return
	wait_for 'C clot-risk' || return
	keys r r r r
	wait_for 'Month' || return
	keys V V
	wait_for 'Rest hours per day' || return
	keys 4
	wait_for 'What the report covers: 2026-03-06 to 2026-03-10' || return
	wait_for '3 days in a row mostly in bed: a higher chance of blood clots' || return
	keys 5
	wait_for 'threshold_hours +48 +48' || return
	wait_for '! clot-risk 2026-03-10' || return
	keys Tab
	wait_for 'Bedridden: a higher chance of blood clots' || return
	keys BTab
	wait_for 'threshold_hours' || return
	keys '?'
	wait_for 'Keys: Settings' || return
	wait_for 'reset every parameter' || return
	keys Escape
	wait_gone 'Keys: Settings' || return
	keys 1 '?'
	wait_for 'Space toggles' || return
	keys x
	wait_gone 'Keys: Today' || return
	quit_and_check
}

t_journal_screen_open_delete_and_jump() {
	rw log --date 2026-03-05 --rest 20 --pain 6 --note 'bad day'
	rw log --date 2026-03-07 --rest 16 --activity walking:15
	rw log --date 2026-03-08 --rest 10
	tui_start
	tui_ready || return
	keys 2
	wait_for '3 days logged, 1 not logged' || return
	wait_for 'Fri 2026-03-06 +- not logged: held -' || return
	wait_for 'Thu 2026-03-05 +20 h +0 +6 .*bad day' || return
	wait_for '▸ Sun 2026-03-08' || return
	keys Up Up k
	wait_for '▸ Thu 2026-03-05' || return
	keys Enter
	wait_for 'Day detail: Thu 2026-03-05 +logged' || return
	keys Enter
	wait_for 'Thu 2026-03-05 .* logged' || return
	wait_for 'Note +bad day' || return
	keys 2
	wait_for '▸ Thu 2026-03-05' || return
	keys j
	keys d
	wait_for 'Fri 2026-03-06 is not logged: nothing to delete' || return
	keys j d
	wait_for 'Delete the entry of Sat 2026-03-07\? \(y/N\)' || return
	keys n
	wait_for 'cancelled: nothing changed' || return
	keys d
	wait_for 'Delete the entry' || return
	keys y
	wait_for 'deleted the entry of 2026-03-07' || return
	wait_sql "select count(*) from days where date = '2026-03-07'" 0
	wait_for '2 days logged, 2 not logged' || return
	keys /
	text 2026-03-05 && keys Enter
	wait_for '▸ Thu 2026-03-05' || return
	keys /
	text 2025-01-01 && keys Enter
	wait_for 'date: 2025-01-01 is outside the journal' || return
	keys Escape
	keys G
	wait_for '▸ Sun 2026-03-08' || return
	quit_and_check
}

t_settings_edit_default_and_reset() {
	bedrest
	tui_start
	tui_ready || return
	keys 5
	wait_for '▸ sleep_hours' || return
	keys Down
	wait_for '▸ threshold_hours' || return
	keys Enter
	wait_for 'threshold_hours \(1 to 240 h\): 48' || return
	text 72 && keys Enter
	wait_for 'set threshold_hours to 72; projections recomputed' || return
	wait_sql "select value from settings where key = 'threshold_hours'" 72.0
	wait_for 'threshold_hours +\*72 +48' || return
	# The change reaches every screen: day 5 is now resting... still 120 h.
	keys 1
	wait_for 'Rest clock 120 h +of the 72 h guideline limit' || return
	keys 5 Enter
	text abc && keys Enter
	wait_for "threshold_hours: 'abc' is not a plain decimal number" || return
	keys Escape
	keys d
	wait_for 'threshold_hours is back to its default, 48' || return
	wait_sql "select value from settings where key = 'threshold_hours'" 48.0
	keys Up Enter
	text 7 && keys Enter
	wait_for 'set sleep_hours to 7' || return
	keys R
	wait_for 'Reset every engine parameter to its default\? \(y/N\)' || return
	keys y
	wait_for 'every parameter is back to its default' || return
	wait_sql "select value from settings where key = 'sleep_hours'" 8.0
	keys u
	wait_for 'undone:' || return
	wait_sql "select value from settings where key = 'sleep_hours'" 7.0
	quit_and_check
}

t_report_screen_writes_files() {
	bedrest
	tui_start
	tui_ready || return
	keys 4
	wait_for 'File +restwatch-report-2026-03-06_2026-03-10.txt' || return
	keys w
	wait_for "wrote the text report to $TMP/restwatch-report-2026-03-06_2026-03-10.txt" || return
	[ -s "$TMP/restwatch-report-2026-03-06_2026-03-10.txt" ] || fail "no text report written"
	expect_eq "$(stat -c %a "$TMP/restwatch-report-2026-03-06_2026-03-10.txt")" 600 "report mode"
	keys f f f
	wait_for 'File +restwatch-report-2026-03-06_2026-03-10.json' || return
	keys w
	wait_for 'wrote the json report' || return
	OUT=$(cat "$TMP/restwatch-report-2026-03-06_2026-03-10.json")
	expect_eq "$(json 'len(d["days"])')" 5 "days in the json report"
	# A range: From = -2 covers the last three days.
	keys Down Enter
	wait_for 'From:' || return
	text -2 && keys Enter
	wait_for 'What the report covers: 2026-03-08 to 2026-03-10' || return
	keys Down Enter
	text notadate && keys Enter
	wait_for "To: 'notadate'" || return
	keys Escape
	# An unwritable file shows the writer's error.
	keys Down Enter
	keys C-u && text /nonexistent/dir/r.json && keys Enter
	keys w
	wait_for 'not written: /nonexistent/dir/r.json: cannot be created' || return
	quit_and_check
}

# The README's screenshots (docs/screens/*.txt): the five screens on five
# days in bed, a red flag on the fourth, at 80x24 (the size most terminals
# open at); then the day detail of the red-flag day (a clot-risk day too),
# and the calendar once the last day has an emergency red flag, whose alert
# the top bar then shows.  UPDATE_SCREENS=1 writes them; otherwise each must
# still start with the same two lines as the live screen (the body's
# wording comes from other modules and may move on between updates, and
# with it the detail's line count).
t_docs_screens() {
	local dir name k
	dir=$(cd "$E2E_DIR/../.." && pwd)/docs/screens
	bedrest
	rw log --date 2026-03-09 --symptom fever --note 'hot and shivery, called the GP'
	TUI_W=80 TUI_H=24 tui_start
	tui_ready || return
	wait_for 'Bedridden' || return
	for k in 1:today 2:journal 3:trends 4:report 5:settings 2:detail 3:calendar; do
		name=${k#*:}
		keys "${k%%:*}"
		case $name in
		today) wait_for '911 in the US' ;;
		journal) wait_for '▸ Tue 2026-03-10' && keys Up && wait_for 'Note: hot and shivery' ;;
		trends) wait_for '2026-02-25 .* +2026-03-10' ;;
		report) wait_for 'Warnings \(' ;;
		settings) wait_for 'Source: ' ;;
		detail) wait_for '▸ Mon 2026-03-09' && keys Enter && wait_for 'Medications' ;;
		calendar)
			keys Escape
			rw log --date 2026-03-10 --symptom saddle-numbness
			keys 3 v v
			wait_for 'Tue 2026-03-10 +clot-risk.*red flag' && wait_for '! EMERG' ;;
		esac
		screen >"$TMP/$name.txt"
		if [ -n "${UPDATE_SCREENS:-}" ]; then
			mkdir -p "$dir" && cp "$TMP/$name.txt" "$dir/$name.txt"
		elif [ ! -f "$dir/$name.txt" ]; then
			fail "docs/screens/$name.txt is missing (UPDATE_SCREENS=1 writes it)"
		else
			expect_eq "$(head -n 2 "$dir/$name.txt" | sed -E 's/ +lines [0-9-]+ of [0-9]+$//')" \
				"$(head -n 2 "$TMP/$name.txt" | sed -E 's/ +lines [0-9-]+ of [0-9]+$//')" \
				"docs/screens/$name.txt (UPDATE_SCREENS=1 rewrites it)"
		fi
	done
	quit_and_check
}

# ---- the terminal ------------------------------------------------------------------

t_cli_change_shows_up_while_open() {
	tui_start
	tui_ready || return
	wait_for 'today +not logged' || return
	rw log --rest 11 --pain 3
	[ "$RC" = 0 ] || fail "log while the TUI is open: $ERR"
	wait_for 'Rest +11 h' 2 || return
	wait_for 'Pain +3 / 10' 1 || return
	keys 2
	wait_for '1 day logged' || return
	rw log --date 2026-03-09 --rest 12
	wait_for '2 days logged' 2 || return
	# The TUI's own edit and the CLI's both count; undo takes the last.
	keys u
	wait_for 'undone: rest 12 h on 2026-03-09' || return
	wait_for '1 day logged' || return
	quit_and_check
}

t_resize_storm_down_to_1x1() {
	bedrest
	tui_start
	tui_ready || return
	local pid size
	pid=$(tui_pid)
	for size in 80x24 1x1 2x1 1x2 30x10 59x17 60x18 200x60 40x5 5x40 61x19 1x1 120x40 \
		10x3 100x30 3x3 59x18 60x17 100x30; do
		tmux -L "$TUI_SOCK" resize-window -t t -x "${size%x*}" -y "${size#*x}"
	done
	tmux -L "$TUI_SOCK" resize-window -t t -x 50 -y 15
	wait_for 'needs a 60x18 terminal \(now 50x15\)' || return
	kill -0 "$pid" 2>/dev/null || fail "restwatch died in the resize storm"
	tmux -L "$TUI_SOCK" resize-window -t t -x 1 -y 1
	sleep 0.3
	kill -0 "$pid" 2>/dev/null || fail "restwatch died at 1x1"
	tmux -L "$TUI_SOCK" resize-window -t t -x 60 -y 18
	tui_ready || return
	wait_for 'clot-risk' || return
	for size in 3 2 5 4 1; do
		keys "$size"
		tmux -L "$TUI_SOCK" resize-window -t t -x $((60 + size * 17)) -y $((18 + size * 3))
	done
	tmux -L "$TUI_SOCK" resize-window -t t -x 100 -y 30
	wait_for 'Bedridden: a higher chance of blood clots' || return
	kill -0 "$pid" 2>/dev/null || fail "restwatch died"
	quit_and_check
}

t_no_color_env_and_flag() {
	bedrest
	tui_start
	tui_ready || return
	wait_for 'Bedridden' || return
	expect_eq "$(colours_used)" yes "colours on a colour terminal (the check itself works)"
	quit_and_check
	tui_stop
	TUI_ENV="LANG=C.UTF-8 TERM=xterm-256color NO_COLOR=1" tui_start
	tui_ready || return
	wait_for 'Bedridden' || return
	expect_eq "$(colours_used)" no "colours with NO_COLOR=1"
	keys 3
	wait_for 'Rest clock, hours' || return
	expect_eq "$(colours_used)" no "colours on Trends with NO_COLOR=1"
	quit_and_check
	tui_stop
	tui_start --no-color
	tui_ready || return
	wait_for 'Bedridden' || return
	expect_eq "$(colours_used)" no "colours with --no-color"
	quit_and_check
}

t_ascii_only_outside_utf8() {
	bedrest
	rw log --date 2026-03-10 --note 'caf'$'\xc3\xa9'' '$'\xe2\x80\x94'' ok '$'\xf0\x9f\x98\x80' --symptom fever
	rw log --date 2026-03-01 --rest 8
	TUI_ENV="LANG=C LC_ALL=C TERM=xterm-256color" tui_start
	tui_ready || return
	wait_for 'Bedridden' || return
	wait_for 'Note +cafe - ok \?' || return
	ascii_only "Today"
	keys s
	wait_for 'RED FLAG' || return
	ascii_only "symptom picker"
	keys Escape
	wait_for 'cancelled' || return
	keys r
	wait_for 'Rest hours on' || return
	ascii_only "prompt"
	keys Escape
	local k
	for k in 2 3 v v 4 5 '?'; do
		keys "$k"
		sleep 0.3
		wait_for '1 Today +2 Journal' || return
		ascii_only "screen after $k"
	done
	keys Escape 3 r r r r
	wait_for 'Levels:' || return
	ascii_only "Trends calendar, all time"
	keys v
	wait_for 'Rest clock' || return
	ascii_only "Trends charts, all time"
	quit_and_check
}

t_quit_restores_the_terminal() {
	tui_start
	tui_ready || return
	wait_for 'today' || return
	quit_and_check
	expect_match "$(screen)" '^DONE' "the shell after restwatch"
}

t_sigterm_and_sighup_restore_the_terminal() {
	local sig
	for sig in TERM HUP; do
		tui_start
		tui_ready || return
		keys r && text 12
		wait_for 'Rest hours on' || return
		kill -"$sig" "$(tui_pid)"
		wait_for '^DONE' 5 || return
		expect_match "$(screen)" 'exit=0' "exit status after SIG$sig"
		expect_terminal_restored
		tui_stop
	done
	expect_eq "$(sql 'select count(*) from days')" 0 "an unconfirmed edit is not saved"
}

t_term_values_render() {
	local term
	bedrest
	for term in vt100 linux screen xterm-256color; do
		TUI_ENV="LANG=C.UTF-8 TERM=$term" tui_start
		tui_ready || return
		wait_for 'clot-risk' || return
		keys 2 3 4 5 1
		wait_for 'Bedridden' || return
		quit_and_check
		tui_stop
	done
}

run_tests
