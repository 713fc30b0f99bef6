/*
 * cmd_settings.c - "perechen settings": the print settings kept with the
 * list (page size, orientation, margins, font and size, the grif's
 * wording, the amending order's wording and signatory), shown, changed
 * and reset.  They apply to every printed format.
 */
#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "printout.h"
#include "store_setting.h"

/* The command's Russian help, with every setting and its default. */
static void
cmd_settings_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] settings [КЛЮЧ [ЗНАЧЕНИЕ]]\n"
	    "       perechen [-d ФАЙЛ] settings --reset КЛЮЧ\n"
	    "Настройки печати перечня (для txt не действуют: у текстовой\n"
	    "таблицы свои --width и --page-length) и проекта приказа о\n"
	    "внесении изменений (order.*). Без параметров — все\n"
	    "настройки; с КЛЮЧОМ — его значение; с ЗНАЧЕНИЕМ — задать.\n\n"
	    "  --reset КЛЮЧ   вернуть значение по умолчанию\n"
	    "  -h, --help     эта справка\n\n"
	    "Ключи (по умолчанию):\n", f);
	for (size_t i = 0; i < printout_nsettings; i++)
		fprintf(f, "  %-17s %s (%s)\n", printout_settings[i].key,
		    printout_settings[i].what,
		    printout_settings[i].shown_default[0] != '\0' ?
		    printout_settings[i].shown_default : "пусто");
}

/* The key, or a usage error naming the known ones. */
static const struct printout_setting *
cmd_settings_key(const char *key)
{
	const struct printout_setting *s = printout_setting_find(key);
	struct buf keys;

	if (s != NULL)
		return s;
	buf_init(&keys);
	for (size_t i = 0; i < printout_nsettings; i++)
		buf_printf(&keys, "%s%s", i == 0 ? "" : i + 1 ==
		    printout_nsettings ? " и " : ", ", printout_settings[i].key);
	app_error("settings: неизвестная настройка «%s»; есть %s", key,
	    keys.data);
	buf_fini(&keys);
	return NULL;
}

/* Every setting, its value or default, one a line; a line break inside
 * a value is shown as "\n". */
static int
cmd_settings_list(struct store *st, struct error *err)
{
	for (size_t i = 0; i < printout_nsettings; i++) {
		const struct printout_setting *s = &printout_settings[i];
		struct buf line;
		char *v;
		bool found;

		if (store_setting_get(st, s->key, &v, &found, err) != 0)
			return -1;
		buf_init(&line);
		buf_printf(&line, "%-17s ", s->key);
		for (const char *p = found ? v : s->shown_default; *p; p++)
			if (*p == '\n')
				buf_puts(&line, "\\n");
			else
				buf_putc(&line, *p);
		if (!found)
			buf_puts(&line, s->shown_default[0] != '\0' ?
			    " (по умолчанию)" : strcmp(s->key,
			    "grif.wording") == 0 ? "(по умолчанию: «приказом "
			    "<органа>»)" : "(по умолчанию: пусто)");
		buf_putc(&line, '\n');
		app_print(stdout, line.data);
		buf_fini(&line);
		free(v);
	}
	return 0;
}

/* The value of one setting as it is, or its default. */
static int
cmd_settings_show(struct store *st, const struct printout_setting *s,
    struct error *err)
{
	char *v;
	bool found;

	if (store_setting_get(st, s->key, &v, &found, err) != 0)
		return -1;
	app_print(stdout, found ? v : s->shown_default);
	fputc('\n', stdout);
	free(v);
	return 0;
}

/* Check and store a new value. */
static int
cmd_settings_set(struct store *st, const struct printout_setting *s,
    const char *value, struct error *err)
{
	if (printout_setting_check(st, s->key, value, err) != 0)
		return -1;
	return store_setting_set(st, s->key, value, err);
}

/* Forget a value: the default applies again. */
static int
cmd_settings_reset(struct store *st, const struct printout_setting *s,
    struct error *err)
{
	bool removed;

	if (printout_setting_check(st, s->key, s->shown_default, err) != 0)
		return -1;
	if (store_setting_unset(st, s->key, &removed, err) != 0)
		return -1;
	if (!removed)
		app_note("%s уже по умолчанию", s->key);
	return 0;
}

int
cmd_settings(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reset", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct printout_setting *s = NULL;
	const char *reset = NULL;
	struct store *st;
	struct error err;
	int c, rc;

	setlocale(LC_NUMERIC, "C");
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'r': reset = optarg; break;
		case 'h': cmd_settings_usage(stdout); return EXIT_OK;
		default:
			return app_bad_option("settings", "h", opts, argv);
		}
	}
	if (argc - optind > 2 || (reset != NULL && argc > optind)) {
		(void)app_usage_error("settings", "лишний аргумент «%s»",
		    argv[reset != NULL ? optind : optind + 2]);
		return EXIT_USAGE;
	}
	if (reset != NULL || optind < argc) {
		s = cmd_settings_key(reset != NULL ? reset : argv[optind]);
		if (s == NULL)
			return EXIT_USAGE;
	}
	if (app_open_store(app, 0, &st, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	if (reset != NULL)
		rc = cmd_settings_reset(st, s, &err);
	else if (argc - optind == 2)
		rc = cmd_settings_set(st, s, argv[optind + 1], &err);
	else if (s != NULL)
		rc = cmd_settings_show(st, s, &err);
	else
		rc = cmd_settings_list(st, &err);
	store_close(st);
	if (rc != 0) {
		app_error("settings: %s", err.msg);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
