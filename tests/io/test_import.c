/* test_import.c - importing tables: the seed as it stands, encodings,
 * delimiters, and every kind of bad input. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalog.h"
#include "charset.h"
#include "document.h"
#include "export.h"
#include "import.h"
#include "record.h"

#include "import_fixture.h"

/* Import text with default options; returns the import_table result. */
static int
import(const char *data, size_t len, const char *enc, struct list *l,
    struct import_report *rep, struct error *err)
{
	struct import_opts o = { .encoding = enc, .cat = &cat };

	list_init(l);
	import_report_init(rep);
	return import_table(data, len, &o, l, rep, err);
}

/* Import text that must import; a failure fails the test. */
static void
import_ok(const char *text, struct list *l, struct import_report *rep)
{
	struct error err;

	if (import(text, strlen(text), NULL, l, rep, &err) != 0)
		fail_msg("%s", err.msg);
}

static void
done(struct list *l, struct import_report *rep)
{
	list_fini(l);
	import_report_fini(rep);
}

/* The approved list's table, cut out of the seed order as it stands. */
static char *
seed_table(void)
{
	char *order = slurp(env_or("TESTS_DIR", "tests"), "data/seed-order.txt",
	    NULL);
	char *start = strstr(order, "\nПЕРЕЧЕНЬ\n"), *table;

	assert_non_null(start);
	start = strstr(start, "\n№\t");
	assert_non_null(start);
	table = strdup(start + 1);
	free(order);
	return table;
}

static int
has_note(const struct import_report *rep, const char *a, const char *b)
{
	for (size_t i = 0; i < rep->notes.n; i++)
		if (strstr(rep->notes.v[i], a) && (!b || strstr(rep->notes.v[i], b)))
			return 1;
	return 0;
}

static void
seed_table_imports_as_it_stands(void **state)
{
	char *t = seed_table();
	struct import_report rep;
	struct list l;
	struct error err;
	static const char *const procs[] = {
		"Информирование", "Консультирование", "Профилактический визит",
		("Плановая (внеплановая) документарная проверка (получение "
		"письменных объяснений/истребование документов)"),
		"Досудебное обжалование результатов проверки",
	};
	static const size_t ntps[] = { 5, 4, 4, 5, 1 };

	(void)state;
	if (import(t, strlen(t), NULL, &l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(l.nprocs, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(l.procs[i].name, procs[i]);
		assert_int_equal(l.procs[i].ntps, ntps[i]);
	}
	assert_int_equal(list_count_touchpoints(&l), 19);
	assert_int_equal(list_count_needs(&l), 19);
	free(t);
	done(&l, &rep);
}

static void
seed_page_breaks_are_rejoined(void **state)
{
	char *t = seed_table();
	struct import_report rep;
	struct list l;
	struct error err;
	struct touchpoint *visit, *mail, *post, *epgu;

	(void)state;
	assert_int_equal(import(t, strlen(t), NULL, &l, &rep, &err), 0);
	visit = &l.procs[2].tps[0];
	assert_string_equal(visit->needs[0].wording,
	    "Информирование об обязательных требованиях деятельности");
	mail = &l.procs[3].tps[2];
	assert_int_equal(mail->nneeds, 1);
	assert_non_null(strstr(mail->needs[0].wording,
	    "по итогам контрольных (надзорных) мероприятий"));
	post = &l.procs[3].tps[3];
	assert_string_equal(post->name, "Почта России");
	assert_non_null(strstr(post->needs[0].wording, "информирование клиента"));
	assert_null(strstr(post->needs[0].wording, "<p>"));
	epgu = &l.procs[4].tps[0];
	assert_non_null(strstr(epgu->needs[0].wording,
	    "получение результата рассмотрения жалобы"));
	assert_true(has_note(&rep, "строка 13", "повтор заголовка"));
	assert_true(has_note(&rep, "строка 14", "разрыв"));
	assert_true(has_note(&rep, "строка 23", "разорванной"));
	assert_true(has_note(&rep, "строка 28", "разрыв"));
	free(t);
	done(&l, &rep);
}

static void
seed_contacts_kinds_and_channels(void **state)
{
	char *t = seed_table();
	struct import_report rep;
	struct list l;
	struct error err;
	struct touchpoint *tp;

	(void)state;
	assert_int_equal(import(t, strlen(t), NULL, &l, &rep, &err), 0);
	/* Names keep what the clerk wrote between the contacts; the
	 * contacts are copied out for the rules. */
	tp = &l.procs[0].tps[1];
	assert_string_equal(tp->name, "Электронная почта: otdelgoscen@yandex.ru"
	    " , deppromtorg@smolinvest.com");
	assert_int_equal(tp->ncontacts, 2);
	assert_string_equal(tp->contacts[0].value, "otdelgoscen@yandex.ru");
	assert_string_equal(tp->contacts[1].value, "deppromtorg@smolinvest.com");
	assert_int_equal(tp->contacts[1].type, CONTACT_EMAIL);
	assert_string_equal(tp->kind, "email");
	assert_int_equal(tp->channel, CHANNEL_DIGITAL);
	assert_int_equal(tp->audience, AUDIENCE_EXTERNAL);
	tp = &l.procs[0].tps[2];
	assert_string_equal(tp->name, "Телефонная связь +7 (4812) 29-25-09; "
	    "+7(4812) 29-24-91");
	assert_int_equal(tp->ncontacts, 2);
	assert_string_equal(tp->contacts[0].value, "+7 (4812) 29-25-09");
	assert_string_equal(tp->contacts[1].value, "+7(4812) 29-24-91");
	assert_int_equal(tp->channel, CHANNEL_OFFLINE);
	tp = &l.procs[2].tps[3];
	assert_string_equal(tp->name, "Типовое облачное решение по осуществлению "
	    "контрольно-надзорной деятельности (ГИС ТОР КНД, "
	    "https://tor.knd.gov.ru/)");
	assert_int_equal(tp->ncontacts, 1);
	assert_string_equal(tp->contacts[0].value, "https://tor.knd.gov.ru/");
	assert_string_equal(tp->kind, "tor_knd");
	assert_true(tp->key);
	tp = &l.procs[3].tps[4];
	assert_string_equal(tp->name, "Кабинет внутренних клиентов");
	assert_string_equal(tp->kind, "internal_office");
	assert_int_equal(tp->audience, AUDIENCE_INTERNAL);
	assert_true(has_note(&rep, "Кабинет внутренних клиентов",
	    "п. 1.3.2"));
	tp = &l.procs[2].tps[0];
	assert_int_equal(tp->audience, AUDIENCE_EXTERNAL);
	tp = &l.procs[4].tps[0];
	assert_string_equal(tp->name, "ЕПГУ https://knd.gosuslugi.ru/");
	assert_string_equal(tp->contacts[0].value, "https://knd.gosuslugi.ru/");
	assert_string_equal(tp->kind, "epgu");
	assert_true(tp->key);
	free(t);
	done(&l, &rep);
}

static const char sample_utf8[] =
    "№;Процесс взаимодействия с клиентом;Точка взаимодействия;"
    "Удовлетворяемые потребности клиента;Особенности взаимодействия с клиентом\r\n"
    "1;Консультирование;Почта России;\"получение консультации\r\n"
    "получение форм документов\";Офлайн-точка\r\n"
    ";;\"Электронная почта: a@b.ru\";\"получение ответа; разъяснения\";"
    "Цифровая точка\r\n"
    "2;Информирование;Телефонная связь 8 (4812) 11-22-33;получение информации;"
    "\"Офлайн-точка\r\nне более двух переключений\"\r\n";

static void
check_sample(const struct list *l)
{
	assert_int_equal(l->nprocs, 2);
	assert_int_equal(l->procs[0].ntps, 2);
	assert_int_equal(l->procs[0].tps[0].nneeds, 2);
	assert_string_equal(l->procs[0].tps[0].needs[1].wording,
	    "получение форм документов");
	assert_int_equal(l->procs[0].tps[0].needs[1].category, 3);
	assert_string_equal(l->procs[0].tps[1].needs[0].wording,
	    "получение ответа; разъяснения");
	assert_string_equal(l->procs[0].tps[1].contacts[0].value, "a@b.ru");
	assert_string_equal(l->procs[1].tps[0].specifics,
	    "не более двух переключений");
	assert_string_equal(l->procs[1].tps[0].contacts[0].value,
	    "8 (4812) 11-22-33");
}

static void
cp1251_semicolon_csv_imports_with_no_options(void **state)
{
	struct import_report rep;
	struct buf cp;
	struct list l;
	struct error err;

	(void)state;
	buf_init(&cp);
	assert_int_equal(charset_from_utf8("CP1251", sample_utf8,
	    strlen(sample_utf8), &cp, NULL, &err), 0);
	if (import(cp.data, cp.len, NULL, &l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	assert_string_equal(rep.encoding, "CP1251");
	assert_int_equal(rep.delimiter, ';');
	check_sample(&l);
	done(&l, &rep);
	buf_fini(&cp);
}

static void
koi8r_and_cp866_are_detected(void **state)
{
	static const char *const encs[] = { "KOI8-R", "CP866" };

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct import_report rep;
		struct buf b;
		struct list l;
		struct error err;

		buf_init(&b);
		assert_int_equal(charset_from_utf8(encs[i], sample_utf8,
		    strlen(sample_utf8), &b, NULL, &err), 0);
		if (import(b.data, b.len, NULL, &l, &rep, &err) != 0)
			fail_msg("%s: %s", encs[i], err.msg);
		assert_string_equal(rep.encoding, encs[i]);
		check_sample(&l);
		done(&l, &rep);
		buf_fini(&b);
	}
}

static void
utf8_bom_and_explicit_encoding(void **state)
{
	struct import_report rep;
	struct buf b;
	struct list l;
	struct error err;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "\xEF\xBB\xBF");
	buf_puts(&b, sample_utf8);
	assert_int_equal(import(b.data, b.len, NULL, &l, &rep, &err), 0);
	check_sample(&l);
	done(&l, &rep);
	assert_int_equal(import(b.data, b.len, "utf-8", &l, &rep, &err), 0);
	check_sample(&l);
	done(&l, &rep);
	buf_fini(&b);
}

static void
columns_in_any_order_and_optional_columns(void **state)
{
	static const char t[] =
	    "Точка взаимодействия\tОсобенности\tПроцесс\tКлючевая\t"
	    "Контакты\tВид точки\tКатегории потребностей\tПотребности\t"
	    "Подразделение\tПереключений не более\n"
	    "Горячая линия\tОфлайн-точка\tИнформирование\tнет\t"
	    "\"+7 (4812) 20-20-20\"\tТелефонная связь\t2.6.2\tсправки\t"
	    "отдел контроля\t2\n";
	struct import_report rep;
	struct list l;
	struct error err;
	struct touchpoint *tp;

	(void)state;
	if (import(t, strlen(t), NULL, &l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	tp = &l.procs[0].tps[0];
	assert_string_equal(tp->name, "Горячая линия");
	assert_string_equal(tp->kind, "phone");
	assert_false(tp->key);
	assert_int_equal(tp->contacts[0].type, CONTACT_PHONE);
	assert_int_equal(tp->needs[0].category, 2);
	assert_string_equal(tp->unit, "отдел контроля");
	assert_int_equal(tp->max_transfers, 2);
	done(&l, &rep);
}

/* Every bad input fails with a message that contains want. */
static void
expect_failure(const char *data, size_t len, const char *want)
{
	struct import_report rep;
	struct list l;
	struct error err;

	err.msg[0] = '\0';
	assert_int_equal(import(data, len, NULL, &l, &rep, &err), -1);
	if (strstr(err.msg, want) == NULL)
		fail_msg("message «%s» lacks «%s»", err.msg, want);
	done(&l, &rep);
}

static void
bad_inputs_fail_with_clear_messages(void **state)
{
	static const char header[] = "№\tПроцесс\tТочка\tПотребности\tОсобенности\n";
	char buf[512];

	(void)state;
	expect_failure("", 0, "пуст");
	expect_failure("  \n\n", 4, "пуст");
	expect_failure("\x01\x02\x03\xFF\xFE\x80junk", 10, "заголов");
	snprintf(buf, sizeof buf, "%s1\tИнф\tСайт\tинфо\xFF\xFE x\tЦифровая\n"
	    "2\tКонс\tПочта\tконсультация ж\tОфлайн\n", header);
	expect_failure(buf, strlen(buf), "UTF-8");
	snprintf(buf, sizeof buf, "%s1\tИнф\t\"Сайт\tинфо\tЦифровая\n", header);
	expect_failure(buf, strlen(buf), "кавычка");
	expect_failure("№\tПроцесс\x00\tТочка\n", 20, "нулевой байт");
	expect_failure("просто текст\nбез таблицы\n",
	    strlen("просто текст\nбез таблицы\n"), "заголов");
	snprintf(buf, sizeof buf, "%s1\tИнф\tСайт\tинфо\n", header);
	expect_failure(buf, strlen(buf), "4 ячеек, а в заголовке таблицы 5");
	snprintf(buf, sizeof buf, "%s\t\tСайт\tинфо\tЦифровая\n", header);
	expect_failure(buf, strlen(buf), "до первого процесса");
	snprintf(buf, sizeof buf, "%s", header);
	expect_failure(buf, strlen(buf), "нет ни одного процесса");
}

static void
ten_megabyte_line_fails_cleanly(void **state)
{
	size_t n = 10u * 1024 * 1024;
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "№\tПроцесс\tТочка\tПотребности\tОсобенности\n1\tИнф\t");
	buf_reserve(&b, n);
	memset(b.data + b.len, 'x', n);
	b.len += n;
	b.data[b.len] = '\0';
	buf_puts(&b, "\tинфо\tЦифровая\n");
	expect_failure(b.data, b.len, "длиннее");
	buf_fini(&b);
}

/* Word's paragraph tags are repaired, and the report names the cell by
 * line; any other tag or entity is text the clerk wrote. */
static void
word_paragraphs_repaired_other_markup_kept(void **state)
{
	static const char t[] = "№\tПроцесс\tТочка\tПотребности\tОсобенности\n"
	    "1\tИнф\t<b>Сайт</b> &laquo;Х&raquo;\t<p>первая &amp; x</p> "
	    "<P class=\"a\">вторая</p>\tЦифровая точка\n"
	    "\t\tПочта\t<b>x</b> &amp; <br-нет>\tОфлайн-точка\n";
	struct import_report rep;
	struct list l;
	struct error err;

	(void)state;
	assert_int_equal(import(t, strlen(t), NULL, &l, &rep, &err), 0);
	assert_string_equal(l.procs[0].tps[0].name,
	    "<b>Сайт</b> &laquo;Х&raquo;");
	assert_int_equal(l.procs[0].tps[0].nneeds, 2);
	assert_string_equal(l.procs[0].tps[0].needs[0].wording, "первая & x");
	assert_string_equal(l.procs[0].tps[0].needs[1].wording, "вторая");
	assert_string_equal(l.procs[0].tps[1].needs[0].wording,
	    "<b>x</b> &amp; <br-нет>");
	assert_true(has_note(&rep, "строка 2", "разметка Word"));
	assert_false(has_note(&rep, "строка 3", "разметка"));
	done(&l, &rep);
}

/* l exported to CSV into out (initialised here) and imported back. */
static void
export_and_import_back(const struct list *l, struct buf *out,
    struct list *back, struct import_report *rep)
{
	struct export_opts eo = EXPORT_OPTS_INIT;
	struct error err;

	buf_init(out);
	if (export_csv(l, &cat, &eo, out, NULL, &err) != 0 ||
	    import(out->data, out->len, NULL, back, rep, &err) != 0)
		fail_msg("%s", err.msg);
}

/* back, exported to CSV, gives the bytes of out. */
static void
assert_exports_as(const struct list *back, const struct buf *out)
{
	struct export_opts eo = EXPORT_OPTS_INIT;
	struct buf again;
	struct error err;

	buf_init(&again);
	if (export_csv(back, &cat, &eo, &again, NULL, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(again.len, out->len);
	assert_memory_equal(again.data, out->data, out->len);
	buf_fini(&again);
}

/* Text in ‹…›/<…> and entities, exported to CSV and imported back,
 * export the same bytes. */
static void
markup_text_round_trips_through_csv(void **state)
{
	static const char t[] = "№\tПроцесс\tТочка\tПотребности\tОсобенности\n"
	    "1\tИнф <i>\t<b>x</b> &amp;\t‹a› &lt;b&gt; &#171;\tЦифровая точка\n";
	struct import_report rep, rep2;
	struct list l, back;
	struct buf out;
	struct error err;

	(void)state;
	assert_int_equal(import(t, strlen(t), NULL, &l, &rep, &err), 0);
	assert_string_equal(l.procs[0].tps[0].name, "<b>x</b> &amp;");
	export_and_import_back(&l, &out, &back, &rep2);
	assert_non_null(strstr(out.data, "<b>x</b> &amp;"));
	assert_string_equal(back.procs[0].name, "Инф <i>");
	assert_string_equal(back.procs[0].tps[0].needs[0].wording,
	    "‹a› &lt;b&gt; &#171;");
	assert_exports_as(&back, &out);
	buf_fini(&out);
	done(&back, &rep2);
	done(&l, &rep);
}

/* Import with --columns; returns the import_table result. */
static int
import_columns(const char *text, const char *columns, struct list *l,
    struct import_report *rep, struct error *err)
{
	struct import_opts o = { .cat = &cat, .columns = columns };

	list_init(l);
	import_report_init(rep);
	return import_table(text, strlen(text), &o, l, rep, err);
}

static const char headerless[] =
    "1\tПроцесс рассмотрения обращений\tТочка приёма документов\t"
    "получение консультации\tОфлайн-точка\n"
    "\t\tПочта России\tполучение ответа\tОфлайн-точка\n"
    "2\tИнформирование\tОфициальный сайт\tполучение информации\t"
    "Цифровая точка\n";

/* The first row of a table without a header is data, not the header:
 * refused, naming the line and the headers wanted. */
static void
headerless_table_is_refused(void **state)
{
	struct import_report rep;
	struct list l;
	struct error err;

	(void)state;
	assert_int_equal(import(headerless, strlen(headerless), NULL, &l, &rep,
	    &err), -1);
	assert_non_null(strstr(err.msg, "строка 1: «1», «Процесс рассмотрения"));
	assert_non_null(strstr(err.msg, "строки заголовка таблицы над ней нет"));
	assert_non_null(strstr(err.msg, "«Удовлетворяемые потребности…»"));
	assert_non_null(strstr(err.msg, "--columns №,процесс,точка,"
	    "потребности,особенности"));
	done(&l, &rep);
	/* Without the number the row is data all the same. */
	assert_int_equal(import("Процесс рассмотрения обращений\tТочка приёма"
	    "\tполучение консультации\tОфлайн-точка\n", strlen("Процесс "
	    "рассмотрения обращений\tТочка приёма\tполучение консультации"
	    "\tОфлайн-точка\n"), NULL, &l, &rep, &err), -1);
	assert_non_null(strstr(err.msg, "строка 1:"));
	done(&l, &rep);
	/* Rows above the header are not text to skip. */
	static const char above[] = "Орган: Министерство\n"
	    "1\tИнф\tСайт\tинфо\tЦифровая точка\n"
	    "№\tПроцесс\tТочка\tПотребности\tОсобенности\n"
	    "2\tКонс\tПочта\tконсультация\tОфлайн-точка\n";
	assert_int_equal(import(above, strlen(above), NULL, &l, &rep, &err), -1);
	assert_non_null(strstr(err.msg, "строка 2: «1», «Инф», «Сайт», …"));
	done(&l, &rep);
	/* Nor rows right under the title (which a single cell continues). */
	static const char titled[] = "ПЕРЕЧЕНЬ\nточек взаимодействия\n"
	    "1\tИнф\tСайт\tинфо\tЦифровая точка\n"
	    "№\tПроцесс\tТочка\tПотребности\tОсобенности\n";
	assert_int_equal(import(titled, strlen(titled), NULL, &l, &rep, &err),
	    -1);
	assert_non_null(strstr(err.msg, "строка 3: «1»"));
	done(&l, &rep);
	/* A labelled line split into cells is still the header's. */
	static const char split[] = "Орган:\tМинистерство\n"
	    "№\tПроцесс\tТочка\tПотребности\tОсобенности\n"
	    "1\tИнф\tСайт\tинфо\tЦифровая точка\n";
	if (import(split, strlen(split), NULL, &l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	assert_string_equal(l.hdr.org, "Министерство");
	done(&l, &rep);
}

/* --columns names the columns of a headerless table: every row is data,
 * the needs are read, a header row met is skipped. */
static void
columns_option_reads_headerless_table(void **state)
{
	struct import_report rep;
	struct list l;
	struct error err;
	char with_header[1024];

	(void)state;
	if (import_columns(headerless, "№, процесс,точка,потребности,"
	    "особенности", &l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(l.nprocs, 2);
	assert_string_equal(l.procs[0].name, "Процесс рассмотрения обращений");
	assert_int_equal(l.procs[0].ntps, 2);
	assert_string_equal(l.procs[0].tps[0].needs[0].wording,
	    "получение консультации");
	assert_int_equal(list_count_needs(&l), 3);
	done(&l, &rep);
	/* A skipped column, and a header row the option made unneeded. */
	snprintf(with_header, sizeof with_header, "%s", "Орган: Мин\n"
	    "№\tПроцесс\tТочка\tПотребности\tОсобенности\n"
	    "1\tИнф\tСайт\tинфо\tЦифровая точка\n");
	if (import_columns(with_header, "-,процесс,точка,потребности,"
	    "особенности", &l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(l.nprocs, 1);
	assert_string_equal(l.procs[0].name, "Инф");
	assert_string_equal(l.hdr.org, "Мин");
	assert_true(has_note(&rep, "строка 2", "--columns"));
	done(&l, &rep);
	/* Rows of another width are refused, never dropped. */
	assert_int_equal(import_columns(headerless, "№,процесс,точка,"
	    "потребности", &l, &rep, &err), -1);
	assert_non_null(strstr(err.msg, "строка 1: 5 ячеек, а в --columns "
	    "названо 4"));
	done(&l, &rep);
}

static void
columns_option_checked(void **state)
{
	struct error err;

	(void)state;
	assert_int_equal(import_columns_check("№,процесс,точка,вид точки,"
	    "контакты,-", &err), 0);
	assert_int_equal(import_columns_check("№,процесс,примечание", &err),
	    -1);
	assert_non_null(strstr(err.msg, "столбец 3 «примечание» не распознан"));
	assert_int_equal(import_columns_check("процесс,точка,процесс", &err),
	    -1);
	assert_non_null(strstr(err.msg, "назван дважды"));
	assert_int_equal(import_columns_check("№,точка,потребности", &err), -1);
	assert_non_null(strstr(err.msg, "«процесс» и «точка»"));
	assert_int_equal(import_columns_check("процесс,,точка", &err), -1);
	assert_non_null(strstr(err.msg, "столбец 2 «»"));
}

/* A header with a column of the clerk's own is a header; the column is
 * named as not loaded. */
static void
unknown_header_column_is_named(void **state)
{
	static const char t[] = "№\tПроцесс\tТочка\tПотребности\tОсобенности"
	    "\tПримечание\n1\tИнф\tСайт\tинфо\tЦифровая точка\tх\n";
	struct import_report rep;
	struct list l;
	struct error err;

	(void)state;
	if (import(t, strlen(t), NULL, &l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	assert_true(has_note(&rep, "строка 1", "«Примечание» не распознаны"));
	done(&l, &rep);
}

static void
contacts_found_in_names(void **state)
{
	struct touchpoint tp;

	(void)state;
	touchpoint_init(&tp);
	assert_int_equal(import_find_contacts("Приёмная: +7 (495) 123-45-67, "
	    "priem@минпром.рф; www.example.ru/a.", &tp), 3);
	assert_int_equal(tp.ncontacts, 3);
	assert_int_equal(tp.contacts[0].type, CONTACT_PHONE);
	assert_string_equal(tp.contacts[0].value, "+7 (495) 123-45-67");
	assert_string_equal(tp.contacts[1].value, "priem@минпром.рф");
	assert_string_equal(tp.contacts[2].value, "www.example.ru/a");
	/* The same contact twice is one contact. */
	assert_int_equal(import_find_contacts("+7 (495) 123-45-67", &tp), 1);
	assert_int_equal(tp.ncontacts, 3);
	touchpoint_fini(&tp);
	touchpoint_init(&tp);
	assert_int_equal(import_find_contacts("Приказ № 27/01-01 от "
	    "19.03.2024", &tp), 0);
	assert_int_equal(tp.ncontacts, 0);
	touchpoint_fini(&tp);
}

static void
repeated_header_and_formula_apostrophe(void **state)
{
	static const char t[] = "№,Процесс,Точка,Потребности,Особенности\n"
	    "1,Инф,'=Сайт,'-инфо,Цифровая точка\n"
	    "№,Процесс,Точка,Потребности,Особенности\n"
	    ",,Почта России,консультация,Офлайн-точка\n";
	struct import_report rep;
	struct list l;
	struct error err;

	(void)state;
	assert_int_equal(import(t, strlen(t), NULL, &l, &rep, &err), 0);
	assert_int_equal(l.procs[0].ntps, 2);
	assert_string_equal(l.procs[0].tps[0].name, "=Сайт");
	assert_string_equal(l.procs[0].tps[0].needs[0].wording, "-инфо");
	assert_true(has_note(&rep, "строка 3", "повтор заголовка"));
	done(&l, &rep);
}

static void
data_rows_that_look_like_headers_are_data(void **state)
{
	static const char t[] = "№\tПроцесс\tТочка\tПотребности\tОсобенности\n"
	    "1\tПроцесс номер 1\tТочка взаимодействия 1\tинфо\tЦифровая точка\n"
	    "\t\tПочта России\tконсультация\tОфлайн-точка\n"
	    "2\tВторой\t''-x\t'''=y\tЦифровая точка\n";
	struct import_report rep;
	struct list l;
	struct error err;

	(void)state;
	if (import(t, strlen(t), NULL, &l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(l.nprocs, 2);
	assert_string_equal(l.procs[0].name, "Процесс номер 1");
	assert_int_equal(l.procs[0].ntps, 2);
	assert_string_equal(l.procs[1].tps[0].name, "'-x");
	assert_string_equal(l.procs[1].tps[0].needs[0].wording, "''=y");
	done(&l, &rep);
}

/* An excluded process (with touchpoints, one of them excluded itself,
 * and without any) goes through our CSV and comes back as it was; the
 * processes around it are not touched. */
static void
excluded_processes_round_trip_through_csv(void **state)
{
	struct export_opts eo = EXPORT_OPTS_INIT;
	struct list src, l;
	struct import_report rep;
	struct process *p;
	struct touchpoint *tp;
	struct buf out, again;
	struct error err;

	(void)state;
	list_init(&src);
	p = list_add_process(&src, "Информирование");
	process_add_touchpoint(p, "Почта России")->channel = CHANNEL_OFFLINE;
	p = list_add_process(&src, "Профилактический визит");
	p->excluded = true;
	model_set(&p->exclude_reason, "передан в другой орган");
	process_add_touchpoint(p, "Выезд на место")->channel = CHANNEL_OFFLINE;
	tp = process_add_touchpoint(p, "Электронная почта");
	tp->channel = CHANNEL_DIGITAL;
	tp->excluded = true;
	model_set(&tp->exclude_reason, "канал закрыт");
	p = list_add_process(&src, "Обжалование");
	p->excluded = true;
	model_set(&p->exclude_reason, "отменён");
	list_add_process(&src, "Пустой процесс");
	buf_init(&out);
	assert_int_equal(export_csv(&src, &cat, &eo, &out, NULL, &err), 0);
	if (import(out.data, out.len, NULL, &l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(l.nprocs, 4);
	assert_false(l.procs[0].excluded);
	assert_int_equal(l.procs[0].ntps, 1);
	assert_true(l.procs[1].excluded);
	assert_string_equal(l.procs[1].exclude_reason,
	    "передан в другой орган");
	assert_int_equal(l.procs[1].ntps, 2);
	assert_string_equal(l.procs[1].tps[1].name, "Электронная почта");
	assert_false(l.procs[1].tps[0].excluded);
	assert_true(l.procs[1].tps[1].excluded);
	assert_string_equal(l.procs[1].tps[1].exclude_reason, "канал закрыт");
	assert_true(l.procs[2].excluded);
	assert_string_equal(l.procs[2].exclude_reason, "отменён");
	assert_int_equal(l.procs[2].ntps, 0);
	assert_false(l.procs[3].excluded);
	assert_int_equal(l.procs[3].ntps, 0);
	assert_int_equal(rep.doubted, 0);
	/* Exported again, the exclusion rows are the same. */
	buf_init(&again);
	assert_int_equal(export_csv(&l, &cat, &eo, &again, NULL, &err), 0);
	assert_non_null(strstr(again.data, "\r\n2,Профилактический визит,"
	    ",,,,,,,,,,,,,да,передан в другой орган\r\n,,Выезд на место,"));
	assert_non_null(strstr(again.data, "\r\n3,Обжалование,,,,,,,,,,,,,,"
	    "да,отменён\r\n4,Пустой процесс,"));
	buf_fini(&again);
	buf_fini(&out);
	done(&l, &rep);
	list_fini(&src);
}

/* Whom a touchpoint serves: the Клиенты column when it says, else what
 * the name says (internal clients, п. 1.3.2). */
static void
audience_from_column_or_name(void **state)
{
	static const char t[] =
	    "№\tПроцесс\tТочка\tПотребности\tОсобенности\tКлиенты\n"
	    "1\tПроверка\tКабинет внутренних клиентов\tпроверка\t"
	    "Офлайн-точка\t\n"
	    "\t\tКабинет внутренних клиентов (копия)\tпроверка\t"
	    "Офлайн-точка\tвнешние\n"
	    "\t\tПочта России\tпроверка\tОфлайн-точка\tвнутренние\n";
	struct import_report rep;
	struct list l;

	(void)state;
	import_ok(t, &l, &rep);
	assert_int_equal(l.procs[0].tps[0].audience, AUDIENCE_INTERNAL);
	assert_int_equal(l.procs[0].tps[1].audience, AUDIENCE_EXTERNAL);
	assert_int_equal(l.procs[0].tps[2].audience, AUDIENCE_INTERNAL);
	done(&l, &rep);
}

/* The lines of the touchpoint cell of document row r, joined by '|'. */
static char *
tp_cell(const struct document *d, size_t r)
{
	const struct strvec *cell = &document_table(d)->rows[r].cells[2].paras;
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < cell->n; i++)
		buf_printf(&b, "%s%s", i > 0 ? "|" : "", cell->v[i]);
	return buf_detach(&b);
}

/* The printed touchpoint cell gives back what the clerk wrote, each
 * contact once; a contact the name does not hold follows on its own line. */
static void
seed_touchpoints_print_as_written(void **state)
{
	char *t = seed_table(), *cell;
	struct import_report rep;
	struct document d;
	struct list l;
	struct error err;

	(void)state;
	assert_int_equal(import(t, strlen(t), NULL, &l, &rep, &err), 0);
	document_build(&d, &l, "", "");
	cell = tp_cell(&d, 1);
	assert_string_equal(cell, "Электронная почта: otdelgoscen@yandex.ru , "
	    "deppromtorg@smolinvest.com");
	free(cell);
	cell = tp_cell(&d, 2);
	assert_string_equal(cell, "Телефонная связь +7 (4812) 29-25-09; "
	    "+7(4812) 29-24-91");
	free(cell);
	cell = tp_cell(&d, 12);
	assert_string_equal(cell, "Типовое облачное решение по осуществлению "
	    "контрольно-надзорной деятельности (ГИС ТОР КНД, "
	    "https://tor.knd.gov.ru/)");
	free(cell);
	document_fini(&d);
	/* Added apart from the name (the editor's contact list): printed
	 * after it. */
	touchpoint_add_contact(&l.procs[1].tps[1], CONTACT_PHONE,
	    "+7 (4812) 29-25-10");
	touchpoint_add_contact(&l.procs[1].tps[0], CONTACT_PHONE,
	    "+7 (4812) 29-25-09");
	document_build(&d, &l, "", "");
	cell = tp_cell(&d, 6);
	assert_string_equal(cell, "Почта России|+7 (4812) 29-25-10");
	free(cell);
	cell = tp_cell(&d, 5);
	assert_string_equal(cell, "Телефонная связь +7 (4812) 29-25-09; "
	    "+7(4812) 29-24-91");
	free(cell);
	document_fini(&d);
	done(&l, &rep);
	free(t);
}

/* The seed, exported to CSV and imported back, is the same list: names
 * as written, contacts, kinds, audiences; and it exports the same CSV. */
static void
seed_round_trips_through_csv(void **state)
{
	char *t = seed_table();
	struct import_report rep, rep2;
	struct list l, back;
	struct buf out;
	struct error err;

	(void)state;
	assert_int_equal(import(t, strlen(t), NULL, &l, &rep, &err), 0);
	export_and_import_back(&l, &out, &back, &rep2);
	assert_int_equal(back.nprocs, l.nprocs);
	for (size_t i = 0; i < l.nprocs; i++) {
		assert_string_equal(back.procs[i].name, l.procs[i].name);
		assert_int_equal(back.procs[i].ntps, l.procs[i].ntps);
		for (size_t j = 0; j < l.procs[i].ntps; j++)
			if (!record_same_touchpoint(&back.procs[i].tps[j],
			    &l.procs[i].tps[j]))
				fail_msg("touchpoint %zu.%zu «%s» changed", i + 1,
				    j + 1, l.procs[i].tps[j].name);
	}
	assert_exports_as(&back, &out);
	buf_fini(&out);
	done(&back, &rep2);
	done(&l, &rep);
	free(t);
}

static int
has_guess(const struct import_report *rep, const char *text)
{
	for (size_t i = 0; i < rep->guesses.n; i++)
		if (strcmp(rep->guesses.v[i], text) == 0)
			return 1;
	return 0;
}

static size_t
count_guesses_with(const struct import_report *rep, const char *part)
{
	size_t n = 0;

	for (size_t i = 0; i < rep->guesses.n; i++)
		n += strstr(rep->guesses.v[i], part) != NULL;
	return n;
}

/* The report names each kind guessed from a printed name and each key
 * flag the kind set, with its line, and only those. */
static void
report_names_guessed_kinds_and_key_flags(void **state)
{
	char *t = seed_table();
	struct import_report rep;
	struct list l;
	size_t key = 0;

	(void)state;
	import_ok(t, &l, &rep);
	assert_true(has_guess(&rep, "строка 5: «Сообщества Министерства в "
	    "социальных се…» → вид «Сообщества в социальных сетях», "
	    "ключевая (п. 3.2)"));
	assert_true(has_guess(&rep, "строка 10: «видеоконференцсвязь» → вид "
	    "«Видеоконференцсвязь»"));
	assert_true(has_guess(&rep, "строка 8: «Почта России» → вид «Почта "
	    "России», ключевая (п. 3.2)"));
	for (size_t p = 0; p < l.nprocs; p++)
		for (size_t i = 0; i < l.procs[p].ntps; i++)
			key += l.procs[p].tps[i].key;
	assert_true(key > 0);
	assert_int_equal(count_guesses_with(&rep, "ключевая (п. 3.2)"), key);
	assert_int_equal(count_guesses_with(&rep, " → вид «"),
	    list_count_touchpoints(&l));
	done(&l, &rep);
	free(t);

	/* A kind column is the clerk's word: only the key flag is news; a
	 * «Ключевая» cell is the clerk's word too. */
	import_ok("№\tПроцесс\tТочка\tПотребности\tОсобенности\tВид точки"
	    "\tКлючевая\n"
	    "1\tИнформирование\tПочта России\tУзнать\t\tПочта России\t\n"
	    "\t\tЭлектронная почта\tУзнать\t\tЭлектронная почта\tнет\n",
	    &l, &rep);
	assert_int_equal(rep.guesses.n, 1);
	assert_string_equal(rep.guesses.v[0], "строка 2: «Почта России» — "
	    "ключевая (п. 3.2)");
	done(&l, &rep);
}

/* The whole order: its Перечень table, not the Порядок's template, and
 * what the order says of itself. */
static void
whole_order_gives_its_list_and_header(void **state)
{
	char *order = slurp(env_or("TESTS_DIR", "tests"), "data/seed-order.txt",
	    NULL);
	struct import_report rep;
	struct list l;
	struct error err;

	(void)state;
	if (import(order, strlen(order), NULL, &l, &rep, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(l.nprocs, 5);
	assert_string_equal(l.procs[0].name, "Информирование");
	assert_int_equal(list_count_touchpoints(&l), 19);
	assert_true(rep.order_text);
	assert_string_equal(l.hdr.org,
	    "Министерство промышленности и торговли Смоленской области");
	assert_string_equal(l.hdr.org_genitive,
	    "Министерства промышленности и торговли Смоленской области");
	assert_string_equal(l.hdr.title, "точек взаимодействия с клиентом по "
	    "вопросам осуществления регионального государственного контроля "
	    "(надзора)");
	assert_string_equal(l.hdr.order_no, "27/01-01");
	assert_string_equal(l.hdr.order_date, "2024-03-19");
	assert_true(has_note(&rep, "№ 27/ср-сг", "№ 27/01-01"));
	assert_true(has_note(&rep, "№ 27/а-а", "№ 27/01-01"));
	assert_true(has_note(&rep, "взята таблица 2 из 2", NULL));
	done(&l, &rep);
	free(order);
}

/* Excel repeats № and process on every row: one process, said once. */
static void
excel_layout_groups_processes(void **state)
{
	static const char csv[] =
	    "№;Процесс;Точка;Потребности;Особенности\n"
	    "1;Информирование;Почта России;получение информации;\n"
	    "1;Информирование;Телефонная связь;получение информации;\n"
	    "1;информирование;Электронная почта;получение информации;\n"
	    "2;Информирование;Личный приём;получение информации;\n";
	struct import_report rep;
	struct list l;

	(void)state;
	import_ok(csv, &l, &rep);
	assert_int_equal(l.nprocs, 2);
	assert_int_equal(l.procs[0].ntps, 3);
	assert_int_equal(l.procs[1].ntps, 1);
	assert_true(has_note(&rep, "строка 3: № и процесс", "повторены"));
	assert_false(has_note(&rep, "строка 4: № и процесс", NULL));
	done(&l, &rep);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seed_table_imports_as_it_stands),
		cmocka_unit_test(report_names_guessed_kinds_and_key_flags),
		cmocka_unit_test(seed_page_breaks_are_rejoined),
		cmocka_unit_test(seed_contacts_kinds_and_channels),
		cmocka_unit_test(cp1251_semicolon_csv_imports_with_no_options),
		cmocka_unit_test(koi8r_and_cp866_are_detected),
		cmocka_unit_test(utf8_bom_and_explicit_encoding),
		cmocka_unit_test(columns_in_any_order_and_optional_columns),
		cmocka_unit_test(bad_inputs_fail_with_clear_messages),
		cmocka_unit_test(ten_megabyte_line_fails_cleanly),
		cmocka_unit_test(word_paragraphs_repaired_other_markup_kept),
		cmocka_unit_test(markup_text_round_trips_through_csv),
		cmocka_unit_test(headerless_table_is_refused),
		cmocka_unit_test(columns_option_reads_headerless_table),
		cmocka_unit_test(columns_option_checked),
		cmocka_unit_test(unknown_header_column_is_named),
		cmocka_unit_test(contacts_found_in_names),
		cmocka_unit_test(seed_round_trips_through_csv),
		cmocka_unit_test(seed_touchpoints_print_as_written),
		cmocka_unit_test(audience_from_column_or_name),
		cmocka_unit_test(repeated_header_and_formula_apostrophe),
		cmocka_unit_test(data_rows_that_look_like_headers_are_data),
		cmocka_unit_test(excluded_processes_round_trip_through_csv),
		cmocka_unit_test(whole_order_gives_its_list_and_header),
		cmocka_unit_test(excel_layout_groups_processes),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
