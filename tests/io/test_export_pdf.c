/*
 * test_export_pdf.c - the PDF writer, read back with poppler's tools.
 *
 * The PDF is checked the way a reader sees it: pdftotext (-raw keeps the
 * drawing order, so a cell's lines stay together; -layout shows where the
 * page number sits; -bbox where every word is), pdfinfo for pages and the
 * structure tree, pdffonts for embedding, pdftoppm for a rendering.  A test
 * that needs a tool poppler-utils lacks here, or a build without PDF,
 * skips and says so.  To look at what the tests wrote:
 *
 *	PERECHEN_PDF_KEEP=/tmp/pdf build/tests/test_export_pdf
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "document.h"
#include "export_pdf.h"
#include "import.h"

static char tmpdir[] = "/tmp/perechen-pdf-XXXXXX";

/* The header row as pdftotext -raw gives it, whitespace squeezed. */
#define HEADER_TEXT "№ Процесс взаимодействия с клиентом Точка " \
	"взаимодействия Удовлетворяемые потребности клиента Особенности " \
	"взаимодействия с клиентом"

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	char cmd[256];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static bool
have(const char *tool)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", tool);
	return system(cmd) == 0;
}

/* Skip (saying why) unless this build writes PDF and the tools are here. */
static bool
need(const char *tool)
{
	if (!export_pdf_available()) {
		print_message("skip: this build has no PDF (WITH_PDF=0)\n");
		return false;
	}
	if (tool != NULL && !have(tool)) {
		print_message("skip: %s not installed (poppler-utils)\n", tool);
		return false;
	}
	return true;
}

/* Output of a shell command that must succeed; caller frees. */
static char *
run(const char *fmt, ...)
{
	char cmd[1024], chunk[65536];
	struct buf b;
	va_list ap;
	size_t n;
	FILE *f;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	f = popen(cmd, "r");
	assert_non_null(f);
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, n);
	if (pclose(f) != 0)
		fail_msg("command failed: %s", cmd);
	return buf_detach(&b);
}

/* s with every run of white space (newlines, form feeds) one space. */
static char *
squeeze(const char *s)
{
	struct buf b;
	bool space = true;

	buf_init(&b);
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\f' || *s == '\t' ||
		    *s == '\r') {
			space = true;
			continue;
		}
		if (space && b.len > 0)
			buf_putc(&b, ' ');
		space = false;
		buf_putc(&b, *s);
	}
	return buf_detach(&b);
}

/* s without any white space: a line break after a hyphen ("контрольно-" /
 * "надзорной") reads back as a space, so text is compared this way. */
static char *
compact(const char *s)
{
	struct buf b;

	buf_init(&b);
	for (; *s != '\0'; s++)
		if (strchr(" \n\f\t\r", *s) == NULL)
			buf_putc(&b, *s);
	return buf_detach(&b);
}

static char *
path_in_tmp(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

/* Leave a copy for a person to look at, when asked to. */
static void
keep(const char *path, const char *name)
{
	const char *dir = getenv("PERECHEN_PDF_KEEP");
	char *out;

	if (dir == NULL || dir[0] == '\0')
		return;
	free(run("mkdir -p '%s' && cp '%s' '%s/%s' && echo", dir, path, dir,
	    name));
	out = xasprintf("%s/%s", dir, name);
	print_message("kept %s\n", out);
	free(out);
}

static int
pdf_pages(const char *path)
{
	char *info = run("pdfinfo '%s'", path), *p = strstr(info, "\nPages:");
	int n = 0;

	assert_non_null(p);
	n = atoi(p + strlen("\nPages:"));
	free(info);
	return n;
}

/* Page n's text in drawing order, squeezed; caller frees. */
static char *
page_text(const char *path, int n)
{
	char *raw = run("pdftotext -raw -f %d -l %d '%s' -", n, n, path);
	char *s = squeeze(raw);

	free(raw);
	return s;
}

/* Every page's text (index 0 = page 1); free with free_texts. */
static char **
page_texts(const char *path, int pages)
{
	char **t = xcalloc((size_t)pages, sizeof *t);

	for (int n = 1; n <= pages; n++)
		t[n - 1] = page_text(path, n);
	return t;
}

static void
free_texts(char **t, int pages)
{
	for (int i = 0; i < pages; i++)
		free(t[i]);
	free(t);
}

/* Pages whose text holds s whole. */
static int
pages_with(char **t, int pages, const char *s)
{
	char *want = compact(s);
	int found = 0;

	for (int i = 0; i < pages; i++) {
		char *text = compact(t[i]);

		found += strstr(text, want) != NULL;
		free(text);
	}
	free(want);
	return found;
}

/* A small list: two processes, an excluded touchpoint, contacts. */
static void
small_list(struct list *l)
{
	struct process *p;
	struct touchpoint *tp;

	list_init(l);
	model_set(&l->hdr.title, "точек взаимодействия с клиентом по "
	    "вопросам осуществления регионального государственного контроля "
	    "(надзора)");
	p = list_add_process(l, "Информирование");
	tp = process_add_touchpoint(p, "Официальный сайт Министерства");
	tp->channel = CHANNEL_DIGITAL;
	touchpoint_add_contact(tp, CONTACT_URL,
	    "https://dpt.admin-smolensk.ru/regionalnyj-kontrol-nadzor/");
	touchpoint_add_need(tp, "Получение информации", 1);
	tp = process_add_touchpoint(p, "Телефонная связь");
	tp->channel = CHANNEL_OFFLINE;
	model_set(&tp->specifics, "по рабочим дням с 9 до 18");
	touchpoint_add_contact(tp, CONTACT_PHONE, "+7 (4812) 29-25-09");
	touchpoint_add_need(tp, "Получение информации о ходе рассмотрения "
	    "обращения", 1);
	touchpoint_add_need(tp, "Получение консультации", 0);
	tp = process_add_touchpoint(p, "Факс");
	tp->excluded = true;
	touchpoint_add_need(tp, "Отправка факса", 1);
	p = list_add_process(l, "Консультирование");
	tp = process_add_touchpoint(p, "Личный приём");
	tp->channel = CHANNEL_OFFLINE;
	touchpoint_add_need(tp, "Разъяснение обязательных требований", 2);
}

static void
small_document(struct document *d, struct list *l)
{
	char *grif = document_grif("Министерства промышленности и торговли "
	    "Смоленской области", NULL, "2024-03-19", "27/01-01");

	small_list(l);
	document_build(d, l, grif, "Редакция 2 от 19.03.2024");
	free(grif);
}

/*
 * procs processes of tps touchpoints each with 1 to 3 needs; every name
 * and need unique, so each can be looked for on its own.
 */
static void
generated_list(struct list *l, int procs, int tps)
{
	list_init(l);
	model_set(&l->hdr.title, "точек взаимодействия с клиентом (проверка "
	    "вёрстки)");
	for (int i = 1; i <= procs; i++) {
		char *name = xasprintf("Процесс %d: осуществление регионального "
		    "государственного контроля", i);
		struct process *p = list_add_process(l, name);

		free(name);
		for (int j = 1; j <= tps; j++) {
			char *tname = xasprintf("Точка %d.%d", i, j);
			struct touchpoint *tp = process_add_touchpoint(p, tname);

			free(tname);
			tp->channel = (i + j) % 2 ? CHANNEL_DIGITAL :
			    CHANNEL_OFFLINE;
			for (int k = 1; k <= (i * 7 + j) % 3 + 1; k++) {
				char *w = xasprintf("Потребность %d.%d.%d: "
				    "получение сведений о ходе проверки", i, j,
				    k);

				touchpoint_add_need(tp, w, 1);
				free(w);
			}
		}
	}
}

static void
generated_document(struct document *d, struct list *l, int procs, int tps)
{
	generated_list(l, procs, tps);
	document_build(d, l, "УТВЕРЖДЕН\nприказом Министерства\nот "
	    "19.03.2024 № 27/01-01", "Рабочая версия");
}

/* Write d to name in the temporary directory; path returned, caller
 * frees. */
static char *
write_pdf(const struct document *d, const char *name)
{
	char *path = path_in_tmp(name);
	struct error err;

	if (export_pdf(d, path, &err) != 0)
		fail_msg("export_pdf: %s", err.msg);
	keep(path, name);
	return path;
}

/* Whether the directory holds a file whose name contains part. */
static bool
dir_has(const char *dir, const char *part)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	bool found = false;

	assert_non_null(dp);
	while ((e = readdir(dp)) != NULL)
		if (strstr(e->d_name, part) != NULL)
			found = true;
	closedir(dp);
	return found;
}

static void
test_pdf_written_or_refused(void **state)
{
	struct document d;
	struct list l;
	struct error err;
	char *path = path_in_tmp("small.pdf"), head[8] = { 0 };
	FILE *f;

	(void)state;
	small_document(&d, &l);
	if (!export_pdf_available()) {
		assert_int_equal(export_pdf(&d, path, &err), -1);
		assert_non_null(strstr(err.msg, "без PDF"));
		assert_non_null(strstr(err.msg, "WITH_PDF=1"));
		assert_int_equal(access(path, F_OK), -1);
	} else {
		assert_int_equal(export_pdf(&d, path, &err), 0);
		f = fopen(path, "rb");
		assert_non_null(f);
		assert_int_equal(fread(head, 1, 5, f), 5);
		fclose(f);
		assert_string_equal(head, "%PDF-");
		assert_false(dir_has(tmpdir, ".tmp"));
		/* Replacing a file works too. */
		assert_int_equal(export_pdf(&d, path, &err), 0);
	}
	free(path);
	document_fini(&d);
	list_fini(&l);
}

/* A sink that takes the first hand-over and fails every later one. */
static int
failing_sink(void *ctx, const char *data, size_t len)
{
	int *calls = ctx;

	(void)data;
	(void)len;
	return ++*calls == 1 ? 0 : -1;
}

/* A sink that fails midway: drawing stops, the call still succeeds and
 * the failure is the sink owner's to find (buf_flush), as with the other
 * writers; the document is a list long enough for several hand-overs. */
static void
test_pdf_failing_sink_is_left_to_its_owner(void **state)
{
	struct document d;
	struct list l;
	struct error err;
	struct buf out;
	int calls = 0;

	(void)state;
	if (!export_pdf_available())
		skip();
	generated_document(&d, &l, 20, 15);
	buf_init(&out);
	buf_set_sink(&out, failing_sink, &calls);
	assert_int_equal(export_pdf_buf(&d, &out, &err), 0);
	assert_int_equal(buf_flush(&out), -1);
	assert_true(calls >= 2);
	buf_fini(&out);
	document_fini(&d);
	list_fini(&l);
}

/* Into a buffer: the same document, whole, as it is drawn. */
static void
test_pdf_into_a_buffer(void **state)
{
	struct document d;
	struct list l;
	struct error err;
	struct buf out;

	(void)state;
	small_document(&d, &l);
	buf_init(&out);
	if (!export_pdf_available()) {
		assert_int_equal(export_pdf_buf(&d, &out, &err), -1);
		assert_non_null(strstr(err.msg, "без PDF"));
	} else {
		assert_int_equal(export_pdf_buf(&d, &out, &err), 0);
		assert_true(out.len > 100);
		assert_memory_equal(out.data, "%PDF-", 5);
		assert_non_null(strstr(out.data + out.len - 8, "%%EOF"));
	}
	buf_fini(&out);
	document_fini(&d);
	list_fini(&l);
}

/* Each of items found in text in order, from the last one found on
 * (both compared compact). */
static void
assert_in_order(const char *text, const struct strvec *items)
{
	char *all = compact(text);
	const char *at = all;

	for (size_t i = 0; i < items->n; i++) {
		char *item = compact(items->v[i]);
		const char *hit = strstr(at, item);

		if (hit == NULL)
			fail_msg("«%s» not found after position %zu", items->v[i],
			    (size_t)(at - all));
		at = hit + strlen(item);
		free(item);
	}
	free(all);
}

/* Touchpoint names and needs of l in printed order. */
static void
printed_items(const struct list *l, struct strvec *items)
{
	strvec_init(items);
	for (size_t i = 0; i < l->nprocs; i++) {
		strvec_push(items, l->procs[i].name);
		for (size_t j = 0; j < l->procs[i].ntps; j++) {
			const struct touchpoint *tp = &l->procs[i].tps[j];

			if (tp->excluded)
				continue;
			strvec_push(items, tp->name);
			for (size_t k = 0; k < tp->nneeds; k++)
				strvec_push(items, tp->needs[k].wording);
		}
	}
}

/* How many times s holds part. */
static int
count_of(const char *s, const char *part)
{
	int n = 0;

	for (const char *p = strstr(s, part); p != NULL;
	    p = strstr(p + 1, part))
		n++;
	return n;
}

/*
 * Fail unless url is in the raw text whole or broken over lines, and each
 * of its lines but the last ends after «@», «.», «/» or «-».
 */
static void
assert_url_breaks(const char *text, const char *url)
{
	size_t len = strlen(url), at = 0;
	const char *p = strstr(text, "https://");

	assert_non_null(p);
	while (at < len) {
		size_t n = strcspn(p, "\n");

		assert_true(n > 0 && n <= len - at);
		assert_memory_equal(p, url + at, n);
		at += n;
		if (at < len)
			assert_non_null(strchr("@./-", url[at - 1]));
		p += n + 1;
	}
}

static void
test_pdf_small_list_reads_back_in_order(void **state)
{
	struct document d;
	struct list l;
	struct strvec items;
	char *path, *text, *raw;

	(void)state;
	if (!need("pdftotext"))
		skip();
	small_document(&d, &l);
	path = write_pdf(&d, "small.pdf");
	text = page_text(path, 1);
	/* The grif first, the title, the caption, then the header row. */
	assert_true(strncmp(text, "УТВЕРЖДЕН приказом Министерства "
	    "промышленности и торговли Смоленской области от 19.03.2024 № "
	    "27/01-01 ПЕРЕЧЕНЬ точек взаимодействия", strlen("УТВЕРЖДЕН "
	    "приказом Министерства промышленности и торговли Смоленской "
	    "области от 19.03.2024 № 27/01-01 ПЕРЕЧЕНЬ точек "
	    "взаимодействия")) == 0);
	assert_non_null(strstr(text, "(надзора) Редакция 2 от 19.03.2024 "
	    HEADER_TEXT " 1 Информирование Официальный сайт Министерства "
	    "https://"));
	/* A word breaks only between words; several needs each after a
	 * dash. */
	assert_non_null(strstr(text, "nadzor/ Получение информации Цифровая "
	    "точка Телефонная связь +7 (4812) 29-25-09 – Получение информации "
	    "о ходе рассмотрения обращения – Получение консультации "
	    "Офлайн-точка по рабочим дням с 9 до 18 2 Консультирование Личный "
	    "приём Разъяснение обязательных требований Офлайн-точка"));
	raw = run("pdftotext -raw '%s' -", path);
	/* Each need of several starts a line of its own, wherever its
	 * lines break. */
	assert_int_equal(count_of(raw, "\n– Получение"), 2);
	assert_int_equal(count_of(raw, "– "), 2);
	/* The URL breaks only after «@ . / -». */
	assert_url_breaks(raw, "https://dpt.admin-smolensk.ru/"
	    "regionalnyj-kontrol-nadzor/");
	free(raw);
	printed_items(&l, &items);
	assert_in_order(text, &items);
	assert_null(strstr(text, "Факс"));	/* excluded */
	assert_int_equal(pdf_pages(path), 1);
	strvec_fini(&items);
	free(text);
	free(path);
	document_fini(&d);
	list_fini(&l);
}

static char *
slurp(const char *path)
{
	char chunk[65536];
	struct buf b;
	size_t n;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		fail_msg("cannot open %s", path);
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	return buf_detach(&b);
}

/* The shipped example list, imported as a clerk would. */
static void
example_list(struct list *l)
{
	const char *share = getenv("PERECHEN_SHARE");
	struct import_opts o = { 0 };
	struct import_report rep;
	struct catalog cat;
	struct error err;
	char *path, *data, *kinds, *needs;

	if (share == NULL || share[0] == '\0')
		share = "share/perechen";
	path = xasprintf("%s/examples/smolensk-promtorg.tsv", share);
	data = slurp(path);
	free(path);
	path = xasprintf("%s/kinds.tsv", share);
	kinds = slurp(path);
	free(path);
	path = xasprintf("%s/needs.tsv", share);
	needs = slurp(path);
	free(path);
	catalog_init(&cat);
	if (catalog_parse_kinds(&cat, kinds, "kinds", &err) != 0 ||
	    catalog_parse_needs(&cat, needs, "needs", &err) != 0)
		fail_msg("%s", err.msg);
	o.cat = &cat;
	list_init(l);
	import_report_init(&rep);
	if (import_table(data, strlen(data), &o, l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	import_report_fini(&rep);
	catalog_fini(&cat);
	free(kinds);
	free(needs);
	free(data);
}

/* All pages' text, squeezed, with the repeated page number and header of
 * pages 2.. taken out, so text that goes on over a page reads whole. */
static char *
document_text(const char *path, int pages)
{
	struct buf b;

	buf_init(&b);
	for (int n = 1; n <= pages; n++) {
		char *t = page_text(path, n), *prefix;
		const char *s = t;

		prefix = xasprintf("%d %s ", n, HEADER_TEXT);
		if (n > 1) {
			assert_true(strncmp(t, prefix, strlen(prefix)) == 0);
			s += strlen(prefix);
		}
		if (b.len > 0)
			buf_putc(&b, ' ');
		buf_puts(&b, s);
		free(prefix);
		free(t);
	}
	return buf_detach(&b);
}

static void
test_pdf_example_list_holds_everything_in_order(void **state)
{
	struct document d;
	struct list l;
	struct strvec items;
	char *path, *text, *grif, *gen;

	(void)state;
	if (!need("pdftotext"))
		skip();
	example_list(&l);
	assert_true(l.nprocs > 0);
	gen = document_genitive(&l.hdr);
	grif = document_grif(gen, NULL, "2024-03-19", "27/01-01");
	free(gen);
	document_build(&d, &l, grif, "Редакция 1 от 19.03.2024");
	free(grif);
	path = write_pdf(&d, "example.pdf");
	text = document_text(path, pdf_pages(path));
	printed_items(&l, &items);
	assert_true(items.n > 20);
	assert_in_order(text, &items);
	strvec_fini(&items);
	free(text);
	free(path);
	document_fini(&d);
	list_fini(&l);
}

/* Whether the page's text has the first touchpoint on it under its
 * process's name (repeated when the process began on an earlier page). */
static void
assert_page_names_its_process(const char *text, int page)
{
	const char *tp = strstr(text, HEADER_TEXT);
	char *proc;
	int i, j;

	if (tp != NULL)
		tp = strstr(tp + strlen(HEADER_TEXT), "Точка ");
	if (tp == NULL)
		fail_msg("page %d: no touchpoint", page);
	assert_int_equal(sscanf(tp, "Точка %d.%d", &i, &j), 2);
	proc = xasprintf("Процесс %d:", i);
	if (strstr(text, proc) == NULL || strstr(text, proc) > tp)
		fail_msg("page %d: «%s» not above «Точка %d.%d»", page, proc, i,
		    j);
	free(proc);
}

static void
test_pdf_300_touchpoints_paginate(void **state)
{
	struct document d;
	struct list l;
	char *path, *all, **texts;
	int pages, ff = 0;

	(void)state;
	if (!need("pdftotext") || !need("pdfinfo"))
		skip();
	generated_document(&d, &l, 30, 10);
	assert_int_equal(document_table(&d)->nrows, 300);
	path = write_pdf(&d, "generated-300.pdf");
	pages = pdf_pages(path);
	assert_true(pages > 1);
	all = run("pdftotext -raw '%s' -", path);
	for (const char *s = all; *s != '\0'; s++)
		ff += *s == '\f';
	assert_int_equal(ff, pages);
	free(all);

	for (int n = 1; n <= pages; n++) {
		char *t = page_text(path, n), *head;

		if (n == 1) {
			/* No number on the first page: the grif opens it. */
			assert_true(strncmp(t, "УТВЕРЖДЕН", strlen("УТВЕРЖДЕН"))
			    == 0);
		} else {
			head = xasprintf("%d %s ", n, HEADER_TEXT);
			if (strncmp(t, head, strlen(head)) != 0)
				fail_msg("page %d starts «%.200s»", n, t);
			free(head);
		}
		assert_page_names_its_process(t, n);
		free(t);
	}

	/* Every need whole on one page, all in order. */
	texts = page_texts(path, pages);
	for (size_t i = 0; i < l.nprocs; i++)
		for (size_t j = 0; j < l.procs[i].ntps; j++)
			for (size_t k = 0; k < l.procs[i].tps[j].nneeds; k++) {
				const char *w = l.procs[i].tps[j].needs[k].wording;
				int found = pages_with(texts, pages, w);

				if (found != 1)
					fail_msg("«%s» whole on %d pages", w, found);
			}
	free_texts(texts, pages);
	all = document_text(path, pages);
	{
		struct strvec items;

		printed_items(&l, &items);
		assert_in_order(all, &items);
		strvec_fini(&items);
	}
	free(all);
	free(path);
	document_fini(&d);
	list_fini(&l);
}

/* The page number: alone on the first line, centred (far from the left). */
static void
test_pdf_page_numbers_centred_at_the_top(void **state)
{
	struct document d;
	struct list l;
	char *path;
	int pages;

	(void)state;
	if (!need("pdftotext") || !need("pdfinfo"))
		skip();
	generated_document(&d, &l, 8, 10);
	path = write_pdf(&d, "numbers.pdf");
	pages = pdf_pages(path);
	assert_true(pages >= 2);
	for (int n = 1; n <= pages; n++) {
		char *t = run("pdftotext -layout -f %d -l %d '%s' -", n, n, path);
		char *line = t, *end;
		size_t lead;

		while (*line == '\n')
			line++;
		end = strchr(line, '\n');
		assert_non_null(end);
		*end = '\0';
		lead = strspn(line, " ");
		if (n == 1) {
			assert_null(strstr(line, "1 "));
		} else {
			assert_int_equal(atoi(line + lead), n);
			assert_true(lead > 20);
			assert_int_equal(strspn(line + lead, "0123456789"),
			    strlen(line + lead));
		}
		free(t);
	}
	free(path);
	document_fini(&d);
	list_fini(&l);
}

/* Words of one page from pdftotext -bbox: their tops and bottoms. */
struct bbox_page {
	double	 height;
	double	 min_top, max_bottom;	/* of words below the top margin */
	int	 words;
};

/* Parse pdftotext -bbox output into pages (at most max); returns count.
 * Words above top_pt (the page number in the margin) are left out. */
static int
bbox_pages(const char *html, struct bbox_page *pages, int max, double top_pt)
{
	const char *p = html;
	int n = -1;

	while ((p = strpbrk(p, "<")) != NULL) {
		double x0, y0, x1, y1;

		if (strncmp(p, "<page ", 6) == 0 && n + 1 < max) {
			n++;
			pages[n].words = 0;
			pages[n].min_top = 1e9;
			pages[n].max_bottom = 0;
			assert_int_equal(sscanf(p, "<page width=\"%*f\" "
			    "height=\"%lf\"", &pages[n].height), 1);
		} else if (n >= 0 && sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" "
		    "xMax=\"%lf\" yMax=\"%lf\"", &x0, &y0, &x1, &y1) == 4 &&
		    y0 >= top_pt - 1) {
			pages[n].words++;
			if (y0 < pages[n].min_top)
				pages[n].min_top = y0;
			if (y1 > pages[n].max_bottom)
				pages[n].max_bottom = y1;
		}
		p++;
	}
	return n + 1;
}

/* Every word of the PDF at path inside the margins; returns the pages
 * (at most max) as pdftotext -bbox sees them. */
static int
assert_within_margins(const char *path, struct bbox_page *pg, int max)
{
	double top = 20 * 72 / 25.4, bottom_margin = 20 * 72 / 25.4;
	char *html = run("pdftotext -bbox '%s' -", path);
	int n = bbox_pages(html, pg, max, top);

	assert_int_equal(n, pdf_pages(path));
	for (int i = 0; i < n; i++) {
		assert_true(pg[i].words > 0);
		assert_true(pg[i].max_bottom <= pg[i].height - bottom_margin +
		    0.5);
	}
	free(html);
	return n;
}

/*
 * Text stays inside the margins, and no page but the last ends early: on
 * a list of one-line rows, what a page leaves under its last row is less
 * than two lines (less than the next row would need and its padding).
 */
static void
test_pdf_pages_are_filled_within_margins(void **state)
{
	struct document d;
	struct list l;
	struct bbox_page pg[64];
	char *path;
	int n;

	(void)state;
	if (!need("pdftotext") || !need("pdfinfo"))
		skip();
	generated_document(&d, &l, 30, 10);
	path = write_pdf(&d, "margins-300.pdf");
	assert_within_margins(path, pg, 64);
	free(path);
	document_fini(&d);
	list_fini(&l);

	list_init(&l);
	for (int i = 1; i <= 40; i++) {
		char *name = xasprintf("Процесс %d", i);
		struct process *p = list_add_process(&l, name);

		free(name);
		for (int j = 1; j <= 10; j++) {
			char *t = xasprintf("Точка %d.%d", i, j);
			char *w = xasprintf("Нужда %d.%d", i, j);

			touchpoint_add_need(process_add_touchpoint(p, t), w, 1);
			free(t);
			free(w);
		}
	}
	document_build(&d, &l, "", "");
	path = write_pdf(&d, "filled.pdf");
	n = assert_within_margins(path, pg, 64);
	assert_true(n > 2);
	for (int i = 0; i + 1 < n; i++) {
		double gap = pg[i].height - 20 * 72 / 25.4 - pg[i].max_bottom;

		if (gap > 2 * 1.25 * 12)
			fail_msg("page %d ends %.0f pt above its bottom margin",
			    i + 1, gap);
	}
	free(path);
	document_fini(&d);
	list_fini(&l);
}

/* A row taller than a page is split between its lines, none cut. */
static void
test_pdf_row_taller_than_a_page_splits_between_lines(void **state)
{
	struct document d;
	struct list l;
	struct process *p;
	struct touchpoint *tp;
	struct strvec items;
	char *path, *all, **texts;
	int pages;

	(void)state;
	if (!need("pdftotext") || !need("pdfinfo"))
		skip();
	list_init(&l);
	p = list_add_process(&l, "Длинный процесс");
	tp = process_add_touchpoint(p, "Точка 1.1");
	for (int k = 1; k <= 120; k++) {
		char *w = xasprintf("Потребность номер %03d в получении "
		    "сведений", k);

		touchpoint_add_need(tp, w, 1);
		free(w);
	}
	tp = process_add_touchpoint(p, "Точка 1.2");
	touchpoint_add_need(tp, "Последняя потребность", 1);
	document_build(&d, &l, "", "");
	path = write_pdf(&d, "tall-row.pdf");
	pages = pdf_pages(path);
	assert_true(pages >= 3);
	for (int n = 1; n <= pages; n++) {
		char *t = page_text(path, n);

		/* The merged cell's name is repeated on every page. */
		assert_non_null(strstr(t, "Длинный процесс"));
		free(t);
	}
	texts = page_texts(path, pages);
	for (int k = 1; k <= 120; k++) {
		char *w = xasprintf("Потребность номер %03d в получении "
		    "сведений", k);
		int found = pages_with(texts, pages, w);

		if (found != 1)
			fail_msg("«%s» whole on %d pages", w, found);
		free(w);
	}
	free_texts(texts, pages);
	all = document_text(path, pages);
	printed_items(&l, &items);
	assert_in_order(all, &items);
	strvec_fini(&items);
	free(all);
	free(path);
	document_fini(&d);
	list_fini(&l);
}

/* A process name taller than a page goes on over the page, whole. */
static void
test_pdf_name_taller_than_a_page_goes_on(void **state)
{
	struct document d;
	struct list l;
	struct process *p;
	struct buf name;
	char *path, *all;
	int pages;

	(void)state;
	if (!need("pdftotext") || !need("pdfinfo"))
		skip();
	buf_init(&name);
	buf_puts(&name, "Начало");
	for (int i = 1; i <= 150; i++)
		buf_printf(&name, " слово%03d", i);
	list_init(&l);
	p = list_add_process(&l, name.data);
	touchpoint_add_need(process_add_touchpoint(p, "Точка 1.1"),
	    "Единственная потребность", 1);
	p = list_add_process(&l, "Следующий процесс");
	touchpoint_add_need(process_add_touchpoint(p, "Точка 2.1"),
	    "Другая потребность", 1);
	document_build(&d, &l, "", "");
	path = write_pdf(&d, "tall-name.pdf");
	pages = pdf_pages(path);
	assert_true(pages >= 2);
	all = document_text(path, pages);
	/* Whole over the pages; each continuation under its № again. */
	{
		struct strvec words;
		char *save = NULL;

		strvec_init(&words);
		for (char *w = strtok_r(name.data, " ", &save); w != NULL;
		    w = strtok_r(NULL, " ", &save))
			strvec_push(&words, w);
		assert_in_order(all, &words);
		strvec_fini(&words);
	}
	/* The row sits at the top of the process, on its first page. */
	{
		char *first = page_text(path, 1);

		assert_non_null(strstr(first, "Точка 1.1 Единственная "
		    "потребность"));
		free(first);
	}
	assert_non_null(strstr(all, "2 Следующий процесс Точка 2.1"));
	free(all);
	free(path);
	buf_fini(&name);
	document_fini(&d);
	list_fini(&l);
}

/* Count lines of s that are exactly word after their indentation. */
static int
count_lines(const char *s, const char *word)
{
	int n = 0;

	for (const char *line = s; line != NULL && *line != '\0';) {
		const char *end = strchr(line, '\n');
		size_t lead = strspn(line, " ");
		size_t len = (end != NULL ? (size_t)(end - line) : strlen(line)) -
		    lead;

		if (len == strlen(word) && strncmp(line + lead, word, len) == 0)
			n++;
		line = end != NULL ? end + 1 : NULL;
	}
	return n;
}

/*
 * The structure tree: one Table, the header once as TR of TH, a TR per row
 * with the № and process TDs only in a process's first row (as rowspan
 * would); the repeated headers and page numbers are not in it.
 */
static void
test_pdf_is_tagged_as_a_table(void **state)
{
	struct document d;
	struct list l;
	char *path, *tree;

	(void)state;
	if (!need("pdfinfo"))
		skip();
	if (system("pdfinfo -help 2>&1 | grep -q struct-text") != 0) {
		print_message("skip: pdfinfo cannot show the structure tree\n");
		skip();
	}
	generated_document(&d, &l, 30, 10);
	path = write_pdf(&d, "tagged.pdf");
	assert_true(pdf_pages(path) > 1);
	tree = run("pdfinfo -struct-text '%s'", path);
	assert_int_equal(count_lines(tree, "Document"), 1);
	assert_int_equal(count_lines(tree, "H1 (block)"), 1);
	assert_int_equal(count_lines(tree, "Table (block)"), 1);
	assert_int_equal(count_lines(tree, "THead"), 1);
	assert_int_equal(count_lines(tree, "TBody"), 1);
	assert_int_equal(count_lines(tree, "TH"), 5);
	assert_int_equal(count_lines(tree, "TR"), 301);
	assert_int_equal(count_lines(tree, "TD"), 300 * 3 + 30 * 2);
	/* "2".."30" only as the № of processes, never as page numbers. */
	for (int n = 2; n <= 30; n++) {
		char *num = xasprintf("\"%d\"", n);

		assert_int_equal(count_lines(tree, num), 1);
		free(num);
	}
	free(tree);
	free(path);
	document_fini(&d);
	list_fini(&l);
}

static void
test_pdf_fonts_are_embedded(void **state)
{
	struct document d;
	struct list l;
	char *path, *fonts, *line, *save = NULL;
	int n = 0, bold = 0;

	(void)state;
	if (!need("pdffonts"))
		skip();
	small_document(&d, &l);
	path = write_pdf(&d, "fonts.pdf");
	fonts = run("pdffonts '%s'", path);
	for (line = strtok_r(fonts, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		char *tok[16], *s2 = NULL;
		int k = 0;

		if (strncmp(line, "name ", 5) == 0 || line[0] == '-')
			continue;
		for (char *w = strtok_r(line, " ", &s2); w != NULL && k < 16;
		    w = strtok_r(NULL, " ", &s2))
			tok[k++] = w;
		assert_true(k >= 6);
		assert_string_equal(tok[k - 5], "yes");	/* emb */
		bold += strstr(tok[0], "Bold") != NULL;
		n++;
	}
	assert_true(n >= 2);
	assert_true(bold >= 1);	/* the title */
	free(fonts);
	free(path);
	document_fini(&d);
	list_fini(&l);
}

static void
test_pdf_page_settings_are_respected(void **state)
{
	struct document d;
	struct list l;
	struct error err;
	char *path, *info;

	(void)state;
	if (!need("pdfinfo"))
		skip();
	small_document(&d, &l);
	assert_int_equal(doc_page_set(&d.page, "orientation", "альбомная",
	    &err), 0);
	assert_int_equal(doc_page_set(&d.page, "font-size", "14", &err), 0);
	path = write_pdf(&d, "landscape.pdf");
	info = run("pdfinfo '%s'", path);
	assert_non_null(strstr(info, "841.89 x 595.276 pts"));
	free(info);
	free(path);
	document_fini(&d);
	list_fini(&l);
}

static void
test_pdf_first_page_renders(void **state)
{
	struct document d;
	struct list l;
	char *path, *png, *out;
	unsigned char sig[8] = { 0 };
	FILE *f;

	(void)state;
	if (!need("pdftoppm"))
		skip();
	example_list(&l);
	document_build(&d, &l, "УТВЕРЖДЕН\nприказом Министерства "
	    "промышленности и торговли Смоленской области\nот 19.03.2024 № "
	    "27/01-01", "Редакция 1 от 19.03.2024");
	path = write_pdf(&d, "render.pdf");
	png = path_in_tmp("page");
	out = run("pdftoppm -r 60 -f 1 -l 1 -png '%s' '%s' && echo", path,
	    png);
	free(out);
	free(png);
	png = path_in_tmp("page-1.png");
	f = fopen(png, "rb");
	assert_non_null(f);
	assert_int_equal(fread(sig, 1, 8, f), 8);
	fclose(f);
	assert_memory_equal(sig, "\x89PNG\r\n\x1a\n", 8);
	keep(png, "render-page-1.png");
	free(png);
	free(path);
	document_fini(&d);
	list_fini(&l);
}

static void
test_pdf_unwritable_path_fails_with_a_message(void **state)
{
	struct document d;
	struct list l;
	struct error err;
	char *dir;

	(void)state;
	small_document(&d, &l);
	assert_int_equal(export_pdf(&d, "/nonexistent-perechen/x.pdf", &err),
	    -1);
	if (export_pdf_available()) {
		assert_non_null(strstr(err.msg, "не удалось записать "
		    "/nonexistent-perechen/x.pdf"));
		/* A directory in the way: nothing written, nothing left. */
		dir = path_in_tmp("taken.pdf");
		assert_int_equal(mkdir(dir, 0755), 0);
		assert_int_equal(export_pdf(&d, dir, &err), -1);
		assert_non_null(strstr(err.msg, "taken.pdf"));
		assert_false(dir_has(tmpdir, ".tmp"));
		rmdir(dir);
		free(dir);
	} else {
		assert_non_null(strstr(err.msg, "без PDF"));
	}
	document_fini(&d);
	list_fini(&l);
}

static void
test_pdf_missing_font_fails_with_a_message(void **state)
{
	struct document d;
	struct list l;
	struct error err;
	char *path;

	(void)state;
	if (!need(NULL))
		skip();
	path = path_in_tmp("font.pdf");
	small_document(&d, &l);
	assert_int_equal(doc_page_set(&d.page, "font", "Нет Такого Шрифта",
	    &err), 0);
	assert_int_equal(export_pdf(&d, path, &err), -1);
	assert_non_null(strstr(err.msg, "«Нет Такого Шрифта» не установлен"));
	assert_int_equal(access(path, F_OK), -1);
	assert_false(dir_has(tmpdir, ".tmp"));
	free(path);
	document_fini(&d);
	list_fini(&l);
}

static void
test_pdf_margins_wider_than_the_page_fail(void **state)
{
	struct document d;
	struct list l;
	struct error err;
	char *path;

	(void)state;
	if (!need(NULL))
		skip();
	path = path_in_tmp("margins.pdf");
	small_document(&d, &l);
	assert_int_equal(doc_page_set(&d.page, "margins", "100,100,20,20",
	    &err), 0);
	assert_int_equal(export_pdf(&d, path, &err), -1);
	assert_non_null(strstr(err.msg, "поля"));
	assert_int_equal(doc_page_set(&d.page, "margins", "30,10,20,20",
	    &err), 0);
	assert_int_equal(doc_page_set(&d.page, "size", "60x297", &err), 0);
	assert_int_equal(export_pdf(&d, path, &err), -1);
	assert_non_null(strstr(err.msg, "слишком узкая"));
	assert_int_equal(access(path, F_OK), -1);
	free(path);
	document_fini(&d);
	list_fini(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf_written_or_refused),
		cmocka_unit_test(test_pdf_into_a_buffer),
		cmocka_unit_test(test_pdf_failing_sink_is_left_to_its_owner),
		cmocka_unit_test(test_pdf_small_list_reads_back_in_order),
		cmocka_unit_test(test_pdf_example_list_holds_everything_in_order),
		cmocka_unit_test(test_pdf_300_touchpoints_paginate),
		cmocka_unit_test(test_pdf_page_numbers_centred_at_the_top),
		cmocka_unit_test(test_pdf_pages_are_filled_within_margins),
		cmocka_unit_test(test_pdf_row_taller_than_a_page_splits_between_lines),
		cmocka_unit_test(test_pdf_name_taller_than_a_page_goes_on),
		cmocka_unit_test(test_pdf_is_tagged_as_a_table),
		cmocka_unit_test(test_pdf_fonts_are_embedded),
		cmocka_unit_test(test_pdf_page_settings_are_respected),
		cmocka_unit_test(test_pdf_first_page_renders),
		cmocka_unit_test(test_pdf_unwritable_path_fails_with_a_message),
		cmocka_unit_test(test_pdf_missing_font_fails_with_a_message),
		cmocka_unit_test(test_pdf_margins_wider_than_the_page_fail),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
