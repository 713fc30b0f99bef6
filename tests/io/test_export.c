/*
 * test_export.c - the text table and CSV writers (golden files: see
 * export_fixture.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "columns.h"
#include "export.h"
#include "utf8.h"

#include "export_fixture.h"


static void
build_catalog(struct catalog *c)
{
	catalog_init(c);
	catalog_add_kind(c, "site", "Официальный сайт", CHANNEL_DIGITAL,
	    "4.1.1", true, false, false, false, "сайт");
	catalog_add_kind(c, "phone", "Телефонная связь", CHANNEL_OFFLINE,
	    "4.2.1", true, false, true, false, "телефон");
}


static void
export_txt_ok(const struct document *d, int width, const char *enc,
    struct buf *out, size_t *replaced)
{
	struct export_opts o = EXPORT_OPTS_INIT;
	struct error err;

	o.width = width;
	o.encoding = enc;
	buf_init(out);
	if (export_txt(d, &o, out, replaced, &err) != 0)
		fail_msg("export_txt: %s", err.msg);
}

/* The text table of list l as its working copy: no grif, no caption. */
static void
export_list_txt_ok(const struct list *l, int width, const char *enc,
    struct buf *out, size_t *replaced)
{
	struct document d;

	document_build(&d, l, "", "");
	export_txt_ok(&d, width, enc, out, replaced);
	document_fini(&d);
}

static void
export_csv_ok(const struct list *l, const char *enc, bool bom,
    struct buf *out, size_t *replaced)
{
	struct export_opts o = EXPORT_OPTS_INIT;
	struct catalog cat;
	struct error err;

	build_catalog(&cat);
	o.encoding = enc;
	o.bom = bom;
	buf_init(out);
	if (export_csv(l, &cat, &o, out, replaced, &err) != 0)
		fail_msg("export_csv: %s", err.msg);
	catalog_fini(&cat);
}

static void
assert_txt_golden(int width, const char *name)
{
	struct document d;
	struct buf out;
	size_t replaced = 99;

	build_document(&d);
	export_txt_ok(&d, width, NULL, &out, &replaced);
	assert_int_equal(replaced, 0);
	assert_golden(name, &out);
	buf_fini(&out);
	document_fini(&d);
}

static void
test_txt_width_80_matches_golden(void **state)
{
	(void)state;
	assert_txt_golden(80, "export-80.txt");
}

static void
test_txt_width_120_matches_golden(void **state)
{
	(void)state;
	assert_txt_golden(120, "export-120.txt");
}

static void
test_csv_matches_golden(void **state)
{
	struct list l;
	struct buf out;
	size_t replaced = 99;

	(void)state;
	build_list(&l);
	export_csv_ok(&l, NULL, true, &out, &replaced);
	assert_int_equal(replaced, 0);
	assert_golden("export.csv", &out);
	buf_fini(&out);
	list_fini(&l);
}

/* No line of doc (UTF-8) is wider than width columns nor ends with a
 * blank (text placed by blanks keeps none after it); returns the count. */
static size_t
assert_lines_width(const char *doc, int width)
{
	char *copy = xstrdup(doc), *line, *next;
	size_t n = 0;

	assert_true(strlen(doc) > 0 && doc[strlen(doc) - 1] == '\n');
	for (line = copy; *line != '\0'; line = next) {
		next = strchr(line, '\n');
		assert_non_null(next);
		*next++ = '\0';
		if (utf8_width(line) > width)
			fail_msg("line %zu is %d columns, over %d: «%s»", n + 1,
			    utf8_width(line), width, line);
		if (line[0] != '\0' && line[strlen(line) - 1] == ' ')
			fail_msg("line %zu ends with a blank: «%s»", n + 1, line);
		n++;
	}
	free(copy);
	return n;
}

static void
test_txt_no_line_is_wider_than_the_width(void **state)
{
	static const int widths[] = { 60, 61, 80, 97, 120, 200 };
	struct list l;

	(void)state;
	build_list(&l);
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		struct buf out;

		export_list_txt_ok(&l, widths[i], NULL, &out, NULL);
		assert_true(assert_lines_width(out.data, widths[i]) > 10);
		buf_fini(&out);
	}
	list_fini(&l);
}

/* Blocks of running text before the annex: a heading centred, a
 * paragraph from the left edge, a split line's two ends at the edges;
 * the annex on a new page; without it, only the blocks. */
/* The column edges of rule line: the byte offsets of its joints. */
static size_t
joints(const char *line, const char *const *marks, size_t *at, size_t max)
{
	size_t n = 0, col = 0;

	for (const char *p = line; *p != '\0' && *p != '\n' && n < max;) {
		size_t len = 1;

		for (size_t m = 0; marks[m] != NULL; m++)
			if (strncmp(p, marks[m], strlen(marks[m])) == 0) {
				at[n++] = col;
				len = strlen(marks[m]);
			}
		while ((p[len] & 0xC0) == 0x80)
			len++;
		p += len;
		col++;
	}
	return n;
}

/* Any table: three columns by weight 1:2:1 whose first spans its
 * group's rows (a merged rule leaves it open, its text once), a list
 * cell's items after dashes; seven columns, the fit one as wide as
 * «12345»; every line of the width. */
static void
test_txt_any_table(void **state)
{
	static const char *const top[] = { "┌", "┬", "┐", NULL };
	struct document d;
	struct buf out;
	size_t at[16], n;
	const char *seven;

	(void)state;
	model_tables(&d, false);
	export_txt_ok(&d, 80, NULL, &out, NULL);
	assert_lines_width(out.data, 80);
	/* 80 = 4 bars + 3 × 2 spaces + 70 of text: 17, 35 and the 1 rounding
	 * leaves, 17. */
	n = joints(out.data, top, at, 16);
	assert_int_equal(n, 4);
	assert_int_equal(at[1] - at[0], 17 + 3);
	assert_int_equal(at[2] - at[1], 36 + 3);
	assert_int_equal(at[3] - at[2], 17 + 3);
	assert_non_null(strstr(out.data, "│ Группа            │ Пункт"));
	assert_int_equal(count(out.data, "Первая группа"), 1);
	/* Between the rows of a group the spanning column stays open. */
	assert_non_null(strstr(out.data, "\n│                   ├─────"));
	assert_non_null(strstr(out.data, "│ – первое"));
	assert_non_null(strstr(out.data, "│ – второе"));
	assert_non_null(strstr(out.data, "\nМежду таблицами."));
	seven = strstr(out.data, "Между таблицами.");
	n = joints(strstr(seven, "┌"), top, at, 16);
	assert_int_equal(n, 8);
	/* The fit column: «12345» and a space either side. */
	assert_int_equal(at[1] - at[0], 5 + 3);
	assert_non_null(strstr(seven, "│ 12345 │"));
	assert_non_null(strstr(seven, "Четвёртая"));
	buf_fini(&out);
	document_fini(&d);
}

static void
test_txt_blocks_before_the_annex(void **state)
{
	struct document d;
	struct buf out;
	struct list l;
	char *ff;

	(void)state;
	build_list(&l);
	order_document(&d, &l, "", false);
	document_add_block(&d, DOC_SPLIT, "«___» 20__ г.", "№ ___");
	add_annex(&d, &l, "");
	export_txt_ok(&d, 80, NULL, &out, NULL);
	assert_non_null(strstr(out.data, "                                  "
	    "П Р И К А З"));
	/* 13 columns, 62 spaces, 5 columns. */
	assert_non_null(strstr(out.data, "«___» 20__ г."
	    "                                                              "
	    "№ ___\n"));
	assert_non_null(strstr(out.data, "\n1) слова «<b>» заменить"));
	assert_non_null(strstr(out.data, "\nсловами"));
	assert_null(strchr(out.data, '\x1b'));
	ff = strchr(out.data, '\f');
	assert_non_null(ff);
	assert_true(strstr(out.data, "№ ___") < ff);
	assert_non_null(strstr(ff, "ПЕРЕЧЕНЬ"));
	buf_fini(&out);
	document_fini(&d);
	order_document(&d, &l, "", false);
	document_add_block(&d, DOC_SPLIT, "«___» 20__ г.", "№ ___");
	export_txt_ok(&d, 80, NULL, &out, NULL);
	assert_null(strchr(out.data, '\f'));
	assert_null(strstr(out.data, "ПЕРЕЧЕНЬ"));
	assert_null(strstr(out.data, "┌"));
	assert_int_equal(assert_lines_width(out.data, 80), 9);
	buf_fini(&out);
	document_fini(&d);
	list_fini(&l);
}

static void
test_txt_and_csv_sanitise_control_characters(void **state)
{
	struct list l;
	struct buf txt, csv;

	(void)state;
	build_list(&l);
	export_list_txt_ok(&l, 120, NULL, &txt, NULL);
	export_csv_ok(&l, NULL, true, &csv, NULL);
	assert_null(strchr(txt.data, '\033'));
	assert_null(memchr(csv.data, '\033', csv.len));
	assert_non_null(strstr(txt.data, "Консультирование ␛[2J"));
	assert_non_null(strstr(csv.data, "Консультирование ␛[2J"));
	buf_fini(&txt);
	buf_fini(&csv);
	list_fini(&l);
}

static void
test_txt_leaves_out_excluded_touchpoints(void **state)
{
	struct list l;
	struct buf out;

	(void)state;
	build_list(&l);
	export_list_txt_ok(&l, 120, NULL, &out, NULL);
	assert_null(strstr(out.data, "Факс"));
	assert_non_null(strstr(out.data, "Телефонная связь"));
	buf_fini(&out);
	list_fini(&l);
}

/* Without a title in the header the heading is the one word; without a
 * grif the page starts with it. */
static void
test_txt_without_header_has_only_the_word(void **state)
{
	struct list l;
	struct buf out;

	(void)state;
	build_list(&l);
	model_set(&l.hdr.title, "");
	model_set(&l.hdr.org, "");
	export_list_txt_ok(&l, 80, NULL, &out, NULL);
	assert_memory_equal(out.data, "                                    "
	    "ПЕРЕЧЕНЬ", 36 + strlen("ПЕРЕЧЕНЬ"));
	assert_null(strstr(out.data, "точек"));
	assert_null(strstr(out.data, "УТВЕРЖДЕН"));
	buf_fini(&out);
	list_fini(&l);
}

/* A working copy's caption is centred under the title, before the
 * table. */
static void
test_txt_caption_is_centred_under_the_title(void **state)
{
	struct document d;
	struct list l;
	struct buf out;
	const char *cap, *table;

	(void)state;
	build_list(&l);
	document_build(&d, &l, "", "Рабочая версия (не утверждена)");
	export_txt_ok(&d, 80, NULL, &out, NULL);
	cap = strstr(out.data, "\n                         Рабочая версия (не "
	    "утверждена)\n");
	table = strstr(out.data, "┌");
	assert_non_null(cap);
	assert_true(cap > strstr(out.data, "(надзора)") && cap < table);
	buf_fini(&out);
	document_fini(&d);
	list_fini(&l);
}

/* The document of n processes of two touchpoints each, the second with
 * three needs; every touchpoint's name is unique ("Точка P.T"). */
static void
build_long_document(struct document *d, int n)
{
	struct list l;
	char *grif;

	list_init(&l);
	model_set(&l.hdr.title, "точек взаимодействия с клиентом");
	model_set(&l.hdr.org, "Министерство цифрового развития");
	model_set(&l.hdr.org_genitive, "Министерства цифрового развития");
	for (int i = 1; i <= n; i++) {
		char *name = xasprintf("Процесс %d", i);
		struct process *p = list_add_process(&l, name);
		struct touchpoint *tp;

		free(name);
		for (int j = 1; j <= 2; j++) {
			name = xasprintf("Точка %d.%d", i, j);
			tp = process_add_touchpoint(p, name);
			free(name);
			tp->channel = CHANNEL_OFFLINE;
			touchpoint_add_need(tp, "Получение информации", 1);
			if (j == 2) {
				touchpoint_add_need(tp, "Подача жалобы", 5);
				touchpoint_add_need(tp, "Получение консультации "
				    "по вопросам контроля", 2);
			}
		}
	}
	grif = document_grif(l.hdr.org_genitive, "", "2025-01-31", "5");
	document_build(d, &l, grif, "");
	free(grif);
	list_fini(&l);
}

/* Split doc at form feeds into pages; returns their number. */
static size_t
split_pages(const char *doc, struct strvec *pages)
{
	const char *p = doc;

	while (*p != '\0') {
		size_t n = strcspn(p, "\f");

		strvec_pushn(pages, p, n);
		p += n + (p[n] == '\f');
	}
	return pages->n;
}

/* The lines of one page. */
static void
split_lines(const char *page, struct strvec *lines)
{
	const char *p = page;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");

		strvec_pushn(lines, p, n);
		p += n + (p[n] == '\n');
	}
}

/* With pages, a table after running text that has filled the page
 * starts the next one (numbered, its header on top); it is no error. */
static void
test_txt_table_after_text_starts_a_page(void **state)
{
	struct export_opts o = EXPORT_OPTS_INIT;
	struct doc_column cols[2];
	struct document d;
	struct doc_table *t;
	struct doc_row *r;
	struct strvec pages, lines;
	struct buf out;
	struct error err;

	(void)state;
	document_init(&d);
	for (int i = 0; i < 12; i++)
		document_add_block(&d, DOC_PARAGRAPH, "Абзац приказа.", NULL);
	memset(cols, 0, sizeof cols);
	cols[0].title = "Графа";
	cols[0].weight = 1;
	cols[1].title = "Другая графа";
	cols[1].weight = 1;
	t = document_add_table(&d, cols, 2);
	r = doc_table_add_row(t, true);
	strvec_push(&r->cells[0].paras, "ячейка");
	o.width = 60;
	o.page_length = EXPORT_PAGE_LENGTH_MIN;
	buf_init(&out);
	assert_int_equal(export_txt(&d, &o, &out, NULL, &err), 0);
	strvec_init(&pages);
	assert_int_equal(split_pages(out.data, &pages), 2);
	assert_null(strstr(pages.v[0], "┌"));
	strvec_init(&lines);
	split_lines(pages.v[1], &lines);
	assert_true(lines.n <= EXPORT_PAGE_LENGTH_MIN);
	assert_non_null(strstr(lines.v[0], "2"));
	assert_non_null(strstr(lines.v[2], "┌"));
	assert_non_null(strstr(pages.v[1], "│ ячейка"));
	strvec_fini(&lines);
	strvec_fini(&pages);
	buf_fini(&out);
	document_fini(&d);
}

/* The touchpoint's part of a table line: after the № and process cells. */
static const char *
after_process(const char *line)
{
	const char *p = line;

	for (int bars = 0; bars < 3; bars++) {
		p = strstr(p, "│");
		assert_non_null(p);
		p += strlen("│");
	}
	return p;
}

/* True if line is a rule of the table (it starts with a corner or tee). */
static bool
is_rule(const char *line)
{
	return strncmp(line, "┌", strlen("┌")) == 0 ||
	    strncmp(line, "├", strlen("├")) == 0 ||
	    strncmp(line, "└", strlen("└")) == 0 ||
	    strncmp(line, "│     │                ├", strlen("│     │     "
	    "           ├")) == 0;
}

static void
test_txt_pages_repeat_the_header_and_are_numbered(void **state)
{
	struct export_opts o = EXPORT_OPTS_INIT;
	struct document d;
	struct buf flat, paged;
	struct strvec pages, flat_lines, starts, body;
	struct error err;
	size_t header_at = 0, header_len, next = 0, continued = 0;
	char digit;

	(void)state;
	build_long_document(&d, 40);
	o.width = 80;
	buf_init(&flat);
	buf_init(&paged);
	assert_int_equal(export_txt(&d, &o, &flat, NULL, &err), 0);
	o.page_length = 30;
	if (export_txt(&d, &o, &paged, NULL, &err) != 0)
		fail_msg("export_txt: %s", err.msg);
	assert_null(strchr(flat.data, '\f'));
	strvec_init(&pages);
	strvec_init(&flat_lines);
	strvec_init(&starts);
	strvec_init(&body);
	split_lines(flat.data, &flat_lines);
	/* The header: from the top rule to the rule under it. */
	while (strncmp(flat_lines.v[header_at], "┌", strlen("┌")) != 0)
		header_at++;
	header_len = 1;
	while (!is_rule(flat_lines.v[header_at + header_len]))
		header_len++;
	/* The first line of each row, and every line that is not a rule,
	 * from the touchpoint's cell on (a page that a process goes on
	 * repeats its № and name). */
	for (size_t i = header_at + header_len; i < flat_lines.n; i++) {
		if (is_rule(flat_lines.v[i]) && i + 1 < flat_lines.n)
			strvec_push(&starts, after_process(flat_lines.v[i + 1]));
		if (!is_rule(flat_lines.v[i]))
			strvec_push(&body, after_process(flat_lines.v[i]));
	}
	assert_true(split_pages(paged.data, &pages) > 5);
	for (size_t pg = 0; pg < pages.n; pg++) {
		struct strvec lines;
		size_t at = 0;
		char *num = xasprintf("%zu", pg + 1);

		strvec_init(&lines);
		split_lines(pages.v[pg], &lines);
		if (lines.n > 30)
			fail_msg("page %zu has %zu lines", pg + 1, lines.n);
		if (pg == 0) {
			assert_non_null(strstr(lines.v[0], "УТВЕРЖДЕН"));
			at = header_at;
		} else {
			/* Its number centred, a blank line. */
			assert_int_equal(strspn(lines.v[0], " "),
			    (80 - strlen(num)) / 2);
			assert_string_equal(lines.v[0] + strspn(lines.v[0], " "),
			    num);
			assert_string_equal(lines.v[1], "");
			at = 2;
		}
		for (size_t i = 0; i < header_len; i++)
			assert_string_equal(lines.v[at + i],
			    flat_lines.v[header_at + i]);
		at += header_len;
		/* Under the header a full rule, then the start of a row that
		 * names its process. */
		assert_memory_equal(lines.v[at], "├", strlen("├"));
		assert_memory_equal(lines.v[at + 1], "│ ", strlen("│ "));
		/* The № centred. */
		digit = lines.v[at + 1][strlen("│") + strspn(lines.v[at + 1] +
		    strlen("│"), " ")];
		assert_true(digit >= '1' && digit <= '9');
		assert_non_null(strstr(lines.v[at + 1], "│ Процесс "));
		if (pg > 0 && strstr(lines.v[at + 1], ".2 ") != NULL)
			continued++;
		for (size_t i = 0; i < starts.n; i++)
			if (strcmp(starts.v[i], after_process(lines.v[at + 1]))
			    == 0)
				break;
			else if (i + 1 == starts.n)
				fail_msg("page %zu starts mid-row: %s", pg + 1,
				    lines.v[at + 1]);
		assert_memory_equal(lines.v[lines.n - 1], "└", strlen("└"));
		/* The rows' lines, in order, as the single page has them. */
		for (size_t i = at; i < lines.n; i++) {
			if (is_rule(lines.v[i]))
				continue;
			assert_true(next < body.n);
			assert_string_equal(after_process(lines.v[i]),
			    body.v[next]);
			next++;
		}
		strvec_fini(&lines);
		free(num);
	}
	assert_int_equal(next, body.n);
	/* Some page starts with a process's second touchpoint. */
	assert_true(continued > 0);
	strvec_fini(&pages);
	strvec_fini(&flat_lines);
	strvec_fini(&starts);
	strvec_fini(&body);
	buf_fini(&flat);
	buf_fini(&paged);
	document_fini(&d);
}

/* A row longer than a page is split between lines, never lost. */
static void
test_txt_row_longer_than_a_page_is_split(void **state)
{
	struct export_opts o = EXPORT_OPTS_INIT;
	struct document d;
	struct list l;
	struct touchpoint *tp;
	struct buf out;
	struct strvec pages;
	struct error err;
	const char *p;

	(void)state;
	list_init(&l);
	tp = process_add_touchpoint(list_add_process(&l, "Приём"), "Окно");
	for (int i = 1; i <= 60; i++) {
		char *need = xasprintf("Потребность %02d", i);

		touchpoint_add_need(tp, need, 1);
		free(need);
	}
	document_build(&d, &l, "", "");
	o.width = 80;
	o.page_length = 25;
	buf_init(&out);
	if (export_txt(&d, &o, &out, NULL, &err) != 0)
		fail_msg("export_txt: %s", err.msg);
	strvec_init(&pages);
	assert_true(split_pages(out.data, &pages) >= 3);
	for (size_t i = 0; i < pages.n; i++) {
		struct strvec lines;

		strvec_init(&lines);
		split_lines(pages.v[i], &lines);
		assert_true(lines.n <= 25);
		strvec_fini(&lines);
	}
	p = out.data;
	for (int i = 1; i <= 60; i++) {
		char *need = xasprintf("– Потребность %02d ", i);

		p = strstr(p, need);
		if (p == NULL)
			fail_msg("need %d missing or out of order", i);
		free(need);
	}
	strvec_fini(&pages);
	buf_fini(&out);
	document_fini(&d);
	list_fini(&l);
}

/* A page too short for the heading and a row, or out of range, is an
 * error, and nothing is written. */
static void
test_txt_rejects_a_page_too_short(void **state)
{
	struct export_opts o = EXPORT_OPTS_INIT;
	struct document d;
	struct list l;
	struct buf out;
	struct error err;
	char *grif;

	(void)state;
	build_document(&d);
	o.width = 60;
	buf_init(&out);
	o.page_length = EXPORT_PAGE_LENGTH_MIN - 1;
	assert_int_equal(export_txt(&d, &o, &out, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "длина страницы"));
	/* Five lines of caption: the heading takes the whole page. */
	document_fini(&d);
	build_list(&l);
	grif = document_grif(l.hdr.org_genitive, "", "2024-03-19", "27/01-01");
	document_build(&d, &l, grif, "Рабочая версия (не утверждена)\n"
	    "–\n–\n–\n–");
	free(grif);
	list_fini(&l);
	o.page_length = EXPORT_PAGE_LENGTH_MIN;
	assert_int_equal(export_txt(&d, &o, &out, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "нужно не меньше"));
	assert_int_equal(out.len, 0);
	buf_fini(&out);
	document_fini(&d);
}

static void
test_txt_cp1251_counts_a_cjk_character(void **state)
{
	struct list l;
	struct buf out, back;
	struct error err;
	size_t replaced = 0;

	(void)state;
	list_init(&l);
	process_add_touchpoint(list_add_process(&l, "Приём"), "Окно 字")
	    ->channel = CHANNEL_OFFLINE;
	export_list_txt_ok(&l, 80, "cp1251", &out, &replaced);
	assert_int_equal(replaced, 1);
	/* The frame is ASCII (CP1251 has no box drawing), the data is there
	 * with '?' for the character, and the columns still line up. */
	buf_init(&back);
	assert_int_equal(charset_to_utf8("CP1251", out.data, out.len, &back,
	    &err), 0);
	assert_non_null(strstr(back.data, "\n+-----+"));
	assert_null(strstr(back.data, "─"));
	assert_non_null(strstr(back.data, "| Окно ?"));
	assert_non_null(strstr(back.data, "Офлайн-точка"));
	assert_lines_width(back.data, 80);
	buf_fini(&back);
	buf_fini(&out);
	list_fini(&l);
}

static void
test_txt_koi8r_keeps_box_drawing(void **state)
{
	struct list l;
	struct buf out, back;
	struct error err;
	size_t replaced = 5;

	(void)state;
	list_init(&l);
	list_add_process(&l, "Приём");
	export_list_txt_ok(&l, 60, "koi8-r", &out, &replaced);
	assert_int_equal(replaced, 0);
	buf_init(&back);
	assert_int_equal(charset_to_utf8("KOI8-R", out.data, out.len, &back,
	    &err), 0);
	assert_non_null(strstr(back.data, "\n┌─────┬"));
	assert_lines_width(back.data, 60);
	buf_fini(&back);
	buf_fini(&out);
	list_fini(&l);
}

static void
test_txt_rejects_a_width_out_of_range(void **state)
{
	struct export_opts o = EXPORT_OPTS_INIT;
	struct document d;
	struct list l;
	struct buf out;
	struct error err;

	(void)state;
	list_init(&l);
	buf_init(&out);
	o.width = EXPORT_WIDTH_MIN - 1;
	document_build(&d, &l, "", "");
	assert_int_equal(export_txt(&d, &o, &out, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "ширина"));
	document_fini(&d);
	assert_int_equal(out.len, 0);
	buf_fini(&out);
	list_fini(&l);
}

static void
test_csv_guards_formulas_reversibly(void **state)
{
	struct list l;
	struct buf out;

	(void)state;
	build_list(&l);
	export_csv_ok(&l, NULL, true, &out, NULL);
	/* A cell starting with '=' gains an apostrophe (only the start of a
	 * cell counts); the multi-line cell is quoted, its quotes doubled. */
	assert_non_null(strstr(out.data,
	    ",\"'=HYPERLINK(\"\"http://x\"\")\n'-1\n@вопрос\","));
	/* "'-отдел" keeps its own apostrophe and gains one, so that the
	 * importer's "remove one" gives it back. */
	assert_non_null(strstr(out.data, ",''-отдел,"));
	/* Phones start with '+'. */
	assert_non_null(strstr(out.data,
	    ",\"'+7 (4812) 29-25-09\n+7 (4812) 29-24-91\","));
	buf_fini(&out);
	list_fini(&l);
}

static void
test_csv_cp1251_uses_semicolons_and_no_bom(void **state)
{
	struct list l;
	struct buf out, back;
	struct error err;
	size_t replaced = 0;

	(void)state;
	build_list(&l);
	export_csv_ok(&l, "cp1251", true, &out, &replaced);
	/* 漢, 字, the combining breve, é and the control picture ␛. */
	assert_int_equal(replaced, 5);
	assert_int_not_equal((unsigned char)out.data[0], 0xEF);
	buf_init(&back);
	assert_int_equal(charset_to_utf8("CP1251", out.data, out.len, &back,
	    &err), 0);
	assert_memory_equal(back.data, "№;Процесс", strlen("№;Процесс"));
	assert_non_null(strstr(back.data, "\r\n1;Информирование;"));
	/* A ';' in a cell is quoted now, a ',' no longer needs to be. */
	assert_non_null(strstr(back.data,
	    ";\"Отдел \"\"Госцен\"\"; контроль\";"));
	buf_fini(&back);
	buf_fini(&out);
	list_fini(&l);
}

static void
test_csv_without_bom_starts_with_the_header(void **state)
{
	struct list l;
	struct buf out;

	(void)state;
	build_list(&l);
	export_csv_ok(&l, NULL, false, &out, NULL);
	assert_memory_equal(out.data, COL_NUM "," COL_PROCESS,
	    strlen(COL_NUM "," COL_PROCESS));
	buf_fini(&out);
	list_fini(&l);
}

static void
test_csv_rejects_a_quote_as_delimiter(void **state)
{
	struct export_opts o = EXPORT_OPTS_INIT;
	struct list l;
	struct buf out;
	struct error err;

	(void)state;
	list_init(&l);
	buf_init(&out);
	o.delimiter = '"';
	assert_int_equal(export_csv(&l, NULL, &o, &out, NULL, &err), -1);
	assert_int_equal(out.len, 0);
	buf_fini(&out);
	list_fini(&l);
}

static void
test_export_rejects_an_unknown_encoding(void **state)
{
	struct export_opts o = EXPORT_OPTS_INIT;
	struct document d;
	struct list l;
	struct buf out;
	struct error err;

	(void)state;
	list_init(&l);
	list_add_process(&l, "Приём");
	buf_init(&out);
	o.encoding = "no-such-encoding";
	document_build(&d, &l, "", "");
	assert_int_equal(export_txt(&d, &o, &out, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "no-such-encoding"));
	document_fini(&d);
	assert_int_equal(export_csv(&l, NULL, &o, &out, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "no-such-encoding"));
	buf_fini(&out);
	list_fini(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_txt_width_80_matches_golden),
		cmocka_unit_test(test_txt_blocks_before_the_annex),
		cmocka_unit_test(test_txt_any_table),
		cmocka_unit_test(test_txt_table_after_text_starts_a_page),
		cmocka_unit_test(test_txt_width_120_matches_golden),
		cmocka_unit_test(test_csv_matches_golden),
		cmocka_unit_test(test_txt_no_line_is_wider_than_the_width),
		cmocka_unit_test(test_txt_and_csv_sanitise_control_characters),
		cmocka_unit_test(test_txt_leaves_out_excluded_touchpoints),
		cmocka_unit_test(test_txt_without_header_has_only_the_word),
		cmocka_unit_test(test_txt_caption_is_centred_under_the_title),
		cmocka_unit_test(test_txt_pages_repeat_the_header_and_are_numbered),
		cmocka_unit_test(test_txt_row_longer_than_a_page_is_split),
		cmocka_unit_test(test_txt_rejects_a_page_too_short),
		cmocka_unit_test(test_txt_cp1251_counts_a_cjk_character),
		cmocka_unit_test(test_txt_koi8r_keeps_box_drawing),
		cmocka_unit_test(test_txt_rejects_a_width_out_of_range),
		cmocka_unit_test(test_csv_guards_formulas_reversibly),
		cmocka_unit_test(test_csv_cp1251_uses_semicolons_and_no_bom),
		cmocka_unit_test(test_csv_without_bom_starts_with_the_header),
		cmocka_unit_test(test_csv_rejects_a_quote_as_delimiter),
		cmocka_unit_test(test_export_rejects_an_unknown_encoding),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
