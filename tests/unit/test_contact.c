/* test_contact.c - classification and well-formedness of contacts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "contact.h"

/* Assert that value is a well-formed contact of type. */
static void
assert_good(enum contact_type type, const char *value)
{
	struct error why = { "" };

	if (contact_check(type, value, &why) != 0)
		fail_msg("«%s» refused: %s", value, why.msg);
}

/* Assert that value is refused with a reason containing fragment. */
static void
assert_bad(enum contact_type type, const char *value, const char *fragment)
{
	struct error why = { "" };

	if (contact_check(type, value, &why) == 0)
		fail_msg("«%s» accepted", value);
	if (strstr(why.msg, fragment) == NULL)
		fail_msg("«%s»: reason «%s» lacks «%s»", value, why.msg,
		    fragment);
}

static void
test_classify_url(void **state)
{
	(void)state;
	assert_int_equal(contact_classify("https://ervk.gov.ru/registry/list2/"
	    "active"), CONTACT_URL);
	assert_int_equal(contact_classify("  http://x.ru "), CONTACT_URL);
	assert_int_equal(contact_classify("www.admin-smolensk.ru"),
	    CONTACT_URL);
	assert_int_equal(contact_classify("ervk.gov.ru/registry"), CONTACT_URL);
	assert_int_equal(contact_classify("ftp://x.ru"), CONTACT_URL);
	/* A scheme mistyped is still an address, to be refused as one. */
	assert_int_equal(contact_classify("htp:/x"), CONTACT_URL);
	assert_int_equal(contact_classify("http//x.ru"), CONTACT_URL);
}

static void
test_classify_email(void **state)
{
	(void)state;
	assert_int_equal(contact_classify("otdelgoscen@yandex.ru"),
	    CONTACT_EMAIL);
	assert_int_equal(contact_classify("приёмная@минпромторг.рф"),
	    CONTACT_EMAIL);
	assert_int_equal(contact_classify("broken@"), CONTACT_EMAIL);
}

static void
test_classify_phone(void **state)
{
	(void)state;
	assert_int_equal(contact_classify("+7 (4812) 29-25-09"), CONTACT_PHONE);
	assert_int_equal(contact_classify("8 800 200-00-00 доб. 12"),
	    CONTACT_PHONE);
	assert_int_equal(contact_classify("29-25-09"), CONTACT_PHONE);
	assert_int_equal(contact_classify("8 (4812) 29–25–09"), CONTACT_PHONE);
	/* Digits alone are a number, however short: not free text. */
	assert_int_equal(contact_classify("112"), CONTACT_PHONE);
	assert_int_equal(contact_classify("8 4822 33-44-5"), CONTACT_PHONE);
}

static void
test_classify_other(void **state)
{
	(void)state;
	assert_int_equal(contact_classify("г. Смоленск, ул. Ленина, д. 1"),
	    CONTACT_OTHER);
	assert_int_equal(contact_classify(""), CONTACT_OTHER);
	assert_int_equal(contact_classify("кабинет 12"), CONTACT_OTHER);
	assert_int_equal(contact_classify("каб. 112"), CONTACT_OTHER);
	assert_int_equal(contact_classify("12"), CONTACT_OTHER);
}

static void
test_url_good(void **state)
{
	(void)state;
	assert_good(CONTACT_URL, "https://dpt.admin-smolensk.ru/regionalnyj-"
	    "kontrol-nadzor/gosudarstvennoe-regulirovanie-cen-tarifov-"
	    "natovary-uslugi/");
	assert_good(CONTACT_URL, "https://knd.gosuslugi.ru/");
	assert_good(CONTACT_URL, "HTTP://EXAMPLE.RU");
	assert_good(CONTACT_URL, "https://минпромторг.рф/документы?id=1#x");
	assert_good(CONTACT_URL, "http://x.ru:8080/a");
	assert_good(CONTACT_URL, "https://xn--80ajghhoc2aj1c8b.xn--p1ai/");
	assert_good(CONTACT_URL, " https://tor.knd.gov.ru/ ");
}

static void
test_url_bad(void **state)
{
	(void)state;
	assert_bad(CONTACT_URL, "ervk.gov.ru", "https://");
	assert_bad(CONTACT_URL, "ftp://x.ru", "только адреса http");
	assert_bad(CONTACT_URL, "https://localhost/", "нет точки");
	assert_bad(CONTACT_URL, "https://x.ru/a b", "пробел");
	assert_bad(CONTACT_URL, "https://", "нет имени сайта");
	assert_bad(CONTACT_URL, "https://x..ru", "пустая часть");
	assert_bad(CONTACT_URL, "https://x.r1", "не домен верхнего уровня");
	assert_bad(CONTACT_URL, "https://-x.ru", "дефисом");
	assert_bad(CONTACT_URL, "https://x.ru:99999", "порта");
	assert_bad(CONTACT_URL, "https://a@x.ru", "«@»");
	assert_bad(CONTACT_URL, "https://x.ru/page,", "«,»");
	assert_bad(CONTACT_URL, "https://x_y.ru", "недопустимый символ «_»");
	assert_bad(CONTACT_URL, "https://x.ru/\x1b[31m", "управляющий");
	assert_bad(CONTACT_URL, "htp:/x", "начинаться с https://");
	assert_bad(CONTACT_OTHER, "htp:/x", "начинаться с https://");
	assert_bad(CONTACT_OTHER, "http//x.ru", "начинаться с https://");
}

static void
test_email_good(void **state)
{
	(void)state;
	assert_good(CONTACT_EMAIL, "otdelgoscen@yandex.ru");
	assert_good(CONTACT_EMAIL, "deppromtorg@smolinvest.com");
	assert_good(CONTACT_EMAIL, "first.last+tag@mail.admin-smolensk.ru");
	assert_good(CONTACT_EMAIL, "info@минпромторг.рф");
	assert_good(CONTACT_EMAIL, "приёмная@минпромторг.рф");
	assert_good(CONTACT_OTHER, "otdel@yandex.ru");
}

static void
test_email_bad(void **state)
{
	(void)state;
	assert_bad(CONTACT_EMAIL, "otdelgoscen.yandex.ru", "нет знака @");
	assert_bad(CONTACT_EMAIL, "otdel@", "нет домена");
	assert_bad(CONTACT_EMAIL, "@yandex.ru", "нет имени");
	assert_bad(CONTACT_EMAIL, "a@b@c.ru", "больше одного");
	assert_bad(CONTACT_EMAIL, "otdel@yandex", "нет точки");
	assert_bad(CONTACT_EMAIL, "otdel @yandex.ru", "пробел");
	assert_bad(CONTACT_EMAIL, "a..b@x.ru", "две точки");
	assert_bad(CONTACT_EMAIL, ".a@x.ru", "точкой");
	/* A Cyrillic «а» typed into a Latin domain. */
	assert_bad(CONTACT_EMAIL, "otdel@y\xd0\xb0ndex.ru", "смешаны");
	assert_bad(CONTACT_EMAIL, "otdelgoscen@yandex.ru , deppromtorg@"
	    "smolinvest.com", "несколько адресов");
	assert_bad(CONTACT_EMAIL, "a(b)@x.ru", "недопустимый символ «(»");
	assert_bad(CONTACT_OTHER, "otdel@yandex", "нет точки");
	assert_bad(CONTACT_EMAIL, "112", "номер телефона, а не адрес");
	assert_bad(CONTACT_EMAIL, "+7 (4812) 29-25-09",
	    "номер телефона, а не адрес");
}

static void
test_phone_good(void **state)
{
	(void)state;
	assert_good(CONTACT_PHONE, "+7 (4812) 29-25-09");
	assert_good(CONTACT_PHONE, "+7(4812) 29-24-91");
	assert_good(CONTACT_PHONE, "+74812292509");
	assert_good(CONTACT_PHONE, "8 800 200-00-00");
	assert_good(CONTACT_PHONE, "8 (4812) 29–25–09");
	assert_good(CONTACT_PHONE, "+7 (4812) 29-25-09 доб. 123");
	assert_good(CONTACT_PHONE, "+7 (4812) 29-25-09, доб.12");
	assert_good(CONTACT_PHONE, "+7 4812 29 25 09 Доб 7");
	assert_good(CONTACT_PHONE, "+7\xc2\xa0" "4812\xc2\xa0" "292509");
}

static void
test_phone_bad(void **state)
{
	(void)state;
	assert_bad(CONTACT_PHONE, "29-25-09", "без кода города");
	assert_bad(CONTACT_PHONE, "(4812) 29-25-09", "нет кода страны");
	assert_bad(CONTACT_PHONE, "74812292509", "знак «+»");
	assert_bad(CONTACT_PHONE, "+7 (4812) 29-25-0", "10 цифр, а их 9");
	assert_bad(CONTACT_PHONE, "+375 17 222-22-22", "не российский");
	assert_bad(CONTACT_PHONE, "+7 (4812 29-25-09", "непарные скобки");
	assert_bad(CONTACT_PHONE, "+7 (4812) 29-25-09; +7(4812) 29-24-91",
	    "несколько номеров");
	assert_bad(CONTACT_PHONE, "+7 (4812) 29-25-09 доб.", "добавочный");
	assert_bad(CONTACT_PHONE, "+7 (4812) 29-25-09 доб. 12 (приёмная)",
	    "лишний текст");
	assert_bad(CONTACT_PHONE, "+7 4812 2+9-25-09", "знак «+»");
	assert_bad(CONTACT_PHONE, "тел. +7 4812 29-25-09", "недопустимый");
	assert_bad(CONTACT_PHONE, "+7 (4812) 29-25-09-", "не цифрой");
	assert_bad(CONTACT_PHONE, "123456789012", "11 цифр");
	assert_bad(CONTACT_PHONE, "", "пустой");
	assert_bad(CONTACT_PHONE, "   ", "пустой");
	assert_bad(CONTACT_OTHER, "112", "короткий номер из 3 цифр");
}

/* A digit missing after a lone 8 makes the number short; the country
 * code is there. */
static void
test_phone_missing_digit_is_short(void **state)
{
	struct error why = { "" };

	(void)state;
	assert_bad(CONTACT_PHONE, "8 4822 33-44-5",
	    "слишком короткий: после 8 должно быть 10 цифр, а их 9");
	assert_bad(CONTACT_OTHER, "8 (4812) 29-25-0", "слишком короткий");
	assert_bad(CONTACT_PHONE, "8 4822 3", "а их 5");
	assert_int_equal(contact_check(CONTACT_PHONE, "8 4822 33-44-5", &why),
	    -1);
	assert_null(strstr(why.msg, "кода страны"));
	/* Ten digits run together: a national number without its 8. */
	assert_bad(CONTACT_PHONE, "8482233445", "нет кода страны");
	assert_good(CONTACT_PHONE, "8 4822 33-44-55");
}

static void
test_invalid_utf8_refused(void **state)
{
	(void)state;
	assert_bad(CONTACT_URL, "https://x.ru/\xff", "UTF-8");
	assert_bad(CONTACT_OTHER, "\xd0", "UTF-8");
}

static void
test_other_free_text_accepted(void **state)
{
	(void)state;
	assert_good(CONTACT_OTHER, "г. Смоленск, ул. Ленина, д. 1, каб. 12");
}

/* Assert the canonical form of value. */
static void
assert_canonical(enum contact_type type, const char *value, const char *want)
{
	char *got = contact_canonical(type, value);

	assert_string_equal(got, want);
	free(got);
}

static void
test_canonical_phone(void **state)
{
	(void)state;
	assert_canonical(CONTACT_PHONE, "+7 (4812) 29-25-09", "tel:74812292509");
	assert_canonical(CONTACT_PHONE, "8 4812 292509", "tel:74812292509");
	assert_canonical(CONTACT_PHONE, "8 4812 292509 доб. 5",
	    "tel:74812292509;ext=5");
}

static void
test_canonical_web_and_mail(void **state)
{
	(void)state;
	assert_canonical(CONTACT_URL, "HTTPS://www.X.ru/", "x.ru");
	assert_canonical(CONTACT_URL, "http://x.ru", "x.ru");
	assert_canonical(CONTACT_EMAIL, " Otdel@Yandex.RU ", "otdel@yandex.ru");
	assert_canonical(CONTACT_OTHER, "  Кабинет   12 ", "кабинет 12");
}

/* Contacts written inside a name, as the seed's clerks wrote them. */
static void
test_find_in_name(void **state)
{
	const char *name = "Типовое облачное решение (ГИС ТОР КНД, "
	    "https://tor.knd.gov.ru/), почта: a@b.ru , тел. +7 (4812) 29-25-09";
	struct contact_span sp[CONTACT_FIND_MAX];
	size_t n;

	(void)state;
	n = contact_find(name, sp, CONTACT_FIND_MAX);
	assert_int_equal(n, 3);
	assert_int_equal(sp[0].type, CONTACT_URL);
	assert_int_equal(sp[0].end - sp[0].start, strlen("https://tor.knd.gov.ru/"));
	assert_memory_equal(name + sp[0].start, "https://tor.knd.gov.ru/",
	    sp[0].end - sp[0].start);
	assert_int_equal(sp[1].type, CONTACT_EMAIL);
	assert_int_equal(sp[2].type, CONTACT_PHONE);
	assert_int_equal(contact_find("Кабинет внутренних клиентов", sp,
	    CONTACT_FIND_MAX), 0);
}

/* fuzz_contact_find's first find: an e-mail glued to a site found
 * before it ran its domain on into the site's "https", and the two
 * overlapped.  Found contacts never share a byte. */
static void
test_find_glued_email_and_site(void **state)
{
	struct contact_span sp[CONTACT_FIND_MAX];
	const char *name = "почта a@b.ruсайтhttps://x.ru";

	(void)state;
	assert_int_equal(contact_find(name, sp, CONTACT_FIND_MAX), 2);
	assert_int_equal(sp[0].type, CONTACT_EMAIL);
	assert_int_equal(sp[1].type, CONTACT_URL);
	assert_true(sp[0].end <= sp[1].start);
	assert_memory_equal(name + sp[1].start, "https://x.ru",
	    sp[1].end - sp[1].start);
	assert_int_equal(sp[0].end, sp[1].start);
}

static void
test_written_in_and_unlisted(void **state)
{
	const char *name = "Телефонная связь +7(4812)29-25-09";
	struct contact same = { CONTACT_PHONE, "+7 (4812) 29-25-09" };
	struct contact other = { CONTACT_PHONE, "+7 (4812) 29-25-10" };
	char *stale;

	(void)state;
	assert_true(contact_written_in(name, &same));
	assert_false(contact_written_in(name, &other));
	assert_null(contact_unlisted_in(name, &same, 1));
	stale = contact_unlisted_in(name, &other, 1);
	assert_string_equal(stale, "+7(4812)29-25-09");
	free(stale);
	assert_null(contact_unlisted_in("Почта России", NULL, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classify_url),
		cmocka_unit_test(test_classify_email),
		cmocka_unit_test(test_classify_phone),
		cmocka_unit_test(test_classify_other),
		cmocka_unit_test(test_url_good),
		cmocka_unit_test(test_url_bad),
		cmocka_unit_test(test_email_good),
		cmocka_unit_test(test_email_bad),
		cmocka_unit_test(test_phone_good),
		cmocka_unit_test(test_phone_bad),
		cmocka_unit_test(test_phone_missing_digit_is_short),
		cmocka_unit_test(test_invalid_utf8_refused),
		cmocka_unit_test(test_other_free_text_accepted),
		cmocka_unit_test(test_canonical_phone),
		cmocka_unit_test(test_canonical_web_and_mail),
		cmocka_unit_test(test_find_in_name),
		cmocka_unit_test(test_find_glued_email_and_site),
		cmocka_unit_test(test_written_in_and_unlisted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
