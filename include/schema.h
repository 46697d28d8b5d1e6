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

#endif
