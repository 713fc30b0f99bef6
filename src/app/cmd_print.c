/*
 * cmd_print.c - "perechen print": the list to the printer through CUPS's
 * lp, run with an argument vector (never a shell).  Without a print
 * server or printer it says so and saves the document in a file instead,
 * telling where.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "office.h"
#include "printjob.h"
#include "printout.h"

/* The document was not printed but saved in a file. */
#define CMD_PRINT_SAVED		3
#define CMD_PRINT_COPIES_MAX	99
#define CMD_PRINT_WIDTH		80	/* txt: columns of a plain printer */
#define CMD_PRINT_PAGE_LENGTH	60	/* txt: A4 at 6 lines an inch */

/* The command's Russian help. */
static void
cmd_print_usage(FILE *f)
{
	fprintf(f, "Использование: perechen [-d ФАЙЛ] print [ПАРАМЕТРЫ]\n"
	    "Печатает перечень на принтере через lp (CUPS). Если сервера\n"
	    "печати или принтера нет, сохраняет документ в файл в текущем\n"
	    "каталоге (если в него нельзя писать — в $XDG_DOCUMENTS_DIR или\n"
	    "домашнем) и говорит, где он; код выхода тогда %d.\n\n"
	    "  --printer ИМЯ       принтер (очередь CUPS; по умолчанию —\n"
	    "                      принтер по умолчанию); без пробелов,\n"
	    "                      не с «-»; сверяется с lpstat -a\n"
	    "  --copies N          число экземпляров (1–%d, по умолчанию 1)\n"
	    "  --format pdf|txt    pdf (по умолчанию, если программа собрана с\n"
	    "                      PDF) или текст для простого принтера\n"
	    "  --revision N        утверждённая редакция N (latest — последняя)\n"
	    "  --working           рабочая версия (по умолчанию; не менявшаяся\n"
	    "                      после утверждения — последняя редакция)\n"
	    "  --caption ТЕКСТ     надпись под заголовком (\"\" — без неё)\n"
	    "  --encoding КОД      txt: кодировка (utf8, cp866, koi8r…)\n"
	    "  --width N           txt: ширина в колонках (по умолчанию %d)\n"
	    "  --page-length N     txt: строк на странице (по умолчанию %d)\n"
	    "  -h, --help          эта справка\n",
	    CMD_PRINT_SAVED, CMD_PRINT_COPIES_MAX, CMD_PRINT_WIDTH,
	    CMD_PRINT_PAGE_LENGTH);
}

struct cmd_print_args {
	struct printout p;
	const char *printer;
	int	 copies;
};

/* parse returns this to go on, else the exit code. */
#define CMD_PRINT_GO	(-1)

/* A whole decimal number in [min, max], or -1. */
static int
cmd_print_parse_int(const char *s, int min, int max)
{
	long long v;

	return app_parse_number(s, min, max, &v) == 0 ? (int)v : -1;
}

/* A number option in [min, max] into *out, or a usage error. */
static int
cmd_print_number(const char *name, const char *s, int min, int max, int *out)
{
	if ((*out = cmd_print_parse_int(s, min, max)) >= 0)
		return CMD_PRINT_GO;
	app_error("print: %s «%s» — нужно целое число от %d до %d", name, s,
	    min, max);
	return EXIT_USAGE;
}

/* Options into a. */
static int
cmd_print_parse(int argc, char **argv, struct cmd_print_args *a)
{
	static const struct option opts[] = {
		{ "printer", required_argument, NULL, 'P' },
		{ "copies", required_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'f' },
		{ "revision", required_argument, NULL, 'r' },
		{ "working", no_argument, NULL, 'W' },
		{ "caption", required_argument, NULL, 'c' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "width", required_argument, NULL, 'w' },
		{ "page-length", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_opts init = EXPORT_OPTS_INIT;
	struct error err;
	bool revision = false, working = false;
	int c, rc = CMD_PRINT_GO;

	memset(a, 0, sizeof *a);
	a->p.opts = init;
	a->p.opts.width = CMD_PRINT_WIDTH;
	a->p.opts.page_length = CMD_PRINT_PAGE_LENGTH;
	a->p.format = office_pdf_available() ? PRINTOUT_PDF : PRINTOUT_TXT;
	a->copies = 1;
	optind = 0;
	opterr = 0;
	while (rc == CMD_PRINT_GO &&
	    (c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'P':
			if (printjob_printer_check(optarg, false, &err) != 0) {
				app_error("print: %s", err.msg);
				rc = EXIT_USAGE;
			}
			a->printer = optarg;
			break;
		case 'n':
			rc = cmd_print_number("число экземпляров", optarg, 1,
			    CMD_PRINT_COPIES_MAX, &a->copies);
			break;
		case 'f':
			if (strcmp(optarg, "pdf") == 0)
				a->p.format = PRINTOUT_PDF;
			else if (strcmp(optarg, "txt") == 0)
				a->p.format = PRINTOUT_TXT;
			else {
				app_error("print: печатаются pdf и txt, а не "
				    "«%s»", optarg);
				rc = EXIT_USAGE;
			}
			break;
		case 'r':
			if (printout_revision_parse(optarg, &a->p.revision,
			    &err) != 0) {
				app_error("print: %s", err.msg);
				rc = EXIT_USAGE;
			}
			revision = true;
			break;
		case 'W': working = true; break;
		case 'c': a->p.caption = optarg; break;
		case 'e': a->p.opts.encoding = optarg; break;
		case 'w':
			rc = cmd_print_number("ширина", optarg,
			    EXPORT_WIDTH_MIN, EXPORT_WIDTH_MAX,
			    &a->p.opts.width);
			break;
		case 'l':
			rc = cmd_print_number("длина страницы", optarg,
			    EXPORT_PAGE_LENGTH_MIN, EXPORT_PAGE_LENGTH_MAX,
			    &a->p.opts.page_length);
			break;
		case 'h': cmd_print_usage(stdout); return EXIT_OK;
		default:
			return app_bad_option("print", "h", opts, argv);
		}
	}
	if (rc == CMD_PRINT_GO && optind < argc) {
		(void)app_usage_error("print", "лишний аргумент «%s»",
		    argv[optind]);
		rc = EXIT_USAGE;
	}
	if (rc == CMD_PRINT_GO && revision && working) {
		app_error("print: --revision и --working вместе не бывают");
		rc = EXIT_USAGE;
	}
	return rc;
}

/* The document as it is written: from the list, a buffer's worth at a
 * time, never held whole. */
struct cmd_print_job {
	struct store *st;
	const struct printout *p;
	size_t	 replaced;
	int64_t	 rev;		/* the version written */
};

/* printjob's writer (fileio.h): the document into fd. */
static int
cmd_print_write(void *ctx, int fd, struct error *err)
{
	struct cmd_print_job *j = ctx;

	return printout_write(j->st, j->p, fd, &j->replaced, &j->rev, err);
}

/* printjob's names: those of the version written. */
static void
cmd_print_names(void *ctx, char **title, char **base)
{
	const struct cmd_print_job *j = ctx;

	printjob_names(j->rev, title, base);
}

/* Print the document, or save it where the clerk can find it. */
static int
cmd_print_doc(const struct cmd_print_args *a, struct cmd_print_job *j)
{
	struct printjob job = { a->printer, a->copies, NULL,
	    printout_format_ext(a->p.format) };
	struct printjob_doc doc = { cmd_print_write, cmd_print_names, j };
	char *title, *base, *said, *why, *where;
	enum printjob_result res;
	struct error err;
	int rc;

	res = printjob_print(&job, &doc, &said, &why, &where, &err);
	printjob_names(j->rev, &title, &base);
	switch (res) {
	case PRINTJOB_PRINTED:
		app_note("Отправлено на печать: %s, экземпляров: %d%s%s",
		    title, a->copies, said[0] != '\0' ? "; lp: " : "", said);
		rc = EXIT_OK;
		break;
	case PRINTJOB_SAVED:
		app_error("напечатать не удалось: %s.\nДокумент сохранён в "
		    "файл %s — его можно распечатать позже или с другого "
		    "компьютера.", why, where);
		rc = CMD_PRINT_SAVED;
		break;
	default:
		/* No part of a document ever reaches lp or stays saved. */
		if (why != NULL)
			app_error("напечатать не удалось: %s; сохранить файл "
			    "тоже: %s", why, err.msg);
		else
			app_error("%s; на печать ничего не отправлено",
			    err.msg);
		rc = EXIT_FAIL;
		break;
	}
	free(said);
	free(why);
	free(where);
	free(title);
	free(base);
	return rc;
}

int
cmd_print(struct app *app, int argc, char **argv)
{
	struct cmd_print_args a;
	struct cmd_print_job j;
	struct error err;
	int rc;

	setlocale(LC_NUMERIC, "C");
	if ((rc = cmd_print_parse(argc, argv, &a)) != CMD_PRINT_GO)
		return rc;
	if (a.p.format == PRINTOUT_PDF && !office_linked())
		return office_hand_over(app);
	if (a.printer != NULL &&
	    printjob_printer_check(a.printer, true, &err) != 0) {
		app_error("print: %s", err.msg);
		return EXIT_FAIL;
	}
	memset(&j, 0, sizeof j);
	j.p = &a.p;
	j.rev = PRINTOUT_WORKING;
	if (app_open_store(app, 0, &j.st, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	rc = cmd_print_doc(&a, &j);
	store_close(j.st);
	if (rc != EXIT_FAIL && j.replaced > 0)
		app_error("предупреждение: символов, которых нет в "
		    "кодировке, заменено знаком «?»: %zu", j.replaced);
	return rc;
}
