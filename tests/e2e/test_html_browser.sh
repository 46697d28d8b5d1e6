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

run_tests
