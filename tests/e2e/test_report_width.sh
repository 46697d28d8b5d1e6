#!/usr/bin/env bash
# The text report fits 80 columns (issue 13, 9: the days table was 113-133
# columns wide): every line, with long notes (a word longer than a line,
# wide characters), many activities, symptoms and medications, a long name,
# high losses, short and long periods.
. "$(dirname "$0")/lib.sh"

log() {
	rw log "$@"
	[ "$RC" = 0 ] || fail "log $*: exit $RC: $ERR"
}

# too_wide: the lines of $OUT wider than 80 columns (East Asian wide
# characters and emoji count two), with their widths.
too_wide() {
	printf '%s' "$OUT" | python3 -c '
import sys, unicodedata
for n, line in enumerate(sys.stdin.read().split("\n"), 1):
    w = sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if w > 80:
        print("line %d, %d columns: %s" % (n, w, line))'
}

LONG_WORD=$(printf 'x%.0s' $(seq 1 130))
CJK=$(printf '腰痛%.0s' $(seq 1 50))

# Forty days in bed (losses past 10 %), each with a long note, six
# activities, four symptoms and three medications; then a walking month.
busy_journal() {
	local i d
	for i in $(seq 0 39); do
		d=$(date -u -d "2025-11-01 +$i days" +%F)
		log --date "$d" --rest 23 --pain 6 --weight 82.4 \
			--activity walking:5 --activity water-therapy:5 --activity stretching:5 \
			--activity cycling:5 --activity physio:5 --activity other:5 \
			--symptom sciatica --symptom leg-pain --symptom stiffness --symptom fever \
			--med ibuprofen-long-name-here:400mg-three-times-daily --med paracetamol:1g \
			--med naproxen:250mg \
			--note "Day $i: $LONG_WORD and then a great many ordinary words that go on and on well past the end of any line 😀😀😀 $CJK"
	done
	for i in $(seq 40 70); do
		d=$(date -u -d "2025-11-01 +$i days" +%F)
		log --date "$d" --rest 8 --activity walking:45 --note "short"
	done
}

t_text_report_fits_80_columns() {
	local wide
	busy_journal
	rw report --name "$(printf 'N%.0s' $(seq 1 80))"
	expect_rc 0
	wide=$(too_wide)
	[ -z "$wide" ] || fail "long period: $wide"
	expect_match "$OUT" 'Weeks' "the long period has weeks"
	rw report --from 2025-11-01 --to 2025-12-10
	expect_rc 0
	wide=$(too_wide)
	[ -z "$wide" ] || fail "the days in bed: $wide"
	# Losses past 10 % are too wide for the row: they go on their own line.
	expect_match "$OUT" '              losses: muscle [0-9.]+-[0-9.]+%, cardio' "the losses line"
	# The long word is cut, every character of the note kept.
	expect_match "$(printf '%s\n' "$OUT" | grep -A1 'note: Day 0:$' | tail -1)" "^ {20}x{60}\$" \
		"the long word, on the next line and cut at 80 columns"
	[ "$(printf '%s' "$OUT" | grep -c '😀😀😀')" -ge 1 ] || fail "the emoji are kept"
}

# The days table's row: date, weekday, rest, pain, clock, level and the
# three losses in 80 columns; symptoms, activities, medications, weight
# and the note on the lines under it.
t_day_row_and_its_lines() {
	log --date 2026-02-20 --rest 22 --pain 7 --weight 82.4 --symptom fever \
		--activity walking:10 --activity physio:15 --med ibuprofen:400mg --note "lifted a box"
	rw report
	expect_eq "$(printf '%s\n' "$OUT" | sed -n '/^  DATE/,$p')" \
"  DATE        DAY REST h PAIN CLOCK h  LEVEL          MUSCLE%  CARDIO%  BONE%
  2026-02-20  Fri     22    7    18.1  resting        -        -        -
              symptoms: !fever
              activity: walking 10 min, physio 15 min (25 min in all)
              medications: ibuprofen 400mg
              weight: 82.4 kg
              note: lifted a box"
}

run_tests
