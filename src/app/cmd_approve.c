/*
 * cmd_approve.c - "perechen approve": record the order approving the list
 * (п. 5.1) and freeze the list as it is into a new revision; then say by
 * when it must be on the website (п. 5.4: the 10th working day after the
 * order's date).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "approval.h"
#include "calendar.h"
#include "date.h"
#include "reminder.h"
#include "store_approval.h"
#include "store_history.h"
#include "store_status.h"

/* The command's Russian help. */
static void
cmd_approve_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] approve --order НОМЕР "
	    "--date ДАТА [--approving]\n"
	    "                  [--today ДАТА]\n"
	    "Записывает приказ об утверждении перечня (п. 5.1) и сохраняет\n"
	    "перечень в том виде, в каком он сейчас, как новую редакцию.\n"
	    "Печатает номер редакции и срок размещения на сайте: 10-й рабочий\n"
	    "день после даты приказа (п. 5.4).\n\n"
	    "  --order НОМЕР   номер приказа\n"
	    "  --date ДАТА     дата приказа (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД); не\n"
	    "                  позже сегодняшнего дня\n"
	    "  --approving     приказ утверждает перечень заново, а не\n"
	    "                  изменяет его: гриф этой и следующих редакций\n"
	    "                  «УТВЕРЖДЕН приказом …» называет его, а «(в\n"
	    "                  редакции приказа …)» — только приказы после\n"
	    "                  него.  Без флага приказ вносит изменения в\n"
	    "                  перечень (первый приказ всегда утверждает)\n"
	    "  --today ДАТА    считать сегодняшним днём ДАТУ (иначе\n"
	    "                  $PERECHEN_TODAY, иначе текущая дата)\n"
	    "  --confirm-unreviewed\n"
	    "                  утвердить, хотя точки, изменённые после\n"
	    "                  прошлой редакции, не приняты при проверке\n"
	    "                  (perechen review); подтверждение записывается\n"
	    "                  в журнал изменений\n"
	    "  --confirm-errors утвердить, хотя в перечне есть ошибки по\n"
	    "                  правилам Порядка (perechen check); тоже\n"
	    "                  записывается в журнал\n"
	    "  -h, --help      эта справка\n\n"
	    "Без заголовка перечня (орган, его родительный падеж для грифа,\n"
	    "заглавие: правило R0, п. 5.1, Приложение 1) перечень не\n"
	    "утверждается никаким подтверждением: perechen init --org …\n"
	    "--title ….\n"
	    "Утверждает уполномоченное лицо (п. 2.2).\n", f);
}

struct cmd_approve_args {
	const char *order;
	const char *date;
	const char *today;
	bool	 approving;
	bool	 confirm_unreviewed;
	bool	 confirm_errors;
};

/* Options into a; 0, -1 after --help, or an exit code. */
static int
cmd_approve_parse(int argc, char **argv, struct cmd_approve_args *a)
{
	static const struct option opts[] = {
		{ "order", required_argument, NULL, 'o' },
		{ "date", required_argument, NULL, 'd' },
		{ "today", required_argument, NULL, 't' },
		{ "approving", no_argument, NULL, 'A' },
		{ "confirm-unreviewed", no_argument, NULL, 'U' },
		{ "confirm-errors", no_argument, NULL, 'E' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			a->order = optarg;
			break;
		case 'd':
			a->date = optarg;
			break;
		case 't':
			a->today = optarg;
			break;
		case 'A':
			a->approving = true;
			break;
		case 'U':
			a->confirm_unreviewed = true;
			break;
		case 'E':
			a->confirm_errors = true;
			break;
		case 'h':
			cmd_approve_usage(stdout);
			return -1;
		default:
			return app_bad_option("approve", "h", opts, argv);
		}
	}
	if (optind < argc) {
		return app_usage_error("approve", "лишний аргумент «%s»",
		    argv[optind]);
	}
	if (a->order == NULL || a->date == NULL) {
		app_error("approve: нужны номер приказа (--order) и его дата "
		    "(--date)");
		return EXIT_USAGE;
	}
	return 0;
}

/* What the order of revision rev was recorded as, which the grifs
 * follow: the store makes the first approving whatever was asked. */
static int
cmd_approve_kind(struct store *st, int64_t rev, struct error *err)
{
	struct revision r = { 0 };
	bool found;

	if (store_revision_latest(st, &r, &found, err) != 0)
		return -1;
	if (found && r.id == rev)
		printf("Приказ записан как %s.\n", r.approves ?
		    "утверждающий перечень (утверждение)" :
		    "вносящий изменения в перечень (изменение)");
	revision_fini(&r);
	return 0;
}

/* The revision just approved and its deadline, as the reminder says it. */
static int
cmd_approve_report(struct store *st, int64_t rev, struct date today,
    const struct calendar *cal, struct error *err)
{
	struct reminder_facts f;
	struct strvec lines;
	struct reminder r;
	int rc;

	reminder_facts_init(&f);
	strvec_init(&lines);
	rc = store_status_facts(st, &f, err);
	if (rc == 0)
		rc = reminder_compute(&f, today, cal, &r, err);
	if (rc == 0) {
		printf("Перечень утверждён: редакция %lld.\n", (long long)rev);
		rc = cmd_approve_kind(st, rev, err);
	}
	if (rc == 0) {
		reminder_format(&r, &f, cal, &lines);
		for (size_t i = 0; i < lines.n; i++) {
			app_print(stdout, lines.v[i]);
			putchar('\n');
		}
		printf("Когда разместите: perechen publish --date ДАТА "
		    "[--url АДРЕС]\n");
	}
	strvec_fini(&lines);
	reminder_facts_fini(&f);
	return rc;
}

/*
 * Approval refused for want of consent (ask: enum approval_ask): what
 * holds it back is named on stderr, err says how to confirm.  Always -1.
 */
static int
cmd_approve_refuse(const struct store_approval_gate *g, int ask,
    struct error *err)
{
	if (ask & APPROVAL_ASK_ERRORS) {
		for (size_t i = 0; i < g->named_errors.n; i++)
			app_error("approve: %s", g->named_errors.v[i]);
		return error_set(err, "в перечне ошибок по правилам Порядка: "
		    "%zu; исправьте их (perechen check) или подтвердите "
		    "утверждение с ошибками: --confirm-errors", g->errors);
	}
	for (size_t i = 0; i < g->unaccepted.n &&
	    i < STORE_APPROVAL_NAMED_MAX; i++)
		app_error("approve: %s", g->unaccepted.v[i]);
	return error_set(err, "изменённых после прошлой редакции и не "
	    "принятых при проверке точек: %zu; проверьте их (perechen review "
	    "start --scope changed) или подтвердите утверждение без проверки: "
	    "--confirm-unreviewed", g->unaccepted.n);
}

/*
 * Approve in the store: its checks (the role, touchpoints to approve,
 * the header, errors, changes no review accepted) run in the approval's
 * own transaction, so an edit landing meanwhile is either checked or
 * left for the next revision (store_revision_approve_checked).
 */
static int
cmd_approve_store(struct app *app, const struct cmd_approve_args *a,
    const char *order, const char *iso, struct date today,
    const struct calendar *cal, struct error *err)
{
	struct store_approval_request rq = {
		.order_no = order, .order_date = iso,
		.consent = { a->confirm_errors, a->confirm_unreviewed },
		.seen_note = NULL, .cal = cal, .approves = a->approving
	};
	struct store_approval_gate g;
	struct app_actor who;
	struct store *st;
	int64_t rev;
	int rc;

	if (app_open_store(app, 0, &st, err) != 0)
		return -1;
	app_actor_init(&who);
	store_approval_gate_init(&g);
	rc = store_revision_approve_checked(st, &rq, &who.actor, &g, &rev, err);
	if (rc > 0)
		rc = cmd_approve_refuse(&g, rc, err);
	if (rc == 0 && (g.errors > 0 || g.unaccepted.n > 0))
		app_note("Подтверждение записано в журнал изменений.");
	store_approval_gate_fini(&g);
	if (rc == 0 && cmd_approve_report(st, rev, today, cal, err) != 0) {
		/* The approval stands; only its report failed. */
		app_error("approve: редакция %lld записана, но срок не "
		    "посчитан: %s", (long long)rev, err->msg);
	}
	store_close(st);
	return rc;
}

int
cmd_approve(struct app *app, int argc, char **argv)
{
	struct cmd_approve_args a;
	struct calendar cal;
	struct error err;
	struct approval_order order;
	struct date today;
	int rc;

	rc = cmd_approve_parse(argc, argv, &a);
	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	if (date_resolve_today(a.today, &today, &err) != 0) {
		app_error("approve: %s", err.msg);
		return EXIT_USAGE;
	}
	if (approval_order_check(a.order, a.date, today, &order, &err) != 0) {
		app_error("approve: %s", err.msg);
		return EXIT_USAGE;
	}
	calendar_init(&cal);
	rc = EXIT_OK;
	if (calendar_load_standard(&cal, app->share_dir, &err) != 0 ||
	    cmd_approve_store(app, &a, order.number, order.iso, today, &cal,
	    &err) != 0) {
		app_error("approve: %s", err.msg);
		app_note("Перечень не утверждён.");
		rc = EXIT_FAIL;
	}
	calendar_fini(&cal);
	approval_order_fini(&order);
	return rc;
}
