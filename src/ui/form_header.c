/* form_header.c - the list's header: the body (and how the grif names
 * it), the title, the area. */
#include "form.h"

#include <stdlib.h>
#include <string.h>

#include "declension.h"
#include "utf8.h"

enum {
	HF_ROW_ORG = 1,
	HF_ROW_GENITIVE,
	HF_ROW_TITLE,
	HF_ROW_AREA,
	HF_ROW_ORDER
};

struct hform {
	struct edit	*e;
	struct list_header orig;
	struct list_header h;
	/* The genitive is the declension of the name, retyped with it,
	 * until the clerk types a genitive of their own. */
	bool	 genitive_follows;
};

/* The three fields of the header, and the order it was approved by. */
static void
hform_build(struct form *f)
{
	struct hform *hf = f->rec;
	struct form_row *r;
	char *order;

	r = form_add_row(f, ROW_WRAP, HF_ROW_ORG, FORM_NO_ITEM, "Орган (ОИВ):",
	    hf->h.org);
	model_set(&r->hint, "например: Министерство промышленности и "
	    "торговли Смоленской области");
	r->field = FIELD_ORG;
	r = form_add_row(f, ROW_WRAP, HF_ROW_GENITIVE, FORM_NO_ITEM,
	    "В грифе «приказом …»:", hf->h.org_genitive);
	model_set(&r->hint, "орган в родительном падеже: Министерства …; "
	    "подставляется по названию — проверьте");
	r->field = FIELD_ORG_GENITIVE;
	r = form_add_row(f, ROW_WRAP, HF_ROW_TITLE, FORM_NO_ITEM,
	    "Заглавие («Перечень …»):", hf->h.title);
	model_set(&r->hint, "точек взаимодействия с клиентом по вопросам …");
	r->field = FIELD_TITLE;
	r = form_add_row(f, ROW_WRAP, HF_ROW_AREA, FORM_NO_ITEM,
	    "Направление:", hf->h.area);
	model_set(&r->hint, "направление деятельности (вид контроля)");
	if (hf->h.order_no[0] != '\0' || hf->h.order_date[0] != '\0') {
		order = xasprintf("№ %s от %s (меняется утверждением, A)",
		    hf->h.order_no, hf->h.order_date);
		form_add_row(f, ROW_INFO, HF_ROW_ORDER, FORM_NO_ITEM,
		    "Приказ:", order);
		free(order);
	}
}

/* A field of the header as typed. */
static void
hform_set_text(struct form *f, const struct form_row *r, const char *text)
{
	struct hform *hf = f->rec;

	switch (r->id) {
	case HF_ROW_ORG:
		model_set(&hf->h.org, text);
		if (hf->genitive_follows) {
			free(hf->h.org_genitive);
			hf->h.org_genitive = declension_genitive(text);
		}
		break;
	case HF_ROW_GENITIVE:
		model_set(&hf->h.org_genitive, text);
		/* Emptied, it is the declension's again. */
		hf->genitive_follows = text[0] == '\0';
		break;
	case HF_ROW_TITLE:
		model_set(&hf->h.title, text);
		break;
	case HF_ROW_AREA:
		model_set(&hf->h.area, text);
		break;
	}
}

/* R0: the body, its genitive and the title, under their rows. */
static void
hform_check(struct form *f, bool full, struct findings *out)
{
	struct hform *hf = f->rec;

	(void)full;
	validate_header(&hf->h, out);
}

/* Two headers have the same words. */
static bool
hform_same(const struct list_header *a, const struct list_header *b)
{
	return strcmp(a->org, b->org) == 0 && strcmp(a->title, b->title) == 0 &&
	    strcmp(a->area, b->area) == 0 &&
	    strcmp(a->org_genitive, b->org_genitive) == 0;
}

/* True if any of the fields changed. */
static bool
hform_dirty(struct form *f)
{
	struct hform *hf = f->rec;

	return !hform_same(&hf->orig, &hf->h);
}

/* Copy the header src into dst (initialised). */
static void
hform_copy(struct list_header *dst, const struct list_header *src)
{
	model_set(&dst->org, src->org);
	model_set(&dst->org_genitive, src->org_genitive);
	model_set(&dst->title, src->title);
	model_set(&dst->area, src->area);
	model_set(&dst->order_no, src->order_no);
	model_set(&dst->order_date, src->order_date);
}

/* Save the header (one transaction, logged) and show it in the table's
 * title line. */
static int
hform_save(struct form *f, struct error *err)
{
	struct hform *hf = f->rec;
	struct undo_entry u;
	struct actor who;
	char **fields[] = { &hf->h.org, &hf->h.org_genitive, &hf->h.title,
	    &hf->h.area };

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		char *sq = utf8_squeeze(*fields[i]);

		free(*fields[i]);
		*fields[i] = sq;
	}
	if (edit_actor(hf->e, &who, err) != 0 ||
	    store_header_save(hf->e->st, &hf->h, &who, err) != 0)
		return -1;
	hform_copy(hf->e->hdr, &hf->h);
	undo_entry_init(&u, UNDO_HEADER);
	hform_copy(&u.hbefore, &hf->orig);
	hform_copy(&u.hafter, &hf->h);
	undo_push(&hf->e->undo, &u);
	snprintf(f->done_msg, sizeof f->done_msg, "Заголовок перечня "
	    "сохранён");
	return 0;
}

/* A stored genitive that is the declension of the name (or none) was
 * never the clerk's own: it follows the name as it is retyped. */
static void
hform_follow_init(struct hform *hf)
{
	char *gen = declension_genitive(hf->orig.org);

	hf->genitive_follows = hf->orig.org_genitive[0] == '\0' ||
	    strcmp(gen, hf->orig.org_genitive) == 0;
	free(gen);
}

static const struct form_ops hform_ops = {
	.build = hform_build,
	.set_text = hform_set_text,
	.check = hform_check,
	.dirty = hform_dirty,
	.save = hform_save,
};

enum dialog_result
form_header(struct edit *e)
{
	struct hform hf;
	struct form f;
	struct error err;
	enum dialog_result res;

	hf.e = e;
	list_header_init(&hf.orig);
	list_header_init(&hf.h);
	if (store_get_header(e->st, &hf.orig, &err) != 0) {
		edit_say(e, true, "%s", err.msg);
		list_header_fini(&hf.orig);
		list_header_fini(&hf.h);
		return DIALOG_CANCEL;
	}
	hform_copy(&hf.h, &hf.orig);
	hform_follow_init(&hf);
	form_init(&f, &hform_ops, &hf, e, "Заголовок перечня");
	form_refresh(&f);
	res = form_run(&f);
	if (res == DIALOG_OK)
		edit_say(e, false, "%s", f.done_msg);
	form_fini(&f);
	list_header_fini(&hf.orig);
	list_header_fini(&hf.h);
	return res;
}
