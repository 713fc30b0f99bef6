/*
 * export_fixture.h - what the export tests share: the list they export,
 * its printed document, and the comparison with golden files.
 *
 * The exports are compared byte for byte with the golden files in
 * $TESTS_DIR/golden (TESTS_DIR defaults to "tests").  After a deliberate
 * change of the output, regenerate them with
 *
 *	UPDATE_GOLDEN=1 TESTS_DIR=tests build/tests/test_export…
 *
 * and read the diff before committing it.  Included by one test file
 * each; every function here is used by each of them.
 */
#ifndef PERECHEN_TEST_EXPORT_FIXTURE_H
#define PERECHEN_TEST_EXPORT_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "document.h"
#include "model.h"

/* The list every test exports: three processes, one without touchpoints,
 * an excluded touchpoint, several needs and contacts, text in three
 * scripts with a combining mark, control characters and a formula. */
static void
build_list(struct list *l)
{
	struct process *p;
	struct touchpoint *tp;

	list_init(l);
	model_set(&l->hdr.title, "точек взаимодействия с клиентом по "
	    "вопросам осуществления регионального государственного контроля "
	    "(надзора)");
	model_set(&l->hdr.org, "Министерство промышленности и торговли");
	model_set(&l->hdr.org_genitive, "Министерства промышленности и "
	    "торговли");

	p = list_add_process(l, "Информирование");
	tp = process_add_touchpoint(p, "Официальный сайт Министерства");
	model_set(&tp->kind, "site");
	tp->channel = CHANNEL_DIGITAL;
	tp->key = true;
	tp->basis_type = BASIS_DOCUMENT;
	model_set(&tp->basis, "Положение о Министерстве");
	touchpoint_add_contact(tp, CONTACT_URL,
	    "https://dpt.admin-smolensk.ru/regionalnyj-kontrol-nadzor/");
	touchpoint_add_need(tp, "Получение информации", 1);
	tp = process_add_touchpoint(p, "Телефонная связь");
	model_set(&tp->kind, "phone");
	tp->channel = CHANNEL_OFFLINE;
	model_set(&tp->specifics, "по рабочим дням с 9 до 18");
	model_set(&tp->unit, "Отдел \"Госцен\"; контроль");
	tp->max_transfers = 2;
	tp->ack_receipt = 0;
	touchpoint_add_contact(tp, CONTACT_PHONE, "+7 (4812) 29-25-09");
	touchpoint_add_contact(tp, CONTACT_PHONE, "+7 (4812) 29-24-91");
	touchpoint_add_need(tp, "Получение информации о ходе рассмотрения "
	    "обращения", 1);
	touchpoint_add_need(tp, "Получение консультации", 0);
	tp = process_add_touchpoint(p, "Факс");
	model_set(&tp->kind, "fax");
	tp->channel = CHANNEL_OFFLINE;
	tp->excluded = true;
	model_set(&tp->exclude_reason, "аппарат списан");
	touchpoint_add_need(tp, "Получение информации", 1);

	p = list_add_process(l, "Консультирование \033[2J");
	tp = process_add_touchpoint(p, "Приём 漢字 и\xCC\x86 café");
	tp->channel = CHANNEL_OFFLINE;
	tp->audience = AUDIENCE_INTERNAL;
	tp->basis_type = BASIS_ACT;
	model_set(&tp->unit, "'-отдел");
	touchpoint_add_need(tp, "=HYPERLINK(\"http://x\")", 2);
	touchpoint_add_need(tp, "'-1", 0);
	touchpoint_add_need(tp, "@вопрос", 3);

	list_add_process(l, "Досудебное обжалование");
}

/* The document of build_list() as revision 2 approved by order
 * 27/01-01 of 19.03.2024 prints it: the default grif, no caption. */
static void
build_document(struct document *d)
{
	struct list l;
	char *grif;

	build_list(&l);
	grif = document_grif(l.hdr.org_genitive, "", "2024-03-19", "27/01-01");
	document_build(d, &l, grif, "");
	free(grif);
	list_fini(&l);
}

/* Occurrences of needle in haystack. */
static size_t
count(const char *haystack, const char *needle)
{
	size_t n = 0;

	for (const char *p = haystack; (p = strstr(p, needle)) != NULL;
	    p += strlen(needle))
		n++;
	return n;
}

/* A cell of r: its paragraphs, a list when list. */
static void
model_cell(struct doc_row *r, size_t c, bool list, const char *a,
    const char *b)
{
	strvec_push(&r->cells[c].paras, a);
	if (b != NULL)
		strvec_push(&r->cells[c].paras, b);
	r->cells[c].list = list;
}

/*
 * Two tables no list has: three columns by weight 1:2:1, the first
 * spanning its group's rows (two groups, of two rows and of one, a list
 * cell in the second row); and seven columns, a fit one of «12345», the
 * others of weights 1..6, measured when measured.
 */
static void
model_tables(struct document *d, bool measured)
{
	struct doc_column three[3], seven[7];
	struct doc_table *t;
	struct doc_row *r;

	document_init(d);
	memset(three, 0, sizeof three);
	three[0].title = "Группа";
	three[0].weight = 1;
	three[0].span = three[0].group_head = true;
	three[1].title = "Пункт";
	three[1].weight = 2;
	three[2].title = "Примечание";
	three[2].weight = 1;
	t = document_add_table(d, three, 3);
	t->repeat_header = true;
	r = doc_table_add_row(t, true);
	model_cell(r, 0, false, "Первая группа", NULL);
	model_cell(r, 1, false, "пункт 1.1", NULL);
	model_cell(r, 2, false, "без примечаний", NULL);
	r = doc_table_add_row(t, false);
	model_cell(r, 1, false, "пункт 1.2", NULL);
	model_cell(r, 2, true, "первое", "второе");
	r = doc_table_add_row(t, true);
	model_cell(r, 0, false, "Вторая группа", NULL);
	model_cell(r, 1, false, "пункт 2.1", NULL);
	document_add_block(d, DOC_PARAGRAPH, "Между таблицами.", NULL);
	memset(seven, 0, sizeof seven);
	for (int c = 0; c < 7; c++) {
		static const char *const titles[7] = { "№", "Первая",
		    "Вторая", "Третья", "Четвёртая", "Пятая", "Шестая" };

		seven[c].title = titles[c];
		seven[c].weight = c;
	}
	seven[0].fit = seven[0].centred = true;
	t = document_add_table(d, seven, 7);
	t->measured = measured;
	r = doc_table_add_row(t, true);
	model_cell(r, 0, false, "12345", NULL);
	for (size_t c = 1; c < 7; c++)
		model_cell(r, c, false, "текст графы", NULL);
}

/* l's annex under grif, on a page of its own, after d's blocks. */
static void
add_annex(struct document *d, const struct list *l, const char *grif)
{
	struct doc_table *t;

	document_add_block(d, DOC_PAGE_BREAK, NULL, NULL);
	t = document_annex(d, l->hdr.title, grif, NULL, 0);
	for (size_t k = 0, i = 0; k < l->nprocs; k++)
		if (document_process_rows(t, &l->procs[k], i))
			i++;
}

/* An order's blocks: a heading, a paragraph with markup, a line break
 * and a control sequence, the signature's two ends; then, with annex,
 * l's annex under grif on a page of its own. */
static void
order_document(struct document *d, const struct list *l, const char *grif,
    bool annex)
{
	document_init(d);
	document_add_block(d, DOC_HEADING, "П Р И К А З", NULL);
	document_add_block(d, DOC_PARAGRAPH, "1) слова «<b>» заменить\x1b[2J\n"
	    "словами", NULL);
	document_add_block(d, DOC_SPLIT, "Министр", "П.Ю. Илюхин");
	if (annex)
		add_annex(d, l, grif);
}

static char *
golden_path(const char *name)
{
	const char *dir = getenv("TESTS_DIR");

	return xasprintf("%s/golden/%s", dir != NULL && dir[0] != '\0' ? dir :
	    "tests", name);
}

/* Compare got with the golden file, or rewrite it under UPDATE_GOLDEN=1. */
static void
assert_golden(const char *name, const struct buf *got)
{
	char *path = golden_path(name), *want;
	const char *update = getenv("UPDATE_GOLDEN");
	FILE *f;
	long n;

	if (update != NULL && strcmp(update, "1") == 0) {
		f = fopen(path, "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(got->data, 1, got->len, f), got->len);
		assert_int_equal(fclose(f), 0);
	}
	f = fopen(path, "rb");
	if (f == NULL)
		fail_msg("golden file %s missing (UPDATE_GOLDEN=1 makes it)",
		    path);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	want = xmalloc((size_t)n + 1);
	assert_int_equal(fread(want, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	want[n] = '\0';
	if (got->len != (size_t)n || memcmp(got->data, want, got->len) != 0) {
		fprintf(stderr, "--- want %s\n%s\n--- got\n%s\n", path, want,
		    got->data);
		fail_msg("export differs from %s", path);
	}
	free(want);
	free(path);
}

#endif
