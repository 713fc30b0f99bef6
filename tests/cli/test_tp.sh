#!/bin/sh
# perechen tp / process: scriptable editing, checked by the rules, logged.
. "$TESTS_DIR/cli/lib.sh"

expect_status 0 "$PERECHEN" -d "$DB" import -q "$EXAMPLE"
expect_status 0 "$PERECHEN" tp --help
expect_in "$WORK/out" "tp exclude N.M --reason"
expect_status 2 "$PERECHEN" -d "$DB" tp
expect_status 2 "$PERECHEN" -d "$DB" tp frobnicate
expect_status 2 "$PERECHEN" -d "$DB" tp show 2
expect_status 1 "$PERECHEN" -d "$DB" tp show 9.1
expect_in "$WORK/err" "процесса № 9 нет"

expect_status 0 "$PERECHEN" -d "$DB" tp list 2
expect_in "$WORK/out" "2.2  Почта России  [Почта России; Офлайн-точка]"
expect_status 0 "$PERECHEN" -d "$DB" tp show 1.3
expect_in "$WORK/out" "+7 (4812) 29-25-09"
expect_in "$WORK/out" "получение информации (п. 2.6.1)"

# A malformed contact is a wrong command line (R11): exit 2, the reason
# in Russian, nothing saved.
before=$(db_digest)
expect_status 2 "$PERECHEN" -d "$DB" tp add 2 --name "Приёмная" \
	--kind "Электронная почта" --contact "priem@@example" \
	--need "получение консультации"
expect_in "$WORK/err" "priem@@example"
expect_in "$WORK/err" "больше одного знака @"
expect_in "$WORK/err" "ничего не изменено"
[ "$(db_digest)" = "$before" ] || fail "a refused add changed the list"
expect_status 2 "$PERECHEN" -d "$DB" tp set 1.1 --contact htp:/x
expect_in "$WORK/err" "«htp:/x»: адрес сайта должен начинаться с https://"
expect_status 2 "$PERECHEN" -d "$DB" tp set 1.3 --contact "8 4822 33-44-5"
expect_in "$WORK/err" "номер слишком короткий: после 8 должно быть 10 цифр"
expect_not_in "$WORK/err" "кода страны"
expect_status 2 "$PERECHEN" -d "$DB" tp set 1.3 --contact 112
expect_in "$WORK/err" "короткий номер"
[ "$(db_digest)" = "$before" ] || fail "a refused contact changed the list"

# A second Почта России in a process that has one: п. 2.8.
expect_status 1 "$PERECHEN" -d "$DB" tp add 2 --name "почта  россии" \
	--kind post --need "получение консультации"
expect_in "$WORK/err" "п. 2.8"

# A phone touchpoint cannot be made digital: п. 3.1, 4.
expect_status 1 "$PERECHEN" -d "$DB" tp set 2.1 --channel цифровая
expect_in "$WORK/err" "п. 3.1, 4"

# Corrected, it saves; the new touchpoint is listed.
expect_status 0 "$PERECHEN" -d "$DB" tp add 2 --name "Приёмная" \
	--kind "Электронная почта" --contact "priem@example.ru" \
	--need "2.6.2:получение консультации"
expect_in "$WORK/out" "Добавлена точка 2.5 «Приёмная»"
expect_status 0 "$PERECHEN" -d "$DB" tp show 2.5
expect_in "$WORK/out" "priem@example.ru"
expect_in "$WORK/out" "Цифровая точка"

# Needs replaced and appended; exclusion needs a reason; restore.
expect_status 0 "$PERECHEN" -d "$DB" tp set 2.2 --need "получение консультации" \
	--add-need "2.6.3:получение форм документов"
expect_status 0 "$PERECHEN" -d "$DB" tp show 2.2
expect_in "$WORK/out" "получение форм документов (п. 2.6.3)"
expect_status 2 "$PERECHEN" -d "$DB" tp exclude 2.4
expect_status 0 "$PERECHEN" -d "$DB" tp exclude 2.4 --reason "ВКС не проводится"
expect_status 0 "$PERECHEN" -d "$DB" tp list 2
expect_in "$WORK/out" "исключена: ВКС не проводится"
expect_status 1 "$PERECHEN" -d "$DB" tp exclude 2.4 --reason "ещё раз"
expect_status 0 "$PERECHEN" -d "$DB" tp restore 2.4

# Moves.
expect_status 0 "$PERECHEN" -d "$DB" tp move 2.1 down
expect_status 0 "$PERECHEN" -d "$DB" tp show 2.2
expect_in "$WORK/out" "Телефонная связь"
expect_status 1 "$PERECHEN" -d "$DB" tp move 2.1 up
expect_status 2 "$PERECHEN" -d "$DB" tp move 2.1 sideways

# Data never sends raw control characters to the terminal.
esc=$(printf '\033')
expect_status 0 "$PERECHEN" -d "$DB" tp set 1.4 --name "Соцсети${esc}[2J${esc}]0;x"
if grep -q "$esc" "$WORK/out" "$WORK/err"; then fail "raw ESC printed"; fi
expect_in "$WORK/out" "Соцсети␛[2J␛]0;x"
expect_status 0 "$PERECHEN" -d "$DB" tp list 1
if grep -q "$esc" "$WORK/out"; then fail "raw ESC in tp list"; fi

# Processes.
expect_status 0 "$PERECHEN" -d "$DB" process add "Приём граждан"
expect_status 0 "$PERECHEN" -d "$DB" process rename 6 "Личный приём"
expect_status 0 "$PERECHEN" -d "$DB" process move 6 up
expect_status 0 "$PERECHEN" -d "$DB" tp list 5
expect_in "$WORK/out" "5  Личный приём"
expect_status 2 "$PERECHEN" -d "$DB" process rename x y
expect_status 1 "$PERECHEN" -d "$DB" process rename 9 "Нет такого"
echo ok
