/* record.c - a touchpoint being edited: copy, compare, kind, checks. */
#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void
record_copy_touchpoint(struct touchpoint *dst, const struct touchpoint *src)
{
	touchpoint_fini(dst);
	touchpoint_init(dst);
	dst->id = src->id;
	dst->version = src->version;
	model_set(&dst->name, src->name);
	model_set(&dst->kind, src->kind);
	dst->channel = src->channel;
	model_set(&dst->specifics, src->specifics);
	dst->key = src->key;
	dst->basis_type = src->basis_type;
	model_set(&dst->basis, src->basis);
	model_set(&dst->unit, src->unit);
	dst->audience = src->audience;
	dst->max_transfers = src->max_transfers;
	dst->ack_receipt = src->ack_receipt;
	dst->excluded = src->excluded;
	model_set(&dst->exclude_reason, src->exclude_reason);
	for (size_t i = 0; i < src->ncontacts; i++)
		touchpoint_add_contact(dst, src->contacts[i].type,
		    src->contacts[i].value);
	for (size_t i = 0; i < src->nneeds; i++)
		touchpoint_add_need(dst, src->needs[i].wording,
		    src->needs[i].category)->id = src->needs[i].id;
}

/* Two owned strings of a record (never NULL) are equal. */
static bool
record_same_text(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* The contacts and needs of a and b are equal, in order. */
static bool
record_same_children(const struct touchpoint *a, const struct touchpoint *b)
{
	if (a->ncontacts != b->ncontacts || a->nneeds != b->nneeds)
		return false;
	for (size_t i = 0; i < a->ncontacts; i++)
		if (a->contacts[i].type != b->contacts[i].type ||
		    !record_same_text(a->contacts[i].value,
		    b->contacts[i].value))
			return false;
	for (size_t i = 0; i < a->nneeds; i++)
		if (a->needs[i].category != b->needs[i].category ||
		    !record_same_text(a->needs[i].wording,
		    b->needs[i].wording))
			return false;
	return true;
}

bool
record_same_touchpoint(const struct touchpoint *a, const struct touchpoint *b)
{
	return record_same_text(a->name, b->name) &&
	    record_same_text(a->kind, b->kind) &&
	    a->channel == b->channel &&
	    record_same_text(a->specifics, b->specifics) &&
	    a->key == b->key &&
	    a->basis_type == b->basis_type &&
	    record_same_text(a->basis, b->basis) &&
	    record_same_text(a->unit, b->unit) &&
	    a->audience == b->audience &&
	    a->max_transfers == b->max_transfers &&
	    a->ack_receipt == b->ack_receipt &&
	    a->excluded == b->excluded &&
	    record_same_text(a->exclude_reason, b->exclude_reason) &&
	    record_same_children(a, b);
}

/* s folded for comparing names: squeezed, lower case, ё as е. */
static char *
record_fold(const char *s)
{
	char *sq = utf8_squeeze(s), *f = utf8_casefold(sq);

	free(sq);
	return f;
}

const struct kind *
record_find_kind(const struct catalog *cat, const char *text)
{
	const struct kind *k;
	char *want;

	if (cat == NULL || text == NULL || text[0] == '\0')
		return NULL;
	if ((k = catalog_find_kind(cat, text)) != NULL)
		return k;
	want = record_fold(text);
	for (size_t i = 0; k == NULL && i < cat->nkinds; i++) {
		char *have = record_fold(cat->kinds[i].name);

		if (want[0] != '\0' && strcmp(have, want) == 0)
			k = &cat->kinds[i];
		free(have);
	}
	free(want);
	return k;
}

const struct kind *
record_set_kind(struct touchpoint *tp, const struct catalog *cat,
    const char *text, bool keep_channel, bool keep_key)
{
	const struct kind *k = record_find_kind(cat, text);
	char *sq;

	if (k == NULL) {
		sq = utf8_squeeze(text != NULL ? text : "");
		model_set(&tp->kind, sq);
		free(sq);
		return NULL;
	}
	model_set(&tp->kind, k->code);
	if (!keep_channel && k->channel != CHANNEL_NONE)
		tp->channel = k->channel;
	if (!keep_key)
		tp->key = k->key_default;
	return k;
}

void
record_check_touchpoint(const struct process *p, size_t pi,
    const struct touchpoint *tp, size_t ti, const struct catalog *cat,
    struct findings *out)
{
	validate_touchpoint_fields(p, pi, tp, ti, cat, out);
	validate_touchpoint_in_process(p, pi, tp, ti, out);
}

void
record_check_process_after(const struct process *p, size_t pi,
    const struct touchpoint *tp, size_t ti, const struct catalog *cat,
    struct findings *out)
{
	struct process after = *p;
	size_t n = p->ntps + (ti == FINDING_NONE || ti >= p->ntps ? 1 : 0);

	/* It counts for no process rule, so saving it changes none of their
	 * findings: an emptied process must not block editing its text. */
	if (tp->excluded)
		return;

	/* A shallow copy: the records are p's and tp itself, not owned. */
	after.tps = xcalloc(n, sizeof *after.tps);
	if (p->ntps > 0)
		memcpy(after.tps, p->tps, p->ntps * sizeof *after.tps);
	after.tps[n > p->ntps ? p->ntps : ti] = *tp;
	after.ntps = n;
	validate_process(&after, pi, cat, out);
	free(after.tps);
}
