/* entry_field.c - a day's fields as data: the one table that `log`,
 * `import`, the TUI's edits, the CSV and the JSON walk, and the one place a
 * parsed value reaches an entry (entry_apply); pure.  The rows follow the
 * CSV's column order of docs/formats.md. */
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

/* ---- pain ---------------------------------------------------------------- */

static int pain_parse(const char *s, struct entry *en, const char *field, struct rw_error *e)
{
	return entry_parse_pain(s, &en->pain, field, e);
}

static const char *pain_text(const struct entry *en, char *out, size_t n)
{
	if (en->pain == PAIN_UNSET)
		return "";
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

#define SCALAR(parse, text, clear, copy) parse, text, clear, copy, NULL, NULL, NULL, NULL

const struct entry_field entry_fields[EF_COUNT] = {
	{ EF_REST, "rest_hours", "--rest", NULL, "rest", "rest hours", NULL, 'r',
	  "Rest hours on %s (0-24)",
	  "Hours lying down or in bed, sleep included. Enter saves, Esc cancels, empty clears.",
	  24, false, true, true, false, true, false, "null", { NULL, NULL }, false,
	  SCALAR(rest_parse, rest_text, rest_clear, rest_copy) },
	{ EF_ACTIVITIES, "activities", "--activity", "--clear-activities", "activities",
	  "the activities", "activity", 'A', "Activities on %s",
	  "kind:min;kind:min (or walk 30, cycling 20) replaces the list; empty clears it.",
	  ACTIVITIES_TEXT_MAX - 1, true, false, true, false, false, false, "[]",
	  { "kind", "minutes" }, true,
	  entry_parse_activities, acts_text, acts_clear, acts_copy, act_add, acts_count, act_item,
	  act_remove },
	{ EF_PAIN, "pain", "--pain", NULL, "pain", "pain", NULL, 'p', "Pain on %s (0-10)",
	  "The day's average pain: 0 none, 10 the worst imaginable. Empty clears.", 16, false,
	  false, true, false, false, false, "null", { NULL, NULL }, false,
	  SCALAR(pain_parse, pain_text, pain_clear, pain_copy) },
	{ EF_SYMPTOMS, "symptoms", "--symptom", "--clear-symptoms", "symptoms", "symptom",
	  "symptom", 's', NULL, NULL, SYMPTOM_MAX, true, false, true, true, false, true, "[]",
	  { NULL, NULL }, false,
	  entry_parse_symptoms, syms_text, syms_clear, syms_copy, sym_add, syms_count, sym_item,
	  sym_remove },
	{ EF_WEIGHT, "weight_kg", "--weight", NULL, "weight", "weight", NULL, 'w',
	  "Weight on %s (kg)", "20-400 kg, one decimal, e.g. 72.5. Empty clears.", 16, false,
	  true, true, false, false, false, "null", { NULL, NULL }, false,
	  SCALAR(weight_parse, weight_text, weight_clear, weight_copy) },
	{ EF_NOTE, "note", "--note", NULL, "note", "the note", NULL, 'n', "Note on %s",
	  "One line; N opens the note in $VISUAL or $EDITOR for more. Empty clears.", NOTE_MAX, false,
	  false, true, true, false, true, "null", { NULL, NULL }, false,
	  SCALAR(note_parse, note_text, note_clear, note_copy) },
	{ EF_MEDS, "medications", "--med", "--clear-meds", "medications", "medications",
	  "medication", 'm', NULL, NULL, MED_NAME_MAX + MED_DOSE_MAX + 1, true, false, false,
	  true, false, false, "[]", { "name", "dose" }, false,
	  meds_parse, meds_text, meds_clear, meds_copy, med_add, meds_count, med_item,
	  med_remove },
	{ EF_TRACKED, "tracked_hours", NULL, NULL, "tracked hours", "tracked hours", NULL, 0, NULL,
	  NULL, 0, false, true, false, false, false, false, "0", { NULL, NULL }, false,
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

/* ---- changes ------------------------------------------------------------- */

/* Only the lists of add and del need to start empty: a field of `to` is
 * read only once it is set (and an imported row costs no 20 KB memset). */
void entry_change_init(struct entry_change *c)
{
	int i;

	c->clear = c->set = c->toggle = 0;
	for (i = 0; i < EF_COUNT; i++)
		if (entry_fields[i].list) {
			entry_fields[i].clear(&c->add);
			entry_fields[i].clear(&c->del);
		}
}

int entry_change_text(struct entry_change *c, const struct entry_field *f, const char *text,
		      bool replace, const char *field, struct rw_error *e)
{
	unsigned bit = EF_BIT(f->id);
	int r;

	if (f->list && !replace)
		return f->add(text, &c->add, field, e);
	f->clear(&c->to);
	if ((r = f->parse(text, &c->to, field, e)) != 0)
		return r;
	c->set |= bit;
	return 0;
}

/* The list items of from (removals or additions) applied to en. */
static int apply_items(struct entry *en, const struct entry_field *f, const struct entry *from,
		       bool add, bool toggle, const char *field, struct rw_error *e)
{
	char buf[128];
	int i, k, r;

	for (i = 0; i < f->count(from); i++) {
		const char *item = f->item(from, i, buf, sizeof buf);
		k = entry_field_find(f, en, item);
		if ((!add || toggle) && k >= 0)
			f->remove(en, k);
		else if (add && (r = f->add(item, en, field, e)) != 0)
			return r;
	}
	return 0;
}

int entry_apply(struct entry *en, const struct entry_change *c, enum entry_naming how,
		struct rw_error *e)
{
	int i, r;

	for (i = 0; i < EF_COUNT; i++) {
		const struct entry_field *f = &entry_fields[i];
		unsigned bit = EF_BIT(f->id);

		if (c->clear & bit)
			f->clear(en);
		if (c->set & bit)
			f->copy(en, &c->to);
		if (!f->list)
			continue;
		if ((r = apply_items(en, f, &c->del, false, false, NULL, e)) != 0 ||
		    (r = apply_items(en, f, &c->add, true, (c->toggle & bit) != 0,
				     entry_field_label(f, how, true), e)) != 0)
			return r;
	}
	return 0;
}

void entry_change_diff(struct entry_change *c, const struct entry_field *f,
		       const struct entry *base, const struct entry *want)
{
	bool used[ENTRY_MAX_SYMPTOMS + ENTRY_MAX_ACTIVITIES] = { false };
	char a[128], b[128];
	int i, k, nb = f->count(base), nw = f->count(want);
	struct rw_error ignored;

	for (i = 0; i < nb; i++) {
		const char *item = f->item(base, i, a, sizeof a);
		for (k = 0; k < nw; k++)
			if (!used[k] && strcmp(item, f->item(want, k, b, sizeof b)) == 0)
				break;
		if (k < nw)
			used[k] = true;
		else
			f->add(item, &c->del, f->name, &ignored);
	}
	for (k = 0; k < nw; k++)
		if (!used[k])
			f->add(f->item(want, k, b, sizeof b), &c->add, f->name, &ignored);
}
