/*
 * form.c - the form engine: rows of labelled fields, the focus and the
 * line editor on it, findings under the fields they are about, a list to
 * choose from, saving and leaving.  What a row means is the form's (the
 * touchpoint's, the process's, the header's) through struct form_ops.
 */
#include "screen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* The widest label column; narrower on a narrow screen. */
#define FORM_LABEL_MAX 26

/* The function-key bar of a form. */
static const struct fkey_label form_fkeys[] = {
	{ 1, "Помощь" },
	{ 2, "Сохранить" },
	{ 3, "Выбор" },
	{ 5, "Выше" },
	{ 6, "Ниже" },
	{ 7, "Добавить" },
	{ 8, "Удалить" },
	{ 10, "Отмена" },
};
#define FORM_NFKEYS (sizeof form_fkeys / sizeof form_fkeys[0])

/* What a key did to the form. */
enum form_step {
	FORM_GO_ON,
	FORM_SAVED,
	FORM_LEFT,
	FORM_QUIT
};

void
form_init(struct form *f, const struct form_ops *ops, void *rec,
    struct edit *ed, const char *title)
{
	memset(f, 0, sizeof *f);
	f->ops = ops;
	f->rec = rec;
	f->ed = ed;
	f->title = xstrdup(title);
	findings_init(&f->found);
}

/* Free the rows' strings, keeping the array. */
static void
form_clear_rows(struct form *f)
{
	for (size_t i = 0; i < f->nrows; i++) {
		free(f->rows[i].label);
		free(f->rows[i].prefix);
		free(f->rows[i].value);
		free(f->rows[i].hint);
	}
	f->nrows = 0;
}

void
form_fini(struct form *f)
{
	form_clear_rows(f);
	free(f->rows);
	free(f->title);
	if (f->le_live)
		lineedit_fini(&f->le);
	findings_fini(&f->found);
}

struct form_row *
form_add_row(struct form *f, enum form_row_type type, int id, size_t item,
    const char *label, const char *value)
{
	struct form_row *r;

	if (f->nrows == f->caprows) {
		f->caprows = f->caprows ? f->caprows * 2 : 32;
		f->rows = xreallocarray(f->rows, f->caprows, sizeof *f->rows);
	}
	r = &f->rows[f->nrows++];
	memset(r, 0, sizeof *r);
	r->type = type;
	r->id = id;
	r->item = item;
	r->label = xstrdup(label != NULL ? label : "");
	r->prefix = xstrdup("");
	r->value = xstrdup(value != NULL ? value : "");
	r->hint = xstrdup("");
	r->field = FIELD_NONE;
	r->fitem = FORM_NO_ITEM;
	return r;
}

void
form_say(struct form *f, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msgline_vsay(&f->msg, error, fmt, ap);
	va_end(ap);
}

/* The focused row, or NULL if the form has none to focus. */
static struct form_row *
form_current(struct form *f)
{
	return f->focus < f->nrows ? &f->rows[f->focus] : NULL;
}

/* Rows the line editor works on. */
static bool
form_is_text(const struct form_row *r)
{
	return r->type == ROW_TEXT || r->type == ROW_WRAP ||
	    r->type == ROW_NUMBER;
}

/* Put the line editor on the focused row if it is text. */
static void
form_attach_editor(struct form *f)
{
	struct form_row *r = form_current(f);

	if (f->le_live)
		lineedit_fini(&f->le);
	f->le_live = r != NULL && form_is_text(r);
	if (f->le_live)
		lineedit_init(&f->le, r->value);
}

/* The index of row (id, item), or of the first row with id, or -1. */
static int
form_find_row(const struct form *f, int id, size_t item)
{
	int any = -1;

	for (size_t i = 0; i < f->nrows; i++) {
		if (f->rows[i].id != id)
			continue;
		if (f->rows[i].item == item)
			return (int)i;
		if (any < 0 || (item != FORM_NO_ITEM && f->rows[i].item < item))
			any = (int)i;
	}
	return any;
}

/* The first row the focus may rest on at or after i (dir +1) or at or
 * before it (dir -1); i itself if none. */
static size_t
form_focusable(const struct form *f, size_t i, int dir)
{
	size_t j = i;

	while (j < f->nrows) {
		if (f->rows[j].type != ROW_INFO)
			return j;
		if (dir < 0 && j == 0)
			break;
		j = dir < 0 ? j - 1 : j + 1;
	}
	return i;
}

/* Rebuild the rows from the record, the focus kept on (id, item). */
static void
form_rebuild(struct form *f, int id, size_t item, bool keep_editor)
{
	int i;

	form_clear_rows(f);
	f->ops->build(f);
	i = form_find_row(f, id, item);
	f->focus = form_focusable(f, i < 0 ? 0 : (size_t)i, 1);
	if (!keep_editor || !f->le_live || form_current(f) == NULL ||
	    !form_is_text(form_current(f)))
		form_attach_editor(f);
}

/* Run the checks again (the full ones once a save was tried). */
static void
form_check(struct form *f)
{
	findings_reset(&f->found);
	f->ops->check(f, f->armed, &f->found);
}

/* After the record changed: checks, then rows (their values changed). */
static void
form_changed(struct form *f, bool keep_editor)
{
	struct form_row *r = form_current(f);
	int id = r != NULL ? r->id : 0;
	size_t item = r != NULL ? r->item : FORM_NO_ITEM;

	if (r != NULL && r->field != FIELD_NONE)
		f->touched[r->field] = true;
	form_check(f);
	form_rebuild(f, id, item, keep_editor);
}

void
form_refresh(struct form *f)
{
	struct form_row *r = form_current(f);

	form_check(f);
	form_rebuild(f, r != NULL ? r->id : 0, r != NULL ? r->item :
	    FORM_NO_ITEM, false);
}

void
form_focus(struct form *f, int id, size_t item)
{
	int i = form_find_row(f, id, item);

	if (i >= 0)
		f->focus = form_focusable(f, (size_t)i, 1);
	form_attach_editor(f);
}

/* True if finding fi shows under row r. */
static bool
form_row_takes(const struct form_row *r, const struct finding *fi)
{
	return fi->field != FIELD_NONE && r->field == fi->field &&
	    r->fitem == fi->item;
}

void
form_focus_field(struct form *f, enum field field, size_t item)
{
	struct finding probe;

	memset(&probe, 0, sizeof probe);
	probe.field = field;
	probe.item = item;
	for (size_t i = 0; i < f->nrows; i++)
		if (f->rows[i].type != ROW_INFO &&
		    form_row_takes(&f->rows[i], &probe)) {
			f->focus = i;
			break;
		}
	form_attach_editor(f);
}

/* Whether a finding shows at all: once its field was touched or a save
 * was tried; findings of no field row (the process's) always. */
static bool
form_finding_shown(const struct form *f, const struct finding *fi,
    bool attached)
{
	if (!attached || f->armed)
		return true;
	return (size_t)fi->field < sizeof f->touched / sizeof f->touched[0] &&
	    f->touched[fi->field];
}

/* The row a finding shows under: its field's row, else the collecting
 * row, else none (-1: shown at the end). */
static int
form_finding_row(const struct form *f, const struct finding *fi,
    bool *attached)
{
	int collect = -1;

	*attached = false;
	for (size_t i = 0; i < f->nrows; i++) {
		if (form_row_takes(&f->rows[i], fi)) {
			*attached = true;
			return (int)i;
		}
		if (f->rows[i].collect && collect < 0)
			collect = (int)i;
	}
	return collect;
}

/* One line of the form's body on the screen. */
struct form_line {
	size_t	 row;		/* the row it belongs to */
	int	 k;		/* the value's k-th line, or -1 */
	char	*text;		/* a finding's line (owned), or NULL */
	attr_t	 attr;
	bool	 marker;	/* the finding's first line */
};

struct form_lines {
	struct form_line *v;
	size_t	 n, cap;
};

/* Append a line. */
static void
form_push_line(struct form_lines *ls, size_t row, int k, const char *text,
    attr_t attr, bool marker)
{
	struct form_line *l;

	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 64;
		ls->v = xreallocarray(ls->v, ls->cap, sizeof *ls->v);
	}
	l = &ls->v[ls->n++];
	l->row = row;
	l->k = k;
	l->text = text != NULL ? xstrdup(text) : NULL;
	l->attr = attr;
	l->marker = marker;
}

/* Free the lines and their texts. */
static void
form_free_lines(struct form_lines *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		free(ls->v[i].text);
	free(ls->v);
}

/* The geometry of the body at the current size. */
struct form_geom {
	int	 y, h;		/* body lines */
	int	 label_x, label_w;
	int	 value_x, value_w;
};

/* Where labels and values go at the current size. */
static void
form_geometry(struct form_geom *g)
{
	g->y = 1;
	g->h = LINES - 3;
	g->label_x = 2;
	g->label_w = COLS / 3 < FORM_LABEL_MAX ? COLS / 3 : FORM_LABEL_MAX;
	g->value_x = g->label_x + g->label_w + 1;
	g->value_w = COLS - g->value_x - 1;
	if (g->value_w < 8)
		g->value_w = 8;
}

/* The text the row shows: the editor's while it is focused. */
static const char *
form_row_text(const struct form *f, size_t i)
{
	if (i == f->focus && f->le_live)
		return textedit_text(&f->le.te);
	return f->rows[i].value;
}

/* Lines the row's value takes. */
static int
form_value_height(const struct form *f, size_t i, const struct form_geom *g)
{
	const struct form_row *r = &f->rows[i];
	int w = g->value_w - utf8_width(r->prefix);

	if (r->type == ROW_WRAP || r->type == ROW_INFO)
		return lineedit_height(form_row_text(f, i), w);
	return 1;
}

/* "✗ ", "! ", "✓ ", "· ": what a finding is, at a glance and without
 * colour. */
static const char *
form_marker(const struct finding *fi, attr_t *attr)
{
	if (fi->level == LEVEL_ERROR) {
		*attr = A_BOLD;
		return "✗ ";
	}
	if (fi->level == LEVEL_WARNING && fi->acknowledged) {
		*attr = A_DIM;
		return "✓ ";
	}
	if (fi->level == LEVEL_WARNING) {
		*attr = A_NORMAL;
		return "! ";
	}
	*attr = A_DIM;
	return "· ";
}

/* The lines of one finding, wrapped in width. */
static void
form_finding_lines(struct form_lines *ls, size_t row, const struct finding *fi,
    int width)
{
	struct strvec lines;
	attr_t attr;
	const char *mark = form_marker(fi, &attr);
	char *text;

	if (fi->acknowledged)
		text = xasprintf("%s%s (принято: %s)", mark, fi->message,
		    fi->justification);
	else
		text = xasprintf("%s%s", mark, fi->message);
	strvec_init(&lines);
	utf8_wrap(text, width < 4 ? 4 : width, &lines);
	for (size_t i = 0; i < lines.n; i++)
		form_push_line(ls, row, -1, lines.v[i], attr, i == 0);
	strvec_fini(&lines);
	free(text);
}

/* Every line of the body: each row's value, then its findings. */
static void
form_layout(const struct form *f, const struct form_geom *g,
    struct form_lines *ls)
{
	int *where = xcalloc(f->found.n + 1, sizeof *where);
	bool *shown = xcalloc(f->found.n + 1, sizeof *shown);

	for (size_t j = 0; j < f->found.n; j++) {
		bool attached;

		where[j] = form_finding_row(f, &f->found.v[j], &attached);
		shown[j] = form_finding_shown(f, &f->found.v[j], attached);
	}
	for (size_t i = 0; i < f->nrows; i++) {
		int h = form_value_height(f, i, g);

		for (int k = 0; k < h; k++)
			form_push_line(ls, i, k, NULL, A_NORMAL, false);
		for (size_t j = 0; j < f->found.n; j++)
			if (shown[j] && where[j] == (int)i)
				form_finding_lines(ls, i, &f->found.v[j],
				    g->value_w);
	}
	for (size_t j = 0; j < f->found.n; j++)
		if (shown[j] && where[j] < 0)
			form_finding_lines(ls, f->nrows, &f->found.v[j],
			    g->value_w);
	free(where);
	free(shown);
}

/* Scroll so that the focused row, its cursor and its findings show. */
static void
form_scroll_to_focus(struct form *f, const struct form_lines *ls, int height,
    int cursor_line)
{
	int first = -1, last = -1, above = -1;
	size_t top = f->focus;

	/* The rows to read just above it (the process and its findings)
	 * come with it. */
	while (top > 0 && f->rows[top - 1].type == ROW_INFO)
		top--;
	for (size_t i = 0; i < ls->n; i++) {
		if (ls->v[i].row == top && above < 0)
			above = (int)i;
		if (ls->v[i].row == f->focus) {
			if (first < 0)
				first = (int)i;
			last = (int)i;
		}
	}
	if (first < 0)
		return;
	if (above >= 0 && last - above < height)
		first = above;
	if (last - f->scroll >= height)
		f->scroll = last - height + 1;
	if (cursor_line >= 0 && cursor_line - f->scroll >= height)
		f->scroll = cursor_line - height + 1;
	if (first < f->scroll)
		f->scroll = first;
	if (cursor_line >= 0 && cursor_line < f->scroll)
		f->scroll = cursor_line;
	if (f->scroll > (int)ls->n - height)
		f->scroll = (int)ls->n - height;
	if (f->scroll < 0)
		f->scroll = 0;
}

/* The screen line of the focused text's cursor within ls, or -1. */
static int
form_cursor_line(const struct form *f, const struct form_lines *ls,
    const struct form_geom *g)
{
	const struct form_row *r;
	size_t *starts, n, row;
	int col, w;

	if (!f->le_live || f->focus >= f->nrows)
		return -1;
	r = &f->rows[f->focus];
	if (r->type != ROW_WRAP) {
		row = 0;
	} else {
		w = g->value_w - utf8_width(r->prefix);
		n = textedit_rows(textedit_text(&f->le.te), w > 1 ? w - 1 : 1,
		    &starts);
		textedit_cursor_at(&f->le.te, starts, n, &row, &col);
		free(starts);
	}
	for (size_t i = 0; i < ls->n; i++)
		if (ls->v[i].row == f->focus && ls->v[i].k == (int)row)
			return (int)i;
	return -1;
}

/* One value line of row i at screen line y; the cursor's place if it is
 * the focused row's. */
static void
form_draw_value(struct form *f, size_t i, int k, int y,
    const struct form_geom *g, int *cy, int *cx)
{
	struct form_row *r = &f->rows[i];
	bool focused = i == f->focus;
	int pw = utf8_width(r->prefix), x = g->value_x + pw;
	int w = g->value_w - pw;
	const char *text = form_row_text(f, i);
	attr_t a = A_NORMAL;

	if (k == 0 && pw > 0)
		draw_text(y, g->value_x, pw, r->prefix, A_BOLD);
	if (text[0] == '\0' && r->hint[0] != '\0' && k == 0) {
		draw_text(y, x, w, r->hint, A_DIM);
		if (focused) {
			*cy = y;
			*cx = x;
		}
		return;
	}
	switch (r->type) {
	case ROW_WRAP:
	case ROW_INFO:
		lineedit_draw_wrapped(text, focused && f->le_live ? &f->le :
		    NULL, y, x, w, k, 1, a, cy, cx);
		break;
	case ROW_TEXT:
	case ROW_NUMBER:
		if (focused && f->le_live) {
			lineedit_draw_line(&f->le, y, x, w, a, cx);
			*cy = y;
		} else {
			draw_text(y, x, w, text, a);
		}
		break;
	case ROW_CHOICE:
		if (focused) {
			char *s = xasprintf("‹ %s ›", text);

			draw_text(y, x, w, s, A_REVERSE);
			free(s);
			*cy = y;
			*cx = x;
		} else {
			draw_text(y, x, w, text, a);
		}
		break;
	}
}

/* The title line: what is edited; on the right, the editor's state. */
static void
form_draw_title(struct form *f)
{
	attr_t a = term_attr_title();
	char state[64];
	int sw;

	snprintf(state, sizeof state, "%s%s ",
	    f->le_live && f->le.te.overwrite ? " ЗАМЕНА" : "",
	    f->ops->dirty(f) ? " · изменено" : "");
	sw = utf8_width(state);
	draw_fill(0, 0, COLS, a);
	draw_text(0, 1, COLS - sw - 2, f->title, a);
	draw_text_right(0, 0, COLS, state, a);
}

/* The message, or a reminder of the keys that matter most. */
static void
form_draw_message(struct form *f)
{
	int y = LINES - 2;

	draw_fill(y, 0, COLS, A_NORMAL);
	if (!msgline_draw(&f->msg, y))
		draw_text(y, 0, COLS, "F2 или Ctrl-S — сохранить · Esc — "
		    "отменить · Tab — следующее поле · F1 — клавиши", A_DIM);
}

/* Whether the form's help is shown over it. */
static bool
form_help_on(const struct form *f)
{
	return f->scr != NULL && f->scr->pane.on;
}

/* The body: rows and findings from f->scroll on. */
static void
form_draw_body(struct form *f, int *cy, int *cx)
{
	struct form_geom g;
	struct form_lines ls = { 0 };
	int cline;

	form_geometry(&g);
	f->body_w = g.value_w;
	form_layout(f, &g, &ls);
	cline = form_cursor_line(f, &ls, &g);
	form_scroll_to_focus(f, &ls, g.h, cline);
	for (int i = 0; i < g.h; i++) {
		size_t li = (size_t)(f->scroll + i);
		int y = g.y + i;
		const struct form_line *l;

		draw_fill(y, 0, COLS, A_NORMAL);
		if (li >= ls.n)
			continue;
		l = &ls.v[li];
		if (l->text != NULL) {
			draw_text(y, g.value_x, g.value_w, l->text, l->attr);
			continue;
		}
		if (l->k == 0) {
			bool focused = l->row == f->focus;

			if (focused)
				draw_text(y, 0, 2, "▸", A_BOLD);
			draw_text(y, g.label_x, g.label_w,
			    f->rows[l->row].label, focused ?
			    A_BOLD | A_UNDERLINE : A_BOLD);
		}
		form_draw_value(f, l->row, l->k, y, &g, cy, cx);
	}
	form_free_lines(&ls);
}

/* Draw the whole form and put the cursor in the focused field. */
static void
form_draw(struct form *f)
{
	int cy = -1, cx = -1;

	erase();
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_LINES) {
		draw_text(0, 0, COLS, "Окно терминала слишком мало для формы",
		    A_BOLD);
		draw_text(1, 0, COLS, "Увеличьте окно; Esc — выйти из формы",
		    A_NORMAL);
		curs_set(0);
		refresh();
		return;
	}
	form_draw_title(f);
	if (form_help_on(f)) {
		struct rect r = { 1, 0, LINES - 3, COLS };

		help_pane_draw(&f->scr->pane, &r);
	} else {
		form_draw_body(f, &cy, &cx);
	}
	form_draw_message(f);
	draw_fkeys(LINES - 1, COLS, form_fkeys, FORM_NFKEYS);
	if (!form_help_on(f) && cy >= 0 && cx >= 0) {
		curs_set(1);
		move(cy, cx);
	} else {
		curs_set(0);
	}
	refresh();
}

/* The focus to row i (a focusable one), leaving the row it was on: an
 * emptied list item goes. */
static void
form_move_focus(struct form *f, size_t i)
{
	struct form_row *old = form_current(f);
	int id;
	size_t item;

	if (i >= f->nrows || i == f->focus)
		return;
	id = f->rows[i].id;
	item = f->rows[i].item;
	if (old != NULL && old->field != FIELD_NONE)
		f->touched[old->field] = true;
	if (old != NULL && old->list != 0 && !old->placeholder &&
	    (f->rows[i].item != old->item || f->rows[i].list != old->list) &&
	    f->ops->leave != NULL && f->ops->leave(f, old)) {
		/* The item went: those after it moved up one. */
		if (f->rows[i].list == old->list && item != FORM_NO_ITEM &&
		    item > old->item)
			item--;
		form_check(f);
		form_rebuild(f, id, item, false);
		return;
	}
	f->focus = i;
	form_attach_editor(f);
}

/* To the next (dir +1) or previous focusable row. */
static void
form_step_focus(struct form *f, int dir, int count)
{
	size_t i = f->focus;

	while (count-- > 0) {
		size_t j = i;

		do {
			if (dir < 0 && j == 0)
				break;
			j = dir < 0 ? j - 1 : j + 1;
		} while (j < f->nrows && f->rows[j].type == ROW_INFO);
		if (j >= f->nrows || f->rows[j].type == ROW_INFO)
			break;
		i = j;
	}
	form_move_focus(f, i);
}

/* Let the form's list take an operation on the focused row. */
static void
form_list(struct form *f, enum form_list_op op)
{
	struct form_row *r = form_current(f);
	size_t item;
	int id;

	if (r == NULL || r->list == 0 || f->ops->list_op == NULL) {
		form_say(f, true, op == FORM_LIST_ADD ? "Добавлять можно "
		    "контакты и потребности: перейдите в их список" :
		    "Это действие — для строк списка (контакта, потребности)");
		return;
	}
	id = r->id;
	if (!f->ops->list_op(f, r, op, &item))
		return;
	form_check(f);
	form_rebuild(f, id, item, false);
}

/* Digits only, in a number row. */
static bool
form_number_key(const struct key *key)
{
	if (key->fkey || key->alt)
		return true;
	if (key->k >= '0' && key->k <= '9')
		return true;
	return key->k < 0x20 || key->k == 127;
}

/* A key for the focused text row; true if it took it. */
static bool
form_text_key(struct form *f, const struct key *key)
{
	struct form_row *r = form_current(f);
	enum lineedit_result res;

	if (r->type == ROW_NUMBER && !form_number_key(key))
		return true;
	if (r->type == ROW_WRAP && key->fkey &&
	    (key->k == KEY_UP || key->k == KEY_DOWN) &&
	    lineedit_vertical(&f->le, f->body_w - utf8_width(r->prefix),
	    key->k == KEY_UP ? -1 : 1))
		return true;
	if (r->placeholder && !key->fkey && !key->alt && key->k >= 0x20 &&
	    key->k != 127) {
		/* Typing on the new-item row makes the item. */
		form_list(f, FORM_LIST_ADD);
		r = form_current(f);
		if (r == NULL || !f->le_live)
			return true;
	}
	res = lineedit_key(&f->le, key);
	if (res == LINEEDIT_IGNORED)
		return false;
	if (res == LINEEDIT_CHANGED) {
		if (r->type == ROW_NUMBER && f->le.te.text.len > 2) {
			textedit_backspace(&f->le.te);
			form_say(f, true, "Не больше двух цифр");
			return true;
		}
		f->ops->set_text(f, r, textedit_text(&f->le.te));
		form_changed(f, true);
	}
	return true;
}

/* The list to choose from for the focused row. */
static enum form_step
form_do_pick(struct form *f)
{
	struct form_row *r = form_current(f);
	bool quit = false;

	if (r == NULL || !r->pickable || f->ops->pick == NULL) {
		form_say(f, false, "Для этого поля нет списка для выбора");
		return FORM_GO_ON;
	}
	if (f->ops->pick(f, r, &quit)) {
		form_changed(f, false);
		form_step_focus(f, 1, 1);
	}
	return quit ? FORM_QUIT : FORM_GO_ON;
}

/* The label of the first row showing field, without its colon, or NULL. */
static const char *
form_field_label(const struct form *f, enum field field, size_t *len)
{
	for (size_t i = 0; i < f->nrows; i++) {
		const char *l = f->rows[i].label;

		if (f->rows[i].field != field || l == NULL || l[0] == '\0')
			continue;
		*len = strlen(l);
		while (*len > 0 && (l[*len - 1] == ':' || l[*len - 1] == ' '))
			(*len)--;
		return l;
	}
	return NULL;
}

/* Nothing typed yet, or nothing changed in a record the rules refuse:
 * name the fields to fill, not "nothing to save". */
static void
form_say_fields_missing(struct form *f)
{
	struct buf b;
	bool seen[16] = { false };

	buf_init(&b);
	for (size_t i = 0; i < f->found.n; i++) {
		const struct finding *x = &f->found.v[i];
		const char *l;
		size_t len;

		if (x->level != LEVEL_ERROR || (size_t)x->field >= 16 ||
		    seen[x->field] ||
		    (l = form_field_label(f, x->field, &len)) == NULL)
			continue;
		seen[x->field] = true;
		buf_printf(&b, "%s«%.*s»", b.len > 0 ? ", " : "", (int)len, l);
	}
	if (b.len > 0)
		form_say(f, true, "Не сохранено: заполните или исправьте "
		    "поля %s (отмечены ✗)", b.data);
	else
		form_say(f, true, "Не сохранено: исправьте ошибки, "
		    "отмеченные ✗");
	buf_fini(&b);
}

/* The warnings before saving: where to write the justification that
 * accepts them, first (the line is cut at the terminal's width), with the
 * focus taken there (the form scrolls to it); then, for a changed record,
 * that F2 again saves with them. */
static void
form_say_warnings(struct form *f, const char *lead, size_t warnings,
    const char *then)
{
	const char *what = draw_plural((int64_t)warnings, "предупреждение",
	    "предупреждения", "предупреждений");
	size_t i;

	for (i = 0; i < f->nrows && !f->rows[i].justifies; i++)
		;
	if (i == f->nrows) {
		form_say(f, false, "%s%zu %s (отмечены !)%s", lead, warnings,
		    what, then);
		return;
	}
	f->focus = i;
	form_attach_editor(f);
	form_say(f, false, "Впишите обоснование в поле «Обоснование» — "
	    "предупреждения будут приняты%s", then[0] != '\0' ?
	    "; F2 — сохранить без него" : "");
}

/* Save, unless the rules forbid it; warnings are shown once first. */
static enum form_step
form_save(struct form *f)
{
	struct error err;
	size_t errors, warnings;

	f->armed = true;
	if (f->ops->reload != NULL)
		f->ops->reload(f);
	form_check(f);
	form_rebuild(f, form_current(f) ? form_current(f)->id : 0,
	    form_current(f) ? form_current(f)->item : FORM_NO_ITEM, true);
	errors = findings_count(&f->found, LEVEL_ERROR, false);
	warnings = findings_count(&f->found, LEVEL_WARNING, true);
	if (!f->ops->dirty(f) && errors > 0) {
		form_say_fields_missing(f);
		return FORM_GO_ON;
	}
	if (!f->ops->dirty(f)) {
		f->warned = true;
		if (warnings > 0)
			form_say_warnings(f, "Изменений нет; ", warnings, "");
		else
			form_say(f, false, "Изменений нет: сохранять нечего "
			    "(Esc — закрыть форму)");
		return FORM_GO_ON;
	}
	if (errors > 0) {
		form_say(f, true, "Не сохранено: %zu %s по правилам Порядка "
		    "(отмечены ✗) — исправьте %s", errors,
		    draw_plural((int64_t)errors, "ошибка", "ошибки", "ошибок"),
		    errors == 1 ? "её" : "их");
		return FORM_GO_ON;
	}
	if (warnings > 0 && !f->warned && !f->justified) {
		f->warned = true;
		form_say_warnings(f, "", warnings, ": F2 — сохранить с ними");
		return FORM_GO_ON;
	}
	if (f->ops->save(f, &err) != 0) {
		form_refresh(f);
		form_say(f, true, "Не сохранено: %s", err.msg);
		return FORM_GO_ON;
	}
	return FORM_SAVED;
}

/* The form under a question on its message line. */
static void
form_redraw_cb(void *ctx)
{
	form_draw(ctx);
}

bool
form_ask(struct form *f, const char *question, struct key *answer)
{
	msgline_clear(&f->msg);
	return widget_ask(question, form_redraw_cb, f, answer);
}
/* The key means "save" (F2, Ctrl-S, Ctrl-O). */
static bool
form_is_save(const struct key *key)
{
	return (key->fkey && key->k == KEY_F(2)) ||
	    (!key->fkey && !key->alt && (key->k == CTRL('s') ||
	    key->k == CTRL('o')));
}

/* Esc or F10: leave, asking first if anything changed. */
static enum form_step
form_leave(struct form *f)
{
	struct key a;

	if (!f->ops->dirty(f))
		return FORM_LEFT;
	if (!form_ask(f, "Изменения не сохранены. Выйти без сохранения? "
	    "д — да, н — нет, F2 — сохранить", &a))
		return FORM_QUIT;
	/* Esc, then a digit: an F-key, as everywhere in the editor. */
	if (!a.fkey && a.k >= '0' && a.k <= '9') {
		a.fkey = true;
		a.k = KEYS_DIGIT_FKEY(a.k);
	}
	if (form_is_save(&a) || (!a.fkey && (a.k == 's' || a.k == L'с')))
		return form_save(f);
	if ((a.fkey && a.k == KEY_F(10)) || (!a.fkey && (a.k == L'д' ||
	    a.k == L'Д' || a.k == 'y' || a.k == 'Y' || a.k == 'l')))
		return FORM_LEFT;
	form_say(f, false, "Правка продолжается");
	return FORM_GO_ON;
}

/* Keys that move the focus; false if key is not one. */
static bool
form_nav_key(struct form *f, const struct key *key)
{
	int page = LINES / 3 > 1 ? LINES / 3 : 1;

	if (!key->fkey && !key->alt && key->k == '\t')
		form_step_focus(f, 1, 1);
	else if (key->fkey && key->k == KEY_BTAB)
		form_step_focus(f, -1, 1);
	else if (key->fkey && key->k == KEY_DOWN)
		form_step_focus(f, 1, 1);
	else if (key->fkey && key->k == KEY_UP)
		form_step_focus(f, -1, 1);
	else if (key->fkey && key->k == KEY_NPAGE)
		form_step_focus(f, 1, page);
	else if (key->fkey && key->k == KEY_PPAGE)
		form_step_focus(f, -1, page);
	else
		return false;
	return true;
}

/* Keys of the list the focused row belongs to; false if not one. */
static bool
form_list_key(struct form *f, const struct key *key)
{
	bool up = (key->fkey && (key->k == KEY_F(5) || key->x == XKEY_ALT_UP ||
	    key->x == XKEY_CTRL_UP || (key->alt && key->k == KEY_UP)));
	bool down = (key->fkey && (key->k == KEY_F(6) ||
	    key->x == XKEY_ALT_DOWN || key->x == XKEY_CTRL_DOWN ||
	    (key->alt && key->k == KEY_DOWN)));

	if (up)
		form_list(f, FORM_LIST_UP);
	else if (down)
		form_list(f, FORM_LIST_DOWN);
	else if ((key->fkey && key->k == KEY_F(7)) ||
	    (!key->fkey && !key->alt && key->k == CTRL('n')))
		form_list(f, FORM_LIST_ADD);
	else if ((key->fkey && key->k == KEY_F(8)) ||
	    (!key->fkey && !key->alt && key->k == CTRL('y')))
		form_list(f, FORM_LIST_DELETE);
	else
		return false;
	return true;
}

/* A key for the focused choice row; true if it took it. */
static bool
form_choice_key(struct form *f, const struct key *key)
{
	struct form_row *r = form_current(f);
	int dir = 0, digit = -1;

	if (key->fkey && key->k == KEY_RIGHT)
		dir = 1;
	else if (key->fkey && key->k == KEY_LEFT)
		dir = -1;
	else if (!key->fkey && !key->alt && key->k == ' ')
		dir = 1;
	else if (!key->fkey && !key->alt && key->k >= '0' && key->k <= '9')
		digit = (int)(key->k - '0');
	else
		return false;
	if (f->ops->choose(f, r, dir, digit))
		form_changed(f, false);
	return true;
}

/* Inside a bracketed paste: characters only, line ends as spaces. */
static void
form_paste_key(struct form *f, struct key *key)
{
	struct form_row *r = form_current(f);

	if (key->fkey)
		return;
	if (key->k == '\r' || key->k == '\n' || key->k == '\t')
		key->k = ' ';
	if (r != NULL && (form_is_text(r) || r->placeholder))
		form_text_key(f, key);
}

/* One key. */
static enum form_step
form_key(struct form *f, struct key *key)
{
	struct form_row *r = form_current(f);

	if (key->x == XKEY_PASTE_BEGIN || key->x == XKEY_PASTE_END) {
		f->paste = key->x == XKEY_PASTE_BEGIN;
		return FORM_GO_ON;
	}
	if (f->paste) {
		form_paste_key(f, key);
		return FORM_GO_ON;
	}
	if (form_is_save(key))
		return form_save(f);
	if ((!key->fkey && !key->alt && key->k == KEY_ESC) ||
	    (key->fkey && key->k == KEY_F(10)))
		return form_leave(f);
	if (r == NULL)
		return FORM_GO_ON;
	if ((key->fkey && key->k == KEY_F(3)) ||
	    (!key->fkey && !key->alt && key->k == CTRL('t')))
		return form_do_pick(f);
	if (form_list_key(f, key))
		return FORM_GO_ON;
	if ((!key->fkey && (key->k == '\r' || key->k == '\n')) ||
	    (key->fkey && key->k == KEY_ENTER)) {
		if (r->pickable)
			return form_do_pick(f);
		form_step_focus(f, 1, 1);
		return FORM_GO_ON;
	}
	if (form_is_text(r) || r->placeholder) {
		if (form_text_key(f, key))
			return FORM_GO_ON;
	} else if (r->type == ROW_CHOICE && form_choice_key(f, key)) {
		return FORM_GO_ON;
	}
	form_nav_key(f, key);
	return FORM_GO_ON;
}

/* The form as it runs, and where its last key left it. */
struct form_running {
	struct form *f;
	enum form_step step;
};

static void
form_running_draw(void *ctx)
{
	form_draw(((struct form_running *)ctx)->f);
}

/* A key for the running form (the loop took the rest). */
static enum screen_step
form_screen_key(void *ctx, struct key *key)
{
	struct form_running *run = ctx;
	struct form *f = run->f;

	if (!f->paste)
		msgline_clear(&f->msg);
	/* Nothing is typed blind into a form too small to show. */
	if ((COLS < UI_MIN_COLS || LINES < UI_MIN_LINES) &&
	    !(!key->fkey && key->k == KEY_ESC) &&
	    !(key->fkey && key->k == KEY_F(10)))
		return SCREEN_STAY;
	run->step = form_key(f, key);
	return run->step == FORM_GO_ON ? SCREEN_STAY : SCREEN_DONE;
}

enum dialog_result
form_run(struct form *f)
{
	struct form_running run = { f, FORM_GO_ON };
	struct screen s = { .draw = form_running_draw, .key = form_screen_key,
	    .ctx = &run, .help = "Формы" };

	if (f->nrows == 0)
		form_refresh(f);
	f->scr = &s;
	keys_paste_mode(true);
	if (screen_run(&s) == SCREEN_QUIT)
		run.step = FORM_QUIT;
	keys_paste_mode(false);
	f->scr = NULL;
	curs_set(0);
	switch (run.step) {
	case FORM_SAVED:
		return DIALOG_OK;
	case FORM_QUIT:
		return DIALOG_QUIT;
	default:
		return DIALOG_CANCEL;
	}
}
/* The box of a pick list: centred, as wide as its items. */
static void
form_pick_box(const char *title, const char *const *items, size_t n,
    struct rect *r)
{
	int w = utf8_width(title) + 6;

	for (size_t i = 0; i < n; i++)
		if (utf8_width(items[i]) + 4 > w)
			w = utf8_width(items[i]) + 4;
	if (w > COLS - 4)
		w = COLS - 4;
	r->h = (int)n + 2 > LINES - 4 ? LINES - 4 : (int)n + 2;
	r->w = w;
	r->y = (LINES - r->h) / 2;
	r->x = (COLS - r->w) / 2;
}

/* Draw the pick list over the form, item cur highlighted. */
static void
form_pick_draw(struct form *f, const char *title, const char *const *items,
    size_t n, size_t cur, size_t *top)
{
	struct rect r;
	int rows;

	form_draw(f);
	form_pick_box(title, items, n, &r);
	rows = r.h - 2;
	if (cur < *top)
		*top = cur;
	if (cur >= *top + (size_t)rows)
		*top = cur - (size_t)rows + 1;
	draw_box(&r, title);
	for (int i = 0; i < rows && *top + (size_t)i < n; i++) {
		size_t k = *top + (size_t)i;

		draw_text(r.y + 1 + i, r.x + 1, r.w - 2, "", k == cur ?
		    A_REVERSE : A_NORMAL);
		draw_text(r.y + 1 + i, r.x + 2, r.w - 4, items[k], k == cur ?
		    A_REVERSE : A_NORMAL);
	}
	curs_set(0);
	refresh();
}

/* The item after from whose text starts with the character typed (case
 * folded), or n. */
static size_t
form_pick_find(const char *const *items, size_t n, size_t from, wint_t k)
{
	char enc[5] = { 0 }, *want;
	size_t hit = n;

	utf8_encode((uint32_t)k, enc);
	want = utf8_casefold(enc);
	for (size_t step = 1; step <= n && hit == n; step++) {
		size_t i = (from + step) % n;
		char *have = utf8_casefold(items[i]);

		if (strncmp(have, want, strlen(want)) == 0)
			hit = i;
		free(have);
	}
	free(want);
	return hit;
}

/* A pick list as it runs over its form. */
struct form_picking {
	struct form *f;
	const char *title;
	const char *const *items;
	size_t	 n, cur, top;
	int	 chosen;	/* -1: left; -3: not yet */
};

static void
form_picking_draw(void *ctx)
{
	struct form_picking *p = ctx;

	form_pick_draw(p->f, p->title, p->items, p->n, p->cur, &p->top);
}

/* The motions of the list; false if key is none. */
static bool
form_pick_move(struct form_picking *p, const struct key *key)
{
	size_t page = LINES - 6 > 1 ? (size_t)(LINES - 6) : 1, n = p->n;

	if (!key->fkey)
		return false;
	switch (key->k) {
	case KEY_UP: p->cur = p->cur > 0 ? p->cur - 1 : n - 1; break;
	case KEY_DOWN: p->cur = p->cur + 1 < n ? p->cur + 1 : 0; break;
	case KEY_PPAGE: p->cur = p->cur > page ? p->cur - page : 0; break;
	case KEY_NPAGE: p->cur = p->cur + page < n ? p->cur + page : n - 1;
		break;
	case KEY_HOME: p->cur = 0; break;
	case KEY_END: p->cur = n - 1; break;
	default: return false;
	}
	return true;
}

static enum screen_step
form_picking_key(void *ctx, struct key *key)
{
	struct form_picking *p = ctx;
	size_t hit;

	if (form_pick_move(p, key))
		return SCREEN_STAY;
	if (key->fkey) {
		if (key->k == KEY_ENTER || key->k == KEY_F(3))
			p->chosen = (int)p->cur;
		else if (key->k == KEY_F(10))
			p->chosen = -1;
	} else if (key->k == '\r' || key->k == '\n') {
		p->chosen = (int)p->cur;
	} else if (key->k == KEY_ESC || key->k == CTRL('g') ||
	    key->k == CTRL('c')) {
		p->chosen = -1;
	} else if (key->k == CTRL('n') || key->k == CTRL('p')) {
		p->cur = key->k == CTRL('p') ? (p->cur > 0 ? p->cur - 1 :
		    p->n - 1) : (p->cur + 1 < p->n ? p->cur + 1 : 0);
	} else if (key->k > ' ' && (hit = form_pick_find(p->items, p->n,
	    p->cur, key->k)) < p->n) {
		/* A digit chooses its item at once ("2 — …"). */
		if (key->k >= '0' && key->k <= '9')
			p->chosen = (int)hit;
		p->cur = hit;
	}
	return p->chosen == -3 ? SCREEN_STAY : SCREEN_DONE;
}

int
form_pick(struct form *f, const char *title, const char *const *items,
    size_t n, size_t cur)
{
	struct form_picking p = { f, title, items, n, cur < n ? cur : 0, 0,
	    -3 };
	struct screen s = { .draw = form_picking_draw, .key = form_picking_key,
	    .ctx = &p };

	if (n == 0)
		return -1;
	if (screen_run(&s) == SCREEN_QUIT)
		return -2;
	return p.chosen;
}
