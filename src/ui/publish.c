/*
 * publish.c - recording from the editor that the approved revision is on
 * the website (п. 5.2): a dialog asks the date and the page's address,
 * checks them as "perechen publish" does (the date neither before the
 * order nor after today) and records them with the same store call, in
 * its transaction checking that the revision is still the latest.
 */
#include "ui_int.h"

#include <stdio.h>
#include <string.h>

#include "store_history.h"

#define PUBLISH_FIELD_MAX 2000

/* The fields' labels, in their order on the screen. */
static const char *const publish_labels[2] = {
	"Дата размещения:", "Адрес страницы:"
};

/* The latest revision into r, refused if there is none to publish. */
static int
publish_latest(struct store *st, struct revision *r, struct error *err)
{
	bool found;

	if (store_revision_latest(st, r, &found, err) != 0)
		return -1;
	if (!found)
		return error_set(err, "перечень ещё не утверждён: сначала "
		    "утвердите его (A, п. 5.1)");
	return 0;
}

/* The date typed, checked against the order of r and today. */
static int
publish_check(const struct revision *r, const char *typed, struct date *pub,
    struct error *err)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	struct date order, today;

	if (date_parse(typed, pub, err) != 0) {
		error_prefix(err, "дата размещения");
		return -1;
	}
	if (date_today(&today, err) != 0 ||
	    date_parse(r->order_date, &order, err) != 0)
		return -1;
	if (date_cmp(*pub, order) < 0)
		return error_set(err, "дата размещения %s раньше даты приказа "
		    "%s об утверждении редакции %lld", date_format(*pub, a),
		    date_format(order, b), (long long)r->id);
	if (date_cmp(*pub, today) > 0)
		return error_set(err, "дата размещения %s позже сегодняшней "
		    "(%s)", date_format(*pub, a), date_format(today, b));
	return 0;
}

/* Check and record; msg says what was recorded. */
static int
publish_run(const struct dialog_env *env, const struct fields *fs,
    char *msg, size_t msglen, struct error *err)
{
	struct revision r = { 0 };
	struct actor who;
	struct date pub;
	char iso[DATE_BUFSZ], day[DATE_BUFSZ];
	const char *url = fs->field[1].data;
	int rc;

	if (env->acts == NULL || env->acts->actor == NULL)
		return error_set(err, "отметка о размещении из редактора "
		    "недоступна: воспользуйтесь командой perechen publish");
	rc = publish_latest(env->st, &r, err);
	if (rc == 0)
		rc = publish_check(&r, fs->field[0].data, &pub, err);
	if (rc == 0) {
		env->acts->actor(env->acts->ctx, &who);
		rc = store_revision_publish_seen(env->st, r.id, r.id,
		    date_format_iso(pub, iso), url, &who, err);
	}
	if (rc == 0)
		snprintf(msg, msglen, "Редакция %lld размещена на сайте %s%s%s%s",
		    (long long)r.id, date_format(pub, day),
		    url[0] != '\0' ? ": " : "", url,
		    r.published_date[0] != '\0' ? " (прежняя отметка "
		    "заменена)" : "");
	revision_fini(&r);
	return rc;
}

enum dialog_result
publish_dialog(const struct dialog_env *env, char *msg, size_t msglen)
{
	struct buf field[2];
	struct fields fs = { 0 };
	enum dialog_result res = DIALOG_CANCEL;
	struct error err;
	struct date today;
	char day[DATE_BUFSZ];
	bool done = false;

	buf_init(&field[0]);
	buf_init(&field[1]);
	/* Mostly recorded the day it went online: the date is to correct. */
	if (date_today(&today, &err) == 0)
		buf_puts(&field[0], date_format(today, day));
	fs.title = "Размещение на сайте (п. 5.2)";
	fs.intro = "Отметка о том, что утверждённая редакция перечня "
	    "размещена на сайте; сроки п. 5.4 считаются по её дате.";
	fs.labels = publish_labels;
	fs.field = field;
	fs.n = 2;
	fs.hint = "дата: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД";
	env->redraw(env->ctx);
	curs_set(1);
	while (!done) {
		fs.keys = fs.cur == 0 ? "Enter — к адресу  Tab — поле  "
		    "Esc — отмена" : "Enter — записать  Tab — поле  Esc — отмена";
		fields_draw(&fs);
		switch (fields_key(&fs, env, PUBLISH_FIELD_MAX)) {
		case FIELDS_QUIT:
			res = DIALOG_QUIT;
			done = true;
			break;
		case FIELDS_CANCEL:
			done = true;
			break;
		case FIELDS_ENTER:
			if (fs.cur == 0) {
				fs.cur = 1;
				break;
			}
			if (publish_run(env, &fs, msg, msglen, &err) == 0) {
				res = DIALOG_OK;
				done = true;
			} else
				snprintf(fs.note, sizeof fs.note, "Не записано: "
				    "%s", err.msg);
			break;
		case FIELDS_NONE:
		case FIELDS_EDITED:
			break;
		}
	}
	curs_set(0);
	buf_fini(&field[0]);
	buf_fini(&field[1]);
	return res;
}
