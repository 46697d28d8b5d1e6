#!/usr/bin/env bash
# `restwatch report` in every format on one fixed journal built with the
# CLI: the bytes against the golden files under tests/data/golden/ (they
# are the spec: read them after regenerating with UPDATE_GOLDEN=1), CSV
# through Python's csv module and back through import, JSON through
# Python's json module, HTML through html.parser, the period options, -o
# and its failures, and memory and speed on a hundred years of days.
. "$(dirname "$0")/lib.sh"

GOLDEN=$DATA_DIR/golden
HOSTILE_NOTE=$'Physio said: "walk, don\'t run"\nnext: 12 March \xe2\x80\x94 \xc3\xa7a va \xf0\x9f\x98\x80'
MARKUP_NOTE="a | pipe, <b>tags</b> & 'quotes' *stars* _under_ \`tick\` [link](x)"

# log ARGS...: one `restwatch log` that must succeed.
log() {
	rw log "$@"
	[ "$RC" = 0 ] || fail "log $*: exit $RC: $ERR"
}

# The fixed journal: an acute episode with two gaps, a red flag, a clot-risk
# day, multiple activities, a day without rest hours, weights and notes
# with commas, quotes, a newline, markup and non-ASCII text.
fixture() {
	log --date 2026-02-20 --rest 24 --pain 8 --symptom sciatica --symptom spasm --weight 82.4 \
		--note "Lifted a box; couldn't get up."
	log --date 2026-02-21 --rest 24 --pain 8
	log --date 2026-02-22 --rest 22 --activity walking:10 --pain 7 --symptom sciatica
	log --date 2026-02-23 --rest 20 --pain 7 --symptom fever --symptom sciatica
	log --date 2026-02-26 --rest 16 --activity walking:20 --activity physio:15 --pain 5 \
		--note "$HOSTILE_NOTE"
	log --date 2026-02-27 --pain 5 --note "no rest hours today, only pain"
	log --date 2026-02-28 --rest 12 --activity walking:30 --activity water-therapy:45 --pain 4 \
		--weight 81.9
	log --date 2026-03-01 --rest 9 --activity walking:40 --activity stretching:10 --pain 3
	log --date 2026-03-03 --rest 9 --activity walking:45 --activity cycling:20 --pain 3 \
		--symptom stiffness
	log --date 2026-03-04 --rest 8.5 --activity walking:60 --pain 2 --note "$MARKUP_NOTE"
	log --date 2026-03-05 --rest 8 --activity walking:60 --activity other:15 --pain 2
}

# The version appears in the JSON and the HTML; goldens hold VERSION.
normalize() {
	local v
	v=$("$RESTWATCH" --version | cut -d' ' -f2)
	sed -e "s/\"restwatch\": \"$v\"/\"restwatch\": \"VERSION\"/" \
		-e "s/restwatch $v/restwatch VERSION/g" "$1"
}

# golden FORMAT FILE: the report in FORMAT equals tests/data/golden/FILE.
golden() {
	fixture
	"$RESTWATCH" --db "$DB" report --format "$1" >"$TMP/raw" 2>"$TMP/err" ||
		fail "report --format $1: exit $?: $(cat "$TMP/err")"
	normalize "$TMP/raw" >"$TMP/out"
	if [ -n "${UPDATE_GOLDEN:-}" ]; then
		mkdir -p "$GOLDEN"
		cp "$TMP/out" "$GOLDEN/$2"
	fi
	if ! cmp -s "$TMP/out" "$GOLDEN/$2"; then
		fail "report --format $1 differs from tests/data/golden/$2:"
		diff "$GOLDEN/$2" "$TMP/out" | head -20 | sed 's/^/    /'
	fi
}

t_golden_text() { golden text report.txt; }
t_golden_markdown() { golden markdown report.md; }
t_golden_csv() { golden csv report.csv; }
t_golden_json() { golden json report.json; }
t_golden_html() { golden html report.html; }

t_text_is_the_default_and_ascii_but_notes() {
	fixture
	rw report
	expect_rc 0
	local def=$OUT
	rw report --format text
	expect_eq "$def" "$OUT" "report without --format"
	# Drop the note lines (and a note's continuation lines): the rest is ASCII.
	printf '%s\n' "$OUT" | awk '/^ +note: /{skip=1; next} skip && /^                    /{next} {skip=0; print}' |
		LC_ALL=C grep -n '[^ -~]' && fail "non-ASCII text outside the notes"
	expect_match "$OUT" 'not medical advice' "the notice"
	# The two unlogged days inside the episode are held: part of it.
	expect_match "$OUT" 'Longest rest +7 days, 2026-02-20 to 2026-02-26' "longest rest"
	expect_match "$OUT" '5 days past 48 h; 4 days at clot risk' "days past 48 h and at clot risk"
	# Red flags come first among the warnings.
	local first
	first=$(printf '%s\n' "$OUT" | sed -n '/^Warnings/{n;p;q}')
	expect_match "$first" '^  2026-02-23  red flag: fever' "first warning"
	# The prose is wrapped at 78 columns, never inside a word.
	printf '%s\n' "$OUT" | sed -n '1,/^Days/p' | awk 'length($0) > 78 {print; bad=1} END {exit bad}' ||
		fail "summary lines longer than 78 columns"
	expect_match "$OUT" $'see a doctor today for one\n +swollen' "wrapped at a space"
}

t_csv_reads_with_python_csv() {
	fixture
	rw report --format csv
	expect_rc 0
	"$RESTWATCH" --db "$DB" report --format csv >"$TMP/r.csv"
	python3 - "$TMP/r.csv" "$HOSTILE_NOTE" "$MARKUP_NOTE" <<'EOF' || fail "python csv check failed"
import csv, sys
raw = open(sys.argv[1], 'rb').read()
assert not raw.startswith(b'\xef\xbb\xbf'), 'a byte order mark'
raw.decode('utf-8')
# Every line end outside quotes is CRLF: strip the quoted fields first.
import re
outside = re.sub(rb'"(?:[^"]|"")*"', b'', raw)
assert b'\n' not in outside.replace(b'\r\n', b''), 'a bare LF outside quotes'
assert raw.endswith(b'\r\n')
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
head = ('date,rest_hours,activities,pain,symptoms,weight_kg,note,medications,tracked_hours,'
        'activity_minutes,'
        'rest_clock_hours,loss_days,level,clot_risk,red_flag,muscle_loss_low,muscle_loss_high,'
        'cardio_loss_low,cardio_loss_high,bone_loss_low,bone_loss_high,'
        'bed_days,urgency,clot_watch,pain_days').split(',')
assert rows[0] == head, rows[0]
assert len(rows) == 12, len(rows)          # 11 logged days, no gap rows
for r in rows[1:]:
    assert len(r) == 25, r
    assert re.fullmatch(r'\d+', r[21]) and re.fullmatch(r'\d+', r[24]), r
    assert r[22] in ('none', 'urgent', 'emergency') and r[23] in ('true', 'false'), r
    assert r[13] in ('true', 'false') and r[14] in ('true', 'false'), r
    for i in range(15, 21):
        assert re.fullmatch(r'\d+\.\d{4}', r[i]), r[i]
by = {r[0]: r for r in rows[1:]}
assert '2026-02-24' not in by
assert by['2026-02-26'][6] == sys.argv[2], repr(by['2026-02-26'][6])
assert by['2026-03-04'][6] == sys.argv[3]
assert by['2026-02-27'][1] == '' and by['2026-02-27'][2] == ''   # no rest hours, no activity
assert by['2026-02-26'][2] == 'walking:20;physio:15'
assert by['2026-02-20'][4] == 'sciatica;spasm' and by['2026-02-20'][5] == '82.4'
assert by['2026-03-04'][1] == '8.5'
assert by['2026-02-23'][14] == 'true' and by['2026-02-23'][13] == 'true'
assert by['2026-02-23'][12] == 'clot-risk'
assert by['2026-02-23'][22] == 'urgent'            # fever
# Quotes only where needed.
assert b',"Lifted a box; couldn\'t get up.",' not in raw
assert b',no rest hours today' not in raw and b',"no rest hours today, only pain",' in raw
EOF
}

t_csv_round_trip_is_identical() {
	fixture
	"$RESTWATCH" --db "$DB" report --format csv >"$TMP/a.csv" || fail "export"
	rw --db "$TMP/b.db" import "$TMP/a.csv"
	expect_rc 0
	expect_eq "$OUT" "imported 11 days (2026-02-20 to 2026-03-05)"
	"$RESTWATCH" --db "$TMP/b.db" report --format csv >"$TMP/b.csv" || fail "export again"
	cmp -s "$TMP/a.csv" "$TMP/b.csv" || fail "the export of the import differs: $(diff "$TMP/a.csv" "$TMP/b.csv" | head -5)"
	# Every other format agrees too, and the journal is sound.
	for f in text markdown json html; do
		"$RESTWATCH" --db "$DB" report --format $f >"$TMP/a.$f"
		"$RESTWATCH" --db "$TMP/b.db" report --format $f >"$TMP/b.$f"
		cmp -s "$TMP/a.$f" "$TMP/b.$f" || fail "$f differs after the round trip"
	done
	"$RESTWATCH" --db "$TMP/b.db" check >/dev/null || fail "check after the import"
}

t_csv_round_trip_hostile_notes() {
	local notes=(
		'"' '""' ',' $'\n' $'a\n\nb' $'tab\there' ' leading and trailing ' '=1+2' "'apostrophe'"
		'semi;colon' $'ends with newline\n' 'ünïcödé Ελληνικά 中文 עברית 🚑🦴' '\\back\\slash'
		'"quoted", then, commas' $'mixed "q",\n, end"' "$HOSTILE_NOTE"
	)
	local i day
	for i in "${!notes[@]}"; do
		day=$(printf '2026-01-%02d' $((i + 1)))
		log --date "$day" --rest $((i % 24)) --note "${notes[$i]}"
	done
	"$RESTWATCH" --db "$DB" report --format csv >"$TMP/a.csv" || fail "export"
	rw --db "$TMP/b.db" import "$TMP/a.csv"
	expect_rc 0
	"$RESTWATCH" --db "$TMP/b.db" report --format csv >"$TMP/b.csv"
	cmp -s "$TMP/a.csv" "$TMP/b.csv" || fail "hostile notes changed in the round trip"
	# And each note reads back exactly with Python's csv module.
	python3 - "$TMP/b.csv" "${notes[@]}" <<'EOF' || fail "a note did not survive"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
# A note a spreadsheet could run as a formula carries one more "'".
want = ["'" + n if n[:1] in ('=', '+', '-', '@', '\t', '\r', "'") else n for n in sys.argv[2:]]
assert [r['note'] for r in rows] == want, [r['note'] for r in rows]
EOF
}

t_json_parses() {
	fixture
	rw report --format json
	expect_rc 0
	printf '%s' "$OUT" | python3 -m json.tool >/dev/null || fail "json.tool rejects the report"
	expect_eq "$(json 'len(d["days"])')" 14 "days, gaps included"
	expect_eq "$(json '[x["date"] for x in d["days"] if not x["logged"]]')" \
		'["2026-02-24", "2026-02-25", "2026-03-02"]' "gap days"
	printf '%s' "$OUT" | python3 -c 'import json, sys
d = json.load(sys.stdin)
assert d["days"][6]["note"] == sys.argv[1], d["days"][6]["note"]' "$HOSTILE_NOTE" || fail "note in JSON"
	expect_eq "$(json 'd["summary"]["warnings"][0]["kind"]')" red-flag "first warning: the red flag leads"
	expect_eq "$(json 'd["days"][7]["rest_hours"]')" null "a day without rest hours"
}

# The HTML checker: well-formed (every non-void element closed in order),
# UTF-8, nothing outside the file.
html_check() {
	python3 - "$1" <<'EOF'
import sys, re
from html.parser import HTMLParser
VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source',
        'track', 'wbr'}
raw = open(sys.argv[1], 'rb').read()
text = raw.decode('utf-8')                      # strict: invalid UTF-8 raises
problems = []
class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
    def handle_starttag(self, tag, attrs):
        self.attrs(tag, attrs)
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))
    def handle_startendtag(self, tag, attrs):
        self.attrs(tag, attrs)
    def handle_endtag(self, tag):
        if tag in VOID:
            problems.append('end tag of void %s at %s' % (tag, self.getpos()))
        elif not self.stack or self.stack[-1][0] != tag:
            problems.append('</%s> at %s closes %s' % (tag, self.getpos(),
                            self.stack[-1] if self.stack else 'nothing'))
        else:
            self.stack.pop()
    def attrs(self, tag, attrs):
        for k, v in attrs:
            if k in ('src', 'href', 'xlink:href', 'action', 'data', 'poster') and v is not None:
                if v.startswith('//') or re.match(r'[a-zA-Z][a-zA-Z0-9+.-]*:', v):
                    problems.append('external %s=%r on <%s>' % (k, v, tag))
        if tag in ('link', 'script', 'iframe', 'object', 'embed', 'img'):
            problems.append('<%s> element' % tag)
c = Check()
c.feed(text)
c.close()
if c.stack:
    problems.append('never closed: %s' % c.stack)
low = text.lower()
for bad in ('http:', 'https:', '<link', '<script', '@import', 'url('):
    if bad in low:
        problems.append('contains %r' % bad)
if re.search(r'(src|href)\s*=\s*["\']?//', low):
    problems.append('a //-prefixed src or href')
if not low.startswith('<!doctype html>'):
    problems.append('no doctype')
if problems:
    print('\n'.join(problems))
    sys.exit(1)
EOF
}

t_html_well_formed_and_self_contained() {
	fixture
	"$RESTWATCH" --db "$DB" report --format html >"$TMP/r.html" || fail "report html"
	html_check "$TMP/r.html" || fail "the HTML is not clean"
	local h
	h=$(cat "$TMP/r.html")
	expect_match "$h" '@media print' "print CSS"
	expect_match "$h" '@page' "page margins"
	expect_match "$h" 'break-inside: *avoid|page-break-inside: *avoid' "rows kept whole"
	expect_eq "$(grep -c '<svg class="chart"' "$TMP/r.html")" 6 "charts (rest hours, the rest clock, pain, three losses)"
	expect_match "$h" 'style="fill:var\(--warn\)">48 h</text>' "the 48 h line"
	expect_match "$h" '<polygon style="fill:var\(--muscle\)"' "the muscle band"
	# Every chart has a title and a description; every header a scope.
	expect_eq "$(grep -c '^<title>' "$TMP/r.html")" 7 "the page's title and 6 chart titles"
	expect_eq "$(grep -c '^<desc>' "$TMP/r.html")" 6 "chart descriptions"
	expect_eq "$(grep -o '<th[ >]' "$TMP/r.html" | wc -l)" \
		"$(grep -o '<th scope="col">' "$TMP/r.html" | wc -l)" "th with scope"
	expect_match "$h" '@media \(prefers-color-scheme:dark\)' "dark mode"
	expect_no_match "$h" 'hopeful|cautious|Back-muscle|start to decline' "wording"
	# User text is escaped, never markup.
	expect_match "$h" 'a \| pipe, &lt;b&gt;tags&lt;/b&gt; &amp; &#39;quotes&#39;' "escaped note"
	expect_no_match "$h" '<b>tags' "raw markup from a note"
	expect_match "$h" 'Physio said: &quot;walk, don&#39;t run&quot;' "quotes escaped"
	expect_match "$h" 'not medical advice' "the notice"
}

t_html_user_urls_stay_text() {
	log --date 2026-03-01 --rest 10 --note 'see https://example.com/x and http://a.b "<img src=//x>"'
	"$RESTWATCH" --db "$DB" report --format html >"$TMP/u.html" || fail "report html"
	html_check "$TMP/u.html" || fail "a URL in a note became a reference"
	grep -q '//' "$TMP/u.html" && fail "a // from the note is in the file"
	python3 - "$TMP/u.html" <<'EOF' || fail "the note does not read back as text"
import sys
from html.parser import HTMLParser
class T(HTMLParser):
    text = ''
    def handle_data(self, d):
        self.text += d
t = T(convert_charrefs=True)
t.feed(open(sys.argv[1], encoding='utf-8').read())
assert 'see https://example.com/x and http://a.b "<img src=//x>"' in t.text
EOF
}

t_html_checker_catches_problems() {
	# The checker above must be able to fail.
	printf '<!DOCTYPE html><html><body><p><b>x</p></b></body></html>' >"$TMP/bad1.html"
	html_check "$TMP/bad1.html" >/dev/null && fail "misnested tags passed"
	printf '<!DOCTYPE html><html><body><img src="https://x/y.png"></body></html>' >"$TMP/bad2.html"
	html_check "$TMP/bad2.html" >/dev/null && fail "an external image passed"
	printf '<!DOCTYPE html><html><body>\xff</body></html>' >"$TMP/bad3.html"
	html_check "$TMP/bad3.html" >/dev/null 2>&1 && fail "invalid UTF-8 passed"
	printf '<!DOCTYPE html><html><body><div>' >"$TMP/bad4.html"
	html_check "$TMP/bad4.html" >/dev/null && fail "unclosed tags passed"
	printf '<!DOCTYPE html><html><body><p>src=//x</p></body></html>' >"$TMP/bad5.html"
	html_check "$TMP/bad5.html" >/dev/null && fail "a //-prefixed src in text passed"
	return 0
}

t_markdown_table_is_sound() {
	fixture
	rw report --format markdown
	expect_rc 0
	python3 - "$OUT" <<'EOF' || fail "markdown table check failed"
import re, sys
md = sys.argv[1]
# The days table (the episodes table comes before it).
rows = [l for l in md.split('## Days')[1].split('\n') if l.startswith('|')]
assert len(rows) == 2 + 14, len(rows)
def cells(line):
    # Split on pipes that are not escaped with a backslash.
    return re.split(r'(?<!\\)\|', line)[1:-1]
n = len(cells(rows[0]))
assert n == 14, n
for r in rows:
    assert len(cells(r)) == n, r
    assert '\n' not in r
assert re.fullmatch(r'\|(---|--:)(\|(---|--:))*\|', rows[1]), rows[1]
assert 'a \\| pipe, \\<b\\>tags\\</b\\> \\& ' in md
assert 'walk, don\'t run" \u00b6 next: 12 March' in md and '<br' not in md
assert '**fever**' in md
EOF
}

t_period_options_every_format() {
	fixture
	local f
	rw report --format csv --from 2026-02-22 --to 2026-02-28
	expect_rc 0
	expect_eq "$(printf '%s' "$OUT" | python3 -c 'import csv, sys
print(" ".join(r[0] for r in list(csv.reader(sys.stdin))[1:]))')" \
		"2026-02-22 2026-02-23 2026-02-26 2026-02-27 2026-02-28" "csv rows in range"
	rw report --format json --from 2026-02-22 --to 2026-02-28
	expect_eq "$(json '[d["from"], d["to"], len(d["days"]), d["days"][0]["date"]]')" \
		'["2026-02-22", "2026-02-28", 7, "2026-02-22"]' "json range"
	for f in text markdown html; do
		rw report --format $f --from 2026-03-01 --to 2026-03-31
		expect_rc 0 "$f with a range"
		expect_match "$OUT" '2026-03-01 to 2026-03-31' "$f period"
		expect_no_match "$OUT" '2026-02-2[0-9]' "$f days outside the range"
		expect_match "$OUT" '2026-03-05' "$f last day"
	done
	rw report --format=csv --from=-5
	expect_rc 0 "--format=csv --from=-5"
	expect_eq "$(printf '%s\n' "$OUT" | sed -n 2p | cut -c1-10)" 2026-03-05 "relative --from"
	rw report --from 2026-03-05 --to 2026-03-01
	expect_rc 65 "--from after --to"
	expect_one_error_line
}

t_empty_period_and_empty_journal() {
	local f
	for f in text markdown csv json html; do
		rw report --format $f
		expect_rc 0 "$f on an empty journal"
	done
	rw report --format csv
	expect_eq "$OUT" "$(printf 'date,rest_hours,activities,pain,symptoms,weight_kg,note,medications,tracked_hours,activity_minutes,rest_clock_hours,loss_days,level,clot_risk,red_flag,muscle_loss_low,muscle_loss_high,cardio_loss_low,cardio_loss_high,bone_loss_low,bone_loss_high,bed_days,urgency,clot_watch,pain_days\r')" "header only"
	rw report --format json
	printf '%s' "$OUT" | python3 -m json.tool >/dev/null || fail "empty json"
	fixture
	"$RESTWATCH" --db "$DB" report --format html --from 2025-01-01 --to 2025-01-31 >"$TMP/e.html"
	html_check "$TMP/e.html" || fail "empty-period html"
	rw report --from 2025-01-01 --to 2025-01-31
	expect_match "$OUT" 'report, 2025-01-01 to 2025-01-31' "empty period"
	expect_match "$OUT" 'No days logged in this period\.' "empty period"
}

t_unknown_format_is_usage() {
	rw report --format xml
	expect_rc 64
	expect_one_error_line
	expect_match "$ERR" "--format: 'xml' is not a format"
	rw report --format
	expect_rc 64
	rw report stray
	expect_rc 64
	[ ! -e "$DB" ] || fail "a usage error created the journal"
}

# The message lists the formats from the one table (src/report/report.c);
# the help's list says the same, and each format writes.
t_format_lists_agree() {
	local list help f
	rw report --format xml
	list=$(printf '%s' "$ERR" | sed -n 's/.*is not a format (\(.*\))$/\1/p' |
		sed 's/, / /g; s/ or / /')
	expect_eq "$list" "text markdown csv json html pdf" "the message's list"
	help=$("$RESTWATCH" report --help | sed -n 's/.*\[--format \([a-z|]*\)\].*/\1/p' | tr '|' ' ')
	expect_eq "$help" "$list" "the help's list"
	fixture
	for f in $list; do
		rw report --format "$f" -o "$TMP/all.$f"
		expect_rc 0
		[ -s "$TMP/all.$f" ] || fail "--format $f wrote nothing"
	done
}

t_output_file_atomic_0600() {
	fixture
	printf 'old\n' >"$TMP/out.csv"
	chmod 644 "$TMP/out.csv"
	rw report --format csv -o "$TMP/out.csv"
	expect_rc 0
	expect_eq "$OUT" "" "stdout with -o"
	expect_eq "$(stat -c %a "$TMP/out.csv")" 600 "mode"
	"$RESTWATCH" --db "$DB" report --format csv >"$TMP/stdout.csv"
	cmp -s "$TMP/out.csv" "$TMP/stdout.csv" || fail "-o differs from stdout"
	for f in text markdown json html; do
		rw report --format $f -o "$TMP/r.$f"
		expect_rc 0 "-o with $f"
		[ -s "$TMP/r.$f" ] || fail "$f: empty file"
	done
	expect_eq "$(ls -A "$TMP" | grep -c restwatch-report)" 0 "temporary files left"
}

t_output_cannot_be_created_73() {
	fixture
	rw report --format csv -o "$TMP/no/such/dir/r.csv"
	expect_rc 73
	expect_one_error_line
	expect_match "$ERR" "no/such/dir/r.csv" "names the file"
	mkdir "$TMP/d"
	rw report --format html -o "$TMP/d"
	expect_rc 73 "-o naming a directory"
	expect_one_error_line
	expect_eq "$(ls -A "$TMP/d" | wc -l)" 0 "left in the directory"
	expect_eq "$(ls -A "$TMP" | grep -c restwatch-report)" 0 "temporary files left"
	if [ "$(id -u)" != 0 ]; then
		mkdir "$TMP/ro"
		chmod 555 "$TMP/ro"
		rw report -o "$TMP/ro/r.txt"
		expect_rc 73 "-o in a read-only directory"
		expect_eq "$(ls -A "$TMP/ro" | wc -l)" 0 "left in the read-only directory"
		chmod 755 "$TMP/ro"
	fi
	# A failed report leaves an existing file as it was.
	printf 'keep\n' >"$TMP/keep.txt"
	rw report --format nope -o "$TMP/keep.txt"
	expect_rc 64
	expect_eq "$(cat "$TMP/keep.txt")" keep "the old file"
}

# A hundred years of days (36,500), imported, for memory and speed.
century() {
	python3 - "$TMP/century.csv" <<'EOF'
import datetime, random, sys
random.seed(5)
d0 = datetime.date(1926, 1, 1)
with open(sys.argv[1], 'w', newline='') as f:
    f.write('date,rest_hours,activities,pain,symptoms,weight_kg,note\r\n')
    for i in range(36500):
        r = random.choice([8, 8, 9, 10, 12, 16, 20, 24])
        act = '' if r == 24 else random.choice(['', 'walking:30', 'walking:20;water-therapy:30'])
        f.write('%s,%d,%s,%d,%s,%s,%s\r\n' % (d0 + datetime.timedelta(days=i), r, act,
                random.randint(0, 10), random.choice(['', 'sciatica', 'stiffness;spasm']),
                random.choice(['', '72.5']), random.choice(['', 'a note', '"quoted, note"'])))
EOF
	rw import "$TMP/century.csv"
	[ "$RC" = 0 ] || fail "import of a century: $ERR"
}

sanitized() {
	grep -aq __asan_init "$RESTWATCH" 2>/dev/null
}

t_memory_flat_over_a_century() {
	if sanitized; then
		echo "# skipped: a sanitizer build's memory is not the program's"
		return 0
	fi
	century
	local f kb peak
	peak=$(dirname "$RESTWATCH")/tests/tools/peakrss
	for f in text markdown csv json html; do
		kb=$("$peak" "$RESTWATCH" --db "$DB" report --format $f 2>&1 >/dev/null | tail -n 1)
		[ "${kb:-99999}" -lt 12288 ] || fail "$f over 100 years: peak RSS $kb KB"
	done
}

# A period shorter than two weeks compares its two halves, which never
# share a day.
t_short_period_compares_halves() {
	local d
	for d in 01 02 03 04 05 06 07 08 09 10; do
		rw log --date 2026-03-$d --rest 9 --pain $((11 - 10#$d)) --activity walking:$((10#$d * 10))
	done
	rw report
	expect_rc 0
	expect_match "$(printf '%s' "$OUT" | tr -s ' \n' '  ')" \
		'Walking 30\.0 min a logged day in the first 5 days, 80\.0 in the last \(more\)'
	expect_match "$OUT" 'Pain +mean 8\.0 of 10 in the first 5 days, 3\.0 in the last \(lower\)'
	rw report --format json
	expect_eq "$(json 'd["summary"]["walking_minutes_per_day"]')" '{"first_week": 30.0, "last_week": 80.0}'
}

run_tests
