/* fuzz_import - import_csv (src/import.c over src/csv.c) on any bytes.
 *
 * The journal is left out: journal_import is replaced (ld --wrap) by a
 * stand-in that pulls every entry through import's callback the way the
 * journal does, so no SQLite is involved and each run is fast.  Properties:
 * every entry handed over is valid (entry_validate, fields in range, a note
 * entry_parse_note accepts, each date once); the count is right; a refusal
 * is RW_EDATA (or RW_EIO for a read error) with one clean line naming the
 * file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "csv.h"
#include "import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int __wrap_journal_import(struct journal *j, journal_next_fn next, void *ctx, long *count,
			  struct rw_error *e);

static struct entry en;
static char note[NOTE_MAX + 1];
static rw_day seen[4096];

int __wrap_journal_import(struct journal *j, journal_next_fn next, void *ctx, long *count,
			  struct rw_error *e)
{
	long n = 0;
	int r, i;

	(void)j;
	*count = 0;
	while ((r = next(ctx, &en, e)) == 1) {
		REQUIRE(entry_validate(&en, NULL) == 0);
		REQUIRE(en.day >= date_min() && en.day <= date_max());
		REQUIRE(!en.has_rest || (en.rest_hours >= 0 && en.rest_hours <= 24));
		REQUIRE(en.pain == PAIN_UNSET || (en.pain >= 0 && en.pain <= 10));
		REQUIRE(en.weight_dg == WEIGHT_UNSET ||
			(en.weight_dg >= WEIGHT_MIN_DG && en.weight_dg <= WEIGHT_MAX_DG));
		REQUIRE(en.n_activities <= ENTRY_MAX_ACTIVITIES && en.n_symptoms <= ENTRY_MAX_SYMPTOMS);
		REQUIRE(entry_parse_note(en.note, note, "note", NULL) == 0);
		for (i = 0; i < n && i < 4096; i++)
			REQUIRE(seen[i] != en.day);
		if (n < 4096)
			seen[n] = en.day;
		n++;
	}
	if (r < 0)
		return r;
	REQUIRE(r == 0);
	*count = n;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_result res;
	struct rw_error e = { 0, "" };
	FILE *in;
	int r;

	if (size == 0 || !(in = fmemopen((void *)data, size, "rb")))
		return 0;
	r = import_csv(NULL, in, "fuzz.csv", date_max(), &res, &e);
	fclose(in);
	if (r == 0) {
		REQUIRE(res.count >= 0);
		REQUIRE(res.count == 0 || res.first <= res.last);
	} else {
		REQUIRE(r == RW_EDATA || r == RW_EIO);
		require_clean_error(&e, r);
		REQUIRE(strncmp(e.msg, "fuzz.csv: ", 10) == 0);
		REQUIRE(res.count == 0);
	}
	return 0;
}
