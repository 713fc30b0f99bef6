/* catalog.c - touchpoint kinds and need categories. */
#include "catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#define MAX_FIELDS 10

void
catalog_init(struct catalog *c)
{
	memset(c, 0, sizeof *c);
}

static void
kind_fini(struct kind *k)
{
	free(k->code);
	free(k->name);
	free(k->clause);
	strvec_fini(&k->patterns);
}

void
catalog_fini(struct catalog *c)
{
	for (size_t i = 0; i < c->nkinds; i++)
		kind_fini(&c->kinds[i]);
	free(c->kinds);
	for (size_t i = 0; i < c->ncats; i++) {
		free(c->cats[i].clause);
		free(c->cats[i].title);
		strvec_fini(&c->cats[i].patterns);
	}
	memset(c, 0, sizeof *c);
}

/* Split the comma-separated fragments of s, folded, into sv. */
static void
split_patterns(const char *s, struct strvec *sv)
{
	while (s != NULL && *s != '\0') {
		const char *comma = strchr(s, ',');
		size_t n = comma != NULL ? (size_t)(comma - s) : strlen(s);

		if (n > 0) {
			char *raw = xstrndup(s, n);
			char *trimmed = utf8_squeeze(raw);

			if (*trimmed != '\0')
				strvec_push_owned(sv, utf8_casefold(trimmed));
			free(trimmed);
			free(raw);
		}
		s = comma != NULL ? comma + 1 : NULL;
	}
}

/*
 * Split one line into tab-separated fields in place.  Returns the number of
 * fields (at most MAX_FIELDS).
 */
static size_t
split_tabs(char *line, char **fields)
{
	size_t n = 0;

	fields[n++] = line;
	for (char *p = line; *p != '\0' && n < MAX_FIELDS; p++) {
		if (*p == '\t') {
			*p = '\0';
			fields[n++] = p + 1;
		}
	}
	return n;
}

/* Call fn for every non-comment, non-blank line of text. */
static int
each_line(const char *text, const char *origin, struct catalog *c,
    int (*fn)(struct catalog *, char **, size_t, struct error *),
    struct error *err)
{
	const char *p = text;
	size_t lineno = 0;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, n), *fields[MAX_FIELDS];
		int rc = 0;

		lineno++;
		if (n > 0 && line[n - 1] == '\r')
			line[n - 1] = '\0';
		if (line[0] != '#' && line[0] != '\0')
			rc = fn(c, fields, split_tabs(line, fields), err);
		free(line);
		if (rc != 0) {
			error_prefix(err, "%s, строка %zu", origin, lineno);
			return -1;
		}
		p += n;
		if (*p == '\n')
			p++;
	}
	return 0;
}

static int
parse_flag(const char *s, bool *out, struct error *err)
{
	if (strcmp(s, "0") == 0 || strcmp(s, "1") == 0) {
		*out = s[0] == '1';
		return 0;
	}
	return error_set(err, "ожидалось 0 или 1, а не «%s»", s);
}

struct kind *
catalog_add_kind(struct catalog *c, const char *code, const char *name,
    enum channel channel, const char *clause, bool key_default, bool written,
    bool phone, bool custom, const char *patterns)
{
	struct kind *k;

	c->kinds = xreallocarray(c->kinds, c->nkinds + 1, sizeof *c->kinds);
	k = &c->kinds[c->nkinds++];
	k->code = xstrdup(code);
	k->name = xstrdup(name);
	k->channel = channel;
	k->clause = xstrdup(clause);
	k->key_default = key_default;
	k->written = written;
	k->phone = phone;
	k->custom = custom;
	strvec_init(&k->patterns);
	split_patterns(patterns, &k->patterns);
	return k;
}

static int
kind_line(struct catalog *c, char **f, size_t n, struct error *err)
{
	enum channel ch;
	bool key = false, written = false, phone = false;

	if (n < 7)
		return error_set(err, "в строке каталога видов точек нужно "
		    "не меньше 7 полей, а их %zu", n);
	if (strcmp(f[2], "digital") == 0)
		ch = CHANNEL_DIGITAL;
	else if (strcmp(f[2], "offline") == 0)
		ch = CHANNEL_OFFLINE;
	else
		return error_set(err, "тип канала «%s»: ожидалось digital или "
		    "offline", f[2]);
	if (parse_flag(f[4], &key, err) != 0 ||
	    parse_flag(f[5], &written, err) != 0 ||
	    parse_flag(f[6], &phone, err) != 0)
		return -1;
	if (catalog_find_kind(c, f[0]) != NULL)
		return error_set(err, "вид точки «%s» указан дважды", f[0]);
	catalog_add_kind(c, f[0], f[1], ch, f[3], key, written, phone, false,
	    n > 7 ? f[7] : "");
	return 0;
}

static int
need_line(struct catalog *c, char **f, size_t n, struct error *err)
{
	struct need_category *nc;
	int code;

	if (n < 3)
		return error_set(err, "в строке каталога потребностей нужно "
		    "не меньше 3 полей, а их %zu", n);
	if (strlen(f[0]) != 1 || f[0][0] < '1' || f[0][0] > '9')
		return error_set(err, "код потребности «%s»: ожидалась цифра 1-9",
		    f[0]);
	code = f[0][0] - '0';
	if (catalog_need_title(c, code) != NULL)
		return error_set(err, "потребность %d указана дважды", code);
	nc = &c->cats[c->ncats++];
	nc->code = code;
	nc->clause = xstrdup(f[1]);
	nc->title = xstrdup(f[2]);
	strvec_init(&nc->patterns);
	split_patterns(n > 3 ? f[3] : "", &nc->patterns);
	return 0;
}

int
catalog_parse_kinds(struct catalog *c, const char *text, const char *origin,
    struct error *err)
{
	return each_line(text, origin, c, kind_line, err);
}

int
catalog_parse_needs(struct catalog *c, const char *text, const char *origin,
    struct error *err)
{
	return each_line(text, origin, c, need_line, err);
}

const struct kind *
catalog_find_kind(const struct catalog *c, const char *code)
{
	for (size_t i = 0; i < c->nkinds; i++)
		if (strcmp(c->kinds[i].code, code) == 0)
			return &c->kinds[i];
	return NULL;
}

/* Rank of a clause «4.a.b» as a*1000+b; kinds outside п. 4 rank last. */
static long
clause_rank(const char *clause)
{
	unsigned a, b;

	if (sscanf(clause, "4.%u.%u", &a, &b) != 2 || a > 9 || b > 999)
		return 100000;
	return (long)a * 1000 + (long)b;
}

void
catalog_kind_order(const struct catalog *c, size_t *order)
{
	/* Insertion sort: stable, so equal ranks keep file order. */
	for (size_t i = 0; i < c->nkinds; i++) {
		size_t j = i;
		long r = clause_rank(c->kinds[i].clause);

		while (j > 0 && clause_rank(c->kinds[order[j - 1]].clause) > r) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
}

const struct kind *
catalog_guess_kind(const struct catalog *c, const char *text)
{
	char *folded = utf8_casefold(text);
	const struct kind *found = NULL;

	for (size_t i = 0; i < c->nkinds && found == NULL; i++)
		for (size_t j = 0; j < c->kinds[i].patterns.n; j++)
			if (strstr(folded, c->kinds[i].patterns.v[j]) != NULL) {
				found = &c->kinds[i];
				break;
			}
	free(folded);
	return found;
}

enum audience
catalog_guess_audience(const char *text)
{
	static const char stem[] = "внутренн", noun[] = "клиент";
	char *folded = utf8_casefold(text);
	enum audience a = AUDIENCE_EXTERNAL;

	for (const char *p = strstr(folded, stem); p != NULL && a ==
	    AUDIENCE_EXTERNAL; p = strstr(p + 1, stem)) {
		const char *q = p + strlen(stem);

		/* Past the adjective's ending to the word it qualifies. */
		while (*q != '\0' && *q != ' ')
			q++;
		while (*q == ' ')
			q++;
		if (strncmp(q, noun, strlen(noun)) == 0)
			a = AUDIENCE_INTERNAL;
	}
	free(folded);
	return a;
}

int
catalog_guess_need(const struct catalog *c, const char *wording)
{
	char *folded = utf8_casefold(wording);
	const char *best = NULL;
	size_t bestlen = 0;
	int code = 0;

	/* The earliest fragment wins; at the same place, the longer one. */
	for (size_t i = 0; i < c->ncats; i++)
		for (size_t j = 0; j < c->cats[i].patterns.n; j++) {
			const char *pat = c->cats[i].patterns.v[j];
			const char *at = strstr(folded, pat);

			if (at == NULL)
				continue;
			if (best == NULL || at < best ||
			    (at == best && strlen(pat) > bestlen)) {
				best = at;
				bestlen = strlen(pat);
				code = c->cats[i].code;
			}
		}
	free(folded);
	return code;
}

const char *
catalog_need_title(const struct catalog *c, int code)
{
	for (size_t i = 0; i < c->ncats; i++)
		if (c->cats[i].code == code)
			return c->cats[i].title;
	return NULL;
}
