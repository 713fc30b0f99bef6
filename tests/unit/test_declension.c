/* test_declension.c - body names in the genitive, as the grif prints
 * them: the names the grif got wrong, and one of each usual shape. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "declension.h"

static void
genitive_is(const char *nominative, const char *expected)
{
	char *got = declension_genitive(nominative);

	assert_string_equal(got, expected);
	free(got);
}

/* The three names printed «приказом Главное управление…» and the like. */
static void
names_the_old_grif_left_in_the_nominative(void **state)
{
	(void)state;
	genitive_is("Главное управление ветеринарии Смоленской области",
	    "Главного управления ветеринарии Смоленской области");
	genitive_is("Государственная жилищная инспекция Смоленской области",
	    "Государственной жилищной инспекции Смоленской области");
	genitive_is("Региональная служба по тарифам",
	    "Региональной службы по тарифам");
}

/* A head noun alone, with its genitive tail kept as written. */
static void
head_nouns_of_each_ending(void **state)
{
	(void)state;
	genitive_is("Министерство промышленности и торговли Смоленской "
	    "области", "Министерства промышленности и торговли Смоленской "
	    "области");
	genitive_is("Департамент Смоленской области по образованию и науке",
	    "Департамента Смоленской области по образованию и науке");
	genitive_is("Комитет по делам молодёжи края",
	    "Комитета по делам молодёжи края");
	genitive_is("Управление делами Губернатора",
	    "Управления делами Губернатора");
	genitive_is("Агентство по тарифам республики",
	    "Агентства по тарифам республики");
	genitive_is("Аппарат Губернатора", "Аппарата Губернатора");
	genitive_is("Служба по надзору", "Службы по надзору");
	genitive_is("Инспекция государственного строительного надзора",
	    "Инспекции государственного строительного надзора");
	genitive_is("Администрация Губернатора Смоленской области",
	    "Администрации Губернатора Смоленской области");
	genitive_is("Правительство Смоленской области",
	    "Правительства Смоленской области");
	genitive_is("Представительство Смоленской области при Правительстве "
	    "Российской Федерации", "Представительства Смоленской области "
	    "при Правительстве Российской Федерации");
	genitive_is("Палата", "Палаты");
	genitive_is("Биржа труда", "Биржи труда");
	genitive_is("Училище", "Училища");
	genitive_is("Музей истории", "Музея истории");
}

/* Adjectives by their endings: hard and soft stems, velars, sibilants,
 * the three genders. */
static void
adjectives_before_the_head(void **state)
{
	(void)state;
	genitive_is("Государственная инспекция труда",
	    "Государственной инспекции труда");
	genitive_is("Региональная энергетическая комиссия",
	    "Региональной энергетической комиссии");
	genitive_is("Высшая аттестационная комиссия",
	    "Высшей аттестационной комиссии");
	genitive_is("Большая палата", "Большой палаты");
	genitive_is("Верхняя палата", "Верхней палаты");
	genitive_is("Главный контрольный комитет",
	    "Главного контрольного комитета");
	genitive_is("Городской комитет", "Городского комитета");
	genitive_is("Российский фонд", "Российского фонда");
	genitive_is("Верхний суд", "Верхнего суда");
	genitive_is("Высший совет", "Высшего совета");
	genitive_is("Центральное управление", "Центрального управления");
	genitive_is("Верхнее собрание", "Верхнего собрания");
	genitive_is("Контрольно-счётная палата области",
	    "Контрольно-счётной палаты области");
	genitive_is("Уполномоченный по правам человека",
	    "Уполномоченного по правам человека");
	/* An adjective as the head, a capital noun after it left alone. */
	genitive_is("Приёмная Губернатора", "Приёмной Губернатора");
}

/* Capitals stay capitals, first letters keep their case. */
static void
case_of_letters_is_kept(void **state)
{
	(void)state;
	genitive_is("министерство финансов", "министерства финансов");
	genitive_is("ГОСУДАРСТВЕННАЯ ЖИЛИЩНАЯ ИНСПЕКЦИЯ",
	    "ГОСУДАРСТВЕННОЙ ЖИЛИЩНОЙ ИНСПЕКЦИИ");
	genitive_is("Главное Управление", "Главного Управления");
}

/* What it cannot read comes back unchanged, for the clerk to write. */
static void
unreadable_names_come_back_unchanged(void **state)
{
	(void)state;
	genitive_is("", "");
	genitive_is("ГЖИ Смоленской области", "ГЖИ Смоленской области");
	genitive_is("«Госжилинспекция»", "«Госжилинспекция»");
	genitive_is("Бюро технической инвентаризации",
	    "Бюро технической инвентаризации");
	genitive_is("Ministry of Industry", "Ministry of Industry");
	genitive_is("Дом", "Дома");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_the_old_grif_left_in_the_nominative),
		cmocka_unit_test(head_nouns_of_each_ending),
		cmocka_unit_test(adjectives_before_the_head),
		cmocka_unit_test(case_of_letters_is_kept),
		cmocka_unit_test(unreadable_names_come_back_unchanged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
