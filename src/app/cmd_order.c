/*
 * cmd_order.c - "perechen order": the draft of the order that amends the
 * approved list, ready for signature, in any print format.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "fileio.h"
#include "office.h"
#include "order.h"
#include "printout.h"

static void
cmd_order_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] order [ПАРАМЕТРЫ]\n"
	    "Проект приказа о внесении изменений в перечень: изменения\n"
	    "рабочей копии с последней утверждённой редакции, по строкам\n"
	    "перечня в их нумерации в этой редакции (п. 5.3). Если изменено\n"
	    "больше половины строк или строки переставлены — перечень\n"
	    "излагается в новой редакции (приложение к приказу).\n\n"
	    "  --revision N        изменяемая редакция (по умолчанию\n"
	    "                      последняя; latest — тоже она)\n"
	    "  --format ВИД        txt (по умолчанию), html, docx или pdf; без\n"
	    "                      --format — по расширению файла -o\n"
	    "  -o, --output ФАЙЛ   записать в файл (- — стандартный вывод;\n"
	    "                      pdf и docx — только в файл или канал)\n"
	    "  -h, --help          эта справка\n\n"
	    "Заголовок (приказ или перечень), «признать утратившей силу» или\n"
	    "«исключить», контроль, должность и имя подписывающего —\n"
	    "настройки order.* (perechen settings).\n", f);
}

struct cmd_order_args {
	struct printout p;
	const char *output;
	bool	 format_given;
};

#define CMD_ORDER_GO	(-1)

static int
cmd_order_parse(int argc, char **argv, struct cmd_order_args *a)
{
	static const struct option opts[] = {
		{ "revision", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_opts init = EXPORT_OPTS_INIT;
	struct error err;
	int c;

	memset(a, 0, sizeof *a);
	a->p.opts = init;
	a->p.format = PRINTOUT_TXT;
	a->p.revision = PRINTOUT_LATEST;
	a->p.order = true;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if (printout_revision_parse(optarg, &a->p.revision,
			    &err) != 0)
				return app_usage_error("order", "%s", err.msg);
			break;
		case 'f':
			if (printout_format_parse(optarg, &a->p.format) != 0 ||
			    a->p.format == PRINTOUT_CSV)
				return app_usage_error("order", "вид «%s» не "
				    "годится; возможны txt, html, docx и pdf",
				    optarg);
			a->format_given = true;
			break;
		case 'o': a->output = optarg; break;
		case 'h': cmd_order_usage(stdout); return EXIT_OK;
		default:
			return app_bad_option("order", "ho:", opts, argv);
		}
	}
	if (optind < argc)
		return app_usage_error("order", "лишний аргумент «%s»",
		    argv[optind]);
	if (!a->format_given && a->output != NULL &&
	    printout_format_of_path(a->output, &a->p.format) &&
	    a->p.format == PRINTOUT_CSV)
		a->p.format = PRINTOUT_TXT;
	if (printout_format_binary(a->p.format) && (a->output == NULL ||
	    (strcmp(a->output, "-") == 0 && isatty(STDOUT_FILENO))))
		return app_usage_error("order", "%s — не текст: укажите файл "
		    "(-o ФАЙЛ.%s) или направьте вывод в канал (-o - | …)",
		    printout_format_ext(a->p.format),
		    printout_format_ext(a->p.format));
	return CMD_ORDER_GO;
}

/* What cmd_order_write writes. */
struct cmd_order_job {
	struct store *st;
	const struct printout *p;
};

/* A fileio_writer: the draft, written as it is made. */
static int
cmd_order_write(void *ctx, int fd, struct error *err)
{
	const struct cmd_order_job *j = ctx;

	return printout_write(j->st, j->p, fd, NULL, NULL, err);
}

/* The draft to standard output, or to a file replaced only once all of
 * it is written: a new edition's annex of any size takes bounded
 * memory. */
static int
cmd_order_output(struct app *app, const struct cmd_order_args *a,
    struct error *err)
{
	struct cmd_order_job j = { NULL, &a->p };
	int rc;

	if (app_open_store(app, 0, &j.st, err) != 0)
		return -1;
	if (a->output != NULL && strcmp(a->output, "-") != 0)
		rc = fileio_replace_with(a->output, cmd_order_write, &j, false,
		    NULL, err);
	else if (fflush(stdout) != 0)
		rc = error_set_errno(err, errno, "не удалось вывести "
		    "результат");
	else if ((rc = cmd_order_write(&j, STDOUT_FILENO, err)) != 0 &&
	    errno != 0)
		rc = error_set_errno(err, errno, "не удалось вывести "
		    "результат");
	store_close(j.st);
	return rc;
}

int
cmd_order(struct app *app, int argc, char **argv)
{
	struct cmd_order_args a;
	struct error err;
	int rc;

	/* Documents carry numbers with a '.' in any locale. */
	setlocale(LC_NUMERIC, "C");
	if ((rc = cmd_order_parse(argc, argv, &a)) != CMD_ORDER_GO)
		return rc;
	if (printout_format_binary(a.p.format) && !office_linked())
		return office_hand_over(app);
	if (cmd_order_output(app, &a, &err) != 0) {
		app_error("order: %s", err.msg);
		return EXIT_FAIL;
	}
	if (a.output != NULL && strcmp(a.output, "-") != 0) {
		app_print(stderr, "Проект приказа записан в ");
		app_print(stderr, a.output);
		app_print(stderr, "\n");
	}
	return EXIT_OK;
}
