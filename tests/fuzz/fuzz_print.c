/*
 * fuzz_print.c - the printed document's writers (text pages, HTML, DOCX)
 * over a list built from arbitrary bytes.
 *
 * Each input line is one instruction (first byte, then its text):
 *   P name   a new process         T name   a new touchpoint
 *   n text   a need                c text   a contact
 *   s text   specifics             x        exclude the touchpoint
 *   G text   the grif (\ = line)   C text   the caption
 *   W N      text width            L N      text page length
 *   O        landscape             Z        also zip the DOCX
 * No text line wider than asked nor ending with a blank, and no page
 * longer than asked; HTML one row per row and every tag closed as opened;
 * DOCX five cells a row and every text run closed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "export.h"
#include "export_docx.h"
#include "export_html.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ROWS	64

/* What the input asks to print, beside the list. */
struct ask {
	struct buf grif, caption;
	int	 width, page_length;
	bool	 landscape, zip;
	size_t	 rows;
};

/* The last touchpoint, made if there is none. */
static struct touchpoint *
last_tp(struct list *l, struct ask *a)
{
	struct process *p;

	if (l->nprocs == 0)
		list_add_process(l, "");
	p = &l->procs[l->nprocs - 1];
	if (p->ntps == 0) {
		a->rows++;
		return process_add_touchpoint(p, "");
	}
	return &p->tps[p->ntps - 1];
}

/* One instruction of the input. */
static void
apply(struct list *l, struct ask *a, const char *line)
{
	const char *text = line[0] != '\0' ? line + 1 : line;

	switch (line[0]) {
	case 'P':
		if (a->rows < MAX_ROWS) {
			list_add_process(l, text);
			a->rows++;
		}
		break;
	case 'T':
		if (a->rows < MAX_ROWS && l->nprocs > 0) {
			process_add_touchpoint(&l->procs[l->nprocs - 1], text);
			a->rows++;
		}
		break;
	case 'n': touchpoint_add_need(last_tp(l, a), text, 1); break;
	case 'c': touchpoint_add_contact(last_tp(l, a), CONTACT_OTHER, text);
		break;
	case 's': model_set(&last_tp(l, a)->specifics, text); break;
	case 'x': last_tp(l, a)->excluded = true; break;
	case 'G':
		for (; *text != '\0'; text++)
			buf_putc(&a->grif, *text == '\\' ? '\n' : *text);
		break;
	case 'C': buf_puts(&a->caption, text); break;
	case 'W': a->width = atoi(text); break;
	case 'L': a->page_length = atoi(text); break;
	case 'O': a->landscape = true; break;
	case 'Z': a->zip = true; break;
	default: break;
	}
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

/* No line over width columns nor ending with a blank, every page at
 * most page_length lines. */
static void
check_txt(const struct document *d, const struct ask *a)
{
	struct export_opts o = EXPORT_OPTS_INIT;
	struct buf out;
	struct error err;
	int lines = 0;

	o.width = a->width;
	o.page_length = a->page_length;
	buf_init(&out);
	if (export_txt(d, &o, &out, NULL, &err) != 0) {
		buf_fini(&out);
		return;
	}
	for (char *p = out.data; *p != '\0'; ) {
		char *nl = strchr(p, '\n');

		if (nl == NULL)
			abort();
		*nl = '\0';
		if (*p == '\f') {
			p++;
			lines = 0;
		}
		/* No line over the width, none ending with a blank. */
		if (utf8_width(p) > a->width ||
		    (*p != '\0' && p[strlen(p) - 1] == ' '))
			abort();
		if (++lines > a->page_length && a->page_length > 0)
			abort();
		p = nl + 1;
	}
	buf_fini(&out);
}

/* A row per row, tags closed as opened, no control character. */
static void
check_html(const struct document *d)
{
	struct buf out;

	buf_init(&out);
	export_html(d, &out);
	if (count(out.data, "<tr>") != document_table(d)->nrows + 1 ||
	    count(out.data, "<td>") + count(out.data, "<td ") !=
	    count(out.data, "</td>") ||
	    count(out.data, "<th ") != count(out.data, "</th>") ||
	    count(out.data, "<p") != count(out.data, "</p>"))
		abort();
	for (size_t i = 0; i < out.len; i++)
		if ((unsigned char)out.data[i] < 0x20 && out.data[i] != '\n' &&
		    out.data[i] != '\t')
			abort();
	buf_fini(&out);
}

/* Five cells a row and the header's, every run of text closed. */
static void
check_docx(const struct document *d, bool zip)
{
	struct buf out;
	struct error err;

	buf_init(&out);
	export_docx_document_xml(d, &out);
	if (count(out.data, "<w:tc>") != (document_table(d)->nrows + 1) *
	    DOC_COLUMNS ||
	    count(out.data, "<w:t ") != count(out.data, "</w:t>") ||
	    count(out.data, "<w:p>") != count(out.data, "</w:p>"))
		abort();
	buf_reset(&out);
	if (zip && (export_docx(d, &out, &err) != 0 ||
	    memcmp(out.data, "PK", 2) != 0))
		abort();
	buf_fini(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size), *line, *save = NULL;
	struct document d;
	struct list l;
	struct ask a;
	struct error err;

	memset(&a, 0, sizeof a);
	a.width = EXPORT_WIDTH_DEFAULT;
	buf_init(&a.grif);
	buf_init(&a.caption);
	list_init(&l);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		apply(&l, &a, line);
	document_build(&d, &l, a.grif.data, a.caption.data);
	if (a.landscape)
		doc_page_set(&d.page, "orientation", "landscape", &err);
	if (a.width >= EXPORT_WIDTH_MIN && a.width <= 300 &&
	    (a.page_length == 0 || (a.page_length >= EXPORT_PAGE_LENGTH_MIN &&
	    a.page_length <= EXPORT_PAGE_LENGTH_MAX)))
		check_txt(&d, &a);
	check_html(&d);
	check_docx(&d, a.zip);
	document_fini(&d);
	list_fini(&l);
	buf_fini(&a.grif);
	buf_fini(&a.caption);
	free(text);
	return 0;
}
