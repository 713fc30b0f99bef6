/* order.c - the amending order's draft from the list in the store. */
#include "order.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "printout.h"
#include "store_history.h"
#include "store_setting.h"
#include "store_walk.h"

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
	if (rc == 0)
		rc = order_setting(st, "order.procedure", &o->strings[3], err);
	if (rc == 0) {
		o->style.title_list = printout_order_title(title) == 1;
		o->style.exclude = printout_order_exclude(exclude) == 1;
		o->style.control = o->strings[0];
		o->style.position = o->strings[1];
		o->style.signatory = o->strings[2];
		o->style.procedure = o->strings[3];
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
	list_header_init(&o->old_hdr);
	list_header_init(&o->new_hdr);
	catalog_init(&o->cat);
	strvec_init(&o->a.items);
	/* Both versions from one snapshot: a clerk's save during the walk
	 * must not show up as half a change. */
	if (store_read_begin(st, &began, err) != 0)
		return -1;
	rc = order_revision(st, rev, &o->rev, err) != 0 ||
	    (to != 0 && order_revision(st, to, &o->to, err) != 0) ||
	    order_style(st, o, err) != 0 ||
	    store_list_header(st, o->rev, &o->old_hdr, err) != 0 ||
	    store_list_header(st, o->to, &o->new_hdr, err) != 0 ||
	    store_read_catalog(st, &o->cat, err) != 0 ? -1 : 0;
	if (rc == 0) {
		amend_fini(&o->a);
		rc = store_walk_amend(st, o->rev, o->to, &o->cat, &o->style,
		    &o->a, &o->nchanges, err);
	}
	store_read_end(st, began);
	return rc;
}

void
order_draft_fini(struct order_draft *o)
{
	list_header_fini(&o->old_hdr);
	list_header_fini(&o->new_hdr);
	amend_fini(&o->a);
	catalog_fini(&o->cat);
	for (size_t i = 0; i < sizeof o->strings / sizeof o->strings[0]; i++)
		free(o->strings[i]);
	memset(o, 0, sizeof *o);
}

/*
 * What the preamble names as having approved the Порядок: the setting
 * order.procedure, else the order that approved the list, when it is the
 * first.  A list approved anew since is refused: whether the new order
 * approved a Порядок too, or the old one stands, or some other act, only
 * the clerk knows, and a wrong citation is worse than none.  *by is the
 * caller's.
 */
static int
order_procedure(const struct order_draft *o, const struct printout_orders *po,
    const char *gen, char **by, struct error *err)
{
	char shown[DATE_BUFSZ];
	struct error derr;
	struct date d;

	*by = NULL;
	if (o->style.procedure[0] != '\0') {
		*by = xstrdup(o->style.procedure);
		return 0;
	}
	if (date_parse(po->date, &d, &derr) == 0)
		date_format(d, shown);
	else
		snprintf(shown, sizeof shown, "%s", po->date);
	if (po->reapproved)
		return error_set(err, "перечень утверждён заново приказом от "
		    "%s № %s: каким актом утверждён Порядок ведения перечня, "
		    "на который ссылается преамбула, программа не знает; "
		    "укажите его: perechen settings order.procedure "
		    "\"приказом %s от ДД.ММ.ГГГГ № …\"", shown, po->no, gen);
	*by = xasprintf("приказом %s от %s № %s", gen, shown, po->no);
	return 0;
}

int
order_draft_document(struct store *st, const struct order_draft *o,
    struct document *d, struct printout_source **src, struct error *err)
{
	struct amend_orders orders;
	struct printout_orders po;
	struct doc_table *annex;
	struct doc_page page;
	char *wording = NULL, *gen, *procedure;
	size_t nprinted = 0;
	int rc = 0;

	*src = NULL;
	if (o->a.items.n == 0 && !o->a.restate)
		return error_set(err, "изменений с редакции %lld нет: вносить "
		    "в перечень нечего", (long long)o->rev);
	if (printout_page(st, &page, &wording, err) != 0)
		return -1;
	free(wording);
	gen = document_genitive(&o->old_hdr);
	if (printout_orders(st, o->rev, gen, &po, err) != 0) {
		free(gen);
		return -1;
	}
	if (order_procedure(o, &po, gen, &procedure, err) != 0) {
		printout_orders_fini(&po);
		free(gen);
		return -1;
	}
	orders.genitive = gen;
	orders.date = po.date;
	orders.no = po.no;
	orders.amended = po.amended;
	orders.pending = po.pending;
	orders.procedure = procedure;
	document_init(d);
	d->page = page;
	/* A new edition prints the whole list as its annex, read from the
	 * store as it is written. */
	if (o->a.restate)
		rc = printout_source_open(st, o->to, src, &nprinted, err);
	if (rc == 0) {
		annex = amend_document(d, &o->a, &o->style, o->old_hdr.org,
		    o->old_hdr.title, &orders, nprinted);
		if (annex != NULL)
			printout_source_feed(*src, annex);
	}
	free(gen);
	free(procedure);
	printout_orders_fini(&po);
	return rc;
}

int
order_render(struct store *st, const struct printout *p, struct buf *out,
    struct error *err)
{
	struct printout_source *src = NULL;
	struct order_draft o;
	struct document d;
	struct error walked;
	bool began;
	int rc;

	memset(&d, 0, sizeof d);
	/* The draft and its annex from one snapshot. */
	if (store_read_begin(st, &began, err) != 0)
		return -1;
	rc = order_draft_load(st, p->revision == PRINTOUT_LATEST ? 0 :
	    p->revision, 0, &o, err);
	if (rc == 0)
		rc = order_draft_document(st, &o, &d, &src, err);
	if (rc == 0)
		rc = printout_write_document(p, &d, out, NULL, err);
	/* The annex read as it was written: a failure there spoils it. */
	if (printout_source_end(src, &walked) != 0 && rc == 0) {
		*err = walked;
		rc = -1;
	}
	store_read_end(st, began);
	document_fini(&d);
	order_draft_fini(&o);
	return rc;
}
