/*
 * fuzz_markup.c - arbitrary bytes as the list's text, through the HTML and
 * DOCX writers: what they write must stay well-formed markup.
 *
 * The input is cut at 0x1F bytes into the process, the touchpoint's name,
 * a need, the specifics, a contact, the title, the grif and the caption.
 * The HTML page, word/document.xml and (for one input in eight, by its
 * last byte) every XML part of the whole DOCX, read back from its zip,
 * must be valid UTF-8 without control characters (bar tab and line
 * breaks) or U+FFFE/U+FFFF, every '<' must open a tag, comment,
 * declaration or processing instruction, tags must close as they opened,
 * attribute values must be quoted, and every '&' must start an entity
 * (in XML only the five predefined ones or a character reference).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "document.h"
#include "export_docx.h"
#include "export_html.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PIECES		8
#define DEPTH_MAX	64
#define TEXT_MAX	4096

/* HTML elements that never close. */
static const char *const void_tags[] = { "meta", "col", "wbr", "br", "link",
	"img", "hr", "input" };

struct checker {
	const char *s;
	size_t	 i, len;
	bool	 xml;
	char	 stack[DEPTH_MAX][32];
	size_t	 depth;
};

static bool
is_void(const struct checker *c, const char *name)
{
	if (c->xml)
		return false;
	for (size_t k = 0; k < sizeof void_tags / sizeof void_tags[0]; k++)
		if (strcmp(name, void_tags[k]) == 0)
			return true;
	return false;
}

/* &amp; &lt; … or &#N; &#xH;, at c->s + c->i; advances past it. */
static void
entity(struct checker *c)
{
	static const char *const xml_names[] = { "amp", "lt", "gt", "quot",
		"apos" };
	const char *p = c->s + c->i + 1;
	size_t n;

	if (*p == '#') {
		p++;
		n = *p == 'x' ? 1 + strspn(p + 1, "0123456789abcdefABCDEF") :
		    strspn(p, "0123456789");
		if (n == 0 || (*p == 'x' && n == 1) || p[n] != ';')
			abort();
	} else {
		bool known = !c->xml;

		for (n = 0; isalnum((unsigned char)p[n]); n++)
			;
		if (n == 0 || p[n] != ';')
			abort();
		for (size_t k = 0; k < 5 && !known; k++)
			known = strlen(xml_names[k]) == n &&
			    strncmp(p, xml_names[k], n) == 0;
		if (!known)
			abort();
	}
	c->i = (size_t)(p + n + 1 - c->s);
}

/* Skip to just past the end marker, which must be there. */
static void
skip_past(struct checker *c, const char *end)
{
	const char *e = strstr(c->s + c->i, end);

	if (e == NULL)
		abort();
	c->i = (size_t)(e - c->s) + strlen(end);
}

/* name="value" pairs up to '>' or "/>"; returns whether self-closed. */
static bool
attributes(struct checker *c)
{
	for (;;) {
		while (isspace((unsigned char)c->s[c->i]))
			c->i++;
		if (c->s[c->i] == '>') {
			c->i++;
			return false;
		}
		if (c->s[c->i] == '/' && c->s[c->i + 1] == '>') {
			c->i += 2;
			return true;
		}
		if (!isalpha((unsigned char)c->s[c->i]))
			abort();
		while (isalnum((unsigned char)c->s[c->i]) ||
		    strchr(":-_", c->s[c->i]) != NULL)
			c->i++;
		if (c->s[c->i] != '=' || c->s[c->i + 1] != '"')
			abort();
		c->i += 2;
		while (c->s[c->i] != '"') {
			if (c->s[c->i] == '\0' || c->s[c->i] == '<')
				abort();
			if (c->s[c->i] == '&')
				entity(c);
			else
				c->i++;
		}
		c->i++;
	}
}

static void
open_tag(struct checker *c)
{
	size_t n = 0;
	char name[32];

	c->i++;
	while ((isalnum((unsigned char)c->s[c->i]) || c->s[c->i] == ':') &&
	    n < sizeof name - 1)
		name[n++] = (char)tolower((unsigned char)c->s[c->i++]);
	name[n] = '\0';
	if (n == 0 || isalnum((unsigned char)c->s[c->i]))
		abort();
	if (attributes(c) || is_void(c, name))
		return;
	if (c->depth == DEPTH_MAX)
		abort();
	/* A style sheet is not markup: only its end tag is looked for. */
	if (!c->xml && strcmp(name, "style") == 0) {
		skip_past(c, "</style>");
		return;
	}
	memcpy(c->stack[c->depth++], name, n + 1);
}

static void
close_tag(struct checker *c)
{
	size_t n = 0;
	char name[32];

	c->i += 2;
	while ((isalnum((unsigned char)c->s[c->i]) || c->s[c->i] == ':') &&
	    n < sizeof name - 1)
		name[n++] = (char)tolower((unsigned char)c->s[c->i++]);
	name[n] = '\0';
	if (c->s[c->i] != '>' || c->depth == 0 ||
	    strcmp(c->stack[--c->depth], name) != 0)
		abort();
	c->i++;
}

/* The characters markup may not hold. */
static void
check_characters(const char *s, size_t len, bool xml)
{
	if (!utf8_valid(s, len))
		abort();
	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)s[i];

		if ((b < 0x20 && b != '\n' && b != '\t' && b != '\r') ||
		    b == 0x7F)
			abort();
		if (xml && b == 0xEF && i + 2 < len &&
		    (unsigned char)s[i + 1] == 0xBF &&
		    ((unsigned char)s[i + 2] & 0xFE) == 0xBE)
			abort();
	}
}

static void
check_markup(const char *s, size_t len, bool xml)
{
	struct checker c = { .s = s, .len = len, .xml = xml };

	check_characters(s, len, xml);
	if (strlen(s) != len)
		abort();
	while (c.i < len) {
		if (strncmp(s + c.i, "<!--", 4) == 0)
			skip_past(&c, "-->");
		else if (strncmp(s + c.i, "<?", 2) == 0)
			skip_past(&c, "?>");
		else if (strncmp(s + c.i, "<!", 2) == 0)
			skip_past(&c, ">");
		else if (strncmp(s + c.i, "</", 2) == 0)
			close_tag(&c);
		else if (s[c.i] == '<')
			open_tag(&c);
		else if (s[c.i] == '&')
			entity(&c);
		else
			c.i++;
	}
	if (c.depth != 0)
		abort();
}

/* Every .xml and .rels part of the DOCX in out. */
static void
check_docx_parts(const struct buf *out)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;

	zip_error_init(&ze);
	src = zip_source_buffer_create(out->data, out->len, 0, &ze);
	if (src == NULL || (z = zip_open_from_source(src, ZIP_RDONLY,
	    &ze)) == NULL)
		abort();
	for (zip_int64_t k = 0; k < zip_get_num_entries(z, 0); k++) {
		zip_stat_t st;
		zip_file_t *f;
		char *part;

		if (zip_stat_index(z, (zip_uint64_t)k, 0, &st) != 0 ||
		    (f = zip_fopen_index(z, (zip_uint64_t)k, 0)) == NULL)
			abort();
		part = xmalloc(st.size + 1);
		if (zip_fread(f, part, st.size) != (zip_int64_t)st.size)
			abort();
		part[st.size] = '\0';
		zip_fclose(f);
		check_markup(part, st.size, true);
		free(part);
	}
	zip_close(z);
	zip_error_fini(&ze);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Escaping is per character: a long input only slows the layout. */
	char *text = xstrndup((const char *)data, size < TEXT_MAX ? size :
	    TEXT_MAX), *piece[PIECES];
	struct touchpoint *tp;
	struct document d;
	struct buf out;
	struct error err;
	struct list l;
	size_t k = 0;

	piece[k++] = text;
	for (char *p = text; *p != '\0' && k < PIECES; p++)
		if (*p == '\x1f') {
			*p = '\0';
			piece[k++] = p + 1;
		}
	while (k < PIECES)
		piece[k++] = (char *)"";
	list_init(&l);
	model_set(&l.hdr.title, piece[5]);
	tp = process_add_touchpoint(list_add_process(&l, piece[0]), piece[1]);
	touchpoint_add_need(tp, piece[2], 1);
	touchpoint_add_need(tp, piece[2], 2);
	model_set(&tp->specifics, piece[3]);
	touchpoint_add_contact(tp, CONTACT_OTHER, piece[4]);
	document_build(&d, &l, piece[6], piece[7]);
	buf_init(&out);
	export_html(&d, &out);
	check_markup(out.data, out.len, false);
	buf_reset(&out);
	export_docx_document_xml(&d, &out);
	check_markup(out.data, out.len, true);
	/* Zipping is slow: one input in eight also goes through the whole
	 * package, read back part by part. */
	buf_reset(&out);
	if (size > 0 && data[size - 1] % 8 == 0) {
		if (export_docx(&d, &out, &err) != 0)
			abort();
		check_docx_parts(&out);
	}
	buf_fini(&out);
	document_fini(&d);
	list_fini(&l);
	free(text);
	return 0;
}
