/* printjob.c - a printed document to lp, or into a file instead. */
#include "printjob.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "error.h"
#include "fileio.h"
#include "printout.h"

extern char **environ;

#define PRINTJOB_OUTPUT_MAX	4096	/* what is kept of lp's messages */

/* The file of program name in $PATH (as execvp would find it), or NULL.
 * Caller frees. */
static char *
printjob_which(const char *name)
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
printjob_c_env(void)
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
 * and errors collected into out (the first PRINTJOB_OUTPUT_MAX bytes).
 * *status is its wait status.  Returns 0, or -1 with err if it could not
 * be started.
 */
static int
printjob_run_program(const char *file, char *const argv[], char *const envp[],
    struct buf *out, int *status, struct error *err)
{
	posix_spawn_file_actions_t fa;
	char chunk[1024];
	int fds[2], rc;
	pid_t pid;
	ssize_t n;

	if (pipe(fds) != 0)
		return error_set_errno(err, errno, "не удалось создать канал "
		    "для %s", file);
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
		return error_set_errno(err, rc, "не удалось запустить %s",
		    file);
	}
	while ((n = read(fds[0], chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		if (out->len < PRINTJOB_OUTPUT_MAX)
			buf_append(out, chunk, (size_t)n);
	}
	close(fds[0]);
	while (waitpid(pid, status, 0) < 0)
		if (errno != EINTR)
			return error_set_errno(err, errno, "не удалось "
			    "дождаться %s", file);
	return 0;
}

/* The collected output as one line: trailing space and line breaks go. */
static void
printjob_one_line(struct buf *b)
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
printjob_no_scheduler(char **why)
{
	char *lpstat = printjob_which("lpstat");
	char *argv[] = { (char *)"lpstat", (char *)"-r", NULL };
	char **env;
	struct buf out;
	struct error err;
	int status;
	bool none = false;

	if (lpstat == NULL)
		return false;
	env = printjob_c_env();
	buf_init(&out);
	if (printjob_run_program(lpstat, argv, env, &out, &status, &err) == 0) {
		printjob_one_line(&out);
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

/* lp's file when it and the scheduler are there (caller frees), else
 * NULL with the reason in *why (the caller's to free). */
static char *
printjob_lp_ready(char **why)
{
	char *lp = printjob_which("lp");

	*why = NULL;
	if (lp == NULL) {
		*why = xstrdup("не найдена программа lp: система печати CUPS "
		    "не установлена (пакет cups-client)");
		return NULL;
	}
	if (printjob_no_scheduler(why)) {
		free(lp);
		return NULL;
	}
	return lp;
}

/* Hand file to lp (the program at lp) titled title; 0 if it took the
 * job (its words in *said), else -1 with the reason in *why.  Both are
 * the caller's to free. */
static int
printjob_lp(const struct printjob *job, const char *lp, const char *title,
    const char *file, char **said, char **why)
{
	char *argv[9], copies[16];
	struct buf out;
	struct error err;
	int n = 0, status, rc = -1;

	*said = NULL;
	*why = NULL;
	snprintf(copies, sizeof copies, "%d", job->copies);
	argv[n++] = (char *)"lp";
	if (job->printer != NULL) {
		argv[n++] = (char *)"-d";
		argv[n++] = (char *)job->printer;
	}
	argv[n++] = (char *)"-n";
	argv[n++] = copies;
	argv[n++] = (char *)"-t";
	argv[n++] = (char *)title;
	argv[n++] = (char *)file;	/* absolute: never taken for an option */
	argv[n] = NULL;
	buf_init(&out);
	if (printjob_run_program(lp, argv, environ, &out, &status, &err) != 0)
		*why = xstrdup(err.msg);
	else {
		printjob_one_line(&out);
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
	return rc;
}

/* The directory to save in: the current one if it can be written, else
 * $XDG_DOCUMENTS_DIR, else home; NULL if none.  Caller frees. */
static char *
printjob_save_dir(void)
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

/* What err says, then that what was written of the document is gone. */
static void
printjob_removed(struct error *err)
{
	size_t n = strlen(err->msg);

	snprintf(err->msg + n, sizeof err->msg - n, "; недописанный файл "
	    "удалён");
}

/*
 * Write doc into a new file at path (O_EXCL: EEXIST when taken, nothing
 * written), whole and on the disk; a failure removes what was written.
 * Returns 0, or -1 with err saying it could not write the document into
 * the directory dir (errno EEXIST when path was taken).
 */
static int
printjob_write_new(const char *path, const char *dir,
    const struct printjob_doc *doc, struct error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	int saved = 0;
	bool failed;

	if (fd < 0) {
		saved = errno;
		error_set_errno(err, saved, "не удалось записать документ в "
		    "каталог %s", dir);
		errno = saved;
		return -1;
	}
	errno = 0;
	failed = doc->write(doc->ctx, fd, err) != 0 || fsync(fd) != 0;
	if (failed)
		saved = errno;
	if (close(fd) != 0 && !failed) {
		failed = true;
		saved = errno;
	}
	if (!failed)
		return 0;
	unlink(path);
	/* errno 0: the writer's own err says why. */
	if (saved != 0)
		error_set_errno(err, saved, "не удалось записать документ в "
		    "каталог %s", dir);
	else
		error_prefix(err, "не удалось записать документ в каталог %s",
		    dir);
	printjob_removed(err);
	errno = 0;
	return -1;
}

/* Give the written file tmp (in dir) the name base.ext, or base-2.ext…
 * when taken: link never replaces a file nor follows a link.  *where
 * gets the path (caller frees). */
static int
printjob_link_saved(const char *tmp, const char *dir, const char *base,
    const char *ext, char **where, struct error *err)
{
	for (int i = 1; i < 100; i++) {
		char *path = i == 1 ? xasprintf("%s/%s.%s", dir, base, ext) :
		    xasprintf("%s/%s-%d.%s", dir, base, i, ext);

		if (link(tmp, path) == 0) {
			*where = path;
			return 0;
		}
		if (errno != EEXIST) {
			error_set_errno(err, errno, "не удалось записать %s",
			    path);
			free(path);
			return -1;
		}
		free(path);
	}
	return error_set(err, "не удалось записать %s/%s.%s: заняты и это "
	    "имя, и 98 следующих", dir, base, ext);
}

int
printjob_save_doc(const struct printjob_doc *doc, const char *ext,
    char **where, struct error *err)
{
	char *dir = printjob_save_dir(), *tmp = NULL, *title, *base;
	int rc = -1;

	*where = NULL;
	if (dir == NULL)
		return error_set(err, "нет каталога, куда можно записать файл "
		    "(ни текущий, ни $XDG_DOCUMENTS_DIR, ни домашний)");
	/* Hidden until whole; a name left by a killed run is passed by. */
	for (int i = 0; rc != 0 && i < 100; i++) {
		free(tmp);
		tmp = xasprintf("%s/.perechen-print-%ld-%d.tmp", dir,
		    (long)getpid(), i);
		if ((rc = printjob_write_new(tmp, dir, doc, err)) != 0 &&
		    errno != EEXIST)
			break;
	}
	if (rc == 0) {
		doc->names(doc->ctx, &title, &base);
		rc = printjob_link_saved(tmp, dir, base, ext, where, err);
		unlink(tmp);
		free(title);
		free(base);
	}
	free(tmp);
	free(dir);
	return rc;
}

/* A document held whole, and its names. */
struct printjob_held {
	const struct buf *doc;
	const char *title, *base;
};

/* fileio_writer of a held document. */
static int
printjob_held_write(void *ctx, int fd, struct error *err)
{
	const struct printjob_held *h = ctx;

	(void)err;
	return fileio_write_all(fd, h->doc->data, h->doc->len);
}

static void
printjob_held_names(void *ctx, char **title, char **base)
{
	const struct printjob_held *h = ctx;

	*title = xstrdup(h->title != NULL ? h->title : "");
	*base = xstrdup(h->base);
}

int
printjob_save(const struct buf *doc, const char *base, const char *ext,
    char **where, struct error *err)
{
	struct printjob_held h = { doc, NULL, base };
	struct printjob_doc d = { printjob_held_write, printjob_held_names,
	    &h };

	return printjob_save_doc(&d, ext, where, err);
}

/* A file already written, to be copied (see printjob_copy_write) under
 * the names of the document it holds. */
struct printjob_copy {
	const char *path;
	const struct printjob_doc *doc;
};

/* fileio_writer: the file's bytes; a failure to read it is err's, with
 * errno 0, a failure to write errno's. */
static int
printjob_copy_write(void *ctx, int fd, struct error *err)
{
	const struct printjob_copy *c = ctx;
	char chunk[1 << 16];
	int in = open(c->path, O_RDONLY | O_CLOEXEC), rc = 0;
	ssize_t n;

	if (in < 0) {
		error_set_errno(err, errno, "не удалось прочитать %s", c->path);
		errno = 0;
		return -1;
	}
	while (rc == 0 && (n = read(in, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			error_set_errno(err, errno, "не удалось прочитать %s",
			    c->path);
			errno = 0;
			rc = -1;
		} else
			rc = fileio_write_all(fd, chunk, (size_t)n);
	}
	close(in);
	return rc;
}

static void
printjob_copy_names(void *ctx, char **title, char **base)
{
	const struct printjob_copy *c = ctx;

	c->doc->names(c->doc->ctx, title, base);
}

/* The document in a file of a private temporary directory, for lp; the
 * directory into *dir (both the caller's to remove and free).  Nothing
 * is left of a document that could not be written whole. */
static int
printjob_temp(const struct printjob_doc *doc, const char *ext, char **dir,
    char **file, struct error *err)
{
	const char *tmp = getenv("TMPDIR");

	if (tmp == NULL || tmp[0] != '/')
		tmp = "/tmp";
	*dir = xasprintf("%s/perechen-print.XXXXXX", tmp);
	*file = NULL;
	if (mkdtemp(*dir) == NULL) {
		error_set_errno(err, errno, "не удалось создать временный "
		    "каталог %s", *dir);
		free(*dir);
		*dir = NULL;
		return -1;
	}
	*file = xasprintf("%s/perechen.%s", *dir, ext);
	/* Named by where it was to be: the private directory goes too. */
	if (printjob_write_new(*file, tmp, doc, err) != 0) {
		rmdir(*dir);
		free(*dir);
		free(*file);
		*dir = *file = NULL;
		return -1;
	}
	return 0;
}

void
printjob_names(int64_t revision, char **title, char **base)
{
	if (revision == PRINTOUT_WORKING) {
		*title = xstrdup("Перечень — рабочая версия");
		*base = xstrdup("perechen-working");
	} else {
		*title = xasprintf("Перечень — редакция %lld",
		    (long long)revision);
		*base = xasprintf("perechen-revision-%lld",
		    (long long)revision);
	}
}

/* The written file to lp, or, when lp refuses it, copied into the save
 * directory. */
static enum printjob_result
printjob_hand_to_lp(const struct printjob *job, const char *lp,
    const struct printjob_doc *doc, const char *file, char **said,
    char **why, char **where, struct error *err)
{
	struct printjob_copy c = { file, doc };
	struct printjob_doc copy = { printjob_copy_write, printjob_copy_names,
	    &c };
	char *title, *base;
	int rc;

	doc->names(doc->ctx, &title, &base);
	rc = printjob_lp(job, lp, title, file, said, why);
	free(title);
	free(base);
	if (rc == 0)
		return PRINTJOB_PRINTED;
	return printjob_save_doc(&copy, job->ext, where, err) == 0 ?
	    PRINTJOB_SAVED : PRINTJOB_FAILED;
}

enum printjob_result
printjob_print(const struct printjob *job, const struct printjob_doc *doc,
    char **said, char **why, char **where, struct error *err)
{
	enum printjob_result res;
	char *lp, *dir, *file;

	*said = *where = NULL;
	/* Without lp the document goes straight where it is saved. */
	if ((lp = printjob_lp_ready(why)) == NULL)
		return printjob_save_doc(doc, job->ext, where, err) == 0 ?
		    PRINTJOB_SAVED : PRINTJOB_FAILED;
	if (printjob_temp(doc, job->ext, &dir, &file, err) != 0) {
		free(lp);
		return PRINTJOB_FAILED;
	}
	res = printjob_hand_to_lp(job, lp, doc, file, said, why, where, err);
	unlink(file);
	rmdir(dir);
	free(file);
	free(dir);
	free(lp);
	return res;
}

enum printjob_result
printjob_run(const struct printjob *job, const struct buf *doc,
    const char *base, char **said, char **why, char **where,
    struct error *err)
{
	struct printjob_held h = { doc, job->title, base };
	struct printjob_doc d = { printjob_held_write, printjob_held_names,
	    &h };

	return printjob_print(job, &d, said, why, where, err);
}

/* The queue a line of lpstat -a names: its first word ("Kanc accepting
 * requests since …"). */
static void
printjob_queue_of(const char *line, size_t len, struct strvec *out)
{
	size_t n = 0;

	while (n < len && line[n] != ' ' && line[n] != '\t')
		n++;
	if (n > 0 && n < len && strncmp(line + n, " accepting", 10) == 0)
		strvec_pushn(out, line, n);
}

int
printjob_printers(struct strvec *out, struct error *err)
{
	char *lpstat = printjob_which("lpstat");
	char *argv[] = { (char *)"lpstat", (char *)"-a", NULL };
	char **env;
	struct buf said;
	int status, rc = 0;

	if (lpstat == NULL)
		return 0;
	env = printjob_c_env();
	buf_init(&said);
	if (printjob_run_program(lpstat, argv, env, &said, &status, err) != 0)
		rc = -1;
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		for (const char *p = said.data; *p != '\0';) {
			size_t len = strcspn(p, "\n");

			printjob_queue_of(p, len, out);
			p += len + (p[len] == '\n');
		}
	}
	buf_fini(&said);
	free(env);
	free(lpstat);
	return rc;
}

/* What a queue name may not hold: lp would take a leading '-' for an
 * option, and no CUPS queue has a space or a control character. */
static int
printjob_name_valid(const char *name, struct error *err)
{
	if (name[0] == '\0')
		return error_set(err, "имя принтера не указано");
	if (name[0] == '-')
		return error_set(err, "имя принтера «%s» начинается с «-»: lp "
		    "принял бы его за параметр", name);
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (*p == ' ')
			return error_set(err, "в имени принтера «%s» пробел: "
			    "в именах очередей CUPS пробелов нет", name);
		if (*p < 0x20 || *p == 0x7F || (p[0] == 0xC2 && p[1] >= 0x80 &&
		    p[1] < 0xA0))
			return error_set(err, "в имени принтера управляющий "
			    "символ (код %u)", p[0] == 0xC2 ? p[1] : p[0]);
	}
	return 0;
}

int
printjob_printer_check(const char *name, bool ask_cups, struct error *err)
{
	struct strvec queues;
	struct buf known;
	bool found = false;
	int rc = 0;

	if (printjob_name_valid(name, err) != 0)
		return -1;
	if (!ask_cups)
		return 0;
	strvec_init(&queues);
	if (printjob_printers(&queues, err) != 0) {
		strvec_fini(&queues);
		return -1;
	}
	buf_init(&known);
	for (size_t i = 0; i < queues.n; i++) {
		found |= strcmp(queues.v[i], name) == 0;
		buf_printf(&known, "%s%s", i > 0 ? ", " : "", queues.v[i]);
	}
	/* No answer from lpstat (no CUPS here): lp is left to say. */
	if (queues.n > 0 && !found)
		rc = error_set(err, "принтера «%s» нет среди очередей CUPS, "
		    "принимающих задания (lpstat -a): %s", name, known.data);
	buf_fini(&known);
	strvec_fini(&queues);
	return rc;
}
