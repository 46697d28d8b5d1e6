/* advice.c - the words for a day's projection; pure. */
#include "advice.h"

#include <stdio.h>
#include <string.h>

const char advice_disclaimer[] =
	"restwatch is not medical advice: its numbers are estimates from published "
	"averages; ask a doctor or physiotherapist about your own back.";

const char *advice_title(enum engine_level level)
{
	switch (level) {
	case LEVEL_RESTING:
		return "Resting";
	case LEVEL_DECONDITIONING:
		return "Past 48 hours of rest";
	case LEVEL_CLOT_RISK:
		return "Long bed rest: blood clot risk";
	case LEVEL_RECOVERING:
		return "Recovering";
	case LEVEL_NONE:
	default:
		return "Active";
	}
}

char *advice_what(const struct engine_proj *proj, const struct engine_params *p, char *out,
		  size_t n)
{
	double c = proj->rest_clock_hours;

	switch (proj->level) {
	case LEVEL_RESTING:
		snprintf(out, n,
			 "%.0f h of rest so far. A day or two of rest can ease the pain; after %.0f h "
			 "the muscles that support the back start to weaken.",
			 c, p->threshold_hours);
		break;
	case LEVEL_DECONDITIONING:
		snprintf(out, n,
			 "%.0f h of rest, past %.0f h: back muscles weaken by about %.1f-%.1f%% a day "
			 "and fitness falls with them.",
			 c, p->threshold_hours, p->rate[LOSS_MUSCLE][BAND_LOW],
			 p->rate[LOSS_MUSCLE][BAND_HIGH]);
		break;
	case LEVEL_CLOT_RISK:
		snprintf(out, n,
			 "%.0f h of rest (%.0f days): strength and fitness are being lost each day, "
			 "and bed rest of %.0f h or more raises the risk of blood clots.",
			 c, c / 24, p->clot_hours);
		break;
	case LEVEL_RECOVERING:
		snprintf(out, n,
			 "Moving again: each active day wins back part of what rest cost "
			 "(muscle still %.1f-%.1f%% down).",
			 proj->loss[LOSS_MUSCLE][BAND_LOW], proj->loss[LOSS_MUSCLE][BAND_HIGH]);
		break;
	case LEVEL_NONE:
	default:
		snprintf(out, n, "No rest episode: nothing is being lost to bed rest.");
		break;
	}
	return out;
}

/* What to do today for the level of proj, one sentence. */
static const char *advice_todo(const struct engine_proj *proj, const struct engine_params *p)
{
	(void)p;
	switch (proj->level) {
	case LEVEL_RESTING:
		return proj->rest_clock_hours >= 24
			       ? "plan to be up and moving tomorrow: a short walk is enough"
			       : "rest if you need to, and get up to move gently when you can";
	case LEVEL_DECONDITIONING:
		return "a short walk or water therapy today";
	case LEVEL_CLOT_RISK:
		return "get up and walk a little every few hours today; if pain keeps you in bed, "
		       "talk with a doctor about staying active";
	case LEVEL_RECOVERING:
		return "keep moving: walking and water therapy rebuild strength";
	case LEVEL_NONE:
	default:
		return "keep up your usual activity";
	}
}

char *advice_red_flag(const struct engine_proj *proj, const struct entry *en, char *out,
		      size_t n)
{
	const char *flag = NULL;
	int i;

	out[0] = '\0';
	if (!proj->red_flag)
		return out;
	for (i = 0; en && i < en->n_symptoms && !flag; i++)
		if (entry_symptom_is_red_flag(en->symptoms[i]))
			flag = en->symptoms[i];
	if (flag)
		snprintf(out, n,
			 "urgent: see a doctor today (%s can be a sign of a problem that needs urgent care)",
			 flag);
	else
		snprintf(out, n, "urgent: see a doctor today (a red-flag symptom was logged)");
	return out;
}

char *advice_todo_for(const struct engine_proj *proj, const struct entry *en,
		      const struct engine_params *p, char *out, size_t n)
{
	const char *todo = advice_todo(proj, p);

	if (proj->level == LEVEL_DECONDITIONING && en && en->pain >= 7)
		snprintf(out, n, "%s; with pain this severe, talk with a doctor about how to stay active",
			 todo);
	else
		snprintf(out, n, "%s", todo);
	return out;
}

char *advice_line(const struct engine_proj *proj, const struct entry *en,
		  const struct engine_params *p, char *out, size_t n)
{
	char date[DATE_BUFSZ], urgent[160], todo[200];

	advice_red_flag(proj, en, urgent, sizeof urgent);
	advice_todo_for(proj, en, p, todo, sizeof todo);
	snprintf(out, n,
		 "%s %s | rest clock %.0f h of %.0f h | muscle %.1f-%.1f%% cardio %.1f-%.1f%% "
		 "bone %.2f-%.2f%% | %s",
		 date_format(proj->day, date), engine_level_name(proj->level),
		 proj->rest_clock_hours, p->threshold_hours, proj->loss[LOSS_MUSCLE][BAND_LOW],
		 proj->loss[LOSS_MUSCLE][BAND_HIGH], proj->loss[LOSS_CARDIO][BAND_LOW],
		 proj->loss[LOSS_CARDIO][BAND_HIGH], proj->loss[LOSS_BONE][BAND_LOW],
		 proj->loss[LOSS_BONE][BAND_HIGH], urgent[0] ? urgent : todo);
	return out;
}
