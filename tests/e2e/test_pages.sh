#!/usr/bin/env bash
# Damage inside a b-tree page (src/journal/pages.c): cells that overlap,
# keys out of order, a record whose header does not add up.  SQLite reads
# such pages without complaint; restwatch refuses them with 74 and one line
# naming the page, before a write can build on them, and leaves the file
# byte for byte as it was.  `check` still reads them and lists what
# integrity_check finds.  A sound journal of every page kind (interior and
# leaf, table and index, overflow) passes every command.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

# The 60 days of tests/data/damaged_index, imported into $DB; checkpointed,
# so that the pages are in the file.
journal() {
	"$RESTWATCH" --db "$DB" import "$DATA_DIR/damaged_index/days.csv" >/dev/null ||
		fail "cannot import the fixture"
	sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
}

# leaf NAME: the first leaf page of the b-tree NAME (its root, or the root's
# leftmost child).
leaf() {
	python3 - "$DB" "$(sqlite3 "$DB" "SELECT rootpage FROM sqlite_schema WHERE name = '$1'")" <<'EOF'
import sys
d = open(sys.argv[1], 'rb').read()
page = int(sys.argv[2])
while True:
    p = d[(page - 1) * 4096:page * 4096]
    if p[0] in (10, 13):
        print(page)
        break
    first = int.from_bytes(p[12:14], 'big')
    page = int.from_bytes(p[first:first + 4], 'big')
EOF
}

# cells PAGE CHANGE: rewrite the cell pointers of leaf PAGE with the Python
# expression CHANGE on the list c (e.g. "c[1] = c[0]").
cells() {
	python3 - "$DB" "$1" "$2" <<'EOF'
import sys
path, page, change = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, 'r+b') as f:
    f.seek((page - 1) * 4096)
    p = bytearray(f.read(4096))
    n = int.from_bytes(p[3:5], 'big')
    c = [int.from_bytes(p[8 + 2 * i:10 + 2 * i], 'big') for i in range(n)]
    exec(change)
    for i, v in enumerate(c):
        p[8 + 2 * i:10 + 2 * i] = v.to_bytes(2, 'big')
    f.seek((page - 1) * 4096)
    f.write(p)
EOF
}

# refused CODE REGEX COMMAND...: each command exits CODE with one stderr line
# matching REGEX and leaves the journal's bytes as they were.
refused() {
	local code=$1 re=$2 sum c
	shift 2
	sum=$(file_sum "$DB")
	for c in "$@"; do
		# shellcheck disable=SC2086
		rw $c
		expect_rc "$code" "$c"
		expect_one_error_line
		expect_match "$ERR" "$re" "$c: the message"
		expect_eq "$(file_sum "$DB")" "$sum" "$c: the journal's bytes"
		[ ! -s "$DB-wal" ] || fail "$c: a WAL was left with frames"
	done
}

t_two_cells_overlapping_in_the_days_index_stop_every_command() {
	journal
	local p
	p=$(leaf sqlite_autoindex_days_1)
	cells "$p" "c[30] = c[29]"
	[ "$(sqlite3 "$DB" 'PRAGMA integrity_check' | grep -c 'Multiple uses')" -ge 1 ] ||
		fail "the damage is not an overlap to integrity_check"
	refused 74 "journal is damaged \(page $p: two cells overlap; see restwatch check\); nothing was changed" \
		"log --rest 9" "log --date 2026-01-20 --pain 3" "delete --date 2026-02-01" "show" \
		"report --format csv" "status" "config --reset" "undo"
}

t_keys_out_of_order_stop_a_write_to_their_page() {
	journal
	local p
	p=$(leaf sqlite_autoindex_days_1)
	cells "$p" "c[10], c[40] = c[40], c[10]"
	refused 74 "page $p: its keys are out of order" "log --date 2026-01-20 --pain 3" "log --rest 9"
}

t_a_malformed_record_stops_a_write_to_its_page() {
	journal
	local p
	p=$(leaf days)
	# the first serial type of 2026-01-01's record (its date) becomes 10, a
	# type SQLite reserves; a read of that day sees NULL
	python3 - "$DB" "$p" <<'EOF'
import sys
path, page = sys.argv[1], int(sys.argv[2])
with open(path, 'r+b') as f:
    base = (page - 1) * 4096
    f.seek(base)
    p = f.read(4096)
    pc = int.from_bytes(p[8:10], 'big')
    # a table leaf cell: payload size, rowid, then the record's header size
    # and serial types, each one byte here
    assert p[pc] < 0x80 and p[pc + 1] == 1 and p[pc + 2] < 0x80 and p[pc + 3] == 33
    f.seek(base + pc + 3)
    f.write(bytes([10]))
EOF
	# writes that keep that row and rewrite others on its page
	refused 74 "page $p: a row's record is malformed" "log --date 2026-02-15 --rest 3" \
		"delete --date 2026-02-20"
}

# A page read from the WAL: another program's connection wrote it there and
# has not checkpointed (a copy of the journal and its WAL taken while it was
# open), the page damaged with the frame checksums made to match, as a
# faulty writer would leave it.  SQLite takes the frame; restwatch refuses
# the page, naming the number its frame header gives.
t_a_damaged_page_in_the_wal_is_refused() {
	local p sum
	journal
	p=$(leaf days) # read before: the sqlite3 shell checkpoints when it closes
	python3 - "$DB" "$p" <<'EOF'
import shutil, sqlite3, struct, sys
path, page = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(path)
con.execute('PRAGMA wal_autocheckpoint = 0')
con.execute("UPDATE days SET note = 'changed' WHERE date = '2026-01-20'")
con.commit()
shutil.copy(path, path + '.copy')
shutil.copy(path + '-wal', path + '.copy-wal')
con.close()
shutil.move(path + '.copy', path)
shutil.move(path + '.copy-wal', path + '-wal')
w = bytearray(open(path + '-wal', 'rb').read())
magic, _, size = struct.unpack('>III', w[:12])
order = '>' if magic & 1 else '<'
def sums(data, s0, s1):
    for k in range(0, len(data), 8):
        x0, x1 = struct.unpack(order + 'II', data[k:k + 8])
        s0 = (s0 + x0 + s1) & 0xffffffff
        s1 = (s1 + x1 + s0) & 0xffffffff
    return s0, s1
s0, s1 = struct.unpack('>II', w[24:32])
at, hit = 32, False
while at + 24 + size <= len(w):
    if struct.unpack('>I', w[at:at + 4])[0] == page:
        body = at + 24
        n = struct.unpack('>H', w[body + 3:body + 5])[0]
        assert w[body] == 13 and n > 31
        w[body + 8 + 2 * 31:body + 10 + 2 * 31] = w[body + 8 + 2 * 30:body + 10 + 2 * 30]
        hit = True
    s0, s1 = sums(w[at:at + 8] + w[at + 24:at + 24 + size], s0, s1)
    w[at + 16:at + 24] = struct.pack('>II', s0, s1)
    at += 24 + size
assert hit, 'the page is not in the WAL'
open(path + '-wal', 'wb').write(w)
EOF
	[ -s "$DB-wal" ] || fail "no WAL was kept"
	rm -f "$DB-shm"
	# what SQLite reads, on a copy (closing checkpoints the WAL away)
	cp "$DB" "$TMP/copy.db"
	cp "$DB-wal" "$TMP/copy.db-wal"
	sqlite3 "$TMP/copy.db" "PRAGMA integrity_check" >"$TMP/ic" 2>&1
	grep -q 'Multiple uses' "$TMP/ic" || fail "the damage is not in what SQLite reads: $(cat "$TMP/ic")"
	sum=$(file_sum "$DB")
	rw show
	expect_rc 74 show
	expect_match "$ERR" "page $p: two cells overlap" "show's error"
	rw log --date 2026-01-21 --pain 2
	expect_rc 74 log
	expect_eq "$(file_sum "$DB")" "$sum" "the journal's bytes"
	[ -s "$DB-wal" ] || fail "the damaged WAL was checkpointed away"
}

t_check_still_reads_a_damaged_page() {
	journal
	cells "$(leaf sqlite_autoindex_days_1)" "c[30] = c[29]"
	rw check
	expect_rc 74 check
	expect_match "$OUT" "Multiple uses for byte" "check's report"
	expect_match "$ERR" "the journal has [0-9]+ problems?" "check's error"
}

# The settings are read when the journal opens: check still gets past them
# to list the damage, where status stops.
t_check_lists_damage_in_a_page_read_at_open() {
	journal
	local p
	p=$(leaf settings)
	cells "$p" "c[3] = c[2]"
	rw status
	expect_rc 74 status
	expect_match "$ERR" "page $p: two cells overlap" "status's error"
	rw check
	expect_rc 74 check
	expect_match "$OUT" "Multiple uses for byte [0-9]+ of page $p" "check's report"
	expect_no_match "$ERR" "see restwatch check" "check's error"
}

# Interior and leaf pages of every kind, and notes on overflow pages (an
# undo image of a note over 1,000 bytes spills from change_days' page):
# every command passes and the journal stays sound.
t_a_sound_journal_of_every_page_kind_passes() {
	python3 - >"$TMP/long.csv" <<'EOF'
import datetime
print('date,rest_hours,activities,pain,symptoms,weight_kg,note')
d = datetime.date(2023, 1, 1)
for i in range(1000):
    note = ('day %d ' % i) * (i % 200)
    print('%s,%d,walking:%d,%d,,,%s' % (d + datetime.timedelta(days=i), 8 + i % 9, 10 + i % 40, i % 11, note.strip()))
EOF
	rw import "$TMP/long.csv"
	expect_rc 0 import
	rw log --date 2024-06-01 --note "$(printf 'x%.0s' $(seq 1500))"
	expect_rc 0 "log a long note"
	rw log --date 2024-06-01 --note "shorter"
	expect_rc 0 "replace it (its image spills to an overflow page)"
	local c
	for c in "report --format csv" "report --format json" "report" "show" "status" \
		"config --reset" "undo" "delete --date 2024-01-01" "log --rest 20" check; do
		# shellcheck disable=SC2086
		rw $c
		expect_rc 0 "$c"
	done
	expect_eq "$(sqlite3 "$DB" 'PRAGMA integrity_check')" "ok" "integrity_check"
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM dbstat WHERE pagetype = 'overflow'")" -gt 0 ] ||
		fail "no overflow page was made"
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM dbstat WHERE pagetype = 'internal' AND name = 'days'")" -gt 0 ] ||
		fail "no interior table page was made"
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM dbstat WHERE pagetype = 'internal'
	      AND name IN ('sqlite_autoindex_days_1', 'projections')")" -gt 1 ] ||
		fail "no interior index pages were made"
}

run_tests
