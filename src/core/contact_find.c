/*
 * contact_find.c - contacts written inside free text: the site addresses,
 * e-mail addresses and phone numbers of a printed touchpoint name.
 */
#include "contact.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
		/* An address glued to a site found first stops at it. */
		while (start > 0 && email_local_char((unsigned char)s[start - 1])
		    && !covered(sp, start - 1))
			start--;
		while (end < len && email_domain_char((unsigned char)s[end]) &&
		    !covered(sp, end))
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
contact_find(const char *text, struct contact_span *out, size_t max)
{
	struct spans sp = { .n = 0 };

	find_urls(text, &sp);
	find_emails(text, &sp);
	find_phones(text, &sp);
	qsort(sp.v, sp.n, sizeof sp.v[0], span_cmp);
	for (size_t k = 0; k < sp.n && k < max; k++) {
		out[k].start = sp.v[k].start;
		out[k].end = sp.v[k].end;
		out[k].type = sp.v[k].type;
	}
	return sp.n < max ? sp.n : max;
}

/* The canonical form of text[span], or NULL for an empty one.  Caller
 * frees. */
static char *
span_canonical(const char *text, const struct contact_span *sp)
{
	char *value = xstrndup(text + sp->start, sp->end - sp->start);
	char *canon = contact_canonical(sp->type, value);

	free(value);
	return canon;
}

bool
contact_written_in(const char *text, const struct contact *c)
{
	struct contact_span sp[CONTACT_FIND_MAX];
	size_t n;
	char *want;
	bool found = false;

	if (strstr(text, c->value) != NULL)
		return true;
	n = contact_find(text, sp, CONTACT_FIND_MAX);
	if (n == 0)
		return false;
	want = contact_canonical(c->type, c->value);
	for (size_t k = 0; k < n && !found; k++) {
		char *have = span_canonical(text, &sp[k]);

		found = strcmp(have, want) == 0;
		free(have);
	}
	free(want);
	return found;
}

char *
contact_unlisted_in(const char *text, const struct contact *contacts,
    size_t ncontacts)
{
	struct contact_span sp[CONTACT_FIND_MAX];
	size_t n = contact_find(text, sp, CONTACT_FIND_MAX);

	for (size_t k = 0; k < n; k++) {
		char *have = span_canonical(text, &sp[k]);
		bool listed = false;

		for (size_t i = 0; i < ncontacts && !listed; i++) {
			char *canon = contact_canonical(contacts[i].type,
			    contacts[i].value);

			listed = strcmp(have, canon) == 0;
			free(canon);
		}
		free(have);
		if (!listed)
			return xstrndup(text + sp[k].start,
			    sp[k].end - sp[k].start);
	}
	return NULL;
}
