/* nudge.h - whether it is time to get up: the one rule behind `restwatch
 * nudge`, `status` and the TUI's banner (docs/formats.md). */
#ifndef RESTWATCH_NUDGE_H
#define RESTWATCH_NUDGE_H

#include <stddef.h>
#include <stdint.h>

#include "engine.h"
#include "journal.h"
#include "rwerr.h"

/* True when, at now, someone lying down since down_at should be nudged:
 * nudge_minutes or longer, within the waking hours nudge_from-nudge_to
 * (which may run past midnight). */
bool nudge_due(const struct engine_params *p, int64_t down_at, int64_t now);

/* The nudge for someone down for seconds: "down 1 h 20 min: time to get
 * up and walk a little"; after a red flag (urgency of the last logged day)
 * no walking advice: "down 1 h 20 min: the red flag comes first: see a
 * doctor today" (docs/model.md). */
char *nudge_text(enum engine_urgency urgency, int64_t seconds, char *out, size_t n);

/* The nudge line due at now ("down 1 h 20 min: time to get up and walk a
 * little"), or "" when none is. */
int nudge_line(struct journal *j, int64_t now, char *out, size_t n, struct rw_error *e);

#endif
