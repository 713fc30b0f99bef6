/*
 * marks.c - which rows of the page differ from the latest approved
 * revision (store_changed.h): asked row by row for the page shown only,
 * and asked again when the change log moves on (an approval moves it
 * too).
 */
#include "ui_int.h"

#include <stdlib.h>

#include "store_changed.h"

void
table_marks_fini(struct table_marks *m)
{
	free(m->v);
	m->v = NULL;
	m->n = m->cap = 0;
}

/* The mark of the row, or NULL if it was not asked about yet. */
static const struct table_mark *
table_marks_find(const struct table_marks *m, const struct view_row *row)
{
	bool process = row->type == VIEW_ROW_PROCESS;
	int64_t id = process ? row->key.proc_id : row->key.tp_id;

	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].id == id && m->v[i].process == process)
			return &m->v[i];
	return NULL;
}

bool
table_marked(const struct table *t, const struct view_row *row)
{
	const struct table_mark *mk = table_marks_find(&t->marks, row);

	return mk != NULL && mk->changed;
}

/* Ask about one row and remember the answer. */
static int
table_marks_ask(struct table *t, const struct view_row *row,
    struct error *err)
{
	struct table_marks *m = &t->marks;
	bool process = row->type == VIEW_ROW_PROCESS, changed;
	int64_t id = process ? row->key.proc_id : row->key.tp_id;
	int rc;

	rc = process ? store_changed_process(t->st, m->rev, id, &changed,
	    err) : store_changed_touchpoint(t->st, m->rev, id, &changed, err);
	if (rc != 0)
		return -1;
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 32;
		m->v = xreallocarray(m->v, m->cap, sizeof *m->v);
	}
	m->v[m->n++] = (struct table_mark){ id, process, changed };
	return 0;
}

int
table_marks_refresh(struct table *t, bool log_moved, struct error *err)
{
	struct table_marks *m = &t->marks;

	if (t->st == NULL)
		return 0;
	if (log_moved || !m->read) {
		m->n = 0;
		if (store_changed_revision(t->st, &m->rev, err) != 0)
			return -1;
		m->read = true;
	}
	for (size_t i = 0; i < t->n; i++)
		if (table_marks_find(m, &t->rows[i]) == NULL &&
		    table_marks_ask(t, &t->rows[i], err) != 0)
			return -1;
	return 0;
}
