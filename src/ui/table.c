/* table.c - the rows on screen, paged from store_view, and the cursor. */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_count.h"
#include "store_history.h"
#include "utf8.h"

void
table_init(struct table *t, struct store_view *v)
{
	memset(t, 0, sizeof *t);
	t->v = v;
	fold_init(&t->fold);
}

/* Forget the page (the fold set stays). */
static void
table_drop_rows(struct table *t)
{
	store_view_rows_free(t->rows, t->n);
	free(t->rows);
	t->rows = NULL;
	t->n = t->cur = 0;
}

void
table_fini(struct table *t)
{
	table_drop_rows(t);
	fold_fini(&t->fold);
	free(t->counts);
	table_marks_fini(&t->marks);
}

/* The touchpoints in the list of process proc_id, or -1 if not read. */
static int64_t
table_count_find(const struct table *t, int64_t proc_id)
{
	for (size_t i = 0; i < t->ncounts; i++)
		if (t->counts[i].proc_id == proc_id)
			return t->counts[i].active;
	return -1;
}

int
table_counts_refresh(struct table *t, struct error *err)
{
	int64_t last, n;

	if (t->st == NULL)
		return 0;
	if (store_log_last_id(t->st, &last, err) != 0 ||
	    table_marks_refresh(t, last != t->counts_log, err) != 0)
		return -1;
	if (last != t->counts_log)
		t->ncounts = 0;
	t->counts_log = last;
	for (size_t i = 0; i < t->n; i++) {
		const struct view_row *r = &t->rows[i];

		if (r->type != VIEW_ROW_PROCESS ||
		    table_count_find(t, r->key.proc_id) >= 0)
			continue;
		if (store_count_process_active(t->st, r->key.proc_id, &n,
		    err) != 0)
			return -1;
		if (t->ncounts == t->capcounts) {
			t->capcounts = t->capcounts ? t->capcounts * 2 : 16;
			t->counts = xreallocarray(t->counts, t->capcounts,
			    sizeof *t->counts);
		}
		t->counts[t->ncounts++] = (struct table_count){
			r->key.proc_id, n };
	}
	return 0;
}

const struct view_row *
table_current(const struct table *t)
{
	return t->n > 0 ? &t->rows[t->cur] : NULL;
}

/* The fold set as store_view asks for it. */
static struct view_fold
table_view_fold(struct table *t)
{
	struct view_fold vf = { fold_is, &t->fold };

	return vf;
}

/* Prepend the rows before rows[0] to fill the page (*added of them), as
 * at the end of the list, where fewer than a page follow the cursor. */
static int
table_fill_from_above(struct table *t, struct view_row *rows, size_t *n,
    size_t *added, struct error *err)
{
	size_t h = (size_t)t->height, want = h - *n;
	struct view_fold vf = table_view_fold(t);
	struct view_row *top = xcalloc(want, sizeof *top);

	*added = 0;
	if (store_view_rows_before(t->v, &rows[0].key, want, &vf, top, added,
	    err) != 0) {
		free(top);
		return -1;
	}
	memmove(rows + *added, rows, *n * sizeof *rows);
	memcpy(rows, top, *added * sizeof *rows);
	*n += *added;
	free(top);
	return 0;
}

/*
 * Show the row at key (the first row if key is NULL; the next one if it is
 * gone) on screen line idx, with the rows around it: at most two short
 * keyset reads, however long the list.
 */
static int
table_place(struct table *t, const struct view_key *key, size_t idx,
    struct error *err)
{
	size_t h = (size_t)t->height, nb = 0, na = 0, added = 0, n, cur;
	struct view_fold vf = table_view_fold(t);
	struct view_row *rows = xcalloc(h, sizeof *rows);

	if (idx >= h)
		idx = h - 1;
	if (key != NULL && idx > 0 && store_view_rows_before(t->v, key, idx,
	    &vf, rows, &nb, err) != 0)
		goto fail;
	if (store_view_rows_from(t->v, key, h - nb, &vf, rows + nb, &na,
	    err) != 0)
		goto fail;
	if (na == 0) {
		/* Past the end: the last page, cursor on the last row. */
		store_view_rows_free(rows, nb);
		if (store_view_rows_before(t->v, NULL, h, &vf, rows, &n,
		    err) != 0)
			goto fail;
		cur = n > 0 ? n - 1 : 0;
	} else {
		n = nb + na;
		cur = nb;
		if (n < h && n > 0) {
			if (table_fill_from_above(t, rows, &n, &added, err) != 0)
				goto fail_rows;
			cur += added;
		}
	}
	table_drop_rows(t);
	t->rows = rows;
	t->n = n;
	t->cur = cur;
	return 0;
fail_rows:
	store_view_rows_free(rows, nb + na);
fail:
	free(rows);
	return -1;
}

int
table_resize(struct table *t, int height, struct error *err)
{
	struct view_key key;
	bool have = t->n > 0;
	size_t idx = t->cur;

	if (have)
		key = t->rows[t->cur].key;
	t->height = height < 1 ? 1 : height;
	if (store_view_process_count(t->v, &t->nprocs, err) != 0)
		return -1;
	return table_place(t, have ? &key : NULL, idx, err);
}

/* Scroll by one row past the top or bottom edge of the page. */
static int
table_scroll_one(struct table *t, int dir, struct error *err)
{
	struct view_fold vf = table_view_fold(t);
	struct view_row r;
	size_t got;

	if (dir > 0) {
		if (store_view_rows_after(t->v, &t->rows[t->n - 1].key, 1, &vf,
		    &r, &got, err) != 0)
			return -1;
		if (got == 0)
			return 0;
		if (t->n == (size_t)t->height) {
			store_view_rows_free(t->rows, 1);
			memmove(t->rows, t->rows + 1, (t->n - 1) * sizeof r);
			t->n--;
		}
		t->rows[t->n++] = r;
		t->cur = t->n - 1;
		return 0;
	}
	if (store_view_rows_before(t->v, &t->rows[0].key, 1, &vf, &r, &got,
	    err) != 0)
		return -1;
	if (got == 0)
		return 0;
	if (t->n == (size_t)t->height) {
		store_view_rows_free(t->rows + t->n - 1, 1);
		t->n--;
	}
	memmove(t->rows + 1, t->rows, t->n * sizeof r);
	t->rows[0] = r;
	t->n++;
	t->cur = 0;
	return 0;
}

int
table_move(struct table *t, int delta, struct error *err)
{
	if (t->n == 0)
		return 0;
	if (delta > 0 && t->cur + 1 < t->n) {
		t->cur++;
		return 0;
	}
	if (delta < 0 && t->cur > 0) {
		t->cur--;
		return 0;
	}
	return table_scroll_one(t, delta, err);
}

int
table_page(struct table *t, int dir, struct error *err)
{
	size_t h = (size_t)t->height, got;
	struct view_fold vf = table_view_fold(t);
	struct view_row *rows;
	struct view_key target;
	int rc;

	if (t->n == 0)
		return 0;
	rows = xcalloc(h, sizeof *rows);
	if (dir > 0)
		rc = store_view_rows_after(t->v, &t->rows[t->cur].key, h, &vf,
		    rows, &got, err);
	else
		rc = store_view_rows_before(t->v, &t->rows[t->cur].key, h, &vf,
		    rows, &got, err);
	if (rc != 0) {
		free(rows);
		return -1;
	}
	if (got == 0) {
		free(rows);
		t->cur = dir > 0 ? t->n - 1 : 0;
		return 0;
	}
	target = dir > 0 ? rows[got - 1].key : rows[0].key;
	store_view_rows_free(rows, got);
	free(rows);
	return table_place(t, &target, t->cur, err);
}

int
table_home(struct table *t, struct error *err)
{
	return table_place(t, NULL, 0, err);
}

int
table_end(struct table *t, struct error *err)
{
	struct view_fold vf = table_view_fold(t);
	struct view_row last;
	struct view_key key;
	size_t got;

	if (store_view_rows_before(t->v, NULL, 1, &vf, &last, &got, err) != 0)
		return -1;
	if (got == 0)
		return 0;
	key = last.key;
	store_view_rows_free(&last, 1);
	return table_place(t, &key, (size_t)t->height - 1, err);
}

/* The screen line of the row at key, or -1. */
static int
table_index_of(const struct table *t, const struct view_key *key)
{
	for (size_t i = 0; i < t->n; i++)
		if (store_view_key_cmp(&t->rows[i].key, key) == 0)
			return (int)i;
	return -1;
}

int
table_goto(struct table *t, const struct view_key *key, struct error *err)
{
	struct view_key k = *key;
	int i;

	if (k.tp_id != VIEW_KEY_PROCESS && fold_is(&t->fold, k.proc_id)) {
		/* A touchpoint of a folded process: unfold it to show it. */
		fold_set(&t->fold, k.proc_id, false);
		return table_place(t, &k, (size_t)t->height / 3, err);
	}
	if ((i = table_index_of(t, &k)) >= 0) {
		t->cur = (size_t)i;
		return 0;
	}
	return table_place(t, &k, (size_t)t->height / 3, err);
}

int
table_fold(struct table *t, int how, struct error *err)
{
	const struct view_row *r = table_current(t);
	struct view_key key, pkey;
	bool want;
	int i;

	if (r == NULL)
		return 0;
	key = r->key;
	pkey = store_view_key_process(&key);
	want = how < 0 ? !fold_is(&t->fold, key.proc_id) : how > 0;
	fold_set(&t->fold, key.proc_id, want);
	if (want && r->type == VIEW_ROW_TOUCHPOINT) {
		/* The cursor goes up to the process it folded away. */
		i = table_index_of(t, &pkey);
		return table_place(t, &pkey, i >= 0 ? (size_t)i : 0, err);
	}
	return table_place(t, &key, t->cur, err);
}

int
table_fold_all(struct table *t, bool folded, struct error *err)
{
	const struct view_row *r = table_current(t);
	struct view_key key;
	int i;

	fold_set_all(&t->fold, folded);
	if (r == NULL)
		return 0;
	key = folded ? store_view_key_process(&r->key) : r->key;
	i = table_index_of(t, &key);
	return table_place(t, &key, i >= 0 ? (size_t)i : 0, err);
}

/* Where each column starts and how wide it is. */
struct cols {
	int	num_x, num_w, proc_x, proc_w, tp_x, tp_w, need_x, need_w;
	int	chan_x, chan_w, right;
};

/* Columns for the table at r: fixed № and process, the rest shared. */
static void
table_cols(const struct table *t, const struct rect *r, struct cols *c)
{
	int digits = 1, rem;

	for (int64_t n = t->nprocs; n >= 10; n /= 10)
		digits++;
	c->num_x = r->x + 1;
	c->num_w = digits < 2 ? 2 : digits;
	c->proc_x = c->num_x + c->num_w + 1;
	/* Room for "├ 12.3456" (a touchpoint's number) and for "Процесс". */
	c->proc_w = 2 + digits + 1 + 4;
	if (c->proc_w < 8)
		c->proc_w = 8;
	c->tp_x = c->proc_x + c->proc_w + 1;
	c->right = r->x + r->w;
	rem = c->right - c->tp_x - 2;
	c->tp_w = rem * 40 / 100;
	c->need_x = c->tp_x + c->tp_w + 1;
	c->need_w = rem * 35 / 100;
	c->chan_x = c->need_x + c->need_w + 1;
	c->chan_w = c->right - c->chan_x;
}

/* The column headers of the printed form, shortened to fit. */
static void
table_draw_header(const struct cols *c, int y, int x, int w)
{
	attr_t a = A_BOLD | A_UNDERLINE;

	draw_fill(y, x, w, a);
	draw_text_right(y, c->num_x, c->num_w, "№", a);
	draw_text(y, c->proc_x, c->proc_w, "Процесс", a);
	draw_text(y, c->tp_x, c->tp_w, "Точка взаимодействия", a);
	draw_text(y, c->need_x, c->need_w, "Потребности", a);
	draw_text(y, c->chan_x, c->chan_w, "Канал/особенности", a);
}

/* № and the process name across the row, its fold mark and size; an
 * excluded process dimmed and marked as its touchpoints are. */
/* The count beside a process: its touchpoints still in the list (the
 * excluded ones show as rows, but the process no longer has them). */
static void
table_draw_process(const struct cols *c, int y, const struct view_row *row,
    int64_t active, attr_t a)
{
	char num[32], count[64], *name;
	int avail = c->right - c->proc_x - 2, used;
	attr_t na = a | A_BOLD | (row->excluded ? A_DIM : 0);

	snprintf(num, sizeof num, "%lld", (long long)row->proc_number);
	draw_text_right(y, c->num_x, c->num_w, num, a | A_BOLD);
	draw_text(y, c->proc_x, 2, row->folded ? "▸" : "▾", a | A_BOLD);
	if (active == 0)
		snprintf(count, sizeof count, " (нет точек)");
	else
		snprintf(count, sizeof count, " (%lld %s)",
		    (long long)active, draw_plural(active, "точка",
		    "точки", "точек"));
	name = row->excluded ? xasprintf("(искл.) %s", row->proc_name) :
	    xstrdup(row->proc_name);
	used = draw_text(y, c->proc_x + 2, avail - utf8_width(count), name,
	    na);
	free(name);
	draw_text(y, c->proc_x + 2 + used, c->right - c->proc_x - 2 - used,
	    count, a);
}

/* "Получение информации (+2)": several needs must look like several. */
static void
table_draw_needs(const struct cols *c, int y, const struct view_row *row,
    attr_t a)
{
	char badge[32];
	int used;

	if (row->nneeds == 0) {
		draw_text(y, c->need_x, c->need_w, "—", a);
		return;
	}
	if (row->nneeds == 1) {
		draw_text(y, c->need_x, c->need_w, row->first_need, a);
		return;
	}
	snprintf(badge, sizeof badge, " (+%lld)", (long long)row->nneeds - 1);
	used = draw_text(y, c->need_x, c->need_w - utf8_width(badge),
	    row->first_need, a);
	draw_text(y, c->need_x + used, c->need_w - used, badge, a | A_BOLD);
}

/* A touchpoint under its process: tree mark and number, name, needs,
 * channel; an excluded one dimmed; one returned for rework marked ↩ in
 * reverse (out of reverse on the cursor's row). */
static void
table_draw_touchpoint(const struct cols *c, int y, const struct view_row *row,
    attr_t a, bool returned)
{
	char num[64];
	const char *chan;
	attr_t ta = a | (row->excluded ? A_DIM : 0);
	int mark = 0;

	snprintf(num, sizeof num, "%s %lld.%lld", row->last ? "└" : "├",
	    (long long)row->proc_number, (long long)row->tp_number);
	draw_text(y, c->proc_x, c->proc_w, num, a);
	if (returned && c->tp_w > 4) {
		draw_text(y, c->tp_x, 1, "↩", A_BOLD | ((a & A_REVERSE) ?
		    (a & ~A_REVERSE) : (a | A_REVERSE)));
		mark = 2;
	}
	if (row->excluded) {
		char *name = xasprintf("(искл.) %s", row->name);

		draw_text(y, c->tp_x + mark, c->tp_w - mark, name, ta);
		free(name);
	} else {
		draw_text(y, c->tp_x + mark, c->tp_w - mark, row->name, ta);
	}
	table_draw_needs(c, y, row, ta);
	chan = row->specifics[0] != '\0' ? row->specifics :
	    row->channel != CHANNEL_NONE ? channel_label(row->channel) : "—";
	draw_text(y, c->chan_x, c->chan_w, chan, ta);
}

void
table_draw(const struct table *t, const struct rect *r, bool focused)
{
	struct cols c;

	table_cols(t, r, &c);
	table_draw_header(&c, r->y, r->x, r->w);
	if (t->n == 0) {
		draw_text(r->y + 2, r->x + 2, r->w - 4, "Перечень пуст: "
		    "загрузите его командой «perechen import ФАЙЛ».", A_BOLD);
		return;
	}
	for (size_t i = 0; i < t->n && (int)i < r->h - 1; i++) {
		const struct view_row *row = &t->rows[i];
		int y = r->y + 1 + (int)i;
		attr_t a = A_NORMAL;

		if (i == t->cur)
			a = focused ? A_REVERSE : A_UNDERLINE;
		draw_fill(y, r->x, r->w, a);
		if (table_marked(t, row))
			draw_text(y, r->x, 1, "*", a | A_BOLD);
		if (row->type == VIEW_ROW_PROCESS) {
			int64_t active = table_count_find(t, row->key.proc_id);

			table_draw_process(&c, y, row, active >= 0 ? active :
			    row->ntps, a);
		} else
			table_draw_touchpoint(&c, y, row, a,
			    review_badges_find(t->badges, row->key.tp_id) !=
			    NULL);
	}
}
