/*
 * import_text.c - the text of one imported cell: the paragraph markup
 * Word's conversion leaves repaired, contacts found in touchpoint names.
 */
#include "import_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "contact.h"
#include "utf8.h"

/*
 * The only markup repaired: the paragraph and line-break tags Word's
 * conversion leaves in a cell ("<p>первая</p> <p>вторая</p>").  Any other
 * tag or entity may be what the clerk wrote (our own CSV export carries
 * "<b>x</b> &amp;" as typed), so it comes back byte for byte.
 */
static const char *const break_tags[] = { "p", "/p", "br", "br/" };

/* If s starts a paragraph or line-break tag, its length; else 0. */
static size_t
break_tag(const char *s)
{
	char name[8];
	size_t i = 1, n = 0;

	if (s[0] != '<')
		return 0;
	if (s[i] == '/')
		name[n++] = s[i++];
	while (isalpha((unsigned char)s[i]) && n < sizeof name - 2)
		name[n++] = (char)tolower((unsigned char)s[i++]);
	/* The name ends where HTML ends it: "<br-нет>" is text. */
	if (strchr(" \t\n/>", s[i]) == NULL || s[i] == '\0')
		return 0;
	/* Attributes, up to the closing bracket, on one short stretch. */
	while (s[i] != '\0' && s[i] != '>' && s[i] != '<' && i < 200) {
		if (s[i] == '/' && s[i + 1] == '>')
			name[n++] = '/';
		i++;
	}
	if (s[i] != '>')
		return 0;
	name[n] = '\0';
	for (size_t k = 0; k < sizeof break_tags / sizeof break_tags[0]; k++)
		if (strcmp(name, break_tags[k]) == 0)
			return i + 1;
	return 0;
}

static int
has_break_tag(const char *s)
{
	for (s = strchr(s, '<'); s != NULL; s = strchr(s + 1, '<'))
		if (break_tag(s) > 0)
			return 1;
	return 0;
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

/* One step of cleaning at s into b; returns the bytes consumed.  Tags and
 * entities only in a cell Word converted (markup). */
static size_t
clean_step(const char *s, int markup, struct buf *b)
{
	const char *text;
	size_t n;

	if (markup && (n = break_tag(s)) > 0) {
		buf_putc(b, '\n');
		return n;
	}
	if (markup && *s == '&' && (n = html_entity(s, &text)) > 0) {
		buf_puts(b, text);
		return n;
	}
	if (strncmp(s, "\xC2\xA0", 2) == 0) {	/* NBSP */
		buf_putc(b, ' ');
		return 2;
	}
	if (strncmp(s, "\xC2\xAD", 2) == 0)	/* soft hyphen */
		return 2;
	buf_putc(b, *s);
	return 1;
}

char *
import_clean_cell(const char *s, int *had_html)
{
	struct buf b;
	char *out;

	*had_html = has_break_tag(s);
	buf_init(&b);
	while (*s != '\0')
		s += clean_step(s, *had_html, &b);
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
