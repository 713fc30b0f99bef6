/* model.c - the list in memory: construction and destruction. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "utf8.h"

void
model_set(char **field, const char *value)
{
	char *copy = xstrdup(value != NULL ? value : "");

	free(*field);
	*field = copy;
}

void
list_header_init(struct list_header *h)
{
	h->org = xstrdup("");
	h->org_genitive = xstrdup("");
	h->title = xstrdup("");
	h->area = xstrdup("");
	h->order_no = xstrdup("");
	h->order_date = xstrdup("");
}

void
list_header_fini(struct list_header *h)
{
	free(h->org);
	free(h->org_genitive);
	free(h->title);
	free(h->area);
	free(h->order_no);
	free(h->order_date);
	memset(h, 0, sizeof *h);
}

/* True if s has nothing but the white space utf8_squeeze() drops. */
static bool
blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\r\n")] == '\0';
}

unsigned
list_header_missing(const struct list_header *h)
{
	unsigned missing = 0;

	if (blank(h->org))
		missing |= HEADER_ORG;
	if (blank(h->org_genitive))
		missing |= HEADER_ORG_GENITIVE;
	if (blank(h->title))
		missing |= HEADER_TITLE;
	return missing;
}

void
list_init(struct list *l)
{
	list_header_init(&l->hdr);
	l->procs = NULL;
	l->nprocs = 0;
}

void
list_fini(struct list *l)
{
	for (size_t i = 0; i < l->nprocs; i++)
		process_fini(&l->procs[i]);
	free(l->procs);
	list_header_fini(&l->hdr);
	l->procs = NULL;
	l->nprocs = 0;
}

void
process_fini(struct process *p)
{
	for (size_t i = 0; i < p->ntps; i++)
		touchpoint_fini(&p->tps[i]);
	free(p->tps);
	free(p->name);
	free(p->exclude_reason);
	memset(p, 0, sizeof *p);
}

void
touchpoint_init(struct touchpoint *tp)
{
	memset(tp, 0, sizeof *tp);
	tp->name = xstrdup("");
	tp->kind = xstrdup("");
	tp->specifics = xstrdup("");
	tp->basis = xstrdup("");
	tp->unit = xstrdup("");
	tp->exclude_reason = xstrdup("");
	tp->max_transfers = TRI_UNKNOWN;
	tp->ack_receipt = TRI_UNKNOWN;
	tp->version = 1;
}

void
touchpoint_fini(struct touchpoint *tp)
{
	for (size_t i = 0; i < tp->ncontacts; i++)
		free(tp->contacts[i].value);
	for (size_t i = 0; i < tp->nneeds; i++)
		free(tp->needs[i].wording);
	free(tp->contacts);
	free(tp->needs);
	free(tp->name);
	free(tp->kind);
	free(tp->specifics);
	free(tp->basis);
	free(tp->unit);
	free(tp->exclude_reason);
	memset(tp, 0, sizeof *tp);
}

struct process *
list_add_process(struct list *l, const char *name)
{
	struct process *p;

	l->procs = xreallocarray(l->procs, l->nprocs + 1, sizeof *l->procs);
	p = &l->procs[l->nprocs++];
	memset(p, 0, sizeof *p);
	p->name = xstrdup(name);
	p->exclude_reason = xstrdup("");
	p->version = 1;
	return p;
}

struct touchpoint *
process_add_touchpoint(struct process *p, const char *name)
{
	struct touchpoint *tp;

	p->tps = xreallocarray(p->tps, p->ntps + 1, sizeof *p->tps);
	tp = &p->tps[p->ntps++];
	touchpoint_init(tp);
	model_set(&tp->name, name);
	return tp;
}

struct need *
touchpoint_add_need(struct touchpoint *tp, const char *wording, int category)
{
	struct need *n;

	tp->needs = xreallocarray(tp->needs, tp->nneeds + 1, sizeof *tp->needs);
	n = &tp->needs[tp->nneeds++];
	n->id = 0;
	n->wording = xstrdup(wording);
	n->category = category;
	return n;
}

struct contact *
touchpoint_add_contact(struct touchpoint *tp, enum contact_type type,
    const char *value)
{
	struct contact *c;

	tp->contacts = xreallocarray(tp->contacts, tp->ncontacts + 1,
	    sizeof *tp->contacts);
	c = &tp->contacts[tp->ncontacts++];
	c->type = type;
	c->value = xstrdup(value);
	return c;
}

size_t
list_count_touchpoints(const struct list *l)
{
	size_t n = 0;

	for (size_t i = 0; i < l->nprocs; i++)
		n += l->procs[i].ntps;
	return n;
}

size_t
list_count_needs(const struct list *l)
{
	size_t n = 0;

	for (size_t i = 0; i < l->nprocs; i++)
		for (size_t j = 0; j < l->procs[i].ntps; j++)
			n += l->procs[i].tps[j].nneeds;
	return n;
}

const char *
channel_label(enum channel c)
{
	switch (c) {
	case CHANNEL_DIGITAL:
		return "Цифровая точка";
	case CHANNEL_OFFLINE:
		return "Офлайн-точка";
	case CHANNEL_NONE:
		break;
	}
	return "";
}

const char *
contact_type_label(enum contact_type t)
{
	switch (t) {
	case CONTACT_URL:
		return "сайт";
	case CONTACT_EMAIL:
		return "эл. почта";
	case CONTACT_PHONE:
		return "телефон";
	case CONTACT_OTHER:
		break;
	}
	return "прочее";
}

enum channel
channel_from_text(const char *s)
{
	char *f = utf8_casefold(s);
	enum channel c = CHANNEL_NONE;

	if (strstr(f, "цифров") != NULL)
		c = CHANNEL_DIGITAL;
	else if (strstr(f, "офлайн") != NULL || strstr(f, "оффлайн") != NULL)
		c = CHANNEL_OFFLINE;
	free(f);
	return c;
}
