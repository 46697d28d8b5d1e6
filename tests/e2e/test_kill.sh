#!/usr/bin/env bash
# Kills: `restwatch log`, `restwatch import` and the first run that creates
# the journal are killed with SIGKILL at random moments, hundreds of times
# (tests/tools/killrun starts the process and kills it after a random delay
# spread over the whole run, so that many kills land inside the SQLite
# transaction and in the checkpoint after it).  Afterwards the journal must be
# sound (restwatch check, which also compares the stored projections with a
# full recompute, and the sqlite3 shell's integrity_check), and every write
# that exited 0 must be there, as the ledger kept here says.
#
# KILL_SEED=N repeats a run; RESTWATCH_TEST_QUICK=1 (or a sanitizer build)
# runs a fifth of the kills.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

KILLRUN=$(dirname "$RESTWATCH")/tests/tools/killrun
SEED=${KILL_SEED:-$(( $(date +%s) % 100000 ))}
RANDOM=$SEED
SCALE=3
if [ -n "${RESTWATCH_TEST_QUICK:-}" ] || grep -qa __asan_init "$RESTWATCH" 2>/dev/null; then
	SCALE=1
fi
N_LOG=$((120 * SCALE))
N_IMPORT=$((60 * SCALE))
N_CREATE=$((20 * SCALE))
exec 3>&1 # information lines, shown whether the test passes or not

info() {
	echo "# $*" >&3
}

# A random delay in microseconds, uniform in [0, max).
delay_us() {
	echo $(( (RANDOM << 15 | RANDOM) % $1 ))
}

# Calibration: run ARGS uncut 7 times ("prepare" before each) and set
# RUN_US and HELD_US to the median run time and the median time the run held
# SQLite's write lock (both in µs, killrun's overhead included).
calibrate() {
	local prepare=$1 i out runs=() helds=()
	shift
	for i in 1 2 3 4 5 6 7; do
		eval "$prepare"
		out=$("$KILLRUN" -l "$DB-shm" 100000000 "$@")
		case $out in
		"exit 0 "*" held "*) helds+=("$(echo "$out" | cut -d' ' -f5)") ;;
		"exit 0 "*) ;; # the lock came and went between two looks
		*) fail "calibration run: $out: $*" ;;
		esac
		runs+=("$(echo "$out" | cut -d' ' -f3)")
	done
	RUN_US=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 4p)
	HELD_US=$(printf '%s\n' "${helds[@]}" | sort -n | sed -n "$(((${#helds[@]} + 1) / 2))p")
	RUN_US=${RUN_US:-10000}
	HELD_US=${HELD_US:-1000}
}

# killrun's arguments for run i: every other run is killed at a moment spread
# over three times its calibrated life (start-up, open, transaction, commit,
# checkpoint, exit) or not at all: the calibration's log is a cheap one, and
# a log that changes rest hours recomputes the days after it, so the window
# must be wide for some to live to exit 0 (under ASan on a busy machine too).
# The others are killed at a moment spread over the time it holds the write
# lock, i.e. inside the transaction.
kill_args() {
	if [ $(($1 % 2)) = 0 ]; then
		echo "-w $DB-wal $(delay_us $((RUN_US * 3 + 1)))"
	else
		echo "-w $DB-wal -l $DB-shm $(delay_us $((HELD_US * 5 / 4 + 1)))"
	fi
}

sound() { # sound WHAT: restwatch check and the sqlite3 shell agree it is sound
	rw check
	expect_rc 0 "$1: restwatch check"
	expect_eq "$(sql 'PRAGMA integrity_check')" ok "$1: sqlite3 integrity_check"
	expect_eq "$(sql 'PRAGMA foreign_key_check')" "" "$1: sqlite3 foreign_key_check"
}

t_killrun_is_built() {
	[ -x "$KILLRUN" ] || fail "$KILLRUN is missing (make builds tests/tools/)"
	local out
	out=$("$KILLRUN" 0 sleep 5)
	expect_eq "$out" "killed 0" "killrun kills"
	out=$("$KILLRUN" 5000000 true)
	expect_match "$out" '^exit 0 [0-9]+$' "killrun reports an exit"
}

# log, killed: each run adds one activity to one of 97 days, whose minutes
# say which visit to that day it was, so the stored list tells exactly which
# runs committed; the note and the rest hours must be the last committed
# run's.  Rest alternates between 20 and 9 h so that most runs recompute the
# projections of every later day (a long transaction).
t_kill_log() {
	local i d v rest out ledger="$TMP/ledger"
	local -a visits
	rw log --date -200 --rest 8 --note start
	expect_rc 0 "first log"
	calibrate : "$RESTWATCH" --db "$DB" log --date -150 --rest 8
	: >"$ledger"
	for ((i = 0; i < N_LOG; i++)); do
		d=$((i % 97))
		v=$((${visits[d]:-0} + 1))
		visits[d]=$v
		rest=$((v % 2 ? 20 : 9))
		# shellcheck disable=SC2046
		out=$("$KILLRUN" $(kill_args "$i") "$RESTWATCH" --db "$DB" log \
			--date "-$d" --rest "$rest" --activity "walking:$v" --note "kill-$i")
		echo "$i $d $v $rest $out" >>"$ledger"
		if [ $((i % 100)) = 99 ]; then
			sound "after $((i + 1)) kills"
		fi
	done
	sound "at the end"
	sqlite3 -batch -noheader -separator ' ' "$DB" \
		"SELECT date, ifnull(rest_hours, '-'), activities, note FROM days" >"$TMP/days"
	python3 - "$ledger" "$TMP/days" "$RESTWATCH_TODAY" "$RUN_US" "$HELD_US" "$SEED" <<'PY' || fail "ledger check failed"
import sys, datetime
ledger, days, today, t, held, seed = sys.argv[1:7]
today = datetime.date.fromisoformat(today)
stored = {}
for line in open(days):
    date, rest, acts, note = line.rstrip('\n').split(' ', 3)
    stored[(today - datetime.date.fromisoformat(date)).days] = (rest, acts, note)
runs = [line.split() for line in open(ledger)]
bad = 0
def problem(msg):
    global bad
    bad += 1
    if bad <= 10:
        print('    ' + msg)
committed, last = {}, {}
for d, (rest, acts, note) in stored.items():
    if d in (150, 200):
        continue
    mins = [int(a.split(':')[1]) for a in acts.split(';')] if acts else []
    if mins != sorted(set(mins)):
        problem('day -%d: activities %s are not in order or repeat' % (d, acts))
    committed[d] = set(mins)
    last[d] = max(mins) if mins else 0
killed = inside = incommit = after = ok = 0
for r in runs:
    i, d, v, rest, outcome = int(r[0]), int(r[1]), int(r[2]), r[3], r[4:]
    done = v in committed.get(d, set())
    if outcome[0] == 'exit' and outcome[1] == '0':
        ok += 1
        if not done:
            problem('run %d exited 0 but its activity walking:%d on day -%d is missing' % (i, v, d))
    elif outcome[0] == 'killed':
        killed += 1
        # A kill while the write lock is held lands inside the transaction
        # or in its commit (the lock is let go once the commit is written).
        if 'inlock' in outcome and not done:
            inside += 1
        elif 'inlock' in outcome:
            incommit += 1
        elif done:
            after += 1
    else:
        problem('run %d ended with %s, neither exit 0 nor killed' % (i, ' '.join(outcome)))
    if done and v == last.get(d):
        rest_s, _, note = stored[d]
        if note != 'kill-%d' % i or float(rest_s) != float(rest):
            problem('day -%d: note %r and rest %s are not those of its last committed run %d'
                    % (d, note, rest_s, i))
for d, mins in committed.items():
    if max(mins, default=0) > sum(1 for r in runs if int(r[1]) == d):
        problem('day -%d has more activities than runs' % d)
print('# kill_log: seed %s, %d runs (median %s us uncut, write lock held %s us): %d exited 0, '
      '%d killed (%d inside the transaction, %d in its commit, %d after it)'
      % (seed, len(runs), t, held, ok, killed, inside, incommit, after), file=open(3, 'w', closefd=False))
if inside + incommit == 0 or ok == 0:
    problem('no kill landed while the write lock was held, or no run exited 0 (%d, %d, %d)' % (inside, incommit, ok))
PY
}

# The first run creates the journal (built in a temporary file, then linked
# into place): killed at any moment, there is either no journal or a
# complete, sound one.
t_kill_during_creation() {
	local i t us out created=0 none=0 litter
	# shellcheck disable=SC2016
	calibrate 'rm -f "$DB" "$DB-wal" "$DB-shm"' "$RESTWATCH" --db "$DB" log --rest 8
	t=$RUN_US
	us=$((t * 5 / 4 + 1))
	for ((i = 0; i < N_CREATE; i++)); do
		rm -f "$DB" "$DB-wal" "$DB-shm"
		out=$("$KILLRUN" "$(delay_us "$us")" "$RESTWATCH" --db "$DB" log --rest 8 --note "create-$i")
		case $out in
		killed*) ;;
		"exit 0 "*) ;;
		*) fail "run $i: $out" ;;
		esac
		if [ -e "$DB" ]; then
			created=$((created + 1))
			rw check
			expect_rc 0 "run $i ($out): check of the journal it left"
			case $out in
			"exit 0 "*) expect_eq "$(sql 'SELECT note FROM days')" "create-$i" "run $i" ;;
			esac
		else
			none=$((none + 1))
			case $out in
			"exit 0 "*) fail "run $i exited 0 but left no journal" ;;
			esac
		fi
	done
	litter=$(find "$TMP" -maxdepth 1 -name '.journal.db.*' | wc -l)
	info "kill_during_creation: $N_CREATE runs (median $t us uncut): $created left a journal, $none none; $litter temporary files left by kills"
}

# import, killed: each run imports one of 25 windows of 40 days whose every
# row carries the run's number in its note.  The undo history tells exactly
# which runs committed, in order: each import is one change whose 40
# before-images are the window as the previous committed run left it.  So
# every change must hold 40 days of one window (an import is one
# transaction), each window's chain of changes must end with what it holds,
# and every run that exited 0 must be in its chain.
t_kill_import() {
	local i out ledger="$TMP/ledger"
	python3 - "$TMP" "$N_IMPORT" <<'PY'
import sys, datetime
tmp, n = sys.argv[1], int(sys.argv[2])
start = datetime.date(2020, 1, 1)
for i in range(n + 1):
    w = i % 25
    with open('%s/imp-%d.csv' % (tmp, i), 'w', newline='') as f:
        f.write('date,rest_hours,activities,pain,symptoms,weight_kg,note\r\n')
        for k in range(40):
            day = start + datetime.timedelta(days=40 * w + k)
            rest = 22 if (k < 4 and i % 2) else 8
            f.write('%s,%d,walking:%d,%d,stiffness,70.5,"imp-%d, row %d"\r\n'
                    % (day, rest, 10 + i % 50, i % 11, i, k))
PY
	rw check
	calibrate 'rw undo' "$RESTWATCH" --db "$DB" import "$TMP/imp-$N_IMPORT.csv"
	rw undo
	# (an undone change waits with a negative id for redo; the next change drops it)
	expect_eq "$(sql 'SELECT count(*) FROM changes WHERE id > 0')" 0 "changes after the calibration runs"
	: >"$ledger"
	for ((i = 0; i < N_IMPORT; i++)); do
		# shellcheck disable=SC2046
		out=$("$KILLRUN" $(kill_args "$i") "$RESTWATCH" --db "$DB" import "$TMP/imp-$i.csv")
		echo "$i $((i % 25)) $out" >>"$ledger"
		if [ $((i % 100)) = 99 ]; then
			sound "after $((i + 1)) kills"
		fi
	done
	sound "at the end"
	sql "SELECT date, note FROM days" >"$TMP/days"
	sql "SELECT change_id, date, existed, ifnull(note, '') FROM change_days WHERE change_id > 0 ORDER BY change_id, date" >"$TMP/changes"
	python3 - "$ledger" "$TMP/days" "$TMP/changes" "$RUN_US" "$HELD_US" "$SEED" <<'PY' || fail "ledger check failed"
import sys, datetime, collections
ledger, days, changes, t, held, seed = sys.argv[1:7]
start = datetime.date(2020, 1, 1)
out3 = open(3, 'w', closefd=False)
bad = 0
def problem(msg):
    global bad
    bad += 1
    if bad <= 10:
        print('    ' + msg)
def window(date):
    return (datetime.date.fromisoformat(date) - start).days // 40
def run_of(note):
    return int(note.split(',')[0][4:]) if note else None
holds = collections.defaultdict(set)
count = collections.Counter()
for line in open(days):
    date, note = line.rstrip('\n').split('|', 1)
    holds[window(date)].add(run_of(note))
    count[window(date)] += 1
chain = collections.defaultdict(list)  # window -> [run before each change]
groups = collections.defaultdict(list)
for line in open(changes):
    cid, date, existed, note = line.rstrip('\n').split('|', 3)
    groups[int(cid)].append((window(date), run_of(note) if existed == '1' else None))
for cid in sorted(groups):
    g = groups[cid]
    ws, befores = {w for w, _ in g}, {b for _, b in g}
    if len(g) != 40 or len(ws) != 1 or len(befores) != 1:
        problem('change %d is not one whole import: %d days, windows %s, before-images of runs %s'
                % (cid, len(g), sorted(ws), sorted(befores, key=str)))
        continue
    chain[ws.pop()].append(befores.pop())
runs = [line.split() for line in open(ledger)]
committed = set()
for w in range(25):
    befores = chain.get(w, [])
    now = holds.get(w, set())
    if len(now) > 1 or (now and count[w] != 40):
        problem('window %d holds %d days of runs %s' % (w, count[w], sorted(now)))
        continue
    final = next(iter(now)) if now else None
    seq = befores[1:] + [final] if befores else []
    if (befores and befores[0] is not None) or (not befores and final is not None) or None in seq:
        problem('window %d: its changes %s do not chain to what it holds (%s)' % (w, befores, final))
        continue
    mine = [int(r[0]) for r in runs if int(r[1]) == w]
    if seq != sorted(seq) or not set(seq) <= set(mine):
        problem('window %d: committed runs %s are not runs on it in order' % (w, seq))
    committed |= set(seq)
killed = inside = incommit = after = ok = 0
for r in runs:
    i, outcome = int(r[0]), r[2:]
    if outcome[:2] == ['exit', '0']:
        ok += 1
        if i not in committed:
            problem('run %d exited 0 but its import is not in the journal' % i)
    elif outcome[0] == 'killed':
        killed += 1
        if 'inlock' in outcome and i not in committed:
            inside += 1
        elif 'inlock' in outcome:
            incommit += 1
        elif i in committed:
            after += 1
    else:
        problem('run %d ended with %s, neither exit 0 nor killed' % (i, ' '.join(outcome)))
print('# kill_import: seed %s, %d imports of 40 rows (median %s us uncut, write lock held %s us): '
      '%d exited 0, %d killed (%d inside the transaction, %d in its commit, %d after it)'
      % (seed, len(runs), t, held, ok, killed, inside, incommit, after), file=out3)
if inside + incommit == 0 or ok == 0:
    problem('no kill landed while the write lock was held, or no run exited 0 (%d, %d, %d)' % (inside, incommit, ok))
PY
}

if ! "$RESTWATCH" import --help >/dev/null 2>&1; then
	unset -f t_kill_import
	info "import is not built: its kill test is skipped"
fi
run_tests
