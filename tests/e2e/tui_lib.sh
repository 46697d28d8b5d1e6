# tui_lib.sh - the tmux harness of the TUI tests, sourced after lib.sh by
# every tests/e2e/test_tui*.sh script.
# ---- helpers ------------------------------------------------------------

# tui_start [ARGS...]: restwatch on $DB in a detached tmux window of
# ${TUI_W:-100}x${TUI_H:-30}, under env TUI_ENV (default a UTF-8 locale and
# TERM=xterm-256color).  The pane keeps a shell after restwatch ends that
# prints its exit status and the terminal modes, then DONE.
# In TUI_ENV, words are VAR=VALUE and a % in a value stands for a space.
# With TUI_HOLD set, restwatch starts only once $TMP/go exists.
tui_start() {
	# the test's own socket directory: no other tmux user can remove it
	export TMUX_TMPDIR="$TMP"
	TUI_SOCK="rwtui-$$-${RANDOM}${RANDOM}"
	trap tui_stop EXIT
	local env=${TUI_ENV:-"LANG=C.UTF-8 TERM=xterm-256color"} a w q="" qenv=""
	for w in $env; do
		qenv="$qenv '${w//%/ }'"
	done
	for a in "$@"; do
		q="$q '$a'"
	done
	cat >"$TMP/run.sh" <<EOF
#!/bin/sh
while [ -n "${TUI_HOLD:-}" ] && [ ! -e "$TMP/go" ]; do sleep 0.05; done
sh -c 'echo \$\$ >"$TMP/tui.pid"; exec "\$@"' sh env -u LC_ALL -u NO_COLOR -u LANG -u VISUAL \
	-u EDITOR RESTWATCH_TODAY=$RESTWATCH_TODAY $qenv "$RESTWATCH" --db "$DB"$q
echo "exit=\$?"
stty -a | tr ' ;' '\n\n' | grep -E '^-?(echo|icanon)\$' | tr '\n' ' '
echo
echo DONE
exec sleep 600
EOF
	chmod +x "$TMP/run.sh"
	rm -f "$TMP/tui.pid"
	# a busy machine sometimes loses a starting tmux server: try again
	local try
	for try in 1 2 3; do
		tmux -L "$TUI_SOCK" -f /dev/null new-session -d -x "${TUI_W:-100}" -y "${TUI_H:-30}" \
			-s t "$TMP/run.sh" 2>/dev/null && break
		[ "$try" = 3 ] && fail "tmux could not start"
		rm -f "$TMP/tui.pid"
		sleep 0.5
	done
	tmux -L "$TUI_SOCK" set-option -g remain-on-exit on >/dev/null 2>&1
}

# Kill this test's tmux server and remove its socket file.
tui_stop() {
	if [ -n "${TUI_SOCK:-}" ]; then
		tmux -L "$TUI_SOCK" kill-server >/dev/null 2>&1
		rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TUI_SOCK"
	fi
	TUI_SOCK=""
}

screen() {
	tmux -L "$TUI_SOCK" capture-pane -p -t t
}

keys() {
	tmux -L "$TUI_SOCK" send-keys -t t "$@"
}

# text STRING: type it literally.
text() {
	tmux -L "$TUI_SOCK" send-keys -t t -l -- "$1"
}

# wait_for REGEX [SECONDS]: poll the pane until it shows REGEX.
wait_for() {
	local re=$1 limit=$(( ${2:-8} * 10 )) i=0
	while [ "$i" -lt "$limit" ]; do
		screen | grep -Eq -- "$re" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "the screen never showed /$re/; it shows:"
	screen | sed 's/^/      | /'
	return 1
}

# wait_gone REGEX [SECONDS]: poll until the pane no longer shows REGEX.
wait_gone() {
	local re=$1 limit=$(( ${2:-8} * 10 )) i=0
	while [ "$i" -lt "$limit" ]; do
		screen | grep -Eq -- "$re" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "the screen still shows /$re/"
	return 1
}

# wait_sql QUERY EXPECTED: poll the journal until QUERY gives EXPECTED.
wait_sql() {
	local i=0 got
	while [ "$i" -lt 50 ]; do
		got=$(sql "$1" 2>/dev/null)
		[ "$got" = "$2" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "sql '$1': got '$got', expected '$2'"
	return 1
}

# wait_change PREVIOUS: poll until the pane differs from PREVIOUS (at most
# 3 s; an unchanged pane is not a failure).
wait_change() {
	local i=0
	while [ "$i" -lt 30 ]; do
		[ "$(screen)" != "$1" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 0
}

tui_pid() {
	cat "$TMP/tui.pid" 2>/dev/null
}

# The TUI is up: the top bar is drawn.
tui_ready() {
	wait_for '1 Today +2 Journal' "${1:-10}"
}

# quit_and_check: q, then the shell after restwatch reports exit 0 and a
# terminal back in its normal modes.
quit_and_check() {
	keys q
	wait_for '^DONE' 8 || return 1
	expect_match "$(screen)" 'exit=0' "exit status"
	expect_terminal_restored
}

expect_terminal_restored() {
	local s
	s=$(screen)
	expect_match "$s" '(^| )echo( |$)' "echo mode after exit"
	expect_match "$s" '(^| )icanon( |$)' "canonical mode after exit"
	expect_no_match "$s" '1 Today +2 Journal' "the TUI's screen after exit"
	expect_eq "$(tmux -L "$TUI_SOCK" display -p -t t '#{alternate_on}')" 0 "alternate screen"
	expect_eq "$(tmux -L "$TUI_SOCK" display -p -t t '#{cursor_flag}')" 1 "cursor visible"
}

# ascii_only WHAT: the pane holds no byte above 127.
ascii_only() {
	local bad
	bad=$(screen | LC_ALL=C grep -n '[^ -~]')
	[ -z "$bad" ] || fail "$1: non-ASCII on screen: $(printf '%s' "$bad" | head -3 | od -c | head -5)"
}

# colours_used: does the pane (with attributes) set any colour?
colours_used() {
	tmux -L "$TUI_SOCK" capture-pane -e -p -t t | python3 -c '
import re, sys
used = False
for m in re.finditer(r"\x1b\[([0-9;]*)m", sys.stdin.read()):
    ps = [int(p) for p in m.group(1).split(";") if p]
    if any(30 <= p <= 37 or 40 <= p <= 47 or 90 <= p <= 97 or 100 <= p <= 107
           or p in (38, 48) for p in ps):
        used = True
print("yes" if used else "no")'
}

bedrest() {
	local d
	for d in 06 07 08 09 10; do
		rw log --date 2026-03-$d --rest 24
		[ "$RC" = 0 ] || fail "log 2026-03-$d: $ERR"
	done
}

