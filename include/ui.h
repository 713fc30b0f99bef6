/*
 * ui.h - the full-screen editor: the list as a table grouped by process.
 *
 * Owns: the terminal while the editor runs (curses, signal handlers, the
 * restoring of the terminal on every way out) and everything drawn on it.
 * The editor reads the list through store_view, a screenful at a time.
 */
#ifndef PERECHEN_UI_H
#define PERECHEN_UI_H

#include <stdbool.h>

#include "error.h"
#include "store.h"

struct ui_options {
	bool	 readonly;	/* the file could only be opened for reading */
	/*
	 * Leave as soon as the first screen is drawn: a benchmarking aid
	 * (PERECHEN_EXIT_AFTER_FIRST_FRAME=1) that times opening a list.
	 */
	bool	 exit_after_first_frame;
};

/*
 * Run the editor on st until the clerk quits or SIGTERM, SIGHUP or SIGINT
 * arrives, or the terminal goes away.  The terminal is restored before it
 * returns.  Returns 0 when the clerk quit, the signal number (> 0) when a
 * signal ended it, or -1 with err when it could not run.
 */
int	ui_run(struct store *st, const struct ui_options *opt,
	    struct error *err);

/*
 * Give the terminal back (leave curses) if the editor holds it; safe to
 * call any number of times and from atexit().
 */
void	ui_end(void);

#endif
