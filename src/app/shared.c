/* shared.c - the shared lists' directory and the group privilege. */
#include "shared.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

/* The group the binary was started with, and whether it differs from
 * the real one; the clerk's umask while a shared file is being made. */
static gid_t privileged_gid;
static bool privileged;
static mode_t clerk_umask;
static bool regained;

int
shared_privilege_init(struct error *err)
{
	privileged_gid = getegid();
	privileged = privileged_gid != getgid();
	if (!privileged)
		return 0;
	/* A core file or a debugger would hand the clerk what the group
	 * may read. */
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
		return error_set_errno(err, errno, "не удалось запретить "
		    "снимок памяти процесса");
	if (setegid(getgid()) != 0 || getegid() != getgid())
		return error_set_errno(err, errno, "не удалось сбросить права "
		    "группы перечней");
	return 0;
}

bool
shared_is_privileged(void)
{
	return privileged;
}

int
shared_regain(struct error *err)
{
	clerk_umask = umask(007);
	regained = true;
	if (privileged && setegid(privileged_gid) != 0) {
		int e = errno;

		umask(clerk_umask);
		regained = false;
		return error_set_errno(err, e, "не удалось получить права "
		    "группы перечней");
	}
	return 0;
}

int
shared_drop(struct error *err)
{
	if (regained)
		umask(clerk_umask);
	regained = false;
	if (privileged && (setegid(getgid()) != 0 || getegid() != getgid()))
		return error_set_errno(err, errno, "не удалось сбросить права "
		    "группы перечней");
	return 0;
}

bool
shared_is_admin(void)
{
	return getuid() == 0;
}

const char *
shared_dir(void)
{
	const char *env = getenv("PERECHEN_LISTS_DIR");

	/* AT_SECURE: set-id at exec, whatever the ids are now. */
	if (env != NULL && env[0] == '/' && !getauxval(AT_SECURE) &&
	    !privileged)
		return env;
	return PERECHEN_LISTSDIR;
}

static bool
name_char_ok(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

int
shared_name_check(const char *name, struct error *err)
{
	size_t len = strlen(name);

	if (len == 0)
		return error_set(err, "пустое имя общего перечня");
	if (len > SHARED_NAME_MAX)
		return error_set(err, "имя общего перечня длиннее %d знаков",
		    SHARED_NAME_MAX);
	if (name[0] == '.' || name[0] == '-')
		return error_set(err, "имя общего перечня «%s» не может "
		    "начинаться с «%c»", name, name[0]);
	for (const char *p = name; *p != '\0'; p++)
		if (!name_char_ok((unsigned char)*p))
			return error_set(err, "в имени общего перечня «%s» "
			    "допустимы только латинские буквы, цифры и знаки "
			    "«-», «_», «.»", name);
	return 0;
}

char *
shared_path(const char *name)
{
	return xasprintf("%s/%s.db", shared_dir(), name);
}
