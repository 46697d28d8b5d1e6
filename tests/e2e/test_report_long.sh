#!/usr/bin/env bash
# Long periods (docs/formats.md, long spans): past 60 days the text,
# Markdown and HTML reports show one row a week and the days only for the
# last 28, and the trends compare the last 4 weeks with the 4 before them;
# CSV and JSON stay one row a day.
. "$(dirname "$0")/lib.sh"

# days N: import N days ending 2026-03-10: 8 h rest, 30 min walking and
# pain 6 a day, then 60 min and pain 2 in the last 28 days; one red flag
# on 2026-01-05 (a Monday).
days() {
	python3 - "$1" "$TMP/d.csv" <<'PY'
import datetime, sys
n, out = int(sys.argv[1]), sys.argv[2]
end = datetime.date(2026, 3, 10)
with open(out, 'w', newline='') as f:
    f.write('date,rest_hours,activities,pain,symptoms,weight_kg,note\r\n')
    for i in range(n):
        d = end - datetime.timedelta(days=n - 1 - i)
        recent = (end - d).days < 28
        sym = 'fever' if d == datetime.date(2026, 1, 5) else ''
        f.write(f'{d},8,walking:{60 if recent else 30},{2 if recent else 6},{sym},,\r\n')
PY
	rw import "$TMP/d.csv"
	[ "$RC" = 0 ] || fail "import: $ERR"
}

# day_rows TEXT: lines of the text report's days table.
day_rows() {
	printf '%s\n' "$1" | grep -Ec '^  20[0-9]{2}-[0-9]{2}-[0-9]{2}  (Mon|Tue|Wed|Thu|Fri|Sat|Sun) '
}

t_text_in_weeks_and_the_last_28_days() {
	days 100
	rw report
	expect_rc 0
	expect_match "$OUT" '^Weeks$' "weeks section"
	expect_match "$OUT" 'Days \(the last 28\)' "days heading"
	expect_eq "$(day_rows "$OUT")" 28 "day rows"
	# 100 days from Mon 2025-12-01 to Tue 2026-03-10: 15 weeks.
	expect_eq "$(printf '%s\n' "$OUT" | grep -Ec '^  20[0-9]{2}-[0-9]{2}-[0-9]{2}  [0-9]+ of [0-9] ')" 15 "week rows"
	expect_match "$OUT" '^  2025-12-01  7 of 7     8\.0      210   6\.0    6        0  none$' "a full week"
	expect_match "$OUT" '^  2026-03-09  2 of 2     8\.0      120   2\.0    2        0  none$' "the short last week"
	expect_match "$OUT" '  2026-01-05  7 of 7 .* none, red flag' "the red flag's week"
	local flat
	flat=$(printf '%s' "$OUT" | tr -s ' \n' '  ')
	expect_match "$flat" 'Walking 30\.0 min a logged day in the 4 weeks before the last 4, 60\.0 in the last 4 weeks \(more\)'
	expect_match "$flat" 'Pain mean 6\.0 of 10 in the 4 weeks before the last 4, 2\.0 in the last 4 weeks \(lower\)'
}

t_sixty_days_stay_days() {
	days 60
	rw report
	expect_eq "$(day_rows "$OUT")" 60 "day rows at 60 days"
	expect_no_match "$OUT" '^Weeks$' "no weeks at 60 days"
	days 61
	rw report
	expect_match "$OUT" '^Weeks$' "weeks at 61 days"
	expect_eq "$(day_rows "$OUT")" 28 "day rows at 61 days"
}

t_markdown_and_html_in_weeks() {
	days 100
	rw report --format markdown
	expect_match "$OUT" '^## Weeks$' "markdown weeks"
	expect_match "$OUT" '## Days \(the last 28\)' "markdown days heading"
	expect_eq "$(printf '%s\n' "$OUT" | grep -Ec '^\| 20[0-9-]{8} \| [0-9]+ of [0-9] \|')" 15 "markdown week rows"
	expect_eq "$(printf '%s\n' "$OUT" | grep -Ec '^\| 20[0-9-]{8} \| (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \|')" 28 \
		"markdown day rows"
	expect_match "$OUT" '\| \*\*none, red flag\*\* \|' "markdown red-flag week"
	rw report --format html
	expect_match "$OUT" '<section id="weeks">' "html weeks"
	expect_eq "$(printf '%s\n' "$OUT" | grep -c '^<tr><td class="d"><time')" 15 "html week rows"
	expect_eq "$(printf '%s\n' "$OUT" | grep -Ec '^<tr( class="gap")?><td class="d">20')" 28 "html day rows"
}

t_csv_and_json_stay_daily() {
	days 100
	rw report --format csv
	expect_eq "$(printf '%s\n' "$OUT" | grep -c '^20')" 100 "csv rows"
	rw report --format json
	expect_eq "$(json 'len(d["days"])')" 100 "json days"
	expect_eq "$(json 'd["summary"]["walking_minutes_per_day"]')" '{"first_week": 30.0, "last_week": 60.0}' \
		"json trend: the 4 weeks before against the last 4"
}

# Two rest episodes, the second with a red flag and a held gap day (the
# clock stays at 24 h on 2026-03-06, then 16 h in bed and 20 min walking
# add 10.7 h): every format lists both with their days, peak clock, bedridden days, red-flag
# days, activity and pain.
t_episodes_in_every_format() {
	rw log --date 2026-03-01 --rest 24 --pain 8
	rw log --date 2026-03-02 --rest 20 --pain 6 --activity walking:10
	rw log --date 2026-03-03 --rest 8 --pain 3 --activity walking:40
	rw log --date 2026-03-05 --rest 24 --pain 7 --symptom fever
	rw log --date 2026-03-07 --rest 16 --activity walking:20
	rw log --date 2026-03-08 --rest 8 --activity walking:60 --pain 2
	rw report
	expect_match "$OUT" '^Episodes$' "text heading"
	expect_match "$OUT" '^  2026-03-01  2026-03-02     2       41    1  -            0       10   7\.0$' "text first"
	expect_match "$OUT" '^  2026-03-05  2026-03-07     3       35    1  -            1       20   7\.0$' "text second"
	rw report --format markdown
	expect_match "$OUT" '^\| 2026-03-05 \| 2026-03-07 \| 3 \| 35 \| 1 \|  \| \*\*1\*\* \| 20 \| 7\.0 \|$' "markdown"
	rw report --format html
	expect_match "$OUT" '<section id="episodes">' "html section"
	expect_eq "$(printf '%s\n' "$OUT" | grep -c '^<tr><td class="d"><time datetime="2026-03-0[15]">')" 2 "html rows"
	rw report --format json
	expect_eq "$(json '[(e["from"], e["to"], e["days"], e["bed_days"], e["red_flag_days"], e["activity_minutes"], e["pain_mean"]) for e in d["summary"]["episodes"]]')" \
		'[["2026-03-01", "2026-03-02", 2, 1, 0, 10, 7.0], ["2026-03-05", "2026-03-07", 3, 1, 1, 20, 7.0]]' "json"
	rw report --format pdf -o "$TMP/e.pdf"
	expect_match "$(pdftotext -layout -f 1 -l 1 "$TMP/e.pdf" -)" '2026-03-05 +2026-03-07 +3 +35 +1' "pdf page one"
}

run_tests
