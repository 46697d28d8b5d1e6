/* entry_field.c - a day's fields as data: the one table that `log` (its
 * options, usage and help), `import`, Today (its rows, keys, prompts and
 * help), the CSV and the JSON walk; pure.  The rows follow the CSV's column
 * order of docs/formats.md; a change to a day is applied from it by
 * src/entry_change.c. */
#include <stdio.h>
#include <string.h>

#include "entry.h"

/* ---- rest_hours ---------------------------------------------------------- */

static int rest_parse(const char *s, struct entry *en, const char *field, struct rw_error *e)
{
	int r = entry_parse_rest(s, &en->rest_hours, field, e);

	if (r == 0)
		en->has_rest = true;
	return r;
}

static const char *rest_text(const struct entry *en, char *out, size_t n)
{
	return en->has_rest ? entry_format_rest(en->rest_hours, out, n) : "";
}

static void rest_clear(struct entry *en)
{
	en->has_rest = false;
	en->rest_hours = 0;
}

static void rest_copy(struct entry *dst, const struct entry *src)
{
	dst->has_rest = src->has_rest;
	dst->rest_hours = src->rest_hours;
}

/* ---- activities ---------------------------------------------------------- */

static const char *acts_text(const struct entry *en, char *out, size_t n)
{
	return entry_format_activities(en, out, n);
}

static void acts_clear(struct entry *en)
{
	en->n_activities = 0;
}

static void acts_copy(struct entry *dst, const struct entry *src)
{
	dst->n_activities = src->n_activities;
	memcpy(dst->activities, src->activities,
	       (size_t)src->n_activities * sizeof dst->activities[0]);
}

static int act_add(const char *item, struct entry *en, const char *field, struct rw_error *e)
{
	struct activity a;
	int r = entry_parse_activity(item, &a, field, e);

	return r ? r : entry_add_activity(en, a, field, e);
}

static int acts_count(const struct entry *en)
{
	return en->n_activities;
}

static const char *act_item(const struct entry *en, int i, char *out, size_t n)
{
	snprintf(out, n, "%s:%d", entry_kind_name(en->activities[i].kind),
		 en->activities[i].minutes);
	return out;
}

static void act_remove(struct entry *en, int i)
{
	memmove(&en->activities[i], &en->activities[i + 1],
		(size_t)(en->n_activities - i - 1) * sizeof en->activities[0]);
	en->n_activities--;
}

/* "walking 30 min, cycling 20 min (50 min)" */
static const char *acts_shown(const struct entry *en, char *out, size_t n)
{
	size_t o = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < en->n_activities && o < n; i++)
		o += (size_t)snprintf(out + o, n - o, "%s%s %d min", i ? ", " : "",
				      entry_kind_name(en->activities[i].kind),
				      en->activities[i].minutes);
	if (en->n_activities > 1 && o < n)
		snprintf(out + o, n - o, " (%d min)", entry_activity_minutes(en));
	return out;
}

/* ---- pain ---------------------------------------------------------------- */

static int pain_parse(const char *s, struct entry *en, const char *field, struct rw_error *e)
{
	return entry_parse_pain(s, &en->pain, field, e);
}

static const char *pain_text(const struct entry *en, char *out, size_t n)
{
	if (en->pain == PAIN_UNSET)
		return "";
	if (en->pain >= 0 && en->pain < 100 && n >= 3) { /* 0-10: no printf per row */
		char *p = out;
		if (en->pain >= 10)
			*p++ = (char)('0' + en->pain / 10);
		*p++ = (char)('0' + en->pain % 10);
		*p = '\0';
		return out;
	}
	snprintf(out, n, "%d", en->pain);
	return out;
}

static void pain_clear(struct entry *en)
{
	en->pain = PAIN_UNSET;
}

static void pain_copy(struct entry *dst, const struct entry *src)
{
	dst->pain = src->pain;
}

static const char *pain_shown(const struct entry *en, char *out, size_t n)
{
	if (en->pain == PAIN_UNSET)
		return "";
	snprintf(out, n, "%d / 10", en->pain);
	return out;
}

/* ---- symptoms ------------------------------------------------------------ */

static const char *syms_text(const struct entry *en, char *out, size_t n)
{
	return entry_format_symptoms(en, out, n);
}

static void syms_clear(struct entry *en)
{
	en->n_symptoms = 0;
}

static void syms_copy(struct entry *dst, const struct entry *src)
{
	dst->n_symptoms = src->n_symptoms;
	memcpy(dst->symptoms, src->symptoms, (size_t)src->n_symptoms * sizeof dst->symptoms[0]);
}

static int sym_add(const char *item, struct entry *en, const char *field, struct rw_error *e)
{
	return entry_add_symptom(en, item, field, e);
}

static int syms_count(const struct entry *en)
{
	return en->n_symptoms;
}

static const char *sym_item(const struct entry *en, int i, char *out, size_t n)
{
	snprintf(out, n, "%s", en->symptoms[i]);
	return out;
}

static void sym_remove(struct entry *en, int i)
{
	memmove(en->symptoms[i], en->symptoms[i + 1],
		(size_t)(en->n_symptoms - i - 1) * sizeof en->symptoms[0]);
	en->n_symptoms--;
}

/* ---- weight_kg ----------------------------------------------------------- */

static int weight_parse(const char *s, struct entry *en, const char *field, struct rw_error *e)
{
	return entry_parse_weight(s, &en->weight_dg, field, e);
}

static const char *weight_text(const struct entry *en, char *out, size_t n)
{
	return en->weight_dg == WEIGHT_UNSET ? "" : entry_format_weight(en->weight_dg, out, n);
}

static void weight_clear(struct entry *en)
{
	en->weight_dg = WEIGHT_UNSET;
}

static void weight_copy(struct entry *dst, const struct entry *src)
{
	dst->weight_dg = src->weight_dg;
}

static const char *weight_shown(const struct entry *en, char *out, size_t n)
{
	char num[16];

	if (en->weight_dg == WEIGHT_UNSET)
		return "";
	snprintf(out, n, "%s kg", entry_format_weight(en->weight_dg, num, sizeof num));
	return out;
}

/* ---- note ---------------------------------------------------------------- */

static int note_parse(const char *s, struct entry *en, const char *field, struct rw_error *e)
{
	return entry_parse_note(s, en->note, field, e);
}

static const char *note_text(const struct entry *en, char *out, size_t n)
{
	(void)out;
	(void)n;
	return en->note;
}

static void note_clear(struct entry *en)
{
	en->note[0] = '\0';
}

static void note_copy(struct entry *dst, const struct entry *src)
{
	memcpy(dst->note, src->note, strlen(src->note) + 1);
}

/* ---- medications --------------------------------------------------------- */

static int meds_parse(const char *s, struct entry *en, const char *field, struct rw_error *e)
{
	return entry_parse_meds(s, en, field, e);
}

static const char *meds_text(const struct entry *en, char *out, size_t n)
{
	return entry_format_meds(en, out, n);
}

static void meds_clear(struct entry *en)
{
	en->n_meds = 0;
}

static void meds_copy(struct entry *dst, const struct entry *src)
{
	dst->n_meds = src->n_meds;
	memcpy(dst->meds, src->meds, (size_t)src->n_meds * sizeof dst->meds[0]);
}

static int med_add(const char *item, struct entry *en, const char *field, struct rw_error *e)
{
	struct medication m;
	int r = entry_parse_med(item, &m, field, e);

	return r ? r : entry_add_med(en, &m, field, e);
}

static int meds_count(const struct entry *en)
{
	return en->n_meds;
}

static const char *med_item(const struct entry *en, int i, char *out, size_t n)
{
	snprintf(out, n, "%s%s%s", en->meds[i].name, en->meds[i].dose[0] ? ":" : "",
		 en->meds[i].dose);
	return out;
}

static void med_remove(struct entry *en, int i)
{
	memmove(&en->meds[i], &en->meds[i + 1], (size_t)(en->n_meds - i - 1) * sizeof en->meds[0]);
	en->n_meds--;
}

/* "ibuprofen 400mg, paracetamol" */
static const char *meds_shown(const struct entry *en, char *out, size_t n)
{
	char med[MED_NAME_MAX + MED_DOSE_MAX + 2];
	size_t o = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < en->n_meds && o < n; i++)
		o += (size_t)snprintf(out + o, n - o, "%s%s", i ? ", " : "",
				      entry_med_text(&en->meds[i], med, sizeof med));
	return out;
}

/* ---- tracked_hours ------------------------------------------------------- */

static int tracked_parse(const char *s, struct entry *en, const char *field,
			 struct rw_error *e)
{
	return entry_parse_tracked(s, &en->tracked_hours, field, e);
}

static const char *tracked_text(const struct entry *en, char *out, size_t n)
{
	return en->tracked_hours > 0 ? entry_format_rest(en->tracked_hours, out, n) : "";
}

static void tracked_clear(struct entry *en)
{
	en->tracked_hours = 0;
}

static void tracked_copy(struct entry *dst, const struct entry *src)
{
	dst->tracked_hours = src->tracked_hours;
}

/* ---- the table ----------------------------------------------------------- */

#define SCALAR(parse_, text_, clear_, copy_)                                             \
	.parse = parse_, .text = text_, .clear = clear_, .copy = copy_
#define LIST(parse_, text_, clear_, copy_, add_, count_, item_, remove_)                  \
	.list = true, .parse = parse_, .text = text_, .clear = clear_, .copy = copy_,     \
	.add = add_, .count = count_, .item = item_, .remove = remove_

/* A row per field, in the CSV's column order; the comments of struct
 * entry_field (entry.h) say what each member is for. */
const struct entry_field entry_fields[EF_COUNT] = {
	{ .id = EF_REST, .name = "rest_hours", .word = "rest", .said = "rest hours",
	  .option = "--rest", .arg = "H", .log_rank = 1,
	  .help = "hours lying down or in bed, sleep included (0-24)",
	  .today_row = 1, .label = "Rest", .key = 'r', .status = "rest",
	  .prompt = "Rest hours on %s (0-24)",
	  .hint = "Hours lying down or in bed, sleep included. Enter saves, Esc cancels, empty clears.",
	  .prompt_max = 24,
	  .keys_help = { { "r", "rest hours: lying down or in bed, sleep included (empty clears)" } },
	  .decimal = true, .csv_required = true, .json_output = true, .json_unset = "null",
	  SCALAR(rest_parse, rest_text, rest_clear, rest_copy) },
	{ .id = EF_ACTIVITIES, .name = "activities", .word = "activities",
	  .said = "the activities", .item_word = "activity",
	  .option = "--activity", .clear_option = "--clear-activities", .arg = "KIND:MIN",
	  .log_rank = 2,
	  .help = "add an activity: walking, water-therapy, stretching,\n"
		  "cycling, physio or other, for MIN minutes (1-1440)",
	  .today_row = 2, .label = "Activities", .key = 'A', .row_key = 'a',
	  .status = "activity", .prompt = "Activities on %s",
	  .hint = "kind:min;kind:min (or walk 30, cycling 20) replaces the list; empty clears it.",
	  .prompt_max = ACTIVITIES_TEXT_MAX - 1,
	  .keys_help = { { "a", "add activities: walk 30, Walking:20, cyc 20 min (a unique start names the kind), several with , or ; (Tab completes the kind)" },
			 { "A", "edit the whole activity list (kind:min;kind:min or as for a; empty clears)" } },
	  .shown = acts_shown, .csv_required = true, .json_unset = "[]",
	  .json_members = { "kind", "minutes" }, .json_m1_number = true,
	  LIST(entry_parse_activities, acts_text, acts_clear, acts_copy, act_add, acts_count,
	       act_item, act_remove) },
	{ .id = EF_PAIN, .name = "pain", .word = "pain", .said = "pain",
	  .option = "--pain", .arg = "N", .log_rank = 3, .help = "the day's average pain, 0-10",
	  .today_row = 3, .label = "Pain", .key = 'p', .status = "pain",
	  .prompt = "Pain on %s (0-10)",
	  .hint = "The day's average pain: 0 none, 10 the worst imaginable. Empty clears.",
	  .prompt_max = 16,
	  .keys_help = { { "p", "pain 0-10, the day's average (empty clears)" } },
	  .shown = pain_shown, .csv_required = true, .json_unset = "null",
	  SCALAR(pain_parse, pain_text, pain_clear, pain_copy) },
	{ .id = EF_SYMPTOMS, .name = "symptoms", .word = "symptoms", .said = "symptom",
	  .item_word = "symptom", .option = "--symptom", .clear_option = "--clear-symptoms",
	  .arg = "NAME", .log_rank = 4,
	  .help = "add a symptom (lower-case words with dashes), e.g.\n"
		  "sciatica, numbness, tingling, stiffness, spasm, leg-pain;\n"
		  "red flags, emergency (an emergency department now, or\n"
		  "999 in the UK, 112 in the EU, 911 in the US):\n"
		  "saddle-numbness, bladder-control, bowel-control,\n"
		  "bladder-bowel-change, both-legs, worsening-weakness,\n"
		  "sexual-dysfunction, major-trauma, chest-pain,\n"
		  "sudden-breathlessness; urgent (a doctor the same day):\n"
		  "fever, unexplained-weight-loss, night-pain,\n"
		  "upper-back-pain, back-lump, swollen-leg",
	  .today_row = 4, .label = "Symptoms", .key = 's', .status = "symptom",
	  .prompt_max = SYMPTOM_MAX,
	  .keys_help = { { "s", "symptoms: type to filter, Up/Down; Space toggles and the list stays open, Enter toggles and closes (red flags marked)" } },
	  .csv_required = true, .csv_text = true, .json_string = true, .json_unset = "[]",
	  LIST(entry_parse_symptoms, syms_text, syms_clear, syms_copy, sym_add, syms_count,
	       sym_item, sym_remove) },
	{ .id = EF_WEIGHT, .name = "weight_kg", .word = "weight", .said = "weight",
	  .option = "--weight", .arg = "KG", .log_rank = 6,
	  .help = "body weight, 20-400, one decimal",
	  .today_row = 5, .label = "Weight", .key = 'w', .status = "weight",
	  .prompt = "Weight on %s (kg)", .hint = "20-400 kg, one decimal, e.g. 72.5. Empty clears.",
	  .prompt_max = 16,
	  .keys_help = { { "w", "weight in kg, one decimal, 72.5 or 72,5 (empty clears)" } },
	  .shown = weight_shown, .decimal = true, .csv_required = true, .json_unset = "null",
	  SCALAR(weight_parse, weight_text, weight_clear, weight_copy) },
	{ .id = EF_NOTE, .name = "note", .word = "note", .said = "the note",
	  .option = "--note", .arg = "TEXT", .log_rank = 7,
	  .help = "a note (replaces the day's note)",
	  .today_row = 7, .label = "Note", .key = 'n', .status = "note", .prompt = "Note on %s",
	  .hint = "One line; N opens the note in $VISUAL or $EDITOR for more. Empty clears.",
	  .prompt_max = NOTE_MAX,
	  .keys_help = { { "n", "the note, on one line (empty clears)" },
			 { "N", "the note in $VISUAL (else $EDITOR, else vi); a refused text is kept for the next N" } },
	  .csv_required = true, .csv_text = true, .json_string = true, .json_unset = "null",
	  SCALAR(note_parse, note_text, note_clear, note_copy) },
	{ .id = EF_MEDS, .name = "medications", .word = "medications", .said = "medications",
	  .item_word = "medication", .option = "--med", .clear_option = "--clear-meds",
	  .arg = "NAME[:DOSE]", .log_rank = 5,
	  .help = "add a medication taken that day, e.g. ibuprofen:400mg\n"
		  "(NAME lower-case letters, digits and dashes; DOSE up to\n"
		  "32 characters without ';'; at most 16 a day)",
	  .today_row = 6, .label = "Medications", .key = 'm',
	  .prompt_max = MED_NAME_MAX + MED_DOSE_MAX + 1,
	  .keys_help = { { "m", "add a medication taken that day: NAME or NAME:DOSE (Tab completes a name used before)" } },
	  .shown = meds_shown, .csv_text = true, .json_unset = "[]",
	  .json_members = { "name", "dose" },
	  LIST(meds_parse, meds_text, meds_clear, meds_copy, med_add, meds_count, med_item,
	       med_remove) },
	{ .id = EF_TRACKED, .name = "tracked_hours", .word = "tracked hours",
	  .said = "tracked hours", .decimal = true, .json_unset = "0",
	  SCALAR(tracked_parse, tracked_text, tracked_clear, tracked_copy) },
};

const struct entry_field *entry_field(enum entry_field_id id)
{
	return &entry_fields[id];
}

const struct entry_field *entry_field_named(const char *name)
{
	int i;

	for (i = 0; i < EF_COUNT; i++)
		if (strcmp(entry_fields[i].name, name) == 0)
			return &entry_fields[i];
	return NULL;
}

const char *entry_field_label(const struct entry_field *f, enum entry_naming how, bool item)
{
	switch (how) {
	case ENTRY_NAME_OPTION:
		return f->option ? f->option : f->name;
	case ENTRY_NAME_WORD:
		return item && f->item_word ? f->item_word : f->word;
	case ENTRY_NAME_COLUMN:
		break;
	}
	return f->name;
}

char *entry_csv_header(bool required_only, char *out, size_t n)
{
	size_t o = (size_t)snprintf(out, n, "date");
	int i;

	for (i = 0; i < EF_COUNT && o < n; i++)
		if (!required_only || entry_fields[i].csv_required)
			o += (size_t)snprintf(out + o, n - o, ",%s", entry_fields[i].name);
	return out;
}

bool entry_field_differs(const struct entry_field *f, const struct entry *a,
			 const struct entry *b)
{
	char ta[ENTRY_TEXT_MAX], tb[ENTRY_TEXT_MAX];

	return strcmp(f->text(a, ta, sizeof ta), f->text(b, tb, sizeof tb)) != 0;
}

int entry_field_find(const struct entry_field *f, const struct entry *en, const char *item)
{
	char buf[128];
	int i, n = f->list ? f->count(en) : 0;

	for (i = 0; i < n; i++)
		if (strcmp(f->item(en, i, buf, sizeof buf), item) == 0)
			return i;
	return -1;
}
