#!/usr/bin/env bash
# The summary's numbers (issue 13, "Wrong numbers in the summary" 1, 2, 4)
# and Markdown notes without raw HTML (6): each test failed before its fix.
. "$(dirname "$0")/lib.sh"

# flat TEXT: TEXT with every run of blanks and newlines as one space, so
# that a wrapped summary line matches as one.
flat() {
	printf '%s' "$1" | tr -s ' \n' '  '
}

log() {
	rw log "$@"
	[ "$RC" = 0 ] || fail "log $*: exit $RC: $ERR"
}

# 1. Ten logged days of exactly 30 min walking in three weeks: 30 min a
# logged day in both weeks, not 12.9 (unlogged days are unknown, not 0).
t_walking_per_logged_day() {
	local d
	for d in 01 03 05 08 10 12 15 17 19 21; do
		log --date 2026-02-$d --rest 8 --activity walking:30
	done
	rw report
	expect_match "$(flat "$OUT")" 'Walking 30\.0 min a logged day in the first week, 30\.0 in the last \(about the same\)'
	rw report --format json
	expect_eq "$(json 'd["summary"]["walking_minutes_per_day"]')" '{"first_week": 30.0, "last_week": 30.0}'
}

# 2. --from -30 with the last week unlogged: the missing days are counted
# over the requested period (up to today, 2026-03-10), not between the
# first and last logged day.
t_missing_days_over_requested_period() {
	local d
	for d in 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28; do
		log --date 2026-02-$d --rest 8
	done
	log --date 2026-03-01 --rest 8
	log --date 2026-03-02 --rest 8
	log --date 2026-03-03 --rest 8
	rw report --from -30
	expect_match "$OUT" 'report, 2026-02-08 to 2026-03-10' "period up to today"
	expect_match "$OUT" 'Days logged +23 of 31 \(8 missing\); first 2026-02-09, last 2026-03-03'
	rw report --format json --from -30
	expect_eq "$(json '[d["summary"][k] for k in ("days", "days_logged", "days_missing")]')" \
		'[31, 23, 8]'
	# An explicit --to counts to its day; days after today are not missing.
	rw report --from 2026-03-01 --to 2026-03-31
	expect_match "$OUT" 'Days logged +3 of 10 \(7 missing\)'
	# No period asked for: the logged span, nothing missing.
	rw report
	expect_match "$OUT" 'Days logged +23 of 23 \(0 missing\)'
}

# 4. No losses read "none" (never "0.0-0.0%"); the level is labelled so
# that a date is never followed by a bare "(none)".
t_zero_losses_say_none() {
	log --date 2026-03-01 --rest 8 --activity walking:30
	rw report
	expect_match "$OUT" 'Current losses +none on 2026-03-01 \(level: none\)'
	expect_no_match "$OUT" '0\.0-0\.0%' "zero band"
	expect_no_match "$OUT" '[0-9] \(none\)' "a date then (none)"
	rw report --format markdown
	expect_match "$OUT" 'Current losses:\*\* none on 2026-03-01 \(level: none\)'
}

t_partial_losses_name_the_zero_ones_none() {
	log --date 2026-02-01 --rest 24
	log --date 2026-02-02 --rest 24
	log --date 2026-02-03 --rest 24
	local d
	for d in 04 05 06 07 08; do
		log --date 2026-02-$d --rest 8 --activity walking:60
	done
	rw report
	expect_match "$(flat "$OUT")" 'Current losses muscle none, cardio none, bone 0-<0\.1% on 2026-02-08 \(level: recovering\)'
}

# 4. An empty journal has no period: text, markdown and html say so, as
# the JSON's null from and to do.
t_empty_journal_has_no_period() {
	rw report
	expect_match "$OUT" '^restwatch history report, nothing logged yet' "text"
	expect_no_match "$OUT" '2026-03-10' "today as the period"
	rw report --format markdown
	expect_match "$OUT" '\*\*Period:\*\* nothing logged yet'
	rw report --format html
	expect_match "$OUT" '<p class="period">nothing logged yet</p>'
	rw report --format json
	expect_eq "$(json '[d["from"], d["to"], d["summary"]["days"]]')" '[null, null, 0]'
	# A requested period is a period even when nothing is in it.
	rw report --format json --from 2026-03-01 --to 2026-03-05
	expect_eq "$(json '[d["from"], d["to"], d["summary"]["days_missing"]]')" \
		'["2026-03-01", "2026-03-05", 5]'
	rw report --from 2026-03-01 --to 2026-03-05
	expect_match "$OUT" 'report, 2026-03-01 to 2026-03-05'
}

# 6. A multi-line note in Markdown: no raw <br> (safe renderers drop it),
# each line's text escaped and joined by " ¶ ", blank lines collapsed.
t_markdown_note_lines_without_html() {
	log --date 2026-03-01 --rest 8 --note $'first <b>line</b>\n\nsecond | line\n'
	log --date 2026-03-02 --rest 8 --note $'\nstarts with a newline'
	rw report --format markdown
	expect_no_match "$OUT" '<br' "raw HTML"
	expect_match "$OUT" $'first \\\\<b\\\\>line\\\\</b\\\\> \xc2\xb6 second \\\\\\| line \\|' "joined lines"
	expect_match "$OUT" '\| starts with a newline \|' "no separator before the first line"
}

# 3. A period that starts inside a rest episode: the episode, the longest
# rest and the limits passed before it say that they began before the
# period, instead of seeming to start on its first day.
t_period_starting_mid_episode() {
	local d
	for d in 01 02 03 04 05 06; do
		log --date 2026-03-$d --rest 24
	done
	for d in 07 08 09; do
		log --date 2026-03-$d --rest 8 --activity walking:60
	done
	rw report --from 2026-03-04
	local flat
	flat=$(flat "$OUT")
	expect_match "$flat" 'Longest rest 3 days in the period \(it began before\), 2026-03-04 to 2026-03-06' "longest rest"
	expect_match "$OUT" '^ <2026-03-04  2026-03-06     3      144    3 ' "episode row"
	expect_match "$flat" '2026-03-04 rest passed the 48 h guideline limit .* \(this began before the period\)' "warning"
	rw report --format json --from 2026-03-04
	expect_eq "$(json '[e["began_before"] for e in d["summary"]["episodes"]]')" '[true]' "json episode"
	# The whole journal: the episode starts on its own first day.
	rw report
	expect_no_match "$OUT" 'began before' "no marker for the whole journal"
	expect_match "$OUT" '^  2026-03-01  2026-03-06     6 ' "the whole episode"
}

run_tests
