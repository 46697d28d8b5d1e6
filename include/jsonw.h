/* jsonw.h - small JSON writing primitives over a FILE *.  Strings are
 * always emitted as valid JSON and valid UTF-8: control characters are
 * escaped and any invalid UTF-8 byte becomes U+FFFD.  Shared by the JSON
 * report, `show --json` and `status --json`. */
#ifndef RESTWATCH_JSONW_H
#define RESTWATCH_JSONW_H

#include <stdio.h>

#include "engine.h"
#include "entry.h"

void jsonw_string(FILE *f, const char *s);
/* A number with exactly 4 decimals ("2.9701"); non-finite values as null. */
void jsonw_num4(FILE *f, double v);
void jsonw_date(FILE *f, rw_day day);

/* One day: the output names of docs/model.md, then activities, pain, symptoms,
 * weight_kg and note (null where unset).  en is NULL for a day without an
 * entry.  indent is the number of spaces before each key (0: one line). */
void jsonw_day(FILE *f, const struct engine_proj *proj, const struct entry *en, int indent);
/* The same keys without the braces, for an object with more keys; *first_key
 * is 1 when no key has been written yet and is cleared. */
void jsonw_day_fields(FILE *f, const struct engine_proj *proj, const struct entry *en,
		      int indent, int *first_key);

/* The engine parameters as an object, keys in table order. */
void jsonw_params(FILE *f, const struct engine_params *p, int indent);

#endif
