#!/usr/bin/env bash
# contrib/: the systemd user unit and timer pass systemd-analyze verify and
# their command shows the nudge; the crontab line and the tmux snippet run
# `restwatch nudge` as written and show its line only when one is due.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
CONTRIB=$(cd "$E2E_DIR/../../contrib" && pwd)
unset RESTWATCH_TODAY
export TZ=UTC

# A PATH whose restwatch is the one under test, on the test's journal, and
# (with fake_notify) a notify-send that records what it was given.
setup_path() {
	mkdir -p "$TMP/bin"
	printf '#!/bin/sh\nexec "%s" "$@"\n' "$RESTWATCH" >"$TMP/bin/restwatch"
	chmod +x "$TMP/bin/restwatch"
	export RESTWATCH_DB=$DB
	PATHX="$TMP/bin:/usr/bin:/bin"
}

fake_notify() {
	printf '#!/bin/sh\nprintf "%%s|" "$@" >>"%s/notified"\n' "$TMP" >"$TMP/bin/notify-send"
	chmod +x "$TMP/bin/notify-send"
}

lie_down_at_nine() {
	RESTWATCH_NOW=2026-03-10T09:00 "$RESTWATCH" --db "$DB" down >/dev/null || fail "down"
}

t_systemd_units_verify() {
	command -v systemd-analyze >/dev/null || { fail "systemd-analyze is missing"; return; }
	cp "$CONTRIB"/restwatch-nudge.service "$CONTRIB"/restwatch-nudge.timer "$TMP/"
	(cd "$TMP" && systemd-analyze verify restwatch-nudge.service restwatch-nudge.timer) \
		>"$TMP/verify" 2>&1 || fail "systemd-analyze verify: $(cat "$TMP/verify")"
	expect_eq "$(cat "$TMP/verify")" "" "verify says nothing"
}

t_systemd_service_command() {
	setup_path
	local cmd
	cmd=$(sed -n "s/^ExecStart=\/bin\/sh -c '\(.*\)'$/\1/p" "$CONTRIB/restwatch-nudge.service")
	[ -n "$cmd" ] || fail "no ExecStart=/bin/sh -c '...' line"
	lie_down_at_nine
	OUT=$(RESTWATCH_NOW=2026-03-10T09:30 PATH=$PATHX /bin/sh -c "$cmd")
	expect_eq "$?:$OUT" "0:" "nothing due: exit 0, no output"
	OUT=$(RESTWATCH_NOW=2026-03-10T10:05 PATH=$PATHX /bin/sh -c "$cmd")
	expect_eq "$?:$OUT" "0:down 1 h 5 min: time to get up and walk a little" "no notify-send: the line"
	fake_notify
	OUT=$(RESTWATCH_NOW=2026-03-10T10:05 PATH=$PATHX /bin/sh -c "$cmd")
	expect_eq "$(cat "$TMP/notified")" "-u|normal|restwatch|down 1 h 5 min: time to get up and walk a little|"
}

t_crontab_line() {
	setup_path
	fake_notify
	local cmd
	cmd=$(grep -v '^#' "$CONTRIB/restwatch.crontab" | sed 's/^\([^ ]* \)\{5\}//')
	expect_match "$(grep -v '^#' "$CONTRIB/restwatch.crontab")" '^\*/10 \* \* \* \* ' "every 10 minutes"
	lie_down_at_nine
	RESTWATCH_NOW=2026-03-10T09:30 PATH=$PATHX /bin/sh -c "$cmd"
	[ -e "$TMP/notified" ] && fail "notified before the nudge was due"
	RESTWATCH_NOW=2026-03-10T10:00 PATH=$PATHX /bin/sh -c "$cmd"
	expect_eq "$(cat "$TMP/notified")" "restwatch|down 1 h: time to get up and walk a little|"
}

t_tmux_status_snippet() {
	setup_path
	local inner="rwcontrib-in-$$" outer="rwcontrib-out-$$" i got=""
	lie_down_at_nine
	RESTWATCH_NOW=2026-03-10T10:20 PATH=$PATHX tmux -L "$inner" -f /dev/null new-session -d -x 100 -y 10 ||
		{ fail "tmux could not start"; return; }
	tmux -L "$inner" source-file "$CONTRIB/restwatch.tmux.conf" || fail "source-file"
	expect_match "$(tmux -L "$inner" show -gv status-right)" '#\(restwatch nudge\)$'
	# A client attached in a second tmux shows the inner status line, where
	# the #() job's output appears once it has run.
	tmux -L "$outer" -f /dev/null new-session -d -x 120 -y 12 "tmux -L $inner attach" ||
		fail "outer tmux"
	for ((i = 0; i < 50; i++)); do
		got=$(tmux -L "$outer" capture-pane -p | grep -o 'down 1 h 20 min: time to get up and walk a little')
		[ -n "$got" ] && break
		sleep 0.1
	done
	tmux -L "$outer" kill-server 2>/dev/null
	tmux -L "$inner" kill-server 2>/dev/null
	expect_eq "$got" "down 1 h 20 min: time to get up and walk a little" "the status line"
}

run_tests
