/* entry.c - one day's journal entry: parsing and validation; pure.
 *
 * Numbers are read by hand rather than with strtod: strtod accepts "nan",
 * "inf", hex floats and leading blanks, and follows LC_NUMERIC.  The reader
 * below takes plain decimals only and converts them exactly.
 */
#include "entry.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fmt4.h"
#include "utf8.h"

static const char *const kind_names[ACT_KINDS] = {
	"walking", "water-therapy", "stretching", "cycling", "physio", "other"
};

/* The two red-flag tiers of docs/model.md, emergency first. */
const char *const entry_red_flags[] = {
	/* emergency: an emergency department now */
	"saddle-numbness", "bladder-control", "bowel-control", "bladder-bowel-change",
	"both-legs", "worsening-weakness", "sexual-dysfunction", "major-trauma",
	"chest-pain", "sudden-breathlessness",
	/* urgent: a doctor the same day */
	"fever", "unexplained-weight-loss", "night-pain", "upper-back-pain", "back-lump",
	"swollen-leg", NULL
};
#define N_EMERGENCY 10

/* What each red flag means, in the words of docs/model.md. */
static const char *const red_flag_meanings[] = {
	"numbness or tingling around the genitals, back passage or inner thighs",
	"new trouble passing urine, or loss of bladder control or feeling",
	"new loss of bowel control or feeling",
	"new trouble with the bladder or bowel",
	"pain, numbness, tingling or weakness in both legs",
	"leg weakness or numbness getting worse",
	"new loss of genital feeling or sexual function",
	"back pain after a serious fall or accident",
	"chest pain",
	"sudden breathlessness or coughing up blood",
	"a high temperature, chills or feeling very unwell",
	"weight loss without a reason",
	"pain much worse at night, not eased by rest or a change of position",
	"pain between the shoulder blades",
	"a new lump or change in the shape of the back",
	"one leg swollen, painful, warm or red",
};

const char *const entry_common_symptoms[] = {
	"sciatica", "numbness", "tingling", "stiffness", "spasm", "leg-pain", NULL
};

/* Each field's unset value is what its clear leaves (src/entry_field.c). */
void entry_init(struct entry *en, rw_day day)
{
	int i;

	memset(en, 0, sizeof *en);
	en->day = day;
	for (i = 0; i < EF_COUNT; i++)
		entry_fields[i].clear(en);
}

/* Every field's text form is empty when it is unset. */
bool entry_is_empty(const struct entry *en)
{
	char buf[ENTRY_TEXT_MAX];
	int i;

	for (i = 0; i < EF_COUNT; i++)
		if (entry_fields[i].text(en, buf, sizeof buf)[0])
			return false;
	return true;
}

const char *entry_kind_name(enum activity_kind kind)
{
	return (unsigned)kind < ACT_KINDS ? kind_names[kind] : "?";
}

/* Kind for a name; returns 0 or RW_EDATA. */
static int entry_kind_parse(const char *name, enum activity_kind *kind)
{
	int i;
	for (i = 0; i < ACT_KINDS; i++) {
		if (strcmp(name, kind_names[i]) == 0) {
			*kind = (enum activity_kind)i;
			return 0;
		}
	}
	return RW_EDATA;
}

static int red_flag_index(const char *name)
{
	int i;
	for (i = 0; entry_red_flags[i]; i++)
		if (strcmp(name, entry_red_flags[i]) == 0)
			return i;
	return -1;
}

enum engine_urgency entry_symptom_urgency(const char *name)
{
	int i = red_flag_index(name);
	return i < 0 ? URGENCY_NONE : i < N_EMERGENCY ? URGENCY_EMERGENCY : URGENCY_URGENT;
}

const char *entry_red_flag_meaning(const char *name)
{
	int i = red_flag_index(name);
	return i < 0 ? NULL : red_flag_meanings[i];
}

bool entry_symptom_is_red_flag(const char *name)
{
	return red_flag_index(name) >= 0;
}

enum engine_urgency entry_urgency(const struct entry *en)
{
	enum engine_urgency u = URGENCY_NONE, x;
	int i;
	for (i = 0; i < en->n_symptoms; i++)
		if ((x = entry_symptom_urgency(en->symptoms[i])) > u)
			u = x;
	return u;
}

const char *entry_first_red_flag(const struct entry *en)
{
	enum engine_urgency u = entry_urgency(en);
	int i;
	for (i = 0; u != URGENCY_NONE && i < en->n_symptoms; i++)
		if (entry_symptom_urgency(en->symptoms[i]) == u)
			return en->symptoms[i];
	return NULL;
}

bool entry_has_red_flag(const struct entry *en)
{
	return entry_urgency(en) != URGENCY_NONE;
}

/* A plain decimal: optional sign, digits, optional '.' and digits, at least
 * one digit, at most 15 significant digits (so the value is exact before the
 * one rounding division).  Sets *neg, *value and *decimals; returns false
 * when s is not of that form. */
static bool read_decimal(const char *s, bool *neg, double *value, int *decimals,
			 bool *too_long)
{
	static const double pow10[16] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
					  1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	long long mant = 0;
	int sig = 0, dec = 0, ndig = 0;
	bool dot = false;

	*too_long = false;
	*neg = false;
	if (*s == '-' || *s == '+')
		*neg = *s++ == '-';
	for (; *s; s++) {
		if (*s == '.') {
			if (dot)
				return false;
			dot = true;
			continue;
		}
		if (*s < '0' || *s > '9')
			return false;
		ndig++;
		if (mant == 0 && *s == '0') {
			if (dot)
				dec++;
			continue;
		}
		if (++sig > 15) {
			*too_long = true;
			return false;
		}
		mant = mant * 10 + (*s - '0');
		if (dot)
			dec++;
	}
	if (ndig == 0 || dec > 15)
		return false;
	*value = (double)mant / pow10[dec];
	*decimals = dec;
	return true;
}

static int bad_number(struct rw_error *e, const char *field, const char *s, const char *what)
{
	char shown[64];
	return rw_fail(e, RW_EDATA, "%s: '%s' is not %s", field, rw_show(shown, sizeof shown, s),
		       what);
}

int entry_parse_number(const char *s, double *out, const char *field, struct rw_error *e)
{
	bool neg, too_long;
	double v;
	int dec;

	if (!read_decimal(s, &neg, &v, &dec, &too_long))
		return bad_number(e, field, s,
				  too_long ? "a number (too many digits)" : "a plain decimal number");
	*out = neg ? -v : v;
	return 0;
}

const char *entry_decimal_point(const char *text, char *buf, size_t n)
{
	const char *comma = strchr(text, ',');

	if (!comma || strchr(comma + 1, ',') || strchr(text, '.') || strlen(text) >= n)
		return text;
	snprintf(buf, n, "%s", text);
	buf[comma - text] = '.';
	return buf;
}

int entry_parse_rest(const char *s, double *hours, const char *field, struct rw_error *e)
{
	bool neg, too_long;
	double v;
	int dec;

	if (!read_decimal(s, &neg, &v, &dec, &too_long))
		return bad_number(e, field, s,
				  too_long ? "a number of hours (too many digits)"
					   : "a number of hours, such as 16 or 7.5");
	if (neg && v > 0)
		return rw_fail(e, RW_EDATA, "%s: %s is less than 0 hours", field, s);
	if (v > 24)
		return rw_fail(e, RW_EDATA, "%s: %s is more than 24 hours", field, s);
	*hours = v;
	return 0;
}

/* Whole non-negative integer with at most max_digits digits. */
static bool read_int(const char *s, int max_digits, int *out)
{
	int v = 0, n = 0;
	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || ++n > max_digits)
			return false;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return true;
}

int entry_parse_activity(const char *s, struct activity *a, const char *field,
			 struct rw_error *e)
{
	char shown[64], kind[32];
	const char *colon = strchr(s, ':');
	size_t klen;
	enum activity_kind k;
	int min;

	if (!colon)
		return rw_fail(e, RW_EDATA, "%s: '%s' is not KIND:MINUTES, as in walking:20",
			       field, rw_show(shown, sizeof shown, s));
	klen = (size_t)(colon - s);
	if (klen >= sizeof kind || (memcpy(kind, s, klen), kind[klen] = '\0',
				    entry_kind_parse(kind, &k) != 0))
		return rw_fail(e, RW_EDATA,
			       "%s: '%s' is not an activity (walking, water-therapy, stretching, cycling, physio, other)",
			       field, rw_show(shown, sizeof shown, klen >= sizeof kind ? s : kind));
	if (!read_int(colon + 1, 5, &min))
		return rw_fail(e, RW_EDATA, "%s: '%s' is not a whole number of minutes",
			       field, rw_show(shown, sizeof shown, colon + 1));
	if (min < 1 || min > 1440)
		return rw_fail(e, RW_EDATA, "%s: %s: %d minutes is not between 1 and 1440",
			       field, kind, min);
	a->kind = k;
	a->minutes = min;
	return 0;
}

int entry_parse_pain(const char *s, int *pain, const char *field, struct rw_error *e)
{
	char shown[64];
	int v;
	if (!read_int(s, 3, &v)) {
		if (s[0] == '-' && read_int(s + 1, 3, &v))
			return rw_fail(e, RW_EDATA, "%s: %s is less than 0", field, s);
		return rw_fail(e, RW_EDATA, "%s: '%s' is not a whole number from 0 to 10", field,
			       rw_show(shown, sizeof shown, s));
	}
	if (v > 10)
		return rw_fail(e, RW_EDATA, "%s: %d is more than 10", field, v);
	*pain = v;
	return 0;
}

int entry_parse_symptom(const char *s, char out[SYMPTOM_MAX + 1], const char *field,
			struct rw_error *e)
{
	char shown[64];
	size_t i, n = strlen(s);
	bool ok = n > 0 && n <= SYMPTOM_MAX && s[0] != '-' && s[n - 1] != '-';

	for (i = 0; ok && i < n; i++) {
		char c = s[i];
		if (c == '-')
			ok = s[i + 1] != '-';
		else
			ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}
	if (!ok) {
		if (n > SYMPTOM_MAX)
			return rw_fail(e, RW_EDATA, "%s: '%s' is longer than %d characters",
				       field, rw_show(shown, sizeof shown, s), SYMPTOM_MAX);
		return rw_fail(e, RW_EDATA,
			       "%s: '%s' is not a symptom name (lower-case words joined by dashes, as in leg-pain)",
			       field, rw_show(shown, sizeof shown, s));
	}
	memcpy(out, s, n + 1);
	return 0;
}

int entry_parse_weight(const char *s, int *weight_dg, const char *field, struct rw_error *e)
{
	bool neg, too_long;
	double v;
	int dec;

	if (!read_decimal(s, &neg, &v, &dec, &too_long) || neg)
		return bad_number(e, field, s, "a weight in kg, such as 72.5");
	if (dec > 1)
		return rw_fail(e, RW_EDATA, "%s: %s has more than one decimal", field, s);
	if (v < 20 || v > 400)
		return rw_fail(e, RW_EDATA, "%s: %s kg is not between 20 and 400", field, s);
	*weight_dg = (int)(v * 10 + 0.5);
	return 0;
}

int entry_parse_note(const char *s, char out[NOTE_MAX + 1], const char *field,
		     struct rw_error *e)
{
	const char *p;
	size_t n = strlen(s);

	if (n > NOTE_MAX)
		return rw_fail(e, RW_EDATA, "%s: %zu bytes is longer than %d", field, n, NOTE_MAX);
	for (p = s; *p;) {
		size_t len = utf8_seq(p);
		unsigned char c = (unsigned char)*p;
		if (len == 0)
			return rw_fail(e, RW_EDATA, "%s: byte %zu is not valid UTF-8", field,
				       (size_t)(p - s) + 1);
		if ((len == 1 && ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)) ||
		    (len == 2 && c == 0xc2 && (unsigned char)p[1] < 0xa0))
			return rw_fail(e, RW_EDATA,
				       "%s: byte %zu is a control character (only newline and tab are kept)",
				       field, (size_t)(p - s) + 1);
		p += len;
	}
	memcpy(out, s, n + 1);
	return 0;
}

int entry_add_activity(struct entry *en, struct activity a, const char *field,
		       struct rw_error *e)
{
	if (en->n_activities >= ENTRY_MAX_ACTIVITIES)
		return rw_fail(e, RW_EDATA, "%s: a day holds at most %d activities", field,
			       ENTRY_MAX_ACTIVITIES);
	en->activities[en->n_activities++] = a;
	return 0;
}

int entry_add_symptom(struct entry *en, const char *name, const char *field,
		      struct rw_error *e)
{
	int i;
	for (i = 0; i < en->n_symptoms; i++)
		if (strcmp(en->symptoms[i], name) == 0)
			return 0;
	if (en->n_symptoms >= ENTRY_MAX_SYMPTOMS)
		return rw_fail(e, RW_EDATA, "%s: a day holds at most %d symptoms", field,
			       ENTRY_MAX_SYMPTOMS);
	return entry_parse_symptom(name, en->symptoms[en->n_symptoms++], field, e) == 0
		       ? 0
		       : (en->n_symptoms--, RW_EDATA);
}

bool entry_remove_symptom(struct entry *en, const char *name)
{
	int i;
	for (i = 0; i < en->n_symptoms; i++) {
		if (strcmp(en->symptoms[i], name) == 0) {
			memmove(en->symptoms[i], en->symptoms[i + 1],
				(size_t)(en->n_symptoms - i - 1) * sizeof en->symptoms[0]);
			en->n_symptoms--;
			return true;
		}
	}
	return false;
}

/* Split s at ';' and hand each non-empty piece to fn.  Pieces longer than
 * the buffer are passed whole-truncated so fn rejects them. */
static int each_item(const char *s, int (*fn)(struct entry *, const char *, const char *,
					       struct rw_error *),
		     struct entry *en, const char *field, struct rw_error *e)
{
	char item[64];
	while (*s) {
		const char *end = strchr(s, ';');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		int r;
		if (n == 0) {
			return rw_fail(e, RW_EDATA, "%s: empty item in the list", field);
		}
		if (n >= sizeof item) {
			char shown[64];
			return rw_fail(e, RW_EDATA, "%s: '%s' is too long for a list item", field,
				       rw_show(shown, sizeof shown, s));
		}
		memcpy(item, s, n);
		item[n] = '\0';
		r = fn(en, item, field, e);
		if (r)
			return r;
		s += n;
		if (*s == ';') {
			s++;
			if (!*s)
				return rw_fail(e, RW_EDATA, "%s: empty item in the list", field);
		}
	}
	return 0;
}

static int add_activity_text(struct entry *en, const char *item, const char *field,
			     struct rw_error *e)
{
	struct activity a;
	int r = entry_parse_activity(item, &a, field, e);
	return r ? r : entry_add_activity(en, a, field, e);
}

static int add_symptom_text(struct entry *en, const char *item, const char *field,
			    struct rw_error *e)
{
	return entry_add_symptom(en, item, field, e);
}

int entry_parse_activities(const char *s, struct entry *en, const char *field,
			   struct rw_error *e)
{
	en->n_activities = 0;
	return each_item(s, add_activity_text, en, field, e);
}

int entry_parse_symptoms(const char *s, struct entry *en, const char *field,
			 struct rw_error *e)
{
	en->n_symptoms = 0;
	return each_item(s, add_symptom_text, en, field, e);
}

char *entry_format_activities(const struct entry *en, char *out, size_t n)
{
	size_t o = 0;
	int i;
	out[0] = '\0';
	for (i = 0; i < en->n_activities && o < n; i++) {
		const char *kind = entry_kind_name(en->activities[i].kind);
		size_t k = strlen(kind);
		int w, m = en->activities[i].minutes;
		/* "kind:minutes" by hand when it fits (minutes are 1-1440),
		 * else snprintf's truncation. */
		if (m >= 0 && m < 100000 && o + k + 8 < n) {
			char *p = out + o, digits[8];
			int nd = 0;
			if (i)
				*p++ = ';';
			memcpy(p, kind, k);
			p += k;
			*p++ = ':';
			do
				digits[nd++] = (char)('0' + m % 10);
			while (m /= 10);
			while (nd)
				*p++ = digits[--nd];
			*p = '\0';
			o = (size_t)(p - out);
			continue;
		}
		w = snprintf(out + o, n - o, "%s%s:%d", i ? ";" : "", kind, m);
		if (w < 0)
			break;
		o += (size_t)w;
	}
	return out;
}

char *entry_format_symptoms(const struct entry *en, char *out, size_t n)
{
	size_t o = 0;
	int i;
	out[0] = '\0';
	for (i = 0; i < en->n_symptoms && o < n; i++) {
		size_t k = strlen(en->symptoms[i]), sep = i > 0;
		if (o + k + 2 > n) { /* it does not fit: snprintf's truncation */
			int w = snprintf(out + o, n - o, "%s%s", i ? ";" : "", en->symptoms[i]);
			o += w < 0 ? n : (size_t)w;
			continue;
		}
		out[o] = ';'; /* the first symptom is copied over it */
		memcpy(out + o + sep, en->symptoms[i], k + 1);
		o += sep + k;
	}
	return out;
}

/* The shortest "%.*f" that reads back as hours (read_decimal), without
 * printf for the usual values (whole hours, halves, quarters, tenths): when
 * v / 10^dec equals hours for v = round(hours * 10^dec), "%.*f" prints
 * exactly v's digits, and read_decimal divides the same v by the same
 * power of ten. */
char *entry_format_rest(double hours, char *out, size_t n)
{
	int dec;
	if (n >= 24 && hours >= 0 && hours <= 1e6 && !signbit(hours)) {
		static const double scale[3] = { 1, 10, 100 };
		for (dec = 0; dec < 3; dec++) {
			double v = nearbyint(hours * scale[dec]);
			if (v / scale[dec] == hours) {
				fmt_scaled(out, (long long)v, dec);
				return out;
			}
		}
	}
	for (dec = 0; dec <= 15; dec++) {
		bool neg, too_long;
		double back;
		int d;
		snprintf(out, n, "%.*f", dec, hours);
		if (read_decimal(out, &neg, &back, &d, &too_long) && back == hours)
			return out;
	}
	/* A computed value (tracked hours are seconds / 3600) has no short
	 * form: 15 significant digits, the most read_decimal takes back, so
	 * that an export imports again and exports the same bytes. */
	snprintf(out, n, "%.*f", hours >= 10 ? 13 : hours >= 1 ? 14 : 15, hours);
	return out;
}

char *entry_format_weight(int weight_dg, char *out, size_t n)
{
	if (weight_dg >= 0 && n >= 24) /* the same digits without printf */
		fmt_scaled(out, weight_dg, 1);
	else
		snprintf(out, n, "%d.%d", weight_dg / 10, weight_dg % 10);
	return out;
}

void entry_engine_day(const struct entry *en, struct engine_day *d)
{
	d->day = en->day;
	d->has_rest = en->has_rest;
	d->rest_hours = en->has_rest ? en->rest_hours : 0;
	d->tracked_hours = en->tracked_hours;
	d->activity_minutes = entry_activity_minutes(en);
	d->pain = en->pain == PAIN_UNSET ? ENGINE_PAIN_UNSET : en->pain;
	d->urgency = entry_urgency(en);
}

int entry_activity_minutes(const struct entry *en)
{
	int i, sum = 0;
	for (i = 0; i < en->n_activities; i++)
		sum += en->activities[i].minutes;
	return sum;
}

int entry_validate(const struct entry *en, struct rw_error *e)
{
	int a = entry_activity_minutes(en);
	char rest[32];

	if (a > 1440)
		return rw_fail(e, RW_EDATA, "activities: %d minutes is more than a day (1440)", a);
	if (en->has_rest && en->rest_hours * 60 + a > 1440 + 1e-9)
		return rw_fail(e, RW_EDATA,
			       "rest and activity: %s h of rest and %d minutes of activity are more than 24 hours",
			       entry_format_rest(en->rest_hours, rest, sizeof rest), a);
	return 0;
}
