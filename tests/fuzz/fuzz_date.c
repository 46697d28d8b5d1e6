/* fuzz_date - date_parse and date_parse_iso on any text, with any today.
 *
 * Properties: a parsed day is a real calendar day between 1900 and 9999,
 * formats back to YYYY-MM-DD and parses back to itself; an ISO date is
 * read by both parsers alike; a refusal is RW_EDATA with one clean line. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rw_error e = { 0, "" };
	char *s, buf[DATE_BUFSZ];
	rw_day today, day = 0, iso = 0, back;
	uint32_t t = 0;
	int r, y, m, d;

	/* The first 4 bytes choose today, the rest is the text. */
	if (size >= 4) {
		memcpy(&t, data, 4);
		data += 4;
		size -= 4;
	}
	today = date_min() + (rw_day)(t % (uint32_t)(date_max() - date_min() + 1));
	if (!(s = malloc(size + 1)))
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	r = date_parse(s, today, &day, "--date", &e);
	if (r == 0) {
		REQUIRE(day >= date_min() && day <= date_max());
		date_to_ymd(day, &y, &m, &d);
		REQUIRE(date_valid_ymd(y, m, d));
		REQUIRE(date_from_ymd(y, m, d) == day);
		date_format(day, buf);
		REQUIRE(strlen(buf) == 10);
		REQUIRE(date_parse_iso(buf, &back) == 0 && back == day);
		REQUIRE(date_weekday(day) >= 0 && date_weekday(day) <= 6);
	} else {
		REQUIRE(r == RW_EDATA);
		require_clean_error(&e, r);
	}
	if (date_parse_iso(s, &iso) == 0) {
		REQUIRE(r == 0 && iso == day);
		REQUIRE(strcmp(date_format(iso, buf), s) == 0);
	}
	free(s);
	return 0;
}
