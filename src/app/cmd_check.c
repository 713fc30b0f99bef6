/*
 * cmd_check.c - "perechen check": every finding of the rules R0-R11 over
 * the list: the header's (R0) first, then grouped by process.
 *
 * Exit status: 0 clean (no errors, no unacknowledged warnings; hints do not
 * count), 1 unacknowledged warnings and no errors, 2 errors, 3 the check
 * could not run (no database, a wrong option…).
 *
 * --format json prints one array, one object per finding, in list order:
 *
 *   rule            "R0" … "R11"
 *   clause          the clause of the Порядок: "2.9.3", "3.1, 4"; "" for R11
 *   level           "error" | "warning" | "hint"
 *   process         the process number as printed (1, 2, …), or null for
 *                   a finding about the header (R0)
 *   process_name    its name, or null
 *   touchpoint      the touchpoint's number within its process (1, 2, …),
 *                   or null for a finding about the process as a whole
 *   touchpoint_name its name, or null
 *   field           "name" | "kind" | "channel" | "contacts" | "needs" |
 *                   "key" | "basis" | "transfers" | "ack_receipt" |
 *                   "org" | "org_genitive" | "title" | null
 *   item            the number (1, 2, …) of the contact or need within the
 *                   field, or null
 *   message         the Russian message, citing the clause
 *   acknowledged    true if a stored acknowledgement accepts the warning
 *   justification   the acknowledgement's justification, or null
 *
 * Strings are UTF-8; invalid bytes become U+FFFD, and control, C1 and
 * bidirectional-override characters are written as \uXXXX escapes, so
 * the output is safe on a terminal and exact for a program.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "fileio.h"
#include "store_ack.h"
#include "utf8.h"
#include "validate.h"

enum {
	CHECK_CLEAN = 0,
	CHECK_WARNINGS = 1,
	CHECK_ERRORS = 2,
	CHECK_FAILED = 3
};

#define CHECK_NAME_WIDTH 70	/* columns of a touchpoint name in headers */

/* The command's Russian help. */
static void
cmd_check_usage(FILE *f)
{
	fputs("Использование: perechen [-d ФАЙЛ] check [--format text|json]\n"
	    "Проверяет перечень по правилам Порядка (R0–R11) и печатает все\n"
	    "замечания — к заголовку перечня (R0), затем по процессам:\n"
	    "ошибки (запрещают сохранение), предупреждения (можно принять с\n"
	    "обоснованием: perechen ack) и подсказки.\n\n"
	    "  --format text|json  вид вывода: текст (по умолчанию) или JSON —\n"
	    "                      массив объектов с полями rule, clause, level,\n"
	    "                      process, process_name, touchpoint,\n"
	    "                      touchpoint_name, field, item, message,\n"
	    "                      acknowledged, justification\n"
	    "  -h, --help          эта справка\n\n"
	    "Код возврата: 0 — замечаний нет (подсказки не в счёт),\n"
	    "1 — есть непринятые предупреждения, 2 — есть ошибки,\n"
	    "3 — проверка не выполнена (нет базы, неверные параметры).\n", f);
}

/* Append s to out as a JSON string (app.h). */
static void
cmd_check_json_string(struct buf *out, const char *s)
{
	app_json_string(out, s);
}

/* Append a 1-based number, or null for FINDING_NONE. */
static void
cmd_check_json_index(struct buf *out, size_t i)
{
	if (i == FINDING_NONE)
		buf_puts(out, "null");
	else
		buf_printf(out, "%zu", i + 1);
}

/* One finding as a JSON object; p is its process (NULL for R0). */
static void
cmd_check_json_finding(struct buf *out, const struct process *p,
    const struct finding *fi)
{
	const struct rule *r = rule_get(fi->rule);

	buf_puts(out, "{\"rule\": ");
	cmd_check_json_string(out, r->code);
	buf_puts(out, ", \"clause\": ");
	cmd_check_json_string(out, r->clause);
	buf_puts(out, ", \"level\": ");
	cmd_check_json_string(out, level_name(fi->level));
	buf_puts(out, ", \"process\": ");
	cmd_check_json_index(out, fi->proc);
	buf_puts(out, ", \"process_name\": ");
	if (p == NULL)
		buf_puts(out, "null");
	else
		cmd_check_json_string(out, p->name);
	buf_puts(out, ", \"touchpoint\": ");
	cmd_check_json_index(out, fi->tp);
	buf_puts(out, ", \"touchpoint_name\": ");
	if (fi->tp == FINDING_NONE)
		buf_puts(out, "null");
	else
		cmd_check_json_string(out, p->tps[fi->tp].name);
	buf_puts(out, ", \"field\": ");
	if (fi->field == FIELD_NONE)
		buf_puts(out, "null");
	else
		cmd_check_json_string(out, field_name(fi->field));
	buf_puts(out, ", \"item\": ");
	cmd_check_json_index(out, fi->item);
	buf_puts(out, ", \"message\": ");
	cmd_check_json_string(out, fi->message);
	buf_puts(out, fi->acknowledged ? ", \"acknowledged\": true, "
	    "\"justification\": " : ", \"acknowledged\": false, "
	    "\"justification\": ");
	if (fi->acknowledged)
		cmd_check_json_string(out, fi->justification);
	else
		buf_puts(out, "null");
	buf_putc(out, '}');
}

/* One finding as a text line: level, message, acceptance. */
static void
cmd_check_text_finding(struct buf *out, const struct finding *fi,
    const char *indent)
{
	const struct rule *r = rule_get(fi->rule);

	buf_puts(out, indent);
	buf_puts(out, level_label(fi->level));
	buf_puts(out, r->clause[0] != '\0' ? " " : ": ");
	utf8_sanitize(fi->message, 0, out);
	if (fi->acknowledged) {
		buf_puts(out, " (принято: ");
		utf8_sanitize(fi->justification, 0, out);
		buf_putc(out, ')');
	}
	buf_putc(out, '\n');
}

/* "2. Консультирование" or "  2.3. Почта России", sanitised and fitted. */
static void
cmd_check_text_header(struct buf *out, const char *indent, const char *num,
    const char *name)
{
	char *sq = utf8_squeeze(name);

	buf_puts(out, indent);
	buf_puts(out, num);
	buf_putc(out, ' ');
	if (sq[0] == '\0')
		buf_puts(out, "(без названия)");
	else
		utf8_fit(sq, CHECK_NAME_WIDTH, out);
	buf_putc(out, '\n');
	free(sq);
}

/*
 * A check walking the list a process at a time: the findings of one
 * process are printed and dropped before the next is read, so a list of
 * any size takes the memory of its largest process.
 */
struct cmd_check_walk {
	const struct catalog *cat;
	const struct acks *acks;
	bool	 json;
	struct findings f;	/* of the process being printed */
	struct buf out;		/* its text, written before the next */
	size_t	 printed;	/* findings printed so far */
	size_t	 errors, warnings, unacked, hints;
};

static void
cmd_check_tally(struct cmd_check_walk *w)
{
	w->errors += findings_count(&w->f, LEVEL_ERROR, false);
	w->warnings += findings_count(&w->f, LEVEL_WARNING, false);
	w->unacked += findings_count(&w->f, LEVEL_WARNING, true);
	w->hints += findings_count(&w->f, LEVEL_HINT, false);
}

/* The findings in w->f, of process p (NULL: the header's), into w->out. */
static void
cmd_check_format(struct cmd_check_walk *w, const struct process *p)
{
	size_t last_tp = FINDING_NONE;
	char num[64];

	for (size_t i = 0; i < w->f.n; i++) {
		const struct finding *fi = &w->f.v[i];

		if (w->json) {
			buf_puts(&w->out, w->printed++ == 0 ? "\n  " : ",\n  ");
			cmd_check_json_finding(&w->out, p, fi);
			continue;
		}
		if (p == NULL) {
			/* The header's findings (R0) come first. */
			if (w->printed++ == 0)
				buf_puts(&w->out, "Заголовок перечня\n");
			cmd_check_text_finding(&w->out, fi, "  ");
			continue;
		}
		if (i == 0) {
			snprintf(num, sizeof num, "%zu.", fi->proc + 1);
			cmd_check_text_header(&w->out, "", num, p->name);
		}
		w->printed++;
		if (fi->tp == FINDING_NONE) {
			cmd_check_text_finding(&w->out, fi, "  ");
			continue;
		}
		if (fi->tp != last_tp) {
			snprintf(num, sizeof num, "%zu.%zu.", fi->proc + 1,
			    fi->tp + 1);
			cmd_check_text_header(&w->out, "  ", num,
			    p->tps[fi->tp].name);
			last_tp = fi->tp;
		}
		cmd_check_text_finding(&w->out, fi, "    ");
	}
}

/* Print and drop the findings gathered in w->f. */
static int
cmd_check_flush(struct cmd_check_walk *w, const struct process *p,
    struct error *err)
{
	int rc;

	findings_apply_acks(&w->f, w->acks);
	cmd_check_tally(w);
	cmd_check_format(w, p);
	findings_reset(&w->f);
	rc = fileio_stdout(w->out.data, w->out.len, err);
	buf_reset(&w->out);
	return rc;
}

static int
cmd_check_process(void *ctx, struct process *p, size_t index,
    struct error *err)
{
	struct cmd_check_walk *w = ctx;

	validate_list_process(p, index, w->cat, &w->f);
	return cmd_check_flush(w, p, err);
}

/* The closing bracket, or the totals line. */
static int
cmd_check_finish(struct cmd_check_walk *w, struct error *err)
{
	if (w->json)
		buf_puts(&w->out, w->printed > 0 ? "\n]\n" : "]\n");
	else if (w->printed == 0)
		buf_puts(&w->out, "Замечаний нет.\n");
	else
		buf_printf(&w->out, "\nИтого: ошибок %zu, предупреждений %zu "
		    "(из них принято %zu), подсказок %zu.\n", w->errors,
		    w->warnings, w->warnings - w->unacked, w->hints);
	return fileio_stdout(w->out.data, w->out.len, err);
}

/* Check the header, then the list a process at a time, printing as it
 * goes; the counts end up in w. */
static int
cmd_check_run(struct app *app, struct cmd_check_walk *w, struct error *err)
{
	struct list_header h;
	struct catalog cat;
	struct acks acks;
	struct store *st;
	int rc = -1;

	if (app_open_store(app, 0, &st, err) != 0)
		return -1;
	catalog_init(&cat);
	acks_init(&acks);
	list_header_init(&h);
	w->cat = &cat;
	w->acks = &acks;
	if (store_get_header(st, &h, err) == 0 &&
	    store_read_catalog(st, &cat, err) == 0 &&
	    store_ack_list(st, &acks, err) == 0) {
		if (w->json)
			buf_putc(&w->out, '[');
		validate_header(&h, &w->f);
		if (cmd_check_flush(w, NULL, err) == 0 &&
		    store_list_each_process(st, 0, cmd_check_process, w,
		    err) == 0)
			rc = cmd_check_finish(w, err);
	}
	list_header_fini(&h);
	acks_fini(&acks);
	catalog_fini(&cat);
	store_close(st);
	return rc;
}

int
cmd_check(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_check_walk w;
	struct error err;
	bool json = false;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = true;
			else if (strcmp(optarg, "text") == 0)
				json = false;
			else {
				app_error("check: неизвестный формат «%s»: "
				    "text или json", optarg);
				return CHECK_FAILED;
			}
			break;
		case 'h':
			cmd_check_usage(stdout);
			return CHECK_CLEAN;
		default:
			(void)app_bad_option("check", "h", opts, argv);
			return CHECK_FAILED;
		}
	}
	if (optind < argc) {
		(void)app_usage_error("check", "лишний аргумент «%s»",
		    argv[optind]);
		return CHECK_FAILED;
	}
	memset(&w, 0, sizeof w);
	w.json = json;
	findings_init(&w.f);
	buf_init(&w.out);
	if (cmd_check_run(app, &w, &err) != 0) {
		app_error("%s", err.msg);
		rc = CHECK_FAILED;
	} else if (fileio_flush_stdout(&err) != 0) {
		app_error("check: %s", err.msg);
		rc = CHECK_FAILED;
	} else if (w.errors > 0)
		rc = CHECK_ERRORS;
	else if (w.unacked > 0)
		rc = CHECK_WARNINGS;
	else
		rc = CHECK_CLEAN;
	buf_fini(&w.out);
	findings_fini(&w.f);
	return rc;
}
