/*
 * approve.c - approving the list from the editor (п. 5.1): a dialog asks
 * the order's number and date; the same checks as "perechen approve"
 * (approval.h, store_approval.h: errors of the rules and changes no
 * review accepted hold it back until the authorised person confirms, and
 * the confirmation is logged) and the same store call freeze the list
 * into a new revision; the message line tells the deadline for the
 * website (п. 5.4).
 */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "approval.h"
#include "policy.h"
#include "store_approval.h"
#include "store_history.h"
#include "utf8.h"

#define APPROVE_FIELD_MAX 200

/* The dialog's state: the fields and what to say under them. */
struct approve_form {
	struct fields fs;
	/* The order's number, its date and, once a revision exists, what
	 * the order does (approve_kinds). */
	struct buf field[3];
	/* What holds approval back was shown: Enter approves despite it. */
	bool	 confirming;
	bool	 confirmed;	/* the approval was made so */
	/* What the clerk is asked to confirm, as the change log words it
	 * (store_approval_note): the approval refuses a confirmation of
	 * another gate than the one shown. */
	char	*seen_note;
};

/* The fields' labels, in their order on the screen. */
static const char *const approve_labels[3] = {
	"Номер приказа:", "Дата приказа:", "Приказ:"
};

/* What the order does: amends the list (the default once a revision
 * exists) or approves it anew; the grifs cite the latest approving one. */
static const char *const approve_kinds[2] = {
	"вносит изменения в перечень", "утверждает перечень заново"
};

/* The whole dialog, its bottom line saying what Enter does now. */
static void
approve_draw(struct approve_form *f)
{
	f->fs.keys = f->confirming ?
	    "Enter — утвердить всё равно  Esc — отмена" : f->fs.cur == 0 ?
	    "Enter — к дате  Tab — поле  Esc — отмена" : f->fs.cur == 2 ?
	    "Пробел — другой  Enter — утвердить  Tab — поле  Esc — отмена" :
	    "Enter — утвердить  Tab — поле  Esc — отмена";
	fields_draw(&f->fs);
}

/* What holds approval back, for the authorised person to confirm: the
 * counts and the first of each, in the dialog's note. */
static void
approve_describe_gate(const struct store_approval_gate *g, bool again,
    char *note, size_t size)
{
	struct buf b;

	buf_init(&b);
	if (again)
		buf_puts(&b, "Перечень изменился, пока вы читали. ");
	buf_puts(&b, "Утверждению мешают:");
	if (g->errors > 0)
		buf_printf(&b, " ошибок по правилам Порядка — %zu (%s; все — F5 "
		    "в таблице);", g->errors, g->named_errors.v[0]);
	if (g->unaccepted.n > 0)
		buf_printf(&b, " изменённых и не принятых при проверке точек — "
		    "%zu (%s);", g->unaccepted.n, g->unaccepted.v[0]);
	buf_puts(&b, " утвердить всё равно? Подтверждение будет записано в "
	    "журнал изменений.");
	snprintf(note, size, "%s", b.data);
	buf_fini(&b);
}

/* Ask the clerk to confirm gate g (again, if the list changed while they
 * read it: then say so). */
static void
approve_ask(struct approve_form *f, const struct store_approval_gate *g)
{
	approve_describe_gate(g, f->confirming, f->fs.note,
	    sizeof f->fs.note);
	free(f->seen_note);
	f->seen_note = store_approval_note(g);
	f->confirming = true;
}

/*
 * The approval, with the checks perechen approve makes, in its own
 * transaction (store_revision_approve_checked): 0 and *rev; 1 when errors or
 * unaccepted changes hold it back and the clerk has yet to confirm what
 * f->fs.note now says; -1 with err (the list unchanged).  Who approves
 * comes from the program (the real uid).
 */
static int
approve_run(struct approve_form *f, struct store *st,
    const struct ui_actions *acts, const struct calendar *cal, int64_t *rev,
    struct error *err)
{
	struct store_approval_request rq = { 0 };
	struct store_approval_gate g;
	struct approval_order order;
	struct actor who;
	struct date today;
	int rc;

	if (acts == NULL || acts->actor == NULL)
		return error_set(err, "утверждение из редактора недоступно: "
		    "воспользуйтесь командой perechen approve");
	if (date_today(&today, err) != 0 ||
	    approval_order_check(f->field[0].data, f->field[1].data, today,
	    &order, err) != 0)
		return -1;
	acts->actor(acts->ctx, &who);
	rq.order_no = order.number;
	rq.order_date = order.iso;
	rq.consent.errors = rq.consent.unreviewed = f->confirming;
	rq.seen_note = f->confirming ? f->seen_note : NULL;
	rq.cal = cal;
	rq.approves = f->fs.n == 3 &&
	    strcmp(f->field[2].data, approve_kinds[1]) == 0;
	store_approval_gate_init(&g);
	rc = store_revision_approve_checked(st, &rq, &who, &g, rev, err);
	if (rc > 0) {
		approve_ask(f, &g);
		rc = 1;
	} else if (rc == 0)
		f->confirmed = g.errors > 0 || g.unaccepted.n > 0;
	store_approval_gate_fini(&g);
	approval_order_fini(&order);
	return rc;
}

/* What the message line says after the approval: the revision and, from
 * the reminder worked out again, the deadline of п. 5.4. */
static void
approve_report(int64_t rev, bool confirmed, const struct reminder_view *rv,
    char *msg, size_t msglen)
{
	const struct reminder_deadline *d = &rv->r.publish_by;
	const char *with = confirmed ? " с подтверждением (записано в "
	    "журнал)" : "";
	char due[DATE_BUFSZ];

	if (!rv->known || !rv->r.unpublished || rv->r.revision != rev) {
		snprintf(msg, msglen, "Утверждена редакция %lld%s.",
		    (long long)rev, with);
		return;
	}
	date_format(d->due, due);
	if (rv->r.closed && rv->r.cycle.late) {
		/* A later deadline to publish does not make it on time. */
		snprintf(msg, msglen, "Утверждена редакция %lld%s. Срок "
		    "актуализации %s пропущен: разместите на сайте без "
		    "промедления.", (long long)rev, with,
		    date_format(rv->r.cycle.by.due, due));
	} else if (d->overdue)
		snprintf(msg, msglen, "Утверждена редакция %lld%s. Срок "
		    "размещения на сайте (п. 5.4) истёк %s.", (long long)rev,
		    with, due);
	else
		snprintf(msg, msglen, "Утверждена редакция %lld%s. Срок "
		    "размещения на сайте — %s (п. 5.4)%s.", (long long)rev,
		    with, due, d->note.approximate ? ", приблизительно" : "");
}

/* Start with today's date: an order is mostly recorded the day it is
 * signed, and the date is there to correct.  Once a revision exists
 * the order may approve the list anew or amend it (the default); the
 * first approves it, so then there is nothing to choose. */
static void
approve_form_init(struct approve_form *f, struct store *st)
{
	struct revision r = { 0 };
	struct error err;
	struct date today;
	char day[DATE_BUFSZ];
	bool approved = false;

	memset(f, 0, sizeof *f);
	for (int i = 0; i < 3; i++)
		buf_init(&f->field[i]);
	if (date_today(&today, &err) == 0)
		buf_puts(&f->field[1], date_format(today, day));
	/* Unknown: offer the choice (the store makes the first approving
	 * whatever is asked), so an approving order is never taken as an
	 * amending one for want of the question. */
	if (store_revision_latest(st, &r, &approved, &err) != 0)
		approved = true;
	revision_fini(&r);
	buf_puts(&f->field[2], approve_kinds[0]);
	f->fs.title = "Утверждение перечня (п. 5.1)";
	f->fs.intro = approved ? "Перечень в нынешнем виде будет сохранён "
	    "как новая редакция; гриф назовёт последний приказ, "
	    "утверждающий перечень." : "Перечень в нынешнем виде будет "
	    "сохранён как новая редакция.";
	f->fs.labels = approve_labels;
	f->fs.field = f->field;
	f->fs.n = approved ? 3 : 2;
	f->fs.choice = approved ? approve_kinds : NULL;
	f->fs.hint = "ДД.ММ.ГГГГ или ГГГГ-ММ-ДД";
}

enum dialog_result
approve_dialog(const struct dialog_env *env, struct reminder_view *rv,
    char *msg, size_t msglen)
{
	struct approve_form f;
	enum dialog_result res;
	struct error err;
	int64_t rev;
	int rc;

	approve_form_init(&f, env->st);
	env->redraw(env->ctx);
	curs_set(1);
	for (;;) {
		approve_draw(&f);
		switch (fields_key(&f.fs, env, APPROVE_FIELD_MAX)) {
		case FIELDS_QUIT:
			res = DIALOG_QUIT;
			goto done;
		case FIELDS_CANCEL:
			res = DIALOG_CANCEL;
			goto done;
		case FIELDS_EDITED:
			/* The confirmation was for what was typed. */
			f.confirming = false;
			continue;
		case FIELDS_NONE:
			continue;
		case FIELDS_ENTER:
			break;
		}
		/* Enter: on to the date, or approve. */
		if (f.fs.cur == 0) {
			f.fs.cur = 1;
			continue;
		}
		rc = approve_run(&f, env->st, env->acts,
		    rv->cal_loaded ? &rv->cal : NULL, &rev, &err);
		if (rc == 0)
			break;
		if (rc < 0) {
			f.confirming = false;
			snprintf(f.fs.note, sizeof f.fs.note, "Не утверждено: %s",
			    err.msg);
		}
	}
	reminder_view_refresh(rv, env->st, true);
	approve_report(rev, f.confirmed, rv, msg, msglen);
	res = DIALOG_OK;
done:
	curs_set(0);
	for (int i = 0; i < 3; i++)
		buf_fini(&f.field[i]);
	free(f.seen_note);
	return res;
}
