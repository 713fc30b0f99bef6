/* cmd_edit.c - "perechen edit" (and no command at all): the editor. */
#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "export.h"
#include "office.h"
#include "printjob.h"
#include "order.h"
#include "printout.h"
#include "store_chain.h"
#include "ui.h"

/* Text for a plain printer, as perechen print lays it out. */
#define EDIT_PRINT_WIDTH	80
#define EDIT_PRINT_PAGE_LENGTH	60

/* The Russian usage text. */
static void
edit_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] [edit]\n"
	    "Открывает перечень в полноэкранном редакторе: таблица точек\n"
	    "взаимодействия, сгруппированная по процессам.  Клавиши — F1 или H\n"
	    "в редакторе; выход — q или F10.\n\n"
	    "Переменные окружения:\n"
	    "  ESCDELAY                        задержка Esc в мс (по умолчанию 25)\n"
	    "  PERECHEN_EXIT_AFTER_FIRST_FRAME=1  выйти, нарисовав первый экран\n"
	    "                                  (для замеров скорости открытия)\n",
	    f);
}

/* What the editor's callbacks reach: the program's state and the buffers
 * the actor's strings point into. */
struct edit_ctx {
	struct app	*app;
	struct store	*st;
	struct app_actor who;
};

/* The editor's actor: the real uid's login, stamped now. */
static void
edit_actor(void *ctx, struct actor *who)
{
	struct edit_ctx *ec = ctx;

	app_actor_init(&ec->who);
	*who = ec->who.actor;
}

/* The dialog's format as the printout module names it. */
static enum printout_format
edit_print_format(enum ui_print_format f)
{
	switch (f) {
	case UI_PRINT_TXT: return PRINTOUT_TXT;
	case UI_PRINT_DOCX: return PRINTOUT_DOCX;
	case UI_PRINT_HTML: return PRINTOUT_HTML;
	case UI_PRINT_PDF: break;
	}
	return PRINTOUT_PDF;
}

/* Say in msg what became of the document. */
static void
edit_print_said(enum printjob_result res, const char *title, int copies,
    const char *said, const char *why, const char *where,
    const struct error *err, char *msg, size_t msglen)
{
	switch (res) {
	case PRINTJOB_PRINTED:
		snprintf(msg, msglen, "Отправлено на печать: %s, экземпляров: "
		    "%d%s%s", title, copies, said[0] != '\0' ? "; lp: " : "",
		    said);
		break;
	case PRINTJOB_SAVED:
		/* Where first: the message line may cut the rest. */
		snprintf(msg, msglen, "Документ сохранён в файл %s, а не "
		    "напечатан: %s", where, why);
		break;
	case PRINTJOB_FAILED:
		snprintf(msg, msglen, "Не напечатано и не сохранено: %s",
		    err->msg);
		break;
	}
}

/*
 * The editor's print: the document of the version asked for, to lp when a
 * printer was chosen (saved in a file if that fails), else straight into
 * a file; msg says which and where.  Text is laid out for a plain
 * printer, as perechen print does.
 */
static int
edit_print(void *ctx, const struct ui_print_request *req, char *msg,
    size_t msglen)
{
	struct edit_ctx *ec = ctx;
	struct printout p = { 0 };
	struct export_opts init = EXPORT_OPTS_INIT;
	struct printjob job = { 0 };
	char *title, *base, *said = NULL, *why = NULL, *where = NULL;
	enum printjob_result res;
	struct error err;
	struct buf doc;
	size_t replaced = 0;
	int64_t rev = PRINTOUT_WORKING;
	int rc;

	p.format = edit_print_format(req->format);
	p.revision = req->revision;
	p.order = req->order;
	if (p.order && p.revision == 0)
		p.revision = PRINTOUT_LATEST;
	p.opts = init;
	p.opts.width = EDIT_PRINT_WIDTH;
	p.opts.page_length = EDIT_PRINT_PAGE_LENGTH;
	buf_init(&doc);
	if (printout_format_binary(p.format) && !office_linked()) {
		/* perechen-office lays it out, as a child: the editor keeps
		 * the terminal. */
		rc = office_render(ec->app, &p, &doc, &err);
		rev = p.revision;
	} else if (p.order)
		rc = order_render(ec->st, &p, &doc, &err);
	else
		rc = printout_render(ec->st, &p, &doc, &replaced, &rev, &err);
	if (rc != 0) {
		snprintf(msg, msglen, "Документ не подготовлен: %s", err.msg);
		buf_fini(&doc);
		return -1;
	}
	if (p.order) {
		title = xstrdup("Проект приказа о внесении изменений");
		base = xstrdup("perechen-order");
	} else
		printjob_names(rev, &title, &base);
	job.printer = req->printer;
	job.copies = req->copies;
	job.title = title;
	job.ext = printout_format_ext(p.format);
	if (req->printer != NULL)
		res = printjob_run(&job, &doc, base, &said, &why, &where, &err);
	else if (printjob_save(&doc, base, job.ext, &where, &err) == 0) {
		snprintf(msg, msglen, "Документ сохранён в файл %s", where);
		res = PRINTJOB_SAVED;
		goto done;
	} else
		res = PRINTJOB_FAILED;
	edit_print_said(res, title, req->copies, said, why, where, &err, msg,
	    msglen);
done:
	free(said);
	free(why);
	free(where);
	free(title);
	free(base);
	buf_fini(&doc);
	return res == PRINTJOB_PRINTED ? 0 : res == PRINTJOB_SAVED ? 1 : -1;
}

/* The printers for the dialog: the queues lpstat -a knows. */
static int
edit_printers(void *ctx, struct strvec *out, struct error *err)
{
	(void)ctx;
	return printjob_printers(out, err);
}

/* Curses draws UTF-8 only in a UTF-8 locale; fall back to C.UTF-8. */
static int
ensure_utf8_locale(void)
{
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL &&
	    strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	return -1;
}

/* True if the list's file (or its directory, for the journal) cannot be
 * written: then it opens for viewing only. */
static bool
not_writable(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	bool ro;

	if (slash == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	ro = access(path, W_OK) != 0 || access(dir, W_OK) != 0;
	free(dir);
	return ro;
}

/*
 * Open the list.  A file the clerk may not write still opens for viewing,
 * and the editor's header says so: SQLite reads such a file through a
 * read-write open (even in a WAL database whose directory is read-only,
 * where a read-only open cannot set up the shared memory), so that is
 * tried first and a read-only open second.
 */
static int
edit_open(struct app *app, struct store **st, bool *readonly,
    struct error *err)
{
	struct error ro_err;

	/* A shared list is the group's to write, never the clerk's. */
	*readonly = app->list_name == NULL && not_writable(app->db_path);
	if (app_open_store(app, 0, st, err) == 0)
		return 0;
	if (!*readonly)
		return -1;
	return app_open_store(app, STORE_READONLY, st, &ro_err);
}

/*
 * The warning line when the log or a revision changed outside the
 * program: checked from the last checkpoint on, so a long log opens as
 * fast as a short one (perechen verify checks it all).  NULL if intact.
 */
static const char *
edit_chain_notice(struct store *st, char *buf, size_t len)
{
	struct chain_break b;
	struct error err;
	char text[256];

	if (store_chain_verify(st, false, &b, &err) != 0)
		snprintf(buf, len, "Журнал не проверен: %s", err.msg);
	else if (b.found) {
		app_chain_break_text(&b, text, sizeof text);
		snprintf(buf, len, "ВНИМАНИЕ: %s — подробнее: perechen verify",
		    text);
	} else
		return NULL;
	return buf;
}

int
cmd_edit(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct ui_options uopt = { 0 };
	struct edit_ctx ec = { 0 };
	struct ui_actions acts = { 0 };
	const char *first_frame;
	char notice[sizeof(struct error) + 64];
	struct store *st;
	struct error err;
	struct stat sb;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			edit_usage(stdout);
			return EXIT_OK;
		default:
			return app_bad_option("edit", "h", opts, argv);
		}
	}
	if (optind < argc) {
		return app_usage_error("edit", "лишний аргумент «%s»",
		    argv[optind]);
	}
	/* A shared list missing is app_open_store's to explain. */
	if (app->list_name == NULL && stat(app->db_path, &sb) != 0 &&
	    errno == ENOENT) {
		app_error("перечня %s нет. Создайте пустой: «perechen -d %s "
		    "init», или загрузите таблицу: «perechen -d %s import "
		    "ФАЙЛ»", app->db_path, app->db_path, app->db_path);
		return EXIT_FAIL;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		app_error("редактору нужен терминал, а ввод или вывод "
		    "перенаправлен; для выгрузки перечня есть «perechen "
		    "export»");
		return EXIT_FAIL;
	}
	if (ensure_utf8_locale() != 0) {
		app_error("редактору нужна локаль UTF-8 (например, "
		    "LANG=ru_RU.UTF-8 или LC_ALL=C.UTF-8)");
		return EXIT_FAIL;
	}
	if (edit_open(app, &st, &uopt.readonly, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	uopt.notice = edit_chain_notice(st, notice, sizeof notice);
	first_frame = getenv("PERECHEN_EXIT_AFTER_FIRST_FRAME");
	uopt.exit_after_first_frame = first_frame != NULL &&
	    strcmp(first_frame, "1") == 0;
	ec.app = app;
	ec.st = st;
	acts.ctx = &ec;
	acts.actor = edit_actor;
	acts.print = edit_print;
	acts.printers = edit_printers;
	/* Numbers in PDF and HTML are written with a decimal point. */
	setlocale(LC_NUMERIC, "C");
	uopt.actions = &acts;
	uopt.share_dir = app->share_dir;
	rc = ui_run(st, &uopt, &err);
	store_close(st);
	if (rc < 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	/* Ended by a signal: the shell's convention, 128 + its number. */
	return rc > 0 ? 128 + rc : EXIT_OK;
}
