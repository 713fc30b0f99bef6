/* cmd_import.c - "perechen import": load a list from TSV or CSV, or the
 * approving order's text, optionally as its approved revision 1. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "approval.h"
#include "change.h"
#include "declension.h"
#include "fileio.h"
#include "import.h"
#include "office.h"
#include "store_history.h"
#include "store_tx.h"

static void
import_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] import [ПАРАМЕТРЫ] ФАЙЛ|-\n"
	    "Загружает перечень из документа DOCX или ODT, книги XLSX, текста\n"
	    "приказа или таблицы TSV/CSV (формат — по содержимому). Из\n"
	    "нескольких таблиц берётся та, что называет точки; из приказа —\n"
	    "орган, заглавие, дата и номер. Столбцы находятся по заголовкам:\n"
	    "№, Процесс…, Точка…, Удовлетворяемые потребности…, Особенности…\n"
	    "— в любом порядке. Всё, что объединено, исправлено или угадано,\n"
	    "показывается в отчёте. Таблица без строки заголовка не\n"
	    "загружается, пока её столбцы не названы в --columns. При любой\n"
	    "ошибке перечень не меняется.\n\n"
	    "  --format tsv|csv   формат (по умолчанию определяется сам)\n"
	    "  --columns СПИСОК   столбцы таблицы без заголовка, по порядку,\n"
	    "                     через запятую, как в заголовке: например,\n"
	    "                     №,процесс,точка,потребности,особенности;\n"
	    "                     «-» — пропустить столбец\n"
	    "  --encoding КОД     кодировка: utf-8, cp1251, koi8-r, cp866…\n"
	    "                     (по умолчанию определяется по содержимому)\n"
	    "  --table N          взять N-ю из нескольких таблиц перечня\n"
	    "                     (например, в приказе)\n"
	    "  --approved         записать перечень как утверждённую\n"
	    "                     редакцию 1 приказом из файла\n"
	    "  --order НОМЕР      номер приказа вместо указанного в файле\n"
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
print_report(const char *file, const struct import_report *rep, bool dry_run)
{
	const char *delim = rep->delimiter == '\t' ? "табуляция" :
	    rep->delimiter == ';' ? "«;»" : "«,»";

	if (rep->delimiter == '\0')
		app_out("%s %s: документ %s\n", dry_run ? "Проверка" :
		    "Импорт из", strcmp(file, "-") == 0 ? "стандартного ввода" :
		    file, rep->encoding);
	else
		app_out("%s %s: кодировка %s, разделитель %s\n",
		    dry_run ? "Проверка" : "Импорт из",
		    strcmp(file, "-") == 0 ? "стандартного ввода" : file,
		    rep->encoding, delim);
	printf("%s: процессов %zu, точек взаимодействия %zu, потребностей %zu "
	    "(строк таблицы %zu, присоединено к строке выше %zu, "
	    "под вопросом %zu)\n", dry_run ? "Будет загружено" : "Загружено",
	    rep->procs, rep->touchpoints, rep->needs,
	    rep->records, rep->joined, rep->doubted);
	print_report_lines("Проверьте:", &rep->notes);
	if (rep->notes_more > 0)
		printf("  … и ещё строк: %zu\n", rep->notes_more);
	print_report_lines("Определено по названию и виду:", &rep->guesses);
	if (rep->guesses_more > 0)
		printf("  … и ещё строк: %zu\n", rep->guesses_more);
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
		if (in->org_genitive[0] != '\0')
			app_out("В грифе: «приказом %s»\n", in->org_genitive);
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

/* The genitive of a body just taken: the order's grif's, else declined. */
static void
take_genitive(struct list_header *h, const char *grif, struct strvec *notes)
{
	free(h->org_genitive);
	if (grif[0] != '\0') {
		h->org_genitive = xstrdup(grif);
		strvec_push_owned(notes, xasprintf("в грифе: «приказом %s» "
		    "(из грифа приказа)", h->org_genitive));
		return;
	}
	h->org_genitive = declension_genitive(h->org);
	strvec_push_owned(notes, xasprintf("в грифе: «приказом %s» (по "
	    "склонению; если неверно: perechen init --org-genitive \"…\")",
	    h->org_genitive));
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
		if (merge_field(&h.org, in->org, replace, &org_word, notes))
			take_genitive(&h, in->org_genitive, notes);
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
log_import(struct store_tx *tx, const char *file,
    const struct import_report *rep, size_t old_procs, size_t old_tps,
    struct error *err)
{
	struct changes ch;
	char *was, *now;
	int rc;

	changes_init(&ch);
	was = old_procs > 0 ? xasprintf("процессов %zu, точек %zu", old_procs,
	    old_tps) : xstrdup("");
	now = xasprintf("из %s: процессов %zu, точек %zu, потребностей %zu",
	    strcmp(file, "-") == 0 ? "стандартного ввода" : file, rep->procs,
	    rep->touchpoints, rep->needs);
	changes_add(&ch, "перечень", 0, 0, "перечень", "импорт", was, now,
	    TRIGGER_IMPORT);
	rc = store_tx_log(tx, &ch, err);
	changes_fini(&ch);
	free(was);
	free(now);
	return rc;
}

/* How the list is loaded: the command's options, and what was read. */
struct import_run {
	bool	 replace, dry_run, quiet;
	bool	 approved;		/* --approved: revision 1 by the order */
	const char *order_no;		/* --order, else the file's */
	struct approval_order order;	/* checked when approved */
	int64_t	 rev;			/* the revision recorded */
	const char *file;		/* as the clerk named it */
	struct fileio_map input;
	struct import_opts io;
	struct import_report rep;
	struct list l;			/* the header; processes stream */
	bool	 read_failed;		/* the error is the file's */
};

/* The order the file names, checked for --approved: 0, or -1 with err. */
static int
check_order(struct import_run *run, struct error *err)
{
	const struct list_header *h = &run->l.hdr;
	const char *no = run->order_no != NULL ? run->order_no : h->order_no;
	struct date today;

	if (h->order_date[0] == '\0' || no[0] == '\0')
		return error_set(err, "--approved: %s", run->rep.order_text ?
		    "в приказе не найдены его дата и номер (под словом "
		    "«ПРИКАЗ»)" : "в файле нет приказа об утверждении "
		    "(«ПРИКАЗ», его дата и номер над таблицей); утвердите "
		    "перечень после импорта: perechen approve");
	if (date_resolve_today(NULL, &today, err) != 0)
		return -1;
	return approval_order_check(no, h->order_date, today, &run->order,
	    err);
}

/* What the file says of its order, and what was done with it. */
static void
print_order(const struct import_run *run)
{
	const struct list_header *h = &run->l.hdr;
	char day[DATE_BUFSZ];
	struct date d;
	struct error err;

	if (run->approved && run->dry_run) {
		app_out("Будет записана утверждённая редакция: приказ от %s "
		    "№ %s\n", date_format(run->order.date, day),
		    run->order.number);
		return;
	}
	if (run->approved) {
		app_out("Утверждена редакция %lld: приказ от %s № %s\n",
		    (long long)run->rev, date_format(run->order.date, day),
		    run->order.number);
		return;
	}
	if (h->order_no[0] == '\0' || date_parse(h->order_date, &d, &err) != 0)
		return;
	app_out("Приказ в файле: от %s № %s (записать его как утверждённую "
	    "редакцию 1: --approved)\n", date_format(d, day),
	    run->order_no != NULL ? run->order_no : h->order_no);
}

/* Pages of the file read through are given back (a long list). */
static void
release_input(void *arg, const char *upto)
{
	fileio_map_release(arg, upto);
}

/* A dry run keeps nothing of a process but its counts. */
static int
discard_process(void *arg, struct process *p, struct error *err)
{
	(void)arg;
	(void)p;
	(void)err;
	return 0;
}

static int
insert_process(void *arg, struct process *p, struct error *err)
{
	return store_insert_process(arg, p, err);
}

/* Read the file into the store as it streams, in tx. */
static int
read_into(struct store *st, struct import_run *run, struct error *err)
{
	struct store_insert *ins;
	int rc;

	if (store_insert_begin(st, &ins, err) != 0)
		return -1;
	run->io.sink = insert_process;
	run->io.sink_arg = ins;
	rc = import_table(run->input.data, run->input.len, &run->io, &run->l,
	    &run->rep, err);
	if (rc == 0 && run->approved)
		rc = check_order(run, err);
	run->read_failed = rc != 0;
	return store_insert_end(ins, rc, err);
}

static int
write_list(struct app *app, struct import_run *run,
    struct strvec *header_notes, struct error *err)
{
	bool replace = run->replace;
	struct app_actor who;
	struct store_tx tx;
	struct store *st;
	size_t procs, tps;
	int rc;

	if (app_open_store(app, STORE_CREATE, &st, err) != 0)
		return -1;
	app_actor_init(&who);
	/* A shared list's folder takes new files only with the group's
	 * rights, dropped by now: its journal would not be made. */
	if (app->list_name == NULL)
		store_bulk_begin(st);
	rc = store_tx_begin(&tx, st, &who.actor, POLICY_IMPORT, err);
	if (rc != 0)
		goto out;
	rc = store_count(st, &procs, &tps, NULL, err);
	if (rc == 0 && procs > 0 && !replace)
		rc = error_set(err, "в перечне %s уже есть записи (процессов "
		    "%zu, точек %zu); чтобы заменить их, добавьте --replace",
		    app->db_path, procs, tps);
	if (rc == 0 && ((replace && store_clear_list(st, err) != 0) ||
	    read_into(st, run, err) != 0 ||
	    merge_header(st, &run->l.hdr, replace, header_notes, err) != 0 ||
	    log_import(&tx, run->file, &run->rep, procs, tps, err) != 0))
		rc = -1;
	if (rc == 0 && run->approved)
		rc = store_revision_approve_in(&tx, run->order.number,
		    run->order.iso, &run->rev, err);
	rc = store_tx_end(&tx, rc, err);
out:
	store_bulk_end(st);
	store_close(st);
	return rc;
}

/* A dry run: the file read through, nothing kept but the counts. */
static int
check_file(struct import_run *run, struct error *err)
{
	run->io.sink = discard_process;
	run->read_failed = true;
	return import_table(run->input.data, run->input.len, &run->io,
	    &run->l, &run->rep, err) != 0 ||
	    (run->approved && check_order(run, err) != 0) ? -1 : 0;
}

/*
 * A dry run reads the file only.  Otherwise the file is read once, as it
 * streams, into the list in one transaction: an error rolls it back, and
 * a list this import was making is removed with its file.
 */
static int
read_and_write(struct app *app, struct import_run *run,
    struct strvec *header_notes, struct error *err)
{
	bool existed;

	if (run->dry_run)
		return check_file(run, err);
	existed = app_db_present(app);
	if (write_list(app, run, header_notes, err) == 0)
		return 0;
	if (!existed)
		app_remove_new_list(app);
	return -1;
}

static int
parse_table(const char *arg, size_t *out)
{
	char *end;
	unsigned long n = strtoul(arg, &end, 10);

	if (arg[0] < '1' || arg[0] > '9' || *end != '\0' || n > 1000)
		return -1;
	*out = (size_t)n;
	return 0;
}

int
cmd_import(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "columns", required_argument, NULL, 'c' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "table", required_argument, NULL, 't' },
		{ "approved", no_argument, NULL, 'a' },
		{ "order", required_argument, NULL, 'o' },
		{ "replace", no_argument, NULL, 'r' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct import_run run = { 0 };
	struct strvec header_notes;
	struct catalog cat;
	struct error err;
	int c, rc = EXIT_FAIL;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "tsv") == 0)
				run.io.format = IMPORT_TSV;
			else if (strcmp(optarg, "csv") == 0)
				run.io.format = IMPORT_CSV;
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
			run.io.columns = optarg;
			break;
		case 't':
			if (parse_table(optarg, &run.io.table) != 0)
				return app_usage_error("import", "--table: "
				    "«%s» — ожидался номер таблицы (1, 2…)",
				    optarg);
			break;
		case 'e': run.io.encoding = optarg; break;
		case 'a': run.approved = true; break;
		case 'o': run.order_no = optarg; break;
		case 'r': run.replace = true; break;
		case 'n': run.dry_run = true; break;
		case 'q': run.quiet = true; break;
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
	run.file = argv[optind];
	if (fileio_map(run.file, FILEIO_INPUT_MAX, FILEIO_DOCUMENT_MAX,
	    &run.input, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	if (run.input.mapped) {
		run.io.release = release_input;
		run.io.release_arg = &run.input;
	}
	catalog_init(&cat);
	list_init(&run.l);
	import_report_init(&run.rep);
	strvec_init(&header_notes);
	run.io.cat = &cat;
	if (catalog_for_import(app, &cat, &err) != 0 ||
	    read_and_write(app, &run, &header_notes, &err) != 0) {
		if (run.read_failed)
			app_error("%s: %s", run.file, err.msg);
		else
			app_error("%s", err.msg);
		app_note("Перечень не изменён.");
	} else {
		if (!run.quiet || run.dry_run)
			print_report(run.file, &run.rep, run.dry_run);
		print_header_notes(&run.l.hdr, &header_notes,
		    run.quiet && !run.dry_run, run.dry_run);
		if (!run.quiet || run.dry_run)
			print_order(&run);
		rc = EXIT_OK;
	}
	approval_order_fini(&run.order);
	strvec_fini(&header_notes);
	import_report_fini(&run.rep);
	list_fini(&run.l);
	catalog_fini(&cat);
	fileio_unmap(&run.input);
	return rc;
}
