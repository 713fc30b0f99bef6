/* layout.c - the printed table's column widths and line breaks. */
#include "layout.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "textedit.h"
#include "utf8.h"

#define LAYOUT_EPS	0.01	/* points: rounding, not a visible overlap */
#define TIMES_UPEM	2048.0	/* font units per em of the table below */

/*
 * Advance widths of Times New Roman in units of 1/2048 em, as Liberation
 * Serif (metric-compatible) has them, for the ranges of times_ranges one
 * after another.
 */
static const uint16_t times_advances[] = {
	512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512,
	682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
	1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366, 1366, 1479,
	1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139,
	1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569,
	682, 961, 1024, 682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569,
	569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024,
	1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108, 512, 682, 1024, 1024,
	1024, 1024, 410, 1024, 682, 1556, 565, 1024, 1155, 682, 1556, 1024,
	819, 1124, 614, 614, 682, 1180, 928, 512, 682, 614, 635, 1024, 1536,
	1536, 1536, 909, 1479, 1479, 1479, 1479, 1479, 1479, 1821, 1366, 1251,
	1251, 1251, 1251, 682, 682, 682, 682, 1479, 1479, 1479, 1479, 1479,
	1479, 1479, 1155, 1479, 1479, 1479, 1479, 1479, 1479, 1139, 1024, 909,
	909, 909, 909, 909, 909, 1366, 909, 909, 909, 909, 909, 569, 569, 569,
	569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1124, 1024, 1024, 1024,
	1024, 1024, 1024, 1024, 1024, 1251, 1251, 1540, 1184, 1352, 1139, 682,
	682, 797, 1786, 1786, 1518, 1366, 1479, 1450, 1479, 1479, 1176, 1366,
	1184, 1397, 1251, 1835, 1026, 1479, 1479, 1366, 1389, 1821, 1479, 1479,
	1479, 1139, 1366, 1251, 1450, 1618, 1479, 1479, 1331, 2066, 2066, 1446,
	1786, 1176, 1352, 2105, 1366, 909, 1042, 967, 840, 1042, 909, 1415,
	809, 1096, 1096, 995, 1022, 1296, 1096, 1024, 1096, 1024, 909, 895,
	1024, 1327, 1024, 1096, 1030, 1577, 1577, 1059, 1376, 934, 879, 1530,
	942, 909, 909, 989, 840, 879, 797, 569, 569, 569, 1489, 1481, 1024,
	995, 1096, 1024, 1096, 682, 682, 748, 1024, 2048, 2048, 748, 1024, 682,
	682, 682, 682, 909, 909, 909, 748, 1024, 1024, 717, 748, 748, 748,
	2048,
};

static const struct {
	uint32_t first, last;
} times_ranges[] = {
	{ 0x20, 0x7E },		/* ASCII */
	{ 0xA0, 0xFF },		/* Latin-1: «», nbsp */
	{ 0x400, 0x45F },	/* Cyrillic */
	{ 0x2010, 0x2026 },	/* dashes, quotes, ellipsis */
};

/* The advance of one code point in 1/2048 em. */
static unsigned
times_advance(uint32_t cp)
{
	size_t base = 0;

	for (size_t i = 0; i < sizeof times_ranges / sizeof times_ranges[0];
	    i++) {
		if (cp >= times_ranges[i].first && cp <= times_ranges[i].last)
			return times_advances[base + cp - times_ranges[i].first];
		base += times_ranges[i].last - times_ranges[i].first + 1;
	}
	if (cp == 0x2116)	/* № */
		return 1954;
	if (cp == 0x200B || cp == 0xAD || (cp >= 0x300 && cp <= 0x36F))
		return 0;	/* invisible or combining */
	return 1024;
}

double
layout_times_width(void *ctx, const char *s, size_t n)
{
	double pt = *(const double *)ctx, units = 0;
	size_t i = 0;

	while (i < n) {
		uint32_t cp;

		i += utf8_decode(s + i, n - i, &cp);
		units += times_advance(cp);
	}
	return units * pt / TIMES_UPEM;
}

static bool
is_ascii_alnum(char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
	    (c | 0x20) <= 'z');
}

/* Whether the n bytes at s hold needle. */
static bool
holds(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, needle, k) == 0)
			return true;
	return false;
}

/* A dot between two ASCII letters or digits, a letter after it: the
 * shape of a domain name ("yandex.ru", "admin-smolensk.ru/…"). */
static bool
has_domain_dot(const char *s, size_t n)
{
	for (size_t i = 1; i + 1 < n; i++)
		if (s[i] == '.' && is_ascii_alnum(s[i - 1]) &&
		    is_ascii_alnum(s[i + 1]) && !(s[i + 1] >= '0' &&
		    s[i + 1] <= '9'))
			return true;
	return false;
}

bool
layout_is_address(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);
	bool ascii = true;

	for (size_t i = 0; i < n; i++)
		ascii = ascii && (unsigned char)s[i] < 0x80;
	if (holds(s, n, "://") || (n > 4 && memcmp(s, "www.", 4) == 0))
		return true;
	if (at != NULL && at > s && has_domain_dot(at, n - (size_t)(at - s)))
		return true;
	return ascii && has_domain_dot(s, n);
}

/* A byte of a letter: an ASCII one, or any of a multi-byte character. */
static bool
is_letter(char c)
{
	return (unsigned char)c >= 0x80 || ((c | 0x20) >= 'a' &&
	    (c | 0x20) <= 'z');
}

static bool
is_address_break(char c)
{
	return c == '@' || c == '.' || c == '/' || c == '-';
}

/*
 * Whether a line may break after byte i of word w (n bytes long): in an
 * address after the last of a run of «@ . / -» with more to come; in any
 * other word after a hyphen or slash between two letters
 * («контрольно-надзорной», «объяснений/истребование»; not «29-25-09»,
 * «1/2»).
 */
static bool
breaks_after(const char *w, size_t n, size_t i, bool address)
{
	if (i + 1 >= n)
		return false;
	if (address)
		return is_address_break(w[i]) && !is_address_break(w[i + 1]);
	return i > 0 && (w[i] == '-' || w[i] == '/') && is_letter(w[i - 1]) &&
	    is_letter(w[i + 1]);
}

/* A piece of a paragraph that no line break may enter. */
struct piece {
	size_t	 off, len;
	bool	 space;		/* a space before it (the first of a word) */
	bool	 address;	/* a piece of an e-mail address or URL */
};

struct pieces {
	struct piece *v;
	size_t	 n, cap;
};

static void
pieces_add(struct pieces *p, size_t off, size_t len, bool space,
    bool address)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	p->v[p->n++] = (struct piece){ off, len, space, address };
}

/* The pieces of text: its words, cut where breaks_after allows. */
static void
pieces_of(const char *text, struct pieces *out)
{
	size_t i = 0, len = strlen(text);

	memset(out, 0, sizeof *out);
	while (i < len) {
		size_t start, n;
		bool address, space = false;

		while (i < len && text[i] == ' ') {
			space = true;
			i++;
		}
		if (i == len)
			break;
		start = i;
		while (i < len && text[i] != ' ')
			i++;
		n = i - start;
		address = layout_is_address(text + start, n);
		for (size_t from = 0, k = 0; k < n; k++)
			if (k + 1 == n || breaks_after(text + start, n, k,
			    address)) {
				pieces_add(out, start + from, k + 1 - from,
				    space && from == 0 && out->n > 0, address);
				from = k + 1;
			}
	}
}

/* Bytes of the character at s (n bytes left) with its combining marks,
 * which stay with it. */
static size_t
char_len(const char *s, size_t n)
{
	return textedit_next(s, n, 0);
}

static void
marks_add(struct layout_mark **marks, size_t *n, size_t at, bool hyphen)
{
	*marks = xreallocarray(*marks, *n + 1, sizeof **marks);
	(*marks)[(*n)++] = (struct layout_mark){ at, hyphen };
}

/* Soft hyphens between the letters of the piece at s (n bytes, starting
 * at byte off of the paragraph), two letters at least on either side
 * when it has four. */
static void
marks_hyphens(const char *s, size_t off, size_t n, struct layout_mark **marks,
    size_t *count)
{
	size_t letters = 0, i = 0, keep;

	/* Count the letters first: how many to keep at either end. */
	while (i < n) {
		i += char_len(s + i, n - i);
		letters++;
	}
	keep = letters >= 4 ? 2 : 1;
	i = 0;
	for (size_t k = 0; i < n; k++) {
		if (k >= keep && letters - k >= keep)
			marks_add(marks, count, off + i, true);
		i += char_len(s + i, n - i);
	}
}

size_t
layout_marks(const char *text, double width, const struct layout_metric *m,
    struct layout_mark **marks)
{
	struct pieces ps;
	size_t n = 0;

	*marks = NULL;
	pieces_of(text, &ps);
	for (size_t i = 0; i < ps.n; i++) {
		const struct piece *p = &ps.v[i];
		size_t end = p->off + p->len;

		if (m->width(m->ctx, text + p->off, p->len) > width + LAYOUT_EPS)
			marks_hyphens(text + p->off, p->off, p->len, marks, &n);
		if (i + 1 < ps.n && !ps.v[i + 1].space && (p->address ||
		    text[end - 1] != '-'))
			marks_add(marks, &n, end, false);
	}
	free(ps.v);
	return n;
}

/* The line being filled by layout_wrap. */
struct line {
	struct buf text;
	double	 width;
	bool	 empty;
};

static void
line_emit(struct line *l, struct strvec *lines)
{
	strvec_push_owned(lines, buf_detach(&l->text));
	buf_init(&l->text);
	l->width = 0;
	l->empty = true;
}

/* Cut the n bytes at s, wider than width alone, into lines ending in a
 * hyphen while the rest is still too wide; returns the bytes left. */
static size_t
cut_piece(const char *s, size_t n, double width,
    const struct layout_metric *m, struct line *l, struct strvec *lines)
{
	double hyphen = m->width(m->ctx, "-", 1);
	size_t done = 0;

	while (m->width(m->ctx, s + done, n - done) > width + LAYOUT_EPS) {
		size_t k = 0, next;
		double w = hyphen;

		/* At least one character a line, however narrow. */
		do {
			next = k + char_len(s + done + k, n - done - k);
			w += m->width(m->ctx, s + done + k, next - k);
			if (k > 0 && w > width + LAYOUT_EPS)
				break;
			k = next;
		} while (k < n - done);
		if (k == n - done)
			break;
		buf_append(&l->text, s + done, k);
		buf_putc(&l->text, '-');
		line_emit(l, lines);
		done += k;
	}
	return n - done;
}

void
layout_wrap(const char *text, double width, const struct layout_metric *m,
    struct strvec *lines)
{
	struct pieces ps;
	struct line l = { .width = 0, .empty = true };
	double space = m->width(m->ctx, " ", 1);

	buf_init(&l.text);
	pieces_of(text, &ps);
	for (size_t i = 0; i < ps.n; i++) {
		const char *s = text + ps.v[i].off;
		size_t n = ps.v[i].len, left;
		double w = m->width(m->ctx, s, n);
		double gap = !l.empty && ps.v[i].space ? space : 0;

		if (!l.empty && l.width + gap + w <= width + LAYOUT_EPS) {
			if (gap > 0)
				buf_putc(&l.text, ' ');
			buf_append(&l.text, s, n);
			l.width += gap + w;
			continue;
		}
		if (!l.empty)
			line_emit(&l, lines);
		left = cut_piece(s, n, width, m, &l, lines);
		buf_append(&l.text, s + n - left, left);
		l.width = m->width(m->ctx, s + n - left, left);
		l.empty = false;
	}
	line_emit(&l, lines);
	buf_fini(&l.text);
	free(ps.v);
}

/* What a column's text asks for, in points. */
struct column {
	double	 min;		/* its widest piece: narrower cuts a word */
	double	 max;		/* its widest paragraph on one line */
	double	 text;		/* all its paragraphs on one line: how much */
};

/* A paragraph measured once, to be wrapped at any width: its pieces. */
struct mpara {
	double	*w;		/* each piece's width */
	bool	*space;		/* a space before it */
	size_t	 n;
	double	 mark;		/* the list mark's width before it, or 0 */
};

/* Measure the paragraph text, after a mark of width mark, into p, and
 * count it into col. */
static void
measure_paragraph(const char *text, double mark, const struct layout_metric *m,
    double space, struct mpara *p, struct column *col)
{
	struct pieces ps;
	double whole = mark;

	pieces_of(text, &ps);
	p->w = xreallocarray(NULL, ps.n + 1, sizeof *p->w);
	p->space = xreallocarray(NULL, ps.n + 1, sizeof *p->space);
	p->n = ps.n;
	p->mark = mark;
	for (size_t i = 0; i < ps.n; i++) {
		double w = m->width(m->ctx, text + ps.v[i].off, ps.v[i].len);

		p->w[i] = w;
		p->space[i] = ps.v[i].space;
		if (mark + w > col->min)
			col->min = mark + w;
		whole += w + (ps.v[i].space ? space : 0);
	}
	if (whole > col->max)
		col->max = whole;
	col->text += whole;
	free(ps.v);
}

static void
mpara_fini(struct mpara *p)
{
	free(p->w);
	free(p->space);
}

/* Lines paragraph p takes at width points, as layout_wrap breaks it. */
static size_t
para_lines(const struct mpara *p, double width, double space)
{
	size_t lines = 1;
	double lw = 0;
	bool empty = true;

	width -= p->mark;
	if (width < 1)
		width = 1;
	for (size_t i = 0; i < p->n; i++) {
		double w = p->w[i], gap = !empty && p->space[i] ? space : 0;

		if (!empty && lw + gap + w <= width + LAYOUT_EPS) {
			lw += gap + w;
			continue;
		}
		lines += !empty;
		lw = w;
		if (lw > width + LAYOUT_EPS) {
			/* Cut: as many full lines as it fills, the rest on. */
			size_t cuts = (size_t)((lw - width - LAYOUT_EPS) /
			    width) + 1;

			lines += cuts;
			lw -= (double)cuts * width;
		}
		empty = false;
	}
	return lines;
}

static size_t
max_size(size_t a, size_t b)
{
	return a > b ? a : b;
}

/*
 * The shares fewest_lines tries: the room beyond the minimums in
 * LAYOUT_UNITS parts, each wrapping column given u parts; a column's text
 * width is one of LAYOUT_UNITS + 1 (or, for the widths share_room gave,
 * one more: SHARE_START), so a cell is wrapped at those few widths once
 * and every share's table height summed from them, in one pass over the
 * rows.  A table of more wrapping columns than SHARES_MAX shares allow
 * keeps share_room's widths.
 */
#define LAYOUT_UNITS	12	/* the room beyond the minimums, in parts */
#define SHARE_START	(LAYOUT_UNITS + 1)
#define SHARE_WIDTHS	(LAYOUT_UNITS + 2)
#define SHARES_MAX	512	/* C(LAYOUT_UNITS + 3, 3) = 455 for four
				   wrapping columns, and one */

struct shares {
	int	 n;
	unsigned char u[SHARES_MAX][DOC_MAX_COLUMNS];	/* [0]: the start */
	double	 tw[DOC_MAX_COLUMNS][SHARE_WIDTHS];	/* text widths by u */
	size_t	 total[SHARES_MAX];
	size_t	 sum[SHARES_MAX], span[SHARES_MAX];	/* the group's */
};

/* What the measuring pass carries from group to group. */
struct measure {
	const struct doc_table *t;
	const struct layout_metric *m;
	double	 space, mark;
	struct column col[DOC_MAX_COLUMNS];
	struct shares *sh;	/* NULL: first pass, the columns' needs */
};

/* Whether column c wraps (shares the room), not fit to its text. */
static bool
wraps(const struct doc_table *t, size_t c)
{
	return !t->cols[c].fit;
}

/* The lines cell c of r takes at each of the widths its column may
 * have; with no sh, only count its text into the column. */
static void
measure_cell(struct measure *ms, const struct doc_row *r, size_t c,
    size_t lines[SHARE_WIDTHS])
{
	const struct doc_cell *cell = &r->cells[c];
	double mk = cell->list ? ms->mark : 0;
	int widths = wraps(ms->t, c) ? SHARE_WIDTHS : 1;

	if (lines != NULL)
		memset(lines, 0, SHARE_WIDTHS * sizeof *lines);
	for (size_t k = 0; k < cell->paras.n; k++) {
		char *s = utf8_sanitized(cell->paras.v[k], SAN_KEEP_NEWLINES);
		struct column scratch = { 0, 0, 0 };
		struct mpara p;

		/* A line break in a paragraph breaks no word: a space for
		 * measuring. */
		for (char *nl = s; (nl = strchr(nl, '\n')) != NULL;)
			*nl = ' ';
		measure_paragraph(s, mk, ms->m, ms->space, &p,
		    ms->sh == NULL ? &ms->col[c] : &scratch);
		for (int u = 0; ms->sh != NULL && u < widths; u++)
			lines[u] += para_lines(&p, ms->sh->tw[c][u], ms->space);
		mpara_fini(&p);
		free(s);
	}
	for (int u = widths; lines != NULL && u < SHARE_WIDTHS; u++)
		lines[u] = lines[0];
}

/* Whether cell c of row i of a group is printed: a spanning column's
 * only on the group's first row. */
static bool
printed_cell(const struct doc_table *t, size_t i, size_t c)
{
	return i == 0 || !t->cols[c].span;
}

/* One group into every share's height: each row as tall as its tallest
 * cell, the group at least as tall as its tallest spanning cell.  A row
 * at a time, so that a group of any size takes no more memory. */
static void
measure_group_shares(struct measure *ms, const struct doc_row *rows,
    size_t n)
{
	const struct doc_table *t = ms->t;
	struct shares *sh = ms->sh;
	size_t lines[DOC_MAX_COLUMNS][SHARE_WIDTHS];

	memset(sh->sum, 0, sizeof sh->sum);
	memset(sh->span, 0, sizeof sh->span);
	for (size_t i = 0; i < n; i++) {
		for (size_t c = 0; c < t->ncols; c++)
			if (printed_cell(t, i, c))
				measure_cell(ms, &rows[i], c, lines[c]);
		for (int k = 0; k < sh->n; k++) {
			size_t h = 1;

			for (size_t c = 0; c < t->ncols; c++)
				if (!t->cols[c].span)
					h = max_size(h, lines[c][sh->u[k][c]]);
				else if (i == 0)
					sh->span[k] = max_size(sh->span[k],
					    lines[c][sh->u[k][c]]);
			sh->sum[k] += h;
		}
	}
	for (int k = 0; k < sh->n; k++)
		sh->total[k] += max_size(sh->sum[k], sh->span[k]);
}

static void
measure_group(void *ctx, const struct doc_row *rows, size_t n)
{
	struct measure *ms = ctx;

	if (ms->sh != NULL) {
		measure_group_shares(ms, rows, n);
		return;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t c = 0; c < ms->t->ncols; c++)
			if (printed_cell(ms->t, i, c))
				measure_cell(ms, &rows[i], c, NULL);
}

/* Measure every cell of t into ms's columns; the headings count only for
 * min: they wrap as they must, but no word of theirs may break. */
static void
measure_table(const struct doc_table *t, const struct layout_metric *m,
    struct measure *ms)
{
	memset(ms, 0, sizeof *ms);
	ms->t = t;
	ms->m = m;
	ms->mark = m->width(m->ctx, DOC_ITEM_MARK, strlen(DOC_ITEM_MARK));
	ms->space = m->width(m->ctx, " ", 1);
	for (size_t c = 0; c < t->ncols; c++) {
		struct mpara heading;

		measure_paragraph(t->cols[c].title, 0, m, ms->space,
		    &heading, &ms->col[c]);
		mpara_fini(&heading);
		ms->col[c].max = ms->col[c].text = 0;
	}
	doc_table_each_group(t, measure_group, ms);
}

/* The first wrapping column: its longest word is the last to give way
 * (the process's name, beside its number). */
static size_t
first_wrapping(const struct doc_table *t)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (wraps(t, c))
			return c;
	return t->ncols;
}

/* The level at which the minimums of the wrapping columns after the
 * first fit in avail beside the first's: the larger ones are lowered to
 * it, no lower than floor. */
static double
level_of(const struct doc_table *t, const struct column *col, double avail,
    double floor)
{
	size_t keep = first_wrapping(t);
	double lo = floor, hi = avail;

	for (int it = 0; it < 60; it++) {
		double level = (lo + hi) / 2, sum = col[keep].min;

		for (size_t c = keep + 1; c < t->ncols; c++)
			if (wraps(t, c))
				sum += col[c].min < level ? col[c].min : level;
		if (sum > avail)
			hi = level;
		else
			lo = level;
	}
	return lo;
}

/* Make the minimums of the wrapping columns add up to no more than
 * avail: the others give way to the first's longest word first. */
static void
fit_minimums(const struct doc_table *t, struct column *col, double avail,
    double floor)
{
	size_t keep = first_wrapping(t);
	double sum = 0, level;

	for (size_t c = 0; c < t->ncols; c++)
		if (wraps(t, c))
			sum += col[c].min;
	if (sum <= avail)
		return;
	level = level_of(t, col, avail, floor);
	sum = col[keep].min;
	for (size_t c = keep + 1; c < t->ncols; c++) {
		if (!wraps(t, c))
			continue;
		if (col[c].min > level)
			col[c].min = level;
		sum += col[c].min;
	}
	/* A page too narrow even so: all in proportion. */
	for (size_t c = 0; sum > avail && c < t->ncols; c++)
		if (wraps(t, c))
			col[c].min *= avail / sum;
}

/*
 * The wrapping columns from their minimums, the room left (extra) shared
 * by how much text each holds — more text, more width, fewer lines —
 * none given more than its longest paragraph takes on one line: what it
 * would not use goes to the others.  When all have that, the rest in
 * proportion to it.
 */
static void
share_room(const struct doc_table *t, const struct column *col,
    double extra, double *w)
{
	bool full[DOC_MAX_COLUMNS] = { false };
	bool capped = true;
	double most = 0;

	for (size_t c = 0; c < t->ncols; c++)
		if (wraps(t, c))
			w[c] = col[c].min;
		else
			full[c] = true;
	while (capped && extra > LAYOUT_EPS) {
		double text = 0;
		int open = 0;

		capped = false;
		for (size_t c = 0; c < t->ncols; c++)
			if (!full[c]) {
				text += col[c].text;
				open++;
			}
		if (open == 0)
			break;
		for (size_t c = 0; c < t->ncols; c++) {
			double share = text > 0 ? extra * col[c].text / text :
			    extra / open;

			if (full[c] || w[c] + share <= col[c].max)
				continue;
			extra -= col[c].max - w[c];
			w[c] = col[c].max;
			full[c] = capped = true;
		}
		for (size_t c = 0; !capped && c < t->ncols; c++)
			if (!full[c])
				w[c] += text > 0 ? extra * col[c].text / text :
				    extra / open;
		if (!capped)
			extra = 0;
	}
	for (size_t c = 0; c < t->ncols; c++)
		if (wraps(t, c))
			most += col[c].max;
	for (size_t c = 0; extra > LAYOUT_EPS && c < t->ncols; c++)
		if (wraps(t, c))
			w[c] += most > 0 ? extra * col[c].max / most : 0;
}

/* Squared distance between two sets of widths of the wrapping
 * columns. */
static double
distance(const struct doc_table *t, const double *a, const double *b)
{
	double d = 0;

	for (size_t c = 0; c < t->ncols; c++)
		if (wraps(t, c))
			d += (a[c] - b[c]) * (a[c] - b[c]);
	return d;
}

/* The column widths of share k. */
static void
share_widths(const struct measure *ms, int k, double extra,
    const double *start, double *cand)
{
	for (size_t c = 0; c < ms->t->ncols; c++)
		cand[c] = k == 0 || !wraps(ms->t, c) ? start[c] :
		    ms->col[c].min + extra * ms->sh->u[k][c] / LAYOUT_UNITS;
}

/* Every way to give the wrapping columns from c on `left' parts, as
 * shares of sh after u's parts for the columns before c. */
static void
shares_enumerate(struct shares *sh, const struct doc_table *t, size_t c,
    int left, unsigned char *u)
{
	size_t last = t->ncols;

	while (last > 0 && !wraps(t, last - 1))
		last--;
	while (c < t->ncols && !wraps(t, c))
		c++;
	if (c + 1 >= last) {
		if (c < t->ncols)
			u[c] = (unsigned char)left;
		memcpy(sh->u[sh->n++], u, DOC_MAX_COLUMNS);
		return;
	}
	for (int k = 0; k <= left; k++) {
		u[c] = (unsigned char)k;
		shares_enumerate(sh, t, c + 1, left - k, u);
	}
}

/* How many shares of LAYOUT_UNITS among the wrapping columns there
 * are, C(LAYOUT_UNITS + n - 1, n - 1), or SHARES_MAX when too many. */
static int
shares_count(const struct doc_table *t)
{
	double ways = 1;
	int n = 0;

	for (size_t c = 0; c < t->ncols; c++)
		n += wraps(t, c);
	for (int k = 1; k < n; k++)
		ways = ways * (LAYOUT_UNITS + k) / k;
	return ways + 1 < SHARES_MAX ? (int)(ways + 0.5) : SHARES_MAX;
}

/* The shares to try, share_room's first, and their text widths. */
static void
shares_init(struct shares *sh, const struct measure *ms, double extra,
    double pad, const double *w)
{
	const struct doc_table *t = ms->t;
	unsigned char u[DOC_MAX_COLUMNS] = { 0 };

	memset(sh, 0, sizeof *sh);
	for (size_t c = 0; c < t->ncols; c++)
		sh->u[0][c] = wraps(t, c) ? SHARE_START : 0;
	sh->n = 1;
	shares_enumerate(sh, t, 0, LAYOUT_UNITS, u);
	for (size_t c = 0; c < t->ncols; c++) {
		if (!wraps(t, c)) {
			sh->tw[c][0] = w[c] - pad;
			continue;
		}
		for (int k = 0; k <= LAYOUT_UNITS; k++)
			sh->tw[c][k] = ms->col[c].min + extra * k /
			    LAYOUT_UNITS - pad;
		sh->tw[c][SHARE_START] = w[c] - pad;
	}
}

/*
 * Of the ways to share the room beyond the minimums in LAYOUT_UNITS
 * parts, the one that makes the table fewest lines tall; of equals, the
 * one nearest the widths w already has (share_room's), which are kept
 * unless some other way saves a line.
 */
static void
fewest_lines(const struct doc_table *t, struct measure *ms, double extra,
    double pad, double *w)
{
	struct shares *sh;
	double best[DOC_MAX_COLUMNS], start[DOC_MAX_COLUMNS];
	size_t best_lines;

	if (shares_count(t) >= SHARES_MAX)
		return;
	sh = xmalloc(sizeof *sh);
	shares_init(sh, ms, extra, pad, w);
	ms->sh = sh;
	doc_table_each_group(t, measure_group, ms);
	memcpy(start, w, sizeof start);
	memcpy(best, w, sizeof best);
	best_lines = sh->total[0];
	for (int k = 1; k < sh->n; k++) {
		double cand[DOC_MAX_COLUMNS];

		share_widths(ms, k, extra, start, cand);
		if (sh->total[k] < best_lines || (sh->total[k] == best_lines &&
		    distance(t, cand, start) < distance(t, best, start))) {
			best_lines = sh->total[k];
			memcpy(best, cand, sizeof best);
		}
	}
	memcpy(w, best, sizeof best);
	ms->sh = NULL;
	free(sh);
}

/* The fit columns as wide as their text; the rest of text_width to the
 * others.  Returns that rest. */
static double
fit_columns(const struct doc_table *t, const struct measure *ms,
    double text_width, double pad, double *w)
{
	double rest = text_width;

	for (size_t c = 0; c < t->ncols; c++) {
		const struct column *col = &ms->col[c];

		if (wraps(t, c))
			continue;
		w[c] = (col->max > col->min ? col->max : col->min) + pad +
		    2 * LAYOUT_EPS;
		rest -= w[c];
	}
	return rest;
}

/* The wrapping columns by their weights. */
static void
weigh_columns(const struct doc_table *t, double rest, double *w)
{
	double sum = 0;

	for (size_t c = 0; c < t->ncols; c++)
		if (wraps(t, c))
			sum += t->cols[c].weight;
	for (size_t c = 0; c < t->ncols; c++)
		if (wraps(t, c))
			w[c] = sum > 0 ? rest * t->cols[c].weight / sum : 0;
}

void
layout_columns(const struct doc_table *t, const struct layout_metric *m,
    double text_width, double pad, double w[DOC_MAX_COLUMNS])
{
	struct measure ms;
	struct column *col = ms.col;
	double avail, extra;
	double floor = pad + 2 * m->width(m->ctx, "Ш", strlen("Ш"));

	memset(w, 0, DOC_MAX_COLUMNS * sizeof *w);
	measure_table(t, m, &ms);
	avail = extra = fit_columns(t, &ms, text_width, pad, w);
	if (!t->measured) {
		weigh_columns(t, avail, w);
		return;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		if (!wraps(t, c))
			continue;
		col[c].min += pad + 2 * LAYOUT_EPS;
		col[c].max += pad + 2 * LAYOUT_EPS;
	}
	fit_minimums(t, col, avail, floor);
	for (size_t c = 0; c < t->ncols; c++) {
		if (!wraps(t, c))
			continue;
		if (col[c].max < col[c].min)
			col[c].max = col[c].min;
		extra -= col[c].min;
	}
	share_room(t, col, extra, w);
	fewest_lines(t, &ms, extra, pad, w);
}
