/*
 * test_export.c - the text table and CSV writers.
 *
 * The exports of a small list are compared byte for byte with the golden
 * files in $TESTS_DIR/golden (TESTS_DIR defaults to "tests").  After a
 * deliberate change of the output, regenerate them with
 *
 *	UPDATE_GOLDEN=1 TESTS_DIR=tests build/tests/test_export
 *
 * and read the diff before committing it.
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

static void
build_catalog(struct catalog *c)
{
	catalog_init(c);
	catalog_add_kind(c, "site", "Официальный сайт", CHANNEL_DIGITAL,
	    "4.1.1", true, false, false, false, "сайт");
	catalog_add_kind(c, "phone", "Телефонная связь", CHANNEL_OFFLINE,
	    "4.2.1", true, false, true, false, "телефон");
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

static void
export_txt_ok(const struct list *l, int width, const char *enc,
    struct buf *out, size_t *replaced)
{
	struct export_opts o = EXPORT_OPTS_INIT;
	struct error err;

	o.width = width;
	o.encoding = enc;
	buf_init(out);
	if (export_txt(l, NULL, &o, out, replaced, &err) != 0)
		fail_msg("export_txt: %s", err.msg);
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
	struct list l;
	struct buf out;
	size_t replaced = 99;

	build_list(&l);
	export_txt_ok(&l, width, NULL, &out, &replaced);
	assert_int_equal(replaced, 0);
	assert_golden(name, &out);
	buf_fini(&out);
	list_fini(&l);
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

/* Every line of doc (UTF-8) has exactly width columns; returns the count. */
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
		if (utf8_width(line) != width)
			fail_msg("line %zu is %d columns, not %d: «%s»", n + 1,
			    utf8_width(line), width, line);
		n++;
	}
	free(copy);
	return n;
}

static void
test_txt_every_line_has_the_width(void **state)
{
	static const int widths[] = { 60, 61, 80, 97, 120, 200 };
	struct list l;

	(void)state;
	build_list(&l);
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		struct buf out;

		export_txt_ok(&l, widths[i], NULL, &out, NULL);
		assert_true(assert_lines_width(out.data, widths[i]) > 10);
		buf_fini(&out);
	}
	list_fini(&l);
}

static void
test_txt_and_csv_sanitise_control_characters(void **state)
{
	struct list l;
	struct buf txt, csv;

	(void)state;
	build_list(&l);
	export_txt_ok(&l, 120, NULL, &txt, NULL);
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
	export_txt_ok(&l, 120, NULL, &out, NULL);
	assert_null(strstr(out.data, "Факс"));
	assert_non_null(strstr(out.data, "Телефонная связь"));
	buf_fini(&out);
	list_fini(&l);
}

static void
test_txt_without_header_has_no_heading(void **state)
{
	struct list l;
	struct buf out;

	(void)state;
	build_list(&l);
	model_set(&l.hdr.title, "");
	model_set(&l.hdr.org, "");
	export_txt_ok(&l, 80, NULL, &out, NULL);
	assert_null(strstr(out.data, "ПЕРЕЧЕНЬ"));
	assert_memory_equal(out.data, "┌", strlen("┌"));
	buf_fini(&out);
	list_fini(&l);
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
	export_txt_ok(&l, 80, "cp1251", &out, &replaced);
	assert_int_equal(replaced, 1);
	/* The frame is ASCII (CP1251 has no box drawing), the data is there
	 * with '?' for the character, and the columns still line up. */
	buf_init(&back);
	assert_int_equal(charset_to_utf8("CP1251", out.data, out.len, &back,
	    &err), 0);
	assert_memory_equal(back.data, "+-", 2);
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
	export_txt_ok(&l, 60, "koi8-r", &out, &replaced);
	assert_int_equal(replaced, 0);
	buf_init(&back);
	assert_int_equal(charset_to_utf8("KOI8-R", out.data, out.len, &back,
	    &err), 0);
	assert_memory_equal(back.data, "┌─", strlen("┌─"));
	assert_lines_width(back.data, 60);
	buf_fini(&back);
	buf_fini(&out);
	list_fini(&l);
}

static void
test_txt_rejects_a_width_out_of_range(void **state)
{
	struct export_opts o = EXPORT_OPTS_INIT;
	struct list l;
	struct buf out;
	struct error err;

	(void)state;
	list_init(&l);
	buf_init(&out);
	o.width = EXPORT_WIDTH_MIN - 1;
	assert_int_equal(export_txt(&l, NULL, &o, &out, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "ширина"));
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
	struct list l;
	struct buf out;
	struct error err;

	(void)state;
	list_init(&l);
	list_add_process(&l, "Приём");
	buf_init(&out);
	o.encoding = "no-such-encoding";
	assert_int_equal(export_txt(&l, NULL, &o, &out, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "no-such-encoding"));
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
		cmocka_unit_test(test_txt_width_120_matches_golden),
		cmocka_unit_test(test_csv_matches_golden),
		cmocka_unit_test(test_txt_every_line_has_the_width),
		cmocka_unit_test(test_txt_and_csv_sanitise_control_characters),
		cmocka_unit_test(test_txt_leaves_out_excluded_touchpoints),
		cmocka_unit_test(test_txt_without_header_has_no_heading),
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
