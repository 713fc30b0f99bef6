/*
 * store_backup.h - copies of a list while clerks keep working, and a list
 * brought back from one (SQLite's online backup API).
 *
 * Owns: writing a consistent copy of an open list into a new file (one
 * read snapshot: writers are not held up, and the copy is of one moment),
 * describing a copy (its last change and who made it), and replacing an
 * open list's content with a copy's in one write transaction.
 */
#ifndef PERECHEN_STORE_BACKUP_H
#define PERECHEN_STORE_BACKUP_H

#include <stdint.h>

#include "error.h"
#include "store.h"

/*
 * Copy s into path, which must not exist (made O_EXCL, never through a
 * link, mode 0600 less nothing: a copy holds the whole list); the copy
 * stands alone (no -wal beside it).  A failed copy leaves no file.
 * 0, or -1 with err.
 */
int	store_backup_to(struct store *s, const char *path, struct error *err);

/* What a copy's log ends with: its newest entry (id 0: an empty log). */
struct backup_last {
	int64_t	 id;
	char	 at_utc[32];
	char	 login[64];
	char	 what[160];	/* "field: label", cut to fit */
};

int	store_backup_last_change(struct store *s, struct backup_last *out,
	    struct error *err);

/*
 * Open the copy at path to be read as it was made.  A copy made before
 * this program's schema cannot be read by it as it stands, and must not
 * be changed (it is the clerk's evidence): it is copied into a private
 * file (mode 0600) in $TMPDIR or /tmp, brought to this schema there and
 * opened read-write; *scratch is then that file's path, which the caller
 * hands to store_copy_scratch_remove after store_close; else *scratch is
 * NULL and the copy is open read-only.  0, or -1 with err.
 */
int	store_open_copy(struct store **out, const char *path, char **scratch,
	    struct error *err);

/* Remove the private file store_open_copy made (and SQLite's files
 * beside it), and free scratch.  NULL does nothing. */
void	store_copy_scratch_remove(char *scratch);

/*
 * Replace the content of s with that of the list open as from (another
 * store, checked by the caller): one write transaction, so other clerks
 * see the old list or the restored one, never a mix.  0, or -1 with err.
 */
int	store_restore_from(struct store *s, struct store *from,
	    struct error *err);

#endif
