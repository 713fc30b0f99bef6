/* fileio.c - files the clerk names, standard output, the list's modes. */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"

#define FILEIO_CHUNK	65536

/* ---- reading ---- */

/* Why a file of this type is not read or written, or NULL if it may be. */
static const char *
fileio_not_a_file(mode_t mode)
{
	if (S_ISDIR(mode))
		return "это каталог";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "это устройство, а не файл";
	if (S_ISSOCK(mode))
		return "это сокет, а не файл";
	if (S_ISLNK(mode))
		return "это символическая ссылка, а не сам файл";
	if (S_ISFIFO(mode))
		return "это именованный канал, а не файл";
	return NULL;
}

/* Wait for the writer of a fifo opened without blocking, then make its
 * reads block: a fifo nobody opens is given up, not waited for forever. */
static int
fileio_wait_writer(int fd, const char *path, struct error *err)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int n, flags;

	do
		n = poll(&p, 1, FILEIO_FIFO_WAIT_SECONDS * 1000);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return error_set_errno(err, errno, "ошибка чтения %s", path);
	if (n == 0)
		return error_set(err, "%s: за %d с в этот канал никто не начал "
		    "писать — чтение прекращено", path,
		    FILEIO_FIFO_WAIT_SECONDS);
	flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
		return error_set_errno(err, errno, "ошибка чтения %s", path);
	return 0;
}

/*
 * Open a named input for reading: a regular file or a fifo.  Its type is
 * looked at before opening (opening a device may already act on it) and
 * again after (it may have been swapped meanwhile).
 */
static int
fileio_open_input(const char *path, size_t max, int *fd, size_t *size,
    struct error *err)
{
	struct stat before, after;
	const char *why;

	if (stat(path, &before) != 0)
		return error_set_errno(err, errno, "не удалось открыть %s",
		    path);
	why = S_ISREG(before.st_mode) ? NULL : fileio_not_a_file(
	    before.st_mode);
	if (why != NULL && !S_ISFIFO(before.st_mode))
		return error_set(err, "%s: %s — читается обычный файл, "
		    "именованный канал или стандартный ввод («-»)", path, why);
	if (S_ISREG(before.st_mode) && (unsigned long long)before.st_size >
	    max)
		return error_set(err, "%s: файл больше %zu МиБ — это не "
		    "перечень", path, max >> 20);
	*fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (*fd < 0)
		return error_set_errno(err, errno, "не удалось открыть %s",
		    path);
	if (fstat(*fd, &after) != 0 || after.st_ino != before.st_ino ||
	    after.st_dev != before.st_dev) {
		close(*fd);
		return error_set(err, "%s: файл подменён, пока его "
		    "открывали — не прочитан", path);
	}
	if (S_ISFIFO(after.st_mode) && fileio_wait_writer(*fd, path, err) !=
	    0) {
		close(*fd);
		return -1;
	}
	*size = S_ISREG(after.st_mode) ? (size_t)after.st_size : 0;
	return 0;
}

/* Wait until fd (a descriptor someone made non-blocking) can be read. */
static int
fileio_wait_readable(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, -1) < 0 && errno != EINTR ? -1 : 0;
}

/* Read fd to its end into b, refusing (and no longer reading) beyond max. */
static int
fileio_read_fd(int fd, const char *shown, size_t max, struct buf *b,
    struct error *err)
{
	for (;;) {
		size_t want;
		ssize_t n;

		/* Fill the room there is before making more (a regular
		 * file's whole size was reserved). */
		if (b->cap - b->len <= 1)
			buf_reserve(b, FILEIO_CHUNK);
		want = b->cap - b->len - 1;
		/* One byte past max tells "more" from "exactly max". */
		if (want > max + 1 - b->len)
			want = max + 1 - b->len;
		n = read(fd, b->data + b->len, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN && fileio_wait_readable(fd) == 0)
			continue;
		if (n < 0)
			return error_set_errno(err, errno, "ошибка чтения %s",
			    shown);
		if (n == 0)
			return 0;
		b->len += (size_t)n;
		b->data[b->len] = '\0';
		if (b->len > max)
			return error_set(err, "%s: больше %zu МиБ — это не "
			    "перечень; чтение остановлено", shown, max >> 20);
	}
}

int
fileio_read(const char *path, size_t max, char **data, size_t *len,
    struct error *err)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *shown = is_stdin ? "стандартный ввод" : path;
	struct buf b;
	size_t size = 0;
	int fd = STDIN_FILENO, rc;

	if (!is_stdin && fileio_open_input(path, max, &fd, &size, err) != 0)
		return -1;
	buf_init(&b);
	/* A regular file's size is known: one allocation, not doublings. */
	buf_reserve(&b, size < max ? size + 1 : max + 1);
	rc = fileio_read_fd(fd, shown, max, &b, err);
	if (!is_stdin)
		close(fd);
	if (rc != 0) {
		buf_fini(&b);
		return -1;
	}
	*len = b.len;
	*data = buf_detach(&b);
	return 0;
}

/* ---- writing a named file ---- */

/* Write all of data to fd; 0 or -1 with errno. */
int
fileio_write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The file being replaced: its directory (open) and its name in it. */
struct fileio_target {
	int	 dirfd;
	char	*name;		/* the last component of the path */
	bool	 exists;
	struct stat old;	/* when it exists */
};

/* Split path into its directory, opened, and its last component; look at
 * that component without following it. */
static int
fileio_target_open(const char *path, struct fileio_target *t,
    struct error *err)
{
	const char *slash = strrchr(path, '/');
	char *dir;

	t->name = xstrdup(slash != NULL ? slash + 1 : path);
	dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
	t->dirfd = t->name[0] == '\0' ? -1 : open(dir, O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC);
	if (t->dirfd < 0) {
		if (t->name[0] == '\0')
			error_set(err, "не удалось записать %s: это каталог",
			    path);
		else
			error_set_errno(err, errno, "не удалось записать %s: "
			    "каталог %s", path, dir);
		free(dir);
		free(t->name);
		return -1;
	}
	free(dir);
	t->exists = fstatat(t->dirfd, t->name, &t->old,
	    AT_SYMLINK_NOFOLLOW) == 0;
	if (!t->exists && errno != ENOENT) {
		error_set_errno(err, errno, "не удалось записать %s", path);
		close(t->dirfd);
		free(t->name);
		return -1;
	}
	return 0;
}

static void
fileio_target_close(struct fileio_target *t)
{
	close(t->dirfd);
	free(t->name);
}

/* A new file in t's directory, named after it, that nobody else has: a
 * name already there (even a planted link) is never opened. */
static int
fileio_temp_create(const struct fileio_target *t, char **tmp)
{
	/* A replaced file's copy is private until it gets the old mode. */
	mode_t mode = t->exists ? 0600 : 0666;

	for (unsigned i = 0; i < 100; i++) {
		int fd;

		*tmp = xasprintf("%s.%ld-%u.tmp", t->name, (long)getpid(), i);
		fd = openat(t->dirfd, *tmp, O_WRONLY | O_CREAT | O_EXCL |
		    O_NOFOLLOW | O_CLOEXEC, mode);
		if (fd >= 0)
			return fd;
		free(*tmp);
		*tmp = NULL;
		if (errno != EEXIST)
			return -1;
	}
	errno = EEXIST;
	return -1;
}

/* Give the new copy the replaced file's owner and group where the system
 * lets us (a clerk may keep the group of a shared file, root the owner
 * too), then its permissions. */
static int
fileio_keep_mode(int fd, const struct stat *old)
{
	/* Not a member of the old group: the file becomes ours, group too. */
	if (fchown(fd, old->st_uid, old->st_gid) != 0 &&
	    fchown(fd, (uid_t)-1, old->st_gid) != 0)
		errno = 0;
	return fchmod(fd, old->st_mode & 0777);
}

/* A fileio_writer of a buffer held whole. */
static int
fileio_write_buf(void *ctx, int fd, struct error *err)
{
	const struct buf *data = ctx;

	(void)err;
	return fileio_write_all(fd, data->data, data->len);
}

/* Write what writer writes into a new temporary file beside t and put it
 * in place.  A writer's own failure (err set, errno 0) is -1 with errno
 * 0. */
static int
fileio_write_replace(struct fileio_target *t, fileio_writer writer,
    void *ctx, bool exclusive, struct error *err)
{
	char *tmp = NULL;
	int fd = fileio_temp_create(t, &tmp), saved;

	if (fd < 0)
		return -1;
	errno = 0;
	if (writer(ctx, fd, err) != 0 ||
	    fsync(fd) != 0 || (t->exists && fileio_keep_mode(fd,
	    &t->old) != 0)) {
		saved = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) != 0) {
		saved = errno;
		goto fail;
	}
	/* link never replaces a file (nor follows a link planted meanwhile);
	 * rename replaces the name itself, never what it points to. */
	if (exclusive ? linkat(t->dirfd, tmp, t->dirfd, t->name, 0) != 0 :
	    renameat(t->dirfd, tmp, t->dirfd, t->name) != 0) {
		saved = errno;
		goto fail;
	}
	if (exclusive)
		unlinkat(t->dirfd, tmp, 0);
	free(tmp);
	/* The new name reaches the disk too; a directory that cannot be
	 * synced (some network file systems) still has it. */
	(void)fsync(t->dirfd);
	return 0;
fail:
	unlinkat(t->dirfd, tmp, 0);
	free(tmp);
	errno = saved;
	return -1;
}

int
fileio_replace_with(const char *path, fileio_writer writer, void *ctx,
    bool exclusive, int *errno_out, struct error *err)
{
	struct fileio_target t;
	const char *why;
	int rc = 0, saved = 0;
	bool failed = false;

	if (errno_out != NULL)
		*errno_out = 0;
	if (fileio_target_open(path, &t, err) != 0)
		return -1;
	why = t.exists ? fileio_not_a_file(t.old.st_mode) : NULL;
	if (t.exists && exclusive)
		saved = EEXIST;
	else if (why != NULL)
		saved = S_ISDIR(t.old.st_mode) ? EISDIR : EEXIST;
	else if (fileio_write_replace(&t, writer, ctx, exclusive, err) != 0) {
		failed = true;
		saved = errno;
	}
	if (why != NULL && !exclusive)
		rc = error_set(err, "не удалось записать %s: %s — записывается "
		    "только обычный файл (или «-», стандартный вывод); ничего "
		    "не изменено", path, why);
	else if (saved != 0)
		rc = error_set_errno(err, saved, "не удалось записать %s",
		    path);
	else if (failed)
		rc = -1;	/* the writer's err */
	fileio_target_close(&t);
	if (errno_out != NULL)
		*errno_out = saved;
	return rc;
}

int
fileio_replace(const char *path, const struct buf *data, bool exclusive,
    int *errno_out, struct error *err)
{
	if (strcmp(path, "-") == 0) {
		if (errno_out != NULL)
			*errno_out = 0;
		return fileio_stdout(data->data, data->len, err);
	}
	return fileio_replace_with(path, fileio_write_buf, (void *)data,
	    exclusive, errno_out, err);
}

/* ---- standard output ---- */

static int	stdout_errno;		/* the first failure not reported */
static bool	stdout_reported;	/* the clerk was told it failed */

int
fileio_stdout(const void *data, size_t len, struct error *err)
{
	if (fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0)
		return 0;
	stdout_reported = true;
	return error_set_errno(err, errno, "не удалось вывести результат");
}

/*
 * Why standard output failed.  A write stdio made on its own (a full
 * buffer, a large block) failed earlier and left its errno, which nothing
 * that fails differently has replaced when it is a write's error; else
 * the disk is not named rather than named wrongly.
 */
static int
fileio_stdout_reason(int entry_errno, int flush_errno)
{
	static const int write_errors[] = {
		ENOSPC, EDQUOT, EFBIG, EIO, EPIPE, EROFS, EBADF
	};

	if (stdout_errno != 0)
		return stdout_errno;
	if (flush_errno != 0)
		return flush_errno;
	for (size_t i = 0; i < sizeof write_errors / sizeof write_errors[0];
	    i++)
		if (entry_errno == write_errors[i])
			return entry_errno;
	return EIO;
}

int
fileio_flush_stdout(struct error *err)
{
	int entry = errno, e = 0;

	errno = 0;
	if (fflush(stdout) != 0)
		e = errno;
	else if (!ferror(stdout))
		return 0;
	stdout_errno = fileio_stdout_reason(entry, e);
	stdout_reported = true;
	return error_set_errno(err, stdout_errno, "не удалось вывести "
	    "результат");
}

void
fileio_stdout_failed(int errnum)
{
	if (stdout_errno == 0)
		stdout_errno = errnum != 0 ? errnum : EIO;
}

int
fileio_close_stdout(struct error *err)
{
	int entry = errno, e = 0;
	bool failed;

	errno = 0;
	failed = fflush(stdout) != 0;
	if (failed)
		e = errno;
	failed = failed || ferror(stdout) || stdout_errno != 0;
	/* A closed standard output nothing was written to is no loss. */
	if (fclose(stdout) != 0 && !failed && errno != EBADF) {
		failed = true;
		e = errno;
	}
	if (!failed || stdout_reported)
		return 0;
	return error_set_errno(err, fileio_stdout_reason(entry, e),
	    "не удалось вывести результат в стандартный вывод");
}

/* ---- the list's modes ---- */

/* True if gid is the process's group or one of its supplementary ones. */
static bool
fileio_in_group(gid_t gid)
{
	gid_t groups[256];
	int n = getgroups(256, groups);

	if (gid == getegid())
		return true;
	for (int i = 0; i < n; i++)
		if (groups[i] == gid)
			return true;
	return false;
}

void
fileio_warn_shared(const char *path)
{
	struct stat sb;
	struct passwd *pw;

	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return;
	if (sb.st_mode & S_IWOTH)
		app_error("предупреждение: перечень %s может изменить любой "
		    "пользователь системы (права %03o); уберите это: chmod o-w "
		    "%s", path, (unsigned)(sb.st_mode & 0777), path);
	if (sb.st_uid == getuid() || ((sb.st_mode & S_IWGRP) &&
	    fileio_in_group(sb.st_gid)))
		return;
	pw = getpwuid(sb.st_uid);
	if (pw != NULL && pw->pw_name != NULL)
		app_error("предупреждение: перечень %s принадлежит "
		    "пользователю %s и не открыт для изменения вашей группе: "
		    "владелец может сменить его права или подменить его",
		    path, pw->pw_name);
	else
		app_error("предупреждение: перечень %s принадлежит "
		    "другому пользователю (uid %lu) и не открыт для изменения "
		    "вашей группе: владелец может сменить его права или "
		    "подменить его", path, (unsigned long)sb.st_uid);
}
