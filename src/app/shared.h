/*
 * shared.h - lists on the office server and the group privilege that
 * guards them (the model of crontab's spool).
 *
 * Owns: where shared lists live ($(LOCALSTATEDIR)/lib/perechen, the
 * directory root:perechen 2770), what a list's name may be, and the
 * set-group-id privilege of the binary: dropped at the top of main and
 * regained only around opening a shared list, so that every file the
 * clerk names (imports, exports, calendars, printouts) is opened with
 * the clerk's own rights.  Not for use outside src/app/.
 */
#ifndef PERECHEN_SHARED_H
#define PERECHEN_SHARED_H

#include <stdbool.h>

#include "error.h"

/* Where shared lists live: $(LOCALSTATEDIR)/lib/perechen (Makefile). */
#ifndef PERECHEN_LISTSDIR
#define PERECHEN_LISTSDIR "/var/lib/perechen"
#endif

/* A list name is at most this many bytes (the file adds ".db"). */
#define SHARED_NAME_MAX	64

/*
 * First thing in main: remember the effective gid the binary was started
 * with, drop to the real gid, forbid core dumps and ptrace when it
 * differs.  0, or -1 with err (the drop failed: nothing may run then).
 */
int	shared_privilege_init(struct error *err);
/* True when the binary runs set-group-id (the privilege is held back). */
bool	shared_is_privileged(void);
/* Take back and give up the group privilege, around opening a shared
 * list; shared_regain also sets the umask of shared files (007) and
 * shared_drop restores the clerk's.  0, or -1 with err. */
int	shared_regain(struct error *err);
int	shared_drop(struct error *err);

/* True for the administrator (the real uid is 0). */
bool	shared_is_admin(void);

/*
 * The directory of shared lists: the one compiled in, or, for tests only,
 * $PERECHEN_LISTS_DIR — ignored when the process is set-group-id (the
 * kernel's AT_SECURE), so a clerk cannot point the group at other files.
 * Static storage.
 */
const char *shared_dir(void);
/* 0 when name may name a shared list (no '/', no leading '.', not empty,
 * at most SHARED_NAME_MAX bytes of letters, digits, '-', '_', '.'),
 * else -1 with err saying why. */
int	shared_name_check(const char *name, struct error *err);
/* The file of shared list name (checked); caller frees. */
char	*shared_path(const char *name);

#endif
