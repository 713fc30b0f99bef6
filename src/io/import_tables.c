/*
 * import_tables.c - which of a file's tables is the list: the rows of any
 * source looked through once for header rows, the rows under them and the
 * lines of text between (the approving order's, import_order.c).
 */
#include "import_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

/* A table of the text: its header row and the rows under it. */
struct text_table {
	size_t	 pre;		/* first record after the table before */
	size_t	 end;		/* one past its rows; SIZE_MAX: the end */
	char	 where[IMPORT_WHERE_SZ];	/* the header's place */
	size_t	 rows;		/* rows under the header */
	size_t	 real;		/* of them, naming a touchpoint */
	char	*first;		/* «1», «Информирование», … of the first */
};

struct table_scan {
	struct text_table *v;
	size_t	 n;
	struct strvec header;	/* the last table's header row */
	int	 tp_col;	/* its touchpoint column */
	int	 open;		/* no text line since its rows */
	size_t	 last_row;	/* record of its last row */
};

static void
table_scan_fini(struct table_scan *ts)
{
	for (size_t i = 0; i < ts->n; i++)
		free(ts->v[i].first);
	free(ts->v);
	strvec_fini(&ts->header);
}

/* The Порядок's template names its cells «[точка 1]»: no touchpoint. */
static int
real_cell(const char *s)
{
	s += strspn(s, " \t\r\n");
	return s[0] != '\0' && s[0] != '[';
}

static int
same_cells(const struct strvec *a, const struct strvec *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]) != 0)
			return 0;
	return 1;
}

static void
table_start(struct table_scan *ts, const struct import_row *row, size_t k,
    int tp_col)
{
	struct text_table *t;

	if (ts->n > 0)
		ts->v[ts->n - 1].end = ts->last_row + 1;
	ts->v = xreallocarray(ts->v, ts->n + 1, sizeof *ts->v);
	t = &ts->v[ts->n];
	memset(t, 0, sizeof *t);
	t->pre = ts->n > 0 ? ts->v[ts->n - 1].end : 0;
	t->end = SIZE_MAX;
	import_row_where(row, t->where, sizeof t->where);
	ts->n++;
	strvec_fini(&ts->header);
	for (size_t i = 0; i < row->cells.n; i++)
		strvec_push(&ts->header, row->cells.v[i]);
	ts->tp_col = tp_col;
	ts->open = 1;
	ts->last_row = k;
}

/* «1», «Информирование», «официальный сайт…» */
static char *
first_cells(const struct import_row *row)
{
	struct buf b;
	size_t shown = 0;

	buf_init(&b);
	for (size_t i = 0; i < row->cells.n && shown < 3; i++) {
		if (!real_cell(row->cells.v[i]))
			continue;
		buf_puts(&b, shown++ > 0 ? ", «" : "«");
		utf8_fit(row->cells.v[i], 30, &b);
		buf_puts(&b, "»");
	}
	return buf_detach(&b);
}

static void
table_row(struct table_scan *ts, const struct import_row *row, size_t k)
{
	struct text_table *t = &ts->v[ts->n - 1];
	int tp = ts->tp_col;

	t->rows++;
	ts->last_row = k;
	if (tp >= 0 && (size_t)tp < row->cells.n && real_cell(row->cells.v[tp])) {
		if (t->real++ == 0)
			t->first = first_cells(row);
	}
}

/* A line of text: the order's, or the title over a table. */
static void
text_line(struct table_scan *ts, struct order_scan *os,
    const struct import_row *row, size_t k)
{
	for (size_t i = 0; i < row->cells.n; i++)
		if (real_cell(row->cells.v[i]) || row->cells.v[i][0] == '[') {
			order_scan_line(os, row->cells.v[i], row->line, k);
			break;
		}
	ts->open = 0;
}

/* One pass over the rows: the tables and the order's lines. */
static int
scan_rows(struct import_source *src, struct table_scan *ts,
    struct order_scan *os, struct error *err)
{
	struct import_row row;
	size_t k = 0;
	int rc, tp;

	import_row_init(&row);
	for (; (rc = src->next(src->state, &row, err)) == 1; k++) {
		size_t nb = import_nonblank_cells(&row);

		if (nb == 0)
			continue;
		if (ts->n > 0 && ts->open && same_cells(&row.cells, &ts->header))
			ts->last_row = k;
		else if (nb >= 2 && !(ts->n > 0 && ts->open) &&
		    import_header_row(&row, &tp))
			table_start(ts, &row, k, tp);
		else if (ts->n > 0 && ts->open && row.cells.n >= 2)
			table_row(ts, &row, k);
		else if (nb == 1)
			text_line(ts, os, &row, k);
	}
	import_row_fini(&row);
	return rc;
}

/* Which table is the list: one with real rows, or the one asked for. */
static int
choose_table(const struct table_scan *ts, const struct import_opts *o,
    size_t *chosen, struct error *err)
{
	struct buf list;
	size_t qualified = 0;

	*chosen = SIZE_MAX;
	if (o->table > 0) {
		if (o->table > ts->n)
			return error_set(err, "--table %zu: таблиц с заголовком "
			    "перечня в файле %zu", o->table, ts->n);
		*chosen = o->table - 1;
		return 0;
	}
	for (size_t i = 0; i < ts->n; i++)
		if (ts->v[i].real > 0 && qualified++ == 0)
			*chosen = i;
	if (qualified <= 1)
		return 0;
	buf_init(&list);
	for (size_t i = 0; i < ts->n; i++)
		if (ts->v[i].real > 0)
			buf_printf(&list, "\n  таблица %zu (%s): %s — строк %zu",
			    i + 1, ts->v[i].where, ts->v[i].first,
			    ts->v[i].rows);
	error_set(err, "в файле несколько таблиц с заголовком перечня; "
	    "укажите нужную: --table N%s", list.data);
	buf_fini(&list);
	return -1;
}

int
import_find_list(struct import_source *src, const struct import_opts *o,
    struct list *out, struct import_report *rep, size_t range[2],
    struct error *err)
{
	struct table_scan ts = { 0 };
	struct order_scan os;
	size_t chosen;
	int rc;

	range[0] = 0;
	range[1] = SIZE_MAX;
	strvec_init(&ts.header);
	order_scan_init(&os);
	rc = scan_rows(src, &ts, &os, err);
	if (rc == 0)
		rc = choose_table(&ts, o, &chosen, err);
	if (rc == 0 && chosen != SIZE_MAX) {
		if (ts.n > 1) {
			range[0] = ts.v[chosen].pre;
			range[1] = ts.v[chosen].end;
			strvec_push_owned(&rep->notes, xasprintf("%s: взята "
			    "таблица %zu из %zu (строк %zu)",
			    ts.v[chosen].where, chosen + 1, ts.n,
			    ts.v[chosen].rows));
		}
		order_scan_apply(&os, range[0], &out->hdr, rep);
	}
	order_scan_fini(&os);
	table_scan_fini(&ts);
	return rc;
}

