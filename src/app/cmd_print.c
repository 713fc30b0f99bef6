/*
 * cmd_print.c - "perechen print": the list to the printer through CUPS's
 * lp, run with an argument vector (never a shell).  Without a print
 * server or printer it says so and saves the document in a file instead,
 * telling where.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app.h"
#include "export_pdf.h"
#include "printout.h"

extern char **environ;

/* The document was not printed but saved in a file. */
#define CMD_PRINT_SAVED		3
#define CMD_PRINT_COPIES_MAX	99
#define CMD_PRINT_WIDTH		80	/* txt: columns of a plain printer */
#define CMD_PRINT_PAGE_LENGTH	60	/* txt: A4 at 6 lines an inch */
#define CMD_PRINT_OUTPUT_MAX	4096	/* what is kept of lp's messages */

/* The command's Russian help. */
static void
cmd_print_usage(FILE *f)
{
	fprintf(f, "Использование: perechen [-d ФАЙЛ] print [ПАРАМЕТРЫ]\n"
	    "Печатает перечень на принтере через lp (CUPS). Если сервера\n"
	    "печати или принтера нет, сохраняет документ в файл в текущем\n"
	    "каталоге (если в него нельзя писать — в $XDG_DOCUMENTS_DIR или\n"
	    "домашнем) и говорит, где он; код выхода тогда %d.\n\n"
	    "  --printer ИМЯ       принтер (очередь CUPS; по умолчанию —\n"
	    "                      принтер по умолчанию)\n"
	    "  --copies N          число экземпляров (1–%d, по умолчанию 1)\n"
	    "  --format pdf|txt    pdf (по умолчанию, если программа собрана с\n"
	    "                      PDF) или текст для простого принтера\n"
	    "  --revision N        утверждённая редакция N (latest — последняя)\n"
	    "  --working           рабочая версия (по умолчанию)\n"
	    "  --caption ТЕКСТ     надпись под заголовком (\"\" — без неё)\n"
	    "  --encoding КОД      txt: кодировка (utf8, cp866, koi8r…)\n"
	    "  --width N           txt: ширина в колонках (по умолчанию %d)\n"
	    "  --page-length N     txt: строк на странице (по умолчанию %d)\n"
	    "  -h, --help          эта справка\n",
	    CMD_PRINT_SAVED, CMD_PRINT_COPIES_MAX, CMD_PRINT_WIDTH,
	    CMD_PRINT_PAGE_LENGTH);
}

struct cmd_print_args {
	struct printout p;
	const char *printer;
	int	 copies;
};

/* parse returns this to go on, else the exit code. */
#define CMD_PRINT_GO	(-1)

/* A whole decimal number in [min, max], or -1. */
static int
cmd_print_parse_int(const char *s, int min, int max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		return -1;
	return (int)v;
}

/* A number option in [min, max] into *out, or a usage error. */
static int
cmd_print_number(const char *name, const char *s, int min, int max, int *out)
{
	if ((*out = cmd_print_parse_int(s, min, max)) >= 0)
		return CMD_PRINT_GO;
	app_error("print: %s «%s» — нужно целое число от %d до %d", name, s,
	    min, max);
	return EXIT_USAGE;
}

/* Options into a. */
static int
cmd_print_parse(int argc, char **argv, struct cmd_print_args *a)
{
	static const struct option opts[] = {
		{ "printer", required_argument, NULL, 'P' },
		{ "copies", required_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'f' },
		{ "revision", required_argument, NULL, 'r' },
		{ "working", no_argument, NULL, 'W' },
		{ "caption", required_argument, NULL, 'c' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "width", required_argument, NULL, 'w' },
		{ "page-length", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_opts init = EXPORT_OPTS_INIT;
	struct error err;
	bool revision = false, working = false;
	int c, rc = CMD_PRINT_GO;

	memset(a, 0, sizeof *a);
	a->p.opts = init;
	a->p.opts.width = CMD_PRINT_WIDTH;
	a->p.opts.page_length = CMD_PRINT_PAGE_LENGTH;
	a->p.format = export_pdf_available() ? PRINTOUT_PDF : PRINTOUT_TXT;
	a->copies = 1;
	optind = 0;
	opterr = 0;
	while (rc == CMD_PRINT_GO &&
	    (c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'P': a->printer = optarg; break;
		case 'n':
			rc = cmd_print_number("число экземпляров", optarg, 1,
			    CMD_PRINT_COPIES_MAX, &a->copies);
			break;
		case 'f':
			if (strcmp(optarg, "pdf") == 0)
				a->p.format = PRINTOUT_PDF;
			else if (strcmp(optarg, "txt") == 0)
				a->p.format = PRINTOUT_TXT;
			else {
				app_error("print: печатаются pdf и txt, а не "
				    "«%s»", optarg);
				rc = EXIT_USAGE;
			}
			break;
		case 'r':
			if (printout_revision_parse(optarg, &a->p.revision,
			    &err) != 0) {
				app_error("print: %s", err.msg);
				rc = EXIT_USAGE;
			}
			revision = true;
			break;
		case 'W': working = true; break;
		case 'c': a->p.caption = optarg; break;
		case 'e': a->p.opts.encoding = optarg; break;
		case 'w':
			rc = cmd_print_number("ширина", optarg,
			    EXPORT_WIDTH_MIN, EXPORT_WIDTH_MAX,
			    &a->p.opts.width);
			break;
		case 'l':
			rc = cmd_print_number("длина страницы", optarg,
			    EXPORT_PAGE_LENGTH_MIN, EXPORT_PAGE_LENGTH_MAX,
			    &a->p.opts.page_length);
			break;
		case 'h': cmd_print_usage(stdout); return EXIT_OK;
		default:
			app_error("print: неверный параметр «%s»",
			    argv[optind - 1]);
			cmd_print_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (rc == CMD_PRINT_GO && optind < argc) {
		app_error("print: лишний аргумент «%s»", argv[optind]);
		rc = EXIT_USAGE;
	}
	if (rc == CMD_PRINT_GO && revision && working) {
		app_error("print: --revision и --working вместе не бывают");
		rc = EXIT_USAGE;
	}
	return rc;
}

/* The file of program name in $PATH (as execvp would find it), or NULL.
 * Caller frees. */
static char *
cmd_print_which(const char *name)
{
	const char *path = getenv("PATH"), *p;

	if (path == NULL)
		path = "/usr/bin:/bin";
	for (p = path; ; p += strcspn(p, ":") + 1) {
		size_t n = strcspn(p, ":");
		char *file = xasprintf("%.*s/%s", (int)n, n > 0 ? p : ".", name);
		struct stat sb;

		if (stat(file, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    access(file, X_OK) == 0)
			return file;
		free(file);
		if (p[n] == '\0')
			return NULL;
	}
}

/* The environment with the C locale, so that a program's words can be
 * read.  Caller frees the array (not the strings, which are environ's). */
static char **
cmd_print_c_env(void)
{
	size_t n = 0, k = 0;
	char **env;

	while (environ[n] != NULL)
		n++;
	env = xcalloc(n + 2, sizeof *env);
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "LC_", 3) != 0 &&
		    strncmp(environ[i], "LANG=", 5) != 0 &&
		    strncmp(environ[i], "LANGUAGE=", 9) != 0)
			env[k++] = environ[i];
	env[k++] = (char *)"LC_ALL=C";
	env[k] = NULL;
	return env;
}

/*
 * Run file with argv (no shell), its standard input /dev/null, its output
 * and errors collected into out (the first CMD_PRINT_OUTPUT_MAX bytes).
 * *status is its wait status.  Returns 0, or -1 with err if it could not
 * be started.
 */
static int
cmd_print_run(const char *file, char *const argv[], char *const envp[],
    struct buf *out, int *status, struct error *err)
{
	posix_spawn_file_actions_t fa;
	char chunk[1024];
	int fds[2], rc;
	pid_t pid;
	ssize_t n;

	if (pipe(fds) != 0)
		return error_set(err, "pipe: %s", strerror(errno));
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
	posix_spawn_file_actions_addclose(&fa, fds[0]);
	posix_spawn_file_actions_addclose(&fa, fds[1]);
	rc = posix_spawn(&pid, file, &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (rc != 0) {
		close(fds[0]);
		return error_set(err, "не удалось запустить %s: %s", file,
		    strerror(rc));
	}
	while ((n = read(fds[0], chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		if (out->len < CMD_PRINT_OUTPUT_MAX)
			buf_append(out, chunk, (size_t)n);
	}
	close(fds[0]);
	while (waitpid(pid, status, 0) < 0)
		if (errno != EINTR)
			return error_set(err, "waitpid: %s", strerror(errno));
	return 0;
}

/* The collected output as one line: trailing space and line breaks go. */
static void
cmd_print_one_line(struct buf *b)
{
	for (size_t i = 0; i < b->len; i++)
		if (b->data[i] == '\n' || b->data[i] == '\r')
			b->data[i] = ' ';
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
}

/* Ask lpstat whether the CUPS scheduler runs; a missing lpstat or one
 * that cannot say leaves the question to lp.  *why gets the reason when
 * it does not run. */
static bool
cmd_print_no_scheduler(char **why)
{
	char *lpstat = cmd_print_which("lpstat");
	char *argv[] = { (char *)"lpstat", (char *)"-r", NULL };
	char **env;
	struct buf out;
	struct error err;
	int status;
	bool none = false;

	if (lpstat == NULL)
		return false;
	env = cmd_print_c_env();
	buf_init(&out);
	if (cmd_print_run(lpstat, argv, env, &out, &status, &err) == 0) {
		cmd_print_one_line(&out);
		if (strstr(out.data, "not running") != NULL) {
			none = true;
			*why = xasprintf("сервер печати CUPS не запущен "
			    "(lpstat -r: %s)", out.data);
		}
	}
	buf_fini(&out);
	free(env);
	free(lpstat);
	return none;
}

/* Hand file to lp; 0 if it took the job (its words in *said), else -1
 * with the reason in *why.  Both are the caller's to free. */
static int
cmd_print_lp(const struct cmd_print_args *a, const char *file,
    const char *title, char **said, char **why)
{
	char *lp = cmd_print_which("lp"), *argv[9], copies[16];
	struct buf out;
	struct error err;
	int n = 0, status, rc = -1;

	*said = NULL;
	*why = NULL;
	if (lp == NULL) {
		*why = xstrdup("не найдена программа lp: система печати CUPS "
		    "не установлена (пакет cups-client)");
		return -1;
	}
	if (cmd_print_no_scheduler(why)) {
		free(lp);
		return -1;
	}
	snprintf(copies, sizeof copies, "%d", a->copies);
	argv[n++] = (char *)"lp";
	if (a->printer != NULL) {
		argv[n++] = (char *)"-d";
		argv[n++] = (char *)a->printer;
	}
	argv[n++] = (char *)"-n";
	argv[n++] = copies;
	argv[n++] = (char *)"-t";
	argv[n++] = (char *)title;
	argv[n++] = (char *)file;	/* absolute: never taken for an option */
	argv[n] = NULL;
	buf_init(&out);
	if (cmd_print_run(lp, argv, environ, &out, &status, &err) != 0)
		*why = xstrdup(err.msg);
	else {
		cmd_print_one_line(&out);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			*said = xstrdup(out.data);
			rc = 0;
		} else if (WIFEXITED(status))
			*why = xasprintf("lp не приняла задание (код %d)%s%s",
			    WEXITSTATUS(status), out.len > 0 ? ": " : "",
			    out.data);
		else
			*why = xasprintf("lp прервана сигналом %d",
			    WTERMSIG(status));
	}
	buf_fini(&out);
	free(lp);
	return rc;
}

/* The directory to save in: the current one if it can be written, else
 * $XDG_DOCUMENTS_DIR, else home; NULL if none.  Caller frees. */
static char *
cmd_print_save_dir(void)
{
	const char *docs = getenv("XDG_DOCUMENTS_DIR");
	const char *home = getenv("HOME");
	char cwd[4096];

	if (getcwd(cwd, sizeof cwd) != NULL && access(cwd, W_OK) == 0)
		return xstrdup(cwd);
	if (docs != NULL && docs[0] == '/' && access(docs, W_OK) == 0)
		return xstrdup(docs);
	if (home != NULL && home[0] == '/' && access(home, W_OK) == 0)
		return xstrdup(home);
	return NULL;
}

/* Save doc as perechen-<version>.<ext> (-2, -3… if taken) in the save
 * directory; the path into *where (caller frees). */
static int
cmd_print_save(const struct buf *doc, const char *base, const char *ext,
    char **where, struct error *err)
{
	char *dir = cmd_print_save_dir();
	int e = 0;

	*where = NULL;
	if (dir == NULL)
		return error_set(err, "нет каталога, куда можно записать файл "
		    "(ни текущий, ни $XDG_DOCUMENTS_DIR, ни домашний)");
	for (int i = 1; i < 100; i++) {
		char *path = i == 1 ? xasprintf("%s/%s.%s", dir, base, ext) :
		    xasprintf("%s/%s-%d.%s", dir, base, i, ext);

		if (printout_write_file(path, doc, true, &e, err) == 0) {
			*where = path;
			free(dir);
			return 0;
		}
		free(path);
		if (e != EEXIST)
			break;
	}
	free(dir);
	return -1;
}

/* The document in a file of a private temporary directory, for lp; the
 * directory into *dir (both the caller's to remove and free). */
static int
cmd_print_temp(const struct buf *doc, const char *ext, char **dir,
    char **file, struct error *err)
{
	const char *tmp = getenv("TMPDIR");

	*dir = xasprintf("%s/perechen-print.XXXXXX", tmp != NULL && tmp[0] ==
	    '/' ? tmp : "/tmp");
	*file = NULL;
	if (mkdtemp(*dir) == NULL) {
		error_set(err, "не удалось создать временный каталог %s: %s",
		    *dir, strerror(errno));
		free(*dir);
		*dir = NULL;
		return -1;
	}
	*file = xasprintf("%s/perechen.%s", *dir, ext);
	if (printout_write_file(*file, doc, false, NULL, err) != 0) {
		rmdir(*dir);
		return -1;
	}
	return 0;
}

/* Print doc, or save it where the clerk can find it. */
static int
cmd_print_doc(const struct cmd_print_args *a, const struct buf *doc,
    int64_t rev)
{
	const char *ext = printout_format_ext(a->p.format);
	char *dir, *file, *title, *base, *said = NULL, *why = NULL, *where;
	struct error err;
	int rc;

	if (rev == PRINTOUT_WORKING) {
		title = xstrdup("Перечень — рабочая версия");
		base = xstrdup("perechen-working");
	} else {
		title = xasprintf("Перечень — редакция %lld", (long long)rev);
		base = xasprintf("perechen-revision-%lld", (long long)rev);
	}
	if (cmd_print_temp(doc, ext, &dir, &file, &err) != 0) {
		app_error("%s", err.msg);
		rc = EXIT_FAIL;
	} else if (cmd_print_lp(a, file, title, &said, &why) == 0) {
		app_note("Отправлено на печать: %s, экземпляров: %d%s%s",
		    title, a->copies, said[0] != '\0' ? "; lp: " : "", said);
		rc = EXIT_OK;
	} else if (cmd_print_save(doc, base, ext, &where, &err) != 0) {
		app_error("напечатать не удалось: %s; сохранить файл тоже: %s",
		    why, err.msg);
		rc = EXIT_FAIL;
	} else {
		app_error("напечатать не удалось: %s.\nДокумент сохранён в "
		    "файл %s — его можно распечатать позже или с другого "
		    "компьютера.", why, where);
		free(where);
		rc = CMD_PRINT_SAVED;
	}
	if (file != NULL) {
		unlink(file);
		rmdir(dir);
	}
	free(said);
	free(why);
	free(file);
	free(dir);
	free(title);
	free(base);
	return rc;
}

int
cmd_print(struct app *app, int argc, char **argv)
{
	struct cmd_print_args a;
	struct store *st;
	struct error err;
	struct buf doc;
	size_t replaced = 0;
	int64_t rev = PRINTOUT_WORKING;
	int rc;

	setlocale(LC_NUMERIC, "C");
	if ((rc = cmd_print_parse(argc, argv, &a)) != CMD_PRINT_GO)
		return rc;
	if (app_open_store(app, 0, &st, &err) != 0) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	buf_init(&doc);
	rc = printout_render(st, &a.p, &doc, &replaced, &rev, &err);
	store_close(st);
	if (rc != 0) {
		buf_fini(&doc);
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	if (replaced > 0)
		app_error("предупреждение: символов, которых нет в "
		    "кодировке, заменено знаком «?»: %zu", replaced);
	rc = cmd_print_doc(&a, &doc, rev);
	buf_fini(&doc);
	return rc;
}
