# restwatch - build, test and install.  GNU make.
#
#   make            build build/restwatch
#   make run        build, then open the TUI on the default journal
#   make test       build and run every test (unit, end-to-end, sanitizers)
#   make check      the unit and end-to-end tests of the plain build only,
#                   skipping (and saying so) what needs a missing tool
#   make lint       the repository's structural rules (tools/lint)
#   make sanitize   the same tests built with ASan+UBSan
#   make install    PREFIX=/usr/local DESTDIR= (binary, man page, completions)

VERSION     := 0.1.0
PREFIX      ?= /usr/local
BINDIR      ?= $(PREFIX)/bin
MANDIR      ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
BUILD       ?= build
PKG_CONFIG  ?= pkg-config

CFLAGS  ?= -O2 -g
LDFLAGS ?=

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wformat=2 -Wwrite-strings
ifeq ($(CI),true)
WARN += -Werror
endif
HARDEN_CFLAGS  := -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
HARDEN_LDFLAGS := -pie -Wl,-z,relro -Wl,-z,now

# Evaluated when a recipe runs, i.e. after `deps` has installed them.
# ncursesw's own -D flags are dropped: everything is built with the same
# feature macros (_XOPEN_SOURCE=700 gives both POSIX.1-2008 and wide curses).
# cairo and pangocairo draw the PDF report (README, Libraries), and
# fontconfig is asked to let go of its fonts after it.  Only their headers
# are used at build time (as system headers to the warning flags): the PDF
# writer opens the libraries with dlopen when it runs (src/report/pdf_api.h),
# so that no other command pays for loading them.
PDF_PKGS   = cairo pangocairo fontconfig
PKG_CFLAGS = $(filter-out -D%,$(shell $(PKG_CONFIG) --cflags ncursesw sqlite3 2>/dev/null)) \
	$(patsubst -I%,-isystem %,$(shell $(PKG_CONFIG) --cflags $(PDF_PKGS) 2>/dev/null))
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs ncursesw sqlite3 2>/dev/null) -ldl
# The program links SQLite and ncursesw statically when their archives are
# installed (Debian's -dev packages ship them): resolving the symbols of the
# shared libraries at every start cost about as much as a whole `log`
# (README, Performance).  STATIC_LIBS=0 links them as shared libraries.
STATIC_LIBS ?= 1
STATIC_OK = $(shell for l in libsqlite3.a libncursesw.a libtinfo.a; do \
	f=$$($(CC) -print-file-name=$$l); [ -f "$$f" ] || exit 0; done; echo yes)
STATIC_LINK = -Wl,-Bstatic -lncursesw -ltinfo -lsqlite3 -Wl,-Bdynamic -ldl -lpthread
BIN_LIBS = $(if $(and $(filter 1,$(STATIC_LIBS)),$(STATIC_OK)),$(STATIC_LINK),$(PKG_LIBS))
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS   = $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

ALL_CFLAGS = -std=c11 -ffp-contract=off -D_XOPEN_SOURCE=700 -DRESTWATCH_VERSION='"$(VERSION)"' \
	$(WARN) $(HARDEN_CFLAGS) -Iinclude -I$(BUILD) $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(HARDEN_LDFLAGS) $(LDFLAGS)

LIB_SRC := $(filter-out src/main.c,$(wildcard src/*.c src/journal/*.c src/report/*.c src/tui/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/schema.o $(BUILD)/schema_expect.o
SCHEMA  := $(sort $(wildcard schema/*.sql))
UNIT    := $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/check_*.c))
BIN     := $(BUILD)/restwatch
TOOLS   := $(patsubst tests/tools/%.c,$(BUILD)/tests/tools/%,$(wildcard tests/tools/*.c))
SHIMS   := $(patsubst tests/shim/%.c,$(BUILD)/tests/shim/%.so,$(wildcard tests/shim/*.c))

.PHONY: all run test check sanitize valgrind deps deps-check clean install uninstall \
	bench fuzz fuzz-smoke fuzz-build demo lint

all: $(BIN)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/schema.c: $(SCHEMA) tools/embed-schema
	@mkdir -p $(@D)
	sh tools/embed-schema $(SCHEMA) > $@.tmp && mv $@.tmp $@

$(BUILD)/schema.o: $(BUILD)/schema.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# The rows sqlite_schema holds after each schema step, found once at build
# time by running the steps in memory (tools/schema-expect.c).
$(BUILD)/tools/schema-expect: tools/schema-expect.c $(BUILD)/schema.c include/schema.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ tools/schema-expect.c $(BUILD)/schema.c $(PKG_LIBS)

$(BUILD)/schema_expect.c: $(BUILD)/tools/schema-expect
	$< > $@.tmp && mv $@.tmp $@

$(BUILD)/schema_expect.o: $(BUILD)/schema_expect.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/librestwatch.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(BUILD)/src/main.o $(BUILD)/librestwatch.a
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $^ $(BIN_LIBS) -lm

# A unit suite: tests/check_NAME.c with the shared main of tests/check_main.h.
$(BUILD)/tests/%: tests/%.c tests/check_main.h $(BUILD)/librestwatch.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
		$(BUILD)/librestwatch.a $(PKG_LIBS) $(CHECK_LIBS) -lm

# LD_PRELOAD shims the end-to-end tests run restwatch under (tests/shim/);
# never instrumented (a sanitizer runtime must load before any preload).
$(BUILD)/tests/shim/%.so: tests/shim/%.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_XOPEN_SOURCE=700 $(WARN) -O2 -fPIC -shared -o $@ $<

# Small programs the end-to-end tests drive restwatch with (tests/tools/).
$(BUILD)/tests/tools/%: tests/tools/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $<

run: deps $(BIN)
	./$(BIN)

# The TUI on a throwaway journal imported from examples/episode.csv (an
# acute episode: two days in bed, five mostly resting, then three weeks of
# recovery), with "today" the episode's last day so that the trends and
# warnings show at once.  The journal is removed when the TUI quits.
demo: deps $(BIN)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT HUP INT TERM && \
	today=$$(tail -n 1 examples/episode.csv | cut -c1-10) && \
	RESTWATCH_TODAY=$$today ./$(BIN) --db "$$tmp/journal.db" import examples/episode.csv && \
	RESTWATCH_TODAY=$$today ./$(BIN) --db "$$tmp/journal.db"

# Benchmarks (bench/README.md): restwatch against the sqlite3 shell,
# timewarrior and a minimal curses program, on journals of 1, 10 and 100
# years.  Never part of `make test`.
bench: deps
	@BUILD=$(BUILD) sh bench/run

# The plain build's unit and end-to-end tests.  Needs only what building
# needs plus the sqlite3 shell and python3: a script whose tool (tmux,
# mandoc, man) is missing prints "skipped: SCRIPT: TOOL missing" instead.
check: deps-check $(BIN) $(UNIT) $(TOOLS) $(SHIMS)
	@BUILD=$(BUILD) sh tests/run

# The repository's structural rules (tools/lint): no file in src/ over 600
# lines unless tools/lint-long-files says why, sqlite3.h only in the journal,
# curses.h only in src/tui/, no comment naming a file that is not in the
# repository, and mandoc -Tlint clean on the man page.  Part of make test.
lint:
	@sh tools/lint

# Every test: the plain build, then the same tests under ASan+UBSan and the
# unit tests under valgrind.  Ends with one summary line.
test: deps
	@sh tests/all

# libFuzzer targets (tests/fuzz/fuzz_*.c, clang) built into build-fuzz/, each
# run for FUZZ_SECONDS on its seed corpus (tests/fuzz/corpus/TARGET/; what
# the fuzzer finds goes to build-fuzz/corpus/, crashes to build-fuzz/artifacts/).
# fuzz-smoke: 5 s each, part of make test when clang has libFuzzer.  The
# damage fuzz runs DAMAGE_SECONDS (default FUZZ_SECONDS) or DAMAGE_RUNS runs
# from DAMAGE_SEED (tests/fuzz/damage).
FUZZ_SECONDS ?= 60
DAMAGE_SEED ?=
DAMAGE_RUNS ?=
DAMAGE_SECONDS ?=
FUZZ_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=all
FUZZ_BIN = $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
# The targets that replace the journal with a stand-in (no SQLite in the loop).
FUZZ_LDFLAGS_fuzz_import := -Wl,--wrap=journal_import
FUZZ_LDFLAGS_fuzz_csv_writer := -Wl,--wrap=journal_each -Wl,--wrap=journal_import

fuzz: deps
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang CI= CFLAGS='$(FUZZ_CFLAGS)' fuzz-build
	@BUILD=build-fuzz FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run
	@BUILD=build-fuzz DAMAGE_SECONDS=$(or $(DAMAGE_SECONDS),$(FUZZ_SECONDS)) \
		DAMAGE_SEED=$(DAMAGE_SEED) DAMAGE_RUNS=$(DAMAGE_RUNS) bash tests/fuzz/damage

# make test's smoke: the damage cases fixed (seed 1, its first 80 runs, with
# time enough for all 80 on a slow machine), so that CI is repeatable; make
# fuzz draws new ones each time.
fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=5 DAMAGE_SECONDS=120 DAMAGE_SEED=1 \
		DAMAGE_RUNS=80

# The program itself under ASan+UBSan for the damage fuzz (tests/fuzz/damage:
# random bytes flipped in a real journal, every command run on it).
fuzz-build: $(FUZZ_BIN) $(BIN)

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/check.h $(BUILD)/librestwatch.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(ALL_LDFLAGS) $(FUZZ_LDFLAGS_$*) -o $@ $< \
		$(BUILD)/librestwatch.a $(PKG_LIBS) -lm

# The libraries behind the PDF keep caches until exit: their leak reports
# are suppressed (tests/lsan.supp), restwatch's own never are.
sanitize: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 $(MAKE) BUILD=build-san \
		CFLAGS='-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all' \
		LDFLAGS='-fsanitize=address,undefined' check

valgrind: deps $(UNIT)
	@BUILD=$(BUILD) sh tests/valgrind

deps:
	@sh tools/deps

deps-check:
	@sh tools/deps check

clean:
	rm -rf build build-san build-fuzz

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/restwatch
	install -m 0644 man/restwatch.1 $(DESTDIR)$(MANDIR)/man1/restwatch.1
	install -m 0644 completions/restwatch.bash $(DESTDIR)$(BASHCOMPDIR)/restwatch
	install -m 0644 completions/_restwatch $(DESTDIR)$(ZSHCOMPDIR)/_restwatch

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/restwatch $(DESTDIR)$(MANDIR)/man1/restwatch.1 \
		$(DESTDIR)$(BASHCOMPDIR)/restwatch $(DESTDIR)$(ZSHCOMPDIR)/_restwatch

-include $(LIB_OBJ:.o=.d) $(BUILD)/src/main.d
