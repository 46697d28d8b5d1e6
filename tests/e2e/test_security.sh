#!/usr/bin/env bash
# Security: no SQL is ever built from text (every statement restwatch runs
# is a constant of the program), no shell and no exec outside the TUI's
# $EDITOR, the binary is built hardened, and every file restwatch writes is
# private (journal and its -wal/-shm 0600 in a 0700 directory, backups and
# exports 0600) whatever the umask.
#
# SOURCE_DIR (default: this checkout) is the tree the source checks read.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

SOURCE_DIR=${SOURCE_DIR:-$(cd "$E2E_DIR/../.." && pwd)}

# Only src/journal/ speaks SQL, and the SQL of every sqlite3_exec and
# sqlite3_prepare call (and of the journal's wrappers around them, exec and
# pragma_rows) is a string literal, an entry of the stmt_sql table of
# literals, a static const literal, the compiled-in schema, or the one
# buffer kind allowed: "PRAGMA name = %d" formatted with integers (SQLite
# cannot bind a PRAGMA's value: application_id and user_version).
t_sql_is_never_built_from_text() {
	python3 - "$SOURCE_DIR" <<'PY'
import os, re, sys
top = sys.argv[1]
bad = []
def problem(msg):
    bad.append(msg)
    print('    ' + msg)

def strip_comments(text):
    # Comments out, string literals kept; line numbers kept.
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j])); i = j
        elif text.startswith('//', i):
            j = text.find('\n', i); j = n if j < 0 else j
            out.append(' ' * (j - i)); i = j
        elif text[i] in '"\'':
            q, j = text[i], i + 1
            while j < n and text[j] != q:
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1]); i = j + 1
        else:
            out.append(text[i]); i += 1
    return ''.join(out)

def args_at(text, start):
    # The top-level arguments of the call whose '(' is at start.
    depth, cur, args, i = 0, [], [], start
    while i < len(text):
        c = text[i]
        if c in '"\'':
            q, j = c, i + 1
            while text[j] != q:
                j += 2 if text[j] == '\\' else 1
            cur.append(text[i:j + 1]); i = j + 1; continue
        if c in '([{':
            depth += 1
            if depth == 1 and c == '(':
                i += 1; continue
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                args.append(''.join(cur).strip()); return args
        elif c == ',' and depth == 1:
            args.append(''.join(cur).strip()); cur = []; i += 1; continue
        cur.append(c); i += 1
    return args

LIT = r'(?:"(?:[^"\\]|\\.)*"\s*|\b(?:DAY_COLS|PROJ_COLS|PROJ_SELECT_STORED|PROJ_SELECT|PROJ_FROM)\b\s*)+'
def is_literal(a):
    return re.fullmatch(LIT, a.strip()) is not None

files = []
for d in ('src', 'include'):
    for root, _, names in os.walk(os.path.join(top, d)):
        files += [os.path.join(root, f) for f in names if f.endswith(('.c', '.h'))]
calls = 0
tables = 0
macros_seen = set()
for path in sorted(files):
    rel = os.path.relpath(path, top)
    text = strip_comments(open(path, encoding='utf-8', errors='replace').read())
    journal = rel.startswith('src/journal/')
    if re.search(r'#\s*include\s*[<"]sqlite3\.h[>"]', text) and not journal:
        problem('%s includes sqlite3.h: only src/journal/ may speak SQL' % rel)
    for m in re.finditer(r'\b(sqlite3_v?mprintf|sqlite3_v?snprintf|sqlite3_str_\w+)\s*\(', text):
        problem('%s:%d: %s builds text that could become SQL'
                % (rel, text.count('\n', 0, m.start()) + 1, m.group(1)))
    if not journal:
        continue
    # The macros spliced into statements must be literals themselves.
    for name in ('DAY_COLS', 'PROJ_COLS', 'PROJ_SELECT_STORED', 'PROJ_SELECT', 'PROJ_FROM'):
        m = re.search(r'#define\s+%s\s+((?:[^\n]*\\\n)*[^\n]*)' % name, text)
        if m:
            macros_seen.add(name)
        if m and not is_literal(m.group(1).replace('\\\n', ' ')):
            problem('%s: %s is not a string literal' % (rel, name))
    # The statement table holds literals only.
    m = re.search(r'static const char \*const stmt_sql\[S_COUNT\] = \{(.*?)\n\};', text, re.S)
    if m:
        tables += 1
        for entry in re.split(r',\s*(?=\[S_)', m.group(1).strip().rstrip(',')):
            e = re.fullmatch(r'\s*\[S_\w+\]\s*=\s*(.*)', entry, re.S)
            if not e or not is_literal(e.group(1)):
                problem('%s: stmt_sql entry is not a literal: %s' % (rel, entry.strip()[:60]))
    const_arrays = {m.group(1) for m in
                    re.finditer(r'static const char (\w+)\[\] =\s*(?:"(?:[^"\\]|\\.)*"\s*)+;', text)}
    # Buffers that SQL is formatted into: integers into PRAGMAs only.
    buffers = set()
    for m in re.finditer(r'\bsnprintf\s*\(', text):
        a = args_at(text, m.end() - 1)
        if a and a[0] == 'sql':
            fmt = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', a[2]))
            line = text.count('\n', 0, m.start()) + 1
            if not re.fullmatch(r'PRAGMA [a-z_]+ = %d(; PRAGMA [a-z_]+ = %d)*', fmt):
                problem('%s:%d: SQL formatted with "%s"' % (rel, line, fmt))
            for v in a[3:]:
                if not re.fullmatch(r"[A-Z_]+|schema_steps\[[a-z_ -1]+\]\.version", v):
                    problem('%s:%d: %s formatted into SQL is not a constant integer' % (rel, line, v))
            buffers.add(line)
    allowed = {'stmt_sql[id]', 'schema_steps[k].sql'} | const_arrays
    wrappers = {'exec': 1, 'pragma_rows': 1}
    for m in re.finditer(r'\b(sqlite3_exec|sqlite3_prepare(?:_v2|_v3)?|sqlite3_prepare16\w*|exec|pragma_rows)\s*\(', text):
        name = m.group(1)
        line = text.count('\n', 0, m.start()) + 1
        before = text[text.rfind('\n', 0, m.start()) + 1:m.start()]
        a = args_at(text, m.end() - 1)
        if re.search(r'\b(int|void)\s+$', before):  # the wrapper's definition
            continue
        calls += 1
        sql = a[1] if len(a) > 1 else ''
        if name.startswith('sqlite3_prepare16'):
            problem('%s:%d: %s' % (rel, line, name))
        elif is_literal(sql) or sql in allowed:
            continue
        elif sql == 'sql':
            # In a wrapper, sql is its parameter (its callers are checked);
            # elsewhere it must be a PRAGMA buffer formatted just above.
            fn = re.findall(r'\n(?:static )?int (\w+)\(', text[:m.start()])
            if fn and fn[-1] in wrappers:
                continue
            if any(0 < line - b < 12 for b in buffers):
                continue
            problem('%s:%d: %s runs the variable sql, not formatted from integers just above' % (rel, line, name))
        else:
            problem('%s:%d: %s runs %s, which is not constant SQL' % (rel, line, name, sql))
for name in ('DAY_COLS', 'PROJ_COLS', 'PROJ_SELECT_STORED', 'PROJ_SELECT', 'PROJ_FROM'):
    if name not in macros_seen:
        problem('src/journal/: %s is not defined' % name)
if tables != 1:
    problem('src/journal/: %d stmt_sql tables of literals found, not 1' % tables)
if calls < 10:
    problem('only %d calls that run SQL were found: the check does not see the code' % calls)
print('# sql_is_never_built_from_text: %d calls that run SQL checked' % calls, file=open(3, 'w', closefd=False))
PY
}

t_no_shell_no_exec_outside_the_editor() {
	python3 - "$SOURCE_DIR" <<'PY'
import os, re, sys
top = sys.argv[1]
for root, _, names in os.walk(os.path.join(top, 'src')):
    for f in names:
        if not f.endswith(('.c', '.h')):
            continue
        path = os.path.join(root, f)
        rel = os.path.relpath(path, top)
        text = re.sub(r'/\*.*?\*/|//[^\n]*', lambda m: re.sub(r'[^\n]', ' ', m.group(0)),
                      open(path, encoding='utf-8', errors='replace').read(), flags=re.S)
        for m in re.finditer(r'\b(system|popen|execl|execlp|execle|execv|execvp|execvpe|execve|fexecve|posix_spawnp?|fork|vfork|dlopen)\s*\(', text):
            line = text.count('\n', 0, m.start()) + 1
            if m.group(1) == 'dlopen' and rel == 'src/report/pdf_api.c':
                # The PDF writer's libraries, opened by fixed sonames only
                # (src/report/pdf_api.h says why they are not linked).
                names = re.search(r'libs\[\] = \{(.*?)\};', text, re.S).group(1)
                if not re.match(r'dlopen\(libs\[i\], RTLD_NOW \| RTLD_GLOBAL\)', text[m.start():]) or \
                   not re.fullmatch(r'(\s*"lib[a-z0-9.-]+\.so\.[0-9]+",?)+\s*', names):
                    print('    %s:%d: dlopen of something but the fixed sonames' % (rel, line))
            elif m.group(1) in ('system', 'popen', 'dlopen'):
                print('    %s:%d: %s' % (rel, line, m.group(1)))
            elif not rel.startswith('src/tui/'):
                print('    %s:%d: %s outside the TUI ($EDITOR lives in src/tui/)' % (rel, line, m.group(1)))
PY
}

# has TEXT REGEX WHAT: TEXT (readelf's output) matches REGEX.
has() {
	printf '%s\n' "$1" | grep -Eq -- "$2" || fail "$3: no line of readelf's output matches /$2/"
}

t_hardened_binary() {
	local h l d s
	h=$(readelf -hW "$RESTWATCH")
	l=$(readelf -lW "$RESTWATCH")
	d=$(readelf -dW "$RESTWATCH")
	s=$(readelf --dyn-syms -W "$RESTWATCH")
	has "$h" 'Type: +DYN' "ELF type DYN (PIE)"
	has "$l" 'GNU_RELRO' "a RELRO segment"
	has "$l" 'GNU_STACK +(0x[0-9a-f]+ +){5}RW ' "a stack that is not executable"
	has "$d" '\(FLAGS\) +BIND_NOW|\(FLAGS_1\) +Flags: NOW' "BIND_NOW (full RELRO)"
	has "$s" ' __stack_chk_fail' "the stack protector (-fstack-protector-strong)"
	has "$s" ' __[a-z]+_chk(@|$)' "_FORTIFY_SOURCE's checked functions"
}

# umask 000 must not make anything readable by others.
t_private_files_whatever_the_umask() {
	umask 000
	export XDG_DATA_HOME="$TMP/xdg"
	"$RESTWATCH" log --rest 8 >/dev/null
	local jdb="$TMP/xdg/restwatch/journal.db"
	expect_eq "$(stat -c %a "$TMP/xdg/restwatch")" 700 "the journal's directory"
	expect_eq "$(stat -c %a "$jdb")" 600 "the journal"
	# -wal and -shm exist while the journal is open: hold it open.
	mkfifo "$TMP/fifo"
	sqlite3 "$jdb" <"$TMP/fifo" >/dev/null 2>&1 &
	local holder=$!
	exec 4>"$TMP/fifo"
	echo 'SELECT count(*) FROM days;' >&4
	"$RESTWATCH" log --rest 9 >/dev/null
	sleep 0.2
	expect_eq "$(stat -c %a "$jdb-wal" 2>&1)" 600 "the journal's -wal"
	expect_eq "$(stat -c %a "$jdb-shm" 2>&1)" 600 "the journal's -shm"
	exec 4>&-
	wait "$holder"
	"$RESTWATCH" backup "$TMP/backup.db" >/dev/null
	expect_eq "$(stat -c %a "$TMP/backup.db")" 600 "a backup"
	echo old >"$TMP/report.txt"
	chmod 0644 "$TMP/report.txt"
	"$RESTWATCH" report -o "$TMP/report.txt"
	expect_eq "$?" 0 "report -o"
	expect_eq "$(stat -c %a "$TMP/report.txt")" 600 "an export that replaced a 0644 file"
	grep -q old "$TMP/report.txt" && fail "report -o did not replace the file"
	"$RESTWATCH" report --format csv -o "$TMP/new.csv"
	expect_eq "$(stat -c %a "$TMP/new.csv")" 600 "a new export"
	expect_eq "$(find "$TMP" "$TMP/xdg/restwatch" -maxdepth 1 -name '.*.??????' | wc -l)" 0 \
		"temporary files left behind"
}

exec 3>&1
run_tests
