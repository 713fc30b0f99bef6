/*
 * fuzz_contact_find.c - the contacts written inside a touchpoint's name,
 * and the printed touchpoint cell, over arbitrary bytes.
 *
 * The input's first line is the name as a clerk wrote it; each further
 * line is one more contact typed into the contacts list.  Must hold:
 *   - contact_find gives spans inside the text, in order, not
 *     overlapping, each a URL, e-mail or phone, at most as many as asked;
 *   - each span is "written in" the text, and none is "unlisted" once the
 *     spans are the contacts;
 *   - a span taken out of the contacts is unlisted again (unless another
 *     contact has its canonical form);
 *   - the printed touchpoint cell (document_build) shows every contact
 *     exactly once: in the name, or on a line of its own, never both.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "document.h"
#include "import.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Names are short; a longer input only slows the search. */
#define NAME_MAX_BYTES	4096

static void
check_spans(const char *text, const struct contact_span *sp, size_t n,
    size_t max)
{
	size_t len = strlen(text), prev_end = 0;

	if (n > max)
		abort();
	for (size_t k = 0; k < n; k++) {
		if (sp[k].start >= sp[k].end || sp[k].end > len ||
		    sp[k].start < prev_end)
			abort();
		if (sp[k].type != CONTACT_URL && sp[k].type != CONTACT_EMAIL &&
		    sp[k].type != CONTACT_PHONE)
			abort();
		prev_end = sp[k].end;
	}
}

/* The spans as contacts (values owned by the caller: free_contacts). */
static struct contact *
spans_to_contacts(const char *text, const struct contact_span *sp, size_t n)
{
	struct contact *c = xcalloc(n + 1, sizeof *c);

	for (size_t k = 0; k < n; k++) {
		c[k].type = sp[k].type;
		c[k].value = xstrndup(text + sp[k].start,
		    sp[k].end - sp[k].start);
	}
	return c;
}

static void
free_contacts(struct contact *c, size_t n)
{
	for (size_t k = 0; k < n; k++)
		free(c[k].value);
	free(c);
}

/* Does another of c[0..n) than c[skip] have the canonical form of it? */
static bool
has_twin(const struct contact *c, size_t n, size_t skip)
{
	char *want = contact_canonical(c[skip].type, c[skip].value);
	bool twin = false;

	for (size_t k = 0; k < n && !twin; k++) {
		char *have = k != skip ?
		    contact_canonical(c[k].type, c[k].value) : NULL;

		twin = have != NULL && strcmp(have, want) == 0;
		free(have);
	}
	free(want);
	return twin;
}

static void
check_listing(const char *text, const struct contact_span *sp, size_t n)
{
	struct contact *c = spans_to_contacts(text, sp, n);
	char *left = contact_unlisted_in(text, c, n);

	if (left != NULL)
		abort();
	for (size_t k = 0; k < n; k++)
		if (!contact_written_in(text, &c[k]))
			abort();
	if (n > 0 && !has_twin(c, n, 0)) {
		/* The first span left out of the list is unlisted. */
		left = contact_unlisted_in(text, c + 1, n - 1);
		if (left == NULL)
			abort();
		free(left);
	}
	free_contacts(c, n);
}

/* Paragraphs of cell[1..) equal to value: contacts printed on a line of
 * their own. */
static size_t
own_lines(const struct strvec *cell, const char *value)
{
	size_t n = 0;

	for (size_t i = 1; i < cell->n; i++)
		n += strcmp(cell->v[i], value) == 0;
	return n;
}

/* Every contact once in the printed cell: in the name or on its line. */
static void
check_printed_cell(const char *name, const char *extra)
{
	const struct doc_table *t;
	struct document d;
	struct list l;
	struct touchpoint *tp;
	struct process *p;

	list_init(&l);
	p = list_add_process(&l, "П");
	tp = process_add_touchpoint(p, name);
	import_find_contacts(name, tp);
	for (const char *q = extra; *q != '\0';) {
		size_t n = strcspn(q, "\n");
		char *v = xstrndup(q, n);
		bool dup = v[0] == '\0';

		for (size_t i = 0; i < tp->ncontacts && !dup; i++)
			dup = strcmp(tp->contacts[i].value, v) == 0;
		if (!dup && tp->ncontacts < 64)
			touchpoint_add_contact(tp, contact_classify(v), v);
		free(v);
		q += n + (q[n] == '\n');
	}
	document_build(&d, &l, "", "");
	t = document_table(&d);
	if (t->nrows != 1 || t->rows[0].cells[2].paras.n == 0 ||
	    strcmp(t->rows[0].cells[2].paras.v[0], name) != 0)
		abort();
	for (size_t i = 0; i < tp->ncontacts; i++) {
		const struct contact *c = &tp->contacts[i];
		size_t shown = contact_written_in(name, c) +
		    own_lines(&t->rows[0].cells[2].paras, c->value);

		if (shown != 1)
			abort();
	}
	document_fini(&d);
	list_fini(&l);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct contact_span sp[CONTACT_FIND_MAX];
	char *text = xstrndup((const char *)data, size);
	char *nl = strchr(text, '\n');
	const char *extra = "";
	size_t n;

	if (nl != NULL) {
		*nl = '\0';
		extra = nl + 1;
	}
	if (strlen(text) > NAME_MAX_BYTES)
		text[NAME_MAX_BYTES] = '\0';
	/* A short buffer is filled, never overrun. */
	n = contact_find(text, sp, 2);
	check_spans(text, sp, n, 2);
	n = contact_find(text, sp, CONTACT_FIND_MAX);
	check_spans(text, sp, n, CONTACT_FIND_MAX);
	check_listing(text, sp, n);
	check_printed_cell(text, extra);
	free(text);
	return 0;
}
