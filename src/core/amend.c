/* amend.c - the amending order: sub-items from the net difference, and
 * the order's blocks. */
#include "amend.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"

/* A printed row of one side: a touchpoint under its number there. */
struct amend_row {
	int64_t	 id;
	size_t	 proc;		/* index among the side's printed processes */
	size_t	 k;		/* 1-based place in its process */
	const struct touchpoint *tp;
};

struct amend_proc {
	const struct process *p;
	size_t	 first;		/* its first row in the side's rows */
	size_t	 nrows;
};

/* Processes as the annex prints them: what is numbered and how (a
 * whole list, or the one process of a pair).  The rows are also sorted
 * by id (byid), so that a large list is compared in O(n log n). */
struct amend_side {
	struct amend_proc *procs;
	size_t	 nprocs;
	struct amend_row *rows;
	size_t	 nrows;
	const struct amend_row **byid;
};

static int
row_cmp(const void *a, const void *b)
{
	int64_t x = (*(const struct amend_row *const *)a)->id;
	int64_t y = (*(const struct amend_row *const *)b)->id;

	return (x > y) - (x < y);
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Append p's printed rows as the side's next process; side_index once
 * all are in. */
static void
side_add(struct amend_side *s, const struct process *p)
{
	struct amend_proc *ap;

	s->procs = xreallocarray(s->procs, s->nprocs + 1, sizeof *s->procs);
	s->rows = xreallocarray(s->rows, s->nrows + p->ntps + 1,
	    sizeof *s->rows);
	ap = &s->procs[s->nprocs];
	ap->p = p;
	ap->first = s->nrows;
	ap->nrows = 0;
	for (size_t j = 0; j < p->ntps; j++) {
		if (p->tps[j].excluded)
			continue;
		s->rows[s->nrows].id = p->tps[j].id;
		s->rows[s->nrows].proc = s->nprocs;
		s->rows[s->nrows].k = ++ap->nrows;
		s->rows[s->nrows++].tp = &p->tps[j];
	}
	s->nprocs++;
}

static void
side_index(struct amend_side *s)
{
	s->byid = xreallocarray(NULL, s->nrows + 1, sizeof *s->byid);
	for (size_t i = 0; i < s->nrows; i++)
		s->byid[i] = &s->rows[i];
	qsort(s->byid, s->nrows, sizeof *s->byid, row_cmp);
}

/* The printed processes of l. */
static void
side_build(struct amend_side *s, const struct list *l)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < l->nprocs; i++)
		if (!l->procs[i].excluded)
			side_add(s, &l->procs[i]);
	side_index(s);
}

/* The one printed process p. */
static void
side_of_process(struct amend_side *s, const struct process *p)
{
	memset(s, 0, sizeof *s);
	side_add(s, p);
	side_index(s);
}

static void
side_fini(struct amend_side *s)
{
	free(s->procs);
	free(s->rows);
	free(s->byid);
}

static const struct amend_row *
side_row(const struct amend_side *s, int64_t id)
{
	struct amend_row key = { id, 0, 0, NULL };
	const struct amend_row *kp = &key, *const *hit;

	hit = bsearch(&kp, s->byid, s->nrows, sizeof *s->byid, row_cmp);
	return hit != NULL ? *hit : NULL;
}

/* The index of the printed process with id, or (size_t)-1. */
static size_t
side_proc(const struct amend_side *s, int64_t id)
{
	for (size_t i = 0; i < s->nprocs; i++)
		if (s->procs[i].p->id == id)
			return i;
	return (size_t)-1;
}

/* The touchpoints ch names, sorted, into *ids (caller frees). */
static size_t
changed_ids(const struct changes *ch, int64_t **ids)
{
	size_t n = 0;

	*ids = xreallocarray(NULL, ch->n + 1, sizeof **ids);
	for (size_t i = 0; i < ch->n; i++)
		if (strcmp(ch->v[i].record, "точка") == 0)
			(*ids)[n++] = ch->v[i].record_id;
	qsort(*ids, n, sizeof **ids, id_cmp);
	return n;
}

/* The touchpoints changed, as amend_build looks them up. */
struct amend_changed {
	int64_t	*ids;
	size_t	 n;
};

static bool
changed(const struct amend_changed *c, int64_t id)
{
	return bsearch(&id, c->ids, c->n, sizeof *c->ids, id_cmp) != NULL;
}

/* A cell as the annex prints it: a paragraph a line, several needs each
 * after the list mark.  Caller frees. */
static char *
cell_text(const struct doc_row *r, int c)
{
	const struct doc_cell *cell = &r->cells[c];
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < cell->paras.n; i++)
		buf_printf(&b, "%s%s%s", i > 0 ? "\n" : "",
		    cell->list ? DOC_ITEM_MARK : "", cell->paras.v[i]);
	return buf_detach(&b);
}

static void
row_fill(struct doc_row *r, const struct touchpoint *tp)
{
	memset(r, 0, sizeof *r);
	for (int c = 0; c < DOC_COLUMNS; c++)
		strvec_init(&r->cells[c].paras);
	document_fill_touchpoint(r, DOC_TOUCHPOINT, tp);
}

static void
row_fini(struct doc_row *r)
{
	for (int c = 0; c < DOC_COLUMNS; c++)
		strvec_fini(&r->cells[c].paras);
}

/* A cell on one line, as the guide quotes a row: its paragraphs joined
 * by spaces, several needs by «; ».  Caller frees. */
static char *
cell_inline(const struct doc_row *r, int c)
{
	const struct doc_cell *cell = &r->cells[c];
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < cell->paras.n; i++)
		buf_printf(&b, "%s%s", i == 0 ? "" : cell->list ? "; " : " ",
		    cell->paras.v[i]);
	return buf_detach(&b);
}

/* «2.5 | Телефонная связь +7 (4812) 29-25-10 | получение консультации |
 * Офлайн-точка». */
static void
row_quote(struct buf *b, const char *num, const struct touchpoint *tp)
{
	struct doc_row r;

	row_fill(&r, tp);
	buf_printf(b, "«%s", num);
	for (int c = DOC_TOUCHPOINT; c < DOC_COLUMNS; c++) {
		char *t = cell_inline(&r, c);

		buf_printf(b, " | %s", t);
		free(t);
	}
	buf_puts(b, "»");
	row_fini(&r);
}

/* A new quote of a sub-item: the words before its rows, head, and its
 * columns, AMEND_ROW_COLUMNS or DOC_COLUMNS. */
static void
quote_begin(struct amend_quote *q, const char *head, size_t ncols)
{
	memset(q, 0, sizeof *q);
	q->head = xstrdup(head);
	q->ncols = ncols;
}

/* A row of q, its cells empty. */
static struct doc_cell *
quote_row(struct amend_quote *q)
{
	struct doc_cell *row;

	q->cells = xreallocarray(q->cells, (q->nrows + 1) * q->ncols,
	    sizeof *q->cells);
	row = &q->cells[q->nrows++ * q->ncols];
	memset(row, 0, q->ncols * sizeof *row);
	for (size_t c = 0; c < q->ncols; c++)
		strvec_init(&row[c].paras);
	return row;
}

/* Touchpoint tp into the cells of a row of q from column at on, as the
 * annex prints them. */
static void
quote_touchpoint(struct amend_quote *q, struct doc_cell *row, size_t at,
    const struct touchpoint *tp)
{
	struct doc_row r;

	row_fill(&r, tp);
	for (size_t c = 0; c < 3; c++) {
		row[at + c] = r.cells[DOC_TOUCHPOINT + c];
		strvec_init(&r.cells[DOC_TOUCHPOINT + c].paras);
	}
	row_fini(&r);
	(void)q;
}

/* Row num (its number) quoted as a row of the annex's columns but the
 * process's: «2.5 | … | … | …». */
static void
quote_one_row(struct amend_quote *q, const char *head, const char *num,
    const struct touchpoint *tp)
{
	struct doc_cell *row;

	quote_begin(q, head, AMEND_ROW_COLUMNS);
	row = quote_row(q);
	strvec_push(&row[0].paras, num);
	quote_touchpoint(q, row, 1, tp);
}

static void
quote_fini(struct amend_quote *q)
{
	for (size_t i = 0; i < q->nrows * q->ncols; i++)
		strvec_fini(&q->cells[i].paras);
	free(q->cells);
	free(q->head);
	memset(q, 0, sizeof *q);
}

/* The one printed line of cell c that differs between o and n, when they
 * have as many lines and the old one occurs once: its index, else -1. */
static int
one_line_changed(const struct doc_row *o, const struct doc_row *n, int c)
{
	const struct strvec *a = &o->cells[c].paras, *b = &n->cells[c].paras;
	int at = -1;

	if (a->n != b->n || a->n < 2 || o->cells[c].list != n->cells[c].list)
		return -1;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]) != 0) {
			if (at >= 0)
				return -1;
			at = (int)i;
		}
	for (size_t i = 0; at >= 0 && i < a->n; i++)
		if ((int)i != at && strstr(a->v[i], a->v[at]) != NULL)
			return -1;
	return at;
}

/* The sub-item of one changed cell c of row num: its words replaced (a
 * one-line cell, or the one line of several that changed), added or
 * removed, else the cell restated. */
static void
cell_item(struct buf *b, const char *num, const struct doc_row *o,
    const struct doc_row *n, int c)
{
	const char *title = document_column_titles[c];
	char *ot = cell_text(o, c), *nt = cell_text(n, c);
	int line = one_line_changed(o, n, c);

	if (line >= 0)
		buf_printf(b, "в строке %s в графе «%s» слова «%s» заменить "
		    "словами «%s»", num, title, o->cells[c].paras.v[line],
		    n->cells[c].paras.v[line]);
	else if (ot[0] == '\0' && strchr(nt, '\n') == NULL)
		buf_printf(b, "в строке %s графу «%s» дополнить словами «%s»",
		    num, title, nt);
	else if (nt[0] == '\0')
		buf_printf(b, "в строке %s в графе «%s» слова «%s» исключить",
		    num, title, ot);
	else if (strchr(ot, '\n') == NULL && strchr(nt, '\n') == NULL)
		buf_printf(b, "в строке %s в графе «%s» слова «%s» заменить "
		    "словами «%s»", num, title, ot, nt);
	else
		buf_printf(b, "графу «%s» строки %s изложить в следующей "
		    "редакции:\n«%s»", title, num, nt);
	free(ot);
	free(nt);
}

static const char *
void_words(const struct amend_style *st)
{
	return st->exclude ? "исключить" : "признать утратившей силу";
}

/* Sub-item b's text, and the rows it quotes q (NULL: none). */
static void
add_item(struct amend *a, struct buf *b, struct amend_quote *q)
{
	a->quotes = xreallocarray(a->quotes, a->items.n + 1,
	    sizeof *a->quotes);
	if (q != NULL)
		a->quotes[a->items.n] = *q;
	else
		memset(&a->quotes[a->items.n], 0, sizeof *a->quotes);
	strvec_push_owned(&a->items, buf_detach(b));
}

/* A row in both lists whose printed cells differ: one cell by its
 * words, several by the whole row. */
static void
item_changed_row(struct amend *a, const char *num, const struct touchpoint *o,
    const struct touchpoint *n)
{
	struct amend_quote q;
	struct doc_row ro, rn;
	int diff = 0, last = 0;
	struct buf b;

	row_fill(&ro, o);
	row_fill(&rn, n);
	for (int c = DOC_TOUCHPOINT; c < DOC_COLUMNS; c++) {
		char *ot = cell_text(&ro, c), *nt = cell_text(&rn, c);

		if (strcmp(ot, nt) != 0) {
			diff++;
			last = c;
		}
		free(ot);
		free(nt);
	}
	buf_init(&b);
	if (diff > 1) {
		buf_printf(&b, "строку %s изложить в следующей редакции:", num);
		quote_one_row(&q, b.data, num, n);
		buf_putc(&b, '\n');
		row_quote(&b, num, n);
	} else if (diff == 1) {
		cell_item(&b, num, &ro, &rn, last);
	}
	if (diff > 0) {
		add_item(a, &b, diff > 1 ? &q : NULL);
		a->rows_changed++;
	}
	buf_fini(&b);
	row_fini(&ro);
	row_fini(&rn);
}

static void
item_void(struct amend *a, const struct amend_style *st, const char *num,
    size_t rows)
{
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "строку %s %s", num, void_words(st));
	add_item(a, &b, NULL);
	a->rows_changed += rows > 0 ? rows : 1;
}

static void
item_added_row(struct amend *a, const char *num, const struct touchpoint *tp)
{
	struct amend_quote q;
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "дополнить строкой %s следующего содержания:", num);
	quote_one_row(&q, b.data, num, tp);
	buf_putc(&b, '\n');
	row_quote(&b, num, tp);
	add_item(a, &b, &q);
	a->rows_changed++;
}

static void
item_rename(struct amend *a, size_t num, const char *was, const char *now)
{
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "в строке %zu в графе «%s» слова «%s» заменить словами "
	    "«%s»", num, document_column_titles[DOC_PROCESS], was, now);
	add_item(a, &b, NULL);
	a->rows_changed++;
}

/* A process new to the printed list, with its rows, as row num: quoted
 * as the annex prints it, № and name beside its rows. */
static void
item_added_process(struct amend *a, const struct amend_side *ns, size_t pi,
    size_t num)
{
	const struct amend_proc *ap = &ns->procs[pi];
	struct amend_quote q;
	struct doc_cell *row = NULL;
	struct buf b;
	char *n;

	buf_init(&b);
	buf_printf(&b, "дополнить строкой %zu следующего содержания:", num);
	quote_begin(&q, b.data, DOC_COLUMNS);
	buf_printf(&b, "\n«%zu | %s»", num, ap->p->name);
	for (size_t i = ap->first; i < ap->first + ap->nrows; i++) {
		char *rn;

		rn = xasprintf("%zu.%zu", num, ns->rows[i].k);
		buf_putc(&b, '\n');
		row_quote(&b, rn, ns->rows[i].tp);
		free(rn);
		row = quote_row(&q);
		quote_touchpoint(&q, row, DOC_TOUCHPOINT, ns->rows[i].tp);
	}
	/* № and name on the first row. */
	row = ap->nrows > 0 ? q.cells : quote_row(&q);
	n = xasprintf("%zu", num);
	strvec_push_owned(&row[DOC_NUM].paras, n);
	strvec_push(&row[DOC_PROCESS].paras, ap->p->name);
	add_item(a, &b, &q);
	a->rows_changed += ap->nrows > 0 ? ap->nrows : 1;
}

/* Whether the version (new_side or the old) prints touchpoint id in a
 * process other than the pair's: a row moved. */
static bool
printed_elsewhere(const struct amend_lookup *lk, bool new_side, int64_t id)
{
	return lk->printed(lk->ctx, new_side, id);
}

/* The rows of old process os (printed as number num), which is new
 * process ns (each side the pair's one process): each changed, gone or
 * moved, then the rows added. */
static void
amend_process_rows(struct amend *a, const struct amend_side *os,
    const struct amend_side *ns, size_t num,
    const struct amend_changed *ch, const struct amend_lookup *lk,
    const struct amend_style *st)
{
	size_t last_k = 0, added = 0;

	for (size_t i = 0; i < os->nrows; i++) {
		const struct amend_row *o = &os->rows[i], *n;
		char *rn;

		rn = xasprintf("%zu.%zu", num, o->k);
		n = side_row(ns, o->id);
		if (n == NULL && printed_elsewhere(lk, true, o->id))
			a->moved = true;
		else if (n == NULL)
			item_void(a, st, rn, 1);
		else if (changed(ch, o->id))
			item_changed_row(a, rn, o->tp, n->tp);
		free(rn);
	}
	/* In the new list the rows kept stay in their order and the added
	 * ones come after them: else the rows move. */
	for (size_t i = 0; i < ns->nrows; i++) {
		const struct amend_row *n = &ns->rows[i], *o;

		o = side_row(os, n->id);
		if (o == NULL && printed_elsewhere(lk, false, n->id)) {
			a->moved = true;
		} else if (o != NULL) {
			if (added > 0 || o->k < last_k)
				a->moved = true;
			last_k = o->k;
		} else {
			char *rn = xasprintf("%zu.%zu", num,
			    os->nrows + ++added);

			item_added_row(a, rn, n->tp);
			free(rn);
		}
	}
}

/* The sub-items and the rows they quote, gone. */
static void
items_clear(struct amend *a)
{
	for (size_t i = 0; a->quotes != NULL && i < a->items.n; i++)
		quote_fini(&a->quotes[i]);
	free(a->quotes);
	a->quotes = NULL;
	strvec_fini(&a->items);
	strvec_init(&a->items);
}

/* More than half the rows changed, or rows moved: the list is restated
 * (amending-order.md). */
static bool
restates(const struct amend *a)
{
	return a->moved || a->rows_changed * 2 > a->rows_old;
}

/* Once the list is sure to be restated its sub-items are never
 * printed: let them go, so that memory follows the rows changed only
 * while they may be. */
static void
settle(struct amend *a)
{
	if (restates(a))
		items_clear(a);
}

void
amend_begin(struct amend *a, size_t rows_old, size_t procs_old)
{
	memset(a, 0, sizeof *a);
	strvec_init(&a->items);
	a->rows_old = rows_old;
	a->walk.procs_old = procs_old;
}

/* Old process op, printed as number num, that the new list no longer
 * prints. */
static void
step_gone(struct amend *a, const struct process *op, size_t num,
    const struct amend_style *st)
{
	struct amend_side os;
	char rn[24];

	side_of_process(&os, op);
	snprintf(rn, sizeof rn, "%zu", num);
	item_void(a, st, rn, os.nrows);
	side_fini(&os);
}

/* New process np, printed as number np_num, that the old list did not
 * print: added after the old ones. */
static void
step_added(struct amend *a, const struct process *np, size_t np_num)
{
	struct amend_side ns;

	if (a->walk.any_kept && np_num < a->walk.last_num)
		a->moved = true;
	side_of_process(&ns, np);
	item_added_process(a, &ns, 0, a->walk.procs_old + ++a->walk.added);
	side_fini(&ns);
}

/* A process both lists print: renamed, its rows. */
static void
step_kept(struct amend *a, const struct process *op, size_t op_num,
    const struct process *np, size_t np_num, const struct amend_changed *ch,
    const struct amend_lookup *lk, const struct amend_style *st)
{
	struct amend_side os, ns;

	if (a->walk.any_kept && np_num < a->walk.last_num)
		a->moved = true;
	a->walk.any_kept = true;
	a->walk.last_num = np_num;
	if (strcmp(op->name, np->name) != 0)
		item_rename(a, op_num, op->name, np->name);
	side_of_process(&os, op);
	side_of_process(&ns, np);
	amend_process_rows(a, &os, &ns, op_num, ch, lk, st);
	side_fini(&os);
	side_fini(&ns);
}

void
amend_step(struct amend *a, const struct process *op, size_t op_num,
    const struct process *np, size_t np_num, const struct changes *ch,
    const struct amend_lookup *lk, const struct amend_style *st)
{
	struct amend_changed chg;

	chg.n = changed_ids(ch, &chg.ids);
	if (op != NULL && np == NULL)
		step_gone(a, op, op_num, st);
	else if (op == NULL && np != NULL)
		step_added(a, np, np_num);
	else if (op != NULL)
		step_kept(a, op, op_num, np, np_num, &chg, lk, st);
	free(chg.ids);
	settle(a);
}

void
amend_end(struct amend *a)
{
	a->restate = restates(a);
	settle(a);
}

/* Whole lists in memory: each version's printed rows by id. */
static bool
list_printed(void *ctx, bool new_side, int64_t id)
{
	const struct amend_side *sides = ctx;

	return side_row(&sides[new_side], id) != NULL;
}

void
amend_build(const struct list *old, const struct list *new,
    const struct changes *ch, const struct amend_style *st, struct amend *a)
{
	struct amend_side sides[2];
	struct amend_lookup lk = { list_printed, sides };

	side_build(&sides[0], old);
	side_build(&sides[1], new);
	amend_begin(a, sides[0].nrows, sides[0].nprocs);
	for (size_t opi = 0; opi < sides[0].nprocs; opi++) {
		size_t npi = side_proc(&sides[1], sides[0].procs[opi].p->id);

		amend_step(a, sides[0].procs[opi].p, opi + 1,
		    npi != (size_t)-1 ? sides[1].procs[npi].p : NULL, npi + 1,
		    ch, &lk, st);
	}
	for (size_t npi = 0; npi < sides[1].nprocs; npi++)
		if (side_proc(&sides[0], sides[1].procs[npi].p->id) ==
		    (size_t)-1)
			amend_step(a, NULL, 0, sides[1].procs[npi].p, npi + 1,
			    ch, &lk, st);
	amend_end(a);
	side_fini(&sides[0]);
	side_fini(&sides[1]);
}

void
amend_fini(struct amend *a)
{
	items_clear(a);
	strvec_fini(&a->items);
	memset(a, 0, sizeof *a);
}

/* "19.03.2024" from ISO; "___" if it is not a date. */
static void
date_shown(const char *iso, char out[16])
{
	int y, m, d;

	if (iso == NULL || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		snprintf(out, 16, "___");
	else
		snprintf(out, 16, "%02d.%02d.%04d", d, m, y);
}

char *
amend_as_amended(const char *genitive, const char *const *dates,
    const char *const *nos, size_t n)
{
	struct buf b;

	if (n == 0)
		return xstrdup("");
	buf_init(&b);
	buf_printf(&b, "(в редакции %s %s", n > 1 ? "приказов" : "приказа",
	    genitive);
	for (size_t i = 0; i < n; i++) {
		char shown[16];

		if (dates[i] == NULL) {
			buf_printf(&b, "%s от «___» ____________ 20__ г. "
			    "№ ________", i > 0 ? "," : "");
			continue;
		}
		date_shown(dates[i], shown);
		buf_printf(&b, "%s от %s № %s", i > 0 ? "," : "", shown, nos[i]);
	}
	buf_putc(&b, ')');
	return buf_detach(&b);
}

/* The body's name in capitals, as an order's heading prints it: the
 * Russian alphabet and ASCII; anything else as it is. */
static char *
upper(const char *s)
{
	char *u = xstrdup(s);

	for (unsigned char *p = (unsigned char *)u; *p != '\0'; p++) {
		if (*p >= 'a' && *p <= 'z') {
			*p -= 'a' - 'A';
		} else if (p[0] == 0xD0 && p[1] >= 0xB0 && p[1] <= 0xBF) {
			p[1] -= 0x20;		/* а…п */
			p++;
		} else if (p[0] == 0xD1 && p[1] >= 0x80 && p[1] <= 0x8F) {
			p[0] = 0xD0;		/* р…я */
			p[1] += 0x20;
			p++;
		} else if (p[0] == 0xD1 && p[1] == 0x91) {
			p[0] = 0xD0;		/* ё */
			p[1] = 0x81;
			p++;
		}
	}
	return u;
}

/* «приказом <gen> от 19.03.2024 № 27/01-01[ (в редакции …)]». */
static char *
approved_by(const struct amend_orders *o, const char *form)
{
	char shown[16];

	date_shown(o->date, shown);
	return xasprintf("%s %s от %s № %s%s%s", form, o->genitive, shown,
	    o->no, o->amended[0] != '\0' ? " " : "", o->amended);
}

/* A block of kind k, its text formatted from fmt and ap. */
static void
add_formatted(struct document *d, enum doc_block_kind k, const char *num,
    const char *fmt, va_list ap)
{
	struct buf b;

	buf_init(&b);
	buf_vprintf(&b, fmt, ap);
	document_add_block(d, k, b.data, num);
	buf_fini(&b);
}

static void
para(struct document *d, const char *fmt, ...) PRINTF_LIKE(2, 3);

static void
para(struct document *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_formatted(d, DOC_PARAGRAPH, NULL, fmt, ap);
	va_end(ap);
}

static void
clause(struct document *d, const char *num, const char *fmt, ...)
    PRINTF_LIKE(3, 4);

/* A numbered clause: an item «1.» or a sub-item «1)». */
static void
clause(struct document *d, const char *num, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_formatted(d, DOC_CLAUSE, num, fmt, ap);
	va_end(ap);
}

/* The heading, the title, the preamble. */
static void
order_head(struct document *d, const struct amend_style *st,
    const char *org, const char *title, const struct amend_orders *o)
{
	char *u = upper(org), *by;
	char shown[16];

	document_add_block(d, DOC_HEADING, u, NULL);
	free(u);
	document_add_block(d, DOC_HEADING, "П Р И К А З", NULL);
	document_add_block(d, DOC_SPLIT, "«___» ____________ 20__ г.",
	    "№ ________");
	date_shown(o->date, shown);
	by = approved_by(o, "утвержденный приказом");
	u = st->title_list ? xasprintf("О внесении изменений в Перечень %s, "
	    "%s", title, by) : xasprintf("О внесении изменений в приказ %s от "
	    "%s № %s", o->genitive, shown, o->no);
	document_add_block(d, DOC_HEADING, u, NULL);
	/* The order's title names the document. */
	free(d->title);
	d->title = u;
	free(by);
	para(d, "В соответствии с пунктом 5.3 Порядка ведения перечня %s, "
	    "утвержденного %s,", title, o->procedure);
	para(d, "п р и к а з ы в а ю:");
}

/* The rows sub-item q quotes as a table of the annex's columns (a row:
 * its number, not its process), in quotation marks, the sub-item's final
 * mark after them. */
static void
quote_table(struct document *d, const struct amend_quote *q,
    const char *mark)
{
	static const int row_cols[AMEND_ROW_COLUMNS] = {
		DOC_NUM, DOC_TOUCHPOINT, DOC_NEEDS, DOC_SPECIFICS
	};
	struct doc_column cols[DOC_COLUMNS];
	struct doc_table *t;
	bool process = q->ncols == DOC_COLUMNS;

	memset(cols, 0, sizeof cols);
	for (size_t c = 0; c < q->ncols; c++) {
		int annex = process ? (int)c : row_cols[c];

		cols[c].title = document_column_titles[annex];
		cols[c].weight = document_column_weights[annex];
		cols[c].fit = cols[c].centred = annex == DOC_NUM;
		cols[c].span = process && annex <= DOC_PROCESS;
		cols[c].group_head = process && annex == DOC_PROCESS;
	}
	t = document_add_table(d, cols, q->ncols);
	t->measured = true;
	free(t->before);
	t->before = xstrdup("«");
	free(t->after);
	t->after = xasprintf("»%s", mark);
	for (size_t i = 0; i < q->nrows; i++) {
		struct doc_row *r = doc_table_add_row(t, i == 0);

		const struct doc_cell *from = &q->cells[i * q->ncols];

		for (size_t c = 0; c < q->ncols; c++) {
			for (size_t k = 0; k < from[c].paras.n; k++)
				strvec_push(&r->cells[c].paras,
				    from[c].paras.v[k]);
			r->cells[c].list = from[c].list;
		}
	}
}

/* Item 1: the sub-items «1)», «2)», …, the last ending with «.»; one
 * that quotes rows has them in a table after its words. */
static void
order_items(struct document *d, const struct amend *a, const char *title,
    const struct amend_orders *o)
{
	char *by = approved_by(o, "утвержденный приказом");

	if (a->restate) {
		clause(d, "1.", "Перечень %s, %s, изложить в новой редакции "
		    "согласно приложению к настоящему приказу.", title, by);
		free(by);
		return;
	}
	clause(d, "1.", "Внести в Перечень %s, %s (далее — Перечень), "
	    "следующие изменения:", title, by);
	free(by);
	for (size_t i = 0; i < a->items.n; i++) {
		const struct amend_quote *q = &a->quotes[i];
		const char *mark = i + 1 < a->items.n ? ";" : ".";
		char num[24];

		snprintf(num, sizeof num, "%zu)", i + 1);
		if (q->nrows == 0) {
			clause(d, num, "%s%s", a->items.v[i], mark);
			continue;
		}
		clause(d, num, "%s", q->head);
		quote_table(d, q, mark);
	}
}

/* The annex grif of a new edition: the amending order's number and date
 * are blanks until it is signed; orders that amended the list before
 * it are named first. */
static char *
annex_grif(const struct amend_orders *o)
{
	char shown[16];

	date_shown(o->date, shown);
	if (o->amended[0] != '\0')
		return xasprintf("Приложение\nк приказу %s\nот «___» "
		    "____________ 20__ г. № ________\n\nУТВЕРЖДЕН\nприказом "
		    "%s\nот %s № %s\n%s", o->genitive, o->genitive, shown,
		    o->no, o->pending);
	return xasprintf("Приложение\nк приказу %s\nот «___» ____________ "
	    "20__ г. № ________\n\nУТВЕРЖДЕН\nприказом %s\nот %s № %s\n"
	    "(в редакции приказа %s\nот «___» ____________ 20__ г. "
	    "№ ________)", o->genitive, o->genitive, shown, o->no,
	    o->genitive);
}

struct doc_table *
amend_document(struct document *d, const struct amend *a,
    const struct amend_style *st, const char *org, const char *list_title,
    const struct amend_orders *o, size_t nprocs)
{
	const char *title = list_title[0] != '\0' ? list_title :
	    "точек взаимодействия с клиентом";
	struct doc_table *annex;
	char *grif;

	order_head(d, st, org, title, o);
	order_items(d, a, title, o);
	clause(d, "2.", "Разместить настоящий приказ на официальном сайте %s "
	    "в информационно-телекоммуникационной сети «Интернет» в течение "
	    "10 рабочих дней со дня его подписания.", o->genitive);
	if (st->control[0] != '\0')
		clause(d, "3.", "Контроль за исполнением настоящего приказа "
		    "возложить на %s.", st->control);
	else
		clause(d, "3.", "Контроль за исполнением настоящего приказа "
		    "оставляю за собой.");
	document_add_block(d, DOC_SPLIT, st->position[0] != '\0' ?
	    st->position : "____________________", st->signatory[0] != '\0' ?
	    st->signatory : "____________________");
	if (!a->restate)
		return NULL;
	/* The new edition: the annex on a page of its own. */
	document_add_block(d, DOC_PAGE_BREAK, NULL, NULL);
	grif = annex_grif(o);
	annex = document_annex(d, list_title, grif, NULL, nprocs);
	free(grif);
	return annex;
}
