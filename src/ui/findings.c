/*
 * findings.c - the findings screen: every finding of the rules over the
 * whole list, grouped by process and touchpoint, as "perechen check"
 * prints them.  The list is read when the screen opens (on demand, as
 * the check needs it whole).  Enter goes to the record and opens its form
 * at the field; a warning may be accepted with a justification here too.
 */
#include "screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_ack.h"
#include "store_tx.h"
#include "utf8.h"

struct fscreen {
	struct edit	*e;
	struct list	 l;
	struct findings	 f;
	struct acks	 acks;
	bool		 hide_hints;
	size_t		 cur;		/* the finding under the cursor */
	int		 scroll;	/* the first line shown */
	struct msgline	 msg;
	struct screen	 scr;		/* its loop, with the help */
	struct findings_jump *jump;	/* where Enter goes */
	enum dialog_result res;		/* the way out */
};

/* Whether finding i is listed. */
static bool
fs_shown(const struct fscreen *s, size_t i)
{
	return !(s->hide_hints && s->f.v[i].level == LEVEL_HINT);
}

/* The lines of finding i, its level first, wrapped in width. */
static void
fs_finding_lines(const struct fscreen *s, size_t i, int width,
    struct wrapped *ls)
{
	const struct finding *fi = &s->f.v[i];
	attr_t attr = fi->level == LEVEL_ERROR ? A_BOLD :
	    fi->level == LEVEL_HINT || fi->acknowledged ? A_DIM : A_NORMAL;
	char *text;

	if (fi->acknowledged)
		text = xasprintf("✓ принято — %s (обоснование: %s)",
		    fi->message, fi->justification);
	else
		text = xasprintf("%s %s — %s", fi->level == LEVEL_ERROR ? "✗" :
		    fi->level == LEVEL_WARNING ? "!" : "·",
		    level_label(fi->level), fi->message);
	/* Its continuation lines stand under its text, 6 columns in. */
	wrapped_add_tagged(ls, text, attr, 4, width + 4, i);
	free(text);
}

/* Every line at width: process headings, touchpoint headings, findings. */
static void
fs_layout(const struct fscreen *s, int width, struct wrapped *ls)
{
	size_t proc = FINDING_NONE, tp = FINDING_NONE;

	for (size_t i = 0; i < s->f.n; i++) {
		const struct finding *fi = &s->f.v[i];
		char *h;

		if (!fs_shown(s, i))
			continue;
		if (fi->proc == FINDING_NONE) {
			/* R0 about the header comes first, under its own
			 * heading. */
			if (i == 0)
				wrapped_add_tagged(ls, "Заголовок перечня "
				    "(E — заполнить)", A_BOLD, 0, 0,
				    FINDING_NONE);
			fs_finding_lines(s, i, width - 7, ls);
			continue;
		}
		if (fi->proc != proc) {
			proc = fi->proc;
			tp = FINDING_NONE;
			h = xasprintf("%zu. %s", proc + 1,
			    s->l.procs[proc].name);
			wrapped_add_tagged(ls, h, A_BOLD, 0, 0, FINDING_NONE);
			free(h);
		}
		if (fi->tp != tp && fi->tp != FINDING_NONE) {
			tp = fi->tp;
			h = xasprintf("%zu.%zu %s", proc + 1, tp + 1,
			    s->l.procs[proc].tps[tp].name);
			wrapped_add_tagged(ls, h, A_UNDERLINE, 2, 0,
			    FINDING_NONE);
			free(h);
		}
		fs_finding_lines(s, i, width - 7, ls);
	}
}

/* Counts for the title. */
static char *
fs_title(const struct fscreen *s)
{
	size_t errors = findings_count(&s->f, LEVEL_ERROR, false);
	size_t warnings = findings_count(&s->f, LEVEL_WARNING, false);
	size_t open = findings_count(&s->f, LEVEL_WARNING, true);
	size_t hints = findings_count(&s->f, LEVEL_HINT, false);

	return xasprintf("Замечания по правилам Порядка: ошибок %zu, "
	    "предупреждений %zu (принято %zu), подсказок %zu%s", errors,
	    warnings, warnings - open, hints, s->hide_hints ?
	    " (скрыты)" : "");
}

/* The first finding shown at or after i (dir 1) or at or before it. */
static size_t
fs_next_shown(const struct fscreen *s, size_t i, int dir)
{
	while (i < s->f.n) {
		if (fs_shown(s, i))
			return i;
		if (dir < 0 && i == 0)
			break;
		i = dir < 0 ? i - 1 : i + 1;
	}
	return FINDING_NONE;
}

/* Keep the cursor on a finding that is shown. */
static void
fs_fix_cursor(struct fscreen *s)
{
	size_t i = fs_next_shown(s, s->cur, 1);

	if (i == FINDING_NONE)
		i = fs_next_shown(s, s->cur < s->f.n ? s->cur : s->f.n - 1, -1);
	s->cur = i == FINDING_NONE ? 0 : i;
}

/* Draw the screen; the cursor's finding in reverse. */
static void
fs_draw(struct fscreen *s)
{
	struct wrapped ls = { 0 };
	int body = LINES - 3, first = -1, last = -1;
	char *title = fs_title(s);

	erase();
	draw_fill(0, 0, COLS, term_attr_title());
	draw_text(0, 1, COLS - 1, title, term_attr_title());
	free(title);
	if (s->scr.pane.on) {
		struct rect r = { 1, 0, body, COLS };

		help_pane_draw(&s->scr.pane, &r);
	} else {
		fs_layout(s, COLS, &ls);
		for (size_t i = 0; i < ls.n; i++)
			if (ls.tag[i] == s->cur) {
				if (first < 0)
					first = (int)i;
				last = (int)i;
			}
		if (first >= 0 && first < s->scroll)
			s->scroll = first;
		if (last >= 0 && last >= s->scroll + body)
			s->scroll = last - body + 1;
		if (s->scroll > (int)ls.n - body)
			s->scroll = (int)ls.n - body;
		if (s->scroll < 0)
			s->scroll = 0;
		if (ls.n == 0)
			draw_text(2, 2, COLS - 4, s->f.n == 0 ?
			    "Замечаний нет: "
			    "перечень соответствует правилам Порядка." :
			    "Ошибок и предупреждений нет; f — показать "
			    "подсказки.", A_BOLD);
		for (int y = 0; y < body; y++) {
			size_t li = (size_t)(s->scroll + y);
			attr_t a;

			if (li >= ls.n)
				break;
			a = ls.attr[li];
			if (ls.tag[li] != FINDING_NONE && ls.tag[li] == s->cur)
				a = A_REVERSE | (ls.attr[li] & A_BOLD);
			draw_text(1 + y, ls.indent[li], COLS - ls.indent[li],
			    ls.text[li], a);
		}
	}
	draw_fill(LINES - 2, 0, COLS, A_NORMAL);
	if (!msgline_draw(&s->msg, LINES - 2))
		draw_text(LINES - 2, 0, COLS, "Enter — к записи и полю · a — "
		    "принять предупреждение · d — снять принятие · f — "
		    "подсказки · Esc — назад", A_DIM);
	draw_fill(LINES - 1, 0, COLS, term_attr_bar());
	draw_text(LINES - 1, 0, COLS, "1Помощь  10Назад", term_attr_bar());
	wrapped_fini(&ls);
	curs_set(0);
	refresh();
}

/* Read the list and its acknowledgements and check it. */
static int
fs_load(struct fscreen *s, struct error *err)
{
	list_fini(&s->l);
	list_init(&s->l);
	findings_reset(&s->f);
	acks_fini(&s->acks);
	acks_init(&s->acks);
	if (store_load_list(s->e->st, &s->l, err) != 0 ||
	    store_ack_list(s->e->st, &s->acks, err) != 0)
		return -1;
	validate_header(&s->l.hdr, &s->f);
	validate_list(&s->l, s->e->cat, &s->f);
	findings_apply_acks(&s->f, &s->acks);
	fs_fix_cursor(s);
	return 0;
}

/* Start on what matters most: the first error, else the first open
 * warning, else the first finding. */
static void
fs_first_cursor(struct fscreen *s)
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < s->f.n; i++) {
			const struct finding *fi = &s->f.v[i];

			if ((pass == 0 && fi->level == LEVEL_ERROR) ||
			    (pass == 1 && fi->level == LEVEL_WARNING &&
			    !fi->acknowledged)) {
				s->cur = i;
				return;
			}
		}
	s->cur = 0;
}

/* Move the cursor by n shown findings. */
static void
fs_move(struct fscreen *s, int n)
{
	int dir = n < 0 ? -1 : 1;

	for (int k = 0; k < (n < 0 ? -n : n); k++) {
		size_t i;

		if ((dir < 0 && s->cur == 0) ||
		    (dir > 0 && s->cur + 1 >= s->f.n))
			break;
		i = fs_next_shown(s, dir < 0 ? s->cur - 1 : s->cur + 1, dir);
		if (i == FINDING_NONE)
			break;
		s->cur = i;
	}
}

/* The prompt's redraw: the screen under it. */
static void
fs_redraw_cb(void *ctx)
{
	fs_draw(ctx);
}

/* a: accept the warning under the cursor with a justification. */
static bool
fs_accept(struct fscreen *s)
{
	const struct finding *fi = &s->f.v[s->cur];
	struct store_tx tx;
	struct actor who;
	struct error err;
	struct ack k;
	char *text = NULL, *why;
	int rc;

	if (fi->proc == FINDING_NONE) {
		/* R0's warning is about words the grif prints: corrected,
		 * never accepted. */
		msgline_say(&s->msg, false, "Замечание к заголовку не "
		    "принимают, а исправляют: E");
		s->msg.error = true;
		return true;
	}
	if (fi->level != LEVEL_WARNING) {
		msgline_say(&s->msg, false, "Принять можно только "
		    "предупреждение: ошибки исправляют, подсказки ни к чему "
		    "не обязывают");
		s->msg.error = true;
		return true;
	}
	msgline_clear(&s->msg);
	fs_draw(s);
	switch (prompt_read("Обоснование: ", LINES - 2, fs_redraw_cb, s,
	    &text)) {
	case PROMPT_QUIT:
		return false;
	case PROMPT_CANCEL:
		return true;
	case PROMPT_OK:
		break;
	}
	why = utf8_squeeze(text);
	free(text);
	memset(&k, 0, sizeof k);
	k.rule = fi->rule;
	k.proc_id = fi->proc_id;
	k.tp_id = ack_check_target(fi->rule, true, NULL) == 0 ? fi->tp_id : 0;
	k.justification = why;
	k.created_utc = xstrdup("");
	rc = edit_actor(s->e, &who, &err);
	if (rc == 0) {
		k.login = xstrdup(who.login);
		rc = store_tx_begin(&tx, s->e->st, &who, POLICY_ACK, &err);
	}
	if (rc == 0)
		rc = store_tx_end(&tx, store_ack_add(s->e->st, &k, &err),
		    &err);
	free(k.justification);
	free(k.login);
	free(k.created_utc);
	if (rc == 0)
		rc = fs_load(s, &err);
	msgline_say(&s->msg, false, "%s", rc == 0 ? "Предупреждение "
	    "принято с обоснованием" : err.msg);
	s->msg.error = rc != 0;
	return true;
}

/* d: take an acceptance back. */
static void
fs_unaccept(struct fscreen *s)
{
	const struct finding *fi = &s->f.v[s->cur];
	struct store_tx tx;
	struct actor who;
	struct error err;
	bool removed = false;
	int rc;

	if (!fi->acknowledged) {
		msgline_say(&s->msg, false, "Это замечание не принято");
		s->msg.error = true;
		return;
	}
	rc = edit_actor(s->e, &who, &err);
	if (rc == 0)
		rc = store_tx_begin(&tx, s->e->st, &who, POLICY_ACK, &err);
	if (rc == 0)
		rc = store_tx_end(&tx, store_ack_remove(s->e->st, fi->rule,
		    fi->proc_id, ack_check_target(fi->rule, true, NULL) == 0 ?
		    fi->tp_id : 0, &removed, &err), &err);
	if (rc == 0)
		rc = fs_load(s, &err);
	msgline_say(&s->msg, false, "%s", rc == 0 ? "Принятие снято: "
	    "предупреждение снова открыто" : err.msg);
	s->msg.error = rc != 0;
}

/* Where finding i is, for the table and the form. */
static void
fs_target(const struct fscreen *s, size_t i, struct findings_jump *jump)
{
	const struct finding *fi = &s->f.v[i];
	const struct process *p = &s->l.procs[fi->proc];

	memset(jump, 0, sizeof *jump);
	jump->touchpoint = fi->tp != FINDING_NONE;
	jump->key.proc_pos = (int64_t)fi->proc + 1;
	jump->key.proc_id = p->id;
	jump->key.tp_pos = jump->touchpoint ? (int64_t)fi->tp + 1 :
	    VIEW_KEY_PROCESS;
	jump->key.tp_id = jump->touchpoint ? p->tps[fi->tp].id :
	    VIEW_KEY_PROCESS;
	jump->field = fi->field;
	jump->item = fi->item;
	snprintf(jump->message, sizeof jump->message, "%s", fi->message);
	jump->index = i;
	jump->rule = fi->rule;
	jump->hide_hints = s->hide_hints;
}

/* Back from the fix of resume's finding: the one after it if it is still
 * there (not fixed), else the one that took its place. */
static void
fs_resume_cursor(struct fscreen *s, const struct findings_jump *resume)
{
	const struct finding *fi;
	size_t i = resume->index;

	s->hide_hints = resume->hide_hints;
	if (i >= s->f.n) {
		s->cur = s->f.n > 0 ? s->f.n - 1 : 0;
		fs_fix_cursor(s);
		return;
	}
	fi = &s->f.v[i];
	if (fi->rule == resume->rule && fi->field == resume->field &&
	    fi->item == resume->item && fi->tp_id == (resume->touchpoint ?
	    resume->key.tp_id : 0) && fi->proc_id == resume->key.proc_id &&
	    strcmp(fi->message, resume->message) == 0 && i + 1 < s->f.n)
		i++;
	s->cur = i;
	fs_fix_cursor(s);
}

/* True if the list may be changed (acceptances are changes). */
static bool
fs_writable(struct fscreen *s)
{
	if (!s->e->opt->readonly && !store_is_readonly(s->e->st))
		return true;
	msgline_say(&s->msg, false, "Перечень открыт только для чтения");
	s->msg.error = true;
	return false;
}

/* One key; DIALOG_CANCEL to stay (done false) or the way out. */
static enum dialog_result
fs_key(struct fscreen *s, const struct key *key, bool *done,
    struct findings_jump *jump)
{
	int page = LINES / 3 > 1 ? LINES / 3 : 1;
	wint_t k = key->cmd;

	*done = false;
	if (key->fkey) {
		switch (k) {
		case KEY_DOWN: fs_move(s, 1); break;
		case KEY_UP: fs_move(s, -1); break;
		case KEY_NPAGE: fs_move(s, page); break;
		case KEY_PPAGE: fs_move(s, -page); break;
		case KEY_HOME: fs_move(s, -(int)s->f.n); break;
		case KEY_END: fs_move(s, (int)s->f.n); break;
		case KEY_LEFT: *done = true; break;
		case KEY_ENTER: goto jump;
		}
		return DIALOG_CANCEL;
	}
	switch (k) {
	case 'j': fs_move(s, 1); break;
	case 'k': fs_move(s, -1); break;
	case 'g': fs_move(s, -(int)s->f.n); break;
	case 'G': fs_move(s, (int)s->f.n); break;
	case 'f':
		s->hide_hints = !s->hide_hints;
		fs_fix_cursor(s);
		break;
	case 'a':
		if (s->f.n > 0 && fs_shown(s, s->cur) && fs_writable(s) &&
		    !fs_accept(s)) {
			*done = true;
			return DIALOG_QUIT;
		}
		break;
	case 'd':
		if (s->f.n > 0 && fs_shown(s, s->cur) && fs_writable(s))
			fs_unaccept(s);
		break;
	case '\r': case '\n': goto jump;
	}
	return DIALOG_CANCEL;
jump:
	if (s->f.n == 0 || !fs_shown(s, s->cur))
		return DIALOG_CANCEL;
	if (s->f.v[s->cur].proc == FINDING_NONE) {
		/* The header is no row of the table: its form is E. */
		msgline_say(&s->msg, false, "Заголовок перечня заполняется "
		    "в таблице: E");
		return DIALOG_CANCEL;
	}
	fs_target(s, s->cur, jump);
	*done = true;
	return DIALOG_OK;
}

static void
fs_draw_cb(void *ctx)
{
	fs_draw(ctx);
}

static enum screen_step
fs_screen_key(void *ctx, struct key *key)
{
	struct fscreen *s = ctx;
	bool done;

	s->res = fs_key(s, key, &done, s->jump);
	if (s->res == DIALOG_QUIT)
		return SCREEN_QUIT;
	return done ? SCREEN_DONE : SCREEN_STAY;
}

enum dialog_result
findings_screen(struct edit *e, const struct findings_jump *resume,
    struct findings_jump *jump)
{
	struct fscreen s;
	struct error err;
	enum dialog_result res = DIALOG_CANCEL;
	bool done = false;

	memset(&s, 0, sizeof s);
	s.e = e;
	list_init(&s.l);
	findings_init(&s.f);
	acks_init(&s.acks);
	if (fs_load(&s, &err) != 0) {
		edit_say(e, true, "%s", err.msg);
		done = true;
	}
	if (resume != NULL) {
		fs_resume_cursor(&s, resume);
		/* What the save did is said here, where the clerk is. */
		if (e->msg != NULL) {
			s.msg = *e->msg;
			msgline_clear(e->msg);
		}
	}
	else
		fs_first_cursor(&s);
	s.jump = jump;
	s.res = DIALOG_CANCEL;
	s.scr = (struct screen){ .draw = fs_draw_cb, .key = fs_screen_key,
	    .ctx = &s, .help = "Замечания", .help_h = true, .leave_esc = true,
	    .leave_q = true, .msg = &s.msg };
	if (!done && screen_run(&s.scr) == SCREEN_QUIT)
		s.res = DIALOG_QUIT;
	res = done ? res : s.res;
	list_fini(&s.l);
	findings_fini(&s.f);
	acks_fini(&s.acks);
	return res;
}
