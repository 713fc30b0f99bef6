/*
 * cmd_export.c - "perechen export": the list as a printed document (text,
 * HTML, DOCX, PDF) or as CSV, of the working copy or an approved revision.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "charset.h"
#include "export.h"
#include "fileio.h"
#include "office.h"
#include "printout.h"

/* The command's Russian help. */
static void
cmd_export_usage(FILE *f)
{
	fprintf(f, "Использование: perechen [-d ФАЙЛ] export [ПАРАМЕТРЫ]\n"
	    "Выгружает перечень как документ (приложение к приказу) или CSV.\n\n"
	    "  --format ВИД        txt — текстовая таблица (по умолчанию),\n"
	    "                      html — страница для сайта, docx — Word,\n"
	    "                      pdf — для печати, csv — для Excel и обратного\n"
	    "                      импорта; без --format вид берётся по\n"
	    "                      расширению файла -o (.txt .html .docx .pdf\n"
	    "                      .csv)\n"
	    "  --revision N        утверждённая редакция N (latest — последняя):\n"
	    "                      с грифом «УТВЕРЖДЕН приказом … от … № …»\n"
	    "  --working           рабочая версия, как она сейчас (по\n"
	    "                      умолчанию): если она не менялась после\n"
	    "                      утверждения — последняя редакция с грифом,\n"
	    "                      иначе без грифа, с пометкой «Рабочая версия\n"
	    "                      (не утверждена)»\n"
	    "  --caption ТЕКСТ     надпись под заголовком (у редакции её нет,\n"
	    "                      у рабочей версии — «Рабочая версия…»);\n"
	    "                      \"\" — без неё\n"
	    "  -o, --output ФАЙЛ   записать в файл (- — стандартный вывод, по\n"
	    "                      умолчанию для txt, html и csv; pdf и docx\n"
	    "                      пишутся только в файл или в канал); файл\n"
	    "                      заменяется целиком или не меняется вовсе,\n"
	    "                      с прежними правами; ссылка, каталог,\n"
	    "                      устройство и канал не записываются\n"
	    "  --encoding КОД      txt и csv: кодировка utf8 (по умолчанию),\n"
	    "                      cp1251, koi8r, cp866 или иная, известная\n"
	    "                      iconv; CSV в cp1251 разделяется «;»\n"
	    "  --width N           txt: ширина таблицы в колонках (%d–%d, по\n"
	    "                      умолчанию %d)\n"
	    "  --page-length N     txt: строк на странице (%d–%d); страницы\n"
	    "                      разделяются знаком перевода формата, шапка\n"
	    "                      таблицы повторяется, страницы со второй\n"
	    "                      нумеруются; по умолчанию одна страница\n"
	    "  --no-bom            csv: UTF-8 без метки порядка байтов\n"
	    "  -h, --help          эта справка\n\n"
	    "Размер листа, ориентация, поля, шрифт и формулировка грифа —\n"
	    "настройки перечня: perechen settings.\n",
	    EXPORT_WIDTH_MIN, EXPORT_WIDTH_MAX, EXPORT_WIDTH_DEFAULT,
	    EXPORT_PAGE_LENGTH_MIN, EXPORT_PAGE_LENGTH_MAX);
}

/* A whole decimal number in [min, max], or -1. */
static int
cmd_export_parse_int(const char *s, int min, int max)
{
	long long v;

	return app_parse_number(s, min, max, &v) == 0 ? (int)v : -1;
}

struct cmd_export_args {
	struct printout p;
	const char *output;
	bool	 format_given;
	bool	 encoding_given;	/* txt and csv */
	bool	 layout_given;		/* --width, --page-length: txt */
	bool	 bom_given;		/* --no-bom: csv */
};

/* parse and check return this to go on, else the exit code. */
#define CMD_EXPORT_GO	(-1)

/* Options into a. */
static int
cmd_export_parse(int argc, char **argv, struct cmd_export_args *a)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "revision", required_argument, NULL, 'r' },
		{ "working", no_argument, NULL, 'W' },
		{ "caption", required_argument, NULL, 'c' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "width", required_argument, NULL, 'w' },
		{ "page-length", required_argument, NULL, 'l' },
		{ "output", required_argument, NULL, 'o' },
		{ "no-bom", no_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_opts init = EXPORT_OPTS_INIT;
	struct error err;
	bool revision = false, working = false;
	int c;

	memset(a, 0, sizeof *a);
	a->p.opts = init;
	a->p.format = PRINTOUT_TXT;
	a->output = NULL;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (printout_format_parse(optarg, &a->p.format) != 0) {
				app_error("export: неизвестный вид выгрузки "
				    "«%s»; возможны pdf, docx, html, txt и csv",
				    optarg);
				return EXIT_USAGE;
			}
			a->format_given = true;
			break;
		case 'r':
			if (printout_revision_parse(optarg, &a->p.revision,
			    &err) != 0) {
				app_error("export: %s", err.msg);
				return EXIT_USAGE;
			}
			revision = true;
			break;
		case 'W': working = true; break;
		case 'c': a->p.caption = optarg; break;
		case 'e':
			a->p.opts.encoding = optarg;
			a->encoding_given = true;
			break;
		case 'w':
			a->p.opts.width = cmd_export_parse_int(optarg,
			    EXPORT_WIDTH_MIN, EXPORT_WIDTH_MAX);
			if (a->p.opts.width < 0) {
				app_error("export: ширина «%s» — нужно целое "
				    "число от %d до %d", optarg,
				    EXPORT_WIDTH_MIN, EXPORT_WIDTH_MAX);
				return EXIT_USAGE;
			}
			a->layout_given = true;
			break;
		case 'l':
			a->p.opts.page_length = cmd_export_parse_int(optarg,
			    EXPORT_PAGE_LENGTH_MIN, EXPORT_PAGE_LENGTH_MAX);
			if (a->p.opts.page_length < 0) {
				app_error("export: длина страницы «%s» — нужно "
				    "целое число строк от %d до %d", optarg,
				    EXPORT_PAGE_LENGTH_MIN,
				    EXPORT_PAGE_LENGTH_MAX);
				return EXIT_USAGE;
			}
			a->layout_given = true;
			break;
		case 'o': a->output = optarg; break;
		case 'B': a->p.opts.bom = false; a->bom_given = true; break;
		case 'h': cmd_export_usage(stdout); return EXIT_OK;
		default:
			return app_bad_option("export", "ho:", opts, argv);
		}
	}
	if (optind < argc) {
		return app_usage_error("export", "лишний аргумент «%s»",
		    argv[optind]);
	}
	if (revision && working) {
		app_error("export: --revision и --working вместе не бывают");
		return EXIT_USAGE;
	}
	return CMD_EXPORT_GO;
}

/* The format from the file name when not given; the options must suit
 * the format, and binary formats go to a file or a pipe. */
static int
cmd_export_check(struct cmd_export_args *a)
{
	enum printout_format f = a->p.format;
	struct error err;
	struct buf probe;
	int rc;

	if (!a->format_given && a->output != NULL &&
	    printout_format_of_path(a->output, &f))
		a->p.format = f;
	f = a->p.format;
	if ((a->encoding_given && f != PRINTOUT_TXT && f != PRINTOUT_CSV) ||
	    (a->layout_given && f != PRINTOUT_TXT) ||
	    (a->bom_given && f != PRINTOUT_CSV)) {
		app_error("export: --encoding — для txt и csv, --width и "
		    "--page-length — для txt, --no-bom — для csv, а выгрузка "
		    "в %s", printout_format_ext(f));
		return EXIT_USAGE;
	}
	if (printout_format_binary(f) && (a->output == NULL ||
	    (strcmp(a->output, "-") == 0 && isatty(STDOUT_FILENO)))) {
		app_error("export: %s — не текст: укажите файл (-o ФАЙЛ.%s) "
		    "или направьте вывод в канал (-o - | …)",
		    printout_format_ext(f), printout_format_ext(f));
		return EXIT_USAGE;
	}
	/* An encoding iconv does not know is a mistake on the command line. */
	buf_init(&probe);
	rc = a->p.opts.encoding != NULL ? charset_from_utf8(a->p.opts.encoding,
	    "", 0, &probe, NULL, &err) : 0;
	buf_fini(&probe);
	if (rc != 0) {
		app_error("export: %s", err.msg);
		return EXIT_USAGE;
	}
	return CMD_EXPORT_GO;
}

/* What cmd_export_write writes, and what became of it. */
struct cmd_export_job {
	struct store *st;
	const struct printout *p;
	size_t	 replaced;
};

/* A fileio_writer: the document, made as it is written. */
static int
cmd_export_write(void *ctx, int fd, struct error *err)
{
	struct cmd_export_job *j = ctx;

	return printout_write(j->st, j->p, fd, &j->replaced, NULL, err);
}

/* The document to standard output as it is made. */
static int
cmd_export_stdout(struct cmd_export_job *j, struct error *err)
{
	if (fflush(stdout) != 0)
		return error_set_errno(err, errno, "не удалось вывести "
		    "результат");
	if (printout_write(j->st, j->p, STDOUT_FILENO, &j->replaced, NULL,
	    err) == 0)
		return 0;
	/* Reported here: standard output has nothing left to flush. */
	if (errno != 0)
		return error_set_errno(err, errno, "не удалось вывести "
		    "результат");
	return -1;
}

int
cmd_export(struct app *app, int argc, char **argv)
{
	struct cmd_export_args a;
	struct cmd_export_job j;
	struct error err;
	const char *output;
	int rc;

	/* Settings and documents carry numbers with a '.' in any locale. */
	setlocale(LC_NUMERIC, "C");
	if ((rc = cmd_export_parse(argc, argv, &a)) != CMD_EXPORT_GO ||
	    (rc = cmd_export_check(&a)) != CMD_EXPORT_GO)
		return rc;
	if (printout_format_binary(a.p.format) && !office_linked())
		return office_hand_over(app);
	memset(&j, 0, sizeof j);
	j.p = &a.p;
	if (app_open_store(app, 0, &j.st, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	/* Written as it is read from the list: a list of any size takes
	 * bounded memory; a file is replaced only once all of it is
	 * written. */
	output = a.output != NULL ? a.output : "-";
	if (strcmp(output, "-") == 0)
		rc = cmd_export_stdout(&j, &err);
	else
		rc = fileio_replace_with(output, cmd_export_write, &j, false,
		    NULL, &err);
	store_close(j.st);
	if (rc != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	if (j.replaced > 0)
		app_error("предупреждение: символов, которых нет в "
		    "кодировке %s, заменено знаком «?»: %zu",
		    charset_canonical(a.p.opts.encoding), j.replaced);
	return EXIT_OK;
}
