/* import.c - a list from a TSV or CSV table, as clerks have it. */
#include "import_int.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "charset.h"
#include "columns.h"
#include "contact.h"
#include "utf8.h"

enum col {
	C_NUM, C_PROCESS, C_TP, C_NEEDS, C_SPEC,
	C_KIND, C_CONTACTS, C_CATS, C_KEY, C_BASIS_TYPE, C_BASIS, C_UNIT,
	C_AUDIENCE, C_TRANSFERS, C_ACK, C_EXCLUDED, C_EXCLUDE_REASON,
	C_COUNT
};

/* Header names, folded.  The five printed columns are matched by how
 * their names begin, since the wording varies from body to body. */
static const struct {
	enum col col;
	const char *name;
	int prefix;
} col_names[] = {
	{ C_NUM, "№", 0 }, { C_NUM, "№ п/п", 0 }, { C_NUM, "n", 0 },
	{ C_NUM, "номер", 1 },
	{ C_PROCESS, "процесс", 1 },
	{ C_TP, "точка", 1 }, { C_TP, "точки", 1 },
	{ C_NEEDS, "удовлетвор", 1 }, { C_NEEDS, "потребност", 1 },
	{ C_SPEC, "особенност", 1 },
	{ C_KIND, COL_KIND, 0 }, { C_CONTACTS, COL_CONTACTS, 0 },
	{ C_CATS, COL_CATEGORIES, 0 }, { C_KEY, COL_KEY, 0 },
	{ C_BASIS_TYPE, COL_BASIS_TYPE, 0 }, { C_BASIS, COL_BASIS, 0 },
	{ C_UNIT, COL_UNIT, 0 }, { C_AUDIENCE, COL_AUDIENCE, 0 },
	{ C_TRANSFERS, COL_TRANSFERS, 0 }, { C_ACK, COL_ACK, 0 },
	{ C_EXCLUDED, COL_EXCLUDED, 0 },
	{ C_EXCLUDE_REASON, COL_EXCLUDE_REASON, 0 },
};

/* Each column as the report names it. */
static const char *const col_label[C_COUNT] = {
	COL_NUM, COL_PROCESS, COL_TOUCHPOINT, COL_NEEDS, COL_SPECIFICS,
	COL_KIND, COL_CONTACTS, COL_CATEGORIES, COL_KEY, COL_BASIS_TYPE,
	COL_BASIS, COL_UNIT, COL_AUDIENCE, COL_TRANSFERS, COL_ACK,
	COL_EXCLUDED, COL_EXCLUDE_REASON,
};

/* What a table without a header row is told to say. */
#define COLUMNS_EXAMPLE "--columns №,процесс,точка,потребности,особенности"

struct colmap {
	int	 idx[C_COUNT];	/* field index of each column, -1 absent */
	size_t	 ncols;		/* fields in the header row */
	size_t	 known;		/* columns recognised */
	size_t	 unknown;	/* non-empty cells naming no column */
};

struct importer {
	struct strvec header;		/* the header row's cells, folded */
	const struct import_opts *o;
	struct list *l;
	struct import_report *rep;
	struct colmap map;
	char	*cell[C_COUNT];		/* cleaned cells of the current row */
	int	 html[C_COUNT];
	char	 where[IMPORT_WHERE_SZ];	/* current row's place */
	char	 tp_where[IMPORT_WHERE_SZ];	/* where the last touchpoint is */
	int	 after_break;		/* the row follows a repeated header */
	char	*proc_num;		/* the № the current process began with */
	int	 proc_grouped;		/* its № and name were repeated */
	size_t	 flushed;		/* processes given to the sink */
	int	 cleaned;		/* cell[] holds this row's cells */
	int	 columns_given;		/* --columns: no header row expected */
};

static void
note(struct importer *im, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* A line of the report, or counted once the report holds enough. */
static void
keep_line(struct strvec *sv, size_t *more, struct buf *b)
{
	if (sv->n < IMPORT_REPORT_LINES_MAX)
		strvec_push_owned(sv, buf_detach(b));
	else {
		(*more)++;
		buf_fini(b);
	}
}

static void
note(struct importer *im, const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	buf_init(&b);
	buf_printf(&b, "%s: ", im->where);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	keep_line(&im->rep->notes, &im->rep->notes_more, &b);
}

static void
set_where(struct importer *im, const struct import_row *rec)
{
	import_row_where(rec, im->where, sizeof im->where);
}

void
import_row_init(struct import_row *r)
{
	memset(r, 0, sizeof *r);
	strvec_init(&r->cells);
}

void
import_row_fini(struct import_row *r)
{
	strvec_fini(&r->cells);
}

void
import_row_where(const struct import_row *r, char *buf, size_t size)
{
	if (r->table > 0)
		snprintf(buf, size, "таблица %zu, строка %zu", r->table,
		    r->line);
	else
		snprintf(buf, size, "строка %zu", r->line);
}

void
import_report_init(struct import_report *rep)
{
	memset(rep, 0, sizeof *rep);
	strvec_init(&rep->notes);
	strvec_init(&rep->guesses);
}

void
import_report_fini(struct import_report *rep)
{
	strvec_fini(&rep->notes);
	strvec_fini(&rep->guesses);
}

/* Which column a header cell names, or -1. */
static int
column_of(const char *text)
{
	char *f = utf8_casefold(text);
	int col = -1;

	for (size_t k = 0; k < sizeof col_names / sizeof col_names[0]; k++) {
		char *name = utf8_casefold(col_names[k].name);
		int hit = col_names[k].prefix ?
		    strncmp(f, name, strlen(name)) == 0 : strcmp(f, name) == 0;

		free(name);
		if (hit) {
			col = (int)col_names[k].col;
			break;
		}
	}
	free(f);
	return col;
}

/* Which column a cell as written names, or -1. */
static int
column_of_cell(const char *raw)
{
	int html;
	char *clean = import_clean_cell(raw, &html);
	int col = column_of(clean);

	free(clean);
	return col;
}

static void
colmap_clear(struct colmap *m, size_t ncols)
{
	for (int c = 0; c < C_COUNT; c++)
		m->idx[c] = -1;
	m->known = m->unknown = 0;
	m->ncols = ncols;
}

static int
is_blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/* "1", "12." : a process number, which no header cell is. */
static int
is_number(const char *s)
{
	size_t n = strspn(s, " ");
	size_t d = strspn(s + n, "0123456789");

	return d > 0 && s[n + d + strspn(s + n + d, ". ")] == '\0';
}

/*
 * Map a record's fields to columns; returns 1 if it is a header row: it
 * names the process and touchpoint columns, holds no number, and either
 * every cell names a column or most of the five printed ones are named
 * (a "№" lost to KOI8-R, a column of the clerk's own).  A data row
 * starting "1⇥Процесс рассмотрения…⇥Точка приёма…" names the two as
 * well, but has its number and needs.
 */
static int
map_header(const struct import_row *rec, struct colmap *m)
{
	int number = 0;

	colmap_clear(m, rec->cells.n);
	for (size_t i = 0; i < rec->cells.n; i++) {
		int c = column_of_cell(rec->cells.v[i]);

		if (c >= 0 && m->idx[c] < 0) {
			m->idx[c] = (int)i;
			m->known++;
		} else if (c < 0 && !is_blank(rec->cells.v[i])) {
			m->unknown++;
			number |= is_number(rec->cells.v[i]);
		}
	}
	return m->idx[C_PROCESS] >= 0 && m->idx[C_TP] >= 0 && !number &&
	    (m->unknown == 0 || m->known >= 4);
}

int
import_header_row(const struct import_row *rec, int *tp_col)
{
	struct colmap m;
	int header = map_header(rec, &m);

	if (tp_col != NULL)
		*tp_col = m.idx[C_TP];
	return header;
}

size_t
import_nonblank_cells(const struct import_row *rec)
{
	size_t n = 0;

	for (size_t i = 0; i < rec->cells.n; i++)
		n += !is_blank(rec->cells.v[i]);
	return n;
}

/* One name of a --columns list into m as field i. */
static int
columns_name(const char *name, size_t i, struct colmap *m, struct error *err)
{
	int c;

	if (strcmp(name, "-") == 0)
		return 0;
	c = name[0] != '\0' ? column_of(name) : -1;
	if (c < 0)
		return error_set(err, "--columns: столбец %zu «%s» не "
		    "распознан; ожидаются №, процесс, точка, потребности, "
		    "особенности (и столбцы нашего CSV: «%s», «%s»…), «-» — "
		    "пропустить столбец", i + 1, name, COL_KIND, COL_CONTACTS);
	if (m->idx[c] >= 0)
		return error_set(err, "--columns: столбец «%s» назван дважды "
		    "(%d-м и %zu-м)", col_label[c], m->idx[c] + 1, i + 1);
	m->idx[c] = (int)i;
	m->known++;
	return 0;
}

/* A --columns list: names separated by commas, one per field. */
static int
columns_parse(const char *spec, struct colmap *m, struct error *err)
{
	const char *p = spec;
	size_t i = 0;

	colmap_clear(m, 0);
	for (;;) {
		size_t n = strcspn(p, ",");
		char *raw = xstrndup(p, n);
		char *name = utf8_squeeze(raw);
		int rc = columns_name(name, i++, m, err);

		free(name);
		free(raw);
		if (rc != 0)
			return -1;
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
	m->ncols = i;
	if (m->idx[C_PROCESS] < 0 || m->idx[C_TP] < 0)
		return error_set(err, "--columns: нужны хотя бы столбцы "
		    "«процесс» и «точка» (например, %s)", COLUMNS_EXAMPLE);
	return 0;
}

int
import_columns_check(const char *spec, struct error *err)
{
	struct colmap m;

	return columns_parse(spec, &m, err);
}

static const char *
cell(const struct importer *im, enum col c)
{
	return im->cell[c] != NULL ? im->cell[c] : "";
}

static int
has(const struct importer *im, enum col c)
{
	return cell(im, c)[0] != '\0';
}

static void
clear_cells(struct importer *im)
{
	for (int c = 0; c < C_COUNT; c++) {
		free(im->cell[c]);
		im->cell[c] = NULL;
		im->html[c] = 0;
	}
}

static struct process *
cur_process(struct importer *im)
{
	return im->l->nprocs > 0 ? &im->l->procs[im->l->nprocs - 1] : NULL;
}

static struct touchpoint *
cur_touchpoint(struct importer *im)
{
	struct process *p = cur_process(im);

	return p != NULL && p->ntps > 0 ? &p->tps[p->ntps - 1] : NULL;
}

/* The last touchpoint of the whole list so far (maybe of an earlier
 * process): where the rest of a cell split by a page break belongs. */
static struct touchpoint *
last_touchpoint(struct importer *im)
{
	for (size_t i = im->l->nprocs; i-- > 0;)
		if (im->l->procs[i].ntps > 0)
			return &im->l->procs[i].tps[im->l->procs[i].ntps - 1];
	return NULL;
}

static int
parse_yes_no(struct importer *im, enum col c, const char *colname, int *out,
    struct error *err)
{
	char *f = utf8_casefold(cell(im, c));
	int rc = 0;

	if (f[0] == '\0')
		*out = TRI_UNKNOWN;
	else if (strcmp(f, VAL_YES) == 0 || strcmp(f, "1") == 0 ||
	    strcmp(f, "yes") == 0)
		*out = 1;
	else if (strcmp(f, VAL_NO) == 0 || strcmp(f, "0") == 0 ||
	    strcmp(f, "no") == 0)
		*out = 0;
	else
		rc = error_set(err, "%s, столбец «%s»: «%s» — ожидалось "
		    "«да» или «нет»", im->where, colname, cell(im, c));
	free(f);
	return rc;
}

/* The kind named in the kind column (by code or name), or guessed from
 * the printed touchpoint cell.  Returns true if the kind was guessed. */
static bool
set_kind(struct importer *im, struct touchpoint *tp, const char *raw)
{
	const struct catalog *cat = im->o->cat;
	const struct kind *k = NULL;

	if (has(im, C_KIND)) {
		char *want = utf8_casefold(cell(im, C_KIND));

		for (size_t i = 0; cat != NULL && i < cat->nkinds && !k; i++) {
			char *name = utf8_casefold(cat->kinds[i].name);

			if (strcmp(want, name) == 0 ||
			    strcmp(cell(im, C_KIND), cat->kinds[i].code) == 0)
				k = &cat->kinds[i];
			free(name);
		}
		free(want);
		if (k == NULL) {
			model_set(&tp->kind, cell(im, C_KIND));
			note(im, "вид точки «%s» нет в каталоге — добавлен как "
			    "новый вид", cell(im, C_KIND));
			return false;
		}
	} else if (cat != NULL) {
		k = catalog_guess_kind(cat, raw);
		if (k == NULL) {
			im->rep->doubted++;
			note(im, "вид точки «%s» не распознан — укажите его в "
			    "редакторе", tp->name);
			return false;
		}
	}
	if (k != NULL)
		model_set(&tp->kind, k->code);
	return k != NULL && !has(im, C_KIND);
}

static const struct kind *
kind_of(const struct importer *im, const struct touchpoint *tp)
{
	if (im->o->cat == NULL || tp->kind[0] == '\0')
		return NULL;
	return catalog_find_kind(im->o->cat, tp->kind);
}

/*
 * Record for the report what the import decided on its own: the kind it
 * guessed from the name (guessed non-NULL) and the key flag the kind's
 * п. 3.2 default set (key_by_kind), so the clerk can check them without
 * the editor.
 */
static void
report_decision(struct importer *im, const struct touchpoint *tp,
    const struct kind *guessed, bool key_by_kind)
{
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "%s: «", im->where);
	utf8_fit(tp->name, 40, &b);
	buf_puts(&b, "»");
	if (guessed != NULL)
		buf_printf(&b, " → вид «%s»", guessed->name);
	if (key_by_kind)
		buf_printf(&b, "%s ключевая (п. 3.2)",
		    guessed != NULL ? "," : " —");
	keep_line(&im->rep->guesses, &im->rep->guesses_more, &b);
}

/* Channel type from the specifics cell ("Цифровая точка"), the rest of
 * which is the specifics text; else from the kind. */
static void
set_channel(struct importer *im, struct touchpoint *tp)
{
	const char *spec = cell(im, C_SPEC);
	const char *nl = strchr(spec, '\n');
	char *first = xstrndup(spec, nl != NULL ? (size_t)(nl - spec) :
	    strlen(spec));
	enum channel ch = channel_from_text(first);
	const struct kind *k = kind_of(im, tp);

	if (ch != CHANNEL_NONE) {
		char *f = utf8_casefold(first);

		/* A first line that only names the channel is not specifics. */
		if (utf8_width(f) <= 20)
			model_set(&tp->specifics, nl != NULL ? nl + 1 : "");
		else
			model_set(&tp->specifics, spec);
		free(f);
		tp->channel = ch;
	} else {
		model_set(&tp->specifics, spec);
		tp->channel = channel_from_text(spec);
	}
	free(first);
	if (tp->channel == CHANNEL_NONE && k != NULL) {
		tp->channel = k->channel;
		note(im, "тип канала не указан — взят из вида точки «%s»",
		    k->name);
	} else if (k != NULL && tp->channel != k->channel) {
		im->rep->doubted++;
		note(im, "«%s»: указан тип канала «%s», а вид «%s» — %s",
		    tp->name, channel_label(tp->channel), k->name,
		    channel_label(k->channel));
	}
}

/* Parse "2.6.4", "п. 2.6.4" or "4" into 1..9, or 0. */
static int
parse_category(const char *s)
{
	const char *p = s + strlen(s);

	while (p > s && isspace((unsigned char)p[-1]))
		p--;
	if (p > s && p[-1] >= '1' && p[-1] <= '9' &&
	    (p - 1 == s || p[-2] == '.' || p[-2] == ' '))
		return p[-1] - '0';
	return 0;
}

/* One need per line of text; categories from the column, line by line,
 * else guessed from the wording. */
static void
add_needs(struct importer *im, struct touchpoint *tp, const char *text,
    const char *cats)
{
	const char *p = text, *c = cats;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		char *w = xstrndup(p, n);
		int category = 0;

		if (c != NULL && *c != '\0') {
			const char *cnl = strchr(c, '\n');
			char *cs = xstrndup(c, cnl ? (size_t)(cnl - c) : strlen(c));

			category = parse_category(cs);
			free(cs);
			c = cnl != NULL ? cnl + 1 : "";
		} else if (im->o->cat != NULL) {
			category = catalog_guess_need(im->o->cat, w);
		}
		if (w[0] != '\0')
			touchpoint_add_need(tp, w, category);
		free(w);
		p += n;
		if (*p == '\n')
			p++;
	}
}

/* Append text to the last need of tp (a cell split by a page break). */
static void
join_to_last_need(struct importer *im, struct touchpoint *tp,
    const char *text)
{
	struct need *n = &tp->needs[tp->nneeds - 1];
	char *joined = xasprintf("%s %s", n->wording, text);

	free(n->wording);
	n->wording = joined;
	if (n->category == 0 && im->o->cat != NULL)
		n->category = catalog_guess_need(im->o->cat, joined);
}

static int
set_optional(struct importer *im, struct touchpoint *tp, struct error *err)
{
	int v;
	char *f;

	if (has(im, C_CONTACTS)) {
		const char *p = cell(im, C_CONTACTS);

		while (*p != '\0') {
			size_t n = strcspn(p, "\n");
			char *value = xstrndup(p, n);

			if (value[0] != '\0')
				import_add_contact(tp, contact_classify(value),
				    value);
			free(value);
			p += n + (p[n] == '\n');
		}
	}
	if (im->map.idx[C_KEY] >= 0 && has(im, C_KEY)) {
		if (parse_yes_no(im, C_KEY, COL_KEY, &v, err) != 0)
			return -1;
		tp->key = v == 1;
	}
	if (parse_yes_no(im, C_ACK, COL_ACK, &tp->ack_receipt, err) != 0 ||
	    parse_yes_no(im, C_EXCLUDED, COL_EXCLUDED, &v, err) != 0)
		return -1;
	tp->excluded = v == 1;
	model_set(&tp->exclude_reason, cell(im, C_EXCLUDE_REASON));
	model_set(&tp->basis, cell(im, C_BASIS));
	model_set(&tp->unit, cell(im, C_UNIT));
	f = utf8_casefold(cell(im, C_BASIS_TYPE));
	if (f[0] == '\0')
		tp->basis_type = tp->basis[0] != '\0' ? BASIS_DOCUMENT : BASIS_NONE;
	else if (strcmp(f, VAL_BASIS_DOCUMENT) == 0)
		tp->basis_type = BASIS_DOCUMENT;
	else if (strncmp(f, "распоряд", strlen("распоряд")) == 0)
		tp->basis_type = BASIS_ACT;
	else {
		free(f);
		return error_set(err, "%s, столбец «%s»: «%s» — "
		    "ожидалось «%s» или «%s»", im->where, COL_BASIS_TYPE,
		    cell(im, C_BASIS_TYPE), VAL_BASIS_DOCUMENT, VAL_BASIS_ACT);
	}
	free(f);
	f = utf8_casefold(cell(im, C_AUDIENCE));
	if (f[0] != '\0') {
		tp->audience = strncmp(f, "внутр", strlen("внутр")) == 0 ?
		    AUDIENCE_INTERNAL : AUDIENCE_EXTERNAL;
	} else {
		tp->audience = catalog_guess_audience(tp->name);
		if (tp->audience == AUDIENCE_INTERNAL)
			note(im, "«%s» — для внутренних клиентов (п. 1.3.2)",
			    tp->name);
	}
	free(f);
	if (has(im, C_TRANSFERS)) {
		char *end;
		long n = strtol(cell(im, C_TRANSFERS), &end, 10);

		if (*end != '\0' || n < 0 || n > 99)
			return error_set(err, "%s, столбец «%s»: «%s» — "
			    "ожидалось число", im->where, COL_TRANSFERS,
			    cell(im, C_TRANSFERS));
		tp->max_transfers = (int)n;
	}
	return 0;
}

static int
first_is_lower(const char *s)
{
	uint32_t cp;

	utf8_decode(s, strlen(s), &cp);
	return (cp >= 'a' && cp <= 'z') || (cp >= 0x0430 && cp <= 0x044F) ||
	    cp == 0x0451;
}

/*
 * After a page break, a cell's first paragraph that starts in lower case,
 * followed by more paragraphs, is the rest of the cell the break split:
 * conversion from PDF or Word put it into the next row.
 */
static char *
take_split_rest(struct importer *im, const char *needs)
{
	struct touchpoint *prev = last_touchpoint(im);
	const char *nl = strchr(needs, '\n');

	if (!im->after_break || !im->html[C_NEEDS] || prev == NULL ||
	    prev->nneeds == 0 || nl == NULL || !first_is_lower(needs))
		return NULL;
	char *rest = xstrndup(needs, (size_t)(nl - needs));

	join_to_last_need(im, prev, rest);
	im->rep->joined++;
	im->rep->doubted++;
	note(im, "начало ячейки «%s» — окончание потребности точки «%s» "
	    "(%s), разорванной разрывом страницы; присоединено к ней",
	    rest, prev->name, im->tp_where);
	free(rest);
	return xstrdup(nl + 1);
}

static int
new_touchpoint(struct importer *im, struct error *err)
{
	struct process *p = cur_process(im);
	struct touchpoint *tp;
	const struct kind *k;
	char *needs;
	const char *raw = cell(im, C_TP);
	bool guessed, key_by_kind;

	if (p == NULL)
		return error_set(err, "%s: точка взаимодействия «%s» "
		    "стоит до первого процесса (столбец «№» и «Процесс» пусты)",
		    im->where, raw);
	needs = take_split_rest(im, cell(im, C_NEEDS));
	/* The name prints back as written; its contacts are copied out for
	 * the rules, unless a contacts column says what they are. */
	tp = process_add_touchpoint(p, raw);
	if (im->map.idx[C_CONTACTS] < 0 && import_find_contacts(raw, tp) > 0)
		note(im, "в «%s» найдены контакты (%zu): они проверяются "
		    "правилом R11", raw, tp->ncontacts);
	guessed = set_kind(im, tp, raw);
	set_channel(im, tp);
	k = kind_of(im, tp);
	tp->key = k != NULL && k->key_default;
	add_needs(im, tp, needs != NULL ? needs : cell(im, C_NEEDS),
	    im->map.idx[C_CATS] >= 0 ? cell(im, C_CATS) : NULL);
	free(needs);
	memcpy(im->tp_where, im->where, sizeof im->where);
	if (set_optional(im, tp, err) != 0)
		return -1;
	/* A «Ключевая» cell is the clerk's word, not the import's guess. */
	key_by_kind = tp->key && !has(im, C_KEY);
	if (guessed || key_by_kind)
		report_decision(im, tp, guessed ? k : NULL, key_by_kind);
	return 0;
}

/* A row with needs or specifics but no touchpoint name. */
static int
continue_touchpoint(struct importer *im, struct error *err)
{
	struct touchpoint *tp = cur_touchpoint(im);
	const char *needs = cell(im, C_NEEDS);

	if (tp == NULL)
		return error_set(err, "%s: потребности «%s» без точки "
		    "взаимодействия (столбец «%s» пуст)", im->where, needs,
		    COL_TOUCHPOINT);
	im->rep->joined++;
	if (im->after_break && tp->nneeds > 0 && needs[0] != '\0') {
		const char *nl = strchr(needs, '\n');
		char *first = xstrndup(needs, nl ? (size_t)(nl - needs) :
		    strlen(needs));

		join_to_last_need(im, tp, first);
		note(im, "продолжение ячейки, разорванной разрывом страницы, "
		    "присоединено к точке «%s» (%s)", tp->name, im->tp_where);
		free(first);
		if (nl != NULL)
			add_needs(im, tp, nl + 1, NULL);
	} else {
		add_needs(im, tp, needs, im->map.idx[C_CATS] >= 0 ?
		    cell(im, C_CATS) : NULL);
		note(im, "потребности добавлены к точке «%s» (%s)",
		    tp->name, im->tp_where);
	}
	if (has(im, C_SPEC)) {
		char *joined = xasprintf("%s%s%s", tp->specifics,
		    tp->specifics[0] ? "\n" : "", cell(im, C_SPEC));

		free(tp->specifics);
		tp->specifics = joined;
	}
	return 0;
}

/* The row names the process of the rows above it again: its name, and
 * its № if any is the one that process began with. */
static int
same_process(struct importer *im, const struct process *p)
{
	char *a, *b;
	int same;

	if (has(im, C_NUM) && (im->proc_num == NULL ||
	    strcmp(cell(im, C_NUM), im->proc_num) != 0))
		return 0;
	a = utf8_casefold(p->name);
	b = utf8_casefold(cell(im, C_PROCESS));
	same = strcmp(a, b) == 0;
	free(a);
	free(b);
	return same;
}

/*
 * Does the row begin a process?  Word leaves the № and the process blank
 * under its first row; Excel repeats both on every row, and consecutive
 * rows of the same № and process are then one process, said once.
 */
static int
starts_process(struct importer *im)
{
	struct process *p = cur_process(im);

	if (!has(im, C_NUM) && !has(im, C_PROCESS))
		return 0;
	if (p == NULL || !has(im, C_PROCESS) || !same_process(im, p))
		return has(im, C_NUM) || has(im, C_PROCESS);
	if (!im->proc_grouped) {
		im->proc_grouped = 1;
		note(im, "№ и процесс «%s» повторены в строке — она отнесена "
		    "к тому же процессу (и следующие такие строки)", p->name);
	}
	return 0;
}

/*
 * Give the sink every process but the last keep: the last one may still
 * get the rest of a cell a page break split.  Counted either way.
 */
static int
flush_processes(struct importer *im, size_t keep, struct error *err)
{
	struct list *l = im->l;
	size_t n;

	if (im->o->sink == NULL || l->nprocs <= keep)
		return 0;
	n = l->nprocs - keep;
	for (size_t i = 0; i < n; i++) {
		struct process *p = &l->procs[i];

		im->rep->touchpoints += p->ntps;
		for (size_t j = 0; j < p->ntps; j++)
			im->rep->needs += p->tps[j].nneeds;
		if (im->o->sink(im->o->sink_arg, p, err) != 0)
			return -1;
		process_fini(p);
	}
	memmove(l->procs, l->procs + n, keep * sizeof *l->procs);
	l->nprocs = keep;
	im->flushed += n;
	return 0;
}

static int
new_process(struct importer *im, struct error *err)
{
	size_t want = im->flushed + im->l->nprocs + 1;
	char *end;
	long num;

	if (!has(im, C_PROCESS))
		return error_set(err, "%s: у процесса № %s нет названия "
		    "(столбец «%s» пуст)", im->where, cell(im, C_NUM),
		    COL_PROCESS);
	if (flush_processes(im, 1, err) != 0)
		return -1;
	list_add_process(im->l, cell(im, C_PROCESS));
	free(im->proc_num);
	im->proc_num = has(im, C_NUM) ? xstrdup(cell(im, C_NUM)) : NULL;
	im->proc_grouped = 0;
	if (!has(im, C_NUM)) {
		im->rep->doubted++;
		note(im, "у процесса «%s» не указан № — присвоен %zu",
		    cell(im, C_PROCESS), want);
		return 0;
	}
	num = strtol(cell(im, C_NUM), &end, 10);
	if ((*end != '\0' && strcmp(end, ".") != 0) || num != (long)want) {
		im->rep->doubted++;
		note(im, "процесс «%s» указан под № %s — по порядку он %zu",
		    cell(im, C_PROCESS), cell(im, C_NUM), want);
	}
	return 0;
}

/* Optional columns carry data of a touchpoint too. */
static int
row_has_data(const struct importer *im)
{
	for (int c = 0; c < C_COUNT; c++)
		if (c != C_NUM && c != C_PROCESS && has(im, (enum col)c))
			return 1;
	return 0;
}

/* Name the cells of the row whose Word paragraph markup was repaired. */
static void
note_markup(struct importer *im)
{
	struct buf cols;

	buf_init(&cols);
	for (int c = 0; c < C_COUNT; c++)
		if (im->html[c])
			buf_printf(&cols, "%s«%s»", cols.len > 0 ? ", " : "",
			    col_label[c]);
	if (cols.len > 0)
		note(im, "разметка Word (<p>, <br>) в столбце %s заменена "
		    "переводами строк", cols.data);
	buf_fini(&cols);
}

/* The mapped cells of rec cleaned into im->cell, once per row: 1, or 0
 * for a row of another width (not cleaned). */
static int
clean_row(struct importer *im, const struct import_row *rec)
{
	if (rec->cells.n != im->map.ncols)
		return 0;
	clear_cells(im);
	for (int c = 0; c < C_COUNT; c++)
		if (im->map.idx[c] >= 0)
			im->cell[c] = import_clean_cell(
			    rec->cells.v[im->map.idx[c]], &im->html[c]);
	im->cleaned = 1;
	return 1;
}

static int
load_cells(struct importer *im, const struct import_row *rec,
    struct error *err)
{
	if (rec->cells.n != im->map.ncols)
		return error_set(err, "%s: %zu ячеек, а %s %zu — "
		    "проверьте разделитель и кавычки", im->where,
		    rec->cells.n, im->columns_given ? "в --columns названо" :
		    "в заголовке таблицы", im->map.ncols);
	if (!im->cleaned)
		clean_row(im, rec);
	note_markup(im);
	/*
	 * Our CSV export puts one apostrophe before a cell that would start
	 * a formula (apostrophes, then = + - @); take exactly one away.
	 */
	for (int c = 0; c < C_COUNT; c++) {
		char *v = im->cell[c];
		size_t q = v != NULL ? strspn(v, "'") : 0;

		if (q > 0 && v[q] != '\0' && strchr("=+-@", v[q]) != NULL)
			memmove(v, v + 1, strlen(v));
	}
	return 0;
}

/*
 * A row that starts a process and says only that it is excluded (our CSV
 * export writes an excluded process so): the exclusion is the process's.
 * *taken is 1 if the row was that.
 */
static int
process_exclusion_row(struct importer *im, int *taken, struct error *err)
{
	struct process *p = cur_process(im);
	int v;

	*taken = 0;
	if (p == NULL || !has(im, C_EXCLUDED))
		return 0;
	for (int c = 0; c < C_COUNT; c++)
		if (c != C_NUM && c != C_PROCESS && c != C_EXCLUDED &&
		    c != C_EXCLUDE_REASON && has(im, (enum col)c))
			return 0;
	if (parse_yes_no(im, C_EXCLUDED, COL_EXCLUDED, &v, err) != 0)
		return -1;
	p->excluded = v == 1;
	model_set(&p->exclude_reason, p->excluded ?
	    cell(im, C_EXCLUDE_REASON) : "");
	*taken = 1;
	return 0;
}

static int
data_row(struct importer *im, const struct import_row *rec,
    struct error *err)
{
	int taken = 0;

	set_where(im, rec);
	if (load_cells(im, rec, err) != 0)
		return -1;
	im->rep->records++;
	if (starts_process(im) && (new_process(im, err) != 0 ||
	    process_exclusion_row(im, &taken, err) != 0))
		return -1;
	if (taken) {
		im->after_break = 0;
		return 0;
	}
	if (has(im, C_TP)) {
		if (new_touchpoint(im, err) != 0)
			return -1;
	} else if (row_has_data(im)) {
		if (continue_touchpoint(im, err) != 0)
			return -1;
	}
	im->after_break = 0;
	return 0;
}

/* Text before the table: the title after "ПЕРЕЧЕНЬ", and "Орган: …". */
static void
preamble_row(struct importer *im, const struct import_row *rec,
    int *in_title, size_t *skipped)
{
	struct buf b;
	char *text, *f;

	buf_init(&b);
	for (size_t i = 0; i < rec->cells.n; i++) {
		if (b.len > 0 && rec->cells.v[i][0] != '\0')
			buf_putc(&b, ' ');
		buf_puts(&b, rec->cells.v[i]);
	}
	text = utf8_squeeze(b.data);
	buf_fini(&b);
	f = utf8_casefold(text);
	if (text[0] == '\0') {
		*in_title = 0;
	} else if (text[0] == '#') {
		/* a comment line of our own example files */
	} else if (strcmp(f, "перечень") == 0) {
		*in_title = 1;
	} else if (*in_title) {
		char *t = xasprintf("%s%s%s", im->l->hdr.title,
		    im->l->hdr.title[0] ? " " : "", text);

		free(im->l->hdr.title);
		im->l->hdr.title = t;
	} else if (strncmp(f, "орган:", strlen("орган:")) == 0) {
		char *v = utf8_squeeze(text + strlen("орган:"));

		model_set(&im->l->hdr.org, v);
		free(v);
	} else if (strncmp(f, "направление деятельности:",
	    strlen("направление деятельности:")) == 0) {
		char *v = utf8_squeeze(text + strlen("направление деятельности:"));

		model_set(&im->l->hdr.area, v);
		free(v);
	} else {
		(*skipped)++;
	}
	free(f);
	free(text);
}

/* A cell cleaned and folded as the header's cells are kept. */
static char *
fold_cell(const char *raw)
{
	int html;
	char *clean = import_clean_cell(raw, &html);
	char *f = utf8_casefold(clean);

	free(clean);
	return f;
}

/* Folded, cleaned cells of rec into sv (emptied first). */
static void
fold_cells(const struct import_row *rec, struct strvec *sv)
{
	strvec_fini(sv);
	for (size_t i = 0; i < rec->cells.n; i++)
		strvec_push_owned(sv, fold_cell(rec->cells.v[i]));
}

/*
 * A page break repeats the header row exactly: a data row that merely
 * starts with the same words ("Процесс …") is not one.  The touchpoint
 * cell decides most rows alone, so the others are folded only for a row
 * that may be the header.
 */
static int
same_header(struct importer *im, const struct import_row *rec)
{
	int tp = im->map.idx[C_TP];
	int same = rec->cells.n == im->header.n && tp >= 0;
	char *f;

	if (!same || !clean_row(im, rec) || !has(im, C_TP))
		return 0;
	f = utf8_casefold(cell(im, C_TP));
	same = strcmp(f, im->header.v[tp]) == 0;
	free(f);
	for (size_t i = 0; i < rec->cells.n && same; i++) {
		if ((int)i == tp)
			continue;
		f = fold_cell(rec->cells.v[i]);
		same = strcmp(f, im->header.v[i]) == 0;
		free(f);
	}
	return same;
}

/* «1», «Процесс рассмотрения…», … : the first cells of rec (unknown: only
 * those naming no column), for a message. */
static void
row_excerpt(const struct import_row *rec, int unknown, struct buf *out)
{
	size_t shown = 0;

	for (size_t i = 0; i < rec->cells.n; i++) {
		const char *v = rec->cells.v[i];

		if (is_blank(v) || (unknown && column_of_cell(v) >= 0))
			continue;
		if (shown++ == 3) {
			buf_puts(out, ", …");
			break;
		}
		buf_puts(out, shown > 1 ? ", «" : "«");
		utf8_fit(v, 40, out);
		buf_puts(out, "»");
	}
}

/* What a refused table is told about its header. */
#define HEADER_EXPECTED "в заголовке ожидаются столбцы «№», «Процесс…», " \
	"«Точка…», «Удовлетворяемые потребности…», «Особенности…». Если " \
	"заголовка у таблицы нет, назовите её столбцы по порядку: " \
	COLUMNS_EXAMPLE " («-» — пропустить столбец)"

/*
 * A row of the table above any header row: refused, since taking it for
 * the header or for text above the table would lose it.  A row naming
 * most columns is a header with some not understood: those are named.
 */
static int
refuse_headerless(const struct import_row *rec, struct error *err)
{
	char where[IMPORT_WHERE_SZ];
	struct colmap m;
	struct buf row;
	int partial;

	import_row_where(rec, where, sizeof where);
	map_header(rec, &m);
	partial = m.idx[C_PROCESS] >= 0 && m.idx[C_TP] >= 0 && m.known > 2;
	buf_init(&row);
	row_excerpt(rec, partial, &row);
	if (partial)
		error_set(err, "%s: в заголовке таблицы не распознаны "
		    "столбцы %s; " HEADER_EXPECTED, where, row.data);
	else
		error_set(err, "%s: %s — строка данных, а строки "
		    "заголовка таблицы над ней нет; " HEADER_EXPECTED,
		    where, row.data);
	buf_fini(&row);
	return -1;
}

/* Rows read so far, for what the next one means. */
struct rows_state {
	int	 header_seen;	/* the header row, or --columns: data follow */
	int	 data_seen;	/* a data row was read */
	int	 in_title;	/* in the lines after "ПЕРЕЧЕНЬ" */
	size_t	 skipped;	/* text lines above the table */
};

/* A header row once data have begun (a page break repeated it), or one
 * --columns made unnecessary: skipped and said so. */
static int
skip_header_row(struct importer *im, const struct import_row *rec,
    const struct rows_state *st)
{
	struct colmap m;

	if (im->columns_given ? !map_header(rec, &m) :
	    !same_header(im, rec))
		return 0;
	set_where(im, rec);
	im->after_break = 1;
	if (im->columns_given && !st->data_seen)
		note(im, "строка заголовка таблицы пропущена: столбцы названы "
		    "в --columns");
	else
		note(im, "повтор заголовка таблицы (разрыв страницы) "
		    "пропущен");
	return 1;
}

/* A header's columns that name nothing are not loaded: said so. */
static void
note_unknown_columns(struct importer *im, const struct import_row *rec)
{
	struct buf names;

	buf_init(&names);
	for (size_t i = 0; i < rec->cells.n; i++) {
		const char *v = rec->cells.v[i];

		if (is_blank(v) || column_of_cell(v) >= 0)
			continue;
		buf_puts(&names, names.len > 0 ? ", «" : "«");
		utf8_fit(v, 40, &names);
		buf_puts(&names, "»");
	}
	set_where(im, rec);
	if (names.len > 0)
		note(im, "столбцы %s не распознаны и не загружены (названия "
		    "столбцов: --columns)", names.data);
	buf_fini(&names);
}

/* A line above the table that says what it is ("Орган:⇥Министерство",
 * a comment), whatever the cells it was split into. */
static int
labelled_line(const struct import_row *rec)
{
	static const char *const labels[] = { "#", "орган:",
		"направление деятельности:" };
	int hit = 0;

	for (size_t i = 0; i < rec->cells.n; i++) {
		char *f;

		if (is_blank(rec->cells.v[i]))
			continue;
		f = utf8_casefold(rec->cells.v[i] +
		    strspn(rec->cells.v[i], " "));
		for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++)
			hit |= strncmp(f, labels[k], strlen(labels[k])) == 0;
		free(f);
		break;
	}
	return hit;
}

/* Rows before the table: text above it, the header, or data refused. */
static int
row_before_table(struct importer *im, const struct import_row *rec,
    struct rows_state *st, struct error *err)
{
	struct colmap m;

	if (!im->columns_given && map_header(rec, &m)) {
		im->map = m;
		st->header_seen = 1;
		fold_cells(rec, &im->header);
		note_unknown_columns(im, rec);
		return 0;
	}
	if (im->columns_given && rec->cells.n == im->map.ncols &&
	    import_nonblank_cells(rec) >= 2)
		return 1;
	if (import_nonblank_cells(rec) >= 2 && !labelled_line(rec)) {
		if (im->columns_given)
			return error_set(err, "%s: %zu ячеек, а в "
			    "--columns названо %zu — проверьте разделитель и "
			    "кавычки", im->where, rec->cells.n,
			    im->map.ncols);
		return refuse_headerless(rec, err);
	}
	preamble_row(im, rec, &st->in_title, &st->skipped);
	return 0;
}

/* One record: 0 done, -1 refused. */
static int
read_row(struct importer *im, const struct import_row *rec,
    struct rows_state *st, struct error *err)
{
	int rc;

	set_where(im, rec);
	im->cleaned = 0;
	if (import_nonblank_cells(rec) == 0) {
		if (!st->data_seen)
			st->in_title = 0;
		return 0;
	}
	if ((st->header_seen || im->columns_given) &&
	    skip_header_row(im, rec, st))
		return 0;
	if (im->columns_given ? !st->data_seen : !st->header_seen) {
		if ((rc = row_before_table(im, rec, st, err)) <= 0)
			return rc;
	}
	st->data_seen = 1;
	return data_row(im, rec, err);
}

/* Every row of src through read_row; then what the whole table says. */
static int
read_rows(struct importer *im, struct import_source *src, struct error *err)
{
	struct import_row rec;
	struct rows_state st = { 0 };
	int rc;

	import_row_init(&rec);
	while ((rc = src->next(src->state, &rec, err)) == 1)
		if (read_row(im, &rec, &st, err) != 0) {
			rc = -1;
			break;
		}
	import_row_fini(&rec);
	clear_cells(im);
	strvec_fini(&im->header);
	free(im->proc_num);
	im->proc_num = NULL;
	if (rc < 0)
		return -1;
	if (!st.header_seen && !im->columns_given)
		return error_set(err, "не найдена строка заголовка таблицы: "
		    "нужны столбцы «%s» и «%s» (а также «%s», «%s», «%s»); "
		    "если заголовка нет, назовите столбцы: %s", COL_PROCESS,
		    COL_TOUCHPOINT, COL_NUM, COL_NEEDS, COL_SPECIFICS,
		    COLUMNS_EXAMPLE);
	if (st.skipped > 0) {
		snprintf(im->where, sizeof im->where, "строка 1");
		note(im, "до таблицы пропущено строк текста: %zu", st.skipped);
	}
	if (im->flushed + im->l->nprocs == 0)
		return error_set(err, "в таблице нет ни одного процесса");
	if (flush_processes(im, 0, err) != 0)
		return -1;
	im->rep->procs = im->flushed + im->l->nprocs;
	im->rep->touchpoints += list_count_touchpoints(im->l);
	im->rep->needs += list_count_needs(im->l);
	return 0;
}

int
import_rows(struct import_source *src, const struct import_opts *o,
    struct list *out, struct import_report *rep, struct error *err)
{
	struct importer im;

	memset(&im, 0, sizeof im);
	im.o = o;
	im.l = out;
	im.rep = rep;
	if (o->columns != NULL) {
		if (columns_parse(o->columns, &im.map, err) != 0)
			return -1;
		im.columns_given = 1;
	}
	return read_rows(&im, src, err);
}
