/* check_entry.c - parsing and validating the fields of a day. */
#include <check.h>
#include <math.h>
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
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(suite)
