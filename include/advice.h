/* advice.h - what a day's projection means, in words a clinician would
 * sign: what is happening, by how much, and what to do.  Pure.  Shared by
 * the command line, the TUI and the reports. */
#ifndef RESTWATCH_ADVICE_H
#define RESTWATCH_ADVICE_H

#include <stddef.h>

#include "engine.h"
#include "entry.h"

/* The one-line notice every report, --help and the man page carry. */
extern const char advice_disclaimer[];

/* "999 in the UK, 112 in the EU, 911 in the US". */
extern const char advice_emergency_numbers[];

/* A short title for the level: "No rest episode", "Resting", ...; it names
 * no number, so it holds whatever the parameters are. */
const char *advice_title(enum engine_level level);

/* Hours h as text with the fewest decimals (0-2) that keep it on its side
 * of limit: "53", "48.4" (past 48), never "48" for 48.4. */
char *advice_hours(double h, double limit, char *out, size_t n);

/* A loss band as a person reads it, one decimal: "1.0-1.5%", "<0.1-0.4%",
 * "<0.1%", "0%" (one end when both ends read the same). */
char *advice_band(double low, double high, const char *dash, char *out, size_t n);

/* What is happening, a few sentences, with the numbers of proj and p; on a
 * clot-risk or clot_watch day it says what signs of a clot to watch for. */
char *advice_what(const struct engine_proj *proj, const struct engine_params *p, char *out,
		  size_t n);

/* What to do today, one sentence, for a day whose entry is en (may be
 * NULL): severe pain (7 or more) past 24 h on the rest clock adds to talk
 * with a doctor or physiotherapist; pain_days past 28 adds to see a doctor. */
char *advice_todo_for(const struct engine_proj *proj, const struct entry *en,
		      const struct engine_params *p, char *out, size_t n);

/* The red-flag line of the day, by tier, naming the first symptom of the
 * highest tier in en (en may be NULL): "EMERGENCY: ... emergency department
 * now ..." or "URGENT: ... see a doctor today".  "" when none. */
char *advice_red_flag(const struct engine_proj *proj, const struct entry *en, char *out,
		      size_t n);

/* What a red flag of tier u asks, in a few words: "emergency department
 * now (999 in the UK, ...)" or "see a doctor today"; "" for none. */
const char *advice_red_flag_action(enum engine_urgency u);

/* One ASCII line for a shell prompt or a status bar, e.g.
 * "2026-03-06 clot-risk | rest clock 120 h of 48 h | muscle 3.0-4.4% cardio
 *  0.9-4.4% bone 0.1-0.4% | <what to do>"; a red flag comes first and then
 * no advice to walk follows. */
char *advice_line(const struct engine_proj *proj, const struct entry *en,
		  const struct engine_params *p, char *out, size_t n);

#endif
