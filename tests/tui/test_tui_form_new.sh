#!/bin/sh
# A new touchpoint's form helps: a name a catalogue kind recognises
# («Электронная почта») brings its kind and channel type, so the first F2
# saves; the kind list (F3) follows п. 4's order; F2 on an empty form names
# what is missing, and no message quotes an empty name; warnings say where
# the justification goes, and the form scrolls there.
. "$TESTS_DIR/tui/lib.sh"

# tab_to LABEL: Tab, at most 20 times, until the focus is on LABEL.
tab_to() {
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		screen | grep -q -- "▸ $1" && return 0
		keys Tab
		sleep 0.05
	done
	fail "no field '$1' reached by Tab"
}

import_example
start_shell 120 40
open_editor
wait_for "Процесс 1 из 5"
keys j
wait_for "Процесс 1 из 5, точка 1"
keys IC
wait_for "Новая точка взаимодействия — процесс 1. Информирование"

# F2 on the empty form: what is missing, not «nothing to save».
keys F2
wait_for "Не сохранено: заполните или исправьте поля «Наименование»"
expect_screen "«Тип канала»"
expect_not_screen "Изменений нет"
expect_not_screen "«»"

# The kind list in п. 4's order: the site (4.1.1) first, the phone line
# (4.2.1) after the last digital kind (4.1.7).
keys Tab
wait_for "▸ Вид (п. 4):"
keys F3
wait_for "Вид точки взаимодействия (п. 4)"
s=$(screen)
site=$(printf '%s\n' "$s" | grep -n "Официальный сайт — цифровая, п. 4.1.1" | cut -d: -f1)
epgu=$(printf '%s\n' "$s" | grep -n "п. 4.1.7" | cut -d: -f1)
phone=$(printf '%s\n' "$s" | grep -n "Телефонная связь — офлайн, п. 4.2.1" | cut -d: -f1)
email=$(printf '%s\n' "$s" | grep -n "Электронная почта — цифровая, п. 4.1.2" | cut -d: -f1)
[ -n "$site" ] && [ -n "$epgu" ] && [ -n "$phone" ] && [ -n "$email" ] ||
	fail "the kind list lacks a kind of п. 4"
[ "$site" -lt "$email" ] && [ "$email" -lt "$epgu" ] &&
	[ "$epgu" -lt "$phone" ] || fail "the kind list is not in п. 4's order"
keys Escape
wait_gone "Вид точки взаимодействия (п. 4)"

# The name brings the kind and the channel type; with a contact and a
# need the first F2 saves.
keys BTab
wait_for "▸ Наименование:"
tm send-keys -t t -l "Электронная почта приёмной"
wait_for "Вид (п. 4):                Электронная почта"
expect_screen "Цифровая точка (п. 3.1.1)"
tab_to "Контакты:"
tm send-keys -t t -l "priem@example.ru"
wait_for "1) priem@example.ru"
tab_to "Потребности:"
tm send-keys -t t -l "получение консультации"
wait_for "1) получение консультации"
keys F2
wait_gone "Новая точка взаимодействия"
wait_for "Добавлена точка 1.6 «Электронная почта приёмной»"
"$PERECHEN" -d "$DB" tp show 1.6 >"$WORK/tp" 2>&1
grep -q "Вид  *Электронная почта" "$WORK/tp" || fail "kind not saved"
grep -q "Контакты  *priem@example.ru" "$WORK/tp" || fail "contact not saved"

# Warnings on a changed record at 80x24, the justification below the
# screen: the message says where to write, and the form scrolls there.
tm resize-window -t t -x 80 -y 24
keys G
wait_for "Процесс 5 из 5, точка 1"
keys e
wait_for "Точка 5.1 — правка"
tab_to "Особенности:"
tm send-keys -t t -l "по записи"
keys F2
wait_for "Впишите обоснование в поле «Обоснование» — предупреждения будут"
wait_for "▸ Обоснование:"
expect_not_screen "▸ Особенности:"
keys F2
wait_gone "Точка 5.1 — правка"
wait_for "Сохранена точка 5.1"

quit_editor q
tui_done
