/* cmd_import.c - "perechen import": load a list from TSV or CSV. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "approval.h"
#include "change.h"
#include "declension.h"
#include "import.h"
#include "office.h"
#include "store_tx.h"

static void
import_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] import [ПАРАМЕТРЫ] ФАЙЛ|-\n"
	    "Загружает перечень из таблицы TSV или CSV (например, сохранённой\n"
	    "из Word или Excel). Столбцы находятся по заголовкам: №, Процесс…,\n"
	    "Точка…, Удовлетворяемые потребности…, Особенности… — в любом\n"
	    "порядке. Всё, что объединено, исправлено или угадано, показывается\n"
	    "в отчёте. Таблица без строки заголовка не загружается, пока её\n"
	    "столбцы не названы в --columns. При любой ошибке перечень не\n"
	    "меняется.\n\n"
	    "  --format tsv|csv   формат (по умолчанию определяется сам)\n"
	    "  --columns СПИСОК   столбцы таблицы без заголовка, по порядку,\n"
	    "                     через запятую, как в заголовке: например,\n"
	    "                     №,процесс,точка,потребности,особенности;\n"
	    "                     «-» — пропустить столбец\n"
	    "  --encoding КОД     кодировка: utf-8, cp1251, koi8-r, cp866…\n"
	    "                     (по умолчанию определяется по содержимому)\n"
	    "  --replace          заменить записи непустого перечня\n"
	    "  --dry-run          только проверить файл и показать отчёт\n"
	    "  -q, --quiet        не печатать отчёт об успешном импорте\n", f);
}

/* A titled, indented list of the report's lines; nothing if empty. */
static void
print_report_lines(const char *title, const struct strvec *lines)
{
	if (lines->n > 0)
		puts(title);
	for (size_t i = 0; i < lines->n; i++) {
		fputs("  ", stdout);
		app_print(stdout, lines->v[i]);
		putchar('\n');
	}
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
	print_report_lines("Проверьте:", &rep->notes);
	print_report_lines("Определено по названию и виду:", &rep->guesses);
}

/*
 * The header part of the report: what was taken from the lines above the
 * table or kept (a dry run: what the file carries).  quiet: only what the
 * header still lacks, on stderr, since nothing is approved without it.
 */
static void
print_header_notes(const struct list_header *in, const struct strvec *notes,
    bool quiet, bool dry_run)
{
	if (dry_run) {
		if (in->org[0] != '\0')
			app_out("Орган в строках над таблицей: «%s»\n", in->org);
		if (in->title[0] != '\0')
			app_out("Заглавие в строках над таблицей: «%s»\n",
			    in->title);
		return;
	}
	for (size_t i = 0; i < notes->n; i++) {
		bool lack = strncmp(notes->v[i], "заголовок перечня не "
		    "заполнен", strlen("заголовок перечня не заполнен")) == 0;

		if (lack)
			app_note("Внимание: %s", notes->v[i]);
		else if (!quiet)
			app_out("Заголовок перечня: %s\n", notes->v[i]);
	}
}

/* The catalogue to read kinds by: the list's own, else the shipped one. */
static int
catalog_for_import(struct app *app, struct catalog *cat, struct error *err)
{
	struct store *st;
	struct stat sb;
	int rc;

	if (app_db_stat(app, &sb) != 0)
		return app_load_catalog(app, cat, err);
	if (app_open_store(app, 0, &st, err) != 0)
		return -1;
	rc = store_read_catalog(st, cat, err);
	store_close(st);
	return rc;
}

/*
 * One field of the header from the file's lines above the table: taken
 * when the list has none (or replacing), and said so; a different one the
 * list has is kept, and said so too.  Returns whether it was taken.
 */
struct header_word {
	const char *what;	/* "орган" */
	const char *taken;	/* "взят" */
	const char *replaced;	/* "заменён" */
};

static bool
merge_field(char **field, const char *in, bool replace,
    const struct header_word *w, struct strvec *notes)
{
	if (in[0] == '\0' || strcmp(*field, in) == 0)
		return false;
	if ((*field)[0] != '\0' && !replace) {
		strvec_push_owned(notes, xasprintf("%s в перечне уже есть («%s»); "
		    "из строк над таблицей не %s: «%s» (заменить: "
		    "--replace)", w->what, *field, w->taken, in));
		return false;
	}
	strvec_push_owned(notes, (*field)[0] != '\0' ?
	    xasprintf("%s %s: прежде «%s», теперь «%s»", w->what, w->replaced,
	    *field, in) :
	    xasprintf("%s %s из строк над таблицей: «%s»", w->what, w->taken,
	    in));
	model_set(field, in);
	return true;
}

/*
 * Keep the header fields the list already has unless replacing; a body
 * taken from the file gets its genitive by declension.  notes get what
 * was taken or kept, and what the header still lacks (R0).
 */
static int
merge_header(struct store *st, const struct list_header *in, bool replace,
    struct strvec *notes, struct error *err)
{
	static const struct header_word org_word = { "орган", "взят",
	    "заменён" };
	static const struct header_word title_word = { "заглавие", "взято",
	    "заменено" };
	struct list_header h;
	struct error lack;
	int rc;

	list_header_init(&h);
	if ((rc = store_get_header(st, &h, err)) == 0) {
		if (merge_field(&h.org, in->org, replace, &org_word, notes)) {
			free(h.org_genitive);
			h.org_genitive = declension_genitive(h.org);
			strvec_push_owned(notes, xasprintf("в грифе: «приказом "
			    "%s» (по склонению; если неверно: perechen init "
			    "--org-genitive \"…\")", h.org_genitive));
		}
		merge_field(&h.title, in->title, replace, &title_word, notes);
		if (in->area[0] && (replace || !h.area[0]))
			model_set(&h.area, in->area);
		rc = store_set_header(st, &h, err);
	}
	if (rc == 0 && approval_check_header(&h, &lack) != 0)
		strvec_push(notes, lack.msg);
	list_header_fini(&h);
	return rc;
}

/* The import's summary entry in the change log (same transaction). */
static int
log_import(struct store_tx *tx, const char *file, const struct list *l,
    size_t old_procs, size_t old_tps, struct error *err)
{
	struct changes ch;
	char *was, *now;
	int rc;

	changes_init(&ch);
	was = old_procs > 0 ? xasprintf("процессов %zu, точек %zu", old_procs,
	    old_tps) : xstrdup("");
	now = xasprintf("из %s: процессов %zu, точек %zu, потребностей %zu",
	    strcmp(file, "-") == 0 ? "стандартного ввода" : file, l->nprocs,
	    list_count_touchpoints(l), list_count_needs(l));
	changes_add(&ch, "перечень", 0, 0, "перечень", "импорт", was, now,
	    TRIGGER_IMPORT);
	rc = store_tx_log(tx, &ch, err);
	changes_fini(&ch);
	free(was);
	free(now);
	return rc;
}

static int
write_list(struct app *app, const char *file, struct list *l, bool replace,
    struct strvec *header_notes, struct error *err)
{
	struct app_actor who;
	struct store_tx tx;
	struct store *st;
	size_t procs, tps;
	int rc;

	if (app_open_store(app, STORE_CREATE, &st, err) != 0)
		return -1;
	app_actor_init(&who);
	rc = store_tx_begin(&tx, st, &who.actor, POLICY_IMPORT, err);
	if (rc != 0)
		goto out;
	rc = store_count(st, &procs, &tps, NULL, err);
	if (rc == 0 && procs > 0 && !replace)
		rc = error_set(err, "в перечне %s уже есть записи (процессов "
		    "%zu, точек %zu); чтобы заменить их, добавьте --replace",
		    app->db_path, procs, tps);
	if (rc == 0 && ((replace && store_clear_list(st, err) != 0) ||
	    store_insert_list(st, l, err) != 0 ||
	    merge_header(st, &l->hdr, replace, header_notes, err) != 0 ||
	    log_import(&tx, file, l, procs, tps, err) != 0))
		rc = -1;
	rc = store_tx_end(&tx, rc, err);
out:
	store_close(st);
	return rc;
}

int
cmd_import(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "columns", required_argument, NULL, 'c' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "replace", no_argument, NULL, 'r' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct import_opts io = { 0 };
	struct import_report rep;
	struct strvec header_notes;
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
		case 'c':
			if (import_columns_check(optarg, &err) != 0) {
				app_error("import: %s", err.msg);
				return EXIT_USAGE;
			}
			io.columns = optarg;
			break;
		case 'e': io.encoding = optarg; break;
		case 'r': replace = true; break;
		case 'n': dry_run = true; break;
		case 'q': quiet = true; break;
		case 'h': import_usage(stdout); return EXIT_OK;
		default:
			return app_bad_option("import", "qh", opts, argv);
		}
	}
	if (optind != argc - 1) {
		return app_usage_error("import", "укажите один файл (или «-» "
		    "для стандартного ввода)");
	}
	/* A DOCX, XLSX or ODT package is read by perechen-office. */
	if (!office_linked() && office_is_package(argv[optind]))
		return office_hand_over(app);
	if (app_read_file(argv[optind], &data, &len, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	catalog_init(&cat);
	list_init(&l);
	import_report_init(&rep);
	strvec_init(&header_notes);
	io.cat = &cat;
	if (catalog_for_import(app, &cat, &err) != 0 ||
	    import_table(data, len, &io, &l, &rep, &err) != 0) {
		app_error("%s: %s", argv[optind], err.msg);
		app_note("Перечень не изменён.");
	} else if (!dry_run && write_list(app, argv[optind], &l, replace,
	    &header_notes, &err) != 0) {
		app_error("%s", err.msg);
		app_note("Перечень не изменён.");
	} else {
		if (!quiet || dry_run)
			print_report(argv[optind], &l, &rep, dry_run);
		print_header_notes(&l.hdr, &header_notes, quiet && !dry_run,
		    dry_run);
		rc = EXIT_OK;
	}
	strvec_fini(&header_notes);
	import_report_fini(&rep);
	list_fini(&l);
	catalog_fini(&cat);
	free(data);
	return rc;
}
