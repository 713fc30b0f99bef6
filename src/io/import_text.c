/*
 * import_text.c - the text of one imported cell: HTML left by conversion
 * removed, contacts found in touchpoint names.
 */
#include "import_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
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

/* Kinds of contact token, found in this order so that an e-mail's domain
 * is not read as a URL, nor digits inside a URL as a phone. */
struct span {
	size_t start, end;
	enum contact_type type;
};

struct spans {
	struct span v[32];
	size_t n;
};

static int
covered(const struct spans *sp, size_t i)
{
	for (size_t k = 0; k < sp->n; k++)
		if (i >= sp->v[k].start && i < sp->v[k].end)
			return 1;
	return 0;
}

static void
add_span(struct spans *sp, size_t start, size_t end, enum contact_type t)
{
	if (sp->n < sizeof sp->v / sizeof sp->v[0] && end > start)
		sp->v[sp->n++] = (struct span){ start, end, t };
}

static int
url_char(const char *s, size_t i, int *parens)
{
	unsigned char c = (unsigned char)s[i];

	if (c <= ' ' || c == ';' || c == '<' || c == '>' || c == '"')
		return 0;
	if (strncmp(s + i, "«", 2) == 0 || strncmp(s + i, "»", 2) == 0)
		return 0;
	if (c == ',' && (s[i + 1] == ' ' || s[i + 1] == '\0'))
		return 0;
	if (c == '(')
		(*parens)++;
	if (c == ')' && (*parens)-- <= 0)
		return 0;
	return 1;
}

static void
find_urls(const char *s, struct spans *sp)
{
	size_t len = strlen(s);

	for (size_t i = 0; i < len; i++) {
		int parens = 0;
		size_t end;

		if (strncasecmp(s + i, "http://", 7) != 0 &&
		    strncasecmp(s + i, "https://", 8) != 0 &&
		    strncasecmp(s + i, "www.", 4) != 0)
			continue;
		if (i > 0 && isalnum((unsigned char)s[i - 1]))
			continue;
		for (end = i; end < len && url_char(s, end, &parens); end++)
			;
		while (end > i && strchr(".,:", s[end - 1]) != NULL)
			end--;
		add_span(sp, i, end, CONTACT_URL);
		i = end;
	}
}

static int
email_local_char(unsigned char c)
{
	return isalnum(c) || strchr("._%+-", c) != NULL;
}

static int
email_domain_char(unsigned char c)
{
	return isalnum(c) || c == '.' || c == '-' || c >= 0x80;
}

static void
find_emails(const char *s, struct spans *sp)
{
	size_t len = strlen(s);

	for (size_t at = 0; at < len; at++) {
		size_t start = at, end = at + 1;
		const char *dot;

		if (s[at] != '@' || covered(sp, at))
			continue;
		while (start > 0 && email_local_char((unsigned char)s[start - 1]))
			start--;
		while (end < len && email_domain_char((unsigned char)s[end]))
			end++;
		while (end > at + 1 && (s[end - 1] == '.' || s[end - 1] == '-'))
			end--;
		dot = memchr(s + at, '.', end - at);
		if (start == at || dot == NULL || dot == s + at + 1)
			continue;
		add_span(sp, start, end, CONTACT_EMAIL);
		at = end;
	}
}

static void
find_phones(const char *s, struct spans *sp)
{
	size_t len = strlen(s);

	for (size_t i = 0; i < len; i++) {
		size_t end = i, digits = 0, last_digit = i;

		if (covered(sp, i))
			continue;
		if (!(s[i] == '+' && isdigit((unsigned char)s[i + 1])) &&
		    !isdigit((unsigned char)s[i]))
			continue;
		if (i > 0 && (isalnum((unsigned char)s[i - 1]) ||
		    (unsigned char)s[i - 1] >= 0x80 || s[i - 1] == '/' ||
		    s[i - 1] == '.'))
			continue;
		if (s[end] == '+')
			end++;
		for (; end < len && !covered(sp, end); end++) {
			if (isdigit((unsigned char)s[end])) {
				/* An 11-digit number is whole: what follows is
				 * another one. */
				if (digits == 11)
					break;
				digits++;
				last_digit = end;
			} else if (strchr(" ()-", s[end]) == NULL) {
				break;
			}
		}
		if (digits >= 6 && digits <= 11) {
			add_span(sp, i, last_digit + 1, CONTACT_PHONE);
			i = last_digit;
		} else {
			i = end > i ? end - 1 : i;
		}
	}
}

static int
span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

size_t
import_find_contacts(const char *cell, struct touchpoint *tp)
{
	struct spans sp = { .n = 0 };

	find_urls(cell, &sp);
	find_emails(cell, &sp);
	find_phones(cell, &sp);
	qsort(sp.v, sp.n, sizeof sp.v[0], span_cmp);
	for (size_t k = 0; k < sp.n; k++) {
		char *value = xstrndup(cell + sp.v[k].start,
		    sp.v[k].end - sp.v[k].start);
		char *clean = utf8_squeeze(value);

		import_add_contact(tp, sp.v[k].type, clean);
		free(clean);
		free(value);
	}
	return sp.n;
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
