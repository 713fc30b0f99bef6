/*
 * cmd_init.c - "perechen init": create a list or set its header (the
 * body, how the grif names it, the title, the area); complete the header
 * of a revision approved without it.
 */
#include <getopt.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "declension.h"
#include "store_approval.h"
#include "store_edit.h"
#include "store_history.h"
#include "utf8.h"

static void
init_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] init [ПАРАМЕТРЫ]\n"
	    "Создаёт перечень (файл базы) или меняет его заголовок.\n\n"
	    "  --org ТЕКСТ       орган (ОИВ), ведущий перечень\n"
	    "  --org-genitive ТЕКСТ\n"
	    "                    орган в родительном падеже, как в грифе\n"
	    "                    («приказом Министерства …»); без него при\n"
	    "                    --org подставляется по склонению\n"
	    "  --title ТЕКСТ     заглавие перечня\n"
	    "  --area ТЕКСТ      направление деятельности\n"
	    "  --complete-revision N|latest\n"
	    "                    дополнить заголовок редакции N, утверждённой\n"
	    "                    без него: пустые поля (орган, его родительный\n"
	    "                    падеж, заглавие) берутся из заголовка\n"
	    "                    перечня, заполненные не меняются; записывается\n"
	    "                    в журнал; только уполномоченное лицо\n"
	    "  --owner ЛОГИН     с -l: создать общий перечень на сервере и\n"
	    "                    назначить ЛОГИН его уполномоченным лицом\n"
	    "                    (только администратор; заголовок затем\n"
	    "                    заполняет уполномоченное лицо)\n", f);
}

struct init_args {
	const char *org, *genitive, *title, *area;
	const char *revision;	/* --complete-revision, or NULL */
	const char *owner;	/* --owner, or NULL */
};

/* Options into a; 0, -1 after --help, or an exit code. */
static int
init_parse(int argc, char **argv, struct init_args *a)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'o' },
		{ "org-genitive", required_argument, NULL, 'g' },
		{ "title", required_argument, NULL, 't' },
		{ "area", required_argument, NULL, 'a' },
		{ "complete-revision", required_argument, NULL, 'R' },
		{ "owner", required_argument, NULL, 'O' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': a->org = optarg; break;
		case 'g': a->genitive = optarg; break;
		case 't': a->title = optarg; break;
		case 'a': a->area = optarg; break;
		case 'R': a->revision = optarg; break;
		case 'O': a->owner = optarg; break;
		case 'h': init_usage(stdout); return -1;
		default:
			return app_bad_option("init", "h", opts, argv);
		}
	}
	if (optind < argc) {
		return app_usage_error("init", "лишний аргумент «%s»",
		    argv[optind]);
	}
	if (a->owner != NULL && (a->revision != NULL || a->org != NULL ||
	    a->genitive != NULL || a->title != NULL || a->area != NULL))
		return app_usage_error("init", "--owner только создаёт общий "
		    "перечень; заголовок заполняет уполномоченное лицо");
	if (a->revision != NULL && (a->org != NULL || a->genitive != NULL ||
	    a->title != NULL || a->area != NULL)) {
		app_error("init: --complete-revision берёт заголовок перечня как "
		    "он есть: сначала заполните его (perechen init --org … "
		    "--title …), затем дополните редакцию");
		return EXIT_USAGE;
	}
	return 0;
}

/* A copy of s squeezed; NULL stays NULL. */
static char *
init_squeezed(const char *s)
{
	return s != NULL ? utf8_squeeze(s) : NULL;
}

/*
 * The new header fields into h.  A new body without --org-genitive gets
 * the declension of its name (*declined set); the same body keeps the
 * genitive it has.
 */
static void
init_apply(const struct init_args *a, struct list_header *h, bool *declined)
{
	char *org = init_squeezed(a->org), *gen = init_squeezed(a->genitive);

	*declined = false;
	if (gen != NULL)
		model_set(&h->org_genitive, gen);
	if (org != NULL && gen == NULL && (strcmp(org, h->org) != 0 ||
	    h->org_genitive[0] == '\0')) {
		free(h->org_genitive);
		h->org_genitive = declension_genitive(org);
		*declined = true;
	}
	if (org != NULL)
		model_set(&h->org, org);
	if (a->title != NULL) {
		free(h->title);
		h->title = utf8_squeeze(a->title);
	}
	if (a->area != NULL)
		model_set(&h->area, a->area);
	free(org);
	free(gen);
}

/* What the grif will say, and how to say it otherwise. */
static void
init_report_genitive(const struct list_header *h, bool declined)
{
	if (h->org_genitive[0] == '\0')
		return;
	app_out("В грифе: «приказом %s»%s\n", h->org_genitive, declined ?
	    " (родительный падеж подставлен по склонению)" : "");
	if (declined && strcmp(h->org_genitive, h->org) == 0)
		app_out("Название не просклонялось: укажите родительный падеж "
		    "сами — perechen init --org-genitive \"…\"\n");
	else if (declined)
		app_out("Если неверно: perechen init --org-genitive \"…\"\n");
}

/* What init_header asks store_header_edit to apply. */
struct init_edit {
	const struct init_args *a;
	bool	 declined;
};

static void
init_edit_apply(struct list_header *h, void *arg)
{
	struct init_edit *e = arg;

	init_apply(e->a, h, &e->declined);
}

/* Set the header fields given: one logged transaction over the header as
 * it stands then. */
static int
init_header(struct app *app, const struct init_args *a)
{
	struct init_edit e = { .a = a, .declined = false };
	struct app_actor who;
	struct list_header h;
	struct store *st;
	struct error err;
	int rc = EXIT_FAIL;

	if (app_open_store(app, STORE_CREATE, &st, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	list_header_init(&h);
	app_actor_init(&who);
	if (store_header_edit(st, init_edit_apply, &e, &who.actor, &h,
	    &err) == 0)
		rc = EXIT_OK;
	if (rc != EXIT_OK) {
		app_error("%s", err.msg);
	} else {
		if (a->org != NULL || a->genitive != NULL)
			init_report_genitive(&h, e.declined);
		app_note("Перечень: %s", app->db_path);
	}
	list_header_fini(&h);
	store_close(st);
	return rc;
}

/* The revision --complete-revision names: a number, or latest. */
static int
init_revision_id(struct store *st, const char *arg, int64_t *rev,
    struct error *err)
{
	struct revision r = { 0 };
	bool found;
	char *end;
	long long n;

	if (strcmp(arg, "latest") != 0) {
		n = strtoll(arg, &end, 10);
		if (end == arg || *end != '\0' || n <= 0)
			return error_set(err, "--complete-revision: «%s» — не "
			    "номер редакции (N или latest)", arg);
		*rev = n;
		return 0;
	}
	if (store_revision_latest(st, &r, &found, err) != 0)
		return -1;
	*rev = r.id;
	revision_fini(&r);
	return found ? 0 : error_set(err, "утверждённых редакций нет");
}

/* The fields written, as the clerk reads them: "орган, заглавие". */
static void
init_filled_words(unsigned filled, struct buf *out)
{
	static const struct {
		unsigned part;
		const char *word;
	} words[] = {
		{ HEADER_ORG, "орган" },
		{ HEADER_ORG_GENITIVE, "родительный падеж органа" },
		{ HEADER_TITLE, "заглавие" },
	};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (filled & words[i].part)
			buf_printf(out, "%s%s", out->len > 0 ? ", " : "",
			    words[i].word);
}

/* --complete-revision: the revision's empty header fields from the
 * list's. */
static int
init_complete_revision(struct app *app, const char *arg)
{
	struct app_actor who;
	struct store *st;
	struct error err;
	unsigned filled = 0;
	struct buf words;
	int64_t rev = 0;
	int rc;

	if (app_open_store(app, 0, &st, &err) != 0) {
		app_error("init: %s", err.msg);
		return EXIT_FAIL;
	}
	app_actor_init(&who);
	rc = init_revision_id(st, arg, &rev, &err);
	if (rc == 0)
		rc = store_revision_complete_header(st, rev, &who.actor,
		    &filled, &err);
	store_close(st);
	if (rc != 0) {
		app_error("init: %s", err.msg);
		app_note("Заголовок редакции не изменён.");
		return EXIT_FAIL;
	}
	buf_init(&words);
	init_filled_words(filled, &words);
	app_out("Заголовок редакции %lld дополнен из заголовка перечня: %s. "
	    "Записано в журнал изменений.\n", (long long)rev, words.data);
	buf_fini(&words);
	return EXIT_OK;
}

/*
 * The administrator's --owner: a new shared list whose first authorised
 * person is owner (an account of this system); the list must not exist.
 */
static int
init_shared(struct app *app, const char *owner)
{
	struct store *st;
	struct error err;
	struct stat sb;

	if (app->list_name == NULL)
		return app_usage_error("init", "--owner — для общего перечня: "
		    "perechen -l ИМЯ init --owner ЛОГИН");
	if (getpwnam(owner) == NULL) {
		app_error("init: учётной записи «%s» в системе нет", owner);
		return EXIT_FAIL;
	}
	if (app_db_stat(app, &sb) == 0) {
		app_error("init: общий перечень «%s» уже есть; роли меняет его "
		    "уполномоченное лицо (perechen -l %s users)", app->list_name,
		    app->list_name);
		return EXIT_FAIL;
	}
	app->owner = owner;
	if (app_open_store(app, STORE_CREATE, &st, &err) != 0) {
		app_error("init: %s", err.msg);
		return EXIT_FAIL;
	}
	/* A commit of its own marks the new file finished: an empty list,
	 * not one whose making was cut short. */
	if (store_begin(st, &err) != 0 || store_commit(st, &err) != 0) {
		store_rollback(st);
		store_close(st);
		app_error("init: %s", err.msg);
		return EXIT_FAIL;
	}
	store_close(st);
	app_out("Общий перечень «%s» создан: %s; уполномоченное лицо — %s.\n",
	    app->list_name, app->db_path, owner);
	return EXIT_OK;
}

int
cmd_init(struct app *app, int argc, char **argv)
{
	struct init_args a;
	int rc;

	rc = init_parse(argc, argv, &a);
	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	if (a.owner != NULL)
		return init_shared(app, a.owner);
	if (a.revision != NULL)
		return init_complete_revision(app, a.revision);
	return init_header(app, &a);
}
