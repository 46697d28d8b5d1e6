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

/* A short title for the level: "No rest episode", "Resting", ... */
const char *advice_title(enum engine_level level);

/* What is happening, one or two sentences, with the numbers of proj and p
 * (e.g. "72 h of rest: 3 days in bed raise the risk of blood clots."). */
char *advice_what(const struct engine_proj *proj, const struct engine_params *p, char *out,
		  size_t n);

/* What to do today, one sentence, for a day whose entry is en (may be
 * NULL): past the threshold with severe pain (7 or more) it adds to talk
 * with a doctor about how to stay active. */
char *advice_todo_for(const struct engine_proj *proj, const struct entry *en,
		      const struct engine_params *p, char *out, size_t n);

/* The urgent line for a red flag day naming the first red-flag symptom of
 * en (en may be NULL): "urgent: see a doctor today ...".  "" when none. */
char *advice_red_flag(const struct engine_proj *proj, const struct entry *en, char *out,
		      size_t n);

/* One ASCII line for a shell prompt or a status bar, e.g.
 * "2026-03-06 clot-risk | rest clock 120 h of 48 h | muscle 3.0-4.4% cardio
 *  0.9-4.4% bone 0.10-0.39% | <what to do>". */
char *advice_line(const struct engine_proj *proj, const struct entry *en,
		  const struct engine_params *p, char *out, size_t n);

#endif
