/* office.c - finding perechen-office and handing office formats to it. */
#include "office.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fileio.h"
#include "strvec.h"

#define OFFICE_NAME "perechen-office"
/* What of the child's stderr is kept for the message. */
#define OFFICE_STDERR_MAX 4096

/* True if path is an executable file other than this very program (a
 * perechen put in its place would hand over to itself for ever). */
static bool
office_usable(const char *path)
{
	struct stat self, it;

	if (access(path, X_OK) != 0 || stat(path, &it) != 0 ||
	    !S_ISREG(it.st_mode))
		return false;
	return stat("/proc/self/exe", &self) != 0 ||
	    self.st_dev != it.st_dev || self.st_ino != it.st_ino;
}

/* The directory of this executable (caller frees), or NULL. */
static char *
office_exe_dir(void)
{
	char exe[PATH_MAX], *slash;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(exe);
}

char *
office_helper_path(struct error *err)
{
	const char *env = getenv("PERECHEN_LIBEXEC");
	char *dir = office_exe_dir(), *cand[4] = { NULL };
	char *found = NULL;
	size_t n = 0;

	if (env != NULL && env[0] != '\0')
		cand[n++] = xasprintf("%s/%s", env, OFFICE_NAME);
	if (dir != NULL) {
		/* A build tree; an installation moved as a whole. */
		cand[n++] = xasprintf("%s/%s", dir, OFFICE_NAME);
		cand[n++] = xasprintf("%s/../libexec/perechen/%s", dir,
		    OFFICE_NAME);
	}
	cand[n++] = xasprintf("%s/%s", PERECHEN_LIBEXECDIR, OFFICE_NAME);
	for (size_t i = 0; i < n; i++) {
		if (found == NULL && office_usable(cand[i]))
			found = cand[i];
		else
			free(cand[i]);
	}
	free(dir);
	if (found == NULL)
		error_set(err, "PDF, DOCX и пакеты Office обрабатывает "
		    "программа %s, а она не найдена (ни в $PERECHEN_LIBEXEC, "
		    "ни рядом с perechen, ни в %s)", OFFICE_NAME,
		    PERECHEN_LIBEXECDIR);
	return found;
}

int
office_hand_over(const struct app *app)
{
	struct error err;
	char *helper = office_helper_path(&err);

	if (helper == NULL) {
		app_error("%s", err.msg);
		return EXIT_FAIL;
	}
	execv(helper, app->argv);
	error_set_errno(&err, errno, "не удалось запустить %s", helper);
	app_error("%s", err.msg);
	free(helper);
	return EXIT_FAIL;
}

/* The command line of the child that renders p into path. */
static void
office_render_argv(const char *helper, const struct app *app,
    const struct printout *p, const char *path, struct strvec *argv)
{
	strvec_push(argv, helper);
	/* A shared list is named, not its file: the child regains the
	 * group only for a list opened with -l. */
	strvec_push(argv, app->list_name != NULL ? "-l" : "-d");
	strvec_push(argv, app->list_name != NULL ? app->list_name :
	    app->db_path);
	strvec_push(argv, p->order ? "order" : "export");
	strvec_push(argv, "--format");
	strvec_push(argv, printout_format_ext(p->format));
	if (p->revision == PRINTOUT_WORKING && !p->order) {
		strvec_push(argv, "--working");
	} else {
		char *rev = p->revision == PRINTOUT_LATEST ?
		    xstrdup("latest") : xasprintf("%lld",
		    (long long)p->revision);

		strvec_push(argv, "--revision");
		strvec_push(argv, rev);
		free(rev);
	}
	if (p->caption != NULL) {
		strvec_push(argv, "--caption");
		strvec_push(argv, p->caption);
	}
	strvec_push(argv, "-o");
	strvec_push(argv, path);
}

/* In the child: no terminal (its output to /dev/null), stderr to fd;
 * async-signal-safe calls only. */
static void
office_child(const char *helper, char *const argv[], int errfd)
{
	int null = open("/dev/null", O_RDWR);

	if (null < 0 || dup2(null, STDIN_FILENO) < 0 ||
	    dup2(null, STDOUT_FILENO) < 0 || dup2(errfd, STDERR_FILENO) < 0)
		_exit(127);
	execv(helper, argv);
	_exit(127);
}

/* Read the child's stderr to its end, keeping the first of it. */
static void
office_read_stderr(int fd, struct buf *out)
{
	char chunk[512];
	ssize_t n;

	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (out->len < OFFICE_STDERR_MAX)
			buf_append(out, chunk, (size_t)n);
	}
}

/* Why the child failed: its first "perechen: " line without the
 * prefix, else its first line, else its status. */
static int
office_child_error(const struct buf *said, int status, struct error *err)
{
	const char *s = said->len > 0 ? said->data : "", *p, *end;

	if ((p = strstr(s, "perechen: ")) != NULL)
		s = p + strlen("perechen: ");
	end = strchr(s, '\n');
	if (s[0] != '\0' && s != end)
		return error_set(err, "%.*s", end != NULL ? (int)(end - s) :
		    (int)strlen(s), s);
	if (WIFSIGNALED(status))
		return error_set(err, "%s прервана сигналом %d", OFFICE_NAME,
		    WTERMSIG(status));
	return error_set(err, "%s завершилась с кодом %d", OFFICE_NAME,
	    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/* Run the child and wait for it; 0 if it succeeded. */
static int
office_run(const char *helper, const struct strvec *args, struct error *err)
{
	char **argv = xcalloc(args->n + 1, sizeof *argv);
	struct buf said;
	int fds[2], status = 0, rc = 0;
	pid_t pid;

	for (size_t i = 0; i < args->n; i++)
		argv[i] = args->v[i];
	if (pipe(fds) != 0) {
		free(argv);
		return error_set_errno(err, errno, "не удалось запустить %s",
		    helper);
	}
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	if ((pid = fork()) < 0) {
		rc = error_set_errno(err, errno, "не удалось запустить %s",
		    helper);
		close(fds[0]);
		close(fds[1]);
		free(argv);
		return rc;
	}
	if (pid == 0)
		office_child(helper, argv, fds[1]);
	close(fds[1]);
	buf_init(&said);
	office_read_stderr(fds[0], &said);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		rc = office_child_error(&said, status, err);
	buf_fini(&said);
	free(argv);
	return rc;
}

int
office_via_file(const char *ext, office_file_fn *make, void *ctx,
    struct buf *out, struct error *err)
{
	const char *tmp = getenv("TMPDIR");
	char *dir, *path, *data = NULL;
	size_t len = 0;
	int rc;

	dir = xasprintf("%s/perechen-office.XXXXXX", tmp != NULL &&
	    tmp[0] == '/' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		rc = error_set_errno(err, errno, "не удалось создать "
		    "временный каталог %s", dir);
		free(dir);
		return rc;
	}
	path = xasprintf("%s/document.%s", dir, ext);
	rc = make(path, ctx, err);
	if (rc == 0)
		rc = fileio_read(path, FILEIO_DOCUMENT_MAX, &data, &len, err);
	if (rc == 0)
		buf_append(out, data, len);
	free(data);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	return rc;
}

/* What the child that renders a document is told. */
struct office_job {
	const char *helper;
	const struct app *app;
	const struct printout *p;
};

/* The child's file at path (ctx: the job). */
static int
office_render_file(const char *path, void *ctx, struct error *err)
{
	const struct office_job *job = ctx;
	struct strvec args;
	int rc;

	strvec_init(&args);
	office_render_argv(job->helper, job->app, job->p, path, &args);
	rc = office_run(job->helper, &args, err);
	strvec_fini(&args);
	return rc;
}

int
office_render(const struct app *app, const struct printout *p,
    struct buf *out, struct error *err)
{
	struct office_job job = { NULL, app, p };
	char *helper;
	int rc;

	if ((helper = office_helper_path(err)) == NULL)
		return -1;
	job.helper = helper;
	rc = office_via_file(printout_format_ext(p->format),
	    office_render_file, &job, out, err);
	free(helper);
	return rc;
}

bool
office_is_package(const char *path)
{
	static const char zip[4] = { 'P', 'K', 3, 4 };
	struct stat sb;
	char head[4];
	off_t at = 0;
	int fd;
	bool is;

	if (strcmp(path, "-") == 0) {
		/* Read where the command will read, without moving on. */
		fd = STDIN_FILENO;
		if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
		    (at = lseek(fd, 0, SEEK_CUR)) < 0)
			return false;
		return pread(fd, head, sizeof head, at) == sizeof head &&
		    memcmp(head, zip, sizeof zip) == 0;
	}
	/* Only a regular file is opened: opening a fifo, even for a moment,
	 * would let its writer start and lose what it wrote. */
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
		return false;
	is = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    pread(fd, head, sizeof head, 0) == sizeof head &&
	    memcmp(head, zip, sizeof zip) == 0;
	close(fd);
	return is;
}
