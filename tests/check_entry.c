/* check_entry.c - parsing and validating the fields of a day. */
#include <check.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "check_main.h"

enum field { F_REST, F_ACTIVITY, F_PAIN, F_SYMPTOM, F_WEIGHT, F_NOTE, F_ACTIVITIES, F_SYMPTOMS };

static int parse(enum field f, const char *s, struct entry *en, struct rw_error *e)
{
	struct activity a;
	int r;

	switch (f) {
	case F_REST:
		r = entry_parse_rest(s, &en->rest_hours, "--rest", e);
		en->has_rest = r == 0;
		return r;
	case F_ACTIVITY:
		r = entry_parse_activity(s, &a, "--activity", e);
		return r ? r : entry_add_activity(en, a, "--activity", e);
	case F_PAIN:
		return entry_parse_pain(s, &en->pain, "--pain", e);
	case F_SYMPTOM:
		return entry_add_symptom(en, s, "--symptom", e);
	case F_WEIGHT:
		return entry_parse_weight(s, &en->weight_dg, "--weight", e);
	case F_NOTE:
		return entry_parse_note(s, en->note, "--note", e);
	case F_ACTIVITIES:
		return entry_parse_activities(s, en, "activities", e);
	case F_SYMPTOMS:
		return entry_parse_symptoms(s, en, "symptoms", e);
	}
	return -1;
}

struct good {
	enum field f;
	const char *in;
	double num; /* rest hours, pain, weight in kg, activity minutes */
};

static const struct good goods[] = {
	{ F_REST, "0", 0 },
	{ F_REST, "24", 24 },
	{ F_REST, "16", 16 },
	{ F_REST, "7.5", 7.5 },
	{ F_REST, "07.25", 7.25 },
	{ F_REST, ".5", 0.5 },
	{ F_REST, "10.6667", 10.6667 },
	{ F_REST, "24.000", 24 },
	{ F_ACTIVITY, "walking:20", 20 },
	{ F_ACTIVITY, "water-therapy:90", 90 },
	{ F_ACTIVITY, "stretching:1", 1 },
	{ F_ACTIVITY, "cycling:1440", 1440 },
	{ F_ACTIVITY, "physio:45", 45 },
	{ F_ACTIVITY, "other:5", 5 },
	{ F_PAIN, "0", 0 },
	{ F_PAIN, "10", 10 },
	{ F_PAIN, "7", 7 },
	{ F_SYMPTOM, "sciatica", 0 },
	{ F_SYMPTOM, "leg-pain", 0 },
	{ F_SYMPTOM, "bladder-bowel-change", 0 },
	{ F_SYMPTOM, "pins-and-needles-2", 0 },
	{ F_WEIGHT, "72", 72 },
	{ F_WEIGHT, "72.5", 72.5 },
	{ F_WEIGHT, "20", 20 },
	{ F_WEIGHT, "400", 400 },
	{ F_NOTE, "", 0 },
	{ F_NOTE, "Physio said: \"walk, don't run\"\nnext: 12 March \xe2\x80\x94 \xc3\xa7" "a va \xf0\x9f\x98\x80", 0 },
	{ F_NOTE, "tab\there", 0 },
	{ F_ACTIVITIES, "", 0 },
	{ F_ACTIVITIES, "walking:20;water-therapy:30", 50 },
	{ F_SYMPTOMS, "", 0 },
	{ F_SYMPTOMS, "sciatica;fever", 0 },
};

START_TEST(parse_valid)
{
	const struct good *g = &goods[_i];
	struct entry en;
	struct rw_error e = { 0, "" };

	entry_init(&en, 0);
	ck_assert_msg(parse(g->f, g->in, &en, &e) == 0, "'%s': %s", g->in, e.msg);
	switch (g->f) {
	case F_REST:
		ck_assert(en.has_rest);
		ck_assert(en.rest_hours == g->num);
		break;
	case F_ACTIVITY:
	case F_ACTIVITIES:
		ck_assert_int_eq(entry_activity_minutes(&en), (int)g->num);
		break;
	case F_PAIN:
		ck_assert_int_eq(en.pain, (int)g->num);
		break;
	case F_WEIGHT:
		ck_assert_int_eq(en.weight_dg, (int)lround(g->num * 10));
		break;
	case F_NOTE:
		ck_assert_str_eq(en.note, g->in);
		break;
	case F_SYMPTOM:
		ck_assert_int_eq(en.n_symptoms, 1);
		ck_assert_str_eq(en.symptoms[0], g->in);
		break;
	case F_SYMPTOMS:
		break;
	}
}
END_TEST

struct bad {
	enum field f;
	const char *in;
	const char *msg; /* the message must contain this */
};

static char long_note[NOTE_MAX + 2];

static const struct bad bads[] = {
	{ F_REST, "25", "--rest: 25 is more than 24 hours" },
	{ F_REST, "24.01", "more than 24 hours" },
	{ F_REST, "-1", "--rest: -1 is less than 0 hours" },
	{ F_REST, "nan", "'nan' is not a number of hours" },
	{ F_REST, "NaN", "is not a number of hours" },
	{ F_REST, "inf", "is not a number of hours" },
	{ F_REST, "-inf", "is not a number of hours" },
	{ F_REST, "1e1", "is not a number of hours" },
	{ F_REST, "0x10", "is not a number of hours" },
	{ F_REST, "", "is not a number of hours" },
	{ F_REST, ".", "is not a number of hours" },
	{ F_REST, "8h", "'8h' is not a number of hours" },
	{ F_REST, " 8", "is not a number of hours" },
	{ F_REST, "8 ", "is not a number of hours" },
	{ F_REST, "7,5", "is not a number of hours" },
	{ F_REST, "1.2.3", "is not a number of hours" },
	{ F_REST, "99999999999999999999", "too many digits" },
	{ F_ACTIVITY, "walking:0", "walking: 0 minutes is not between 1 and 1440" },
	{ F_ACTIVITY, "walking:1441", "1441 minutes is not between 1 and 1440" },
	{ F_ACTIVITY, "walking:-5", "'-5' is not a whole number of minutes" },
	{ F_ACTIVITY, "walking:2.5", "is not a whole number of minutes" },
	{ F_ACTIVITY, "walking:", "is not a whole number of minutes" },
	{ F_ACTIVITY, "walking:99999999999", "is not a whole number of minutes" },
	{ F_ACTIVITY, "walking", "'walking' is not KIND:MINUTES" },
	{ F_ACTIVITY, "running:20", "'running' is not an activity" },
	{ F_ACTIVITY, "Walking:20", "'Walking' is not an activity" },
	{ F_ACTIVITY, ":20", "'' is not an activity" },
	{ F_ACTIVITY, "walking:20:5", "is not a whole number of minutes" },
	{ F_PAIN, "11", "--pain: 11 is more than 10" },
	{ F_PAIN, "-1", "--pain: -1 is less than 0" },
	{ F_PAIN, "5.5", "'5.5' is not a whole number from 0 to 10" },
	{ F_PAIN, "", "is not a whole number" },
	{ F_PAIN, "ten", "'ten' is not a whole number" },
	{ F_PAIN, "99999999999", "is not a whole number" },
	{ F_SYMPTOM, "Leg Pain", "'Leg Pain' is not a symptom name" },
	{ F_SYMPTOM, "leg_pain", "is not a symptom name" },
	{ F_SYMPTOM, "-pain", "is not a symptom name" },
	{ F_SYMPTOM, "pain-", "is not a symptom name" },
	{ F_SYMPTOM, "leg--pain", "is not a symptom name" },
	{ F_SYMPTOM, "", "is not a symptom name" },
	{ F_SYMPTOM, "a;b", "is not a symptom name" },
	{ F_SYMPTOM, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "longer than 40 characters" },
	{ F_SYMPTOM, "'; DROP TABLE days; --", "is not a symptom name" },
	{ F_WEIGHT, "19.9", "--weight: 19.9 kg is not between 20 and 400" },
	{ F_WEIGHT, "400.1", "is not between 20 and 400" },
	{ F_WEIGHT, "72.55", "has more than one decimal" },
	{ F_WEIGHT, "-70", "is not a weight in kg" },
	{ F_WEIGHT, "70kg", "is not a weight in kg" },
	{ F_WEIGHT, "inf", "is not a weight in kg" },
	{ F_NOTE, "bell\a", "--note: byte 5 is a control character" },
	{ F_NOTE, "cr\r\n", "byte 3 is a control character" },
	{ F_NOTE, "esc \x1b[2J", "byte 5 is a control character" },
	{ F_NOTE, "del\x7f", "control character" },
	{ F_NOTE, "c1 \xc2\x85", "control character" },
	{ F_NOTE, "bad \xff utf8", "--note: byte 5 is not valid UTF-8" },
	{ F_NOTE, "overlong \xc0\xaf", "not valid UTF-8" },
	{ F_NOTE, "surrogate \xed\xa0\x80", "not valid UTF-8" },
	{ F_NOTE, "cut \xe2\x82", "not valid UTF-8" },
	{ F_NOTE, long_note, "4097 bytes is longer than 4096" },
	{ F_ACTIVITIES, "walking:20;", "empty item" },
	{ F_ACTIVITIES, ";walking:20", "empty item" },
	{ F_ACTIVITIES, "walking:20;;cycling:5", "empty item" },
	{ F_ACTIVITIES, "walking:20,cycling:5", "is not a whole number of minutes" },
	{ F_SYMPTOMS, "fever;;", "empty item" },
	{ F_SYMPTOMS, "fever;Sciatica", "'Sciatica' is not a symptom name" },
};

START_TEST(parse_invalid)
{
	const struct bad *b = &bads[_i];
	struct entry en, before;
	struct rw_error e = { 0, "" };

	memset(long_note, 'x', NOTE_MAX + 1);
	entry_init(&en, 0);
	before = en;
	ck_assert_int_eq(parse(b->f, b->in, &en, &e), RW_EDATA);
	ck_assert_int_eq(e.code, RW_EDATA);
	ck_assert_msg(strstr(e.msg, b->msg), "'%s' -> '%s'", b->in, e.msg);
	ck_assert_msg(strchr(e.msg, '\n') == NULL, "message is not one line: %s", e.msg);
	if (b->f == F_REST || b->f == F_PAIN || b->f == F_WEIGHT || b->f == F_NOTE)
		ck_assert(memcmp(&en, &before, sizeof en) == 0 || b->f == F_REST);
}
END_TEST

START_TEST(whole_entry_rules)
{
	struct entry en;
	struct rw_error e = { 0, "" };
	struct activity a = { ACT_WALKING, 60 };

	entry_init(&en, 0);
	ck_assert(entry_is_empty(&en));
	en.has_rest = true;
	en.rest_hours = 23;
	ck_assert_int_eq(entry_add_activity(&en, a, "--activity", &e), 0);
	ck_assert_int_eq(entry_validate(&en, &e), 0); /* R + A/60 = 24 exactly */
	a.minutes = 1;
	ck_assert_int_eq(entry_add_activity(&en, a, "--activity", &e), 0);
	ck_assert_int_eq(entry_validate(&en, &e), RW_EDATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "23 h of rest and 61 minutes of activity are more than 24 hours"));

	entry_init(&en, 0);
	a.minutes = 1000;
	entry_add_activity(&en, a, "--activity", &e);
	a.minutes = 441;
	entry_add_activity(&en, a, "--activity", &e);
	ck_assert_int_eq(entry_validate(&en, &e), RW_EDATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "1441 minutes is more than a day"));

	entry_init(&en, 0);
	en.has_rest = true;
	en.rest_hours = 16.5;
	a.minutes = 450;
	entry_add_activity(&en, a, "--activity", &e);
	ck_assert_int_eq(entry_validate(&en, &e), 0);
}
END_TEST

START_TEST(list_limits_and_symptoms)
{
	struct entry en;
	struct rw_error e;
	struct activity a = { ACT_OTHER, 1 };
	int i;

	entry_init(&en, 0);
	for (i = 0; i < ENTRY_MAX_ACTIVITIES; i++)
		ck_assert_int_eq(entry_add_activity(&en, a, "--activity", &e), 0);
	ck_assert_int_eq(entry_add_activity(&en, a, "--activity", &e), RW_EDATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "at most 32 activities"));

	entry_init(&en, 0);
	ck_assert_int_eq(entry_add_symptom(&en, "fever", "--symptom", &e), 0);
	ck_assert_int_eq(entry_add_symptom(&en, "fever", "--symptom", &e), 0);
	ck_assert_int_eq(en.n_symptoms, 1); /* no duplicates */
	ck_assert(entry_has_red_flag(&en));
	ck_assert(entry_remove_symptom(&en, "fever"));
	ck_assert(!entry_has_red_flag(&en));
	ck_assert(!entry_remove_symptom(&en, "fever"));
	/* the higher tier wins, whatever the order */
	ck_assert_int_eq(entry_add_symptom(&en, "sciatica", "--symptom", &e), 0);
	ck_assert_int_eq(entry_add_symptom(&en, "swollen-leg", "--symptom", &e), 0);
	ck_assert_int_eq(entry_urgency(&en), URGENCY_URGENT);
	ck_assert_int_eq(entry_add_symptom(&en, "bladder-bowel-change", "--symptom", &e), 0);
	ck_assert_int_eq(entry_urgency(&en), URGENCY_EMERGENCY);
	ck_assert_str_eq(entry_first_red_flag(&en), "bladder-bowel-change");
	entry_init(&en, 0);
	ck_assert_ptr_null(entry_first_red_flag(&en));
	for (i = 0; entry_red_flags[i]; i++) {
		ck_assert(entry_symptom_is_red_flag(entry_red_flags[i]));
		ck_assert_ptr_nonnull(entry_red_flag_meaning(entry_red_flags[i]));
		/* the emergency tier comes first, then the urgent one */
		ck_assert_int_eq(entry_symptom_urgency(entry_red_flags[i]),
				 i < 10 ? URGENCY_EMERGENCY : URGENCY_URGENT);
	}
	ck_assert_int_eq(i, 16);
	ck_assert_ptr_null(entry_red_flag_meaning("sciatica"));
	for (i = 0; entry_common_symptoms[i]; i++)
		ck_assert(!entry_symptom_is_red_flag(entry_common_symptoms[i]));
}
END_TEST

START_TEST(text_forms_round_trip)
{
	struct entry en, back;
	struct rw_error e;
	char acts[ACTIVITIES_TEXT_MAX], syms[SYMPTOMS_TEXT_MAX], buf[40];
	static const double rests[] = { 0, 24, 16, 7.5, 7.25, 10.6667, 0.1, 23.99, 1.0 / 3 };
	size_t i;

	entry_init(&en, 0);
	entry_parse_activities("walking:20;water-therapy:30;walking:5", &en, "a", &e);
	entry_parse_symptoms("sciatica;saddle-numbness", &en, "s", &e);
	ck_assert_str_eq(entry_format_activities(&en, acts, sizeof acts),
			 "walking:20;water-therapy:30;walking:5");
	ck_assert_str_eq(entry_format_symptoms(&en, syms, sizeof syms), "sciatica;saddle-numbness");
	entry_init(&back, 0);
	ck_assert_int_eq(entry_parse_activities(acts, &back, "a", &e), 0);
	ck_assert_int_eq(entry_parse_symptoms(syms, &back, "s", &e), 0);
	ck_assert_int_eq(memcmp(back.activities, en.activities, sizeof en.activities), 0);
	ck_assert_int_eq(back.n_symptoms, 2);

	ck_assert_str_eq(entry_format_rest(16, buf, sizeof buf), "16");
	ck_assert_str_eq(entry_format_rest(7.5, buf, sizeof buf), "7.5");
	ck_assert_str_eq(entry_format_rest(10.6667, buf, sizeof buf), "10.6667");
	for (i = 0; i < sizeof rests / sizeof rests[0]; i++) {
		double v;
		entry_format_rest(rests[i], buf, sizeof buf);
		if (rests[i] == 1.0 / 3)
			continue; /* 16 significant digits: not a form a person types */
		ck_assert_int_eq(entry_parse_rest(buf, &v, "r", &e), 0);
		ck_assert(v == rests[i]);
	}
	ck_assert_str_eq(entry_format_weight(725, buf, sizeof buf), "72.5");
	ck_assert_str_eq(entry_format_weight(720, buf, sizeof buf), "72.0");

	ck_assert_str_eq(entry_kind_name(ACT_WATER_THERAPY), "water-therapy");
}
END_TEST

START_TEST(numbers)
{
	struct rw_error e;
	double v;
	ck_assert_int_eq(entry_parse_number("-0.5", &v, "x", &e), 0);
	ck_assert(v == -0.5);
	ck_assert_int_eq(entry_parse_number("0.033", &v, "x", &e), 0);
	ck_assert(v == 0.033);
	ck_assert_int_eq(entry_parse_number("1e3", &v, "x", &e), RW_EDATA);
	ck_assert_int_eq(entry_parse_number("", &v, "x", &e), RW_EDATA);
}
END_TEST


/* ---- the table of fields ------------------------------------------------- */

/* A value of each field in its text form, as the journal and CSV hold it. */
static const char *const samples[EF_COUNT] = {
	[EF_REST] = "7.5",
	[EF_ACTIVITIES] = "walking:20;cycling:15;walking:20",
	[EF_PAIN] = "4",
	[EF_SYMPTOMS] = "sciatica;fever",
	[EF_WEIGHT] = "72.5",
	[EF_NOTE] = "line one\nline two, \"quoted\"",
	[EF_MEDS] = "ibuprofen:400mg;paracetamol;co-codamol:1x8/500mg",
	[EF_TRACKED] = "3.25",
};

START_TEST(field_table_rows)
{
	int i, k;

	for (i = 0; i < EF_COUNT; i++) {
		const struct entry_field *f = entry_field((enum entry_field_id)i);
		ck_assert_int_eq(f->id, i);
		ck_assert_ptr_eq(entry_field_named(f->name), f);
		ck_assert(f->parse && f->text && f->clear && f->copy);
		ck_assert(!f->list || (f->add && f->count && f->item && f->remove && f->item_word));
		ck_assert(!f->prompt || strstr(f->prompt, "%s"));
		for (k = 0; k < i; k++)
			ck_assert_str_ne(entry_fields[k].name, f->name);
	}
	ck_assert_ptr_null(entry_field_named("date"));
	ck_assert_str_eq(entry_field_label(entry_field(EF_WEIGHT), ENTRY_NAME_OPTION, false),
			 "--weight");
	ck_assert_str_eq(entry_field_label(entry_field(EF_MEDS), ENTRY_NAME_WORD, true),
			 "medication");
	ck_assert_str_eq(entry_field_label(entry_field(EF_WEIGHT), ENTRY_NAME_COLUMN, false),
			 "weight_kg");
}
END_TEST

/* What `log` writes its usage and help from and Today its rows from:
 * every option has an argument, a help and its own place; every row a
 * label, its own key and its own place. */
START_TEST(field_table_log_and_today)
{
	int i, k;

	for (i = 0; i < EF_COUNT; i++) {
		const struct entry_field *f = &entry_fields[i];
		int key = f->row_key ? f->row_key : f->key;
		ck_assert(!f->option || (f->arg && f->help && f->log_rank > 0));
		ck_assert(!f->clear_option || f->option);
		ck_assert(!f->today_row || (f->label && key > 0 && key < 0x80));
		ck_assert(!f->status || f->today_row);
		ck_assert(!f->keys_help[1].keys || f->keys_help[0].keys);
		for (k = 0; k < i; k++) {
			const struct entry_field *g = &entry_fields[k];
			ck_assert(!f->option || !g->option || f->log_rank != g->log_rank);
			ck_assert(!f->today_row || f->today_row != g->today_row);
			ck_assert(!f->today_row || !g->today_row ||
				  key != (g->row_key ? g->row_key : g->key));
		}
	}
}
END_TEST

/* The values as Today shows them, and "" when unset. */
START_TEST(field_shown)
{
	static const struct {
		enum entry_field_id id;
		const char *text, *shown;
	} cases[] = {
		{ EF_ACTIVITIES, "walking:30;cycling:20", "walking 30 min, cycling 20 min (50 min)" },
		{ EF_ACTIVITIES, "physio:45", "physio 45 min" },
		{ EF_PAIN, "8", "8 / 10" },
		{ EF_WEIGHT, "72.5", "72.5 kg" },
		{ EF_MEDS, "ibuprofen:400mg;paracetamol", "ibuprofen 400mg, paracetamol" },
	};
	static struct entry en;
	struct rw_error e;
	char buf[ENTRY_TEXT_MAX];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct entry_field *f = entry_field(cases[i].id);
		entry_init(&en, 0);
		ck_assert_str_eq(f->shown(&en, buf, sizeof buf), "");
		ck_assert_int_eq(f->parse(cases[i].text, &en, f->name, &e), 0);
		ck_assert_str_eq(f->shown(&en, buf, sizeof buf), cases[i].shown);
	}
}
END_TEST

/* Every field: text -> parse -> text gives the same bytes, a copy and a
 * second parse agree, clear leaves nothing, and a list is its items. */
START_TEST(field_round_trip)
{
	static struct entry en, back, copy;
	const struct entry_field *f = entry_field((enum entry_field_id)_i);
	char a[ENTRY_TEXT_MAX], b[ENTRY_TEXT_MAX], joined[ENTRY_TEXT_MAX], item[128];
	struct rw_error e;
	int i;

	ck_assert_msg(samples[_i] != NULL, "no sample value for %s in samples[]", f->name);
	entry_init(&en, 0);
	entry_init(&back, 0);
	entry_init(&copy, 0);
	ck_assert_str_eq(f->text(&en, a, sizeof a), "");
	ck_assert_int_eq(f->parse(samples[_i], &en, f->name, &e), 0);
	ck_assert_str_eq(f->text(&en, a, sizeof a), samples[_i]);
	ck_assert_int_eq(f->parse(f->text(&en, a, sizeof a), &back, f->name, &e), 0);
	ck_assert_str_eq(f->text(&back, b, sizeof b), samples[_i]);
	f->copy(&copy, &en);
	ck_assert(!entry_field_differs(f, &copy, &en));
	ck_assert(!entry_is_empty(&copy));
	if (f->list) {
		joined[0] = '\0';
		for (i = 0; i < f->count(&en); i++) {
			snprintf(joined + strlen(joined), sizeof joined - strlen(joined), "%s%s",
				 i ? ";" : "", f->item(&en, i, item, sizeof item));
		}
		ck_assert_str_eq(joined, samples[_i]);
		f->remove(&copy, 0);
		ck_assert_int_eq(f->count(&copy), f->count(&en) - 1);
		ck_assert_int_eq(f->add(f->item(&en, 0, item, sizeof item), &copy, f->name, &e), 0);
		ck_assert_int_ge(entry_field_find(f, &copy, item), 0);
	}
	f->clear(&copy);
	ck_assert_str_eq(f->text(&copy, a, sizeof a), "");
	ck_assert(entry_is_empty(&copy));
}
END_TEST

/* The CSV header built from the table is the contract's (docs/formats.md). */
START_TEST(csv_header_from_the_table)
{
	static const char contract[] =
		"date,rest_hours,activities,pain,symptoms,weight_kg,note,medications,tracked_hours,"
		"activity_minutes,rest_clock_hours,loss_days,level,clot_risk,red_flag,"
		"muscle_loss_low,muscle_loss_high,cardio_loss_low,cardio_loss_high,"
		"bone_loss_low,bone_loss_high,bed_days,urgency,clot_watch,pain_days";
	char h[512];
	size_t n;

	entry_csv_header(false, h, sizeof h);
	n = strlen(h);
	ck_assert_str_eq(h, "date,rest_hours,activities,pain,symptoms,weight_kg,note,"
			    "medications,tracked_hours");
	ck_assert(strncmp(contract, h, n) == 0 && contract[n] == ',');
	ck_assert_str_eq(entry_csv_header(true, h, sizeof h),
			 "date,rest_hours,activities,pain,symptoms,weight_kg,note");
}
END_TEST

/* One change: cleared, set, removed, added and toggled, field by field. */
START_TEST(apply_a_change)
{
	static struct entry en;
	static struct entry_change c;
	char t[ENTRY_TEXT_MAX];
	struct rw_error e;

	entry_init(&en, 0);
	entry_parse_activities("walking:20", &en, "a", &e);
	entry_parse_symptoms("fever;spasm", &en, "s", &e);
	entry_change_init(&c);
	ck_assert_int_eq(entry_change_text(&c, entry_field(EF_REST), "8", true, "--rest", &e), 0);
	ck_assert_int_eq(entry_change_text(&c, entry_field(EF_ACTIVITIES), "cycling:5", false,
					   "--activity", &e), 0);
	ck_assert_int_eq(entry_change_text(&c, entry_field(EF_SYMPTOMS), "spasm", false, "s", &e), 0);
	ck_assert_int_eq(entry_change_text(&c, entry_field(EF_SYMPTOMS), "sciatica", false, "s", &e),
			 0);
	c.toggle = EF_BIT(EF_SYMPTOMS);
	c.clear = EF_BIT(EF_ACTIVITIES);
	ck_assert_int_eq(entry_change_text(&c, entry_field(EF_PAIN), "11", true, "--pain", &e),
			 RW_EDATA);
	ck_assert_str_eq(e.msg, "--pain: 11 is more than 10");
	ck_assert_int_eq(entry_apply(&en, &c, ENTRY_NAME_OPTION, &e), 0);
	ck_assert(en.has_rest && en.rest_hours == 8);
	ck_assert_str_eq(entry_format_activities(&en, t, sizeof t), "cycling:5");
	ck_assert_str_eq(entry_format_symptoms(&en, t, sizeof t), "fever;sciatica");
	ck_assert_int_eq(en.pain, PAIN_UNSET);
}
END_TEST

/* A whole-list edit as removals and additions, applied to a list that
 * changed meanwhile: both changes are kept. */
START_TEST(list_diff_merges)
{
	static struct entry base, want, now;
	static struct entry_change c;
	const struct entry_field *f = entry_field(EF_ACTIVITIES);
	char t[ENTRY_TEXT_MAX];
	struct rw_error e;

	entry_init(&base, 0);
	entry_init(&want, 0);
	entry_parse_activities("walking:30;physio:45;walking:30", &base, "a", &e);
	entry_parse_activities("walking:30;cycling:20", &want, "a", &e);
	now = base;
	entry_parse_activities("walking:30;physio:45;walking:30;other:5", &now, "a", &e);
	entry_change_init(&c);
	entry_change_diff(&c, f, &base, &want);
	ck_assert_str_eq(f->text(&c.del, t, sizeof t), "physio:45;walking:30");
	ck_assert_str_eq(f->text(&c.add, t, sizeof t), "cycling:20");
	ck_assert_int_eq(entry_apply(&now, &c, ENTRY_NAME_WORD, &e), 0);
	ck_assert_str_eq(f->text(&now, t, sizeof t), "walking:30;other:5;cycling:20");
}
END_TEST

/* Significant digits of a plain decimal. */
static int significant(const char *s)
{
	int n = 0;
	bool lead = true;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			continue;
		if (lead && *s == '0')
			continue;
		lead = false;
		n++;
	}
	return n;
}

/* The shortest "%.*f" of at most 15 significant digits that reads back,
 * the slow way: entry_format_rest skips printf for the usual values and
 * must print the same. */
static void rest_reference(double h, char *out, size_t n)
{
	int dec;
	for (dec = 0; dec <= 15; dec++) {
		snprintf(out, n, "%.*f", dec, h);
		if (significant(out) <= 15 && strtod(out, NULL) == h)
			return;
	}
	snprintf(out, n, "%.*f", h >= 10 ? 13 : h >= 1 ? 14 : 15, h);
}

START_TEST(rest_text_equals_printf)
{
	char a[64], b[64];
	unsigned long x = 12345;
	int i;

	for (i = 0; i <= 2400; i++) {
		double h = i / 100.0;
		entry_format_rest(h, a, sizeof a);
		rest_reference(h, b, sizeof b);
		ck_assert_str_eq(a, b);
		h = i * 0.01;
		entry_format_rest(h, a, sizeof a);
		rest_reference(h, b, sizeof b);
		ck_assert_str_eq(a, b);
	}
	for (i = 0; i < 5000; i++) {
		double h;
		x = x * 6364136223846793005ul + 1442695040888963407ul;
		h = (double)(x >> 11) / 9007199254740992.0 * 24;
		if (i % 3 == 0)
			h = floor(h * 1000) / 1000;
		entry_format_rest(h, a, sizeof a);
		rest_reference(h, b, sizeof b);
		ck_assert_str_eq(a, b);
	}
	entry_format_rest(-0.0, a, sizeof a);
	ck_assert_str_eq(a, "-0");
	entry_format_rest(1.0 / 3, a, sizeof a);
	rest_reference(1.0 / 3, b, sizeof b);
	ck_assert_str_eq(a, b);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("entry");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, parse_valid, 0, (int)(sizeof goods / sizeof goods[0]));
	tcase_add_loop_test(tc, parse_invalid, 0, (int)(sizeof bads / sizeof bads[0]));
	tcase_add_test(tc, whole_entry_rules);
	tcase_add_test(tc, list_limits_and_symptoms);
	tcase_add_test(tc, text_forms_round_trip);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, field_table_rows);
	tcase_add_test(tc, field_table_log_and_today);
	tcase_add_test(tc, field_shown);
	tcase_add_loop_test(tc, field_round_trip, 0, EF_COUNT);
	tcase_add_test(tc, csv_header_from_the_table);
	tcase_add_test(tc, apply_a_change);
	tcase_add_test(tc, list_diff_merges);
	tcase_add_test(tc, rest_text_equals_printf);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(suite)
