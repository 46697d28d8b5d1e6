/* nudge.c - whether it is time to get up (nudge.h). */
#include "nudge.h"

#include <stdio.h>

#include "clock.h"

bool nudge_due(const struct engine_params *p, int64_t down_at, int64_t now)
{
	double hour = clock_local_hour(now);
	bool waking = p->nudge_from <= p->nudge_to ? hour >= p->nudge_from && hour < p->nudge_to
						   : hour >= p->nudge_from || hour < p->nudge_to;

	return waking && now - down_at >= (int64_t)(p->nudge_minutes * 60);
}

int nudge_line(struct journal *j, int64_t now, char *out, size_t n, struct rw_error *e)
{
	struct journal_stretch st;
	struct engine_params p;
	bool found;
	char span[32];
	int r;

	out[0] = '\0';
	if ((r = journal_open_stretch(j, &st, &found, e)) || !found ||
	    (r = journal_params(j, &p, e)))
		return r;
	if (nudge_due(&p, st.down_at, now))
		snprintf(out, n, "down %s: time to get up and walk a little",
			 clock_span_text(now - st.down_at, span, sizeof span));
	return 0;
}
