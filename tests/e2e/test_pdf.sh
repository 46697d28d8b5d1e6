#!/usr/bin/env bash
# `restwatch report --format pdf` (docs/formats.md, PDF report), read back
# with poppler's pdftotext and pdfinfo: page one carries the name, the
# period, the date written, the red flag and the summary; A4 or Letter from
# --paper or the locale; weekly rows past 60 days keep ten years short; a
# terminal never receives the bytes.
. "$(dirname "$0")/lib.sh"

log() {
	rw log "$@"
	[ "$RC" = 0 ] || fail "log $*: exit $RC: $ERR"
}

# An episode with a red flag and a clot-risk day, then recovery.
fixture() {
	log --date 2026-02-20 --rest 24 --pain 8 --symptom sciatica --note "Lifted a box"
	log --date 2026-02-21 --rest 24 --pain 8
	log --date 2026-02-22 --rest 22 --activity walking:10 --pain 7
	log --date 2026-02-23 --rest 20 --pain 7 --symptom fever
	log --date 2026-02-26 --rest 16 --activity walking:20 --pain 5 --note $'two\nlines — ça va'
	log --date 2026-03-01 --rest 9 --activity walking:40 --pain 0
	log --date 2026-03-05 --rest 8 --activity walking:60 --pain 2
}

# page1 FILE: the text of page one, layout kept.
page1() {
	pdftotext -layout -f 1 -l 1 "$1" -
}

t_page_one_is_complete() {
	fixture
	rw report --format pdf --name "Jane Ø. Doe" --paper a4 -o "$TMP/r.pdf"
	expect_rc 0
	[ "$(head -c 5 "$TMP/r.pdf")" = "%PDF-" ] || fail "not a PDF"
	local p1
	p1=$(page1 "$TMP/r.pdf")
	expect_match "$p1" 'Jane Ø\. Doe' "name"
	expect_match "$p1" 'Period 2026-02-20 to 2026-03-05\. Written 2026-03-10\.' "period and date"
	expect_match "$p1" 'Red flags' "red flags heading"
	expect_match "$p1" '2026-02-23 +red flag: fever - see a doctor the same day' "the red flag, dated"
	expect_match "$p1" 'Days logged +7 of 14 \(7 missing\)' "summary"
	expect_match "$p1" 'Longest rest +9 days, 2026-02-20 to 2026-02-28' "summary"
	expect_match "$p1" 'Rest clock, hours' "rest-clock chart"
	expect_match "$p1" 'Pain, 0 to 10' "pain chart"
	expect_match "$p1" 'page 1 of 2' "footer"
	expect_match "$(pdfinfo "$TMP/r.pdf")" 'Pages: +2' "page count"
	expect_match "$(pdfinfo "$TMP/r.pdf")" 'Page size: +595\.28 x 841\.89 pts \(A4\)' "A4"
	expect_match "$(pdfinfo "$TMP/r.pdf")" 'Title: +restwatch history report: Jane Ø\. Doe, 2026-02-20 to 2026-03-05'
	# The days start under page one's warnings and go on on page two,
	# under the table's head again.
	expect_match "$p1" 'Days' "days heading on page one"
	expect_match "$p1" '2026-02-20 +Fri +24 .*Lifted a box' "first day row on page one"
	local p2 all
	p2=$(pdftotext -layout -f 2 -l 2 "$TMP/r.pdf" -)
	expect_match "$p2" 'Date +Day +Rest h' "the table's head on page two"
	expect_no_match "$p2" 'Summary|Rest clock, hours' "page one's parts on page two"
	all=$(pdftotext -layout "$TMP/r.pdf" -)
	expect_match "$all" '2026-02-23 +Mon +20' "day row"
	expect_match "$all" '2026-02-24 .*not logged' "gap day"
	expect_match "$all" '2026-03-05 +Thu +8 ' "last day row"
}

# A week, and two, fit one page on A4 and on Letter: the days under page
# one's warnings, each readable.
t_short_spans_one_page() {
	local d paper n txt
	for d in 24 25 26 27 28; do
		log --date 2026-02-$d --rest 9 --activity walking:30 --pain 2
	done
	log --date 2026-03-01 --rest 20 --pain 6 --symptom sciatica --note "Bent to tie a shoe"
	log --date 2026-03-02 --rest 12 --activity walking:10 --pain 4
	for paper in a4 letter; do
		rw report --format pdf --paper $paper -o "$TMP/w.pdf"
		expect_rc 0
		expect_match "$(pdfinfo "$TMP/w.pdf")" 'Pages: +1$' "a week on $paper: pages"
		txt=$(pdftotext -layout "$TMP/w.pdf" -)
		expect_match "$txt" 'Summary' "$paper: summary"
		expect_match "$txt" 'Rest clock, hours' "$paper: chart"
		expect_match "$txt" 'page 1 of 1' "$paper: footer"
		n=$(printf '%s\n' "$txt" | grep -Ec '^ *2026-0[23]-[0-9]{2} +(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ')
		expect_eq "$n" 7 "$paper: day rows"
		expect_match "$txt" '2026-02-24 +Tue +9 +30 +2 ' "$paper: first day"
		expect_match "$txt" '2026-03-01 +Sun +20 .*sciatica; Bent to tie a shoe' "$paper: note"
		expect_match "$txt" '2026-03-02 +Mon +12 +10 +4 ' "$paper: last day"
	done
	# Nearly two weeks, a gap among them: still one page (the charts lower
	# when that alone makes it one).
	for d in 03 04 06 07 08; do
		log --date 2026-03-$d --rest 9 --activity walking:40 --pain 1
	done
	for paper in a4 letter; do
		rw report --format pdf --paper $paper -o "$TMP/w.pdf"
		expect_rc 0
		expect_match "$(pdfinfo "$TMP/w.pdf")" 'Pages: +1$' "13 days on $paper: pages"
		txt=$(pdftotext -layout "$TMP/w.pdf" -)
		expect_match "$txt" '2026-03-05 +Thu .*not logged' "$paper: the gap day"
		expect_match "$txt" '2026-03-08 +Sun +9 +40 +1 ' "$paper: the last day"
		n=$(printf '%s\n' "$txt" | grep -Ec '^ *2026-0[23]-[0-9]{2} +(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ')
		expect_eq "$n" 13 "$paper: day rows"
	done
}

t_paper_from_option_and_locale() {
	fixture
	rw report --format pdf --paper letter -o "$TMP/l.pdf"
	expect_rc 0
	expect_match "$(pdfinfo "$TMP/l.pdf")" 'Page size: +612 x 792 pts \(letter\)' "--paper letter"
	local loc want
	for loc in en_US.UTF-8:letter en_CA:letter es_MX.UTF-8@x:letter en_PH:letter \
		en_GB.UTF-8:A4 de_DE:A4 C:A4 POSIX:A4 fr_CA.UTF-8:letter; do
		want=${loc##*:}
		LC_ALL= LC_PAPER= LANG=${loc%:*} "$RESTWATCH" --db "$DB" report --format pdf -o "$TMP/p.pdf" ||
			fail "LANG=${loc%:*}"
		expect_match "$(pdfinfo "$TMP/p.pdf")" "Page size: .*\\($want\\)" "LANG=${loc%:*}"
	done
	# LC_ALL wins over LC_PAPER, which wins over LANG.
	LC_ALL=en_US.UTF-8 LC_PAPER=de_DE LANG=de_DE "$RESTWATCH" --db "$DB" report --format pdf -o "$TMP/p.pdf"
	expect_match "$(pdfinfo "$TMP/p.pdf")" 'Page size: .*\(letter\)' "LC_ALL"
	LC_ALL= LC_PAPER=en_US LANG=de_DE "$RESTWATCH" --db "$DB" report --format pdf -o "$TMP/p.pdf"
	expect_match "$(pdfinfo "$TMP/p.pdf")" 'Page size: .*\(letter\)' "LC_PAPER"
	# The option wins over the locale.
	LC_ALL=en_US "$RESTWATCH" --db "$DB" report --format pdf --paper a4 -o "$TMP/p.pdf"
	expect_match "$(pdfinfo "$TMP/p.pdf")" 'Page size: .*\(A4\)' "--paper over the locale"
}

t_bad_options_are_usage() {
	fixture
	rw report --format pdf --paper legal -o "$TMP/x.pdf"
	expect_rc 64
	expect_one_error_line
	expect_match "$ERR" "--paper: 'legal' is not a paper size \(a4 or letter\)"
	rw report --name "" --format text
	expect_rc 64
	expect_match "$ERR" '--name: the name is empty'
	rw report --name $'a\tb'
	expect_rc 64
	expect_match "$ERR" '--name: byte 2 is a control character'
	rw report --name "$(printf 'x%.0s' $(seq 81))"
	expect_rc 64
	rw report --format postscript
	expect_rc 64
	expect_match "$ERR" 'text, markdown, csv, json, html or pdf'
	[ ! -e "$TMP/x.pdf" ] || fail "a file was written"
}

t_never_to_a_terminal() {
	fixture
	command -v script >/dev/null || { echo "    (script is missing: skipped)"; return; }
	# script(1) gives the command a terminal as standard output.
	script -qec "'$RESTWATCH' --db '$DB' report --format pdf; echo rc=\$?" /dev/null >"$TMP/tty.out" 2>&1
	expect_match "$(cat "$TMP/tty.out")" 'rc=64' "exit status on a terminal"
	expect_match "$(cat "$TMP/tty.out")" 'restwatch: --format pdf: not written to a terminal; give -o FILE or redirect standard output'
	expect_no_match "$(cat "$TMP/tty.out")" '%PDF' "PDF bytes on the terminal"
	# A pipe is fine.
	"$RESTWATCH" --db "$DB" report --format pdf | head -c 5 >"$TMP/head"
	expect_eq "$(cat "$TMP/head")" "%PDF-" "PDF on a pipe"
}

t_name_on_every_format_people_read() {
	fixture
	rw report --name "Jane <Doe> & *Co*"
	expect_eq "$(printf '%s\n' "$OUT" | sed -n 2p)" 'Name: Jane <Doe> & *Co*' "text"
	rw report --format markdown --name "Jane <Doe> & *Co*"
	expect_match "$OUT" '^\*\*Name:\*\* Jane \\<Doe\\> \\& \\\*Co\\\*  $' "markdown, escaped"
	rw report --format html --name "Jane <Doe> & *Co*"
	expect_match "$OUT" '<p class="name">Name: Jane &lt;Doe&gt; &amp; \*Co\*</p>' "html, escaped"
	expect_match "$OUT" '<title>Jane &lt;Doe&gt; &amp; \*Co\*: restwatch history report' "html title"
	rw report --format csv --name "Jane"
	expect_no_match "$OUT" 'Jane' "csv has no name"
}

# Ten years: one page, then weekly rows (never one row a day past 60 days):
# at most 1 page + 1 per 26 weeks.
t_ten_years_in_weeks() {
	local y d csv="$TMP/ten.csv"
	python3 - "$csv" <<'PY'
import datetime, sys
d = datetime.date(2016, 3, 11)
end = datetime.date(2026, 3, 10)
with open(sys.argv[1], 'w', newline='') as f:
    f.write('date,rest_hours,activities,pain,symptoms,weight_kg,note\r\n')
    i = 0
    while d <= end:
        bed = i % 97 < 3
        sym = 'fever' if i == 2000 else ''
        f.write(f'{d},{24 if bed else 8},{"" if bed else "walking:30"},{i % 11},{sym},,\r\n')
        d += datetime.timedelta(days=1)
        i += 1
PY
	rw import "$csv"
	expect_rc 0
	rw report --format pdf --paper a4 -o "$TMP/ten.pdf"
	expect_rc 0
	local pages weeks
	pages=$(pdfinfo "$TMP/ten.pdf" | awk '/^Pages:/ {print $2}')
	weeks=$(( (3653 + 6) / 7 ))
	[ "$pages" -le $((1 + (weeks + 25) / 26)) ] || fail "$pages pages for ten years"
	pdftotext -layout "$TMP/ten.pdf" "$TMP/ten.txt"
	grep -q 'Week of' "$TMP/ten.txt" || fail "no weekly rows"
	# No day rows: a date followed by a weekday name appears nowhere.
	grep -Eq '20[0-9]{2}-[0-9]{2}-[0-9]{2} +(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ' "$TMP/ten.txt" &&
		fail "day rows in a ten-year report"
	# One row a week: the week of Monday 2026-03-02 is there, with 7 of 7.
	grep -Eq '^ *2026-03-02 +7 of 7 ' "$TMP/ten.txt" || fail "the last full week's row"
	expect_match "$(page1 "$TMP/ten.pdf")" '2021-09-01 +red flag: fever' "the red flag on page one"
	expect_match "$(page1 "$TMP/ten.pdf")" "page 1 of $pages" "footer"
	expect_no_match "$(page1 "$TMP/ten.pdf")" 'Weeks|Week of' "weeks on page one"
}

t_empty_journal_one_page() {
	rw report --format pdf -o "$TMP/e.pdf"
	expect_rc 0
	expect_match "$(pdfinfo "$TMP/e.pdf")" 'Pages: +1'
	expect_match "$(page1 "$TMP/e.pdf")" 'Period nothing logged yet'
	expect_match "$(page1 "$TMP/e.pdf")" 'No days logged in this period\.'
}

# The README's picture of page one (docs/report-pdf.png), from the example
# episode; UPDATE_DOCS=1 renders it again.
t_docs_picture() {
	local top csv today
	top=$(cd "$E2E_DIR/../.." && pwd)
	csv=$top/examples/episode.csv
	today=$(tail -n 1 "$csv" | cut -c1-10)
	rw import "$csv"
	expect_rc 0
	RESTWATCH_TODAY=$today "$RESTWATCH" --db "$DB" report --format pdf --name "Jane Doe" \
		--paper a4 -o "$TMP/ep.pdf" || fail "the example's PDF"
	expect_match "$(pdfinfo "$TMP/ep.pdf")" 'Pages: +2' "the example's pages"
	if [ -n "${UPDATE_DOCS:-}" ]; then
		pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$TMP/ep.pdf" "$top/docs/report-pdf" ||
			fail "pdftoppm"
	fi
	[ -s "$top/docs/report-pdf.png" ] || fail "docs/report-pdf.png is missing (UPDATE_DOCS=1 writes it)"
}

run_tests
