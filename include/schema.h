/* schema.h - the SQL of schema/NNN_*.sql, compiled into the program. */
#ifndef RESTWATCH_SCHEMA_H
#define RESTWATCH_SCHEMA_H

struct schema_step {
	int version;       /* PRAGMA user_version after this step */
	const char *file;  /* e.g. "001_init.sql" */
	const char *sql;
};

/* In ascending version order; the last one is the current version. */
extern const struct schema_step schema_steps[];
extern const int schema_step_count;

/* One row of sqlite_schema: type, name, tbl_name, sql ("" for NULL). */
struct schema_row {
	const char *type, *name, *tbl_name, *sql;
};

/* What sqlite_schema holds after the steps up to a version, ordered by
 * type and name: built at build time by tools/schema-expect.c, which runs
 * the steps on an empty database in memory.  One entry per schema_steps
 * entry, in the same order. */
struct schema_expect {
	int version;
	const struct schema_row *rows;
	int count;
};
extern const struct schema_expect schema_expected[];

#endif
