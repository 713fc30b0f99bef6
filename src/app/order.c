/* order.c - the amending order's draft from the list in the store. */
#include "order.h"

#include <stdlib.h>
#include <string.h>

#include "printout.h"
#include "store_history.h"
#include "store_setting.h"

/* The order.* setting key, or its default, into *value (caller frees). */
static int
order_setting(struct store *st, const char *key, char **value,
    struct error *err)
{
	const struct printout_setting *s = printout_setting_find(key);
	bool found;

	if (store_setting_get(st, key, value, &found, err) != 0)
		return -1;
	if (!found)
		*value = xstrdup(s != NULL ? s->shown_default : "");
	return 0;
}

static int
order_style(struct store *st, struct order_draft *o, struct error *err)
{
	char *title = NULL, *exclude = NULL;
	int rc;

	rc = order_setting(st, "order.title", &title, err);
	if (rc == 0)
		rc = order_setting(st, "order.exclude", &exclude, err);
	if (rc == 0)
		rc = order_setting(st, "order.control", &o->strings[0], err);
	if (rc == 0)
		rc = order_setting(st, "order.position", &o->strings[1], err);
	if (rc == 0)
		rc = order_setting(st, "order.signatory", &o->strings[2], err);
	if (rc == 0) {
		o->style.title_list = printout_order_title(title) == 1;
		o->style.exclude = printout_order_exclude(exclude) == 1;
		o->style.control = o->strings[0];
		o->style.position = o->strings[1];
		o->style.signatory = o->strings[2];
	}
	free(title);
	free(exclude);
	return rc;
}

/* The number of revision want (0: the latest), or err naming those
 * there are. */
static int
order_revision(struct store *st, int64_t want, int64_t *id,
    struct error *err)
{
	struct revisions all;
	int rc = -1;

	memset(&all, 0, sizeof all);
	if (store_revisions_list(st, &all, err) != 0)
		return -1;
	for (size_t i = 0; i < all.n; i++)
		if (want == 0 ? i + 1 == all.n : all.v[i].id == want) {
			*id = all.v[i].id;
			rc = 0;
		}
	if (rc != 0 && all.n == 0)
		error_set(err, "перечень ещё не утверждён: изменять нечего "
		    "(perechen approve, п. 5.1)");
	else if (rc != 0)
		error_set(err, "редакции %lld нет: утверждены редакции с 1 "
		    "по %lld", (long long)want, (long long)all.v[all.n - 1].id);
	revisions_fini(&all);
	return rc;
}

int
order_draft_load(struct store *st, int64_t rev, int64_t to,
    struct order_draft *o, struct error *err)
{
	bool began;
	int rc;

	memset(o, 0, sizeof *o);
	list_init(&o->old);
	list_init(&o->new);
	changes_init(&o->ch);
	catalog_init(&o->cat);
	strvec_init(&o->a.items);
	/* Both versions from one snapshot: a clerk's save between the two
	 * loads must not show up as half a change. */
	if (store_read_begin(st, &began, err) != 0)
		return -1;
	rc = order_revision(st, rev, &o->rev, err) != 0 ||
	    (to != 0 && order_revision(st, to, &o->to, err) != 0) ||
	    order_style(st, o, err) != 0 ||
	    store_revision_load_list(st, o->rev, &o->old, err) != 0 ||
	    (o->to == 0 ? store_load_list(st, &o->new, err) :
	    store_revision_load_list(st, o->to, &o->new, err)) != 0 ||
	    store_read_catalog(st, &o->cat, err) != 0 ? -1 : 0;
	store_read_end(st, began);
	if (rc != 0)
		return -1;
	change_diff_lists(&o->old, &o->new, &o->cat, &o->ch);
	amend_fini(&o->a);
	amend_build(&o->old, &o->new, &o->ch, &o->style, &o->a);
	return 0;
}

void
order_draft_fini(struct order_draft *o)
{
	list_fini(&o->old);
	list_fini(&o->new);
	changes_fini(&o->ch);
	amend_fini(&o->a);
	catalog_fini(&o->cat);
	for (size_t i = 0; i < sizeof o->strings / sizeof o->strings[0]; i++)
		free(o->strings[i]);
	memset(o, 0, sizeof *o);
}

int
order_draft_document(struct store *st, const struct order_draft *o,
    struct document *d, struct error *err)
{
	struct amend_orders orders;
	struct doc_table *annex;
	struct doc_page page;
	char *wording = NULL, *gen, *date = NULL, *no = NULL, *amended = NULL;

	if (o->a.items.n == 0 && !o->a.restate)
		return error_set(err, "изменений с редакции %lld нет: вносить "
		    "в перечень нечего", (long long)o->rev);
	if (printout_page(st, &page, &wording, err) != 0)
		return -1;
	free(wording);
	gen = document_genitive(&o->old.hdr);
	if (printout_orders(st, o->rev, gen, &date, &no, &amended, err) != 0) {
		free(gen);
		return -1;
	}
	orders.genitive = gen;
	orders.date = date;
	orders.no = no;
	orders.amended = amended;
	document_init(d);
	d->page = page;
	annex = amend_document(d, &o->a, &o->style, o->old.hdr.org,
	    o->old.hdr.title, &orders, 0);
	/* A new edition prints the whole list as its annex. */
	for (size_t k = 0, i = 0; annex != NULL && k < o->new.nprocs; k++)
		if (document_process_rows(annex, &o->new.procs[k], i))
			i++;
	free(gen);
	free(date);
	free(no);
	free(amended);
	return 0;
}

int
order_render(struct store *st, const struct printout *p, struct buf *out,
    struct error *err)
{
	struct order_draft o;
	struct document d;
	int rc;

	memset(&d, 0, sizeof d);
	rc = order_draft_load(st, p->revision == PRINTOUT_LATEST ? 0 :
	    p->revision, 0, &o, err);
	if (rc == 0)
		rc = order_draft_document(st, &o, &d, err);
	if (rc == 0)
		rc = printout_write_document(p, &d, out, NULL, err);
	document_fini(&d);
	order_draft_fini(&o);
	return rc;
}
