/*
 * import_order.c - the approving order around the list, read from its
 * text: the body named in the heading, the order's date and number, and
 * the grifs «УТВЕРЖДЕН приказом … от … № …» over its annexes.
 */
#include "import_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "utf8.h"

/* The heading holds the body's name in a few lines; more is not one. */
#define HEADING_LINES_MAX 4
/* A grif's «приказом …» lines before its «от …» line. */
#define GRIF_LINES_MAX 6

static const char *const months[] = {
	"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
	"августа", "сентября", "октября", "ноября", "декабря"
};

void
order_scan_init(struct order_scan *os)
{
	memset(os, 0, sizeof *os);
	buf_init(&os->heading);
	buf_init(&os->grif_body);
}

void
order_scan_fini(struct order_scan *os)
{
	for (size_t i = 0; i < os->ngrifs; i++) {
		free(os->grifs[i].genitive);
		free(os->grifs[i].number);
		free(os->grifs[i].date);
	}
	free(os->grifs);
	free(os->number);
	buf_fini(&os->heading);
	buf_fini(&os->grif_body);
}

/* Folded, without spaces: «П Р И К А З» is «приказ». */
static int
is_word_spaced(const char *folded, const char *word)
{
	size_t i = 0;

	for (const char *p = folded; *p != '\0'; p++) {
		if (*p == ' ')
			continue;
		if (word[i] != *p)
			return 0;
		i++;
	}
	return word[i] == '\0';
}

static void
append_line(struct buf *b, const char *text)
{
	if (b->len > 0)
		buf_putc(b, ' ');
	buf_puts(b, text);
}

/* «19» марта 2024 (folded), into ISO; 0 if it is not such a date. */
static int
parse_spelled_date(const char *f, char *iso)
{
	char month[32];
	int d, y, n = 0;
	struct date dt;
	struct error err;
	char buf[32];

	if (strncmp(f, "«", strlen("«")) == 0)
		f += strlen("«");
	if (sscanf(f, "%2d%n", &d, &n) != 1)
		return 0;
	f += n;
	if (strncmp(f, "»", strlen("»")) == 0)
		f += strlen("»");
	if (sscanf(f, " %31s %4d", month, &y) != 2)
		return 0;
	for (int m = 0; m < 12; m++) {
		if (strcmp(month, months[m]) != 0)
			continue;
		snprintf(buf, sizeof buf, "%02d.%02d.%04d", d, m + 1, y);
		if (date_parse(buf, &dt, &err) != 0)
			return 0;
		date_format_iso(dt, iso);
		return 1;
	}
	return 0;
}

/* «№ 27/01-01» → "27/01-01" (caller frees), or NULL. */
static char *
number_after_sign(const char *s)
{
	const char *p = strstr(s, "№");

	if (p == NULL)
		return NULL;
	p += strlen("№");
	p += strspn(p, " ");
	return p[0] != '\0' ? utf8_squeeze(p) : NULL;
}

/* «от 19.03.2024 № 27/ср-сг»: the grif's last line. */
static void
grif_end(struct order_scan *os, const char *text, size_t line, size_t k)
{
	struct order_grif *g;
	const char *body = os->grif_body.data != NULL ? os->grif_body.data : "";
	char day[DATE_BUFSZ] = "", iso[DATE_BUFSZ] = "";
	struct date dt;
	struct error err;

	if (sscanf(text + strlen("от"), " %10[0-9.]", day) == 1 &&
	    date_parse(day, &dt, &err) == 0)
		date_format_iso(dt, iso);
	os->grifs = xreallocarray(os->grifs, os->ngrifs + 1, sizeof *os->grifs);
	g = &os->grifs[os->ngrifs++];
	if (strncmp(body, "приказом ", strlen("приказом ")) == 0)
		body += strlen("приказом ");
	g->genitive = xstrdup(body);
	g->number = number_after_sign(text);
	if (g->number == NULL)
		g->number = xstrdup("");
	g->date = xstrdup(iso);
	g->line = line;
	g->rec = k;
	os->in_grif = 0;
}

static int
is_grif_start(const char *folded)
{
	static const char *const words[] = { "утвержден", "утверждена",
		"утверждено", "утверждены" };

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(folded, words[i]) == 0)
			return 1;
	return 0;
}

/* A line under the heading: the date, the number, a grif. */
static void
body_line(struct order_scan *os, const char *text, const char *f,
    size_t line, size_t k)
{
	if (is_grif_start(f)) {
		os->in_grif = 1;
		buf_reset(&os->grif_body);
	} else if (os->in_grif && strncmp(f, "от ", strlen("от ")) == 0) {
		grif_end(os, text, line, k);
	} else if (os->in_grif) {
		append_line(&os->grif_body, text);
		if (++os->in_grif > GRIF_LINES_MAX)
			os->in_grif = 0;
	} else if (os->date[0] == '\0' && parse_spelled_date(f, os->date)) {
		/* the order's date, under «ПРИКАЗ» */
	} else if (os->number == NULL && os->date[0] != '\0' &&
	    strncmp(text, "№", strlen("№")) == 0) {
		os->number = number_after_sign(text);
		os->line = line;
	}
}

void
order_scan_line(struct order_scan *os, const char *raw, size_t line,
    size_t k)
{
	char *text = utf8_squeeze(raw);
	char *f = utf8_casefold(text);

	if (os->is_order)
		body_line(os, text, f, line, k);
	else if (is_word_spaced(f, "приказ"))
		os->is_order = 1;
	else if (os->heading_lines++ < HEADING_LINES_MAX)
		append_line(&os->heading, text);
	free(f);
	free(text);
}

/* Cyrillic and Latin capitals to small letters; others as they are. */
static char *
lower_case(const char *s)
{
	struct buf b;
	size_t len = strlen(s);

	buf_init(&b);
	while (len > 0) {
		char enc[4];
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);

		if (cp >= 0x0410 && cp <= 0x042F)
			cp += 0x20;
		else if (cp == 0x0401)
			cp = 0x0451;
		else if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		buf_append(&b, enc, utf8_encode(cp, enc));
		s += n;
		len -= n;
	}
	return buf_detach(&b);
}

/* The first letter as a capital. */
static char *
capitalised(const char *s)
{
	char enc[5];
	uint32_t cp = 0;
	size_t n;

	if (*s == '\0')
		return xstrdup("");
	n = utf8_decode(s, strlen(s), &cp);
	if (cp >= 0x0430 && cp <= 0x044F)
		cp -= 0x20;
	else if (cp == 0x0451)
		cp = 0x0401;
	else if (cp >= 'a' && cp <= 'z')
		cp -= 'a' - 'A';
	n = n > 0 ? n : strlen(s);
	enc[utf8_encode(cp, enc)] = '\0';
	return xasprintf("%s%s", enc, s + n);
}

/* The words of s (separated by spaces) into sv. */
static void
split_words(const char *s, struct strvec *sv)
{
	while (*s != '\0') {
		size_t n;

		s += strspn(s, " ");
		n = strcspn(s, " ");
		if (n > 0)
			strvec_pushn(sv, s, n);
		s += n;
	}
}

/*
 * The heading «МИНИСТЕРСТВО ПРОМЫШЛЕННОСТИ И ТОРГОВЛИ СМОЛЕНСКОЙ ОБЛАСТИ»
 * as the body is written: small letters, the first a capital, and each
 * word the genitive has unchanged written as the genitive writes it
 * («Смоленской»), since capitals lose what is a proper name.
 */
static char *
nominative(const char *heading, const char *genitive)
{
	char *low = lower_case(heading), *glow = lower_case(genitive);
	struct strvec w, g, gl;
	struct buf out;
	char *first;

	strvec_init(&w);
	strvec_init(&g);
	strvec_init(&gl);
	split_words(low, &w);
	split_words(glow, &gl);
	split_words(genitive, &g);
	buf_init(&out);
	for (size_t i = 0; i < w.n; i++) {
		const char *word = w.v[i];

		if (i > 0 && i < gl.n && gl.n == g.n &&
		    strcmp(gl.v[i], word) == 0)
			word = g.v[i];
		append_line(&out, word);
	}
	first = capitalised(out.data != NULL ? out.data : "");
	buf_fini(&out);
	strvec_fini(&w);
	strvec_fini(&g);
	strvec_fini(&gl);
	free(low);
	free(glow);
	return first;
}

/* The grif of the table whose text starts at record pre, else the last. */
static const struct order_grif *
table_grif(const struct order_scan *os, size_t pre)
{
	for (size_t i = 0; i < os->ngrifs; i++)
		if (os->grifs[i].rec >= pre)
			return &os->grifs[i];
	return os->ngrifs > 0 ? &os->grifs[os->ngrifs - 1] : NULL;
}

static void
note_grifs(const struct order_scan *os, struct import_report *rep)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	struct date d;
	struct error err;

	for (size_t i = 0; i < os->ngrifs; i++) {
		const struct order_grif *g = &os->grifs[i];
		int other_no = os->number != NULL &&
		    strcmp(g->number, os->number) != 0;
		int other_date = os->date[0] != '\0' && g->date[0] != '\0' &&
		    strcmp(g->date, os->date) != 0;

		if (!other_no && !other_date)
			continue;
		a[0] = b[0] = '\0';
		if (date_parse(g->date, &d, &err) == 0)
			date_format(d, a);
		if (date_parse(os->date, &d, &err) == 0)
			date_format(d, b);
		strvec_push_owned(&rep->notes, xasprintf("строка %zu: в грифе "
		    "«от %s № %s», а в заголовке приказа (строка %zu) — от %s "
		    "№ %s; взят номер из заголовка (другой: --order)",
		    g->line, a, g->number, os->line, b, os->number != NULL ?
		    os->number : ""));
	}
}

void
order_scan_apply(struct order_scan *os, size_t table_pre,
    struct list_header *hdr, struct import_report *rep)
{
	const struct order_grif *g = table_grif(os, table_pre);

	if (!os->is_order)
		return;
	rep->order_text = true;
	if (g != NULL && g->genitive[0] != '\0')
		model_set(&hdr->org_genitive, g->genitive);
	if (os->heading.len > 0) {
		char *org = nominative(os->heading.data, g != NULL ?
		    g->genitive : "");

		model_set(&hdr->org, org);
		free(org);
	}
	if (os->number != NULL)
		model_set(&hdr->order_no, os->number);
	if (os->date[0] != '\0')
		model_set(&hdr->order_date, os->date);
	note_grifs(os, rep);
	if (os->number == NULL || os->date[0] == '\0')
		strvec_push_owned(&rep->notes, xasprintf("строка 1: в приказе "
		    "не найдены %s (под словом «ПРИКАЗ»: «19» марта 2024, "
		    "№ 27/01-01)", os->number == NULL && os->date[0] == '\0' ?
		    "дата и номер" : os->number == NULL ? "номер" : "дата"));
}
