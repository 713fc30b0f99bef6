/*
 * error.h - the error that a failing function fills for its caller to show.
 *
 * Owns: struct error and the out-of-memory hook.  Every function below main
 * that can fail returns 0 on success or -1 on failure and, when given a
 * non-NULL struct error, writes a Russian message into it.  The message lives
 * in the struct itself, so reporting an error never allocates.
 */
#ifndef PERECHEN_ERROR_H
#define PERECHEN_ERROR_H

#include <stddef.h>

#define ERROR_MSG_MAX 1024

struct error {
	char msg[ERROR_MSG_MAX];
};

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))
#else
#define PRINTF_LIKE(f, a)
#define NORETURN
#endif

/* Fill err (NULL-safe) with a formatted message; always returns -1. */
int error_set(struct error *err, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* Put "prefix: " in front of the message already in err (NULL-safe). */
void error_prefix(struct error *err, const char *fmt, ...) PRINTF_LIKE(2, 3);

/*
 * A system error number (errno) in Russian, as the clerk reads it: «на
 * диске нет места», «это каталог», «нет прав доступа»…; an unknown number
 * as «системная ошибка N».  The one place errno becomes text: no message
 * prints strerror().  Returns static text (thread-unsafe only for the
 * unknown numbers' buffer).
 */
const char *error_errno_text(int errnum);

/* Fill err with the formatted message, ": ", and errnum's Russian text;
 * always returns -1. */
int error_set_errno(struct error *err, int errnum, const char *fmt, ...)
    PRINTF_LIKE(3, 4);

/*
 * Out of memory is not an error a caller can recover from: the x* allocators
 * call the hook (the UI sets one that restores the terminal), print a message
 * and abort.  The hook must be async-signal-safe enough to run anywhere.
 */
void error_set_oom_hook(void (*hook)(void));
NORETURN void error_oom(void);

/* Checked allocators: they never return NULL (see error_oom). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of nmemb elements of size to hold at least want; returns p. */
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Formatted string on the heap; caller frees. */
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);

#endif
