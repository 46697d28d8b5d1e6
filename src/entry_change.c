/* entry_change.c - one change to a day (struct entry_change, entry.h):
 * recorded from text, applied field by field in the order of the table of
 * src/entry_field.c (entry_apply, the one place a parsed value reaches an
 * entry), and a list edit as removals and additions; pure. */
#include <string.h>

#include "entry.h"

/* Only the lists of add and del need to start empty: a field of `to` is
 * read only once it is set (and an imported row costs no 20 KB memset). */
void entry_change_init(struct entry_change *c)
{
	int i;

	c->clear = c->set = c->toggle = 0;
	for (i = 0; i < EF_COUNT; i++)
		if (entry_fields[i].list) {
			entry_fields[i].clear(&c->add);
			entry_fields[i].clear(&c->del);
		}
}

int entry_change_text(struct entry_change *c, const struct entry_field *f, const char *text,
		      bool replace, const char *field, struct rw_error *e)
{
	unsigned bit = EF_BIT(f->id);
	int r;

	if (f->list && !replace)
		return f->add(text, &c->add, field, e);
	f->clear(&c->to);
	if ((r = f->parse(text, &c->to, field, e)) != 0)
		return r;
	c->set |= bit;
	return 0;
}

/* The list items of from (removals or additions) applied to en. */
static int apply_items(struct entry *en, const struct entry_field *f, const struct entry *from,
		       bool add, bool toggle, const char *field, struct rw_error *e)
{
	char buf[128];
	int i, k, r;

	for (i = 0; i < f->count(from); i++) {
		const char *item = f->item(from, i, buf, sizeof buf);
		k = entry_field_find(f, en, item);
		if ((!add || toggle) && k >= 0)
			f->remove(en, k);
		else if (add && (r = f->add(item, en, field, e)) != 0)
			return r;
	}
	return 0;
}

int entry_apply(struct entry *en, const struct entry_change *c, enum entry_naming how,
		struct rw_error *e)
{
	int i, r;

	for (i = 0; i < EF_COUNT; i++) {
		const struct entry_field *f = &entry_fields[i];
		unsigned bit = EF_BIT(f->id);

		if (c->clear & bit)
			f->clear(en);
		if (c->set & bit)
			f->copy(en, &c->to);
		if (!f->list)
			continue;
		if ((r = apply_items(en, f, &c->del, false, false, NULL, e)) != 0 ||
		    (r = apply_items(en, f, &c->add, true, (c->toggle & bit) != 0,
				     entry_field_label(f, how, true), e)) != 0)
			return r;
	}
	return 0;
}

void entry_change_diff(struct entry_change *c, const struct entry_field *f,
		       const struct entry *base, const struct entry *want)
{
	bool used[ENTRY_MAX_SYMPTOMS + ENTRY_MAX_ACTIVITIES] = { false };
	char a[128], b[128];
	int i, k, nb = f->count(base), nw = f->count(want);
	struct rw_error ignored;

	for (i = 0; i < nb; i++) {
		const char *item = f->item(base, i, a, sizeof a);
		for (k = 0; k < nw; k++)
			if (!used[k] && strcmp(item, f->item(want, k, b, sizeof b)) == 0)
				break;
		if (k < nw)
			used[k] = true;
		else
			f->add(item, &c->del, f->name, &ignored);
	}
	for (k = 0; k < nw; k++)
		if (!used[k])
			f->add(f->item(want, k, b, sizeof b), &c->add, f->name, &ignored);
}
