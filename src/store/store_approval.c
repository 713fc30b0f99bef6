/* store_approval.c - what holds the approval of the list back (п. 2.2),
 * and the header of a revision approved without it. */
#include "store_int.h"
#include "store_chain.h"
#include "store_tx.h"
#include "store_approval.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "approval.h"
#include "buf.h"
#include "catalog.h"
#include "model.h"
#include "store_ack.h"
#include "store_review.h"
#include "store_users.h"
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

/* "процесс 1: …" / "точка 1.2: …" for finding fi; caller frees. */
static char *
store_approval_finding_line(const struct finding *fi)
{
	if (fi->tp == FINDING_NONE)
		return xasprintf("процесс %zu: %s", fi->proc + 1, fi->message);
	return xasprintf("точка %zu.%zu: %s", fi->proc + 1, fi->tp + 1,
	    fi->message);
}

/* The gate's count of errors, walked a process at a time. */
struct store_approval_walk {
	const struct catalog *cat;
	const struct acks *acks;
	struct store_approval_gate *g;
	struct findings f;	/* of the process being counted */
	size_t	 empty;		/* R1 errors */
	char	*first_empty;	/* the first of them */
};

static int
store_approval_count(void *ctx, const struct process *p, size_t index,
    struct error *err)
{
	struct store_approval_walk *w = ctx;

	(void)err;
	validate_list_process(p, index, w->cat, &w->f);
	findings_apply_acks(&w->f, w->acks);
	for (size_t i = 0; i < w->f.n; i++) {
		const struct finding *fi = &w->f.v[i];

		if (fi->level != LEVEL_ERROR)
			continue;
		if (fi->rule == RULE_R1 && w->empty++ == 0)
			w->first_empty = store_approval_finding_line(fi);
		if (w->g->errors++ >= STORE_APPROVAL_NAMED_MAX)
			continue;
		strvec_push_owned(&w->g->named_errors,
		    store_approval_finding_line(fi));
	}
	findings_reset(&w->f);
	return 0;
}

/* store_list_each_process's step: the same count. */
static int
store_approval_process(void *ctx, struct process *p, size_t index,
    struct error *err)
{
	return store_approval_count(ctx, p, index, err);
}

/*
 * An R1 error is content the annex would print empty (a process with no
 * touchpoint, a need with no wording, a touchpoint with no name or
 * channel): no confirmation signs that, so the first of them refuses the
 * gate outright, as an incomplete header does.
 */
static int
store_approval_refuse_empty(const struct store_approval_walk *w,
    struct error *err)
{
	char more[64] = "";

	if (w->empty == 0)
		return 0;
	if (w->empty > 1)
		snprintf(more, sizeof more, " (и ещё таких ошибок: %zu)",
		    w->empty - 1);
	return error_set(err, "%s%s — в приложении к приказу была бы "
	    "пустая строка или ячейка (п. 2.1): утвердить так нельзя "
	    "ни с каким подтверждением; исправьте (perechen check)",
	    w->first_empty, more);
}

/*
 * The errors of the rules in the list (acknowledgements applied): all
 * counted, the first named; and the touchpoints changed since the last
 * revision and not accepted into m.  One read of the working copy: the
 * review's walk hands each process to the count on its way, and only
 * before the first revision, with no walk, is the list read for the
 * count alone.
 */
static int
store_approval_errors(struct store *s, const struct catalog *cat,
    struct store_approval_gate *g, struct review_marks *m,
    struct error *err)
{
	struct store_approval_walk w;
	struct acks acks;
	bool walked = false;
	int rc;

	memset(&w, 0, sizeof w);
	w.cat = cat;
	w.acks = &acks;
	w.g = g;
	findings_init(&w.f);
	/* Only errors hold approval back: a hint is not even worded. */
	w.f.errors_only = true;
	acks_init(&acks);
	rc = store_ack_list(s, &acks, err);
	if (rc == 0)
		rc = store_review_unaccepted_walk(s, cat, m,
		    store_approval_count, &w, &walked, err);
	if (rc == 0 && !walked)
		rc = store_list_each_process(s, 0, store_approval_process, &w,
		    err);
	if (rc == 0)
		rc = store_approval_refuse_empty(&w, err);
	free(w.first_empty);
	acks_fini(&acks);
	findings_fini(&w.f);
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
		rc = store_approval_errors(s, &cat, g, &m, err);
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

/* The frozen header of revision rev into h; -1 with err if there is no
 * such revision. */
static int
rev_header_load(struct store *s, int64_t rev, struct list_header *h,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, &st, "SELECT org, org_genitive, title FROM "
	    "rev_header WHERE revision_id = ?", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, rev);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		model_set(&h->org, (const char *)sqlite3_column_text(st, 0));
		model_set(&h->org_genitive,
		    (const char *)sqlite3_column_text(st, 1));
		model_set(&h->title, (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return error_set(err, "редакции %lld нет", (long long)rev);
	return store_fail(s, "чтение редакции", err);
}

/* The revision's header fields to fill from now's: those it lacks and
 * now has; the genitive only for the same body. */
static unsigned
rev_header_fillable(const struct list_header *frozen,
    const struct list_header *now)
{
	unsigned lacks = list_header_missing(frozen);
	unsigned has = ~list_header_missing(now);
	unsigned fill = lacks & has;

	if ((fill & HEADER_ORG_GENITIVE) && !(fill & HEADER_ORG) &&
	    strcmp(frozen->org, now->org) != 0)
		fill &= ~(unsigned)HEADER_ORG_GENITIVE;
	return fill;
}

/* Fill the fields of fill from now into revision rev (one statement),
 * logging each. */
static int
rev_header_write(struct store *s, int64_t rev, unsigned fill,
    const struct list_header *now, const struct actor *who,
    struct error *err)
{
	static const struct {
		unsigned part;
		const char *what;
	} fields[] = {
		{ HEADER_ORG, "орган" },
		{ HEADER_ORG_GENITIVE, "орган в родительном падеже" },
		{ HEADER_TITLE, "заглавие" },
	};
	const char *values[] = { now->org, now->org_genitive, now->title };
	struct changes log;
	sqlite3_stmt *st;
	char *label;
	int rc;

	if (store_prepare(s, &st, "UPDATE rev_header SET "
	    "org = CASE WHEN ?2 THEN ?3 ELSE org END, "
	    "org_genitive = CASE WHEN ?4 THEN ?5 ELSE org_genitive END, "
	    "title = CASE WHEN ?6 THEN ?7 ELSE title END "
	    "WHERE revision_id = ?1", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, rev);
	changes_init(&log);
	label = xasprintf("заголовок редакции %lld", (long long)rev);
	for (int i = 0; i < 3; i++) {
		bool set = (fill & fields[i].part) != 0;

		sqlite3_bind_int(st, 2 + 2 * i, set);
		store_bind_text(st, 3 + 2 * i, values[i]);
		if (set)
			changes_add(&log, "перечень", rev, 0, label,
			    fields[i].what, "", values[i], TRIGGER_EDIT);
	}
	rc = store_step_done(s, st, "дополнение заголовка редакции", err);
	if (rc == 0)
		rc = store_log_changes(s, &log, who, err);
	free(label);
	changes_fini(&log);
	return rc;
}

/* Refuse to reseal a revision changed outside the program. */
static int
revision_unchanged(struct store *s, int64_t rev, struct error *err)
{
	bool intact;

	if (store_chain_revision_intact(s, rev, &intact, err) != 0)
		return -1;
	if (!intact)
		return error_set(err, "редакция %lld изменена вне программы: "
		    "её заголовок не дополняется (perechen verify)",
		    (long long)rev);
	return 0;
}

int
store_revision_complete_header(struct store *s, int64_t rev,
    const struct actor *who, unsigned *filled, struct error *err)
{
	struct store_tx tx;
	struct list_header frozen, now;
	int rc;

	*filled = 0;
	if (store_tx_begin(&tx, s, who, POLICY_APPROVE, err) != 0)
		return -1;
	list_header_init(&frozen);
	list_header_init(&now);
	rc = rev_header_load(s, rev, &frozen, err);
	if (rc == 0)
		rc = store_get_header(s, &now, err);
	if (rc == 0 && list_header_missing(&frozen) == 0)
		rc = error_set(err, "заголовок редакции %lld заполнен: дополнять "
		    "нечего", (long long)rev);
	if (rc == 0 && (*filled = rev_header_fillable(&frozen, &now)) == 0)
		rc = error_set(err, "в заголовке перечня нет того, чего не "
		    "хватает редакции %lld; %s", (long long)rev,
		    approval_check_header(&now, NULL) != 0 ? "сначала "
		    "заполните его: perechen init" : "родительный падеж "
		    "органа берётся, только пока орган тот же");
	if (rc == 0)
		rc = revision_unchanged(s, rev, err);
	if (rc == 0)
		rc = rev_header_write(s, rev, *filled, &now, who, err);
	if (rc == 0)
		rc = store_chain_seal_revision(s, rev, err);
	list_header_fini(&frozen);
	list_header_fini(&now);
	if (rc == 0 && store_commit(s, err) == 0)
		return 0;
	store_rollback(s);
	*filled = 0;
	return -1;
}
