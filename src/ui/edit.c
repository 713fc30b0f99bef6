/*
 * edit.c - what the table's editing keys do: the forms (add, edit, the
 * header), excluding and restoring, moving, undo and redo, and the
 * findings screen; after each change the page is read again so that the
 * table and the detail pane show what was saved.
 */
#include "screen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

struct edit *
edit_new(struct store *st, struct catalog *cat, struct list_header *hdr,
    struct table *t, struct detail *d, const struct ui_options *opt,
    prompt_redraw_fn *redraw, void *ctx)
{
	struct edit *e = xcalloc(1, sizeof *e);

	e->st = st;
	e->cat = cat;
	e->hdr = hdr;
	e->table = t;
	e->detail = d;
	e->opt = opt;
	e->redraw = redraw;
	e->ctx = ctx;
	undo_init(&e->undo);
	return e;
}

void
edit_free(struct edit *e)
{
	if (e == NULL)
		return;
	undo_fini(&e->undo);
	free(e);
}

void
edit_say(struct edit *e, bool error, const char *fmt, ...)
{
	va_list ap;

	if (e->msg == NULL)
		return;
	va_start(ap, fmt);
	msgline_vsay(e->msg, error, fmt, ap);
	va_end(ap);
}

int
edit_actor(struct edit *e, struct actor *who, struct error *err)
{
	const struct ui_actions *acts = e->opt->actions;

	if (acts == NULL || acts->actor == NULL)
		return error_set(err, "правка недоступна: неизвестно, кто "
		    "вносит изменение");
	acts->actor(acts->ctx, who);
	return 0;
}

void
edit_refresh(struct edit *e, const struct view_key *key)
{
	struct catalog cat;
	struct error err;

	catalog_init(&cat);
	if (store_read_catalog(e->st, &cat, &err) == 0) {
		catalog_fini(e->cat);
		*e->cat = cat;
	} else {
		catalog_fini(&cat);
	}
	e->detail->loaded = false;
	if (table_resize(e->table, e->table->height, &err) != 0 ||
	    (key != NULL && table_goto(e->table, key, &err) != 0))
		edit_say(e, true, "%s", err.msg);
}

/* Refuse a change of a list opened for reading only. */
static bool
edit_refused(struct edit *e)
{
	if (!e->opt->readonly && !store_is_readonly(e->st))
		return false;
	edit_say(e, true, "Перечень открыт только для чтения: изменять его "
	    "нельзя");
	return true;
}

/* Ask on the message line over the table; the key that answered, or 0 on
 * a signal or hangup (*quit set). */
static wint_t
edit_ask(struct edit *e, const char *question, bool *quit)
{
	struct key key;

	if (!widget_ask(question, e->redraw, e->ctx, &key)) {
		*quit = true;
		return 0;
	}
	return key.fkey ? 0 : key.k;
}

/* What a form's end means for the table. */
static void
edit_after_form(struct edit *e, enum dialog_result res,
    const struct view_key *key, bool *quit)
{
	switch (res) {
	case DIALOG_OK:
		edit_refresh(e, key);
		break;
	case DIALOG_QUIT:
		*quit = true;
		break;
	case DIALOG_CANCEL:
		if (e->msg->text[0] == '\0')
			edit_say(e, false, "Форма закрыта без сохранения");
		break;
	}
}

/* The key of the process row a row belongs to. */
static struct view_key
edit_process_key(const struct view_row *r)
{
	return store_view_key_process(&r->key);
}

/* a, Ins: a touchpoint in the process of the row; on a process row the
 * clerk says which. */
static void
edit_add(struct edit *e, bool *quit)
{
	const struct view_row *r = table_current(e->table);
	struct view_key pkey, key;
	wint_t k;
	char *q;

	if (r == NULL) {
		edit_after_form(e, form_process(e, 0, &key), &key, quit);
		return;
	}
	if (r->type == VIEW_ROW_PROCESS) {
		q = xasprintf("Добавить: т — точку в процесс «%s», п — новый "
		    "процесс, Esc — ничего", r->proc_name);
		k = edit_ask(e, q, quit);
		free(q);
		if (*quit)
			return;
		if (k == L'п' || k == L'П' || k == 'p' || k == 'P') {
			edit_after_form(e, form_process(e, 0, &key), &key,
			    quit);
			return;
		}
		if (k != L'т' && k != L'Т' && k != 't' && k != 'T' &&
		    k != '\r' && k != '\n')
			return;
		r = table_current(e->table);
	}
	pkey = edit_process_key(r);
	edit_after_form(e, form_touchpoint(e, &pkey, 0, FIELD_NONE,
	    FORM_NO_ITEM, &key), &key, quit);
}

/* P: a new process at the end. */
static void
edit_add_process(struct edit *e, bool *quit)
{
	struct view_key key;

	edit_after_form(e, form_process(e, 0, &key), &key, quit);
}

/* e, F4: the form of the current row's record. */
static void
edit_open(struct edit *e, bool *quit)
{
	const struct view_row *r = table_current(e->table);
	struct view_key pkey, key;

	if (r == NULL) {
		edit_say(e, false, "Перечень пуст: a — добавить процесс");
		return;
	}
	if (r->type == VIEW_ROW_PROCESS) {
		edit_after_form(e, form_process(e, r->key.proc_id, &key), &key,
		    quit);
		return;
	}
	pkey = edit_process_key(r);
	edit_after_form(e, form_touchpoint(e, &pkey, r->key.tp_id, FIELD_NONE,
	    FORM_NO_ITEM, &key), &key, quit);
}

/* K, J, Alt-↑, Alt-↓: the row's record up or down by one. */
static void
edit_move(struct edit *e, int delta)
{
	const struct view_row *r = table_current(e->table);
	struct undo_entry u;
	struct view_key key;
	struct actor who;
	struct error err;
	bool process;
	int rc;

	if (r == NULL)
		return;
	if (edit_actor(e, &who, &err) != 0) {
		edit_say(e, true, "%s", err.msg);
		return;
	}
	key = r->key;
	process = r->type == VIEW_ROW_PROCESS;
	if (process) {
		rc = store_process_move(e->st, key.proc_id, delta, &who, &err);
		key.proc_pos += delta;
		undo_entry_init(&u, UNDO_PROC_MOVE);
		model_set(&u.text_after, r->proc_name);
	} else {
		rc = store_touchpoint_move(e->st, key.tp_id, delta, &who, &err);
		key.tp_pos += delta;
		undo_entry_init(&u, UNDO_TP_MOVE);
		model_set(&u.after.name, r->name);
	}
	if (rc != 0) {
		edit_say(e, true, "%s", err.msg);
		undo_entry_fini(&u);
		return;
	}
	u.proc_id = key.proc_id;
	u.tp_id = process ? 0 : key.tp_id;
	u.delta = delta;
	u.key = key;
	undo_push(&e->undo, &u);
	/* The rows are read again: r is gone. */
	edit_refresh(e, &key);
	if (process)
		edit_say(e, false, "Процесс теперь № %lld (u — отменить)",
		    (long long)key.proc_pos);
	else
		edit_say(e, false, "Точка теперь %lld.%lld (u — отменить)",
		    (long long)key.proc_pos, (long long)key.tp_pos);
}

/* x, F8 on a process row: exclude the process (п. 5.3.4), asking the
 * reason; its touchpoints go out of the printed list with it. */
static void
edit_exclude_process(struct edit *e, const struct view_row *r, bool *quit)
{
	struct undo_entry u;
	struct view_key key = r->key;
	struct actor who;
	struct error err;
	char *q, *text = NULL, *reason;
	enum prompt_result pr;

	if (r->excluded) {
		edit_say(e, false, "Процесс уже исключён; r — вернуть его в "
		    "перечень");
		return;
	}
	undo_entry_init(&u, UNDO_PROC_EXCLUDE);
	model_set(&u.after.name, r->proc_name);
	q = xasprintf("Причина исключения процесса (п. 5.3.4) «%s»: ",
	    r->proc_name);
	msgline_clear(e->msg);
	e->redraw(e->ctx);
	pr = prompt_read(q, LINES - 2, e->redraw, e->ctx, &text);
	free(q);
	if (pr != PROMPT_OK) {
		*quit = pr == PROMPT_QUIT;
		edit_say(e, false, "Процесс не исключён");
		undo_entry_fini(&u);
		return;
	}
	reason = utf8_squeeze(text);
	free(text);
	if (reason[0] == '\0')
		edit_say(e, true, "Процесс не исключён: укажите причину "
		    "(п. 5.3.4)");
	else if (edit_actor(e, &who, &err) != 0 ||
	    store_process_exclude(e->st, key.proc_id, reason, &who, &err) != 0)
		edit_say(e, true, "%s", err.msg);
	else {
		model_set(&u.text_after, reason);
		u.proc_id = key.proc_id;
		u.key = key;
		edit_refresh(e, &key);
		edit_say(e, false, "Процесс %lld исключён (r — вернуть, "
		    "u — отменить): %s", (long long)key.proc_pos, reason);
		undo_push(&e->undo, &u);
		free(reason);
		return;
	}
	undo_entry_fini(&u);
	free(reason);
}

/* r on a process row: bring an excluded process back into the list. */
static void
edit_restore_process(struct edit *e, const struct view_row *r)
{
	struct undo_entry u;
	struct view_key key = r->key;
	struct actor who;
	struct error err;

	if (!r->excluded) {
		edit_say(e, false, "Процесс не исключён: вернуть можно "
		    "исключённый");
		return;
	}
	undo_entry_init(&u, UNDO_PROC_RESTORE);
	model_set(&u.after.name, r->proc_name);
	model_set(&u.text_before, r->exclude_reason);
	if (edit_actor(e, &who, &err) != 0 ||
	    store_process_restore(e->st, key.proc_id, &who, &err) != 0) {
		edit_say(e, true, "%s", err.msg);
		undo_entry_fini(&u);
		return;
	}
	u.proc_id = key.proc_id;
	u.key = key;
	edit_refresh(e, &key);
	edit_say(e, false, "Процесс %lld снова в перечне: %s",
	    (long long)key.proc_pos, u.after.name);
	undo_push(&e->undo, &u);
}

/* x, F8: exclude the touchpoint (п. 5.3.4), asking the reason. */
static void
edit_exclude(struct edit *e, bool *quit)
{
	const struct view_row *r = table_current(e->table);
	struct undo_entry u;
	struct view_key key;
	struct actor who;
	struct error err;
	char *q, *text = NULL, *reason;
	enum prompt_result pr;

	if (r != NULL && r->type == VIEW_ROW_PROCESS) {
		edit_exclude_process(e, r, quit);
		return;
	}
	if (r == NULL) {
		edit_say(e, false, "Исключить можно процесс или точку "
		    "взаимодействия: встаньте на её строку");
		return;
	}
	if (r->excluded) {
		edit_say(e, false, "Точка уже исключена; r — вернуть её в "
		    "перечень");
		return;
	}
	key = r->key;
	q = xasprintf("Причина исключения (п. 5.3.4) «%s»: ", r->name);
	msgline_clear(e->msg);
	e->redraw(e->ctx);
	pr = prompt_read(q, LINES - 2, e->redraw, e->ctx, &text);
	free(q);
	if (pr == PROMPT_QUIT) {
		*quit = true;
		return;
	}
	if (pr == PROMPT_CANCEL) {
		edit_say(e, false, "Точка не исключена");
		return;
	}
	reason = utf8_squeeze(text);
	free(text);
	undo_entry_init(&u, UNDO_TP_EXCLUDE);
	if (reason[0] == '\0') {
		edit_say(e, true, "Точка не исключена: укажите причину "
		    "(п. 5.3.4)");
	} else if (edit_actor(e, &who, &err) != 0 ||
	    store_touchpoint_load(e->st, key.tp_id, &u.before, NULL,
	    &err) != 0 ||
	    store_touchpoint_exclude(e->st, key.tp_id, reason, e->cat, &who,
	    &err) != 0) {
		edit_say(e, true, "%s", err.msg);
	} else {
		record_copy_touchpoint(&u.after, &u.before);
		u.after.excluded = true;
		model_set(&u.after.exclude_reason, reason);
		u.proc_id = key.proc_id;
		u.tp_id = key.tp_id;
		u.key = key;
		edit_refresh(e, &key);
		edit_say(e, false, "Точка %lld.%lld исключена (r — вернуть, "
		    "u — отменить): %s", (long long)key.proc_pos,
		    (long long)key.tp_pos, reason);
		undo_push(&e->undo, &u);
		free(reason);
		return;
	}
	undo_entry_fini(&u);
	free(reason);
}

/* r: bring an excluded touchpoint back into the list. */
static void
edit_restore(struct edit *e)
{
	const struct view_row *r = table_current(e->table);
	struct undo_entry u;
	struct view_key key;
	struct actor who;
	struct error err;

	if (r != NULL && r->type == VIEW_ROW_PROCESS) {
		edit_restore_process(e, r);
		return;
	}
	if (r == NULL || !r->excluded) {
		edit_say(e, false, "Вернуть в перечень можно исключённую "
		    "точку или процесс: встаньте на строку");
		return;
	}
	key = r->key;
	undo_entry_init(&u, UNDO_TP_RESTORE);
	if (edit_actor(e, &who, &err) != 0 ||
	    store_touchpoint_load(e->st, key.tp_id, &u.before, NULL,
	    &err) != 0 ||
	    store_touchpoint_restore(e->st, key.tp_id, e->cat, &who,
	    &err) != 0) {
		edit_say(e, true, "%s", err.msg);
		undo_entry_fini(&u);
		return;
	}
	record_copy_touchpoint(&u.after, &u.before);
	u.after.excluded = false;
	model_set(&u.after.exclude_reason, "");
	u.proc_id = key.proc_id;
	u.tp_id = key.tp_id;
	u.key = key;
	edit_refresh(e, &key);
	edit_say(e, false, "Точка %lld.%lld снова в перечне: %s",
	    (long long)key.proc_pos, (long long)key.tp_pos, u.before.name);
	undo_push(&e->undo, &u);
}

/* u, Ctrl-R. */
static void
edit_undo(struct edit *e, bool back)
{
	struct view_key key;
	struct error err;
	char what[512];
	int rc;

	rc = back ? undo_undo(&e->undo, e, what, sizeof what, &key, &err) :
	    undo_redo(&e->undo, e, what, sizeof what, &key, &err);
	if (rc < 0) {
		edit_say(e, true, "%s", err.msg);
		return;
	}
	if (rc == 0) {
		edit_say(e, false, back ? "Отменять нечего: правок в этом "
		    "сеансе нет" : "Повторять нечего");
		return;
	}
	edit_refresh(e, &key);
	edit_say(e, false, "%s", what);
}

/* Open the form a finding points at; what the form came to. */
static enum dialog_result
edit_finding_form(struct edit *e, const struct findings_jump *jump,
    bool *quit)
{
	struct view_key pkey = store_view_key_process(&jump->key), key;
	enum dialog_result res;

	if (jump->touchpoint)
		res = form_touchpoint(e, &pkey, jump->key.tp_id, jump->field,
		    jump->item, &key);
	else if (jump->field == FIELD_NAME)
		res = form_process(e, jump->key.proc_id, &key);
	else {
		edit_say(e, false, "О процессе в целом: %s", jump->message);
		return DIALOG_CANCEL;
	}
	edit_after_form(e, res, &key, quit);
	return res;
}

/* !, F5: the findings; Enter there opens the record at the field, and a
 * save brings the clerk back to the findings at the next one. */
static void
edit_findings(struct edit *e, bool *quit)
{
	struct findings_jump jump, resume;
	enum dialog_result res = findings_screen(e, NULL, &jump);

	for (;;) {
		if (res == DIALOG_QUIT) {
			*quit = true;
			return;
		}
		edit_refresh(e, res == DIALOG_OK ? &jump.key : NULL);
		if (res != DIALOG_OK || e->opt->readonly ||
		    store_is_readonly(e->st))
			return;
		if (edit_finding_form(e, &jump, quit) != DIALOG_OK || *quit)
			return;
		resume = jump;
		res = findings_screen(e, &resume, &jump);
	}
}

/* The change keys, refused on a list opened for reading. */
static bool
edit_change_key(struct edit *e, bool fkey, wint_t k, enum xkey x,
    bool *quit)
{
	bool add = (!fkey && k == 'a') || (fkey && k == KEY_IC);
	bool open = (!fkey && k == 'e') || (fkey && k == KEY_F(4));
	bool up = (!fkey && k == 'K') || x == XKEY_ALT_UP ||
	    x == XKEY_CTRL_UP;
	bool down = (!fkey && k == 'J') || x == XKEY_ALT_DOWN ||
	    x == XKEY_CTRL_DOWN;
	bool exclude = (!fkey && k == 'x') || (fkey && k == KEY_F(8));

	if (!add && !open && !up && !down && !exclude && (fkey ||
	    (k != 'P' && k != 'r' && k != 'E' && k != 'u' && k != CTRL('r'))))
		return false;
	if (edit_refused(e))
		return true;
	if (add)
		edit_add(e, quit);
	else if (open)
		edit_open(e, quit);
	else if (up || down)
		edit_move(e, up ? -1 : 1);
	else if (exclude)
		edit_exclude(e, quit);
	else if (k == 'P')
		edit_add_process(e, quit);
	else if (k == 'r')
		edit_restore(e);
	else if (k == 'E')
		edit_after_form(e, form_header(e), NULL, quit);
	else
		edit_undo(e, k == 'u');
	return true;
}

bool
edit_key(struct edit *e, bool fkey, wint_t k, struct msgline *msg,
    bool *quit)
{
	enum xkey x = fkey ? keys_extra(k) : XKEY_NONE;
	bool used;

	e->msg = msg;
	if ((!fkey && k == '!') || (fkey && k == KEY_F(5))) {
		edit_findings(e, quit);
		used = true;
	} else {
		used = edit_change_key(e, fkey, k, x, quit);
	}
	/* A form may have seen the terminal resized: lay the table out
	 * again at the size it is now. */
	if (used && !*quit)
		e->redraw(e->ctx);
	e->msg = NULL;
	return used;
}
