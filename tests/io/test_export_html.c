/*
 * test_export_html.c - the web page of the printed document (golden file:
 * see export_fixture.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_html.h"

#include "export_fixture.h"

static void
test_html_matches_golden(void **state)
{
	struct document d;
	struct buf out;

	(void)state;
	build_document(&d);
	buf_init(&out);
	export_html(&d, &out);
	assert_golden("export.html", &out);
	buf_fini(&out);
	document_fini(&d);
}

/* The order's blocks come first, escaped, with a page break before the
 * annex; without the annex the page holds only them. */
static void
test_html_blocks_before_the_annex(void **state)
{
	struct document d;
	struct buf out;
	const char *brk;
	struct list l;

	(void)state;
	build_list(&l);
	order_document(&d, &l, "", true);
	buf_init(&out);
	export_html(&d, &out);
	assert_non_null(strstr(out.data, "<p class=\"heading\">П Р И К А З"
	    "</p>"));
	assert_non_null(strstr(out.data, "<p class=\"para\">1) слова "
	    "«&lt;b&gt;» заменить"));
	assert_non_null(strstr(out.data, "<br>словами</p>"));
	assert_null(strchr(out.data, '\x1b'));
	assert_non_null(strstr(out.data, "<p class=\"split\"><span>Министр"
	    "</span><span>П.Ю. Илюхин</span></p>"));
	brk = strstr(out.data, "<div class=\"page-break\">");
	assert_non_null(brk);
	assert_true(strstr(out.data, "<table>") > brk);
	buf_fini(&out);
	document_fini(&d);
	order_document(&d, &l, "", false);
	buf_init(&out);
	export_html(&d, &out);
	assert_int_equal(count(out.data, "<table>"), 0);
	assert_int_equal(count(out.data, "class=\"page-break\""), 0);
	assert_non_null(strstr(out.data, "</p>\n</body>\n</html>\n"));
	buf_fini(&out);
	document_fini(&d);
	list_fini(&l);
}

/* Markup in the data is text: nothing from a cell opens a tag, ends an
 * attribute or starts an entity. */
static void
test_html_escapes_everything(void **state)
{
	struct document d;
	struct list l;
	struct touchpoint *tp;
	struct buf out;

	(void)state;
	list_init(&l);
	model_set(&l.hdr.title, "<b>title</b> & \"co\"");
	tp = process_add_touchpoint(list_add_process(&l,
	    "</td><script>alert('x')</script>"), "Окно <i> & 'a' \"b\"");
	touchpoint_add_need(tp, "a > b\nи перенос", 1);
	document_build(&d, &l, "УТВЕРЖДЕН\n<приказом>", "");
	buf_init(&out);
	export_html(&d, &out);
	assert_null(strstr(out.data, "<script"));
	assert_null(strstr(out.data, "<b>"));
	assert_null(strstr(out.data, "<i>"));
	assert_null(strstr(out.data, "<приказом>"));
	assert_non_null(strstr(out.data, "&lt;/td&gt;&lt;script&gt;alert("
	    "&#39;x&#39;)&lt;/script&gt;"));
	assert_non_null(strstr(out.data, "Окно &lt;i&gt; &amp; &#39;a&#39; "
	    "&quot;b&quot;"));
	assert_non_null(strstr(out.data, "<p>a &gt; b<br>и перенос</p>"));
	assert_non_null(strstr(out.data, "<title>ПЕРЕЧЕНЬ &lt;b&gt;title"
	    "&lt;/b&gt; &amp; &quot;co&quot;</title>"));
	assert_non_null(strstr(out.data, "<p>&lt;приказом&gt;</p>"));
	buf_fini(&out);
	document_fini(&d);
	list_fini(&l);
}

/* Control characters become visible pictures; U+FFFF, which XML and
 * HTML forbid, becomes U+FFFD. */
static void
test_html_sanitises_control_characters(void **state)
{
	struct document d;
	struct list l;
	struct buf out;

	(void)state;
	list_init(&l);
	list_add_process(&l, "Приём \033[2J \xEF\xBF\xBF");
	document_build(&d, &l, "", "");
	buf_init(&out);
	export_html(&d, &out);
	assert_null(strchr(out.data, '\033'));
	assert_null(strstr(out.data, "\xEF\xBF\xBF"));
	assert_non_null(strstr(out.data, "Приём ␛[2J \xEF\xBF\xBD"));
	buf_fini(&out);
	document_fini(&d);
	list_fini(&l);
}

/* The page settings reach the print CSS: a landscape A3 with other
 * margins and font. */
static void
test_html_page_follows_the_settings(void **state)
{
	struct document d;
	struct buf out;
	struct error err;

	(void)state;
	build_document(&d);
	assert_int_equal(doc_page_set(&d.page, "size", "A3", &err), 0);
	assert_int_equal(doc_page_set(&d.page, "orientation", "альбомная",
	    &err), 0);
	assert_int_equal(doc_page_set(&d.page, "margins", "25,15,12.5,20",
	    &err), 0);
	assert_int_equal(doc_page_set(&d.page, "font", "PT Serif", &err), 0);
	assert_int_equal(doc_page_set(&d.page, "font-size", "14", &err), 0);
	buf_init(&out);
	export_html(&d, &out);
	assert_non_null(strstr(out.data, "size: 420mm 297mm;"));
	assert_non_null(strstr(out.data, "margin: 12.5mm 15mm 20mm 25mm;"));
	assert_non_null(strstr(out.data, "font-family: \"PT Serif\", serif;"));
	assert_non_null(strstr(out.data, "font-size: 14pt;"));
	assert_non_null(strstr(out.data, "max-width: 380mm;"));
	buf_fini(&out);
	document_fini(&d);
}

/* A font name cannot leave its CSS string nor end the style element. */
static void
test_html_font_name_stays_in_its_string(void **state)
{
	struct document d;
	struct buf out;
	struct error err;

	(void)state;
	build_document(&d);
	assert_int_equal(doc_page_set(&d.page, "font", "X\"; }</style><b>",
	    &err), 0);
	buf_init(&out);
	export_html(&d, &out);
	assert_non_null(strstr(out.data, "font-family: \"X\\22 \\3b  \\7d "
	    "\\3c \\2f style\\3e \\3c b\\3e \", serif;"));
	assert_int_equal(count(out.data, "</style>"), 1);
	assert_null(strstr(out.data, "<b>"));
	buf_fini(&out);
	document_fini(&d);
}

/* Every row is a tr; a process's № and name span its rows and appear
 * once; a working copy's caption is shown, an approved one's grif too. */
static void
test_html_table_structure(void **state)
{
	struct document d;
	struct buf out;
	struct list l;
	char *grif;

	(void)state;
	build_list(&l);
	grif = document_grif(l.hdr.org_genitive, "", "2024-03-19", "27/01-01");
	document_build(&d, &l, grif, "Рабочая версия (не утверждена)");
	free(grif);
	list_fini(&l);
	buf_init(&out);
	export_html(&d, &out);
	assert_int_equal(count(out.data, "<tr>"), document_table(&d)->nrows +
	    1);
	assert_int_equal(count(out.data, "<th scope=\"col\">"), DOC_COLUMNS);
	assert_int_equal(count(out.data, "<tbody>"), 3);
	assert_int_equal(count(out.data, "<th scope=\"rowgroup\""), 3);
	assert_non_null(strstr(out.data, "<td class=\"num\" rowspan=\"2\">"
	    "<p>1</p></td><th scope=\"rowgroup\" rowspan=\"2\"><p>"
	    "Информирование</p></th>"));
	assert_non_null(strstr(out.data, "td.num { text-align: center; }"));
	/* Each need of several a block of its own after «– ». */
	assert_non_null(strstr(out.data, "<td><p class=\"item\">– Получение "
	    "информации о ходе рассмотрения обращения</p><p class=\"item\">– "
	    "Получение консультации</p></td>"));
	assert_int_equal(count(out.data, "<p class=\"item\">– "), 5);
	/* An address may break after «@ . / -», and nowhere else. */
	assert_non_null(strstr(out.data, "<p>https://<wbr>dpt.<wbr>admin-<wbr>"
	    "smolensk.<wbr>ru/<wbr>regionalnyj-<wbr>kontrol-<wbr>nadzor/</p>"));
	assert_int_equal(count(out.data, "<wbr>"), 8);
	assert_non_null(strstr(out.data, "<p class=\"caption\">Рабочая версия "
	    "(не утверждена)</p>"));
	assert_non_null(strstr(out.data, "<div class=\"grif\">\n<p>УТВЕРЖДЕН"
	    "</p>\n"));
	assert_non_null(strstr(out.data, "thead { display: "
	    "table-header-group; }"));
	buf_fini(&out);
	document_fini(&d);
}

#define COL	"<col style=\"width: "

/* Any table: the spanning cell with its rowspan, named as its group's
 * heading; a list cell's items; seven columns whose widths add up to the
 * table's, by weight or measured. */
static void
test_html_any_table(void **state)
{
	struct document d;
	struct buf out;
	const char *seven;
	double sum;

	(void)state;
	for (int measured = 0; measured < 2; measured++) {
		model_tables(&d, measured);
		buf_init(&out);
		export_html(&d, &out);
		assert_non_null(strstr(out.data, "<tr><th scope=\"rowgroup\" "
		    "rowspan=\"2\"><p>Первая группа</p></th><td><p>пункт 1.1"
		    "</p></td>"));
		assert_non_null(strstr(out.data, "<tr><td><p>пункт 1.2</p></td>"
		    "<td><p class=\"item\">– первое</p><p class=\"item\">– "
		    "второе</p></td></tr>"));
		assert_int_equal(count(out.data, "<tbody>"), 3);
		assert_int_equal(count(out.data, "<table>"), 2);
		seven = strstr(out.data, "Между таблицами.");
		assert_non_null(seven);
		assert_int_equal(count(seven, "<th scope=\"col\">"), 7);
		assert_non_null(strstr(seven, "<td class=\"num\"><p>12345"
		    "</p>"));
		sum = 0;
		for (const char *p = seven; (p = strstr(p, COL)) != NULL; p++)
			sum += strtod(p + strlen(COL), NULL);
		assert_true(sum > 99.6 && sum < 100.4);
		buf_fini(&out);
		document_fini(&d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_matches_golden),
		cmocka_unit_test(test_html_blocks_before_the_annex),
		cmocka_unit_test(test_html_any_table),
		cmocka_unit_test(test_html_escapes_everything),
		cmocka_unit_test(test_html_sanitises_control_characters),
		cmocka_unit_test(test_html_page_follows_the_settings),
		cmocka_unit_test(test_html_font_name_stays_in_its_string),
		cmocka_unit_test(test_html_table_structure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
