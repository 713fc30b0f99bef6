/*
 * import_csv.c - TSV and CSV as a source of rows, and the whole file:
 * its encoding, its delimiter, and which of its tables is the list when
 * it holds several (the approving order saved as text).
 */
#include "import_int.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "charset.h"
#include "csv.h"
#include "utf8.h"

/* Pages of a mapped file read through are given back this often. */
#define RELEASE_STEP ((size_t)4 << 20)

/* The file's text in UTF-8: the file itself when it is, else a copy. */
struct text_view {
	const char *data;
	size_t	 len;
	struct buf copy;
	const struct import_opts *mapped;	/* the file's, to release */
};

/* Records [from, to) of a CSV/TSV text, as rows. */
struct csv_source {
	struct csv_reader r;
	struct csv_record rec;
	size_t	 k;		/* records read so far */
	size_t	 from, to;	/* to: SIZE_MAX for the end */
	const struct import_opts *mapped;	/* release pages read */
	size_t	 released;	/* up to here */
};

static void
csv_source_init(struct csv_source *cs, const struct text_view *t,
    char delim, size_t from, size_t to)
{
	csv_reader_init(&cs->r, t->data, t->len, delim);
	csv_record_init(&cs->rec);
	cs->k = 0;
	cs->from = from;
	cs->to = to;
	cs->mapped = t->mapped;
	cs->released = 0;
}

/* Pages read through go back to the kernel: a long file read twice
 * holds only what is being read. */
static void
csv_source_release(struct csv_source *cs)
{
	if (cs->mapped == NULL || cs->r.pos < cs->released + RELEASE_STEP)
		return;
	cs->released = cs->r.pos;
	cs->mapped->release(cs->mapped->release_arg, cs->r.data + cs->r.pos);
}

static void
csv_source_fini(struct csv_source *cs)
{
	csv_record_fini(&cs->rec);
}

static int
csv_source_next(void *state, struct import_row *row, struct error *err)
{
	struct csv_source *cs = state;
	struct strvec tmp;
	int rc;

	do {
		if (cs->k >= cs->to)
			return 0;
		if ((rc = csv_read(&cs->r, &cs->rec, err)) != 1)
			return rc;
	} while (cs->k++ < cs->from);
	csv_source_release(cs);
	tmp = row->cells;
	row->cells = cs->rec.fields;
	cs->rec.fields = tmp;
	row->table = 0;
	row->line = cs->rec.line;
	return 1;
}

/* Does a row in the file's first DELIM_ROWS say the table uses this
 * delimiter: a header row, or with --columns as many cells as were
 * named?  An order's text holds its table after pages of text. */
#define DELIM_ROWS 5000

static int
delimiter_fits(const struct text_view *t, char delim, size_t given)
{
	struct csv_source cs;
	struct import_row row;
	int found = 0;

	csv_source_init(&cs, t, delim, 0, SIZE_MAX);
	import_row_init(&row);
	for (int n = 0; n < DELIM_ROWS && !found; n++) {
		if (csv_source_next(&cs, &row, NULL) != 1)
			break;
		if (given > 0)
			found = row.cells.n == given &&
			    import_nonblank_cells(&row) >= 2;
		else
			found = import_nonblank_cells(&row) >= 2 &&
			    import_header_row(&row, NULL);
	}
	import_row_fini(&row);
	csv_source_fini(&cs);
	return found;
}

/* Try each delimiter; the one whose table is found wins.  given: the
 * cells --columns names, 0 without it. */
static char
choose_delimiter(const struct text_view *t, enum import_format format,
    size_t given)
{
	static const char order[] = { '\t', ';', ',' };

	if (format == IMPORT_TSV)
		return '\t';
	for (size_t k = 0; k < sizeof order; k++) {
		if (format == IMPORT_CSV && order[k] == '\t')
			continue;
		if (delimiter_fits(t, order[k], given))
			return order[k];
	}
	return csv_guess_delimiter(t->data, t->len);
}

/* The first NUL byte of data, or NULL; a mapped file is given back a
 * stretch at a time as it is looked through. */
static const char *
find_nul(const char *data, size_t len, const struct import_opts *o)
{
	for (size_t at = 0; at < len; at += RELEASE_STEP) {
		size_t n = len - at > RELEASE_STEP ? RELEASE_STEP : len - at;
		const char *nul = memchr(data + at, '\0', n);

		if (nul != NULL)
			return nul;
		if (o->release != NULL)
			o->release(o->release_arg, data + at + n);
	}
	return NULL;
}

/* Is data valid UTF-8?  A mapped file is checked a stretch at a time,
 * each given back once checked. */
static int
valid_utf8(const char *data, size_t len, const struct import_opts *o)
{
	size_t at = 0;

	if (o->release == NULL)
		return utf8_valid(data, len);
	while (at < len) {
		size_t end = len - at > RELEASE_STEP ? at + RELEASE_STEP : len;

		/* A stretch ends before a character, not inside one. */
		while (end < len && end > at &&
		    ((unsigned char)data[end] & 0xC0) == 0x80)
			end--;
		if (end == at || !utf8_valid(data + at, end - at))
			return 0;
		o->release(o->release_arg, data + end);
		at = end;
	}
	return 1;
}

static int
decode(const char *data, size_t len, const struct import_opts *o,
    struct import_report *rep, struct text_view *t, struct error *err)
{
	const char *enc = o->encoding;
	const char *nul = find_nul(data, len, o);

	if (len >= 2 && ((unsigned char)data[0] == 0xFF &&
	    (unsigned char)data[1] == 0xFE))
		enc = "UTF-16";		/* Word's "Unicode text" */
	else if (len >= 2 && ((unsigned char)data[0] == 0xFE &&
	    (unsigned char)data[1] == 0xFF))
		enc = "UTF-16";
	else if (nul != NULL) {
		size_t line = 1;

		for (const char *p = data; p < nul; p++)
			line += *p == '\n';
		return error_set(err, "строка %zu: в файле нулевой байт — это не "
		    "текстовая таблица; сохраните её как «Текст с "
		    "разделителями табуляции» или CSV", line);
	}
	if (enc == NULL && valid_utf8(data, len, o))
		enc = "UTF-8";
	else if (enc == NULL)
		enc = charset_detect(data, len);
	rep->encoding = charset_canonical(enc);
	if (strcmp(rep->encoding, charset_canonical("UTF-8")) == 0 &&
	    valid_utf8(data, len, o)) {
		/* Read in place: a long file is not copied. */
		t->data = data;
		t->len = len;
		t->mapped = o->release != NULL ? o : NULL;
	} else {
		if (charset_to_utf8(enc, data, len, &t->copy, err) != 0)
			return -1;
		if (memchr(t->copy.data, '\0', t->copy.len) != NULL)
			return error_set(err, "в файле нулевой символ — это не "
			    "текстовая таблица");
		t->data = t->copy.data;
		t->len = t->copy.len;
	}
	if (t->len >= 3 && memcmp(t->data, "\xEF\xBB\xBF", 3) == 0) {
		t->data += 3;
		t->len -= 3;
	}
	if (t->mapped != NULL)
		o->release(o->release_arg, data + len);
	return 0;
}

static int
all_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)s[i]))
			return 0;
	return 1;
}



/* What a file other than text is, by its first bytes; NULL for text. */
static const char *
binary_kind(const char *data, size_t len)
{
	if (len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return "документ Word 97–2003 (.doc) или книга Excel 97–2003 "
		    "(.xls); сохраните его как DOCX («Файл → Сохранить как → "
		    "Документ Word») или XLSX («Книга Excel»)";
	if (len >= 5 && memcmp(data, "{\\rtf", 5) == 0)
		return "документ RTF; откройте его в Word или LibreOffice и "
		    "сохраните как DOCX («Документ Word»)";
	return NULL;
}

static size_t
columns_named(const char *spec)
{
	size_t n = 1;

	for (; *spec != '\0'; spec++)
		n += *spec == ',';
	return n;
}

int
import_table(const char *data, size_t len, const struct import_opts *o,
    struct list *out, struct import_report *rep, struct error *err)
{
	struct import_source src;
	struct csv_source cs;
	struct text_view t = { 0 };
	const char *kind = binary_kind(data, len);
	size_t range[2] = { 0, SIZE_MAX };
	int rc;

	if (all_blank(data, len))
		return error_set(err, "файл пуст");
	if (kind != NULL)
		return error_set(err, "это %s", kind);
	if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0)
		return import_office(data, len, o, out, rep, err);
	if (o->columns != NULL && import_columns_check(o->columns, err) != 0)
		return -1;
	buf_init(&t.copy);
	rc = decode(data, len, o, rep, &t, err);
	if (rc == 0) {
		rep->delimiter = choose_delimiter(&t, o->format,
		    o->columns != NULL ? columns_named(o->columns) : 0);
		if (o->columns == NULL) {
			csv_source_init(&cs, &t, rep->delimiter, 0, SIZE_MAX);
			src.next = csv_source_next;
			src.state = &cs;
			rc = import_find_list(&src, o, out, rep, range, err);
			csv_source_fini(&cs);
		}
	}
	if (rc == 0) {
		csv_source_init(&cs, &t, rep->delimiter, range[0], range[1]);
		src.next = csv_source_next;
		src.state = &cs;
		rc = import_rows(&src, o, out, rep, err);
		csv_source_fini(&cs);
	}
	buf_fini(&t.copy);
	return rc;
}
