/*
 * cmd_users.c - "perechen users": who may do what in the list (п. 2.2).
 *
 * The roles are kept in the list's database by Unix login; the login of
 * whoever runs perechen is that of the real uid.  Only an authorised
 * person may change roles.  A list that records no users is open to all
 * until the first "users add", which records the one who runs it as an
 * authorised person as well.
 */
#include <getopt.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "policy.h"
#include "store_users.h"
#include "utf8.h"

/* The command's Russian help. */
static void
cmd_users_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] users ДЕЙСТВИЕ …\n"
	    "Пользователи перечня и их роли (п. 2.2). Пользователь — учётная\n"
	    "запись Unix, под которой запущена программа.\n\n"
	    "  users list                          пользователи и их роли\n"
	    "  users add ЛОГИН --role РОЛЬ [--unit ПОДРАЗДЕЛЕНИЕ]…\n"
	    "                                      назначить или сменить роль\n"
	    "  users remove ЛОГИН                  снять роль\n\n"
	    "Роли:\n"
	    "  уполномоченный (authorised)  проверяет и утверждает перечень,\n"
	    "                               назначает роли, меняет всё\n"
	    "  редактор (editor)            меняет точки своих подразделений\n"
	    "                               (--unit, можно несколько раз);\n"
	    "                               добавляет точки только с ними\n"
	    "  наблюдатель (viewer)         только читает\n\n"
	    "Роли назначает уполномоченное лицо. Кто создал перечень, тот его\n"
	    "первое уполномоченное лицо. В перечне без пользователей (создан\n"
	    "до появления ролей) менять всё может каждый, пока не назначен\n"
	    "первый пользователь; назначающий тогда тоже записывается\n"
	    "уполномоченным лицом. Последнее уполномоченное лицо снять\n"
	    "нельзя.\n", f);
}

/* A line of the listing: login padded to width columns, then who. */
static void
cmd_users_line(struct buf *out, const char *login, int width,
    const char *who, bool me)
{
	int w = utf8_width(login);

	buf_puts(out, "  ");
	utf8_sanitize(login, 0, out);
	for (; w < width; w++)
		buf_putc(out, ' ');
	buf_puts(out, "  ");
	utf8_sanitize(who, 0, out);
	if (me)
		buf_puts(out, "  (вы)");
	buf_putc(out, '\n');
}

/* "users list": every user with the role in words, the clerk marked. */
static int
cmd_users_list(struct store *st, const char *me, struct error *err)
{
	struct users u = { 0 };
	struct buf out;
	int width = 0;

	if (store_users_list(st, &u, err) != 0) {
		users_fini(&u);
		return -1;
	}
	buf_init(&out);
	if (u.n == 0)
		buf_puts(&out, "Пользователи не назначены: перечень открыт "
		    "для всех — любой, кто может\nзаписывать файл перечня, "
		    "может менять в нём всё. Назначьте\nуполномоченное лицо: "
		    "perechen users add ЛОГИН --role уполномоченный\n"
		    "(вы будете записаны уполномоченным лицом вместе с "
		    "ним).\n");
	for (size_t i = 0; i < u.n; i++)
		if (utf8_width(u.v[i].login) > width)
			width = utf8_width(u.v[i].login);
	for (size_t i = 0; i < u.n; i++) {
		struct policy_user p;
		char *who;

		policy_user_init(&p);
		model_set(&p.login, u.v[i].login);
		p.role = u.v[i].role;
		for (size_t j = 0; j < u.v[i].units.n; j++)
			strvec_push(&p.units, u.v[i].units.v[j]);
		who = policy_describe(&p);
		cmd_users_line(&out, u.v[i].login, width, who,
		    strcmp(u.v[i].login, me) == 0);
		free(who);
		policy_user_fini(&p);
	}
	fwrite(out.data, 1, out.len, stdout);
	buf_fini(&out);
	users_fini(&u);
	return 0;
}

/* Notes about an assignment that is allowed but perhaps mistyped. */
static void
cmd_users_notes(struct store *st, const char *login,
    const struct strvec *units)
{
	struct error err;
	struct list l;

	if (getpwnam(login) == NULL)
		app_note("Примечание: учётной записи «%s» в этой системе нет.",
		    login);
	list_init(&l);
	if (units->n > 0 && store_load_list(st, &l, &err) == 0)
		for (size_t u = 0; u < units->n; u++) {
			bool found = false;

			for (size_t i = 0; i < l.nprocs && !found; i++)
				for (size_t j = 0; j < l.procs[i].ntps &&
				    !found; j++)
					found = policy_unit_equal(
					    l.procs[i].tps[j].unit,
					    units->v[u]);
			if (!found)
				app_note("Примечание: в перечне пока нет точек "
				    "подразделения «%s».", units->v[u]);
		}
	list_fini(&l);
}

/* Who login is now, in words; NULL with err on failure; caller frees. */
static char *
cmd_users_who(struct store *st, const char *login, struct error *err)
{
	struct policy_user p;
	char *who = NULL;

	policy_user_init(&p);
	if (store_users_lookup(st, login, &p, err) == 0)
		who = policy_describe(&p);
	policy_user_fini(&p);
	return who;
}

/* "Назначено: anna — редактор подразделения «отдел А»." */
static void
cmd_users_say(const char *prefix, const char *login, const char *who)
{
	char *line = xasprintf("%s%s — %s.\n", prefix, login, who);

	app_print(stdout, line);
	free(line);
}

/* "users remove LOGIN": say what role was taken away. */
static int
cmd_users_remove(struct store *st, const char *login,
    const struct app_actor *who, struct error *err)
{
	char *was = cmd_users_who(st, login, err);
	int rc = -1;

	if (was != NULL && store_users_remove(st, login, &who->actor,
	    err) == 0) {
		cmd_users_say("Снята роль: ", login, was);
		rc = 0;
	}
	free(was);
	return rc;
}

/* "users add LOGIN --role ROLE [--unit UNIT]…"; *code is the exit code
 * to use on failure (usage or failure). */
static int
cmd_users_add(struct store *st, int argc, char **argv,
    const struct app_actor *who, struct error *err, int *code)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "unit", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct strvec units;
	const char *role_arg = NULL;
	char *now;
	enum role role;
	bool added = false;
	int c, rc = -1;

	strvec_init(&units);
	*code = EXIT_USAGE;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'r')
			role_arg = optarg;
		else if (c == 'u')
			strvec_push(&units, optarg);
		else {
			(void)app_bad_option("users", "h", opts, argv);
			goto out;
		}
	}
	if (optind != argc - 1 || role_arg == NULL) {
		app_error("users add: «users add ЛОГИН --role РОЛЬ [--unit "
		    "ПОДРАЗДЕЛЕНИЕ]…»");
		goto out;
	}
	if ((role = role_parse(role_arg)) == ROLE_NONE) {
		app_error("users add: роль «%s» неизвестна: уполномоченный, "
		    "редактор или наблюдатель", role_arg);
		goto out;
	}
	*code = EXIT_FAIL;
	if (store_users_set(st, argv[optind], role, &units, &who->actor,
	    &added, err) != 0)
		goto out;
	if (added) {
		now = xasprintf("Пользователи не были назначены, перечень был "
		    "открыт для всех; теперь вы (%s) — уполномоченное лицо.\n",
		    who->login);
		app_print(stdout, now);
		free(now);
	}
	if ((now = cmd_users_who(st, argv[optind], err)) != NULL) {
		cmd_users_say("Назначено: ", argv[optind], now);
		free(now);
		rc = 0;
	}
	cmd_users_notes(st, argv[optind], &units);
out:
	strvec_fini(&units);
	return rc;
}

int
cmd_users(struct app *app, int argc, char **argv)
{
	const char *action = argc > 1 ? argv[1] : "";
	struct app_actor who;
	struct store *st;
	struct error err;
	int rc = 0, code = EXIT_FAIL;

	if (argc < 2)
		return app_usage_error("users", "укажите действие: list, add "
		    "или remove");
	if (app_wants_help(argc, argv)) {
		cmd_users_usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(action, "list") != 0 && strcmp(action, "add") != 0 &&
	    strcmp(action, "remove") != 0) {
		return app_usage_error("users", "неизвестное действие «%s»",
		    action);
	}
	if ((strcmp(action, "list") == 0 && argc != 2) ||
	    (strcmp(action, "remove") == 0 && argc != 3)) {
		return app_usage_error("users", "неверные аргументы");
	}
	if (app_open_store(app, 0, &st, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	app_actor_init(&who);
	if (strcmp(action, "list") == 0)
		rc = cmd_users_list(st, who.login, &err);
	else if (strcmp(action, "add") == 0)
		rc = cmd_users_add(st, argc - 1, argv + 1, &who, &err, &code);
	else
		rc = cmd_users_remove(st, argv[2], &who, &err);
	store_close(st);
	if (rc != 0 && code == EXIT_USAGE)
		return EXIT_USAGE;
	if (rc != 0) {
		app_error("users: %s", err.msg);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
