#!/usr/bin/env bash
# The HTML report in a real browser (headless Chromium): at 390 px (a
# phone) and 1280 px nothing is wider than the viewport (the table and the
# charts scroll in their own boxes), dates and "clot-risk" stay on one
# line, chart text is readable, the rest bars have 4.5:1 contrast, and the
# reader's dark mode is followed.  The page is loaded in an iframe of the
# exact width (a desktop browser window cannot be narrower than 500 px); a
# test copy of the report carries a script that measures the page and
# posts the result to the wrapper, whose DOM Chromium dumps.
. "$(dirname "$0")/lib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome)

# The example episode plus a day with a long note and a long word.
fixture() {
	local top
	top=$(cd "$E2E_DIR/../.." && pwd)
	rw import "$top/examples/episode.csv"
	[ "$RC" = 0 ] || fail "import: $ERR"
	RESTWATCH_TODAY=2026-03-28 rw log --date 2026-03-28 --rest 8 --symptom fever --note \
		"$(printf 'a long note %.0s' $(seq 40)) Pneumonoultramicroscopicsilicovolcanoconiosis-and-more"
	[ "$RC" = 0 ] || fail "log: $ERR"
	RESTWATCH_TODAY=2026-03-28 "$RESTWATCH" --db "$DB" report --format html --name "Jane Doe" \
		>"$TMP/r.html" || fail "report html"
}

# The measuring script, added to a copy of the report only.
PROBE='<script>
window.addEventListener("load", function () {
  var vw = document.documentElement.clientWidth, bad = [], small = 99, wrapped = [];
  document.querySelectorAll("body *").forEach(function (el) {
    if (el.parentElement && el.parentElement.closest(".scroll")) return;
    var r = el.getBoundingClientRect();
    if (r.width && (r.right > vw + 0.5 || r.left < -0.5)) bad.push(el.tagName + "." + el.className);
  });
  document.querySelectorAll("svg text").forEach(function (t) {
    var h = t.getBoundingClientRect().height;
    if (h && h < small) small = h;
  });
  /* Every date and every "clot-risk" in the text, wherever it is, on one line. */
  var walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), node, m;
  while ((node = walk.nextNode())) {
    var re = /[0-9]{4}-[0-9]{2}-[0-9]{2}|clot-risk/g;
    while ((m = re.exec(node.data))) {
      var r = document.createRange(), tops = {};
      r.setStart(node, m.index);
      r.setEnd(node, m.index + m[0].length);
      Array.prototype.forEach.call(r.getClientRects(), function (q) {
        if (q.width) tops[Math.round(q.top)] = 1;
      });
      if (Object.keys(tops).length > 1) wrapped.push(m[0]);
    }
  }
  function lum(c) {
    var v = c.match(/[0-9.]+/g).slice(0, 3).map(function (x) {
      x = x / 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  }
  var bar = document.querySelector("g[style*=\"--rest\"] rect"), contrast = 0;
  if (bar) {
    var a = lum(getComputedStyle(bar).fill), b = lum(getComputedStyle(document.body).backgroundColor);
    contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }
  var out = "RW-RESULT vw=" + vw + " sw=" + document.documentElement.scrollWidth +
    " bad=" + bad.length + " minsvgtext=" + small.toFixed(1) + " wrapped=" + wrapped.length +
    " contrast=" + contrast.toFixed(2) + " bg=" + getComputedStyle(document.body).backgroundColor +
    " first=" + bad.slice(0, 3).join(",") + wrapped.slice(0, 3).join(",") + " END";
  window.parent.postMessage(out, "*");
});
</script>'

# wrapper WIDTH FILE [HEIGHT]: a page showing FILE in an iframe WIDTH px
# wide (HEIGHT, default 900, high).
wrapper() {
	printf '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0;background:#888}iframe{display:block;margin:0 auto;border:0;width:%spx;height:'"${3:-900}"'px}pre{margin:0}</style></head><body><iframe src="%s"></iframe><script>window.addEventListener("message",function(e){var p=document.createElement("pre");p.textContent=e.data;document.body.appendChild(p);});</script></body></html>\n' "$1" "$2"
}

# measure WIDTH [CHROMIUM FLAGS...]: RESULT holds the probe's line.
measure() {
	local w=$1 win
	shift
	win=$((w < 500 ? 500 : w + 20))
	python3 -c 'import sys; s = open(sys.argv[1]).read(); open(sys.argv[2], "w").write(s.replace("</body>", sys.argv[3] + "\n</body>"))' \
		"$TMP/r.html" "$TMP/probe.html" "$PROBE"
	wrapper "$w" probe.html >"$TMP/wrap.html"
	RESULT=$("$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--user-data-dir="$TMP/profile" --window-size=$win,900 --virtual-time-budget=5000 \
		--run-all-compositor-stages-before-draw "$@" --dump-dom "file://$TMP/wrap.html" \
		2>/dev/null | grep -o 'RW-RESULT[^<]*END')
	[ -n "$RESULT" ] || fail "no result from the page at $w px"
}

# field NAME: the value of NAME=... in RESULT.
field() {
	printf '%s' "$RESULT" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

expect_fits() { # expect_fits WIDTH
	expect_eq "$(field vw)" "$1" "viewport width"
	expect_eq "$(field sw)" "$1" "page width (nothing scrolls the page sideways): $RESULT"
	expect_eq "$(field bad)" 0 "elements wider than the viewport: $RESULT"
	expect_eq "$(field wrapped)" 0 "dates or levels broken over lines: $RESULT"
	awk -v t="$(field minsvgtext)" 'BEGIN { exit !(t >= 9) }' ||
		fail "chart text $(field minsvgtext) px high at $1 px"
	awk -v c="$(field contrast)" 'BEGIN { exit !(c >= 4.5) }' ||
		fail "rest bars contrast $(field contrast):1"
}

t_browser_is_there() {
	[ -n "$CHROMIUM" ] || fail "chromium is missing (make deps installs it)"
}

t_phone_390() {
	[ -n "$CHROMIUM" ] || return
	fixture
	measure 390
	expect_fits 390
	expect_match "$(field bg)" 'rgb\(255,' "light background"
}

t_desktop_1280() {
	[ -n "$CHROMIUM" ] || return
	fixture
	measure 1280
	expect_fits 1280
}

t_dark_mode() {
	[ -n "$CHROMIUM" ] || return
	fixture
	measure 390 --blink-settings=preferredColorScheme=0
	expect_match "$(field bg)" 'rgb\(21,' "dark background: $RESULT"
	expect_fits 390
}

# The README's picture of the report on a phone (docs/report-html-phone.png);
# UPDATE_DOCS=1 renders it again.
t_docs_phone_picture() {
	[ -n "$CHROMIUM" ] || return
	local top
	top=$(cd "$E2E_DIR/../.." && pwd)
	if [ -n "${UPDATE_DOCS:-}" ]; then
		rw import "$top/examples/episode.csv"
		RESTWATCH_TODAY=2026-03-27 "$RESTWATCH" --db "$DB" report --format html \
			--name "Jane Doe" >"$TMP/r.html"
		wrapper 390 r.html 1500 | sed 's/background:#888/background:#fff/' >"$TMP/wrap.html"
		"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
			--user-data-dir="$TMP/profile" --window-size=390,1500 --virtual-time-budget=5000 \
			--run-all-compositor-stages-before-draw \
			--screenshot="$top/docs/report-html-phone.png" "file://$TMP/wrap.html" \
			>/dev/null 2>&1 || fail "screenshot"
	fi
	[ -s "$top/docs/report-html-phone.png" ] ||
		fail "docs/report-html-phone.png is missing (UPDATE_DOCS=1 writes it)"
}

# ---- the charts (issue 13, 8): red flags and unlogged days marked, ticks on
# months or years, rest hours on their own 0-24 h axis, the clock's limit
# labels never crossed, pain 0 drawn apart from "not logged".

CHART_PROBE='<script>
window.addEventListener("load", function () {
  var out = [], svgs = {}, all = document.querySelectorAll("svg.chart");
  all.forEach(function (s) { svgs[s.querySelector("title").textContent.split(",")[0]] = s; });
  var rest = svgs["Rest hours per day"], clock = svgs["The rest clock"], pain = svgs["Pain per day"];
  function texts(s, sel) {
    return Array.prototype.map.call(s.querySelectorAll(sel), function (t) { return t.textContent.replace(/ /g, "_"); }).join("|");
  }
  function each(f) { return Array.prototype.map.call(all, f).join(","); }
  out.push("charts=" + all.length);
  out.push("flags=" + each(function (s) { return s.querySelectorAll(".flag-mark polygon").length; }));
  out.push("flagtitle=" + texts(clock, ".flag-mark title"));
  out.push("gaps=" + each(function (s) { return s.querySelectorAll(".gap rect").length; }));
  /* The gap: x of its left edge in columns from the plot start. */
  var g = rest.querySelector(".gap rect"), cw = g ? g.width.baseVal.value : 0;
  out.push("gapcol=" + (g ? Math.round((g.x.baseVal.value - 48) / cw) : -1));
  out.push("restaxis=" + texts(rest, "text.ylabel"));
  out.push("clockaxis=" + texts(clock, "text.ylabel").split("|").pop());
  out.push("xlabels=" + texts(rest, "text.xlabel"));
  var xs = Array.prototype.map.call(rest.querySelectorAll("line.tick"), function (t) { return t.x1.baseVal.value.toFixed(1); });
  out.push("xticks=" + xs.join("|"));
  var line = clock.querySelector("polyline").getBoundingClientRect(), labs = clock.querySelectorAll("text.limit-label"),
      crossed = 0, overlap = 0, i, k;
  for (i = 0; i < labs.length; i++) {
    var b = labs[i].getBoundingClientRect();
    if (b.left < line.right && b.right > line.left && b.top < line.bottom && b.bottom > line.top) crossed++;
    for (k = i + 1; k < labs.length; k++) {
      var c = labs[k].getBoundingClientRect();
      if (b.top < c.bottom && c.top < b.bottom && b.left < c.right && c.left < b.right) overlap++;
    }
  }
  out.push("limits=" + texts(clock, "text.limit-label") + " crossed=" + crossed + " overlap=" + overlap);
  out.push("painbars=" + pain.querySelectorAll("g[style*=\"--pain\"] rect").length +
    " painzero=" + pain.querySelectorAll("rect.pain-zero").length);
  var z = pain.querySelector("rect.pain-zero");
  out.push("zeroh=" + (z ? z.getBoundingClientRect().height.toFixed(1) : 0));
  window.parent.postMessage("RW-CHART " + out.join(" ") + " END", "*");
});
</script>'

# chart_probe FILE: RESULT holds the chart probe's line for the report FILE
# at 1280 px.
chart_probe() {
	python3 -c 'import sys; s = open(sys.argv[1]).read(); open(sys.argv[2], "w").write(s.replace("</body>", sys.argv[3] + "\n</body>"))' \
		"$1" "$TMP/probe.html" "$CHART_PROBE"
	wrapper 1280 probe.html >"$TMP/wrap.html"
	RESULT=$("$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--user-data-dir="$TMP/profile" --window-size=1300,900 --virtual-time-budget=5000 \
		--run-all-compositor-stages-before-draw --dump-dom "file://$TMP/wrap.html" \
		2>/dev/null | grep -o 'RW-CHART[^<]*END')
	[ -n "$RESULT" ] || fail "no result from the charts of $1"
}

# The example episode with 2026-03-12 not logged, 2026-03-13 logged without
# pain, and 2026-03-28 with fever and pain 0.
chart_fixture() {
	local top
	top=$(cd "$E2E_DIR/../.." && pwd)
	rw import "$top/examples/episode.csv"
	rw delete --date 2026-03-12
	rw delete --date 2026-03-13
	RESTWATCH_TODAY=2026-03-28 rw log --date 2026-03-13 --rest 9
	RESTWATCH_TODAY=2026-03-28 rw log --date 2026-03-28 --rest 8 --pain 0 --symptom fever
	[ "$RC" = 0 ] || fail "log: $ERR"
	RESTWATCH_TODAY=2026-03-28 "$RESTWATCH" --db "$DB" report --format html >"$TMP/c.html" ||
		fail "report html"
}

t_charts_mark_red_flags_gaps_and_pain_zero() {
	[ -n "$CHROMIUM" ] || return
	chart_fixture
	chart_probe "$TMP/c.html"
	expect_eq "$(field charts)" 6 "charts: $RESULT"
	# One red flag (2026-03-28), marked on every chart.
	expect_eq "$(field flags)" "1,1,1,1,1,1" "red-flag marks: $RESULT"
	expect_eq "$(field flagtitle)" "red_flag_on_2026-03-28" "the mark's title"
	# One day not logged, shaded on every chart in its column (the 11th).
	expect_eq "$(field gaps)" "1,1,1,1,1,1" "gaps: $RESULT"
	expect_eq "$(field gapcol)" 10 "the gap's column"
	# 27 days, one not logged, one without pain: 25 pain bars, one of
	# them the thin bar of pain 0 (2 units, visible), none for the rest.
	expect_eq "$(field painbars)" 25 "pain bars: $RESULT"
	expect_eq "$(field painzero)" 1 "pain 0: $RESULT"
	awk -v h="$(field zeroh)" 'BEGIN { exit !(h >= 1) }' || fail "pain 0 is drawn $(field zeroh) px high"
}

t_charts_rest_hours_and_clock_on_their_own_axes() {
	local d
	[ -n "$CHROMIUM" ] || return
	chart_fixture
	chart_probe "$TMP/c.html"
	expect_eq "$(field restaxis)" "0|6|12|18|24_h" "rest hours' axis: $RESULT"
	expect_eq "$(field clockaxis)" "125_h" "the clock's axis: $RESULT"
	expect_eq "$(field limits)" "72_h|48_h" "the clock's limit labels: $RESULT"
	expect_eq "$(field crossed)" 0 "a limit label crossed by the clock's line: $RESULT"
	expect_eq "$(field overlap)" 0 "limit labels overlapping: $RESULT"
	# Sixty days in bed: the clock reaches 1,300 h and 48 h and 72 h lie
	# 2 units apart; their labels are pushed apart, never over each other.
	for d in $(seq 0 59); do
		rw log --date "$(date -u -d "2025-12-01 +$d days" +%F)" --rest 22
	done
	RESTWATCH_TODAY=2026-03-28 "$RESTWATCH" --db "$DB" report --format html --to 2026-01-29 \
		>"$TMP/long.html" || fail "report html"
	chart_probe "$TMP/long.html"
	expect_eq "$(field restaxis)" "0|6|12|18|24_h" "rest hours' axis past 1,000 h: $RESULT"
	expect_eq "$(field crossed)" 0 "a limit label crossed: $RESULT"
	expect_eq "$(field overlap)" 0 "limit labels overlapping: $RESULT"
}

# Ticks on the first of a month: five and a half months tick November to
# March, spaced by the months' lengths (the golden report shows the first
# month at the left edge when there is room); past four years, years.
t_charts_tick_months_and_years() {
	local x
	[ -n "$CHROMIUM" ] || return
	python3 - "$TMP/m.csv" <<'PY'
import datetime, sys
with open(sys.argv[1], 'w', newline='') as f:
    f.write('date,rest_hours,activities,pain,symptoms,weight_kg,note\r\n')
    d = datetime.date(2025, 10, 10)
    while d <= datetime.date(2026, 3, 27):
        f.write(f'{d},8,walking:30,2,,,\r\n')
        d += datetime.timedelta(days=1)
PY
	rw import "$TMP/m.csv"
	RESTWATCH_TODAY=2026-03-28 "$RESTWATCH" --db "$DB" report --format html >"$TMP/m.html"
	chart_probe "$TMP/m.html"
	expect_eq "$(field xlabels)" "Nov_2025|Dec_2025|Jan_2026|Feb_2026|Mar_2026" "month labels: $RESULT"
	x=$(field xticks)
	python3 - "$x" <<'PY' || fail "ticks not on the months' first days: $x"
import sys
x = [float(v) for v in sys.argv[1].split('|')]
gaps = [b - a for a, b in zip(x, x[1:])]
# Nov 30, Dec 31, Jan 31, Feb 28 days: spacing in proportion.
for g, days in zip(gaps, [30, 31, 31, 28]):
    if abs(g / gaps[0] - days / 30) > 0.02:
        sys.exit(1)
PY
	python3 - "$TMP/y.csv" <<'PY'
import datetime, sys
with open(sys.argv[1], 'w', newline='') as f:
    f.write('date,rest_hours,activities,pain,symptoms,weight_kg,note\r\n')
    d = datetime.date(2019, 6, 1)
    while d <= datetime.date(2026, 3, 27):
        f.write(f'{d},8,,,,,\r\n')
        d += datetime.timedelta(days=3)
PY
	rm -f "$DB"
	rw import "$TMP/y.csv"
	RESTWATCH_TODAY=2026-03-28 "$RESTWATCH" --db "$DB" report --format html >"$TMP/y.html"
	chart_probe "$TMP/y.html"
	expect_eq "$(field xlabels)" "2020|2021|2022|2023|2024|2025|2026" "year labels: $RESULT"
}

run_tests
