/* entry_med.c - a day's medications and tracked hours: parsing and the list
 * form kept in the journal and in CSV; pure (docs/formats.md). */
#include <stdio.h>
#include <string.h>

#include "entry.h"
#include "utf8.h"

/* NAME: lower-case letters, digits and single dashes inside, like a
 * symptom, so that "co-codamol" is a name and "-x" is not. */
static bool med_name_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > MED_NAME_MAX || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c == '-') {
			if (s[i + 1] == '-')
				return false;
		} else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
			return false;
		}
	}
	return true;
}

/* DOSE: well-formed UTF-8 without ';' or a control character. */
static bool med_dose_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > MED_DOSE_MAX || !utf8_valid(s))
		return false;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ';' || c < 0x20 || c == 0x7f)
			return false;
	}
	return true;
}

int entry_parse_med(const char *s, struct medication *m, const char *field,
		    struct rw_error *e)
{
	const char *colon = strchr(s, ':');
	size_t nn = colon ? (size_t)(colon - s) : strlen(s);
	char shown[64];

	if (!med_name_ok(s, nn))
		return rw_fail(e, RW_EDATA,
			       "%s: '%s' is not a medication (NAME[:DOSE], NAME in lower-case "
			       "letters, digits and dashes up to %d characters, as in ibuprofen:400mg)",
			       field, rw_show(shown, sizeof shown, s), MED_NAME_MAX);
	if (colon && !med_dose_ok(colon + 1, strlen(colon + 1)))
		return rw_fail(e, RW_EDATA,
			       "%s: the dose in '%s' must be 1 to %d characters without ';' or "
			       "control characters",
			       field, rw_show(shown, sizeof shown, s), MED_DOSE_MAX);
	memcpy(m->name, s, nn);
	m->name[nn] = '\0';
	snprintf(m->dose, sizeof m->dose, "%s", colon ? colon + 1 : "");
	return 0;
}

int entry_add_med(struct entry *en, const struct medication *m, const char *field,
		  struct rw_error *e)
{
	if (en->n_meds >= ENTRY_MAX_MEDS)
		return rw_fail(e, RW_EDATA, "%s: a day holds at most %d medications", field,
			       ENTRY_MAX_MEDS);
	en->meds[en->n_meds++] = *m;
	return 0;
}

int entry_parse_meds(const char *s, struct entry *en, const char *field, struct rw_error *e)
{
	char item[MED_NAME_MAX + MED_DOSE_MAX + 2];
	struct medication m;
	int r;

	en->n_meds = 0;
	while (*s) {
		const char *end = strchr(s, ';');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		char shown[64];

		if (n == 0 || (end && !end[1]))
			return rw_fail(e, RW_EDATA, "%s: empty item in the list", field);
		if (n >= sizeof item)
			return rw_fail(e, RW_EDATA, "%s: '%s' is too long for a medication", field,
				       rw_show(shown, sizeof shown, s));
		memcpy(item, s, n);
		item[n] = '\0';
		if ((r = entry_parse_med(item, &m, field, e)) || (r = entry_add_med(en, &m, field, e)))
			return r;
		s += n + (end ? 1 : 0);
	}
	return 0;
}

char *entry_format_meds(const struct entry *en, char *out, size_t n)
{
	size_t o = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < en->n_meds && o < n; i++) {
		int w = snprintf(out + o, n - o, "%s%s%s%s", i ? ";" : "", en->meds[i].name,
				 en->meds[i].dose[0] ? ":" : "", en->meds[i].dose);
		if (w < 0)
			break;
		o += (size_t)w;
	}
	return out;
}

char *entry_med_text(const struct medication *m, char *out, size_t n)
{
	snprintf(out, n, "%s%s%s", m->name, m->dose[0] ? " " : "", m->dose);
	return out;
}

int entry_parse_tracked(const char *s, double *hours, const char *field, struct rw_error *e)
{
	double v;
	int r = entry_parse_number(s, &v, field, e);

	if (r)
		return r;
	if (!(v >= 0 && v <= 24))
		return rw_fail(e, RW_EDATA, "%s: %s is not between 0 and 24 hours", field, s);
	*hours = v;
	return 0;
}
