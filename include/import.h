/*
 * import.h - reading a list from a TSV or CSV table.
 *
 * Owns: turning a table as clerks have it (Word or Excel saved as text, or
 * our own CSV export) into a struct list: finding the columns by their
 * Russian headers, rejoining what page breaks split, finding the contacts
 * written in touchpoint names, taking channel types from the specifics
 * column, guessing kinds, audiences and need categories.  Everything it
 * joined, split, repaired or doubted is reported with its line, so a
 * clerk can check it.  No row is dropped: a table whose rows come before
 * any header row is refused unless the caller names the columns.
 */
#ifndef PERECHEN_IMPORT_H
#define PERECHEN_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "error.h"
#include "model.h"
#include "strvec.h"

enum import_format {
	IMPORT_AUTO = 0,	/* TSV or CSV, by where a header row is found */
	IMPORT_TSV,		/* tab-separated */
	IMPORT_CSV		/* ';' or ',' separated, whichever finds the header */
};

struct import_opts {
	const char *encoding;	/* NULL: detect */
	enum import_format format;
	const struct catalog *cat;	/* kinds and need categories */
	/*
	 * NULL: the table has a header row naming its columns.  Else the
	 * columns in order, separated by commas, named as a header would
	 * name them ("№,процесс,точка,потребности,особенности"; "-" skips
	 * one): every row of that many cells is data, and a header row met
	 * is skipped.
	 */
	const char *columns;
	/*
	 * NULL: every process stays in the list read.  Else each process,
	 * once the rows after it can no longer change it, is given to
	 * sink(sink_arg, p) and dropped, so that a list of any length is
	 * read in bounded memory: the list read then ends with the header
	 * only, and the report's counts say what was read.
	 */
	int	(*sink)(void *arg, struct process *p, struct error *err);
	void	*sink_arg;
	/*
	 * NULL: the data stay as given.  Else the data are a file's mapping
	 * and release(release_arg, upto) may give the pages below upto back
	 * as reading moves on (read again, they come back from the file).
	 */
	void	(*release)(void *arg, const char *upto);
	void	*release_arg;
	/* A file holding several tables with the list's header (an order
	 * saved as text): the Nth of them (1-based); 0: the one with rows
	 * naming touchpoints, refused when several have them. */
	size_t	 table;
};

/* The report keeps this many notes and guesses; the rest are counted. */
#define IMPORT_REPORT_LINES_MAX 1000

struct import_report {
	const char *encoding;	/* static string: what was read */
	char	 delimiter;
	size_t	 records;	/* data rows read (not headers, not blank) */
	size_t	 joined;	/* rows joined to the row above */
	size_t	 doubted;	/* rows taken with a guess worth a look */
	size_t	 procs, touchpoints, needs;	/* the list read */
	struct strvec notes;	/* "строка N: …", in file order */
	/* What was decided for the clerk, in file order: "строка N: «name»
	 * → вид «kind», ключевая (п. 3.2)" for each touchpoint whose kind
	 * was guessed from its name or which the kind made key. */
	struct strvec guesses;
	size_t	 notes_more, guesses_more;	/* not kept (…_LINES_MAX) */
	/* The file is an approving order («ПРИКАЗ» above its tables): the
	 * list's header got what the order says (body, genitive, number,
	 * date), and notes name a grif that disagrees with the heading. */
	bool	 order_text;
};

void	import_report_init(struct import_report *rep);
void	import_report_fini(struct import_report *rep);

/*
 * Read the table in data[0..len) into out (initialised, empty).  On
 * failure returns -1 with err naming the line, and out holds a partial
 * list the caller must discard (list_fini).  Titles found above the table
 * ("ПЕРЕЧЕНЬ" and the lines after it; "Орган: …") go into out->hdr.
 */
int	import_table(const char *data, size_t len, const struct import_opts *o,
	    struct list *out, struct import_report *rep, struct error *err);

/*
 * Check a --columns list (see import_opts.columns): 0, or -1 with err
 * naming the name not understood.
 */
int	import_columns_check(const char *spec, struct error *err);

/*
 * Find the contacts (URLs, e-mail addresses, phone numbers) written in a
 * printed touchpoint name and append them to tp (one already there is not
 * added twice), in the order written.  The name itself stays as the clerk
 * wrote it, contacts and what separates them included: printing the name
 * gives back the cell, and the contacts are there for the rules (R2,
 * R11).  Returns the number found.
 */
size_t	import_find_contacts(const char *cell, struct touchpoint *tp);

#endif
