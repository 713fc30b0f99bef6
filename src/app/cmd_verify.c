/*
 * cmd_verify.c - "perechen verify": recompute the change log's hash chain
 * and the revisions' hashes, and name the first entry or revision changed
 * outside the program.
 *
 * Exit status: 0 intact, 1 changed outside the program (or unreadable),
 * 2 a wrong command line.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "store_chain.h"

static void
verify_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ | -l ИМЯ] verify\n"
	    "Пересчитывает контрольные суммы журнала изменений (каждая\n"
	    "запись несёт SHA-256 предыдущей записи и своего содержания) и\n"
	    "утверждённых редакций и называет первую запись или редакцию,\n"
	    "изменённую вне программы.\n\n"
	    "Код возврата: 0 — журнал и редакции целы, 1 — найдено изменение\n"
	    "вне программы (или перечень не прочитан), 2 — неверные параметры.\n",
	    f);
}

/* «12.11.2026» of an entry's "2026-11-12T…Z" (as it is if not one). */
static void
entry_day(const char *at_utc, char *out, size_t len)
{
	if (strlen(at_utc) >= 10 && at_utc[4] == '-' && at_utc[7] == '-')
		snprintf(out, len, "%.2s.%.2s.%.4s", at_utc + 8, at_utc + 5,
		    at_utc);
	else
		snprintf(out, len, "%s", at_utc);
}

/* The message about a break (the same words the editor shows). */
void
app_chain_break_text(const struct chain_break *b, char *out, size_t len)
{
	char day[32];

	if (b->log_id != 0) {
		entry_day(b->log_at, day, sizeof day);
		snprintf(out, len, "запись журнала %lld от %s изменена вне "
		    "программы", (long long)b->log_id, day);
	} else {
		snprintf(out, len, "редакция %lld изменена вне программы: её "
		    "сохранённый перечень не тот, что был утверждён",
		    (long long)b->revision_id);
	}
}

int
cmd_verify(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct chain_break b;
	struct store *st;
	struct error err;
	char text[256];
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c != 'h')
			return app_bad_option("verify", "h", opts, argv);
		verify_usage(stdout);
		return EXIT_OK;
	}
	if (optind < argc)
		return app_usage_error("verify", "лишний аргумент «%s»",
		    argv[optind]);
	if (app_open_store(app, 0, &st, &err) != 0) {
		app_error("verify: %s", err.msg);
		return EXIT_FAIL;
	}
	rc = store_chain_verify(st, true, &b, &err);
	store_close(st);
	if (rc != 0) {
		app_error("verify: %s", err.msg);
		return EXIT_FAIL;
	}
	if (b.found) {
		app_chain_break_text(&b, text, sizeof text);
		app_error("verify: %s", text);
		if (b.log_id != 0)
			app_note("(или удалена запись перед ней); вернуть "
			    "перечень из копии: perechen restore КОПИЯ");
		return EXIT_FAIL;
	}
	app_out("Журнал изменений и редакции целы: записей %lld, редакций "
	    "%lld.\n", (long long)b.entries, (long long)b.revisions);
	return EXIT_OK;
}
