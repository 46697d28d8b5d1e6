#!/usr/bin/env bash
# CSV formula protection (docs/formats.md): a text cell that a spreadsheet
# could run as a formula, or that starts with "'", is exported with one more
# leading "'"; import removes exactly that one, so the round trip is exact,
# and a version-1 export (written without the guard) imports unchanged.
. "$(dirname "$0")/lib.sh"

V1_HEAD='date,rest_hours,activities,pain,symptoms,weight_kg,note,activity_minutes,rest_clock_hours,loss_days,level,clot_risk,red_flag,muscle_loss_low,muscle_loss_high,cardio_loss_low,cardio_loss_high,bone_loss_low,bone_loss_high'

# The notes, one a day from 2026-01-01; GUARDED[i] says whether the cell
# must carry the extra "'".
NOTES=('=1+1' '+44 20 7946 0000' '-3 kg' '@SUM(A1:A9)' $'\tindented' "'quoted'" "''" "'" '=' \
	"it's fine" 'a=1' ' =1' $'\n=next line' '"=quoted"' 'plain')
GUARDED=(1 1 1 1 1 1 1 1 1 0 0 0 0 0 0)

log_notes() {
	local i
	for i in "${!NOTES[@]}"; do
		rw log --date "$(printf '2026-01-%02d' $((i + 1)))" --rest 8 --note "${NOTES[$i]}"
		[ "$RC" = 0 ] || fail "log note $i: exit $RC: $ERR"
	done
}

t_formula_cells_get_one_apostrophe() {
	log_notes
	"$RESTWATCH" --db "$DB" report --format csv >"$TMP/a.csv" || fail "export"
	python3 - "$TMP/a.csv" "${GUARDED[*]}" "${NOTES[@]}" <<'PY' || fail "guarded cells"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
guarded = [g == '1' for g in sys.argv[2].split()]
notes = sys.argv[3:]
got = [r['note'] for r in rows]
want = ["'" + n if g else n for n, g in zip(notes, guarded)]
assert got == want, (got, want)
PY
	# The exact bytes of a few cells: the guard comes inside the quotes.
	grep -q $',\'=1+1,' "$TMP/a.csv" || fail "=1+1 not written as '=1+1"
	grep -q $',\'-3 kg,' "$TMP/a.csv" || fail "-3 kg not guarded"
	grep -q $',"\'\'quoted\'",' "$TMP/a.csv" && fail "a quoted cell without need"
	grep -q $',\'\'quoted\',' "$TMP/a.csv" || fail "'quoted' not written as ''quoted'"
	grep -q $',"""=quoted""",' "$TMP/a.csv" || fail "a note starting with a quote is guarded"
	grep -q ",it's fine," "$TMP/a.csv" || fail "it's fine changed"
}

t_round_trip_exact() {
	log_notes
	"$RESTWATCH" --db "$DB" report --format csv >"$TMP/a.csv" || fail "export"
	rw --db "$TMP/b.db" import "$TMP/a.csv"
	expect_rc 0
	"$RESTWATCH" --db "$TMP/b.db" report --format csv >"$TMP/b.csv" || fail "export again"
	cmp -s "$TMP/a.csv" "$TMP/b.csv" || fail "round trip differs: $(diff "$TMP/a.csv" "$TMP/b.csv" | head -4)"
	# The journal holds the note itself, not the guarded cell.
	"$RESTWATCH" --db "$TMP/b.db" report --format json >"$TMP/b.json"
	python3 - "$TMP/b.json" "${NOTES[@]}" <<'PY' || fail "notes in the journal after import"
import json, sys
d = json.load(open(sys.argv[1]))
got = [x['note'] for x in d['days'] if x['logged']]
assert got == sys.argv[2:], got
PY
}

t_version1_export_imports_unchanged() {
	# Written by version 1, which had no guard: its text stays (only a
	# note that began with "'" and then one of the seven would lose it).
	printf '%s\r\n' "$V1_HEAD" \
		"2026-01-01,8,,,,,=1+1,0,0.0000,0.0000,ok,false,false,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000" \
		"2026-01-02,8,,,,,'quoted',0,0.0000,0.0000,ok,false,false,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000" \
		"2026-01-03,8,,,,,' x,0,0.0000,0.0000,ok,false,false,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000" \
		"2026-01-04,8,,,,,-2,0,0.0000,0.0000,ok,false,false,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000" \
		"2026-01-05,8,,,,,'a,0,0.0000,0.0000,ok,false,false,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000" \
		>"$TMP/v1.csv"
	rw import "$TMP/v1.csv"
	expect_rc 0
	rw report --format json
	expect_eq "$(json '[x["note"] for x in d["days"]]')" \
		"[\"=1+1\", \"'quoted'\", \"' x\", \"-2\", \"'a\"]" "notes of a version-1 file"
}

t_guard_on_symptoms_column_too() {
	# Symptoms are names (lower-case words), so they never need the guard;
	# a guarded symptoms cell still imports.
	printf '%s\r\n' "$V1_HEAD" \
		"2026-01-01,8,,,'spasm,,x,0,0.0000,0.0000,ok,false,false,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000" \
		>"$TMP/s.csv"
	rw import "$TMP/s.csv"
	expect_rc 65 "a symptom with a stray apostrophe is refused"
	rw log --date 2026-01-02 --rest 8 --symptom spasm
	"$RESTWATCH" --db "$DB" report --format csv | grep -q '^2026-01-02,8,,,spasm,' ||
		fail "symptoms cell changed"
}

run_tests
