/* import.h - days from CSV in the `report --format csv` layout.
 *
 * The header (line 1, after an optional UTF-8 byte order mark) must name
 * the seven entry columns date, rest_hours, activities, pain, symptoms,
 * weight_kg and note, in any order; other columns (the derived ones of an
 * export) are ignored.  Each row is one day, parsed with entry.h's field
 * parsers; an empty field is an unset value.  A date may appear only once
 * in a file.  Everything is stored in one journal transaction (one undo
 * step) or nothing is: the first bad row fails the import with an error
 * naming the file, the physical line where the row starts and the field,
 * e.g. "days.csv: line 4: rest_hours: 25 is more than 24 hours".
 */
#ifndef RESTWATCH_IMPORT_H
#define RESTWATCH_IMPORT_H

#include <stdio.h>

#include "date.h"
#include "journal.h"
#include "rwerr.h"

/* The longest record read, in bytes of field text. */
#define IMPORT_RECORD_MAX 65536

struct import_result {
	long count;        /* days stored */
	rw_day first, last; /* the earliest and latest date imported (count > 0) */
};

/* Read CSV from in (named name in errors, e.g. "days.csv" or "standard
 * input") into the journal; a day after date_latest(today) is a bad row.  RW_EDATA for bad data, RW_EIO for a read
 * error, or the journal's code; the journal is unchanged on failure.  The
 * caller opens and closes in. */
int import_csv(struct journal *j, FILE *in, const char *name, rw_day today,
	       struct import_result *res, struct rw_error *e);

#endif
