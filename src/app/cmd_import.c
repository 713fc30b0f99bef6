/* cmd_import.c - "perechen import": load a list from TSV or CSV. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "change.h"
#include "import.h"

static void
import_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] import [ПАРАМЕТРЫ] ФАЙЛ|-\n"
	    "Загружает перечень из таблицы TSV или CSV (например, сохранённой\n"
	    "из Word или Excel). Столбцы находятся по заголовкам: №, Процесс…,\n"
	    "Точка…, Удовлетворяемые потребности…, Особенности… — в любом\n"
	    "порядке. Всё, что объединено или угадано, показывается в отчёте.\n"
	    "При любой ошибке перечень не меняется.\n\n"
	    "  --format tsv|csv   формат (по умолчанию определяется сам)\n"
	    "  --encoding КОД     кодировка: utf-8, cp1251, koi8-r, cp866…\n"
	    "                     (по умолчанию определяется по содержимому)\n"
	    "  --replace          заменить записи непустого перечня\n"
	    "  --dry-run          только проверить файл и показать отчёт\n"
	    "  -q, --quiet        не печатать отчёт об успешном импорте\n", f);
}

static void
print_report(const char *file, const struct list *l,
    const struct import_report *rep, bool dry_run)
{
	const char *delim = rep->delimiter == '\t' ? "табуляция" :
	    rep->delimiter == ';' ? "«;»" : "«,»";

	app_out("%s %s: кодировка %s, разделитель %s\n",
	    dry_run ? "Проверка" : "Импорт из",
	    strcmp(file, "-") == 0 ? "стандартного ввода" : file,
	    rep->encoding, delim);
	printf("%s: процессов %zu, точек взаимодействия %zu, потребностей %zu "
	    "(строк таблицы %zu, присоединено к строке выше %zu, "
	    "под вопросом %zu)\n", dry_run ? "Будет загружено" : "Загружено",
	    l->nprocs, list_count_touchpoints(l), list_count_needs(l),
	    rep->records, rep->joined, rep->doubted);
	if (rep->notes.n > 0)
		puts("Проверьте:");
	for (size_t i = 0; i < rep->notes.n; i++) {
		fputs("  ", stdout);
		app_print(stdout, rep->notes.v[i]);
		putchar('\n');
	}
}

/* The catalogue to read kinds by: the list's own, else the shipped one. */
static int
catalog_for_import(struct app *app, struct catalog *cat, struct error *err)
{
	struct store *st;
	int rc;

	if (access(app->db_path, F_OK) != 0)
		return app_load_catalog(app, cat, err);
	if (app_open_store(app, 0, &st, err) != 0)
		return -1;
	rc = store_read_catalog(st, cat, err);
	store_close(st);
	return rc;
}

/* Keep the header fields the list already has unless replacing. */
static int
merge_header(struct store *st, const struct list_header *in, bool replace,
    struct error *err)
{
	struct list_header h;
	int rc;

	list_header_init(&h);
	if ((rc = store_get_header(st, &h, err)) == 0) {
		if (in->org[0] && (replace || !h.org[0]))
			model_set(&h.org, in->org);
		if (in->title[0] && (replace || !h.title[0]))
			model_set(&h.title, in->title);
		if (in->area[0] && (replace || !h.area[0]))
			model_set(&h.area, in->area);
		rc = store_set_header(st, &h, err);
	}
	list_header_fini(&h);
	return rc;
}

/* The import's summary entry in the change log (same transaction). */
static int
log_import(struct store *st, const char *file, const struct list *l,
    size_t old_procs, size_t old_tps, struct error *err)
{
	struct app_actor who;
	struct changes ch;
	char *was, *now;
	int rc;

	app_actor_init(&who);
	changes_init(&ch);
	was = old_procs > 0 ? xasprintf("процессов %zu, точек %zu", old_procs,
	    old_tps) : xstrdup("");
	now = xasprintf("из %s: процессов %zu, точек %zu, потребностей %zu",
	    strcmp(file, "-") == 0 ? "стандартного ввода" : file, l->nprocs,
	    list_count_touchpoints(l), list_count_needs(l));
	changes_add(&ch, "перечень", 0, 0, "перечень", "импорт", was, now,
	    TRIGGER_IMPORT);
	rc = store_log_changes(st, &ch, &who.actor, err);
	changes_fini(&ch);
	free(was);
	free(now);
	return rc;
}

static int
write_list(struct app *app, const char *file, struct list *l, bool replace,
    struct error *err)
{
	struct store *st;
	size_t procs, tps;
	int rc = -1;

	if (app_open_store(app, STORE_CREATE, &st, err) != 0)
		return -1;
	if (store_begin(st, err) != 0)
		goto out;
	if (store_count(st, &procs, &tps, NULL, err) != 0)
		goto out;
	if (procs > 0 && !replace) {
		error_set(err, "в перечне %s уже есть записи (процессов %zu, "
		    "точек %zu); чтобы заменить их, добавьте --replace",
		    app->db_path, procs, tps);
		goto out;
	}
	if ((replace && store_clear_list(st, err) != 0) ||
	    store_insert_list(st, l, err) != 0 ||
	    merge_header(st, &l->hdr, replace, err) != 0 ||
	    log_import(st, file, l, procs, tps, err) != 0 ||
	    store_commit(st, err) != 0)
		goto out;
	rc = 0;
out:
	if (rc != 0)
		store_rollback(st);
	store_close(st);
	return rc;
}

int
cmd_import(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "replace", no_argument, NULL, 'r' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct import_opts io = { 0 };
	struct import_report rep;
	struct catalog cat;
	struct list l;
	struct error err;
	bool replace = false, dry_run = false, quiet = false;
	char *data = NULL;
	size_t len;
	int c, rc = EXIT_FAIL;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "tsv") == 0)
				io.format = IMPORT_TSV;
			else if (strcmp(optarg, "csv") == 0)
				io.format = IMPORT_CSV;
			else {
				app_error("import: формат «%s» не поддерживается "
				    "(tsv или csv)", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'e': io.encoding = optarg; break;
		case 'r': replace = true; break;
		case 'n': dry_run = true; break;
		case 'q': quiet = true; break;
		case 'h': import_usage(stdout); return EXIT_OK;
		default:
			app_error("import: неверный параметр «%s»",
			    argv[optind - 1]);
			import_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		app_error("import: укажите один файл (или «-» для стандартного "
		    "ввода)");
		import_usage(stderr);
		return EXIT_USAGE;
	}
	if (app_read_file(argv[optind], &data, &len, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	catalog_init(&cat);
	list_init(&l);
	import_report_init(&rep);
	io.cat = &cat;
	if (catalog_for_import(app, &cat, &err) != 0 ||
	    import_table(data, len, &io, &l, &rep, &err) != 0) {
		app_error("%s: %s", argv[optind], err.msg);
		app_note("Перечень не изменён.");
	} else if (!dry_run && write_list(app, argv[optind], &l, replace, &err) != 0) {
		app_error("%s", err.msg);
		app_note("Перечень не изменён.");
	} else {
		if (!quiet || dry_run)
			print_report(argv[optind], &l, &rep, dry_run);
		rc = EXIT_OK;
	}
	import_report_fini(&rep);
	list_fini(&l);
	catalog_fini(&cat);
	free(data);
	return rc;
}
