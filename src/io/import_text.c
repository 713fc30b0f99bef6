/*
 * import_text.c - the text of one imported cell: HTML left by conversion
 * removed, contacts found in touchpoint names.
 */
#include "import_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "contact.h"
#include "utf8.h"

/* Tags that end a paragraph in text converted from HTML or Word. */
static const char *const break_tags[] = {
	"p", "/p", "br", "br/", "div", "/div", "li", "/li", "tr", "/tr",
};

/* If s starts an HTML tag, return its length and whether it breaks a line. */
static size_t
html_tag(const char *s, int *is_break)
{
	char name[16];
	size_t i = 1, n = 0;

	if (s[0] != '<')
		return 0;
	if (s[i] == '/')
		name[n++] = s[i++];
	if (!isalpha((unsigned char)s[i]))
		return 0;
	while (isalnum((unsigned char)s[i]) && n < sizeof name - 2)
		name[n++] = (char)tolower((unsigned char)s[i++]);
	/* Attributes, up to the closing bracket, on one short stretch. */
	while (s[i] != '\0' && s[i] != '>' && s[i] != '<' && i < 200) {
		if (s[i] == '/' && s[i + 1] == '>')
			name[n++] = '/';
		i++;
	}
	if (s[i] != '>')
		return 0;
	name[n] = '\0';
	*is_break = 0;
	for (size_t k = 0; k < sizeof break_tags / sizeof break_tags[0]; k++)
		if (strcmp(name, break_tags[k]) == 0)
			*is_break = 1;
	return i + 1;
}

struct entity {
	const char *name;
	const char *text;
};

static const struct entity entities[] = {
	{ "&nbsp;", " " }, { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
	{ "&quot;", "\"" }, { "&laquo;", "«" }, { "&raquo;", "»" },
	{ "&ndash;", "–" }, { "&mdash;", "—" }, { "&#171;", "«" },
	{ "&#187;", "»" },
};

static size_t
html_entity(const char *s, const char **text)
{
	for (size_t k = 0; k < sizeof entities / sizeof entities[0]; k++) {
		size_t n = strlen(entities[k].name);

		if (strncmp(s, entities[k].name, n) == 0) {
			*text = entities[k].text;
			return n;
		}
	}
	return 0;
}

char *
import_clean_cell(const char *s, int *had_html)
{
	struct buf b;
	char *out;

	*had_html = 0;
	buf_init(&b);
	while (*s != '\0') {
		const char *text;
		int is_break;
		size_t n;

		if ((n = html_tag(s, &is_break)) > 0) {
			*had_html = 1;
			buf_putc(&b, is_break ? '\n' : ' ');
			s += n;
		} else if (*s == '&' && (n = html_entity(s, &text)) > 0) {
			*had_html = 1;
			buf_puts(&b, text);
			s += n;
		} else if (strncmp(s, "\xC2\xA0", 2) == 0) {	/* NBSP */
			buf_putc(&b, ' ');
			s += 2;
		} else if (strncmp(s, "\xC2\xAD", 2) == 0) {	/* soft hyphen */
			s += 2;
		} else {
			buf_putc(&b, *s++);
		}
	}
	out = utf8_squeeze(b.data);
	buf_fini(&b);
	return out;
}

size_t
import_find_contacts(const char *cell, struct touchpoint *tp)
{
	struct contact_span sp[CONTACT_FIND_MAX];
	size_t n = contact_find(cell, sp, CONTACT_FIND_MAX);

	for (size_t k = 0; k < n; k++) {
		char *value = xstrndup(cell + sp[k].start,
		    sp[k].end - sp[k].start);
		char *clean = utf8_squeeze(value);

		import_add_contact(tp, sp[k].type, clean);
		free(clean);
		free(value);
	}
	return n;
}

void
import_add_contact(struct touchpoint *tp, enum contact_type type,
    const char *value)
{
	for (size_t i = 0; i < tp->ncontacts; i++)
		if (strcmp(tp->contacts[i].value, value) == 0)
			return;
	touchpoint_add_contact(tp, type, value);
}
