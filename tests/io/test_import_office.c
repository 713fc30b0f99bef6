/*
 * test_import_office.c - DOCX, ODT and XLSX built here from the seed's
 * list (as Word, LibreOffice and Excel lay it out: merged № and process
 * cells, a header row repeated at a page break, a run split mid-word, a
 * tracked insertion and deletion, the Порядок's template table before the
 * real one) each import to the same list as the order's text; the
 * project's own DOCX reads back; hostile packages are refused quickly.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <time.h>

#include <zip.h>

#include "buf.h"
#include "catalog.h"
#include "document.h"
#include "export_docx.h"
#include "import.h"

#include "import_fixture.h"

/* ---- a package in memory ---- */

static void
zip_put(zip_t *z, const char *name, const char *data, size_t len)
{
	char *copy = malloc(len + 1);
	zip_source_t *src;

	assert_non_null(copy);
	memcpy(copy, data, len);
	src = zip_source_buffer(z, copy, len, 1);
	assert_non_null(src);
	assert_true(zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8) >= 0);
}

/* parts: name, text, name, text, …, NULL. */
static void
zip_make(struct buf *out, const char *const *parts)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	char chunk[8192];
	zip_int64_t n;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	zip_source_keep(src);
	for (size_t i = 0; parts[i] != NULL; i += 2)
		zip_put(z, parts[i], parts[i + 1], strlen(parts[i + 1]));
	assert_int_equal(zip_close(z), 0);
	buf_init(out);
	assert_int_equal(zip_source_open(src), 0);
	while ((n = zip_source_read(src, chunk, sizeof chunk)) > 0)
		buf_append(out, chunk, (size_t)n);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
}

/* ---- the seed's list ---- */

static void
seed_list(struct list *l)
{
	char *order = slurp(env_or("TESTS_DIR", "tests"), "data/seed-order.txt",
	    NULL);
	struct import_opts o = { .cat = &cat };
	struct import_report rep;
	struct error err;

	list_init(l);
	import_report_init(&rep);
	if (import_table(order, strlen(order), &o, l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	import_report_fini(&rep);
	free(order);
}

static int
import_bytes(const struct buf *b, struct list *l, struct import_report *rep,
    struct error *err)
{
	struct import_opts o = { .cat = &cat };

	list_init(l);
	import_report_init(rep);
	return import_table(b->data, b->len, &o, l, rep, err);
}

/* The same processes, touchpoints, needs and channels. */
static void
assert_same_list(const struct list *a, const struct list *b)
{
	assert_int_equal(a->nprocs, b->nprocs);
	for (size_t i = 0; i < a->nprocs; i++) {
		const struct process *p = &a->procs[i], *q = &b->procs[i];

		assert_string_equal(p->name, q->name);
		assert_int_equal(p->ntps, q->ntps);
		for (size_t j = 0; j < p->ntps; j++) {
			const struct touchpoint *s = &p->tps[j], *t = &q->tps[j];

			assert_string_equal(s->name, t->name);
			assert_int_equal(s->channel, t->channel);
			assert_string_equal(s->specifics, t->specifics);
			assert_int_equal(s->nneeds, t->nneeds);
			for (size_t k = 0; k < s->nneeds; k++)
				assert_string_equal(s->needs[k].wording,
				    t->needs[k].wording);
		}
	}
}

static const char *const header_cells[5] = {
	"№", "Процесс взаимодействия с клиентом", "Точка взаимодействия",
	"Удовлетворяемые потребности клиента",
	"Особенности взаимодействия с клиентом"
};

/* n bytes of XML text: & < > escaped. */
static void
xml_text_n(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i] != '\0'; i++) {
		if (s[i] == '&')
			buf_puts(b, "&amp;");
		else if (s[i] == '<')
			buf_puts(b, "&lt;");
		else if (s[i] == '>')
			buf_puts(b, "&gt;");
		else
			buf_putc(b, s[i]);
	}
}

static void
xml_text(struct buf *b, const char *s)
{
	xml_text_n(b, s, strlen(s));
}

/* The cells of a touchpoint's row: №, process (first row only), name,
 * needs (one per line), channel and specifics. */
static void
tp_cells(const struct list *l, size_t i, size_t j, char *num, size_t numsz,
    const char *cells[5], struct buf *needs, struct buf *spec)
{
	const struct touchpoint *t = &l->procs[i].tps[j];

	snprintf(num, numsz, "%zu", i + 1);
	buf_reset(needs);
	buf_reset(spec);
	for (size_t k = 0; k < t->nneeds; k++)
		buf_printf(needs, "%s%s", k > 0 ? "\n" : "",
		    t->needs[k].wording);
	buf_printf(spec, "%s%s%s", channel_label(t->channel),
	    t->specifics[0] != '\0' ? "\n" : "", t->specifics);
	cells[0] = num;
	cells[1] = l->procs[i].name;
	cells[2] = t->name;
	cells[3] = needs->data != NULL ? needs->data : "";
	cells[4] = spec->data != NULL ? spec->data : "";
}

/* ---- DOCX as Word writes it ---- */

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

static void
w_para(struct buf *b, const char *text)
{
	buf_puts(b, "<w:p><w:r><w:t xml:space=\"preserve\">");
	xml_text(b, text);
	buf_puts(b, "</w:t></w:r></w:p>");
}

/* Where the third character of s ends (a run split mid-word there). */
static size_t
third_char(const char *s, size_t n)
{
	size_t i = 0;

	for (int k = 0; k < 3 && i < n; k++)
		do
			i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80);
	return i;
}

static void
w_run(struct buf *b, const char *text, size_t n)
{
	buf_puts(b, "<w:r><w:rPr><w:lang w:val=\"ru-RU\"/></w:rPr>"
	    "<w:t xml:space=\"preserve\">");
	xml_text_n(b, text, n);
	buf_puts(b, "</w:t></w:r>");
}

/* A cell: each line a paragraph; vmerge "restart"/"continue"/NULL.  The
 * first line is split into two runs mid-word when split is set, as the
 * spell-checker's marks leave it. */
static void
w_cell(struct buf *b, const char *text, const char *vmerge, bool split)
{
	const char *p = text;

	buf_puts(b, "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/>");
	if (vmerge != NULL)
		buf_printf(b, "<w:vMerge w:val=\"%s\"/>", vmerge);
	buf_puts(b, "</w:tcPr>");
	do {
		size_t n = strcspn(p, "\n");
		size_t half = split ? third_char(p, n) : n;

		buf_puts(b, "<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr>");
		w_run(b, p, half);
		if (half < n) {
			buf_puts(b, "<w:proofErr w:type=\"spellStart\"/>");
			w_run(b, p + half, n - half);
		}
		buf_puts(b, "</w:p>");
		p += n + (p[n] == '\n');
		split = false;
	} while (*p != '\0');
	buf_puts(b, "</w:tc>");
}

static void
w_header_row(struct buf *b)
{
	buf_puts(b, "<w:tr><w:trPr><w:tblHeader/></w:trPr>");
	for (int c = 0; c < 5; c++)
		w_cell(b, header_cells[c], NULL, false);
	buf_puts(b, "</w:tr>");
}

/* The Порядок's template: a table of the list's header and placeholders. */
static void
w_template(struct buf *b)
{
	static const char *const row[5] = { "1", "[процесс 1]", "[точка 1]",
		"[потребность 4]", "[особенность]" };

	w_para(b, "Шаблон перечня точек взаимодействия ОИВ");
	buf_puts(b, "<w:tbl>");
	w_header_row(b);
	buf_puts(b, "<w:tr>");
	for (int c = 0; c < 5; c++)
		w_cell(b, row[c], NULL, false);
	buf_puts(b, "</w:tr></w:tbl>");
}

/* Touchpoint 1.2's name: «ОЛД » deleted, its last word inserted. */
static void
w_tracked_cell(struct buf *b, const char *name)
{
	const char *sp = strrchr(name, ' ');

	assert_non_null(sp);
	buf_puts(b, "<w:tc><w:p><w:del w:id=\"1\" w:author=\"К\"><w:r>"
	    "<w:delText>СТАРОЕ </w:delText></w:r></w:del><w:r><w:t "
	    "xml:space=\"preserve\">");
	buf_append(b, name, (size_t)(sp - name + 1));
	buf_puts(b, "</w:t></w:r><w:ins w:id=\"2\" w:author=\"К\"><w:r><w:t>");
	xml_text(b, sp + 1);
	buf_puts(b, "</w:t></w:r></w:ins></w:p></w:tc>");
}

static void
w_table(struct buf *b, const struct list *l)
{
	struct buf needs, spec;
	char num[16];
	size_t rows = 0;

	buf_init(&needs);
	buf_init(&spec);
	buf_puts(b, "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/>"
	    "</w:tblPr>");
	w_header_row(b);
	for (size_t i = 0; i < l->nprocs; i++)
		for (size_t j = 0; j < l->procs[i].ntps; j++) {
			const char *cells[5];
			const char *vm = j == 0 ? "restart" : "continue";

			tp_cells(l, i, j, num, sizeof num, cells, &needs, &spec);
			if (++rows == 4)	/* a page break */
				w_header_row(b);
			buf_puts(b, "<w:tr>");
			w_cell(b, j == 0 ? cells[0] : "", vm, false);
			w_cell(b, j == 0 ? cells[1] : "", vm, false);
			if (i == 0 && j == 1)
				w_tracked_cell(b, cells[2]);
			else
				w_cell(b, cells[2], NULL, i == 0 && j == 0);
			w_cell(b, cells[3], NULL, false);
			w_cell(b, cells[4], NULL, false);
			buf_puts(b, "</w:tr>");
		}
	buf_puts(b, "</w:tbl>");
	buf_fini(&needs);
	buf_fini(&spec);
}

static const char *const order_head[] = {
	"МИНИСТЕРСТВО ПРОМЫШЛЕННОСТИ И ТОРГОВЛИ СМОЛЕНСКОЙ ОБЛАСТИ",
	"П Р И К А З", "«19» марта 2024", "№ 27/01-01",
	"Об утверждении Порядка ведения перечня", NULL
};
static const char *const grif[] = {
	"УТВЕРЖДЕН", "приказом Министерства", "промышленности и торговли",
	"Смоленской области", "от 19.03.2024 № 27/а-а", "ПЕРЕЧЕНЬ",
	"точек взаимодействия с клиентом по вопросам осуществления "
	"регионального государственного контроля (надзора)", NULL
};

static void
make_docx(const struct list *l, struct buf *out)
{
	struct buf doc;
	const char *parts[9];

	buf_init(&doc);
	buf_puts(&doc, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "standalone=\"yes\"?>\n<w:document xmlns:w=\"" W_NS "\"><w:body>");
	for (size_t i = 0; order_head[i] != NULL; i++)
		w_para(&doc, order_head[i]);
	w_template(&doc);
	for (size_t i = 0; grif[i] != NULL; i++)
		w_para(&doc, grif[i]);
	w_table(&doc, l);
	buf_puts(&doc, "</w:body></w:document>");
	parts[0] = "[Content_Types].xml";
	parts[1] = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas."
	    "openxmlformats.org/package/2006/content-types\"/>";
	parts[2] = "word/document.xml";
	parts[3] = doc.data;
	parts[4] = NULL;
	zip_make(out, parts);
	buf_fini(&doc);
}

/* ---- ODT as LibreOffice writes it ---- */

#define ODT_NS " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:" \
	"office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:" \
	"text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:" \
	"table:1.0\""

static void
odt_para(struct buf *b, const char *text)
{
	buf_puts(b, "<text:p>");
	xml_text(b, text);
	buf_puts(b, "</text:p>");
}

static void
odt_cell(struct buf *b, const char *text, size_t rows)
{
	const char *p = text;

	if (rows > 1)
		buf_printf(b, "<table:table-cell table:number-rows-spanned="
		    "\"%zu\">", rows);
	else
		buf_puts(b, "<table:table-cell>");
	do {
		size_t n = strcspn(p, "\n");
		char *line = strndup(p, n);

		buf_puts(b, "<text:p><text:span>");
		xml_text(b, line);
		buf_puts(b, "</text:span></text:p>");
		free(line);
		p += n + (p[n] == '\n');
	} while (*p != '\0');
	buf_puts(b, "</table:table-cell>");
}

static void
odt_table(struct buf *b, const struct list *l)
{
	struct buf needs, spec;
	char num[16];

	buf_init(&needs);
	buf_init(&spec);
	buf_puts(b, "<table:table table:name=\"Перечень\"><table:table-column "
	    "table:number-columns-repeated=\"5\"/><table:table-header-rows>"
	    "<table:table-row>");
	for (int c = 0; c < 5; c++)
		odt_cell(b, header_cells[c], 1);
	buf_puts(b, "</table:table-row></table:table-header-rows>");
	for (size_t i = 0; i < l->nprocs; i++)
		for (size_t j = 0; j < l->procs[i].ntps; j++) {
			const char *cells[5];

			tp_cells(l, i, j, num, sizeof num, cells, &needs, &spec);
			buf_puts(b, "<table:table-row>");
			if (j == 0) {
				odt_cell(b, cells[0], l->procs[i].ntps);
				odt_cell(b, cells[1], l->procs[i].ntps);
			} else {
				buf_puts(b, "<table:covered-table-cell "
				    "table:number-columns-repeated=\"2\"/>");
			}
			for (int c = 2; c < 5; c++)
				odt_cell(b, cells[c], 1);
			buf_puts(b, "</table:table-row>");
		}
	buf_puts(b, "</table:table>");
	buf_fini(&needs);
	buf_fini(&spec);
}

static void
make_odt(const struct list *l, struct buf *out)
{
	struct buf doc;
	const char *parts[7];

	buf_init(&doc);
	buf_puts(&doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "<office:document-content" ODT_NS "><office:body><office:text>"
	    "<text:tracked-changes><text:changed-region text:id=\"c1\">"
	    "<text:deletion><text:p>СТАРЫЙ ТЕКСТ</text:p></text:deletion>"
	    "</text:changed-region></text:tracked-changes>");
	for (size_t i = 0; order_head[i] != NULL; i++)
		odt_para(&doc, order_head[i]);
	for (size_t i = 0; grif[i] != NULL; i++)
		odt_para(&doc, grif[i]);
	odt_table(&doc, l);
	buf_puts(&doc, "</office:text></office:body></office:document-content>");
	parts[0] = "mimetype";
	parts[1] = "application/vnd.oasis.opendocument.text";
	parts[2] = "content.xml";
	parts[3] = doc.data;
	parts[4] = NULL;
	zip_make(out, parts);
	buf_fini(&doc);
}

/* ---- XLSX as Excel writes it: № and process on every row ---- */

#define S_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define R_NS \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static void
x_cell(struct buf *b, char col, size_t row, const char *text)
{
	buf_printf(b, "<c r=\"%c%zu\" t=\"inlineStr\"><is><t "
	    "xml:space=\"preserve\">", col, row);
	xml_text(b, text);
	buf_puts(b, "</t></is></c>");
}

static void
make_xlsx(const struct list *l, struct buf *out)
{
	struct buf sheet, needs, spec;
	const char *parts[13];
	char num[16];
	size_t row = 1;

	buf_init(&sheet);
	buf_init(&needs);
	buf_init(&spec);
	buf_puts(&sheet, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "<worksheet xmlns=\"" S_NS "\"><sheetData>");
	buf_printf(&sheet, "<row r=\"%zu\">", row);
	x_cell(&sheet, 'A', row, "ПЕРЕЧЕНЬ");
	buf_puts(&sheet, "</row>");
	row += 2;
	buf_printf(&sheet, "<row r=\"%zu\">", row);
	for (int c = 0; c < 5; c++)
		x_cell(&sheet, (char)('A' + c), row, header_cells[c]);
	buf_puts(&sheet, "</row>");
	for (size_t i = 0; i < l->nprocs; i++)
		for (size_t j = 0; j < l->procs[i].ntps; j++) {
			const char *cells[5];

			tp_cells(l, i, j, num, sizeof num, cells, &needs, &spec);
			row++;
			buf_printf(&sheet, "<row r=\"%zu\">", row);
			/* A number as Excel stores it. */
			buf_printf(&sheet, "<c r=\"A%zu\"><v>%s</v></c>", row,
			    num);
			for (int c = 1; c < 5; c++)
				x_cell(&sheet, (char)('A' + c), row, cells[c]);
			buf_puts(&sheet, "</row>");
		}
	buf_puts(&sheet, "</sheetData></worksheet>");
	parts[0] = "[Content_Types].xml";
	parts[1] = "<Types xmlns=\"http://schemas.openxmlformats.org/package/"
	    "2006/content-types\"/>";
	parts[2] = "xl/workbook.xml";
	parts[3] = "<workbook xmlns=\"" S_NS "\" xmlns:r=\"" R_NS "\"><sheets>"
	    "<sheet name=\"Перечень\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
	    "</workbook>";
	parts[4] = "xl/_rels/workbook.xml.rels";
	parts[5] = "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
	    "package/2006/relationships\"><Relationship Id=\"rId1\" "
	    "Type=\"x\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
	parts[6] = "xl/worksheets/sheet1.xml";
	parts[7] = sheet.data;
	parts[8] = NULL;
	zip_make(out, parts);
	buf_fini(&sheet);
	buf_fini(&needs);
	buf_fini(&spec);
}

/* ---- the tests ---- */

static bool
has_note(const struct import_report *rep, const char *text)
{
	for (size_t i = 0; i < rep->notes.n; i++)
		if (strstr(rep->notes.v[i], text) != NULL)
			return true;
	return false;
}

static void
check_format(void (*make)(const struct list *, struct buf *),
    const char *kind, bool order)
{
	struct list seed, l;
	struct import_report rep;
	struct error err;
	struct buf file;

	seed_list(&seed);
	make(&seed, &file);
	if (import_bytes(&file, &l, &rep, &err) != 0)
		fail_msg("%s: %s", kind, err.msg);
	assert_string_equal(rep.encoding, kind);
	assert_same_list(&seed, &l);
	if (order) {
		assert_true(rep.order_text);
		assert_string_equal(l.hdr.org, "Министерство промышленности и "
		    "торговли Смоленской области");
		assert_string_equal(l.hdr.org_genitive, "Министерства "
		    "промышленности и торговли Смоленской области");
		assert_string_equal(l.hdr.order_no, "27/01-01");
		assert_string_equal(l.hdr.order_date, "2024-03-19");
		assert_string_equal(l.hdr.title, seed.hdr.title);
	}
	list_fini(&l);
	import_report_fini(&rep);
	list_fini(&seed);
	buf_fini(&file);
}

static void
docx_as_word_makes_it(void **state)
{
	struct list seed, l;
	struct import_report rep;
	struct error err;
	struct buf file;

	(void)state;
	check_format(make_docx, "DOCX", true);
	seed_list(&seed);
	make_docx(&seed, &file);
	assert_int_equal(import_bytes(&file, &l, &rep, &err), 0);
	/* the template table is not taken; the report says which was */
	assert_true(has_note(&rep, "взята таблица 2 из 2"));
	assert_true(has_note(&rep, "вставок 1, удалений 1"));
	assert_true(has_note(&rep, "повторы строки заголовка таблицы"));
	assert_true(has_note(&rep, "таблица 2, строка"));
	list_fini(&l);
	import_report_fini(&rep);
	list_fini(&seed);
	buf_fini(&file);
}

static void
odt_as_libreoffice_makes_it(void **state)
{
	(void)state;
	check_format(make_odt, "ODT", true);
}

static void
xlsx_as_excel_makes_it(void **state)
{
	(void)state;
	check_format(make_xlsx, "XLSX", false);
}

/* The DOCX perechen itself prints reads back as the same list. */
static void
own_docx_reads_back(void **state)
{
	struct list seed, l;
	struct document d;
	struct import_report rep;
	struct error err;
	struct buf file;

	(void)state;
	seed_list(&seed);
	document_build(&d, &seed, "", "");
	buf_init(&file);
	if (export_docx(&d, &file, &err) != 0)
		fail_msg("%s", err.msg);
	if (import_bytes(&file, &l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	assert_same_list(&seed, &l);
	document_fini(&d);
	list_fini(&l);
	import_report_fini(&rep);
	list_fini(&seed);
	buf_fini(&file);
}

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* A document.xml of 200 MiB of zeros, deflated to a few hundred KiB. */
static void
zip_bomb_is_refused(void **state)
{
	size_t big = (size_t)200 << 20;
	char *zeros = calloc(1, big);
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	struct buf file;
	struct list l;
	struct import_report rep;
	struct error err;
	struct timespec t0;
	char chunk[8192];
	zip_int64_t n;

	(void)state;
	assert_non_null(zeros);
	memset(zeros, ' ', big);
	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	zip_source_keep(src);
	zip_put(z, "[Content_Types].xml", "<Types/>", 8);
	assert_true(zip_file_add(z, "word/document.xml",
	    zip_source_buffer(z, zeros, big, 0), 0) >= 0);
	assert_int_equal(zip_close(z), 0);
	buf_init(&file);
	assert_int_equal(zip_source_open(src), 0);
	while ((n = zip_source_read(src, chunk, sizeof chunk)) > 0)
		buf_append(&file, chunk, (size_t)n);
	zip_source_close(src);
	zip_source_free(src);
	free(zeros);
	assert_true(file.len < ((size_t)2 << 20));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(import_bytes(&file, &l, &rep, &err), -1);
	assert_true(seconds_since(&t0) < 1.0);
	assert_non_null(strstr(err.msg, "больше 64 МиБ"));
	list_fini(&l);
	import_report_fini(&rep);
	buf_fini(&file);
}

/* Billion laughs in document.xml: refused before any expansion. */
static void
entity_bomb_is_refused(void **state)
{
	static const char bomb[] = "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
	    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
	    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
	    "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
	    "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">"
	    "<!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>\n"
	    "<w:document xmlns:w=\"" W_NS "\"><w:body><w:p><w:r><w:t>&i;"
	    "</w:t></w:r></w:p></w:body></w:document>";
	const char *parts[] = { "[Content_Types].xml", "<Types/>",
		"word/document.xml", bomb, NULL };
	struct buf file;
	struct list l;
	struct import_report rep;
	struct error err;
	struct timespec t0;

	(void)state;
	zip_make(&file, parts);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(import_bytes(&file, &l, &rep, &err), -1);
	assert_true(seconds_since(&t0) < 1.0);
	assert_non_null(strstr(err.msg, "DTD"));
	list_fini(&l);
	import_report_fini(&rep);
	buf_fini(&file);
}

/* A package missing its main part, a damaged one: named, refused. */
static void
damaged_packages_are_refused(void **state)
{
	const char *no_doc[] = { "[Content_Types].xml", "<Types/>",
		"word/styles.xml", "<x/>", NULL };
	const char *bad_xml[] = { "[Content_Types].xml", "<Types/>",
		"word/document.xml", "<w:document xmlns:w=\"" W_NS "\"><w:body>"
		"<w:p>", NULL };
	struct buf file;
	struct list l;
	struct import_report rep;
	struct error err;

	(void)state;
	zip_make(&file, no_doc);
	assert_int_equal(import_bytes(&file, &l, &rep, &err), -1);
	assert_non_null(strstr(err.msg, "не документ DOCX, ODT или XLSX"));
	list_fini(&l);
	import_report_fini(&rep);
	buf_fini(&file);
	zip_make(&file, bad_xml);
	assert_int_equal(import_bytes(&file, &l, &rep, &err), -1);
	assert_non_null(strstr(err.msg, "word/document.xml повреждена"));
	list_fini(&l);
	import_report_fini(&rep);
	/* cut short: not a package any more */
	file.len /= 2;
	assert_int_equal(import_bytes(&file, &l, &rep, &err), -1);
	list_fini(&l);
	import_report_fini(&rep);
	buf_fini(&file);
}

/* A hyperlink keeps its text and, when the text does not show it, its
 * address; NBSP and soft hyphens are normalised; an Excel merged range's
 * other cells are blank and the rows under it are the same process. */
static void
links_spaces_and_merged_ranges(void **state)
{
	static const char doc[] = "<w:document xmlns:w=\"" W_NS "\" "
	    "xmlns:r=\"" R_NS "\"><w:body><w:tbl><w:tr>"
	    "<w:tc><w:p><w:r><w:t>№</w:t></w:r></w:p></w:tc>"
	    "<w:tc><w:p><w:r><w:t>Процесс</w:t></w:r></w:p></w:tc>"
	    "<w:tc><w:p><w:r><w:t>Точка</w:t></w:r></w:p></w:tc>"
	    "<w:tc><w:p><w:r><w:t>Потребности</w:t></w:r></w:p></w:tc></w:tr>"
	    "<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"
	    "<w:tc><w:p><w:r><w:t>Инфор\xC2\xADмирование</w:t></w:r></w:p>"
	    "</w:tc><w:tc><w:p><w:hyperlink r:id=\"rId7\"><w:r><w:t>Официальный"
	    "\xC2\xA0сайт</w:t></w:r></w:hyperlink></w:p></w:tc>"
	    "<w:tc><w:p><w:r><w:t>получение информации</w:t></w:r></w:p>"
	    "</w:tc></w:tr></w:tbl></w:body></w:document>";
	static const char rels[] = "<Relationships xmlns=\"http://schemas."
	    "openxmlformats.org/package/2006/relationships\"><Relationship "
	    "Id=\"rId7\" Target=\"https://example.ru/\" "
	    "TargetMode=\"External\"/></Relationships>";
	const char *docx[] = { "[Content_Types].xml", "<Types/>",
		"word/document.xml", doc, "word/_rels/document.xml.rels", rels,
		NULL };
	static const char sheet[] = "<worksheet xmlns=\"" S_NS "\"><sheetData>"
	    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\">"
	    "<v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
	    "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>3</v>"
	    "</c><c r=\"C2\" t=\"s\"><v>4</v></c></row>"
	    "<row r=\"3\"><c r=\"C3\" t=\"s\"><v>5</v></c></row>"
	    "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A2:A3\"/>"
	    "<mergeCell ref=\"B2:B3\"/></mergeCells></worksheet>";
	static const char strings[] = "<sst xmlns=\"" S_NS "\"><si><t>№</t>"
	    "</si><si><t>Процесс</t></si><si><t>Точка</t></si><si><r><t>Инфо"
	    "</t></r><r><t>рмирование</t></r></si><si><t>Почта России</t></si>"
	    "<si><t>Телефонная связь</t></si></sst>";
	const char *xlsx[] = { "[Content_Types].xml", "<Types/>",
		"xl/workbook.xml", "<workbook xmlns=\"" S_NS "\" xmlns:r=\""
		R_NS "\"><sheets><sheet r:id=\"rId1\"/></sheets></workbook>",
		"xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://"
		"schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Target=\"/xl/worksheets/s.xml\"/>"
		"</Relationships>", "xl/worksheets/s.xml", sheet,
		"xl/sharedStrings.xml", strings, NULL };
	struct buf file;
	struct list l;
	struct import_report rep;
	struct error err;

	(void)state;
	zip_make(&file, docx);
	if (import_bytes(&file, &l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(l.nprocs, 1);
	assert_string_equal(l.procs[0].name, "Информирование");
	assert_string_equal(l.procs[0].tps[0].name,
	    "Официальный сайт https://example.ru/");
	assert_int_equal(l.procs[0].tps[0].ncontacts, 1);
	list_fini(&l);
	import_report_fini(&rep);
	buf_fini(&file);
	zip_make(&file, xlsx);
	if (import_bytes(&file, &l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	assert_string_equal(rep.encoding, "XLSX");
	assert_int_equal(l.nprocs, 1);
	assert_string_equal(l.procs[0].name, "Информирование");
	assert_int_equal(l.procs[0].ntps, 2);
	assert_string_equal(l.procs[0].tps[1].name, "Телефонная связь");
	list_fini(&l);
	import_report_fini(&rep);
	buf_fini(&file);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(docx_as_word_makes_it),
		cmocka_unit_test(odt_as_libreoffice_makes_it),
		cmocka_unit_test(xlsx_as_excel_makes_it),
		cmocka_unit_test(own_docx_reads_back),
		cmocka_unit_test(links_spaces_and_merged_ranges),
		cmocka_unit_test(zip_bomb_is_refused),
		cmocka_unit_test(entity_bomb_is_refused),
		cmocka_unit_test(damaged_packages_are_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
