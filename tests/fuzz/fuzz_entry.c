/* fuzz_entry - the field parsers of entry.h on any text.
 *
 * The first byte picks the parser, the rest is the text.  Properties: what
 * a parser accepts is in range and writes back (entry_format_*) to text that
 * parses to the same value; the list forms round-trip; a note that is
 * accepted is well-formed UTF-8 without control characters but newline and
 * tab; a medication list reads back to itself; a refusal is RW_EDATA with one clean line naming the field. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "entry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct entry en, en2; /* large: not on the stack */
static char note[NOTE_MAX + 1];

static void refused(int r, const struct rw_error *e, const char *field)
{
	REQUIRE(r == RW_EDATA);
	require_clean_error(e, r);
	REQUIRE(strncmp(e->msg, field, strlen(field)) == 0);
}

static void same_lists(const struct entry *a, const struct entry *b)
{
	int i;
	REQUIRE(a->n_activities == b->n_activities && a->n_symptoms == b->n_symptoms);
	for (i = 0; i < a->n_activities; i++)
		REQUIRE(a->activities[i].kind == b->activities[i].kind &&
			a->activities[i].minutes == b->activities[i].minutes);
	for (i = 0; i < a->n_symptoms; i++)
		REQUIRE(strcmp(a->symptoms[i], b->symptoms[i]) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rw_error e = { 0, "" };
	char *s, buf[64], acts[ACTIVITIES_TEXT_MAX], syms[SYMPTOMS_TEXT_MAX];
	char sym[SYMPTOM_MAX + 1];
	struct activity a;
	double v, back;
	int r, which, iv, iback;
	const char *p;

	if (size == 0)
		return 0;
	which = data[0] % 10;
	if (!(s = malloc(size)))
		return 0;
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';

	switch (which) {
	case 0:
		if ((r = entry_parse_rest(s, &v, "rest", &e)) == 0) {
			REQUIRE(v >= 0 && v <= 24);
			entry_format_rest(v, buf, sizeof buf);
			REQUIRE(entry_parse_rest(buf, &back, "rest", NULL) == 0 && back == v);
		} else {
			refused(r, &e, "rest");
		}
		break;
	case 1:
		if ((r = entry_parse_activity(s, &a, "activity", &e)) == 0) {
			REQUIRE(a.kind >= 0 && a.kind < ACT_KINDS);
			REQUIRE(a.minutes >= 1 && a.minutes <= 1440);
		} else {
			refused(r, &e, "activity");
		}
		break;
	case 2:
		if ((r = entry_parse_pain(s, &iv, "pain", &e)) == 0)
			REQUIRE(iv >= 0 && iv <= 10);
		else
			refused(r, &e, "pain");
		break;
	case 3:
		if ((r = entry_parse_symptom(s, sym, "symptom", &e)) == 0) {
			REQUIRE(strlen(sym) >= 1 && strlen(sym) <= SYMPTOM_MAX);
			REQUIRE(strspn(sym, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(sym));
			REQUIRE(strcmp(sym, s) == 0);
		} else {
			refused(r, &e, "symptom");
		}
		break;
	case 4:
		if ((r = entry_parse_weight(s, &iv, "weight", &e)) == 0) {
			REQUIRE(iv >= WEIGHT_MIN_DG && iv <= WEIGHT_MAX_DG);
			entry_format_weight(iv, buf, sizeof buf);
			REQUIRE(entry_parse_weight(buf, &iback, "weight", NULL) == 0 && iback == iv);
		} else {
			refused(r, &e, "weight");
		}
		break;
	case 5:
		if ((r = entry_parse_note(s, note, "note", &e)) == 0) {
			REQUIRE(strcmp(note, s) == 0 && strlen(note) <= NOTE_MAX);
			REQUIRE(utf8_valid(note));
			for (p = note; *p; p++)
				REQUIRE((unsigned char)*p >= 0x20 || *p == '\n' || *p == '\t');
		} else {
			refused(r, &e, "note");
		}
		break;
	case 6:
		if ((r = entry_parse_number(s, &v, "number", &e)) == 0)
			REQUIRE(isfinite(v));
		else
			refused(r, &e, "number");
		break;
	case 7:
		entry_init(&en, 0);
		if ((r = entry_parse_activities(s, &en, "activities", &e)) == 0) {
			REQUIRE(en.n_activities <= ENTRY_MAX_ACTIVITIES);
			entry_format_activities(&en, acts, sizeof acts);
			entry_init(&en2, 0);
			REQUIRE(entry_parse_activities(acts, &en2, "activities", NULL) == 0);
			same_lists(&en, &en2);
			(void)entry_validate(&en, NULL);
		} else {
			refused(r, &e, "activities");
		}
		break;
	case 9:
		entry_init(&en, 0);
		if ((r = entry_parse_meds(s, &en, "medications", &e)) == 0) {
			char meds[MEDS_TEXT_MAX];
			int i;
			REQUIRE(en.n_meds <= ENTRY_MAX_MEDS);
			entry_format_meds(&en, meds, sizeof meds);
			REQUIRE(strcmp(meds, s) == 0); /* the list form is canonical */
			entry_init(&en2, 0);
			REQUIRE(entry_parse_meds(meds, &en2, "medications", NULL) == 0);
			REQUIRE(en2.n_meds == en.n_meds);
			for (i = 0; i < en.n_meds; i++)
				REQUIRE(strcmp(en.meds[i].name, en2.meds[i].name) == 0 &&
					strcmp(en.meds[i].dose, en2.meds[i].dose) == 0 &&
					!strchr(en.meds[i].dose, ';'));
		} else {
			refused(r, &e, "medications");
		}
		break;
	default:
		entry_init(&en, 0);
		if ((r = entry_parse_symptoms(s, &en, "symptoms", &e)) == 0) {
			REQUIRE(en.n_symptoms <= ENTRY_MAX_SYMPTOMS);
			entry_format_symptoms(&en, syms, sizeof syms);
			entry_init(&en2, 0);
			REQUIRE(entry_parse_symptoms(syms, &en2, "symptoms", NULL) == 0);
			same_lists(&en, &en2);
		} else {
			refused(r, &e, "symptoms");
		}
	}
	free(s);
	return 0;
}
