/* cmd_init.c - "perechen init": create a list or set its header. */
#include <getopt.h>
#include <string.h>

#include "app.h"

static void
init_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] init [ПАРАМЕТРЫ]\n"
	    "Создаёт перечень (файл базы) или меняет его заголовок.\n\n"
	    "  --org ТЕКСТ       орган (ОИВ), ведущий перечень\n"
	    "  --title ТЕКСТ     заглавие перечня\n"
	    "  --area ТЕКСТ      направление деятельности\n", f);
}

int
cmd_init(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'o' },
		{ "title", required_argument, NULL, 't' },
		{ "area", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *org = NULL, *title = NULL, *area = NULL;
	struct list_header h;
	struct store *st;
	struct error err;
	int c, rc = EXIT_FAIL;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': org = optarg; break;
		case 't': title = optarg; break;
		case 'a': area = optarg; break;
		case 'h': init_usage(stdout); return EXIT_OK;
		default:
			app_error("init: неверный параметр «%s»",
			    argv[optind - 1]);
			init_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		app_error("init: лишний аргумент «%s»", argv[optind]);
		return EXIT_USAGE;
	}
	if (app_open_store(app, STORE_CREATE, &st, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	list_header_init(&h);
	if (store_begin(st, &err) == 0 && store_get_header(st, &h, &err) == 0) {
		if (org != NULL)
			model_set(&h.org, org);
		if (title != NULL)
			model_set(&h.title, title);
		if (area != NULL)
			model_set(&h.area, area);
		if (store_set_header(st, &h, &err) == 0 &&
		    store_commit(st, &err) == 0)
			rc = EXIT_OK;
	}
	if (rc != EXIT_OK) {
		store_rollback(st);
		app_error("%s", err.msg);
	} else {
		app_note("Перечень: %s", app->db_path);
	}
	list_header_fini(&h);
	store_close(st);
	return rc;
}
