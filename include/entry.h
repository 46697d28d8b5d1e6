/* entry.h - one day's journal entry: its fields, parsing and validation; pure.
 *
 * Every parser takes the text a person or a file gave, a field name for the
 * error text ("--rest", "rest_hours", ...) and fills a struct rw_error whose
 * message names the field and the value.  Nothing here allocates.
 */
#ifndef RESTWATCH_ENTRY_H
#define RESTWATCH_ENTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "engine.h"
#include "rwerr.h"

enum activity_kind {
	ACT_WALKING,
	ACT_WATER_THERAPY,
	ACT_STRETCHING,
	ACT_CYCLING,
	ACT_PHYSIO,
	ACT_OTHER,
	ACT_KINDS
};

#define ENTRY_MAX_ACTIVITIES 32
#define ENTRY_MAX_SYMPTOMS 32
#define SYMPTOM_MAX 40   /* bytes in a symptom name */
#define NOTE_MAX 4096    /* bytes in a note */
#define PAIN_UNSET (-1)
#define WEIGHT_UNSET 0   /* weight_dg of a day without a weight */
#define WEIGHT_MIN_DG 200
#define WEIGHT_MAX_DG 4000
#define ENTRY_MAX_MEDS 16
#define MED_NAME_MAX 32  /* bytes in a medication's name */
#define MED_DOSE_MAX 32  /* bytes in its dose */

struct activity {
	enum activity_kind kind;
	int minutes; /* 1-1440 */
};

/* A medication taken that day: "ibuprofen" with dose "400mg", or no dose
 * (""). */
struct medication {
	char name[MED_NAME_MAX + 1];
	char dose[MED_DOSE_MAX + 1];
};

struct entry {
	rw_day day;
	bool has_rest;
	double rest_hours; /* 0-24 when has_rest */
	int n_activities;
	struct activity activities[ENTRY_MAX_ACTIVITIES];
	int pain; /* 0-10, or PAIN_UNSET */
	int n_symptoms;
	char symptoms[ENTRY_MAX_SYMPTOMS][SYMPTOM_MAX + 1];
	int weight_dg; /* weight in tenths of a kg (200-4000), or WEIGHT_UNSET */
	char note[NOTE_MAX + 1]; /* "" when there is none */
	int n_meds;
	struct medication meds[ENTRY_MAX_MEDS];
	double tracked_hours; /* lying down recorded with down/up, 0-24 */
};

/* Capacity of the text forms. */
#define ACTIVITIES_TEXT_MAX (ENTRY_MAX_ACTIVITIES * 20)
#define SYMPTOMS_TEXT_MAX (ENTRY_MAX_SYMPTOMS * (SYMPTOM_MAX + 1))
#define MEDS_TEXT_MAX (ENTRY_MAX_MEDS * (MED_NAME_MAX + MED_DOSE_MAX + 2))

/* An empty entry for day: nothing logged yet. */
void entry_init(struct entry *en, rw_day day);
/* True when the entry has no field set at all. */
bool entry_is_empty(const struct entry *en);

/* Names: "walking", "water-therapy", "stretching", "cycling", "physio", "other". */
const char *entry_kind_name(enum activity_kind kind);

/* The red flags of docs/model.md, emergency tier first, NULL-ended. */
extern const char *const entry_red_flags[];
/* The suggested everyday symptoms, NULL-ended. */
extern const char *const entry_common_symptoms[];
bool entry_symptom_is_red_flag(const char *name);
/* The tier of one symptom (URGENCY_NONE for an ordinary one). */
enum engine_urgency entry_symptom_urgency(const char *name);
/* What a red flag means in plain words, or NULL for an ordinary symptom. */
const char *entry_red_flag_meaning(const char *name);
/* The highest tier among the entry's symptoms. */
enum engine_urgency entry_urgency(const struct entry *en);
/* The entry's first symptom of its highest tier, or NULL when none. */
const char *entry_first_red_flag(const struct entry *en);
/* True when any of the entry's symptoms is a red flag. */
bool entry_has_red_flag(const struct entry *en);

/* Field parsers.  Each accepts exactly the documented form, with no leading
 * or trailing junk, and rejects NaN, infinities and overflow. */
int entry_parse_rest(const char *s, double *hours, const char *field, struct rw_error *e);
int entry_parse_activity(const char *s, struct activity *a, const char *field,
			 struct rw_error *e); /* "KIND:MIN" */
int entry_parse_pain(const char *s, int *pain, const char *field, struct rw_error *e);
int entry_parse_symptom(const char *s, char out[SYMPTOM_MAX + 1], const char *field,
			struct rw_error *e);
int entry_parse_weight(const char *s, int *weight_dg, const char *field, struct rw_error *e);
/* A note: well-formed UTF-8, at most NOTE_MAX bytes, no control characters
 * but newline and tab.  Copies into out. */
int entry_parse_note(const char *s, char out[NOTE_MAX + 1], const char *field,
		     struct rw_error *e);

/* A plain decimal number ("7", "-0.5", "0.033"): no exponent, NaN,
 * infinity, blanks or trailing junk; at most 15 significant digits. */
int entry_parse_number(const char *s, double *out, const char *field, struct rw_error *e);

/* A number a person typed with a decimal comma ("7,5") as the parsers
 * read it ("7.5", in buf); any other text unchanged, so that the parser's
 * error names it.  Files always use the point (docs/formats.md). */
const char *entry_decimal_point(const char *text, char *buf, size_t n);

/* List forms used in storage and CSV: "kind:min;kind:min" and "name;name".
 * Empty text is an empty list.  The parsers replace the entry's list. */
int entry_parse_activities(const char *s, struct entry *en, const char *field,
			   struct rw_error *e);
int entry_parse_symptoms(const char *s, struct entry *en, const char *field,
			 struct rw_error *e);
/* Write the list forms; out must hold ACTIVITIES_TEXT_MAX / SYMPTOMS_TEXT_MAX. */
char *entry_format_activities(const struct entry *en, char *out, size_t n);
char *entry_format_symptoms(const struct entry *en, char *out, size_t n);
/* Shortest decimal text that reads back as exactly the same rest hours. */
char *entry_format_rest(double hours, char *out, size_t n);
/* "72.5" for 725 decigrams. */
char *entry_format_weight(int weight_dg, char *out, size_t n);

/* Medications (src/entry_med.c).  One is "NAME[:DOSE]": NAME lower-case
 * letters, digits and dashes, at most MED_NAME_MAX bytes; DOSE free text of
 * at most MED_DOSE_MAX bytes, no ';' and no control character. */
int entry_parse_med(const char *s, struct medication *m, const char *field,
		    struct rw_error *e);
/* Adds one (the same one twice is two doses); at most ENTRY_MAX_MEDS. */
int entry_add_med(struct entry *en, const struct medication *m, const char *field,
		  struct rw_error *e);
/* The list form "name:dose;name"; the parser replaces the entry's list;
 * out must hold MEDS_TEXT_MAX. */
int entry_parse_meds(const char *s, struct entry *en, const char *field, struct rw_error *e);
char *entry_format_meds(const struct entry *en, char *out, size_t n);
/* "ibuprofen 400mg" or "ibuprofen": one medication as a person reads it. */
char *entry_med_text(const struct medication *m, char *out, size_t n);
/* Tracked hours: a plain decimal from 0 to 24. */
int entry_parse_tracked(const char *s, double *hours, const char *field, struct rw_error *e);

/* List edits with the journal's rules; field names the option in errors. */
int entry_add_activity(struct entry *en, struct activity a, const char *field,
		       struct rw_error *e);
/* Adds a symptom unless the day already has it. */
int entry_add_symptom(struct entry *en, const char *name, const char *field,
		      struct rw_error *e);
bool entry_remove_symptom(struct entry *en, const char *name);

/* The engine's view of the day en describes: its rest hours, activity
 * minutes, pain and red-flag tier. */
void entry_engine_day(const struct entry *en, struct engine_day *d);

/* Sum of the activity minutes. */
int entry_activity_minutes(const struct entry *en);
/* Whole-entry rules: activity minutes at most 1440 and rest + activity at
 * most 24 hours. */
int entry_validate(const struct entry *en, struct rw_error *e);

/* ---- A day's fields as data (src/entry_field.c) -------------------------
 *
 * One row per field describes it once: its name in the journal, the CSV and
 * the JSON, its option of `log` with its usage and help, its Today row, key,
 * prompt and help, and the functions that parse, write, clear and copy it
 * (and, for a list, walk its items).  `log`, `import`, Today, the TUI's
 * edits, the CSV header and row and the JSON day walk this table; the rows
 * are in the CSV's column order (docs/formats.md).
 */
enum entry_field_id {
	EF_REST, EF_ACTIVITIES, EF_PAIN, EF_SYMPTOMS, EF_WEIGHT, EF_NOTE, EF_MEDS, EF_TRACKED,
	EF_COUNT
};
#define EF_BIT(id) (1u << (id))

/* The longest text form of any field (the note), with its NUL. */
#define ENTRY_TEXT_MAX (NOTE_MAX + 1)

/* Which of a field's names an error message uses. */
enum entry_naming {
	ENTRY_NAME_COLUMN, /* "weight_kg": import */
	ENTRY_NAME_OPTION, /* "--weight": log */
	ENTRY_NAME_WORD    /* "weight": the TUI */
};

struct entry_field {
	enum entry_field_id id;
	const char *name;         /* journal column, CSV column and JSON key */
	const char *option;       /* log: sets it, or adds one item of a list; NULL: none */
	const char *clear_option; /* log: empties a list; NULL: none */
	const char *word;         /* the TUI's name for it in errors */
	const char *said;         /* and in "saved ... on DATE" */
	const char *item_word;    /* one item of a list ("activity"); NULL for a scalar */
	int key;                  /* the Today key that edits it (a list: replaces it); 0 none */
	const char *prompt;       /* that key's prompt, %s the date */
	const char *hint;         /* the hint line above it */
	size_t prompt_max;        /* bytes the prompt takes */

	/* Today (src/tui/today.c) draws its rows, their Up/Down order, the
	 * status line's keys and the field keys of its help from these. */
	int today_row;            /* its row on Today, 1 the top one; 0: no row */
	const char *label;        /* the row's label: "Weight" */
	int row_key;              /* the row's key (Enter on the row presses it); 0: key */
	const char *status;       /* "w weight" on the status line is row key and this; NULL: not */
	struct entry_key_help {
		const char *keys, *does;
	} keys_help[2];           /* its lines in Today's help; keys NULL: none */
	/* The value as a person reads it ("72.5 kg"), "" when unset; NULL: text. */
	const char *(*shown)(const struct entry *en, char *out, size_t n);

	/* `log` (src/cli_log.c) writes its usage and help from these. */
	int log_rank;             /* the option's place in log's usage and help, 1 first */
	const char *arg;          /* the option's argument: "KG" (every option has one) */
	const char *help;         /* what it does; a '\n' starts the next help line */

	bool list;
	bool decimal;             /* a decimal number: the TUI also takes "7,5" */
	bool csv_required;        /* import needs the column (every export has had it) */
	bool csv_text;            /* a text cell: formula protection, CRLF read as LF */
	bool json_output;         /* JSON writes it among the model's outputs, from the projection */
	bool json_string;         /* JSON writes the text as a string, else as it is */
	const char *json_unset;   /* JSON of an unset scalar ("null", "0") */
	const char *json_members[2]; /* a list item as {m0: before ':', m1: after}; NULL: a string */
	bool json_m1_number;      /* m1 is a number (else a string, null when absent) */

	/* The text form (as in the journal and the CSV) into en: a scalar set,
	 * a list replaced.  Empty text is what the field's parser says: an
	 * empty list, no note, an error for a number (import and the TUI
	 * read an empty cell or prompt as unset before asking). */
	int (*parse)(const char *s, struct entry *en, const char *field, struct rw_error *e);
	/* The text form; "" when unset.  May return a pointer into en. */
	const char *(*text)(const struct entry *en, char *out, size_t n);
	void (*clear)(struct entry *en);
	void (*copy)(struct entry *dst, const struct entry *src);
	/* Lists: add one item from its text, count, one item's text (written
	 * in out), remove. */
	int (*add)(const char *item, struct entry *en, const char *field, struct rw_error *e);
	int (*count)(const struct entry *en);
	const char *(*item)(const struct entry *en, int i, char *out, size_t n);
	void (*remove)(struct entry *en, int i);
};

/* The table, EF_COUNT rows in column order (row i has id i). */
extern const struct entry_field entry_fields[EF_COUNT];
const struct entry_field *entry_field(enum entry_field_id id);
/* The field named name (journal/CSV/JSON), or NULL. */
const struct entry_field *entry_field_named(const char *name);
const char *entry_field_label(const struct entry_field *f, enum entry_naming how, bool item);
/* "date,rest_hours,...": the entry's CSV columns (required only, or all). */
char *entry_csv_header(bool required_only, char *out, size_t n);
/* Whether the fields' text forms differ. */
bool entry_field_differs(const struct entry_field *f, const struct entry *a,
			 const struct entry *b);
/* Index of the first item of en's list whose text is item, or -1. */
int entry_field_find(const struct entry_field *f, const struct entry *en, const char *item);

/* One change to a day, as `log` asks it, as a TUI edit asks it, or as an
 * imported row is: fields cleared, set from `to` (a list replaced), list
 * items removed (one occurrence each) and added, or toggled (removed when
 * present, else added).  Applied field by field in table order. */
struct entry_change {
	unsigned clear, set, toggle; /* EF_BIT masks */
	struct entry to;             /* the values set */
	struct entry add;            /* the items added (toggled when in toggle) */
	struct entry del;            /* the items removed */
};
void entry_change_init(struct entry_change *c);
/* Record one value from its text, parsed now so that a bad one is named
 * at once: a scalar's value, one item added to a list (replace: the whole
 * list), or an empty scalar text clears. */
int entry_change_text(struct entry_change *c, const struct entry_field *f, const char *text,
		      bool replace, const char *field, struct rw_error *e);
/* Apply c to en: the one place a parsed value reaches an entry
 * (src/entry_change.c). */
int entry_apply(struct entry *en, const struct entry_change *c, enum entry_naming how,
		struct rw_error *e);
/* The list edit that turns base's list into want's, as removals and
 * additions in c (so that it can be applied to the list as it is now). */
void entry_change_diff(struct entry_change *c, const struct entry_field *f,
		       const struct entry *base, const struct entry *want);

#endif
