# bench/bench.mk - the benchmark's programs, built with the project's own
# flags (it includes the Makefile) into $(BUILD)/bench/.  bench/run runs
#   make -f bench/bench.mk BUILD=build bench-progs
# Nothing here is part of `make` or `make test`.
include Makefile

.DEFAULT_GOAL := bench-progs
BENCH_DIR   := $(BUILD)/bench
BENCH_LIB   := $(BENCH_DIR)/gen $(BENCH_DIR)/engine_bench
BENCH_TOOLS := $(BENCH_DIR)/measure $(BENCH_DIR)/ptyrun $(BENCH_DIR)/keylat
BENCH_PROGS := $(BENCH_LIB) $(BENCH_TOOLS) $(BENCH_DIR)/minimal_tui $(BENCH_DIR)/slowsync.so

.PHONY: bench-progs
bench-progs: $(BENCH_PROGS)

# Linked against the library: the journal API, the engine, entries, dates.
$(BENCH_LIB): $(BENCH_DIR)/%: bench/%.c $(BUILD)/librestwatch.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/librestwatch.a $(PKG_LIBS) -lm

# Process tools: libc only (forkpty is in libutil).
$(BENCH_TOOLS): $(BENCH_DIR)/%: bench/%.c bench/ptyopt.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< -lutil

# Linked the way restwatch is (BIN_LIBS: ncursesw statically when the
# archives are there), so the two start with the same loader work.
$(BENCH_DIR)/minimal_tui: bench/minimal_tui.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(BIN_LIBS)

# LD_PRELOAD shim: fsync/fdatasync made as slow as a real disk's flush.
$(BENCH_DIR)/slowsync.so: bench/slowsync.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fPIC -shared -o $@ $< -ldl
