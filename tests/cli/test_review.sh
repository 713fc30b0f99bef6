#!/bin/sh
# perechen review: a review of the example list driven from the shell,
# start to end, one touchpoint returned for rework with a comment, one
# skipped; interrupted and resumed at the same touchpoint; the summary;
# verdicts in the change log but not counted as changes (п. 5.3); rows
# returned stay marked until they change; and approval refused while
# changed touchpoints are not accepted, unless confirmed (logged).
. "$TESTS_DIR/cli/lib.sh"
P=$PERECHEN

expect_status 0 "$P" review --help
expect_in "$WORK/out" "review return [N.M] --comment ТЕКСТ"
expect_status 2 "$P" -d "$DB" review frobnicate
expect_status 2 "$P" -d "$DB" review --scope everything
expect_status 2 "$P" -d "$DB" review return
expect_in "$WORK/err" "--comment"
expect_status 2 "$P" -d "$DB" review next 2.2

expect_status 0 "$P" -d "$DB" import -q "$EXAMPLE"
expect_status 1 "$P" -d "$DB" status --today 01.03.2024
cp "$WORK/out" "$WORK/status-before"
expect_status 1 "$P" -d "$DB" review accept
expect_in "$WORK/err" "нет незавершённой проверки"
expect_status 0 "$P" -d "$DB" review
expect_in "$WORK/out" "Незавершённой проверки у вас нет."
expect_status 0 "$P" -d "$DB" review --scope all
expect_in "$WORK/out" "Объём «все точки»: точек 19."

# Not yet approved: the default scope is the whole list.
expect_status 0 "$P" -d "$DB" review start
expect_in "$WORK/out" "Начата проверка № 1, точек 19."
expect_in "$WORK/out" "Проверка № 1 (все точки): 1/19"
expect_in "$WORK/out" "1.1 Официальный сайт Министерства"
expect_in "$WORK/out" "Потребности     получение информации (п. 2.6.1)"
expect_in "$WORK/out" "Изменения: перечень ещё не утверждён"
expect_status 1 "$P" -d "$DB" review start
expect_in "$WORK/err" "незавершённая проверка № 1 (1/19)"

# Each is shown before it is accepted: a verdict is about what was seen.
expect_status 0 "$P" -d "$DB" review accept
for i in 2 3 4 5 6; do
	expect_status 0 "$P" -d "$DB" review show
	expect_status 0 "$P" -d "$DB" review accept
done
expect_in "$WORK/out" "Далее: 2.2 Почта России"
expect_status 0 "$P" -d "$DB" review show
expect_in "$WORK/out" "Проверка № 1 (все точки): 7/19"
expect_in "$WORK/out" "2.2 Почта России"
expect_in "$WORK/out" "подсказка: п. 3.2.4"
expect_status 0 "$P" -d "$DB" review return \
    --comment "укажите почтовый адрес и индекс"
expect_in "$WORK/out" "2.2 Почта России: возвращена на доработку: укажите почтовый адрес и индекс."
expect_in "$WORK/out" "8/19 — принято 6, возвращено 1, пропущено 0, не просмотрено 12."
expect_status 1 "$P" -d "$DB" review accept
expect_in "$WORK/err" "точку 2.3 в этой проверке ещё не показывали"
expect_status 0 "$P" -d "$DB" review show
expect_status 0 "$P" -d "$DB" review accept
expect_status 0 "$P" -d "$DB" review skip
expect_in "$WORK/out" "2.4 Видеоконференцсвязь: пропущена."

# Quit here; a new run resumes at the same touchpoint.
expect_status 0 "$P" -d "$DB" review show
head -n 2 "$WORK/out" >"$WORK/where"
expect_in "$WORK/where" "10/19"
expect_in "$WORK/where" "3.1 Места нахождения"
expect_status 0 "$P" -d "$DB" review
expect_in "$WORK/out" "10/19"
expect_in "$WORK/out" "Текущая точка: 3.1 Места нахождения"
expect_status 0 "$P" -d "$DB" review prev
expect_in "$WORK/out" "9/19"
expect_in "$WORK/out" "Решение: в этой проверке — пропущена"
expect_status 0 "$P" -d "$DB" review next
head -n 2 "$WORK/out" >"$WORK/again"
cmp -s "$WORK/where" "$WORK/again" || fail "next did not come back to 3.1"
expect_status 0 "$P" -d "$DB" review goto 7
expect_in "$WORK/out" "Решение: в этой проверке — возвращена на доработку: укажите почтовый адрес и индекс"
expect_status 0 "$P" -d "$DB" review goto 3.1
expect_in "$WORK/out" "10/19"

# The rest, to the end: the session finishes itself with its summary.
for i in 1 2 3 4 5 6 7 8 9; do
	expect_status 0 "$P" -d "$DB" review show
	expect_status 0 "$P" -d "$DB" review accept
done
expect_not_in "$WORK/out" "завершена"
expect_status 0 "$P" -d "$DB" review show
expect_status 0 "$P" -d "$DB" review accept
expect_in "$WORK/out" "5.1 Единый портал государственных услуг (ЕПГУ): принята."
expect_in "$WORK/out" "Все точки просмотрены, проверка завершена."
expect_in "$WORK/out" "Точек 19: принято 17, возвращено на доработку 1, пропущено 1, не просмотрено 0."
cat >"$WORK/want" <<'EOF'
Возвращены на доработку:
  2.2 Почта России — укажите почтовый адрес и индекс

Пропущены:
  2.4 Видеоконференцсвязь

Приняты:
EOF
sed -n '/^Возвращены на доработку:$/,/^Приняты:$/p' "$WORK/out" >"$WORK/got"
diff -u "$WORK/want" "$WORK/got" || fail "the summary's groups"
sed -n '/^Министерство промышленности/,$p' "$WORK/out" >"$WORK/summary"
head -n 1 "$WORK/summary" | grep -q "Смоленской области" ||
    fail "the summary does not name the body"
expect_status 0 "$P" -d "$DB" review report
cmp -s "$WORK/summary" "$WORK/out" || fail "report differs from the summary"
expect_status 0 "$P" -d "$DB" review --report --session 1
cmp -s "$WORK/summary" "$WORK/out" || fail "--report differs from the summary"
expect_in "$WORK/out" "Итог проверки № 1: все точки."
expect_status 1 "$P" -d "$DB" review accept --session 1
expect_in "$WORK/err" "уже завершена"
expect_status 0 "$P" -d "$DB" review list
expect_in "$WORK/out" "точек 19: принято 17, возвращено 1, пропущено 1, не просмотрено 0; завершена"

# Verdicts are in the change log, and are no changes of the list.
expect_status 0 "$P" -d "$DB" log --limit 1
expect_in "$WORK/out" "5.1 Единый портал государственных услуг (ЕПГУ)"
expect_in "$WORK/out" "проверка: — → проверка № 1: принята"
expect_status 0 "$P" -d "$DB" log
expect_in "$WORK/out" "проверка: — → проверка № 1: возвращена на доработку — укажите почтовый адрес и индекс"
expect_status 1 "$P" -d "$DB" status --today 01.03.2024
cmp -s "$WORK/status-before" "$WORK/out" || fail "status counted verdicts"

# The returned row stays marked until it changes.
expect_status 0 "$P" -d "$DB" review --scope all
expect_in "$WORK/out" "2.2 Почта России — возвращена на доработку: укажите почтовый адрес и индекс"
expect_in "$WORK/out" "2.3 Электронная почта — принята"
expect_status 0 "$P" -d "$DB" tp move 2.2 down
expect_status 0 "$P" -d "$DB" review --scope all
expect_in "$WORK/out" "2.3 Почта России — возвращена на доработку"
expect_status 0 "$P" -d "$DB" tp move 2.3 up
expect_status 0 "$P" -d "$DB" tp set 2.2 --contact "214000, г. Смоленск, ул. Ленина, 1"
expect_status 0 "$P" -d "$DB" review --scope all
expect_in "$WORK/out" "2.2 Почта России — не принята"

# Approval: the first records the list as it stands.
expect_status 0 "$P" -d "$DB" approve --order 27/01-01 --date 19.03.2024 \
    --today 20.03.2024
# Changed since, not accepted: refused, each named.
expect_status 0 "$P" -d "$DB" tp set 2.2 --contact "214000, г. Смоленск, а/я 1"
expect_status 0 "$P" -d "$DB" tp set 1.2 --name "Электронная почта Министерства"
expect_status 1 "$P" -d "$DB" approve --order 31/01-01 --date 20.03.2024 \
    --today 20.03.2024
expect_in "$WORK/err" "точка 1.2 «Электронная почта Министерства» изменена и не принята при проверке"
expect_in "$WORK/err" "точка 2.2 «Почта России» изменена и не принята при проверке"
expect_in "$WORK/err" "Перечень не утверждён."
expect_status 0 "$P" -d "$DB" review
expect_in "$WORK/out" "Изменены после утверждения и не приняты при проверке: 2."

# A review of the changes (the default scope once approved).
expect_status 0 "$P" -d "$DB" review start
expect_in "$WORK/out" "Начата проверка № 2, точек 2."
expect_in "$WORK/out" "изменённые после утверждения): 1/2"
expect_in "$WORK/out" "Изменения после редакции 1:"
expect_in "$WORK/out" "наименование: Электронная почта → Электронная почта Министерства"
expect_status 0 "$P" -d "$DB" review accept
expect_status 0 "$P" -d "$DB" review show
expect_in "$WORK/out" "контакты: 214000, г. Смоленск, ул. Ленина, 1 → 214000, г. Смоленск, а/я 1"
expect_status 0 "$P" -d "$DB" review return --comment "нужен адрес, а не а/я"
expect_in "$WORK/out" "Точек 2: принято 1, возвращено на доработку 1, пропущено 0, не просмотрено 0."
expect_status 1 "$P" -d "$DB" approve --order 31/01-01 --date 20.03.2024 \
    --today 20.03.2024
expect_in "$WORK/err" "точка 2.2 «Почта России» изменена и возвращена на доработку: нужен адрес, а не а/я"
expect_not_in "$WORK/err" "точка 1.2"

# Reworked: only what is still to accept comes into the next review.
expect_status 0 "$P" -d "$DB" tp set 2.2 --contact "214000, г. Смоленск, ул. Ленина, 2"
expect_status 0 "$P" -d "$DB" review start
expect_in "$WORK/out" "Начата проверка № 3, точек 1."
expect_status 0 "$P" -d "$DB" review accept 2.2
expect_in "$WORK/out" "проверка завершена"
expect_status 0 "$P" -d "$DB" approve --order 31/01-01 --date 20.03.2024 \
    --today 20.03.2024
expect_in "$WORK/out" "Перечень утверждён: редакция 2."

# Approving unreviewed changes takes an explicit confirmation, logged.
expect_status 0 "$P" -d "$DB" tp set 4.4 --specifics "заказным письмом"
expect_status 1 "$P" -d "$DB" approve --order 40 --date 20.03.2024 \
    --today 20.03.2024
expect_in "$WORK/err" "точка 4.4 «Почта России» изменена и не принята при проверке"
expect_status 0 "$P" -d "$DB" approve --order 40 --date 20.03.2024 \
    --today 20.03.2024 --confirm-unreviewed
expect_in "$WORK/out" "Перечень утверждён: редакция 3."
expect_in "$WORK/err" "Подтверждение записано в журнал изменений."
expect_status 0 "$P" -d "$DB" log --limit 2
expect_in "$WORK/out" "подтверждение утверждения: — → уполномоченное лицо подтвердило утверждение: точка 4.4 «Почта России» изменена и не принята при проверке"
expect_in "$WORK/out" "утверждение: — → редакция 3"

# A list with an error of the rules is not approved unless confirmed.
E="$WORK/errors.db"
printf '№\tПроцесс взаимодействия с клиентом\tТочка взаимодействия\tУдовлетворяемые потребности клиента\tОсобенности взаимодействия с клиентом\tКонтакты\n1\tКонсультирование\tНечто непонятное\tполучение консультации\tЦифровая точка\totdel@yandex\n' \
    >"$WORK/errors.tsv"
expect_status 0 "$P" -d "$E" import -q "$WORK/errors.tsv"
# Without its header (R0) no confirmation helps; with it, the error of the
# rules is one the authorised person may confirm.
expect_status 1 "$P" -d "$E" approve --order 1 --date 19.03.2024 \
    --confirm-errors --confirm-unreviewed
expect_in "$WORK/err" "заголовок перечня не заполнен (п. 5.1, Приложение 1): нет органа (ОИВ), заглавия"
expect_status 0 "$P" -d "$E" init --org "Комитет по тарифам" --title "т"
expect_status 1 "$P" -d "$E" approve --order 1 --date 19.03.2024
expect_in "$WORK/err" "точка 1.1: контакт «otdel@yandex» точки «Нечто непонятное»: в имени домена «yandex» нет точки"
expect_in "$WORK/err" "в перечне ошибок по правилам Порядка: 1"
expect_status 0 "$P" -d "$E" approve --order 1 --date 19.03.2024 \
    --confirm-errors
expect_status 0 "$P" -d "$E" log --limit 2
expect_in "$WORK/out" "подтверждение утверждения: — → уполномоченное лицо подтвердило утверждение: ошибок по правилам Порядка: 1"

# Reviewing a unit's touchpoints, by name in any case.
expect_status 0 "$P" -d "$DB" tp set 3.1 --unit "Отдел контроля"
expect_status 0 "$P" -d "$DB" review start --scope unit "отдел КОНТРОЛЯ"
expect_in "$WORK/out" "Проверка № 4 (точки подразделения «отдел КОНТРОЛЯ»): 1/1"
expect_in "$WORK/out" "3.1 Места нахождения"
expect_status 0 "$P" -d "$DB" review finish
expect_in "$WORK/out" "не просмотрено 1"
expect_in "$WORK/out" "Не просмотрены:"
expect_status 1 "$P" -d "$DB" review start --unit "отдел снабжения"
expect_in "$WORK/err" "нет точек подразделения «отдел снабжения»"
echo ok
