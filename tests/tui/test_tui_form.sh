#!/bin/sh
# The touchpoint form and the rules of the Порядок beside its fields: an
# invalid e-mail is shown beside the contact as it is typed, before any
# save; saving is refused; corrected, it saves and the table shows it.  A
# second «Почта России» in a process is refused citing п. 2.8; a phone
# line made digital is refused citing п. 3.1, 4.  Esc asks before it drops
# changes.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 100 34
open_editor
wait_for "Процесс 1 из 5"
text() { tm send-keys -t t -l "$1"; }
show() { "$PERECHEN" -d "$DB" tp show "$1" 2>&1; }

# To 2.1 Телефонная связь.
keys j j j j j j j
wait_for "Процесс 2 из 5, точка 1"

# A new touchpoint in process 2 (a on one of its touchpoints).
keys a
wait_for "Новая точка взаимодействия — процесс 2. Консультирование"
expect_screen "▸ Наименование:"
text "Приёмная для обращений"
keys Tab
wait_for "▸ Вид (п. 4):"
text "Электронная почта"
# The kind fixes the channel type: prefilled.
wait_for "Тип канала:                Цифровая точка (п. 3.1.1)"
keys Tab Tab Tab
wait_for "▸ Контакты:"
text "priem@"
# The rule beside the field, as typed: nothing has been saved.
wait_for "✗ контакт «priem@» точки «Приёмная для обращений»: нет домена"
show 2.5 | grep -q "точки 2.5 нет" || fail "the touchpoint was saved early"
keys F2
wait_for "Не сохранено: 2 ошибки по правилам Порядка (отмечены ✗)"
expect_screen "✗ п. 2.1: у точки «Приёмная для обращений» не указана ни одна"
expect_screen "Новая точка взаимодействия"
show 2.5 | grep -q "точки 2.5 нет" || fail "a refused touchpoint was saved"

# Corrected: the e-mail's finding goes as it is typed.
text "smolensk.ru"
wait_gone "нет домена"
keys Tab Tab
wait_for "▸ Потребности:"
text "получение консультации"
wait_gone "не указана ни одна"
# The category is guessed from the wording.
wait_for "категория: п. 2.6.2 получение консультации"
# Ctrl-S saves: the terminal's flow control does not eat it.
keys C-s
wait_gone "Новая точка взаимодействия"
wait_for "Добавлена точка 2.5 «Приёмная для обращений»"
wait_for "└ 2.5    Приёмная для обращений"
expect_screen "├ 2.4    Видеоконференцсвязь"
wait_for "Точка:         2.5 Приёмная для обращений"
# The pane under the whole list is short: the record shows every field.
keys Enter
wait_for "(только просмотр)"
expect_screen "эл. почта: priem@smolensk.ru"
keys Escape
wait_gone "(только просмотр)"
show 2.5 >"$WORK/tp"
grep -q "Контакты  *priem@smolensk.ru" "$WORK/tp" || fail "contact not saved"
grep -q "Вид  *Электронная почта" "$WORK/tp" || fail "kind not saved"
grep -q "Тип канала  *Цифровая точка" "$WORK/tp" || fail "channel not saved"
grep -q "получение консультации (п. 2.6.2)" "$WORK/tp" || fail "need not saved"

# A second «Почта России» in Консультирование, picked from the catalogue.
keys a
wait_for "Новая точка взаимодействия — процесс 2. Консультирование"
text "Почта России"
keys Tab Enter
wait_for "Вид точки взаимодействия (п. 4)"
expect_screen "Почта России — офлайн, п. 4.2.2"
keys Enter
wait_gone "Вид точки взаимодействия (п. 4)"
wait_for "Вид (п. 4):                Почта России"
# The list went on to the next field, the channel the kind fixes.
expect_screen "▸ Тип канала:                ‹ Офлайн-точка (п. 3.1.2) ›"
keys Tab Tab Tab
wait_for "▸ Потребности:"
text "представление обращения"
# R2 is a record rule: it runs when saving.
expect_not_screen "п. 2.8"
keys F2
wait_for "✗ п. 2.8: точка «Почта России» уже есть в процессе «Консультирование»"
wait_for "Не сохранено: 1 ошибка по правилам Порядка (отмечены ✗)"

# Esc asks before dropping the changes; н goes back to the form.
keys Escape
wait_for "Изменения не сохранены. Выйти без сохранения? д — да, н — нет"
keys н
wait_for "Правка продолжается"
expect_screen "▸ Потребности:"
keys Escape
wait_for "Выйти без сохранения?"
keys д
wait_gone "Новая точка взаимодействия"
wait_for "Форма закрыта без сохранения"
show 2.6 | grep -q "точки 2.6 нет" || fail "the duplicate was saved"

# The phone line (2.1) made digital: п. 3.1, 4.
keys k k k k
wait_for "Процесс 2 из 5, точка 1"
keys e
wait_for "Точка 2.1 — правка"
expect_screen "Вид (п. 4):                Телефонная связь"
# Unchanged: Esc leaves without asking.
keys Escape
wait_gone "Точка 2.1 — правка"
expect_not_screen "Выйти без сохранения"
keys F4
wait_for "Точка 2.1 — правка"
keys Tab Tab
wait_for "▸ Тип канала:                ‹ Офлайн-точка (п. 3.1.2) ›"
keys Space
wait_for "‹ Цифровая точка (п. 3.1.1) ›"
wait_for "✗ п. 3.1, 4: вид «Телефонная связь» — офлайн-точка, а указана цифровая"
keys F2
wait_for "Не сохранено: 1 ошибка по правилам Порядка (отмечены ✗)"
# Back to offline: the finding goes and the form saves (nothing changed).
keys Space
wait_gone "п. 3.1, 4: вид"
keys F10
wait_gone "Точка 2.1 — правка"
show 2.1 | grep -q "Тип канала  *Офлайн-точка" || fail "the channel changed"

quit_editor q

# A resize while a form is open: the form follows, and so does the table
# it goes back to.  SIGTERM in a form gives the terminal back.
type_line "clear; sh -c 'echo \$\$ > $WORK/pid; exec $PERECHEN -d $DB'; echo EXITED-\$?"
wait_for "рабочая версия"
keys j e
wait_for "Точка 1.1 — правка"
text "ъ"
tm resize-window -t t -x 80 -y 24
wait_line 24 "1Помощь"
wait_line 23 "F2 или Ctrl-S"
expect_line 1 "Точка 1.1 — правка"
tm resize-window -t t -x 120 -y 30
wait_line 30 "1Помощь"
keys Escape
wait_for "Выйти без сохранения?"
keys д
wait_gone "Точка 1.1 — правка"
wait_line 30 "10Выход"
expect_line 1 "Министерство промышленности и торговли Смоленской области"
keys e
wait_for "Точка 1.1 — правка"
kill -TERM "$(cat "$WORK/pid")"
wait_for "EXITED-143"
expect_shell_usable
show 1.1 | grep -q "ъ" && fail "an unsaved form was saved"
tui_done
