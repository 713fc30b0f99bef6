/* csv.c - RFC 4180 CSV and TSV records. */
#include "csv.h"

#include <string.h>

#include "buf.h"

char
csv_guess_delimiter(const char *data, size_t len)
{
	size_t tabs = 0, semis = 0, commas = 0;
	int quoted = 0;

	for (size_t i = 0; i < len; i++) {
		char c = data[i];

		if (c == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (c == '\n' || c == '\r')
			break;
		else if (c == '\t')
			tabs++;
		else if (c == ';')
			semis++;
		else if (c == ',')
			commas++;
	}
	if (tabs > 0)
		return '\t';
	if (semis > commas)
		return ';';
	return ',';
}

void
csv_reader_init(struct csv_reader *r, const char *data, size_t len,
    char delim)
{
	r->data = data;
	r->len = len;
	r->pos = 0;
	r->line = 1;
	r->delim = delim;
}

void
csv_record_init(struct csv_record *rec)
{
	strvec_init(&rec->fields);
	rec->line = rec->end_line = 0;
}

void
csv_record_fini(struct csv_record *rec)
{
	strvec_fini(&rec->fields);
}

/* Consume a line end at r->pos if there is one; returns 1 if consumed. */
static int
eat_newline(struct csv_reader *r)
{
	if (r->pos >= r->len)
		return 0;
	if (r->data[r->pos] == '\r') {
		r->pos++;
		if (r->pos < r->len && r->data[r->pos] == '\n')
			r->pos++;
		r->line++;
		return 1;
	}
	if (r->data[r->pos] == '\n') {
		r->pos++;
		r->line++;
		return 1;
	}
	return 0;
}

static int
field_too_long(const struct csv_reader *r, struct error *err)
{
	return error_set(err, "строка %zu: ячейка длиннее %zu КиБ — похоже, "
	    "это не таблица перечня или выбран не тот разделитель", r->line,
	    CSV_MAX_FIELD / 1024);
}

/* Read a quoted field; r->pos is just past the opening quote. */
static int
read_quoted(struct csv_reader *r, struct buf *f, size_t start_line,
    struct error *err)
{
	for (;;) {
		char c;

		if (r->pos >= r->len)
			return error_set(err, "строка %zu: кавычка не закрыта до "
			    "конца файла", start_line);
		c = r->data[r->pos];
		if (c == '"') {
			if (r->pos + 1 < r->len && r->data[r->pos + 1] == '"') {
				buf_putc(f, '"');
				r->pos += 2;
				continue;
			}
			r->pos++;
			break;
		}
		if (c == '\r' || c == '\n') {
			eat_newline(r);
			buf_putc(f, '\n');
			continue;
		}
		buf_putc(f, c);
		r->pos++;
		if (f->len > CSV_MAX_FIELD)
			return field_too_long(r, err);
	}
	/* After the closing quote only spaces may stand before the delimiter. */
	while (r->pos < r->len && r->data[r->pos] == ' ')
		r->pos++;
	if (r->pos < r->len && r->data[r->pos] != r->delim &&
	    r->data[r->pos] != '\n' && r->data[r->pos] != '\r')
		return error_set(err, "строка %zu: после закрывающей кавычки идёт "
		    "текст — кавычки внутри ячейки нужно удваивать", r->line);
	return 0;
}

/* Read an unquoted field: up to the delimiter or the line end. */
static int
read_plain(struct csv_reader *r, struct buf *f, struct error *err)
{
	size_t start = r->pos;

	while (r->pos < r->len) {
		char c = r->data[r->pos];

		if (c == r->delim || c == '\n' || c == '\r')
			break;
		r->pos++;
	}
	if (r->pos - start > CSV_MAX_FIELD)
		return field_too_long(r, err);
	buf_append(f, r->data + start, r->pos - start);
	return 0;
}

int
csv_read(struct csv_reader *r, struct csv_record *rec, struct error *err)
{
	struct buf f;
	int rc = 1;

	strvec_fini(&rec->fields);
	if (r->pos >= r->len)
		return 0;
	rec->line = r->line;
	buf_init(&f);
	for (;;) {
		buf_reset(&f);
		if (r->pos < r->len && r->data[r->pos] == '"') {
			r->pos++;
			if (read_quoted(r, &f, rec->line, err) != 0) {
				rc = -1;
				break;
			}
		} else if (read_plain(r, &f, err) != 0) {
			rc = -1;
			break;
		}
		strvec_pushn(&rec->fields, f.data, f.len);
		if (r->pos < r->len && r->data[r->pos] == r->delim) {
			r->pos++;
			continue;
		}
		rec->end_line = r->line;
		eat_newline(r);
		break;
	}
	buf_fini(&f);
	return rc;
}

int
csv_record_blank(const struct csv_record *rec)
{
	for (size_t i = 0; i < rec->fields.n; i++)
		for (const char *p = rec->fields.v[i]; *p != '\0'; p++)
			if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
				return 0;
	return 1;
}
