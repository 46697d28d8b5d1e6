# comments.awk - print the comments of source files as "FILE:LINE: TEXT",
# for tools/lint.  C files (.c, .h): /* */ and // comments, outside string
# and character literals.  SQL files (.sql): from -- to the end of the line.
# Anything else (shell, Makefile): from a # at the start of a line or after
# a blank, outside quotes, to the end of the line (quotes do not carry over
# to the next line).
FNR == 1 {
	st = "code"
	kind = FILENAME ~ /\.[ch]$/ ? "c" : FILENAME ~ /\.sql$/ ? "sql" : "sh"
}
kind == "sql" {
	if ((i = index($0, "--")) > 0) show(substr($0, i + 2))
	next
}
kind == "sh" {
	line = $0; n = length(line); q = ""
	for (i = 1; i <= n; i++) {
		c = substr(line, i, 1)
		if (q == "\"" && c == "\\") { i++; continue }
		if (q != "") { if (c == q) q = ""; continue }
		if (c == "\\") { i++; continue }
		if (c == "'" || c == "\"") { q = c; continue }
		if (c == "#" && (i == 1 || substr(line, i - 1, 1) ~ /[ \t]/)) {
			show(substr(line, i + 1))
			break
		}
	}
	next
}
{
	line = $0; out = ""; n = length(line); i = 1
	while (i <= n) {
		c = substr(line, i, 1); c2 = substr(line, i, 2)
		if (st == "block") {
			if (c2 == "*/") { st = "code"; i += 2; out = out " "; continue }
			out = out c
		} else if (st == "str" || st == "chr") {
			if (c == "\\") { i += 2; continue }
			if ((st == "str" && c == "\"") || (st == "chr" && c == "'")) st = "code"
		} else if (c2 == "/*") {
			st = "block"; i += 2; out = out " "; continue
		} else if (c2 == "//") {
			out = out " " substr(line, i + 2); break
		} else if (c == "\"") {
			st = "str"
		} else if (c == "'") {
			st = "chr"
		}
		i++
	}
	if (st == "str" || st == "chr") st = "code"
	show(out)
}
function show(text) {
	if (text ~ /[^ \t]/) print FILENAME ":" FNR ": " text
}
