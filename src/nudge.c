/* nudge.c - whether it is time to get up (nudge.h). */
#include "nudge.h"

#include <stdio.h>

#include "advice.h"
#include "clock.h"

bool nudge_due(const struct engine_params *p, int64_t down_at, int64_t now)
{
	double hour = clock_local_hour(now);
	bool waking = p->nudge_from <= p->nudge_to ? hour >= p->nudge_from && hour < p->nudge_to
						   : hour >= p->nudge_from || hour < p->nudge_to;

	return waking && now - down_at >= (int64_t)(p->nudge_minutes * 60);
}

char *nudge_text(enum engine_urgency urgency, int64_t seconds, char *out, size_t n)
{
	char span[32];

	clock_span_text(seconds, span, sizeof span);
	if (urgency != URGENCY_NONE)
		snprintf(out, n, "down %s: the red flag comes first: %s", span,
			 advice_red_flag_action(urgency));
	else
		snprintf(out, n, "down %s: time to get up and walk a little", span);
	return out;
}

int nudge_line(struct journal *j, int64_t now, char *out, size_t n, struct rw_error *e)
{
	static struct entry en; /* large */
	struct journal_stretch st;
	struct engine_params p;
	struct engine_proj last;
	bool found, logged;
	int r;

	out[0] = '\0';
	if ((r = journal_open_stretch(j, &st, &found, e)) || !found ||
	    (r = journal_params(j, &p, e)))
		return r;
	if (!nudge_due(&p, st.down_at, now))
		return 0;
	if ((r = journal_last(j, &last, &en, &logged, e)))
		return r;
	nudge_text(logged ? last.urgency : URGENCY_NONE, now - st.down_at, out, n);
	return 0;
}
