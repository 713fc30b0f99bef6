/*
 * ui.h - the full-screen editor: the list as a table grouped by process.
 *
 * Owns: the terminal while the editor runs (curses, signal handlers, the
 * restoring of the terminal on every way out) and everything drawn on it.
 * The editor reads the list through store_view, a screenful at a time.
 * What its layer may not do itself (know who the clerk is, write the
 * printed formats, run lp) it asks of the program through struct
 * ui_actions.
 */
#ifndef PERECHEN_UI_H
#define PERECHEN_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "store.h"
#include "store_edit.h"
#include "strvec.h"

/* The formats the print dialog offers. */
enum ui_print_format {
	UI_PRINT_PDF,
	UI_PRINT_TXT,
	UI_PRINT_DOCX,
	UI_PRINT_HTML
};

/* What the print dialog asks for. */
struct ui_print_request {
	enum ui_print_format format;
	int64_t	 revision;	/* 0: the working copy, else an approved one */
	const char *printer;	/* a queue from printers(); NULL: to a file */
	int	 copies;	/* 1..UI_PRINT_COPIES_MAX */
	bool	 order;		/* the draft of the order amending revision
				   (0: the latest), not the list */
};

#define UI_PRINT_COPIES_MAX 99

/*
 * What the editor asks of the program around it.  Any member may be NULL:
 * the editor then says the function is unavailable.
 */
struct ui_actions {
	void	*ctx;		/* passed to every call */
	/*
	 * Who changes the list, now: the account of the process's real uid
	 * and the current UTC time.  The strings stay valid until the next
	 * call.
	 */
	void	(*actor)(void *ctx, struct actor *who);
	/*
	 * Print the document req asks for, or save it in a file (no printer
	 * chosen, or printing failed).  msg gets a Russian sentence saying
	 * what was done and where the file is.  Returns 0 printed, 1 saved in
	 * a file, -1 neither (msg says why).
	 */
	int	(*print)(void *ctx, const struct ui_print_request *req,
		    char *msg, size_t msglen);
	/* The print queues accepting jobs (lpstat -a), appended to out;
	 * none when there is no print system.  Returns 0, or -1 with err. */
	int	(*printers)(void *ctx, struct strvec *out, struct error *err);
};

struct ui_options {
	bool	 readonly;	/* the file could only be opened for reading */
	/*
	 * Leave as soon as the first screen is drawn: a benchmarking aid
	 * (PERECHEN_EXIT_AFTER_FIRST_FRAME=1) that times opening a list.
	 */
	bool	 exit_after_first_frame;
	/* The shared data directory (the production calendar); NULL: the
	 * reminder is not shown. */
	const char *share_dir;
	/* May be NULL: no actor, no printing. */
	const struct ui_actions *actions;
	/* A warning for the message line of the first screen (the log
	 * changed outside the program), or NULL. */
	const char *notice;
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
