/* merge.c - three-way merge of one touchpoint's fields. */
#include "merge.h"

#include <stdlib.h>
#include <string.h>

enum part {
	PART_NAME, PART_KIND, PART_NEEDS, PART_CONTACTS, PART_SPECIFICS,
	PART_KEY, PART_BASIS_TYPE, PART_BASIS, PART_UNIT, PART_AUDIENCE,
	PART_TRANSFERS, PART_ACK, PART_EXCLUSION, PART_COUNT
};

/* The change log's field names each part's differences come under
 * (change_diff_touchpoint). */
static const char *const part_fields[PART_COUNT][2] = {
	[PART_NAME] = { "наименование", NULL },
	[PART_KIND] = { "вид точки", NULL },
	[PART_NEEDS] = { "потребности", NULL },
	[PART_CONTACTS] = { "контакты", NULL },
	[PART_SPECIFICS] = { "особенности", NULL },
	[PART_KEY] = { "ключевая", NULL },
	[PART_BASIS_TYPE] = { "тип основания", NULL },
	[PART_BASIS] = { "основание", NULL },
	[PART_UNIT] = { "подразделение", NULL },
	[PART_AUDIENCE] = { "клиенты", NULL },
	[PART_TRANSFERS] = { "переключений не более", NULL },
	[PART_ACK] = { "уведомление о получении", NULL },
	[PART_EXCLUSION] = { "исключение", "причина исключения" },
};

static bool
same_text(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static bool
same_contacts(const struct touchpoint *a, const struct touchpoint *b)
{
	if (a->ncontacts != b->ncontacts)
		return false;
	for (size_t i = 0; i < a->ncontacts; i++)
		if (a->contacts[i].type != b->contacts[i].type ||
		    !same_text(a->contacts[i].value, b->contacts[i].value))
			return false;
	return true;
}

static bool
same_needs(const struct touchpoint *a, const struct touchpoint *b)
{
	if (a->nneeds != b->nneeds)
		return false;
	for (size_t i = 0; i < a->nneeds; i++)
		if (a->needs[i].category != b->needs[i].category ||
		    !same_text(a->needs[i].wording, b->needs[i].wording))
			return false;
	return true;
}

static bool
part_same(const struct touchpoint *a, const struct touchpoint *b,
    enum part p)
{
	switch (p) {
	case PART_NAME:
		return same_text(a->name, b->name);
	case PART_KIND:
		return same_text(a->kind, b->kind) && a->channel == b->channel;
	case PART_NEEDS:
		return same_needs(a, b);
	case PART_CONTACTS:
		return same_contacts(a, b);
	case PART_SPECIFICS:
		return same_text(a->specifics, b->specifics);
	case PART_KEY:
		return a->key == b->key;
	case PART_BASIS_TYPE:
		return a->basis_type == b->basis_type;
	case PART_BASIS:
		return same_text(a->basis, b->basis);
	case PART_UNIT:
		return same_text(a->unit, b->unit);
	case PART_AUDIENCE:
		return a->audience == b->audience;
	case PART_TRANSFERS:
		return a->max_transfers == b->max_transfers;
	case PART_ACK:
		return a->ack_receipt == b->ack_receipt;
	case PART_EXCLUSION:
		return a->excluded == b->excluded &&
		    same_text(a->exclude_reason, b->exclude_reason);
	case PART_COUNT:
		break;
	}
	return true;
}

static void
copy_contacts(struct touchpoint *dst, const struct touchpoint *src)
{
	for (size_t i = 0; i < dst->ncontacts; i++)
		free(dst->contacts[i].value);
	dst->ncontacts = 0;
	for (size_t i = 0; i < src->ncontacts; i++)
		touchpoint_add_contact(dst, src->contacts[i].type,
		    src->contacts[i].value);
}

static void
copy_needs(struct touchpoint *dst, const struct touchpoint *src)
{
	for (size_t i = 0; i < dst->nneeds; i++)
		free(dst->needs[i].wording);
	dst->nneeds = 0;
	for (size_t i = 0; i < src->nneeds; i++)
		touchpoint_add_need(dst, src->needs[i].wording,
		    src->needs[i].category)->id = src->needs[i].id;
}

static void
part_copy(struct touchpoint *dst, const struct touchpoint *src, enum part p)
{
	switch (p) {
	case PART_NAME:
		model_set(&dst->name, src->name);
		break;
	case PART_KIND:
		model_set(&dst->kind, src->kind);
		dst->channel = src->channel;
		break;
	case PART_NEEDS:
		copy_needs(dst, src);
		break;
	case PART_CONTACTS:
		copy_contacts(dst, src);
		break;
	case PART_SPECIFICS:
		model_set(&dst->specifics, src->specifics);
		break;
	case PART_KEY:
		dst->key = src->key;
		break;
	case PART_BASIS_TYPE:
		dst->basis_type = src->basis_type;
		break;
	case PART_BASIS:
		model_set(&dst->basis, src->basis);
		break;
	case PART_UNIT:
		model_set(&dst->unit, src->unit);
		break;
	case PART_AUDIENCE:
		dst->audience = src->audience;
		break;
	case PART_TRANSFERS:
		dst->max_transfers = src->max_transfers;
		break;
	case PART_ACK:
		dst->ack_receipt = src->ack_receipt;
		break;
	case PART_EXCLUSION:
		dst->excluded = src->excluded;
		model_set(&dst->exclude_reason, src->exclude_reason);
		break;
	case PART_COUNT:
		break;
	}
}

/* The part a change-log field name belongs to; PART_COUNT if none. */
static enum part
part_of_field(const char *field)
{
	for (int p = 0; p < PART_COUNT; p++)
		for (int k = 0; k < 2; k++)
			if (part_fields[p][k] != NULL &&
			    strcmp(part_fields[p][k], field) == 0)
				return (enum part)p;
	return PART_COUNT;
}

/* The differences theirs → mine of the parts flagged, in the log's
 * words, appended to out. */
static void
describe_conflicts(const struct touchpoint *theirs,
    const struct touchpoint *mine, const struct catalog *cat,
    const bool *flagged, struct changes *out)
{
	struct changes d;

	changes_init(&d);
	change_diff_touchpoint(theirs, mine, cat, 0, mine->name, &d);
	for (size_t i = 0; i < d.n; i++) {
		enum part p = part_of_field(d.v[i].field);

		if (p != PART_COUNT && flagged[p])
			changes_add(out, "точка", mine->id, 0, mine->name,
			    d.v[i].field, d.v[i].old_value, d.v[i].new_value,
			    d.v[i].trigger);
	}
	changes_fini(&d);
}

size_t
touchpoint_merge(const struct touchpoint *base, struct touchpoint *mine,
    const struct touchpoint *theirs, const struct catalog *cat,
    struct changes *conflicts)
{
	bool flagged[PART_COUNT] = { false };
	size_t n = 0;

	for (int i = 0; i < PART_COUNT; i++) {
		enum part p = (enum part)i;
		bool they = !part_same(base, theirs, p);
		bool me = !part_same(base, mine, p);

		if (they && !me)
			part_copy(mine, theirs, p);
		else if (they && me && !part_same(mine, theirs, p)) {
			flagged[p] = true;
			n++;
		}
	}
	if (n > 0)
		describe_conflicts(theirs, mine, cat, flagged, conflicts);
	return n;
}

bool
touchpoint_take_part(struct touchpoint *mine, const struct touchpoint *theirs,
    const char *field)
{
	enum part p = part_of_field(field);

	if (p == PART_COUNT)
		return false;
	part_copy(mine, theirs, p);
	return true;
}

void
touchpoint_copy_base(struct touchpoint *dst, const struct touchpoint *src)
{
	for (int p = 0; p < PART_COUNT; p++)
		part_copy(dst, src, (enum part)p);
	dst->id = src->id;
	dst->version = src->version;
}
