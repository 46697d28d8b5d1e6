#!/usr/bin/env bash
# Every sentence restwatch says about health, checked where a person reads
# it: --help, the man page, status, log, show, every report format and the
# five screens of the terminal interface (captured in tmux).  The rules are
# those of docs/model.md: no retired phrase, a red flag by tier and first,
# titles that follow the parameters, no number that contradicts its warning
# through rounding, bone to one decimal, held days shown as held.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tui_lib.sh"

MAN_PAGE=$(cd "$E2E_DIR/../../man" && pwd)/restwatch.1

# Failures quote at most 160 characters of the text, around what failed.
expect_match() { # expect_match TEXT REGEX [what]
	printf '%s' "$1" | grep -aEq -- "$2" ||
		fail "${3:-output}: /$2/ not found in '$(printf '%s' "$1" | tr '\n' ' ' | cut -c1-160)'"
}
expect_no_match() {
	local hit
	hit=$(printf '%s' "$1" | grep -aoE -- ".{0,60}($2).{0,60}" | head -1)
	[ -z "$hit" ] || fail "${3:-output}: /$2/ found: '$hit'"
}

EMERGENCY="saddle-numbness bladder-control bowel-control bladder-bowel-change both-legs
	worsening-weakness sexual-dysfunction major-trauma chest-pain sudden-breathlessness"
URGENT="fever unexplained-weight-loss night-pain upper-back-pain back-lump swollen-leg"
EMERGENCY=$(echo $EMERGENCY)

# The sentences the evidence contradicts, one a line (fixed strings, any case).
RETIRED='a day or two of rest can ease
ease the pain
start to weaken
before muscles weaken
rebuild strength
offsets a day in bed
hopeful
cautious
back-muscle strength
back muscles atrophy
start to decline
see a doctor urgently'

# ---- the terminal interface in tmux ---------------------------------------

# day_head DATE: Today's header for DATE, e.g. "Tue 2026-03-10".
day_head() {
	LC_ALL=C date -d "$1" '+%a %Y-%m-%d'
}

# tui_capture FIRST_DAY: the five screens (each Trends view, each Settings
# row) and Today on every day from today back to FIRST_DAY, into
# $TMP/tui.txt; Today's screens also one per file in $TMP/today-DATE.
tui_capture() {
	local d=$RESTWATCH_TODAY prev i
	: >"$TMP/tui.txt"
	TUI_W=120 TUI_H=45 tui_start
	tui_ready || return 1
	keys 2 && wait_for 'DATE +REST' && screen >>"$TMP/tui.txt"
	keys 3 && wait_for 'Rest hours per day' && screen >>"$TMP/tui.txt"
	keys v && wait_for '\[Losses\]' && screen >>"$TMP/tui.txt"
	keys v && wait_for '\[Calendar\]' && screen >>"$TMP/tui.txt"
	keys 4 && wait_for 'Write a report' && screen >>"$TMP/tui.txt"
	keys 5 && wait_for 'Engine parameters' && screen >>"$TMP/tui.txt"
	# every parameter's meaning and source, shown under the list
	for i in $(seq 2 "$("$RESTWATCH" --db "$DB" config | grep -c '^[a-z]')"); do
		prev=$(screen)
		keys Down
		wait_change "$prev"
		screen | tail -6 >>"$TMP/tui.txt"
	done
	keys 1
	while :; do
		wait_for "$(day_head "$d")" || return 1
		screen >"$TMP/today-$d"
		cat "$TMP/today-$d" >>"$TMP/tui.txt"
		[ "$d" = "$1" ] && break
		keys h
		d=$(date -d "$d - 1 day" +%F)
	done
	tui_stop
}

# joined FILE: its text on one line, runs of blanks squeezed (wrapped
# sentences read whole).
joined() {
	tr '\n' ' ' <"$1" | tr -s ' '
}

# ---- journals --------------------------------------------------------------

# An ordinary day, three in bed (clot risk), a held day, a fourth in bed
# with an urgent and an emergency red flag, then two weeks of walking:
# muscle and fitness come back, bone is still down on the last day.
story() {
	rw log --date 2026-02-14 --rest 8 --activity walking:30
	for d in 15 16 17; do
		rw log --date 2026-02-$d --rest 24 --pain 8
	done
	rw log --date 2026-02-19 --rest 24 --pain 7 --symptom fever --symptom saddle-numbness
	for d in 20 21 22 23 24 25 26 27 28; do
		rw log --date 2026-02-$d --rest 8 --activity walking:60 --pain 3
	done
	for d in 01 02 03 04 05; do
		rw log --date 2026-03-$d --rest 8 --activity walking:60 --pain 2
	done
	rw log --date 2026-03-05 --symptom sciatica
	expect_rc 0 "story"
}

# all_cli: every command's output a person or program reads, on $DB, into
# $TMP/cli.txt (people) and $TMP/machine.txt (JSON and CSV).
all_cli() {
	local f
	: >"$TMP/cli.txt"
	rw status && echo "$OUT" >>"$TMP/cli.txt"
	rw status --json && echo "$OUT" >>"$TMP/machine.txt"
	rw show && echo "$OUT" >>"$TMP/cli.txt"
	rw show --json && echo "$OUT" >>"$TMP/machine.txt"
	rw config && echo "$OUT" >>"$TMP/cli.txt"
	for f in text markdown html; do
		rw report --format $f && echo "$OUT" >"$TMP/report.$f" && cat "$TMP/report.$f" >>"$TMP/cli.txt"
		expect_rc 0 "report --format $f"
	done
	for f in csv json; do
		rw report --format $f && echo "$OUT" >"$TMP/report.$f" && cat "$TMP/report.$f" >>"$TMP/machine.txt"
	done
}

# help_and_man: --help of restwatch and of every command, and the man page.
help_and_man() {
	local c
	"$RESTWATCH" --help >"$TMP/help.txt"
	for c in $("$RESTWATCH" --help | awk '/^Commands:/{on=1; next} /^$/{on=0} on{print $1}'); do
		"$RESTWATCH" "$c" --help >>"$TMP/help.txt" 2>&1
	done
	MANWIDTH=200 mandoc -Tutf8 "$MAN_PAGE" | col -b >"$TMP/man.txt"
}

# no_retired FILE WHAT
no_retired() {
	local phrase hit
	while IFS= read -r phrase; do
		hit=$(grep -ainF -- "$phrase" "$1" | head -2)
		[ -z "$hit" ] || fail "$2 says '$phrase': $hit"
	done <<<"$RETIRED"
	hit=$(joined "$1" | grep -ioE -- 'a day or two of rest can ease|ease the pain|before muscles weaken' | head -1)
	[ -z "$hit" ] || fail "$2 says '$hit' (across a line break)"
}

# ---- (a) no retired phrase anywhere ----------------------------------------

t_no_retired_phrase_in_help_or_man_page() {
	help_and_man
	[ -s "$TMP/man.txt" ] || fail "mandoc gave no man page"
	no_retired "$TMP/help.txt" "--help"
	no_retired "$TMP/man.txt" "the man page"
}

t_no_retired_phrase_in_cli_or_reports() {
	local line
	: >"$TMP/log.txt"
	rw log --date 2026-02-14 --rest 8 --activity walking:30 && echo "$OUT" >>"$TMP/log.txt"
	for d in 15 16 17; do
		rw log --date 2026-02-$d --rest 24 --pain 8 && echo "$OUT" >>"$TMP/log.txt"
	done
	rw log --date 2026-02-19 --rest 24 --symptom saddle-numbness && echo "$OUT" >>"$TMP/log.txt"
	rw log --date 2026-02-20 --rest 8 --activity walking:60 && echo "$OUT" >>"$TMP/log.txt"
	all_cli
	no_retired "$TMP/log.txt" "log"
	no_retired "$TMP/cli.txt" "status, show, config or a report"
	no_retired "$TMP/machine.txt" "JSON or CSV"
	# the none level is not titled "Active", and nothing reads 0.0-0.0
	line=$(grep -hw Active "$TMP/log.txt" "$TMP/cli.txt" | head -1)
	[ -z "$line" ] || fail "'Active' shown: $line"
	line=$(grep -hE '(^|[^0-9.])0\.0(-|–)0\.0' "$TMP/log.txt" "$TMP/cli.txt" | head -1)
	[ -z "$line" ] || fail "a band of zero shown as 0.0-0.0: $line"
}

t_no_retired_phrase_on_any_screen() {
	local line
	story
	tui_capture 2026-02-13 || return
	no_retired "$TMP/tui.txt" "the TUI"
	line=$(grep -aw Active "$TMP/tui.txt" | head -1)
	[ -z "$line" ] || fail "TUI shows 'Active': $line"
	# Today on the ordinary first day: the none level under its own title
	expect_match "$(cat "$TMP/today-2026-02-14")" 'none . No rest episode' "the none level's title"
}

# ---- (b) red flags by tier -------------------------------------------------

# readable TEXT: TEXT on one line as a person reads it: HTML without its
# style sheet and tags, runs of blanks squeezed.
readable() {
	printf '%s' "$1" | tr '\n' ' ' | sed -e 's|<style>.*</style>||' -e 's/<[^>]*>/ /g' | tr -s ' '
}

# emergency_words TEXT WHAT SYMPTOM
emergency_words() {
	local s
	s=$(readable "$1")
	expect_match "$s" 'emergency department' "$2 ($3): the emergency department"
	expect_match "$s" '999 in the UK, 112 in the EU, 911 in the US' "$2 ($3): the emergency numbers"
	expect_match "$s" "$3" "$2 ($3): the symptom named"
}

# urgent_words TEXT WHAT SYMPTOM
urgent_words() {
	local s
	s=$(readable "$1")
	expect_match "$s" '[Ss]ee a doctor (today|the same day)' "$2 ($3): a doctor today"
	expect_match "$s" "$3" "$2 ($3): the symptom named"
	expect_no_match "$s" 'emergency department|999|112|911|EMERGENCY' "$2 ($3): emergency wording"
}

# tier_cli SYMPTOM emergency|urgent: log, status and every report of a
# journal of one day with SYMPTOM.
tier_cli() {
	local s=$1 tier=$2 check f col
	check=${tier}_words
	DB="$TMP/$s.db"
	rw log --date 2026-03-10 --rest 8 --symptom "$s"
	expect_rc 0 "log --symptom $s"
	$check "$OUT" "log" "$s"
	expect_match "$OUT" "^$(echo "$tier" | tr a-z A-Z):" "log ($s): the red flag first"
	rw status
	$check "$OUT" "status" "$s"
	expect_match "$OUT" "^$(echo "$tier" | tr a-z A-Z):" "status ($s): the red flag first"
	for f in text markdown html; do
		rw report --format $f
		$check "$OUT" "report --format $f" "$s"
	done
	rw report --format json
	expect_eq "$(json 'd["days"][-1]["urgency"]')" "$tier" "json urgency ($s)"
	rw report --format csv
	col=$(printf '%s\n' "$OUT" | head -1 | tr ',' '\n' | grep -nx urgency | cut -d: -f1)
	expect_eq "$(printf '%s\n' "$OUT" | sed -n 2p | cut -d, -f"${col:-1}")" "$tier" "csv urgency ($s)"
}

t_every_emergency_symptom_sends_to_the_emergency_department() {
	local s
	for s in $EMERGENCY; do
		tier_cli "$s" emergency
	done
}

t_every_urgent_symptom_sends_to_a_doctor_today() {
	local s
	for s in $URGENT; do
		tier_cli "$s" urgent
	done
}

# Today on sixteen days, one symptom each: the red flag is the first line
# under the top bar, in its tier's words, and the level comes after it.
t_today_shows_each_red_flag_first_by_tier() {
	local s d=2026-02-23 days="" i=0 sc first
	for s in $EMERGENCY $URGENT; do
		rw log --date "$d" --rest 8 --activity walking:30 --symptom "$s"
		expect_rc 0 "log $d $s"
		days="$days $d:$s"
		d=$(date -d "$d + 1 day" +%F)
	done
	tui_capture 2026-02-23 || return
	for i in $days; do
		d=${i%%:*}
		s=${i#*:}
		sc=$(cat "$TMP/today-$d")
		first=$(printf '%s\n' "$sc" | sed -n 2p)
		case " $EMERGENCY " in
		*" $s "*)
			expect_match "$first" 'EMERGENCY' "Today $d ($s): first line"
			emergency_words "$sc" "Today" "$s"
			;;
		*)
			expect_match "$first" 'URGENT' "Today $d ($s): first line"
			urgent_words "$sc" "Today" "$s"
			;;
		esac
		# the red flag comes before the level's banner
		# (the top bar may name the tier too; the block starts right under it)
		expect_eq "$(printf '%s\n' "$sc" | sed 1d | grep -nE 'EMERGENCY:|URGENT:' | head -1 | cut -d: -f1)" 1 \
			"Today $d ($s): the red flag's row under the top bar"
		[ "$(printf '%s\n' "$sc" | grep -n ' none . No rest episode' | cut -d: -f1)" -gt 2 ] ||
			fail "Today $d ($s): the level is not below the red flag"
	done
}

# ---- (c) the red flag leads ------------------------------------------------

t_red_flag_leads_status_log_and_report_warnings() {
	local first
	story
	rw log --date 2026-03-06 --rest 8 --symptom fever --symptom saddle-numbness
	expect_match "$OUT" '^EMERGENCY: saddle-numbness' "log: the emergency first, over fever"
	rw status
	expect_match "$OUT" '^EMERGENCY: saddle-numbness' "status: the emergency first"
	expect_no_match "$OUT" 'walk|active' "status: no everyday advice after a red flag"
	rw report
	first=$(printf '%s\n' "$OUT" | sed -n '/^Warnings/{n;p;q}')
	expect_match "$first" '^  2026-02-19  red flag: saddle-numbness - emergency' "text: first warning"
	expect_match "$(printf '%s\n' "$OUT" | sed -n '/^Warnings/,/^Days/p' | grep -E '^  [0-9]' | sed -n 2p)" \
		'red flag: saddle-numbness' "text: second warning (emergency before urgent)"
	rw report --format markdown
	first=$(printf '%s\n' "$OUT" | sed -n '/^## Warnings/,/^## Days/p' | grep -m1 '^- ')
	expect_match "$first" 'red flag: saddle-numbness - emergency' "markdown: first warning"
	rw report --format html
	first=$(printf '%s\n' "$OUT" | tr '\n' ' ' | grep -oE '<ul class="warnings">.*' | grep -oE '<li[^>]*>.{0,200}' | head -1)
	expect_match "$first" 'red flag: saddle-numbness - emergency' "html: first warning"
}

# ---- (d) titles follow the parameters --------------------------------------

t_threshold_24_never_says_48() {
	local hit
	# 20 h in bed a day: a clock of 18, 36, 54 and 72 h, never 48
	rw log --date 2026-02-14 --rest 8 --activity walking:30
	for d in 15 16 17 18; do
		rw log --date 2026-02-$d --rest 20 --pain 6
	done
	rw log --date 2026-02-20 --rest 20 --symptom fever
	for d in 21 22 23 24 25 26 27 28; do
		rw log --date 2026-02-$d --rest 8 --activity walking:60 --pain 3
	done
	for d in 01 02 03 04; do
		rw log --date 2026-03-$d --rest 8 --activity walking:60 --pain 2
	done
	rw config threshold_hours 24
	expect_rc 0 "config threshold_hours 24"
	rw log --date 2026-03-05 --rest 8 --activity walking:60 && echo "$OUT" >"$TMP/log.txt"
	all_cli
	tui_capture 2026-02-13 || return
	hit=$(grep -ahnE '(^|[^0-9.])48( ?h\b| hours)' "$TMP/log.txt" "$TMP/cli.txt" "$TMP/tui.txt" | head -3)
	[ -z "$hit" ] || fail "48 h said with a threshold of 24: $hit"
	expect_match "$(cat "$TMP/report.text")" '24 h guideline limit' "text report: the 24 h limit"
	expect_match "$(cat "$TMP/tui.txt")" 'of the 24 h guideline limit' "Today: the 24 h limit"
}

# ---- (e) no contradiction through rounding ---------------------------------

t_rest_clock_just_past_the_limit_keeps_its_decimal() {
	local hit
	for d in 08 09 10; do
		rw log --date 2026-03-$d --rest 18.75
	done
	expect_rc 0 "log"
	expect_match "$OUT" 'deconditioning \| rest clock 48\.4 h of 48 h' "log"
	all_cli
	expect_match "$(cat "$TMP/cli.txt")" 'rest clock 48\.4 h' "status"
	expect_match "$(cat "$TMP/report.text")" 'guideline limit \(rest clock 48\.4 h\)' "text warning"
	tui_capture 2026-03-08 || return
	expect_match "$(cat "$TMP/today-2026-03-10")" 'Rest clock 48\.4 h' "Today's gauge"
	hit=$(grep -ahniE 'rest clock:? +48 h|clock up to 48 h|(^|[^.0-9])48 h on the rest clock|deconditioning +48 h' \
		"$TMP/cli.txt" "$TMP/tui.txt" | head -3)
	[ -z "$hit" ] || fail "a rest clock of 48.375 h shown as 48 h: $hit"
	expect_match "$(grep -h 'Tue 2026-03-10' "$TMP/tui.txt" | head -1)" 'deconditioning +48\.4 h' "Journal row"
}

# ---- (f) bone to one decimal -----------------------------------------------

t_bone_one_decimal_for_people_four_for_machines() {
	local hit
	story
	echo "$OUT" >"$TMP/log.txt"
	all_cli
	tui_capture 2026-02-13 || return
	# a loss with two or more decimals, or a bone band, anywhere people read
	rw config
	hit=$(cat "$TMP/log.txt" "$TMP/cli.txt" | grep -vxF -- "$OUT" | sed -e 's/<[^>]*>/ /g' |
		grep -naE '[0-9]\.[0-9]{2,} ?(%|–|-[0-9<])' | head -3)
	[ -z "$hit" ] || fail "a loss with more than one decimal: $hit"
	hit=$(grep -vE '_rate_|_factor_' "$TMP/tui.txt" | grep -nE '[0-9]\.[0-9]{2,} ?(%|–|-[0-9<])' | head -3)
	[ -z "$hit" ] || fail "a loss with more than one decimal on screen: $hit"
	expect_match "$(cat "$TMP/cli.txt")" 'bone 0-<0\.1%' "status: bone under 0.1"
	expect_match "$(cat "$TMP/today-2026-03-05")" 'bone 0(-|–)<0\.1 ?%' "Today: bone under 0.1"
	rw report --format json
	expect_match "$OUT" '"bone_loss_high":0\.0[0-9]{3}[,}]' "JSON keeps 4 decimals"
	rw report --format csv
	expect_match "$OUT" ',0\.0[0-9]{3},[0-9]+,none,' "CSV keeps 4 decimals"
}

# ---- (g) a recovering day names the loss still above zero ------------------

t_recovering_names_only_the_losses_left() {
	story
	tui_capture 2026-03-04 || return
	local s
	s=$(joined "$TMP/today-2026-03-05")
	expect_match "$s" 'recovering' "Today 03-05: level"
	expect_match "$s" 'still down: bone' "Today 03-05: bone named"
	expect_no_match "$s" 'still down: muscle|muscle strength 0' "Today 03-05: muscle named"
	s=$(joined "$TMP/today-2026-03-04")
	expect_no_match "$s" '0\.0(-|–)0\.0' "Today 03-04: a zero band"
}

# ---- (h) held days are shown as held ---------------------------------------

t_held_days_are_visible() {
	local s
	story
	rw show
	expect_match "$(printf '%s\n' "$OUT" | grep 2026-02-18)" 'not logged: held\) +clot-risk +72\.0' "show"
	for f in text markdown html; do
		rw report --format $f
		s=$(printf '%s\n' "$OUT" | grep 2026-02-18 | grep -v 'red flag')
		expect_match "$s" 'not logged: held' "report --format $f: the held day"
	done
	rw report
	expect_match "$OUT" 'Longest rest +5 days, 2026-02-15 to 2026-02-19' "longest rest counts the held day"
	tui_capture 2026-02-13 || return
	expect_match "$(grep -h 'Wed 2026-02-18' "$TMP/tui.txt" | head -1)" 'not logged: held' "Journal: the held day"
	expect_match "$(joined "$TMP/today-2026-02-18")" 'clock (is )?held at 72 h' "Today: the held day"
}

t_status_says_the_clock_is_held() {
	rw log --date 2026-03-07 --rest 24
	rw log --date 2026-03-08 --rest 24
	rw status
	expect_match "$OUT" '\(2 days not logged: clock held at 48 h\)$' "status"
	RESTWATCH_TODAY=2026-03-11 rw status
	expect_match "$OUT" '\(last logged 3 days ago\)$' "status past the hold"
}

run_tests
