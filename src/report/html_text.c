/* html_text.c - the HTML report's text: escaping and the style sheet
 * (src/report/html.c writes the document). */
#include <stdbool.h>
#include <stdio.h>

#include "html_text.h"
#include "utf8.h"

/* ---- text ---------------------------------------------------------------- */

/* s as HTML text or attribute value: the five special characters as
 * references, the colon and slashes of "://" and "//" too, and any byte
 * that is not well-formed UTF-8 as U+FFFD. */
void html_esc(FILE *f, const char *s)
{
	const char *start = s;

	while (*s) {
		size_t n = utf8_seq(s);
		if (n == 0) {
			fputs("\xef\xbf\xbd", f);
			s++;
			continue;
		}
		if (n > 1) {
			fwrite(s, 1, n, f);
			s += n;
			continue;
		}
		switch (*s) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&#39;", f);
			break;
		case ':':
			/* A URL in a note stays text: its "://" is written as
			 * references, so that no "http:" or "//" of the user's
			 * ever reads as a link to a checker of the file. */
			fputs(s[1] == '/' && s[2] == '/' ? "&#58;" : ":", f);
			break;
		case '/':
			fputs(s[1] == '/' || (s > start && s[-1] == '/') ? "&#47;" : "/", f);
			break;
		default:
			putc(*s, f);
		}
		s++;
	}
}

/* Whether s starts with a date, YYYY-MM-DD. */
static bool is_date(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	int i;

	for (i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != '-')
			return false;
	return true;
}

/* Text of ours (a summary line, a warning) escaped, each date in it kept
 * on one line: a browser may break a line at a hyphen. */
void html_esc_dates(FILE *f, const char *s)
{
	char piece[512];
	size_t n = 0;

	for (; *s; s++) {
		if (is_date(s)) {
			piece[n] = '\0';
			html_esc(f, piece);
			n = 0;
			fprintf(f, "<span class=\"nw\">%.10s</span>", s);
			s += 9;
			continue;
		}
		if (n + 1 < sizeof piece)
			piece[n++] = *s;
	}
	piece[n] = '\0';
	html_esc(f, piece);
}

/* Screen and print styles; system fonts only, nothing to fetch.  The
 * colours are variables so that the reader's dark mode swaps them all;
 * every text and bar colour has at least 4.5:1 contrast on its background.
 * On a narrow screen the table and the charts scroll inside their own
 * boxes, never the page. */
const char html_style[] =
	"<style>\n"
	":root{color-scheme:light dark;--bg:#fff;--panel:#f4f6f8;--ink:#1d2327;--muted:#5f6b73;"
	"--line:#d5dbe0;--flag:#b3261e;--rest:#5a6b7d;--clock:#b3261e;--warn:#8a5a00;"
	"--pain:#8a5a00;--muscle:#1f6feb;--cardio:#2e8540;--bone:#7b3fa0;--gap:#eceff2}\n"
	"@media (prefers-color-scheme:dark){:root{--bg:#15191c;--panel:#20262b;--ink:#e6e9ec;"
	"--muted:#a9b4bd;--line:#3a444c;--flag:#ff8a80;--rest:#9fb3c8;--clock:#ff8a80;"
	"--warn:#e0a040;--pain:#e0a040;--muscle:#79b8ff;--cardio:#7fd18b;--bone:#c9a0ff;"
	"--gap:#262d33}}\n"
	"*{box-sizing:border-box}\n"
	"html{background:var(--bg)}\n"
	"body{font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\","
	"Arial,sans-serif;color:var(--ink);background:var(--bg);max-width:62rem;"
	"margin:1.5rem auto;padding:0 1rem;overflow-wrap:break-word}\n"
	"h1{font-size:1.5rem;margin:0 0 .25rem}\n"
	"h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid var(--line);"
	"padding-bottom:.2rem}\n"
	".name{margin:0;font-weight:600}\n"
	".period{margin:0;color:var(--muted)}\n"
	"time,.nw{white-space:nowrap}\n"
	".notice{border-left:4px solid var(--muted);padding:.3rem .7rem;background:var(--panel);"
	"margin:.8rem 0}\n"
	"dl.summary{display:grid;grid-template-columns:max-content minmax(0,1fr);"
	"gap:.2rem 1rem;margin:0}\n"
	"dl.summary dt{font-weight:600}\n"
	"dl.summary dd{margin:0}\n"
	"@media (max-width:30rem){dl.summary{grid-template-columns:minmax(0,1fr)}"
	"dl.summary dd{margin:0 0 .4rem}}\n"
	"ul.warnings{padding-left:1.2rem;margin:0}\n"
	"ul.warnings li{margin:.15rem 0}\n"
	"h3.episode{font-size:1rem;margin:.6rem 0 .2rem}\n"
	".red-flag{color:var(--flag);font-weight:700}\n"
	"figure{margin:0 0 1rem;break-inside:avoid;page-break-inside:avoid}\n"
	"figcaption{font-weight:600;margin-bottom:.2rem}\n"
	"figcaption .key{font-weight:400;color:var(--muted);margin-left:.8rem;"
	"display:inline-block;max-width:100%}\n"
	".sw{display:inline-block;width:.8em;height:.8em;margin-right:.25em;"
	"vertical-align:-.05em;border-radius:2px}\n"
	".scroll{overflow-x:auto;max-width:100%}\n"
	"svg.chart{display:block;width:100%;min-width:34rem;height:auto}\n"
	"svg.chart text{font:14px system-ui,sans-serif;fill:var(--muted)}\n"
	"svg.chart .grid{stroke:var(--line);stroke-width:1}\n"
	"svg.chart .axis{stroke:var(--muted);stroke-width:1}\n"
	"svg.chart .limit{stroke-width:1.5}\n"
	"svg.chart .gap{fill:var(--gap)}\n"
	"svg.chart .tick{stroke:var(--muted);stroke-width:1}\n"
	"svg.chart .flag-mark{fill:var(--flag)}\n"
	".flag-sw{color:var(--flag);margin-right:.25em}\n"
	"table.days{border-collapse:collapse;min-width:100%;font-size:.85rem}\n"
	"table.days th,table.days td{border-bottom:1px solid var(--line);padding:.2rem .35rem;"
	"text-align:left;vertical-align:top}\n"
	"table.days th{background:var(--panel);white-space:nowrap}\n"
	"table.days td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"table.days td.d,table.days td.lvl{white-space:nowrap}\n"
	"table.days td.act{min-width:9rem}\n"
	"table.days tr.gap td{color:var(--muted);font-style:italic}\n"
	"table.days td.note{white-space:pre-wrap;overflow-wrap:anywhere;min-width:12rem}\n"
	"td.level-deconditioning{color:var(--warn);font-weight:600}\n"
	"td.level-clot-risk{color:var(--flag);font-weight:700}\n"
	"footer{margin-top:1.5rem;color:var(--muted);font-size:.85rem}\n"
	"@page{size:auto;margin:14mm 12mm}\n"
	"@media print{\n"
	":root{--bg:#fff;--panel:#fff;--ink:#000;--muted:#444}\n"
	"body{font-size:10pt;max-width:none;margin:0;padding:0;"
	"-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"h2{break-after:avoid;page-break-after:avoid}\n"
	"section{break-inside:auto}\n"
	".scroll{overflow:visible}\n"
	"table.days{font-size:8pt}\n"
	"thead{display:table-header-group}\n"
	"tr,td,th{break-inside:avoid;page-break-inside:avoid}\n"
	"svg.chart{width:100%;min-width:0;max-height:60mm}\n"
	".notice{background:none}\n"
	"}\n"
	"</style>\n";

