#!/usr/bin/env bash
# make install and uninstall put exactly the binary, the man page and the
# completions under DESTDIR/PREFIX, and take them away again.
. "$(dirname "$0")/lib.sh"

TOP=$(cd "$E2E_DIR/../.." && pwd)
BUILD_DIR=$(basename "$(dirname "$RESTWATCH")")

t_install_and_uninstall() {
	local root=$TMP/root f
	make -s -C "$TOP" BUILD="$BUILD_DIR" DESTDIR="$root" PREFIX=/usr install >"$TMP/log" 2>&1 ||
		fail "make install: $(cat "$TMP/log")"
	for f in usr/bin/restwatch usr/share/man/man1/restwatch.1 \
		usr/share/bash-completion/completions/restwatch usr/share/zsh/site-functions/_restwatch; do
		[ -f "$root/$f" ] || fail "not installed: $f"
	done
	[ -x "$root/usr/bin/restwatch" ] || fail "the binary is not executable"
	expect_match "$("$root/usr/bin/restwatch" --version)" '^restwatch '
	MANWIDTH=80 man -l "$root/usr/share/man/man1/restwatch.1" >/dev/null 2>&1 || fail "man -l"
	bash -c ". '$root/usr/share/bash-completion/completions/restwatch'; complete -p restwatch" \
		>/dev/null 2>&1 || fail "the bash completion does not load"
	make -s -C "$TOP" BUILD="$BUILD_DIR" DESTDIR="$root" PREFIX=/usr uninstall >"$TMP/log" 2>&1 ||
		fail "make uninstall: $(cat "$TMP/log")"
	expect_eq "$(find "$root" -type f | wc -l)" 0 "files left after uninstall"
}

t_completion_offers_commands_and_kinds() {
	local out
	out=$(bash -c ". '$TOP/completions/restwatch.bash'
		COMP_WORDS=(restwatch l); COMP_CWORD=1; _restwatch; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(restwatch log --activity w); COMP_CWORD=3; _restwatch; echo \"\${COMPREPLY[*]}\"")
	expect_eq "$out" $'log\nwalking: water-therapy:' "bash completion"
}

run_tests
