/* cmd_export.c - "perechen export": the list as a text table or CSV. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "app.h"
#include "charset.h"
#include "export.h"

enum export_format {
	EXPORT_FORMAT_AUTO,	/* csv for a *.csv file, else txt */
	EXPORT_FORMAT_TXT,
	EXPORT_FORMAT_CSV
};

/* The command's Russian help. */
static void
cmd_export_usage(FILE *f)
{
	fprintf(f, "Использование: perechen [-d ФАЙЛ] export [ПАРАМЕТРЫ]\n"
	    "Выгружает перечень в текстовую таблицу или в CSV.\n\n"
	    "  --format txt|csv    вид выгрузки: таблица (по умолчанию; для\n"
	    "                      файла *.csv — CSV) или CSV для Excel и\n"
	    "                      обратного импорта\n"
	    "  --encoding КОД      кодировка: utf8 (по умолчанию), cp1251,\n"
	    "                      koi8r, cp866 или иная, известная iconv;\n"
	    "                      CSV в cp1251 разделяется «;», как ждёт\n"
	    "                      Excel с русскими настройками\n"
	    "  --width N           ширина таблицы в колонках (%d–%d, по\n"
	    "                      умолчанию %d)\n"
	    "  --no-bom            CSV в UTF-8 без метки порядка байтов\n"
	    "  -o, --output ФАЙЛ   записать в файл (- — стандартный вывод,\n"
	    "                      по умолчанию); файл заменяется целиком\n"
	    "                      или не меняется вовсе\n"
	    "  -h, --help          эта справка\n",
	    EXPORT_WIDTH_MIN, EXPORT_WIDTH_MAX, EXPORT_WIDTH_DEFAULT);
}

/* A whole decimal number in [min, max], or -1. */
static int
cmd_export_parse_width(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < EXPORT_WIDTH_MIN ||
	    v > EXPORT_WIDTH_MAX)
		return -1;
	return (int)v;
}

/* True if s ends with suffix, in any letter case (".CSV" too). */
static bool
cmd_export_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* Write all of data to fd; 0 or -1 with errno. */
static int
cmd_export_write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Standard output may be a closed pipe or a full disk too. */
static int
cmd_export_to_stdout(const struct buf *doc, struct error *err)
{
	if (fwrite(doc->data, 1, doc->len, stdout) != doc->len ||
	    fflush(stdout) != 0)
		return error_set(err, "не удалось вывести перечень: %s",
		    strerror(errno));
	return 0;
}

/*
 * Write doc to a temporary file beside path and rename it over path, so
 * that a failed export (no room, no right to write) leaves the old file,
 * or none, and never half of one.
 */
static int
cmd_export_to_file(const char *path, const struct buf *doc,
    struct error *err)
{
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	int fd, saved;

	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0666);
	if (fd < 0) {
		error_set(err, "не удалось записать %s: %s", path,
		    strerror(errno));
		free(tmp);
		return -1;
	}
	if (cmd_export_write_all(fd, doc->data, doc->len) != 0 ||
	    fsync(fd) != 0) {
		saved = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		saved = errno;
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	unlink(tmp);
	free(tmp);
	return error_set(err, "не удалось записать %s: %s", path,
	    saved == ENOSPC ? "на диске нет места" : strerror(saved));
}

/* Load the list and its catalogue and render them into doc. */
static int
cmd_export_render(struct app *app, enum export_format format,
    const struct export_opts *o, struct buf *doc, size_t *replaced,
    struct error *err)
{
	struct store *st;
	struct catalog cat;
	struct list l;
	int rc;

	if (app_open_store(app, 0, &st, err) != 0)
		return -1;
	catalog_init(&cat);
	list_init(&l);
	rc = store_read_catalog(st, &cat, err);
	if (rc == 0)
		rc = store_load_list(st, &l, err);
	store_close(st);
	if (rc == 0 && format == EXPORT_FORMAT_CSV)
		rc = export_csv(&l, &cat, o, doc, replaced, err);
	else if (rc == 0)
		rc = export_txt(&l, &cat, o, doc, replaced, err);
	list_fini(&l);
	catalog_fini(&cat);
	return rc;
}

int
cmd_export(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "width", required_argument, NULL, 'w' },
		{ "output", required_argument, NULL, 'o' },
		{ "no-bom", no_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_opts o = EXPORT_OPTS_INIT;
	enum export_format format = EXPORT_FORMAT_AUTO;
	const char *output = "-";
	struct error err;
	struct buf doc, probe;
	size_t replaced = 0;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "txt") == 0)
				format = EXPORT_FORMAT_TXT;
			else if (strcmp(optarg, "csv") == 0)
				format = EXPORT_FORMAT_CSV;
			else {
				app_error("export: неизвестный вид выгрузки "
				    "«%s»; возможны txt и csv", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'e': o.encoding = optarg; break;
		case 'w':
			if ((o.width = cmd_export_parse_width(optarg)) < 0) {
				app_error("export: ширина «%s» — нужно целое "
				    "число от %d до %d", optarg,
				    EXPORT_WIDTH_MIN, EXPORT_WIDTH_MAX);
				return EXIT_USAGE;
			}
			break;
		case 'o': output = optarg; break;
		case 'B': o.bom = false; break;
		case 'h': cmd_export_usage(stdout); return EXIT_OK;
		default:
			app_error("export: неверный параметр «%s»",
			    argv[optind - 1]);
			cmd_export_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		app_error("export: лишний аргумент «%s»", argv[optind]);
		return EXIT_USAGE;
	}
	if (format == EXPORT_FORMAT_AUTO)
		format = cmd_export_ends_with(output, ".csv") ?
		    EXPORT_FORMAT_CSV : EXPORT_FORMAT_TXT;
	/* An encoding iconv does not know is a mistake on the command line. */
	buf_init(&probe);
	rc = o.encoding != NULL ? charset_from_utf8(o.encoding, "", 0, &probe,
	    NULL, &err) : 0;
	buf_fini(&probe);
	if (rc != 0) {
		app_error("export: %s", err.msg);
		return EXIT_USAGE;
	}

	buf_init(&doc);
	rc = cmd_export_render(app, format, &o, &doc, &replaced, &err);
	if (rc == 0 && strcmp(output, "-") == 0)
		rc = cmd_export_to_stdout(&doc, &err);
	else if (rc == 0)
		rc = cmd_export_to_file(output, &doc, &err);
	buf_fini(&doc);
	if (rc != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	if (replaced > 0)
		app_error("предупреждение: символов, которых нет в "
		    "кодировке %s, заменено знаком «?»: %zu",
		    charset_canonical(o.encoding), replaced);
	return EXIT_OK;
}
