/*
 * print.c - the print dialog: the format, the version (the working copy or
 * an approved revision), the printer (the queues lpstat knows, or a file)
 * and the copies; the program's print callback then prints or saves and
 * says where, on the message line.
 */
#include "screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_history.h"
#include "utf8.h"

#define PRINT_W 64
#define PRINT_H 10
#define PRINT_LABEL_W 15

enum print_field {
	PRINT_FORMAT,
	PRINT_VERSION,
	PRINT_PRINTER,
	PRINT_COPIES,
	PRINT_NFIELDS
};

/* The fields' labels, in the order of enum print_field. */
static const char *const print_labels[PRINT_NFIELDS] = {
	"Формат:", "Редакция:", "Принтер:", "Экземпляров:"
};

/* In the order the dialog offers them. */
static const struct {
	enum ui_print_format format;
	const char *name;
	bool	 printable;	/* lp takes it */
} print_formats[] = {
	{ UI_PRINT_PDF, "PDF", true },
	{ UI_PRINT_TXT, "текст (txt)", true },
	{ UI_PRINT_DOCX, "Word (docx) — в файл", false },
	{ UI_PRINT_HTML, "HTML для сайта — в файл", false },
};
#define PRINT_NFORMATS (sizeof print_formats / sizeof print_formats[0])

/* The dialog's choices and what each field is set to. */
struct print_form {
	struct strvec versions;	/* as shown; [0] the working copy */
	int64_t	*revs;		/* the revision of each; [0] 0 */
	struct strvec printers;	/* queues; the file is one past the last */
	size_t	 format, version, printer;
	int	 copies;
	bool	 typing;	/* digits typed go on the number typed */
	int	 cur;		/* the field chosen */
	bool	 order;		/* the amending order's draft */
	/* a word under the fields ("" none) */
	char	 note[ERROR_MSG_MAX + 64];
};

/* Approved revisions, newest first, after the working copy. */
static int
print_load_versions(struct print_form *f, struct store *st,
    struct error *err)
{
	struct revisions rs = { 0 };
	char day[DATE_BUFSZ];
	struct date d;

	strvec_push(&f->versions, "рабочая версия");
	if (store_revisions_list(st, &rs, err) != 0)
		return -1;
	f->revs = xcalloc(rs.n + 1, sizeof *f->revs);
	for (size_t i = rs.n; i-- > 0;) {
		struct error derr;
		const struct revision *r = &rs.v[i];

		f->revs[f->versions.n] = r->id;
		strvec_push_owned(&f->versions, xasprintf("ред. %lld: приказ "
		    "от %s № %s", (long long)r->id,
		    date_parse(r->order_date, &d, &derr) == 0 ?
		    date_format(d, day) : r->order_date, r->order_no));
	}
	revisions_fini(&rs);
	return 0;
}

/* The printers the program knows; none is no error, only a note. */
static void
print_load_printers(struct print_form *f, const struct ui_actions *acts)
{
	struct error err;

	if (acts->printers == NULL)
		return;
	if (acts->printers(acts->ctx, &f->printers, &err) != 0)
		snprintf(f->note, sizeof f->note, "Список принтеров не "
		    "получен: %s", err.msg);
}

/* True when the chosen format and printer send the job to lp. */
static bool
print_to_printer(const struct print_form *f)
{
	return print_formats[f->format].printable &&
	    f->printer < f->printers.n;
}

/* The value the field shows. */
static const char *
print_value(const struct print_form *f, int field, char *num, size_t size)
{
	switch (field) {
	case PRINT_FORMAT:
		return print_formats[f->format].name;
	case PRINT_VERSION:
		return f->versions.v[f->version];
	case PRINT_PRINTER:
		if (!print_to_printer(f))
			return "сохранить в файл";
		return f->printers.v[f->printer];
	default:
		snprintf(num, size, "%d", f->copies);
		return num;
	}
}

/* The dialog's frame, centred. */
static struct rect
print_rect(void)
{
	int w = COLS - 4 < PRINT_W ? COLS - 4 : PRINT_W;
	int h = LINES - 2 < PRINT_H ? LINES - 2 : PRINT_H;

	return (struct rect){ (LINES - h) / 2, (COLS - w) / 2, h, w };
}

/* The whole dialog: each field "◂ value ▸", the chosen one reversed. */
static void
print_draw(const struct print_form *f, bool busy)
{
	struct rect r = print_rect();
	int vw = r.w - 4 - PRINT_LABEL_W;
	char num[16];

	draw_box(&r, f->order ? "Проект приказа о внесении изменений" :
	    "Печать перечня");
	for (int i = 0; i < PRINT_NFIELDS; i++) {
		int y = r.y + 2 + i;
		bool dim = i == PRINT_COPIES && !print_to_printer(f);
		char *v = xasprintf("◂ %s ▸", print_value(f, i, num,
		    sizeof num));

		draw_text(y, r.x + 2, PRINT_LABEL_W, print_labels[i],
		    i == f->cur ? A_BOLD : A_NORMAL);
		draw_text(y, r.x + 2 + PRINT_LABEL_W, vw, v, i == f->cur ?
		    A_REVERSE : dim ? A_DIM : A_NORMAL);
		free(v);
	}
	draw_text(r.y + 3 + PRINT_NFIELDS, r.x + 2, r.w - 4, busy ?
	    "Готовится документ…" : f->note, A_BOLD);
	draw_text(r.y + r.h - 2, r.x + 2, r.w - 4, "← → — выбор  ↑↓ — поле  "
	    "Enter — печать  Esc — отмена", A_DIM);
	refresh();
}

/* ← or → (dir -1, 1) on the current field: the previous or next choice,
 * round; copies from 1 to UI_PRINT_COPIES_MAX. */
static void
print_choose(struct print_form *f, int dir)
{
	size_t n;
	size_t *v;

	switch (f->cur) {
	case PRINT_FORMAT:
		n = PRINT_NFORMATS;
		v = &f->format;
		break;
	case PRINT_VERSION:
		n = f->versions.n;
		v = &f->version;
		break;
	case PRINT_PRINTER:
		n = f->printers.n + 1;
		v = &f->printer;
		break;
	default:
		f->copies += dir;
		if (f->copies < 1)
			f->copies = 1;
		if (f->copies > UI_PRINT_COPIES_MAX)
			f->copies = UI_PRINT_COPIES_MAX;
		return;
	}
	*v = (*v + (dir > 0 ? 1 : n - 1)) % n;
}

/* Digits typed on the copies field: the first replaces the number, the
 * next ones go on it, up to the maximum. */
static void
print_type_copies(struct print_form *f, wint_t wc)
{
	int d = (int)(wc - '0'), c = f->typing ? f->copies * 10 + d : d;

	f->copies = c <= UI_PRINT_COPIES_MAX ? c : d;
	if (f->copies < 1)
		f->copies = 1;
	f->typing = true;
}

/* Backspace on the copies field: the last digit goes (never below 1). */
static void
print_drop_digit(struct print_form *f)
{
	f->copies = f->copies / 10 > 0 ? f->copies / 10 : 1;
	f->typing = true;
}

/* Go to field by dir (-1 up, 1 down), round. */
static void
print_step_field(struct print_form *f, int dir)
{
	f->cur = (f->cur + PRINT_NFIELDS + dir) % PRINT_NFIELDS;
	f->typing = false;
}

/* What the callback is asked for. */
static struct ui_print_request
print_request(const struct print_form *f)
{
	struct ui_print_request req;

	memset(&req, 0, sizeof req);
	req.format = print_formats[f->format].format;
	req.revision = f->revs[f->version];
	req.printer = print_to_printer(f) ? f->printers.v[f->printer] : NULL;
	req.copies = f->copies;
	req.order = f->order;
	return req;
}

/* The print dialog as its keys come. */
struct print_running {
	struct print_form *f;
	const struct dialog_env *env;
	bool	 print;		/* Enter: print */
};

static void
print_running_draw(void *ctx)
{
	print_draw(((struct print_running *)ctx)->f, false);
}

/* The terminal changed size: the screen under the dialog first. */
static void
print_running_resize(void *ctx)
{
	const struct dialog_env *env = ((struct print_running *)ctx)->env;

	env->redraw(env->ctx);
}

/* An F-key or arrow of the dialog. */
static void
print_fkey(struct print_form *f, wint_t wc, bool *enter)
{
	if (wc == KEY_UP || wc == KEY_BTAB)
		print_step_field(f, -1);
	else if (wc == KEY_DOWN)
		print_step_field(f, 1);
	else if (wc == KEY_BACKSPACE && f->cur == PRINT_COPIES)
		print_drop_digit(f);
	else if (wc == KEY_LEFT || wc == KEY_RIGHT) {
		print_choose(f, wc == KEY_LEFT ? -1 : 1);
		f->typing = false;
	} else if (wc == KEY_ENTER)
		*enter = true;
}

static enum screen_step
print_running_key(void *ctx, struct key *key)
{
	struct print_running *run = ctx;
	struct print_form *f = run->f;
	wint_t wc = key->cmd;

	if (key->fkey) {
		print_fkey(f, wc, &run->print);
		return run->print ? SCREEN_DONE : SCREEN_STAY;
	}
	if (wc == '\r' || wc == '\n') {
		run->print = true;
		return SCREEN_DONE;
	}
	if (wc == '\t' || wc == 'j')
		print_step_field(f, 1);
	else if (wc == 'k')
		print_step_field(f, -1);
	else if (wc == 'h' || wc == 'l' || wc == ' ') {
		print_choose(f, wc == 'h' ? -1 : 1);
		f->typing = false;
	}
	else if (f->cur == PRINT_COPIES && wc >= '0' && wc <= '9')
		print_type_copies(f, wc);
	else if (f->cur == PRINT_COPIES && (wc == 127 || wc == CTRL('h')))
		print_drop_digit(f);
	return SCREEN_STAY;
}

/* Read keys until Enter (true), Esc (false) or a signal (*quit). */
static bool
print_keys(struct print_form *f, const struct dialog_env *env, bool *quit)
{
	struct print_running run = { f, env, false };
	struct screen s = { .draw = print_running_draw,
	    .key = print_running_key, .ctx = &run,
	    .resize = print_running_resize, .leave_esc = true,
	    .leave_q = true };

	*quit = screen_run(&s) == SCREEN_QUIT;
	return !*quit && run.print;
}

/* Free what the form holds. */
static void
print_form_fini(struct print_form *f)
{
	strvec_fini(&f->versions);
	strvec_fini(&f->printers);
	free(f->revs);
}

/* The dialog for the list, or for the order's draft. */
static enum dialog_result
print_dialog_for(const struct dialog_env *env, bool order, char *msg,
    size_t msglen, bool *failed)
{
	const struct ui_actions *acts = env->acts;
	struct ui_print_request req;
	struct print_form f;
	struct error err;
	bool quit = false;
	int rc;

	*failed = false;
	if (acts == NULL || acts->print == NULL) {
		snprintf(msg, msglen, "Печать из редактора недоступна: "
		    "есть команды perechen print и perechen export");
		*failed = true;
		return DIALOG_CANCEL;
	}
	memset(&f, 0, sizeof f);
	strvec_init(&f.versions);
	strvec_init(&f.printers);
	f.copies = 1;
	if (print_load_versions(&f, env->st, &err) != 0) {
		snprintf(msg, msglen, "%s", err.msg);
		*failed = true;
		print_form_fini(&f);
		return DIALOG_CANCEL;
	}
	if (order && f.versions.n < 2) {
		snprintf(msg, msglen, "Перечень ещё не утверждён: проект "
		    "приказа о внесении изменений не из чего составить");
		*failed = true;
		print_form_fini(&f);
		return DIALOG_CANCEL;
	}
	if (order) {
		/* The revision amended: the latest, or an earlier one. */
		f.order = true;
		free(f.versions.v[0]);
		f.versions.v[0] = xstrdup("последняя утверждённая");
	}
	print_load_printers(&f, acts);
	if (f.printers.n == 0 && f.note[0] == '\0')
		snprintf(f.note, sizeof f.note, "Принтеров нет: документ будет "
		    "сохранён в файл.");
	env->redraw(env->ctx);
	if (!print_keys(&f, env, &quit)) {
		print_form_fini(&f);
		return quit ? DIALOG_QUIT : DIALOG_CANCEL;
	}
	print_draw(&f, true);
	req = print_request(&f);
	rc = acts->print(acts->ctx, &req, msg, msglen);
	/* Saved in a file when a printer was chosen: printing failed. */
	*failed = rc < 0 || (rc == 1 && req.printer != NULL);
	print_form_fini(&f);
	return DIALOG_OK;
}

enum dialog_result
print_dialog(const struct dialog_env *env, char *msg, size_t msglen,
    bool *failed)
{
	return print_dialog_for(env, false, msg, msglen, failed);
}

enum dialog_result
print_order_dialog(const struct dialog_env *env, char *msg, size_t msglen,
    bool *failed)
{
	return print_dialog_for(env, true, msg, msglen, failed);
}
