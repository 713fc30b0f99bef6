/*
 * fileio.h - the files a clerk names and the standard streams: what the
 * program reads, what it writes for the clerk, and the modes of the list.
 *
 * Owns: reading an input with a size limit (a regular file, a named fifo
 * with a writer, or standard input — never a device); replacing a named
 * file safely (a temporary file beside it made with O_EXCL, never a write
 * through a symbolic link, a device, a fifo or into a directory; the old
 * file's mode, owner and group kept); writing standard output with every
 * failure noticed, down to its final close; the warning about a list file
 * others may change.  Not for use outside src/app/.
 */
#ifndef PERECHEN_FILEIO_H
#define PERECHEN_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "error.h"

/* A clerk's list is a few megabytes at most: input beyond this is not one. */
#define FILEIO_INPUT_MAX	((size_t)64 << 20)
/* A document perechen made itself (a PDF read back) may be larger. */
#define FILEIO_DOCUMENT_MAX	((size_t)1 << 30)
/* How long a named fifo is waited for its first data. */
#define FILEIO_FIFO_WAIT_SECONDS	10

/*
 * Read the whole of path ("-": standard input) into *data (NUL-terminated,
 * the caller's to free) and its length into *len.  A regular file, a named
 * fifo and standard input are read; a directory, a device or a socket is
 * refused without reading.  A fifo nobody writes to within
 * FILEIO_FIFO_WAIT_SECONDS is given up.  Reading stops after max bytes:
 * more is refused.  Returns 0, or -1 with a Russian err.
 */
int	fileio_read(const char *path, size_t max, char **data, size_t *len,
	    struct error *err);

/*
 * Replace path with data, whole or not at all: the data goes into a new
 * temporary file beside it (O_EXCL), synced, given the old file's mode
 * (and its owner and group where the system permits) or 0666 less the
 * umask when new, and renamed over it.  A path that is a symbolic link, a
 * directory, a device, a fifo or a socket is refused and left untouched.
 * "-" is standard output.  With exclusive, an existing path is never
 * replaced: that fails with EEXIST in *errno_out (may be NULL).  Returns
 * 0, or -1 with a Russian err.
 */
int	fileio_replace(const char *path, const struct buf *data,
	    bool exclusive, int *errno_out, struct error *err);

/* Write len bytes of data to fd, retrying short writes: 0, or -1 with
 * errno. */
int	fileio_write_all(int fd, const char *data, size_t len);

/* Writes a file's content to fd: 0, or -1 with errno (a write failed) or
 * with err set and errno 0 (the content could not be made). */
typedef int (*fileio_writer)(void *ctx, int fd, struct error *err);
/* fileio_replace with content too large to hold, written by writer into
 * the temporary file; not for "-" (the caller writes to standard output
 * itself). */
int	fileio_replace_with(const char *path, fileio_writer writer, void *ctx,
	    bool exclusive, int *errno_out, struct error *err);

/* Write len bytes of data to standard output and flush it.  Returns 0,
 * or -1 with a Russian err (the failure counts as reported). */
int	fileio_stdout(const void *data, size_t len, struct error *err);

/* Flush standard output, for a command that reports its own failure
 * (and exit code): returns 0, or -1 with a Russian err (the failure then
 * counts as reported). */
int	fileio_flush_stdout(struct error *err);

/* Note that a write to standard output failed with errnum (not yet
 * reported to the clerk): fileio_close_stdout will say so. */
void	fileio_stdout_failed(int errnum);

/*
 * Flush and close standard output, at the end of main.  Returns 0, or -1
 * with a Russian err when anything written to it was lost and the
 * clerk has not been told yet.
 */
int	fileio_close_stdout(struct error *err);

/*
 * Warn on standard error when the list file at path may be changed by
 * anyone (world-writable) or belongs to another user who does not share
 * it through a group of ours.  Silent when path cannot be examined.
 */
void	fileio_warn_shared(const char *path);

#endif
