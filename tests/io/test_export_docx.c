/*
 * test_export_docx.c - the Word package of the printed document: its
 * word/document.xml against the golden file (see export_fixture.h), read
 * back out of the zip with libzip, and the other parts it must have.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "export_docx.h"

#include "export_fixture.h"

/* The package of d, opened with libzip; the caller zip_discard()s it and
 * frees *bytes (libzip reads from it until then). */
static zip_t *
open_package(const struct document *d, struct buf *bytes)
{
	struct error err;
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;

	buf_init(bytes);
	if (export_docx(d, bytes, &err) != 0)
		fail_msg("export_docx: %s", err.msg);
	assert_memory_equal(bytes->data, "PK\x03\x04", 4);
	zip_error_init(&ze);
	src = zip_source_buffer_create(bytes->data, bytes->len, 0, &ze);
	assert_non_null(src);
	za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (za == NULL)
		fail_msg("not a zip: %s", zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return za;
}

/* A part of the package as a string; fails the test if it is missing. */
static void
read_part(zip_t *za, const char *name, struct buf *out)
{
	zip_stat_t st;
	zip_file_t *f;
	char chunk[4096];
	zip_int64_t n;

	if (zip_stat(za, name, 0, &st) != 0)
		fail_msg("no %s in the package", name);
	f = zip_fopen(za, name, 0);
	assert_non_null(f);
	buf_init(out);
	while ((n = zip_fread(f, chunk, sizeof chunk)) > 0)
		buf_append(out, chunk, (size_t)n);
	assert_true(n == 0);
	zip_fclose(f);
	assert_int_equal(out->len, st.size);
}

static void
test_docx_document_xml_matches_golden(void **state)
{
	struct document d;
	struct buf xml;

	(void)state;
	build_document(&d);
	buf_init(&xml);
	export_docx_document_xml(&d, &xml);
	assert_golden("export-docx-document.xml", &xml);
	buf_fini(&xml);
	document_fini(&d);
}

/* The zip holds exactly that document.xml, and every part a minimal
 * package needs, [Content_Types].xml first. */
static void
test_docx_package_has_every_part(void **state)
{
	static const char *const parts[] = {
		"[Content_Types].xml", "_rels/.rels", "word/document.xml",
		"word/styles.xml", "word/settings.xml", "word/header1.xml",
		"word/header2.xml", "word/_rels/document.xml.rels",
		"docProps/core.xml", "docProps/app.xml"
	};
	struct document d;
	struct buf bytes, xml, part;
	zip_t *za;

	(void)state;
	build_document(&d);
	za = open_package(&d, &bytes);
	assert_int_equal(zip_get_num_entries(za, 0),
	    sizeof parts / sizeof parts[0]);
	assert_string_equal(zip_get_name(za, 0, 0), "[Content_Types].xml");
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		read_part(za, parts[i], &part);
		assert_memory_equal(part.data, "<?xml version=\"1.0\" "
		    "encoding=\"UTF-8\" standalone=\"yes\"?>\n", 56);
		buf_fini(&part);
	}
	read_part(za, "word/document.xml", &part);
	buf_init(&xml);
	export_docx_document_xml(&d, &xml);
	assert_int_equal(part.len, xml.len);
	assert_memory_equal(part.data, xml.data, xml.len);
	buf_fini(&part);
	read_part(za, "[Content_Types].xml", &part);
	assert_non_null(strstr(part.data, "<Override PartName=\"/word/"
	    "header1.xml\" ContentType=\"application/vnd.openxmlformats-"
	    "officedocument.wordprocessingml.header+xml\"/>"));
	buf_fini(&part);
	read_part(za, "word/_rels/document.xml.rels", &part);
	assert_non_null(strstr(part.data, "Id=\"rIdHeader1\""));
	assert_non_null(strstr(part.data, "Id=\"rIdHeader2\""));
	buf_fini(&part);
	zip_discard(za);
	buf_fini(&xml);
	buf_fini(&bytes);
	document_fini(&d);
}

/* The page number: a PAGE field centred in the default header, an empty
 * first page header, and titlePg so the first page uses it. */
static void
test_docx_numbers_pages_from_the_second(void **state)
{
	struct document d;
	struct buf bytes, part;
	zip_t *za;

	(void)state;
	build_document(&d);
	za = open_package(&d, &bytes);
	read_part(za, "word/header1.xml", &part);
	assert_non_null(strstr(part.data, "<w:instrText xml:space=\"preserve\">"
	    " PAGE </w:instrText>"));
	assert_non_null(strstr(part.data, "<w:pStyle w:val=\"Header\"/>"));
	buf_fini(&part);
	read_part(za, "word/header2.xml", &part);
	assert_null(strstr(part.data, "PAGE"));
	assert_null(strstr(part.data, "<w:t"));
	buf_fini(&part);
	read_part(za, "word/styles.xml", &part);
	assert_non_null(strstr(part.data, "w:styleId=\"Header\"><w:name "
	    "w:val=\"header\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:jc "
	    "w:val=\"center\"/>"));
	buf_fini(&part);
	read_part(za, "word/document.xml", &part);
	assert_non_null(strstr(part.data, "<w:headerReference "
	    "w:type=\"default\" r:id=\"rIdHeader1\"/><w:headerReference "
	    "w:type=\"first\" r:id=\"rIdHeader2\"/>"));
	assert_non_null(strstr(part.data, "<w:titlePg/></w:sectPr>"));
	buf_fini(&part);
	zip_discard(za);
	buf_fini(&bytes);
	document_fini(&d);
}

/* № and process: restart on the first row of a process of several rows,
 * continue on its others, no merge for a process of one row; the header
 * row repeats. */
static void
test_docx_merges_number_and_process(void **state)
{
	struct document d;
	struct buf xml;
	size_t rows;

	(void)state;
	build_document(&d);
	buf_init(&xml);
	export_docx_document_xml(&d, &xml);
	/* One process of two rows: two restarts (№, process), two
	 * continuations. */
	assert_int_equal(count(xml.data, "<w:vMerge w:val=\"restart\"/>"), 2);
	assert_int_equal(count(xml.data, "<w:vMerge/>"), 2);
	rows = document_table(&d)->nrows;
	assert_int_equal(count(xml.data, "<w:tr>"), rows + 1);
	assert_int_equal(count(xml.data, "<w:tblHeader/>"), 1);
	assert_int_equal(count(xml.data, "<w:tc>"), (rows + 1) * DOC_COLUMNS);
	assert_int_equal(count(xml.data, "<w:gridCol "), DOC_COLUMNS);
	buf_fini(&xml);
	document_fini(&d);
}

#define ZWSP	"\xE2\x80\x8B"	/* U+200B, a break opportunity */

/* Every row stays on one page; each need of several is a paragraph of
 * its own after «– », its further lines under its text; the № centred;
 * an address may break after «@ . / -» and keeps its characters. */
static void
test_docx_rows_needs_and_numbers(void **state)
{
	struct document d;
	struct buf xml, bytes, styles;
	size_t rows;
	zip_t *za;

	(void)state;
	build_document(&d);
	buf_init(&xml);
	export_docx_document_xml(&d, &xml);
	rows = document_table(&d)->nrows;
	assert_int_equal(count(xml.data, "<w:cantSplit/>"), rows + 1);
	assert_int_equal(count(xml.data, "<w:tr><w:trPr><w:cantSplit/>"),
	    rows + 1);
	assert_non_null(strstr(xml.data, "<w:p><w:pPr><w:pStyle "
	    "w:val=\"TableItem\"/></w:pPr><w:r><w:t xml:space=\"preserve\">– "
	    "Получение информации о ходе рассмотрения обращения</w:t></w:r>"
	    "</w:p><w:p><w:pPr><w:pStyle w:val=\"TableItem\"/></w:pPr><w:r>"
	    "<w:t xml:space=\"preserve\">– Получение консультации</w:t>"));
	/* Five needs in lists of two and three. */
	assert_int_equal(count(xml.data, "w:val=\"TableItem\""), 5);
	assert_int_equal(count(xml.data, "w:val=\"TableNumber\"/></w:pPr><w:r>"
	    "<w:t xml:space=\"preserve\">"), 3);
	assert_non_null(strstr(xml.data, "https://" ZWSP "dpt." ZWSP "admin-"
	    ZWSP "smolensk." ZWSP "ru/" ZWSP "regionalnyj-"));
	za = open_package(&d, &bytes);
	read_part(za, "word/styles.xml", &styles);
	assert_non_null(strstr(styles.data, "w:styleId=\"TableNumber\"><w:name "
	    "w:val=\"Номер в таблице\"/><w:basedOn w:val=\"Normal\"/>"
	    "<w:qFormat/><w:pPr><w:jc w:val=\"center\"/></w:pPr>"));
	/* «– » in Times New Roman 12 pt: 9 pt, 180 twips. */
	assert_non_null(strstr(styles.data, "<w:ind w:left=\"180\" "
	    "w:hanging=\"180\"/>"));
	buf_fini(&styles);
	zip_discard(za);
	buf_fini(&bytes);
	buf_fini(&xml);
	document_fini(&d);
}

/* Landscape A3 with other margins: w:pgSz swaps and says so, w:pgMar
 * follows in twips, the grid fills the new text width; the font and size
 * reach styles.xml. */
static void
test_docx_page_follows_the_settings(void **state)
{
	struct document d;
	struct buf bytes, xml, styles;
	struct error err;
	zip_t *za;

	(void)state;
	build_document(&d);
	buf_init(&xml);
	export_docx_document_xml(&d, &xml);
	assert_non_null(strstr(xml.data, "<w:pgSz w:w=\"11906\" "
	    "w:h=\"16838\"/>"));
	assert_non_null(strstr(xml.data, "<w:pgMar w:top=\"1134\" "
	    "w:right=\"567\" w:bottom=\"1134\" w:left=\"1701\" "
	    "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"));
	buf_reset(&xml);
	assert_int_equal(doc_page_set(&d.page, "orientation", "landscape",
	    &err), 0);
	assert_int_equal(doc_page_set(&d.page, "margins", "20,20,15,15",
	    &err), 0);
	assert_int_equal(doc_page_set(&d.page, "font", "PT Astra Serif",
	    &err), 0);
	assert_int_equal(doc_page_set(&d.page, "font-size", "14", &err), 0);
	export_docx_document_xml(&d, &xml);
	assert_non_null(strstr(xml.data, "<w:pgSz w:w=\"16838\" w:h=\"11906\" "
	    "w:orient=\"landscape\"/>"));
	/* The page number stays 10 mm from the top edge (ГОСТ Р 7.0.97),
	 * however narrow the margin. */
	assert_non_null(strstr(xml.data, "<w:pgMar w:top=\"850\" "
	    "w:right=\"1134\" w:bottom=\"850\" w:left=\"1134\" "
	    "w:header=\"567\" w:footer=\"425\" w:gutter=\"0\"/>"));
	/* 297 - 40 mm of text: 14570 twips, the table as wide. */
	assert_non_null(strstr(xml.data, "<w:tblW w:w=\"14570\" "
	    "w:type=\"dxa\"/>"));
	za = open_package(&d, &bytes);
	read_part(za, "word/styles.xml", &styles);
	assert_non_null(strstr(styles.data, "<w:rFonts w:ascii=\"PT Astra "
	    "Serif\" w:hAnsi=\"PT Astra Serif\""));
	assert_non_null(strstr(styles.data, "<w:sz w:val=\"28\"/>"));
	buf_fini(&styles);
	zip_discard(za);
	buf_fini(&bytes);
	buf_fini(&xml);
	document_fini(&d);
}

/* Markup in the data stays text, in the document and in the styles. */
static void
test_docx_escapes_everything(void **state)
{
	struct document d;
	struct list l;
	struct touchpoint *tp;
	struct buf bytes, xml, styles;
	struct error err;
	zip_t *za;

	(void)state;
	list_init(&l);
	model_set(&l.hdr.title, "</w:t></w:r><w:r><w:t>x");
	tp = process_add_touchpoint(list_add_process(&l, "A & B"),
	    "\"q\" 'a' <b>");
	touchpoint_add_need(tp, "строка\nвторая \033 \xEF\xBF\xBE", 1);
	document_build(&d, &l, "", "");
	assert_int_equal(doc_page_set(&d.page, "font", "F\"/><w:b/>", &err),
	    0);
	buf_init(&xml);
	export_docx_document_xml(&d, &xml);
	assert_null(strstr(xml.data, "</w:t></w:r><w:r><w:t>x"));
	assert_non_null(strstr(xml.data, "&lt;/w:t&gt;&lt;/w:r&gt;"));
	assert_non_null(strstr(xml.data, ">A &amp; B<"));
	assert_non_null(strstr(xml.data, ">&quot;q&quot; &#39;a&#39; "
	    "&lt;b&gt;<"));
	assert_non_null(strstr(xml.data, ">строка</w:t><w:br/><w:t "
	    "xml:space=\"preserve\">вторая ␛ \xEF\xBF\xBD<"));
	za = open_package(&d, &bytes);
	read_part(za, "word/styles.xml", &styles);
	assert_null(strstr(styles.data, "<w:b/>\""));
	assert_non_null(strstr(styles.data, "w:ascii=\"F&quot;/&gt;&lt;w:b/"
	    "&gt;\""));
	buf_fini(&styles);
	zip_discard(za);
	buf_fini(&bytes);
	buf_fini(&xml);
	document_fini(&d);
	list_fini(&l);
}

/* A working copy: no grif paragraphs, the caption under the title. */
static void
test_docx_working_copy_has_caption_and_no_grif(void **state)
{
	struct document d;
	struct list l;
	struct buf xml;

	(void)state;
	build_list(&l);
	document_build(&d, &l, "", "Рабочая версия (не утверждена)");
	buf_init(&xml);
	export_docx_document_xml(&d, &xml);
	assert_null(strstr(xml.data, "w:val=\"Grif\""));
	assert_non_null(strstr(xml.data, "<w:pStyle w:val=\"Revision\"/>"
	    "</w:pPr><w:r><w:t xml:space=\"preserve\">Рабочая версия (не "
	    "утверждена)</w:t></w:r>"));
	buf_fini(&xml);
	document_fini(&d);
	list_fini(&l);
}

/* The order's blocks: a bold centred heading, a justified paragraph, a
 * split line at a right tab; the annex after a page break, or none. */
static void
test_docx_blocks_before_the_annex(void **state)
{
	struct document d;
	struct list l;
	struct buf xml;
	const char *brk;

	(void)state;
	build_list(&l);
	order_document(&d, &l, "", true);
	buf_init(&xml);
	export_docx_document_xml(&d, &xml);
	assert_non_null(strstr(xml.data, "<w:jc w:val=\"center\"/></w:pPr>"
	    "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">П Р И К А "
	    "З</w:t>"));
	assert_non_null(strstr(xml.data, "<w:jc w:val=\"both\"/></w:pPr>"
	    "<w:r><w:t xml:space=\"preserve\">1) слова «&lt;b&gt;» заменить"));
	assert_non_null(strstr(xml.data, "<w:br/><w:t xml:space=\"preserve\">"
	    "словами</w:t>"));
	assert_null(strchr(xml.data, '\x1b'));
	assert_non_null(strstr(xml.data, "Министр</w:t></w:r><w:r><w:tab/>"
	    "</w:r><w:r><w:t xml:space=\"preserve\">П.Ю. Илюхин</w:t>"));
	brk = strstr(xml.data, "<w:br w:type=\"page\"/>");
	assert_non_null(brk);
	assert_true(strstr(xml.data, "<w:tbl>") > brk);
	buf_fini(&xml);
	document_fini(&d);
	order_document(&d, &l, "", false);
	buf_init(&xml);
	export_docx_document_xml(&d, &xml);
	assert_null(strstr(xml.data, "<w:tbl>"));
	assert_null(strstr(xml.data, "w:type=\"page\""));
	assert_non_null(strstr(xml.data, "<w:sectPr>"));
	buf_fini(&xml);
	document_fini(&d);
	list_fini(&l);
}

/* Any table: a grid column each, the spanning cell merged down its
 * group's rows, the widths adding up to the text's. */
static void
test_docx_any_table(void **state)
{
	struct document d;
	struct buf xml;
	const char *seven;

	(void)state;
	model_tables(&d, true);
	buf_init(&xml);
	export_docx_document_xml(&d, &xml);
	assert_int_equal(count(xml.data, "<w:tbl>"), 2);
	seven = strstr(xml.data, "Между таблицами.");
	assert_non_null(seven);
	assert_int_equal(count(xml.data, "<w:gridCol ") - count(seven,
	    "<w:gridCol "), 3);
	assert_int_equal(count(seven, "<w:gridCol "), 7);
	assert_int_equal(count(xml.data, "<w:vMerge w:val=\"restart\"/>"), 1);
	assert_int_equal(count(xml.data, "<w:vMerge/>"), 1);
	assert_non_null(strstr(seven, "12345"));
	buf_fini(&xml);
	document_fini(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docx_document_xml_matches_golden),
		cmocka_unit_test(test_docx_any_table),
		cmocka_unit_test(test_docx_package_has_every_part),
		cmocka_unit_test(test_docx_numbers_pages_from_the_second),
		cmocka_unit_test(test_docx_merges_number_and_process),
		cmocka_unit_test(test_docx_rows_needs_and_numbers),
		cmocka_unit_test(test_docx_page_follows_the_settings),
		cmocka_unit_test(test_docx_escapes_everything),
		cmocka_unit_test(test_docx_blocks_before_the_annex),
		cmocka_unit_test(test_docx_working_copy_has_caption_and_no_grif),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
