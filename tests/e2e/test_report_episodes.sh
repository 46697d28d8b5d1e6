#!/usr/bin/env bash
# Warnings grouped by rest episode (issue 13, "Every format lists episodes;
# warnings are grouped by episode"): the red flags lead, then each
# episode's rest-clock warnings under its heading, in text, markdown,
# html, pdf and json (each warning's "episode" is its index in
# summary.episodes).
. "$(dirname "$0")/lib.sh"

log() {
	rw log "$@"
	[ "$RC" = 0 ] || fail "log $*: exit $RC: $ERR"
}

# Two episodes of four days in bed (each passes 48 h and the clot level),
# a week of walking between them; fever on the second episode's third day
# and saddle numbness after it.
two_episodes() {
	local d
	for d in 01 02 03 04 11 12 14; do
		log --date 2026-01-$d --rest 23
	done
	log --date 2026-01-13 --rest 23 --symptom fever
	for d in 05 06 07 08 09 10 15 16 17 19; do
		log --date 2026-01-$d --rest 8 --activity walking:60
	done
	log --date 2026-01-18 --rest 8 --symptom saddle-numbness
}

E1='Rest episode 2026-01-01 to 2026-01-04 \(4 days\)'
E2='Rest episode 2026-01-11 to 2026-01-14 \(4 days, 1 red-flag day\)'

# words N: each line as its indentation and its first N words.
words() {
	awk -v n="$1" '{ i = match($0, /[^ ]/); printf "%d", i - 1; for (k = 1; k <= n && k <= NF; k++) printf " %s", $k; print "" }'
}

t_text_groups_warnings_by_episode() {
	local w
	two_episodes
	rw report
	w=$(printf '%s\n' "$OUT" | sed -n '/^Warnings/,/^Episodes/p' | grep -E '^ {2,4}[0-9R]')
	expect_eq "$(printf '%s\n' "$w" | words 4)" "2 2026-01-18 red flag: saddle-numbness
2 2026-01-13 red flag: fever
2 Rest episode 2026-01-01 to
4 2026-01-03 rest passed the
4 2026-01-03 3 days in
2 Rest episode 2026-01-11 to
4 2026-01-13 rest passed the
4 2026-01-13 3 days in" "the warnings' lines"
	expect_match "$w" "^  $E1\$" "first heading"
	expect_match "$w" "^  $E2\$" "second heading"
}

t_markdown_and_html_group_warnings() {
	local w
	two_episodes
	rw report --format markdown
	w=$(printf '%s\n' "$OUT" | sed -n '/^## Warnings/,/^## Episodes/p' | grep -E '^(- |### )')
	expect_eq "$(printf '%s\n' "$w" | words 4)" "0 - **2026-01-18:** **red flag:
0 - **2026-01-13:** **red flag:
0 ### Rest episode 2026-01-01
0 - **2026-01-03:** rest passed
0 - **2026-01-03:** 3 days
0 ### Rest episode 2026-01-11
0 - **2026-01-13:** rest passed
0 - **2026-01-13:** 3 days" "markdown"
	expect_match "$w" "^### $E1\$" "markdown: first heading"
	expect_match "$w" "^### $E2\$" "markdown: second heading"
	rw report --format html
	w=$(printf '%s\n' "$OUT" | sed -n '/<section id="warnings">/,/<\/section>/p' |
		sed 's/<span class="nw">\([^<]*\)<\/span>/\1/g' | grep -oE '^<(ul|/ul|h3[^>]*>[^<]*|li[^>]*><time[^>]*>[^<]*)')
	expect_eq "$w" '<ul
<li class="red-flag"><time datetime="2026-01-18">2026-01-18
<li class="red-flag"><time datetime="2026-01-13">2026-01-13
</ul
<h3 class="episode">Rest episode 2026-01-01 to 2026-01-04 (4 days)
<ul
<li><time datetime="2026-01-03">2026-01-03
<li><time datetime="2026-01-03">2026-01-03
</ul
<h3 class="episode">Rest episode 2026-01-11 to 2026-01-14 (4 days, 1 red-flag day)
<ul
<li><time datetime="2026-01-13">2026-01-13
<li><time datetime="2026-01-13">2026-01-13
</ul' "html"
}

t_json_warnings_name_their_episode() {
	two_episodes
	rw report --format json
	expect_rc 0
	expect_eq "$(json '[(w["date"], w["kind"], w["episode"]) for w in d["summary"]["warnings"]]')" \
		'[["2026-01-18", "red-flag", null], ["2026-01-13", "red-flag", 1], ["2026-01-03", "deconditioning", 0], ["2026-01-03", "clot-risk", 0], ["2026-01-13", "deconditioning", 1], ["2026-01-13", "clot-risk", 1]]'
	expect_eq "$(json '[e["from"] for e in d["summary"]["episodes"]]')" '["2026-01-01", "2026-01-11"]'
	# The whole sentence, not cut at 255 bytes as before.
	expect_match "$(json 'd["summary"]["warnings"][3]["text"]')" '911 in the US\)$' "clot-risk text"
}

# A period that starts inside an episode names it as begun before.
t_heading_of_episode_begun_before() {
	two_episodes
	rw report --from 2026-01-12 --to 2026-01-19
	expect_match "$(printf '%s' "$OUT" | tr -s ' \n' '  ')" ' Rest episode from before 2026-01-12 to 2026-01-14 \(3 days in the period, 1 red-flag day\)' "heading"
}

t_pdf_groups_warnings_by_episode() {
	local txt
	command -v pdftotext >/dev/null || { echo "    skipped: no pdftotext"; return 0; }
	two_episodes
	rw report --format pdf -o "$TMP/r.pdf"
	expect_rc 0
	txt=$(pdftotext -layout "$TMP/r.pdf" - | tr -s ' ' ' ')
	expect_match "$txt" "$E1" "pdf: first heading"
	expect_match "$txt" "$E2" "pdf: second heading"
}

run_tests
