/*
 * csv.h - reading delimited text: CSV (RFC 4180) and TSV.
 *
 * Owns: splitting UTF-8 text into records of fields, with quoted fields
 * that may hold delimiters, doubled quotes and newlines; guessing the
 * delimiter; line numbers for messages.  Knows nothing of columns.
 */
#ifndef PERECHEN_CSV_H
#define PERECHEN_CSV_H

#include <stddef.h>

#include "error.h"
#include "strvec.h"

/* No cell of a touchpoint list is anywhere near this; a longer one is a
 * wrong file or a wrong delimiter, and is reported, never cut. */
#define CSV_MAX_FIELD ((size_t)64 * 1024)

struct csv_reader {
	const char *data;
	size_t	 len;
	size_t	 pos;
	size_t	 line;		/* line of the next record, 1-based */
	char	 delim;
};

struct csv_record {
	struct strvec fields;
	size_t	 line;		/* the line the record starts on */
	size_t	 end_line;	/* the line it ends on (quoted newlines) */
};

/*
 * Guess the delimiter from the first line (outside quotes): a tab if there
 * is one, else ';' or ',' whichever is more frequent, else ','.
 */
char	csv_guess_delimiter(const char *data, size_t len);

/* Start reading data (UTF-8, no BOM, no NUL bytes) split by delim. */
void	csv_reader_init(struct csv_reader *r, const char *data, size_t len,
	    char delim);

void	csv_record_init(struct csv_record *rec);
void	csv_record_fini(struct csv_record *rec);

/*
 * Read the next record into rec (its previous fields are freed).  Returns 1
 * for a record, 0 at the end of the data, -1 with err on a malformed record
 * (unterminated quotes, text after a closing quote, a field longer than
 * CSV_MAX_FIELD).  Line ends may be LF, CRLF or CR.
 */
int	csv_read(struct csv_reader *r, struct csv_record *rec,
	    struct error *err);

/* True if every field of rec is empty or white space. */
int	csv_record_blank(const struct csv_record *rec);

#endif
