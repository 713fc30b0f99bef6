/* error.c - error messages and checked allocation. */
#include "error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void (*oom_hook)(void);

/*
 * A message cut to fit msg (needed bytes did not) ends on a whole UTF-8
 * character and says it was cut with "…": a clerk must not read half a
 * Cyrillic letter, nor take a cut path for the whole one.
 */
static void
error_mark_cut(char *msg, size_t size, int needed)
{
	static const char mark[] = "…";
	size_t n;

	if (needed < 0 || (size_t)needed < size)
		return;
	n = size - sizeof mark;
	while (n > 0 && ((unsigned char)msg[n] & 0xC0) == 0x80)
		n--;
	memcpy(msg + n, mark, sizeof mark);
}

/* The formatted message into err (NULL-safe). */
static void
error_vset(struct error *err, const char *fmt, va_list ap)
{
	if (err != NULL)
		error_mark_cut(err->msg, sizeof err->msg,
		    vsnprintf(err->msg, sizeof err->msg, fmt, ap));
}

int
error_set(struct error *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_vset(err, fmt, ap);
	va_end(ap);
	return -1;
}

/* prefix ": " old into msg; the length the whole would take, as
 * snprintf counts it. */
static int
error_prefix_join(char *msg, size_t size, const char *fmt, va_list ap,
    const char *old)
{
	int n = vsnprintf(msg, size, fmt, ap);
	size_t have;

	if (n < 0)
		return n;
	have = strlen(msg);
	if ((size_t)n >= size)
		return n;
	return (int)have + snprintf(msg + have, size - have, ": %s", old);
}

void
error_prefix(struct error *err, const char *fmt, ...)
{
	char old[ERROR_MSG_MAX];
	int n;
	va_list ap;

	if (err == NULL)
		return;
	memcpy(old, err->msg, sizeof old);
	va_start(ap, fmt);
	n = error_prefix_join(err->msg, sizeof err->msg, fmt, ap, old);
	va_end(ap);
	error_mark_cut(err->msg, sizeof err->msg, n);
}

/* errno to Russian: the clerk never reads libc's English. */
static const struct {
	int	 errnum;
	const char *text;
} errno_texts[] = {
	{ ENOSPC, "на диске нет места" },
	{ EDQUOT, "превышена дисковая квота" },
	{ EFBIG, "файл слишком велик" },
	{ EISDIR, "это каталог" },
	{ ENOTDIR, "часть пути — не каталог" },
	{ EACCES, "нет прав доступа" },
	{ EPERM, "операция не разрешена" },
	{ ENOENT, "нет такого файла или каталога" },
	{ EEXIST, "файл уже существует" },
	{ EROFS, "файловая система только для чтения" },
	{ ELOOP, "это символическая ссылка (или их слишком много в пути)" },
	{ EXDEV, "файлы на разных файловых системах" },
	{ EMFILE, "процесс открыл слишком много файлов" },
	{ ENFILE, "в системе открыто слишком много файлов" },
	{ ENAMETOOLONG, "слишком длинное имя файла" },
	{ EPIPE, "канал закрыт читающей стороной" },
	{ EIO, "ошибка ввода-вывода" },
	{ ENOMEM, "недостаточно памяти" },
	{ EBUSY, "устройство или файл заняты" },
	{ ETXTBSY, "файл занят выполняемой программой" },
	{ EINTR, "прервано сигналом" },
	{ EAGAIN, "ресурс временно недоступен" },
	{ ENXIO, "нет такого устройства или адреса" },
	{ ENODEV, "нет такого устройства" },
	{ EINVAL, "недопустимый аргумент" },
	{ ENOTEMPTY, "каталог не пуст" },
	{ ESPIPE, "это канал, а не файл" },
	{ EBADF, "файл не открыт" },
	{ ENOEXEC, "это не исполняемая программа" },
	{ E2BIG, "слишком длинный список аргументов" },
	{ ECHILD, "нет дочернего процесса" },
	{ ENOSYS, "функция не поддерживается системой" },
	{ EOPNOTSUPP, "операция не поддерживается" },
	{ ENOLCK, "нет свободных блокировок файлов" },
	{ EDEADLK, "взаимная блокировка" },
	{ ETIMEDOUT, "истекло время ожидания" },
	{ ESTALE, "файл на сетевом диске устарел" },
	{ EOVERFLOW, "значение слишком велико" },
	{ EMLINK, "слишком много ссылок на файл" },
};

const char *
error_errno_text(int errnum)
{
	static char unknown[48];

	for (size_t i = 0; i < sizeof errno_texts / sizeof errno_texts[0];
	    i++)
		if (errno_texts[i].errnum == errnum)
			return errno_texts[i].text;
	snprintf(unknown, sizeof unknown, "системная ошибка %d", errnum);
	return unknown;
}

int
error_set_errno(struct error *err, int errnum, const char *fmt, ...)
{
	const char *why = error_errno_text(errnum);
	size_t n, room;
	va_list ap;

	va_start(ap, fmt);
	error_vset(err, fmt, ap);
	va_end(ap);
	if (err == NULL)
		return -1;
	/* A long file name gives way to the reason, at a character's start,
	 * and says it was cut. */
	n = strlen(err->msg);
	room = sizeof err->msg - strlen(why) - 3;
	if (n > room) {
		n = room - (sizeof "…" - 1);
		while (n > 0 && ((unsigned char)err->msg[n] & 0xC0) == 0x80)
			n--;
		n += (size_t)snprintf(err->msg + n, sizeof err->msg - n, "…");
	}
	snprintf(err->msg + n, sizeof err->msg - n, ": %s", why);
	return -1;
}

void
error_set_oom_hook(void (*hook)(void))
{
	oom_hook = hook;
}

void
error_oom(void)
{
	static const char msg[] = "perechen: недостаточно памяти\n";
	ssize_t r;

	if (oom_hook != NULL)
		oom_hook();
	r = write(STDERR_FILENO, msg, sizeof msg - 1);
	(void)r;
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		error_oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		error_oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		error_oom();
	return q;
}

void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > (size_t)-1 / size)
		error_oom();
	return xrealloc(p, nmemb * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap, aq;
	int n;
	char *p;

	va_start(ap, fmt);
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		error_oom();
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, aq);
	va_end(aq);
	return p;
}
