/* store_approval.c - what holds the approval of the list back (п. 2.2). */
#include "store_approval.h"

#include <stdlib.h>
#include <string.h>

#include "approval.h"
#include "buf.h"
#include "catalog.h"
#include "model.h"
#include "store_ack.h"
#include "store_review.h"
#include "validate.h"

void
store_approval_gate_init(struct store_approval_gate *g)
{
	memset(g, 0, sizeof *g);
	strvec_init(&g->named_errors);
	strvec_init(&g->unaccepted);
}

void
store_approval_gate_fini(struct store_approval_gate *g)
{
	strvec_fini(&g->named_errors);
	strvec_fini(&g->unaccepted);
	memset(g, 0, sizeof *g);
}

/* The errors of the rules in the list (acknowledgements applied): all
 * counted, the first named. */
static int
store_approval_errors(struct store *s, const struct catalog *cat,
    struct store_approval_gate *g, struct error *err)
{
	struct findings f;
	struct acks acks;
	struct list l;
	int rc;

	list_init(&l);
	findings_init(&f);
	acks_init(&acks);
	rc = store_load_list(s, &l, err);
	if (rc == 0)
		rc = store_ack_list(s, &acks, err);
	if (rc == 0) {
		validate_list(&l, cat, &f);
		findings_apply_acks(&f, &acks);
	}
	for (size_t i = 0; rc == 0 && i < f.n; i++) {
		const struct finding *fi = &f.v[i];

		if (fi->level != LEVEL_ERROR)
			continue;
		if (g->errors++ >= STORE_APPROVAL_NAMED_MAX)
			continue;
		if (fi->tp == FINDING_NONE)
			strvec_push_owned(&g->named_errors, xasprintf("процесс "
			    "%zu: %s", fi->proc + 1, fi->message));
		else
			strvec_push_owned(&g->named_errors, xasprintf("точка "
			    "%zu.%zu: %s", fi->proc + 1, fi->tp + 1,
			    fi->message));
	}
	acks_fini(&acks);
	findings_fini(&f);
	list_fini(&l);
	return rc;
}

/* "точка 2.3 «Почта России» изменена и не принята при проверке" (or
 * returned for rework, with the comment); caller frees. */
static char *
store_approval_unaccepted_line(const struct review_mark *m)
{
	const char *sp = strchr(m->label, ' ');
	int nlen = sp != NULL ? (int)(sp - m->label) : (int)strlen(m->label);
	const char *name = sp != NULL ? sp + 1 : "";

	if (m->verdict == VERDICT_RETURNED)
		return xasprintf("точка %.*s «%s» изменена и возвращена на "
		    "доработку: %s", nlen, m->label, name, m->comment);
	return xasprintf("точка %.*s «%s» изменена и не принята при проверке",
	    nlen, m->label, name);
}

int
store_approval_header(struct store *s, struct error *err)
{
	struct list_header h;
	int rc;

	list_header_init(&h);
	rc = store_get_header(s, &h, err);
	if (rc == 0)
		rc = approval_check_header(&h, err);
	list_header_fini(&h);
	return rc;
}

int
store_approval_gate(struct store *s, struct store_approval_gate *g,
    struct error *err)
{
	struct review_marks m = { 0 };
	struct catalog cat;
	int rc;

	store_approval_gate_fini(g);
	store_approval_gate_init(g);
	catalog_init(&cat);
	rc = store_approval_header(s, err);
	if (rc == 0)
		rc = store_read_catalog(s, &cat, err);
	if (rc == 0)
		rc = store_approval_errors(s, &cat, g, err);
	if (rc == 0)
		rc = store_review_unaccepted(s, &cat, &m, err);
	for (size_t i = 0; rc == 0 && i < m.n; i++)
		strvec_push_owned(&g->unaccepted,
		    store_approval_unaccepted_line(&m.v[i]));
	review_marks_fini(&m);
	catalog_fini(&cat);
	return rc;
}

char *
store_approval_note(const struct store_approval_gate *g)
{
	struct buf what;
	char *note;

	if (g->errors == 0 && g->unaccepted.n == 0)
		return NULL;
	buf_init(&what);
	if (g->errors > 0)
		buf_printf(&what, "ошибок по правилам Порядка: %zu", g->errors);
	for (size_t i = 0; i < g->unaccepted.n; i++)
		buf_printf(&what, "%s%s", what.len > 0 ? "; " : "",
		    g->unaccepted.v[i]);
	note = xasprintf("уполномоченное лицо подтвердило утверждение: %s",
	    what.data);
	buf_fini(&what);
	return note;
}
