/* advice.c - the words for a day's projection; pure.
 *
 * Every sentence here follows the rules of docs/model.md ("What restwatch
 * says"): rest never eases pain or speeds recovery, losses are counted past
 * the guideline limit (they do not start there), the muscle figure is
 * muscle strength, the low and high ends are a range of published rates,
 * losses come back with activity, and a red flag leads. */
#include "advice.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char advice_disclaimer[] =
	"restwatch is not medical advice: its numbers are estimates from published "
	"averages; ask a doctor or physiotherapist about your own back.";

const char advice_emergency_numbers[] = "999 in the UK, 112 in the EU, 911 in the US";

const char *advice_title(enum engine_level level)
{
	switch (level) {
	case LEVEL_RESTING:
		return "Resting";
	case LEVEL_DECONDITIONING:
		return "Rest past the guideline limit";
	case LEVEL_CLOT_RISK:
		return "Bedridden: a higher chance of blood clots";
	case LEVEL_RECOVERING:
		return "Recovering";
	case LEVEL_NONE:
	default:
		return "No rest episode";
	}
}

char *advice_hours(double h, double limit, char *out, size_t n)
{
	int dec;

	/* The fewest decimals that keep h on its side of limit: 48.4 h past a
	 * 48 h limit reads "48.4 h", never "48 h". */
	for (dec = 0; dec < 3; dec++) {
		double shown;
		char buf[48];
		snprintf(buf, sizeof buf, "%.*f", dec, h);
		sscanf(buf, "%lf", &shown);
		if ((h > limit) == (shown > limit) && (h < limit) == (shown < limit))
			break;
	}
	snprintf(out, n, "%.*f", dec, h);
	return out;
}

/* One end of a band as a person reads it: one decimal, "<0.1" above zero
 * but under 0.05, "0" for none.  What a full recovery leaves under the
 * engine's tolerance of 1e-9 (docs/model.md) is rounding residue: none. */
static void band_end(double v, char *out, size_t n)
{
	if (!(v > 1e-9))
		snprintf(out, n, "0");
	else if (v < 0.05)
		snprintf(out, n, "<0.1");
	else
		snprintf(out, n, "%.1f", v);
}

char *advice_band(double low, double high, const char *dash, char *out, size_t n)
{
	char a[16], b[16];

	band_end(low, a, sizeof a);
	band_end(high, b, sizeof b);
	if (strcmp(a, b) == 0)
		snprintf(out, n, "%s%%", a);
	else
		snprintf(out, n, "%s%s%s%%", a, dash, b);
	return out;
}

static const char *const loss_words[LOSS_COUNT] = { "muscle strength", "fitness", "bone" };

/* "muscle strength 0.5-1.0%, bone <0.1%": each loss still above zero. */
static void still_down(const struct engine_proj *proj, char *out, size_t n)
{
	size_t len = 0;
	int x;

	out[0] = '\0';
	for (x = 0; x < LOSS_COUNT && len < n; x++) {
		char band[48];
		if (!(proj->loss[x][BAND_HIGH] > 0))
			continue;
		advice_band(proj->loss[x][BAND_LOW], proj->loss[x][BAND_HIGH], "-", band,
			    sizeof band);
		len += (size_t)snprintf(out + len, n - len, "%s%s %s", len ? ", " : "",
					loss_words[x], band);
	}
}

static const char clot_signs[] =
	"Watch for a clot: one leg swollen, painful, warm or red needs a doctor the same day; "
	"sudden breathlessness, chest pain or coughing blood is an emergency (%s).";

char *advice_what(const struct engine_proj *proj, const struct engine_params *p, char *out,
		  size_t n)
{
	char c[32], down[160];
	size_t len;

	advice_hours(proj->rest_clock_hours, p->threshold_hours, c, sizeof c);
	switch (proj->level) {
	case LEVEL_RESTING:
		snprintf(out, n,
			 "%s h on the rest clock. A day or two in bed when the pain is bad is "
			 "acceptable, but staying as active as the pain allows helps more; past "
			 "%g h restwatch counts losses of strength, fitness and bone.",
			 c, p->threshold_hours);
		break;
	case LEVEL_DECONDITIONING:
		snprintf(out, n,
			 "%s h on the rest clock, past the %g h guideline limit: restwatch counts "
			 "muscle strength falling by %.1f-%.1f%% a day (a range of published "
			 "rates), with fitness and bone; activity brings them back.",
			 c, p->threshold_hours, p->rate[LOSS_MUSCLE][BAND_LOW],
			 p->rate[LOSS_MUSCLE][BAND_HIGH]);
		break;
	case LEVEL_CLOT_RISK:
		snprintf(out, n,
			 "%d days in a row mostly in bed: a higher chance of blood clots, one risk "
			 "factor among several (a previous clot, cancer, pregnancy or a recent birth, "
			 "hormone pills or HRT, recent surgery add to it). ",
			 proj->bed_days);
		len = strlen(out);
		snprintf(out + len, n - len, clot_signs, advice_emergency_numbers);
		return out;
	case LEVEL_RECOVERING:
		still_down(proj, down, sizeof down);
		snprintf(out, n,
			 "Moving again; still down: %s. Fitness returns over weeks of ordinary "
			 "activity, strength with retraining, bone more slowly.",
			 down);
		break;
	case LEVEL_NONE:
	default:
		snprintf(out, n, "No rest episode: restwatch counts no losses.");
		break;
	}
	if (proj->clot_watch) {
		len = strlen(out);
		if (len + 1 < n) {
			out[len++] = ' ';
			out[len] = '\0';
			snprintf(out + len, n - len, clot_signs, advice_emergency_numbers);
		}
	}
	return out;
}

/* What to do today for the level of proj, one sentence. */
static const char *advice_todo(const struct engine_proj *proj)
{
	switch (proj->level) {
	case LEVEL_RESTING:
		return proj->rest_clock_hours >= 24
			       ? "plan to be up and moving tomorrow: a short walk is enough"
			       : "stay as active as the pain allows, and get up to move a little "
				 "every few hours";
	case LEVEL_DECONDITIONING:
		return "get up and walk a little every few hours today, or try water therapy";
	case LEVEL_CLOT_RISK:
		return "get up and walk a little every few hours today; if pain keeps you in bed, "
		       "talk with a doctor about staying active";
	case LEVEL_RECOVERING:
		return "keep moving: ordinary activity brings fitness back, and a physiotherapist "
		       "can help with strength";
	case LEVEL_NONE:
	default:
		return "stay as active as the pain allows";
	}
}

char *advice_red_flag(const struct engine_proj *proj, const struct entry *en, char *out,
		      size_t n)
{
	const char *flag = en ? entry_first_red_flag(en) : NULL;
	const char *meaning = flag ? entry_red_flag_meaning(flag) : NULL;
	char what[200];

	out[0] = '\0';
	if (proj->urgency == URGENCY_NONE)
		return out;
	if (flag)
		snprintf(what, sizeof what, "%s (%s)", flag, meaning);
	else
		snprintf(what, sizeof what, "a red-flag symptom");
	if (proj->urgency == URGENCY_EMERGENCY)
		snprintf(out, n,
			 "EMERGENCY: %s needs care within hours: go to an emergency department now "
			 "or call the local emergency number (%s)",
			 what, advice_emergency_numbers);
	else
		snprintf(out, n, "URGENT: %s: see a doctor today", what);
	return out;
}

const char *advice_red_flag_action(enum engine_urgency u)
{
	static char emergency[96];

	if (u == URGENCY_EMERGENCY) {
		if (!emergency[0])
			snprintf(emergency, sizeof emergency, "emergency department now (%s)",
				 advice_emergency_numbers);
		return emergency;
	}
	return u == URGENCY_URGENT ? "see a doctor today" : "";
}

char *advice_todo_for(const struct engine_proj *proj, const struct entry *en,
		      const struct engine_params *p, char *out, size_t n)
{
	size_t len;

	(void)p;
	snprintf(out, n, "%s", advice_todo(proj));
	len = strlen(out);
	if (en && en->pain >= 7 && proj->rest_clock_hours > 24 + 1e-9 && len < n)
		len += (size_t)snprintf(out + len, n - len,
					"; with pain this severe, talk with a doctor or "
					"physiotherapist about pain relief and staying active");
	if (proj->pain_days > 28 && len < n)
		snprintf(out + len, n - len,
			 "; pain logged for %d days without a pain-free day: see a doctor if "
			 "the back is not improving",
			 proj->pain_days);
	return out;
}

char *advice_line(const struct engine_proj *proj, const struct entry *en,
		  const struct engine_params *p, char *out, size_t n)
{
	char date[DATE_BUFSZ], urgent[400], what_to_do[400], c[32], b[LOSS_COUNT][48];
	int x;

	advice_red_flag(proj, en, urgent, sizeof urgent);
	advice_todo_for(proj, en, p, what_to_do, sizeof what_to_do);
	advice_hours(proj->rest_clock_hours, p->threshold_hours, c, sizeof c);
	for (x = 0; x < LOSS_COUNT; x++)
		advice_band(proj->loss[x][BAND_LOW], proj->loss[x][BAND_HIGH], "-", b[x],
			    sizeof b[x]);
	/* A red flag leads, and no advice about walking follows it. */
	snprintf(out, n, "%s%s%s %s | rest clock %s h of %g h | muscle %s cardio %s bone %s%s%s",
		 urgent, urgent[0] ? " | " : "", date_format(proj->day, date),
		 engine_level_name(proj->level), c, p->threshold_hours, b[LOSS_MUSCLE],
		 b[LOSS_CARDIO], b[LOSS_BONE], urgent[0] ? "" : " | ", urgent[0] ? "" : what_to_do);
	return out;
}
