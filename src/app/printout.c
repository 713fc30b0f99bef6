/* printout.c - the version printed, its settings, document and format. */
#include "printout.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "amend.h"
#include "app.h"
#include "change.h"
#include "export_html.h"
#include "fileio.h"
#include "office.h"
#include "order.h"
#include "store_history.h"
#include "store_setting.h"

#define PRINTOUT_MIN_TEXT_MM	50	/* the table needs this much paper */

/* In the order they are applied: the size before the orientation turns
 * it. */
const struct printout_setting printout_settings[] = {
	{ "page.size", "size", "A4",
	  "размер листа: A3, A4, A5, Letter или ШИРИНАxВЫСОТА в мм" },
	{ "page.orientation", "orientation", "portrait",
	  "ориентация: portrait (книжная) или landscape (альбомная)" },
	{ "page.margins", "margins", "30,10,20,20",
	  "поля в мм: левое,правое,верхнее,нижнее" },
	{ "page.font", "font", "Times New Roman",
	  "шрифт (Liberation Serif — с метриками Times New Roman)" },
	{ "page.font-size", "font-size", "12",
	  "кегль в пунктах, от 6 до 28" },
	{ "grif.wording", NULL, "",
	  "строки грифа после «УТВЕРЖДЕН» вместо «приказом <органа>»; "
	  "пусто — по названию органа" },
	{ "order.title", NULL, "приказ",
	  "проект приказа вносит изменения в «приказ» или в «перечень»" },
	{ "order.exclude", NULL, "признать утратившей силу",
	  "строку «признать утратившей силу» или «исключить»" },
	{ "order.control", NULL, "",
	  "на кого возложить контроль (в винительном падеже); пусто — "
	  "«оставляю за собой»" },
	{ "order.position", NULL, "",
	  "должность подписывающего приказ" },
	{ "order.signatory", NULL, "",
	  "подписывающий приказ: И.О. Фамилия" },
	{ "order.procedure", NULL, "",
	  "чем утверждён Порядок ведения перечня, как его называет "
	  "преамбула: «приказом … от ДД.ММ.ГГГГ № …»; пусто — приказом, "
	  "утвердившим перечень (если перечень не утверждался заново)" },
};

const size_t printout_nsettings = sizeof printout_settings /
    sizeof printout_settings[0];

const struct printout_setting *
printout_setting_find(const char *key)
{
	for (size_t i = 0; i < printout_nsettings; i++)
		if (strcmp(printout_settings[i].key, key) == 0)
			return &printout_settings[i];
	return NULL;
}

/* The value of setting i: `override' if it is the key being checked,
 * else the stored one, else NULL (the default).  Caller frees. */
static int
printout_setting_value(struct store *st, size_t i, const char *key,
    const char *override, char **value, struct error *err)
{
	bool found;

	if (key != NULL && strcmp(printout_settings[i].key, key) == 0) {
		*value = xstrdup(override);
		return 0;
	}
	return store_setting_get(st, printout_settings[i].key, value, &found,
	    err);
}

/*
 * The page and grif wording from the defaults and the stored settings,
 * with key (if not NULL) taken as value instead; the page must leave room
 * for the table.  *wording is the caller's to free.
 */
static int
printout_settings_apply(struct store *st, const char *key,
    const char *value, struct doc_page *page, char **wording,
    struct error *err)
{
	doc_page_defaults(page);
	*wording = xstrdup("");
	for (size_t i = 0; i < printout_nsettings; i++) {
		const struct printout_setting *s = &printout_settings[i];
		char *v;

		if (printout_setting_value(st, i, key, value, &v, err) != 0)
			return -1;
		if (v == NULL)
			continue;
		if (strcmp(s->key, "grif.wording") == 0) {
			free(*wording);
			*wording = v;
			continue;
		}
		if (s->page_key != NULL && doc_page_set(page, s->page_key, v,
		    err) != 0) {
			error_prefix(err, "настройка %s", s->key);
			free(v);
			return -1;
		}
		free(v);
	}
	if (page->width_mm - page->margin_left_mm - page->margin_right_mm <
	    PRINTOUT_MIN_TEXT_MM || page->height_mm - page->margin_top_mm -
	    page->margin_bottom_mm < PRINTOUT_MIN_TEXT_MM)
		return error_set(err, "поля оставляют на листе %.0fx%.0f мм, "
		    "а таблице нужно не меньше %dx%d мм", page->width_mm -
		    page->margin_left_mm - page->margin_right_mm,
		    page->height_mm - page->margin_top_mm -
		    page->margin_bottom_mm, PRINTOUT_MIN_TEXT_MM,
		    PRINTOUT_MIN_TEXT_MM);
	return 0;
}

int
printout_order_title(const char *value)
{
	if (strcmp(value, "приказ") == 0 || strcmp(value, "order") == 0)
		return 0;
	if (strcmp(value, "перечень") == 0 || strcmp(value, "list") == 0)
		return 1;
	return -1;
}

int
printout_order_exclude(const char *value)
{
	if (strcmp(value, "признать утратившей силу") == 0)
		return 0;
	if (strcmp(value, "исключить") == 0)
		return 1;
	return -1;
}

int
printout_setting_check(struct store *st, const char *key, const char *value,
    struct error *err)
{
	struct doc_page page;
	char *wording = NULL;
	int rc;

	if (strlen(value) > 1000)
		return error_set(err, "значение длиннее 1000 байт");
	if (strcmp(key, "order.title") == 0 && printout_order_title(value) < 0)
		return error_set(err, "order.title: «приказ» или «перечень»");
	if (strcmp(key, "order.exclude") == 0 &&
	    printout_order_exclude(value) < 0)
		return error_set(err, "order.exclude: «признать утратившей "
		    "силу» или «исключить»");
	rc = printout_settings_apply(st, key, value, &page, &wording, err);
	free(wording);
	return rc;
}

static const struct {
	const char *name;
	enum printout_format format;
} printout_formats[] = {
	{ "txt", PRINTOUT_TXT }, { "csv", PRINTOUT_CSV },
	{ "html", PRINTOUT_HTML }, { "docx", PRINTOUT_DOCX },
	{ "pdf", PRINTOUT_PDF }, { "htm", PRINTOUT_HTML },
};

int
printout_format_parse(const char *name, enum printout_format *f)
{
	for (size_t i = 0; i < sizeof printout_formats /
	    sizeof printout_formats[0]; i++)
		if (strcasecmp(name, printout_formats[i].name) == 0) {
			*f = printout_formats[i].format;
			return 0;
		}
	return -1;
}

bool
printout_format_of_path(const char *path, enum printout_format *f)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL || strchr(dot, '/') != NULL)
		return false;
	return printout_format_parse(dot + 1, f) == 0;
}

const char *
printout_format_ext(enum printout_format f)
{
	for (size_t i = 0; i < sizeof printout_formats /
	    sizeof printout_formats[0]; i++)
		if (printout_formats[i].format == f)
			return printout_formats[i].name;
	return "txt";
}

bool
printout_format_binary(enum printout_format f)
{
	return f == PRINTOUT_DOCX || f == PRINTOUT_PDF;
}

int
printout_revision_parse(const char *s, int64_t *rev, struct error *err)
{
	long long v;

	if (strcmp(s, "latest") == 0 || strcmp(s, "последняя") == 0) {
		*rev = PRINTOUT_LATEST;
		return 0;
	}
	if (app_parse_number(s, 1, INT64_MAX, &v) != 0)
		return error_set(err, "редакция «%s»: нужен её номер (1, 2, …) "
		    "или latest", s);
	*rev = v;
	return 0;
}

/* The revision asked for (the latest when PRINTOUT_LATEST) into r. */
static int
printout_find_revision(struct store *st, int64_t want, struct revision *r,
    struct error *err)
{
	struct revisions all;
	int rc = 0;

	memset(&all, 0, sizeof all);
	if (store_revisions_list(st, &all, err) != 0)
		return -1;
	if (all.n == 0)
		rc = error_set(err, "перечень ещё не утверждён: редакций нет "
		    "(печатается рабочая версия без --revision)");
	else if (want == PRINTOUT_LATEST)
		want = all.v[all.n - 1].id;
	for (size_t i = 0; rc == 0 && i < all.n; i++)
		if (all.v[i].id == want) {
			*r = all.v[i];
			memset(&all.v[i], 0, sizeof all.v[i]);
			break;
		} else if (i + 1 == all.n) {
			rc = error_set(err, "редакции %lld нет; утверждены "
			    "редакции 1–%lld", (long long)want,
			    (long long)all.v[all.n - 1].id);
		}
	revisions_fini(&all);
	return rc;
}

/* Comparing the working copy with a revision a process at a time. */
struct printout_same {
	struct store *st;
	int64_t	 rev;
	const int64_t *ids;	/* the revision's processes, in order */
	size_t	 n;
	bool	 differs;	/* found out: stop */
};

/* Whether processes a and b hold the same content (change_lists_equal of
 * the two as lists of one). */
static bool
printout_same_process(struct process *a, struct process *b)
{
	struct list la, lb;
	bool same;

	list_init(&la);
	list_init(&lb);
	la.procs = a;
	lb.procs = b;
	la.nprocs = lb.nprocs = 1;
	same = change_lists_equal(&la, &lb);
	la.procs = lb.procs = NULL;
	la.nprocs = lb.nprocs = 0;
	list_fini(&la);
	list_fini(&lb);
	return same;
}

static int
printout_same_step(void *ctx, struct process *p, size_t index,
    struct error *err)
{
	struct printout_same *w = ctx;
	struct process frozen;
	bool found, same;

	if (index >= w->n || p->id != w->ids[index]) {
		w->differs = true;
		return -1;
	}
	if (store_list_process(w->st, w->rev, p->id, &frozen, &found,
	    err) != 0)
		return -1;
	same = found && printout_same_process(&frozen, p);
	process_fini(&frozen);
	if (!same)
		w->differs = true;
	return same ? 0 : -1;
}

/*
 * Whether the working copy is the latest approved revision: the same
 * content (change_lists_equal), so that printing it is printing that
 * revision, grif and all.  False when nothing is approved yet.  The two
 * are walked side by side, a process at a time, whatever their size.
 */
static int
printout_working_is_latest(struct store *st, bool *same, struct error *err)
{
	struct printout_same w;
	struct list_header a, b;
	struct revision r;
	int64_t *ids = NULL;
	size_t printed;
	bool found;
	int rc;

	*same = false;
	memset(&r, 0, sizeof r);
	if (store_revision_latest(st, &r, &found, err) != 0)
		return -1;
	if (!found)
		return 0;
	memset(&w, 0, sizeof w);
	w.st = st;
	w.rev = r.id;
	revision_fini(&r);
	list_header_init(&a);
	list_header_init(&b);
	rc = store_list_header(st, 0, &a, err);
	if (rc == 0)
		rc = store_list_header(st, w.rev, &b, err);
	if (rc == 0)
		rc = store_list_processes(st, w.rev, &ids, &w.n, &printed, err);
	if (rc == 0 && (strcmp(a.org, b.org) != 0 ||
	    strcmp(a.org_genitive, b.org_genitive) != 0 ||
	    strcmp(a.title, b.title) != 0 || strcmp(a.area, b.area) != 0))
		w.differs = true;
	w.ids = ids;
	if (rc == 0 && !w.differs) {
		rc = store_list_each_process(st, 0, printout_same_step, &w, err);
		if (rc != 0 && w.differs)
			rc = 0;
	}
	if (rc == 0 && !w.differs) {
		size_t n_working;
		int64_t *wids = NULL;

		/* As many processes: none left over in the revision. */
		rc = store_list_processes(st, 0, &wids, &n_working, &printed,
		    err);
		*same = rc == 0 && n_working == w.n;
		free(wids);
	}
	free(ids);
	list_header_fini(&a);
	list_header_fini(&b);
	return rc;
}

int
printout_page(struct store *st, struct doc_page *page, char **wording,
    struct error *err)
{
	return printout_settings_apply(st, NULL, NULL, page, wording, err);
}

/*
 * Of the revisions all (oldest first, at least one), the one whose order
 * approved the list as revision rev (PRINTOUT_LATEST: the latest) has
 * it: the latest approving one up to rev, each approving order having
 * repealed the one before; *upto is where the revisions up to rev end.
 * The first revision approved the list even if its row says otherwise
 * (a list changed beside the program: perechen verify tells).
 */
static size_t
printout_base_order(const struct revisions *all, int64_t rev, size_t *upto)
{
	size_t base = 0, i;

	for (i = 0; i < all->n && (rev == PRINTOUT_LATEST ||
	    all->v[i].id <= rev); i++)
		if (all->v[i].approves)
			base = i;
	*upto = i > 0 ? i : 1;
	return base;
}

int
printout_orders(struct store *st, int64_t rev, const char *genitive,
    struct printout_orders *o, struct error *err)
{
	struct revisions all;
	const char **dates, **nos;
	size_t n = 0, base, upto;

	memset(o, 0, sizeof *o);
	memset(&all, 0, sizeof all);
	if (store_revisions_list(st, &all, err) != 0)
		return -1;
	if (all.n == 0) {
		revisions_fini(&all);
		return error_set(err, "перечень ещё не утверждён: изменять "
		    "нечего (perechen approve, п. 5.1)");
	}
	dates = xreallocarray(NULL, all.n + 1, sizeof *dates);
	nos = xreallocarray(NULL, all.n + 1, sizeof *nos);
	base = printout_base_order(&all, rev, &upto);
	for (size_t i = base + 1; i < upto; i++) {
		dates[n] = all.v[i].order_date;
		nos[n++] = all.v[i].order_no;
	}
	o->date = xstrdup(all.v[base].order_date);
	o->no = xstrdup(all.v[base].order_no);
	o->reapproved = base > 0;
	o->amended = amend_as_amended(genitive, dates, nos, n);
	dates[n] = nos[n] = NULL;
	o->pending = amend_as_amended(genitive, dates, nos, n + 1);
	free(dates);
	free(nos);
	revisions_fini(&all);
	return 0;
}

void
printout_orders_fini(struct printout_orders *o)
{
	free(o->date);
	free(o->no);
	free(o->amended);
	free(o->pending);
	memset(o, 0, sizeof *o);
}

/* The grif of revision rev: «УТВЕРЖДЕН приказом … от <the latest
 * approving order up to rev>», and «(в редакции приказа … от … № …)»
 * when later approvals amended it.  Caller frees *grif. */
static int
printout_revision_grif(struct store *st, const char *gen,
    const char *wording, int64_t rev, char **grif, struct error *err)
{
	struct printout_orders o;

	if (printout_orders(st, rev, gen, &o, err) != 0)
		return -1;
	*grif = document_grif(gen, wording, o.date, o.no);
	if (o.amended[0] != '\0' && (*grif)[0] != '\0') {
		char *g = xasprintf("%s\n%s", *grif, o.amended);

		free(*grif);
		*grif = g;
	}
	printout_orders_fini(&o);
	return 0;
}

/*
 * The header of the version p asks for into h, its grif (an approved
 * revision's: the organ as frozen, the order's date and number, the
 * wording setting), default caption and number (PRINTOUT_WORKING for
 * the working copy).  The working copy unchanged since the latest
 * approval is that revision; else it has no grif and says it is not
 * approved.  A revision has no caption: the seed's annex has none.
 * Callers free *grif, *caption.
 */
static int
printout_load(struct store *st, const struct printout *p,
    const char *wording, struct list_header *h, char **grif,
    char **caption, int64_t *revision, struct error *err)
{
	struct revision r;
	int64_t want = p->revision;
	bool approved;
	char *gen;

	*revision = PRINTOUT_WORKING;
	if (want == PRINTOUT_WORKING) {
		if (printout_working_is_latest(st, &approved, err) != 0)
			return -1;
		if (!approved) {
			if (store_list_header(st, 0, h, err) != 0)
				return -1;
			*grif = xstrdup("");
			*caption = xstrdup("Рабочая версия (не утверждена)");
			return 0;
		}
		want = PRINTOUT_LATEST;
	}
	memset(&r, 0, sizeof r);
	if (printout_find_revision(st, want, &r, err) != 0)
		return -1;
	if (store_list_header(st, r.id, h, err) != 0) {
		revision_fini(&r);
		return -1;
	}
	gen = document_genitive(h);
	if (printout_revision_grif(st, gen, wording, r.id, grif, err) != 0) {
		free(gen);
		revision_fini(&r);
		return -1;
	}
	free(gen);
	*caption = xstrdup("");
	*revision = r.id;
	revision_fini(&r);
	return 0;
}

/*
 * The rows of the version printed, read from the store a process at a
 * time as a writer asks for them (a document's source, or CSV's); a
 * failure of the store is kept in rc and err for printout_render.
 */
struct printout_source {
	struct store *st;
	int64_t	 rev;		/* 0: the working copy */
	struct doc_table rows;	/* one process's rows */
	int	 rc;
	struct error err;
	/* the walk under way */
	doc_group_fn group;
	export_process_fn process;
	void	*ctx;
	size_t	 printed;
};

static int
printout_source_step(void *ctx, struct process *p, size_t index,
    struct error *err)
{
	struct printout_source *s = ctx;

	(void)err;
	if (s->process != NULL) {
		s->process(s->ctx, p, index);
		return 0;
	}
	if (document_process_rows(&s->rows, p, s->printed)) {
		s->printed++;
		s->group(s->ctx, s->rows.rows, s->rows.nrows);
		doc_table_rows_clear(&s->rows);
	}
	return 0;
}

static void
printout_source_walk(struct printout_source *s)
{
	if (s->rc == 0)
		s->rc = store_list_each_process(s->st, s->rev,
		    printout_source_step, s, &s->err);
}

/* struct doc_source's each. */
static void
printout_each_group(void *src, doc_group_fn fn, void *ctx)
{
	struct printout_source *s = src;

	s->group = fn;
	s->process = NULL;
	s->ctx = ctx;
	s->printed = 0;
	printout_source_walk(s);
}

/* export_csv_each's source. */
static void
printout_each_process(void *src, export_process_fn fn, void *ctx)
{
	struct printout_source *s = src;

	s->group = NULL;
	s->process = fn;
	s->ctx = ctx;
	printout_source_walk(s);
}

static int
printout_write_txt(const struct printout *p, const struct document *d,
    struct buf *out, size_t *replaced, struct error *err)
{
	return export_txt(d, &p->opts, out, replaced, err);
}

static int
printout_write_html(const struct printout *p, const struct document *d,
    struct buf *out, size_t *replaced, struct error *err)
{
	(void)p;
	(void)replaced;
	(void)err;
	export_html(d, out);
	return 0;
}

static int
printout_write_docx(const struct printout *p, const struct document *d,
    struct buf *out, size_t *replaced, struct error *err)
{
	(void)p;
	(void)replaced;
	return office_docx(d, out, err);
}

static int
printout_write_pdf(const struct printout *p, const struct document *d,
    struct buf *out, size_t *replaced, struct error *err)
{
	(void)p;
	(void)replaced;
	/* Drawn into out as it is made: no file, no temporary folder. */
	return office_pdf_buf(d, out, err);
}

/* The writers of a printed document, by format: every producer (the
 * annex, the order) goes through this one table. */
static const struct {
	enum printout_format format;
	int	(*write)(const struct printout *, const struct document *,
		    struct buf *, size_t *, struct error *);
} printout_exporters[] = {
	{ PRINTOUT_TXT, printout_write_txt },
	{ PRINTOUT_HTML, printout_write_html },
	{ PRINTOUT_DOCX, printout_write_docx },
	{ PRINTOUT_PDF, printout_write_pdf },
};

int
printout_write_document(const struct printout *p, const struct document *d,
    struct buf *out, size_t *replaced, struct error *err)
{
	if (replaced != NULL)
		*replaced = 0;
	for (size_t i = 0; i < sizeof printout_exporters /
	    sizeof printout_exporters[0]; i++)
		if (printout_exporters[i].format == p->format)
			return printout_exporters[i].write(p, d, out, replaced,
			    err);
	return error_set(err, "CSV не печатный документ");
}

static int
printout_render_snapshot(struct store *st, const struct printout *p,
    struct buf *out, size_t *replaced, int64_t *revision, struct error *err)
{
	struct printout_source src;
	struct list_header h;
	struct doc_page page;
	struct document d;
	struct doc_table *annex;
	struct catalog cat;
	char *wording = NULL, *grif = NULL, *caption = NULL;
	int64_t printed = PRINTOUT_WORKING, *ids = NULL;
	size_t nprocs = 0, nprinted = 0;
	int rc;

	if (replaced != NULL)
		*replaced = 0;
	memset(&src, 0, sizeof src);
	src.st = st;
	list_header_init(&h);
	catalog_init(&cat);
	rc = printout_settings_apply(st, NULL, NULL, &page, &wording, err);
	if (rc == 0)
		rc = printout_load(st, p, wording, &h, &grif, &caption,
		    &printed, err);
	src.rev = printed;
	/* The № column is as wide as the largest number printed. */
	if (rc == 0)
		rc = store_list_processes(st, printed, &ids, &nprocs,
		    &nprinted, err);
	free(ids);
	if (rc == 0 && p->format == PRINTOUT_CSV) {
		rc = store_read_catalog(st, &cat, err);
		if (rc == 0)
			rc = export_csv_each(printout_each_process, &src, &cat,
			    &p->opts, out, replaced, err);
	} else if (rc == 0) {
		/* The annex: its rows read a process at a time as a writer
		 * asks for them. */
		document_init(&d);
		d.page = page;
		annex = document_annex(&d, h.title, grif, p->caption != NULL ?
		    p->caption : caption, nprinted);
		annex->source.each = printout_each_group;
		annex->source.src = &src;
		rc = printout_write_document(p, &d, out, replaced, err);
		document_fini(&d);
		doc_table_rows_clear(&src.rows);
		free(src.rows.rows);
	}
	if (rc == 0 && src.rc != 0) {
		*err = src.err;
		rc = -1;
	}
	if (rc == 0 && revision != NULL)
		*revision = printed;
	free(wording);
	free(grif);
	free(caption);
	catalog_fini(&cat);
	list_header_fini(&h);
	return rc;
}

/*
 * The document p asks for, in one read snapshot: the widths, the numbers
 * and the rows all come from the same version even while others write.
 */
int
printout_render(struct store *st, const struct printout *p, struct buf *out,
    size_t *replaced, int64_t *revision, struct error *err)
{
	bool began;
	int rc;

	if (store_read_begin(st, &began, err) != 0)
		return -1;
	rc = printout_render_snapshot(st, p, out, replaced, revision, err);
	store_read_end(st, began);
	return rc;
}

int
printout_write(struct store *st, const struct printout *p, int fd,
    size_t *replaced, int64_t *revision, struct error *err)
{
	struct buf_fd o = { fd, 0 };
	struct buf out;
	int rc;

	buf_init(&out);
	buf_set_sink(&out, buf_sink_fd, &o);
	rc = p->order ? order_render(st, p, &out, err) :
	    printout_render(st, p, &out, replaced, revision, err);
	if (buf_flush(&out) != 0 && rc == 0) {
		errno = o.errnum;
		rc = -1;
	} else if (rc != 0) {
		errno = 0;
	}
	buf_fini(&out);
	return rc;
}

int
printout_source_open(struct store *st, int64_t rev,
    struct printout_source **src, size_t *nprinted, struct error *err)
{
	struct printout_source *s = xcalloc(1, sizeof *s);
	int64_t *ids = NULL;
	size_t n;
	int rc;

	s->st = st;
	s->rev = rev;
	*src = s;
	rc = store_list_processes(st, rev, &ids, &n, nprinted, err);
	free(ids);
	return rc;
}

void
printout_source_feed(struct printout_source *src, struct doc_table *t)
{
	t->source.each = printout_each_group;
	t->source.src = src;
}

int
printout_source_end(struct printout_source *src, struct error *err)
{
	int rc = 0;

	if (src == NULL)
		return 0;
	if (src->rc != 0) {
		*err = src->err;
		rc = -1;
	}
	doc_table_rows_clear(&src->rows);
	free(src->rows.rows);
	free(src);
	return rc;
}
