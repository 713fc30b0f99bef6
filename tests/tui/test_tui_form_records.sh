#!/bin/sh
# Records from the table: exclude a touchpoint with a reason (п. 5.3.4)
# and restore it, move touchpoints and processes up and down, add and
# rename a process, edit the list's header; every key also without
# F-keys; each change in the change log.  A list opened for reading
# refuses them all.  At 80x24 the form scrolls to its field.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 80 24
open_editor
wait_for "Процесс 1 из 5"
text() { tm send-keys -t t -l "$1"; }
list() { "$PERECHEN" -d "$DB" tp list "$@" 2>&1; }

# Exclude 1.3 (x asks the reason; an empty one refuses).
keys j j j
wait_for "Процесс 1 из 5, точка 3"
keys x
wait_for "Причина исключения (п. 5.3.4) «Телефонная связь»:"
keys Enter
wait_for "Точка не исключена: укажите причину (п. 5.3.4)"
keys x
wait_for "Причина исключения (п. 5.3.4)"
text "линия упразднена"
keys Enter
wait_for "Точка 1.3 исключена (r — вернуть, u — отменить): линия упразднена"
wait_for "├ 1.3    (искл.) Телефонная связь"
list 1 | grep -q "1.3  Телефонная связь .*исключена: линия упразднена" ||
	fail "not excluded in the database"
keys x
wait_for "Точка уже исключена; r — вернуть её в перечень"
# Restore (r); on a touchpoint not excluded r says so.
keys r
wait_for "Точка 1.3 снова в перечне: Телефонная связь"
wait_for "├ 1.3    Телефонная связь"
list 1 | grep -q "исключена" && fail "still excluded"
keys r
wait_for "Вернуть в перечень можно исключённую точку"
# F8, and Esc 8 for terminals without F-keys, open the same prompt.
keys F8
wait_for "Причина исключения (п. 5.3.4)"
keys Escape
wait_for "Точка не исключена"
keys Escape 8
wait_for "Причина исключения (п. 5.3.4)"
keys Escape
wait_for "Точка не исключена"

# Move 1.3 up (K), then down twice (J, Alt-↓); at the top K says so.
keys K
wait_for "Точка теперь 1.2 (u — отменить)"
wait_for "├ 1.2    Телефонная связь"
keys J
wait_for "Точка теперь 1.3"
keys M-Down
wait_for "Точка теперь 1.4"
list 1 | sed -n 5p | grep -q "1.4  Телефонная связь" || fail "move not saved"
keys g j K
wait_for "запись уже первая"

# A process: down and back up.
keys g
wait_for "Процесс 1 из 5"
keys J
wait_for "Процесс теперь № 2"
wait_for "2 ▾ Информирование"
list | sed -n 1p | grep -q "^1  Консультирование" || fail "process not moved"
keys K
wait_for "Процесс теперь № 1"
wait_for "1 ▾ Информирование"

# a on a process row asks; п adds a process, here at the end.
keys a
wait_for "Добавить: т — точку в процесс «Информирование», п — новый процесс"
keys п
wait_for "Новый процесс взаимодействия с клиентом"
keys F2
wait_for "✗ п. 2.1: у процесса должно быть название"
text "Выдача разрешений"
wait_gone "у процесса должно быть название"
keys F2
wait_for "Добавлен процесс 6 «Выдача разрешений»"
wait_for "6 ▾ Выдача разрешений (нет точек)"
# Its name again (e), then a touchpoint in it (a, т).
keys e
wait_for "Процесс 6 — название"
keys C-w
text "лицензий"
keys Enter F2
wait_for "Переименован процесс 6 «Выдача лицензий»"
wait_for "6 ▾ Выдача лицензий (нет точек)"
keys a
wait_for "Добавить: т — точку"
keys т
wait_for "Новая точка взаимодействия — процесс 6. Выдача лицензий"
keys Escape
wait_gone "Новая точка взаимодействия"
keys P
wait_for "Новый процесс взаимодействия с клиентом"
keys Escape
wait_gone "Новый процесс"

# The header (E): the title line follows.  The grif's genitive follows
# the name as it is typed, for the clerk to confirm; once the clerk types
# one of their own, it stays.
keys E
wait_for "Заголовок перечня"
expect_screen "▸ Орган (ОИВ):"
expect_screen "В грифе «приказом …»:      Министерства промышленности и"
keys C-u
text "Министерство экономики"
wait_for "В грифе «приказом …»:      Министерства экономики"
keys Tab
wait_for "▸ В грифе «приказом …»:"
keys C-u
text "Минэкономики области"
keys BTab
wait_for "▸ Орган (ОИВ):"
text " и торговли"
wait_for "Орган (ОИВ):               Министерство экономики и торговли"
expect_screen "В грифе «приказом …»:      Минэкономики области"
keys Tab Tab
wait_for "▸ Заглавие"
keys F2
wait_for "Заголовок перечня сохранён"
wait_line 1 "Министерство экономики и тор"
keys E
wait_for "В грифе «приказом …»:      Минэкономики области"
keys Escape
wait_gone "В грифе «приказом …»"

# At 80x24 a long form scrolls to the field that has the focus.
keys g G
wait_for "Процесс 6 из 6 "
keys k
wait_for "Процесс 5 из 6, точка 1"
keys e
wait_for "Точка 5.1 — правка"
expect_line 2 "Процесс:"
# F2 runs every rule: the process's warning and the basis's hint make the
# form taller than the screen.
keys F2
wait_for "Впишите обоснование в поле «Обоснование»"
# The focus went to the justification, below the first screen.
wait_for "▸ Обоснование:"
expect_not_screen "Процесс:                   5."
# ЕПГУ is a written channel (п. 3.2.4): its acknowledgement field is there.
keys BTab BTab BTab BTab
wait_for "▸ Основание:"
expect_screen "· п. 2.4–2.5: у точки «Единый портал"
keys PPage PPage PPage PPage PPage PPage
wait_for "Процесс:                   5."
expect_screen "▸ Наименование:"
keys Escape
wait_gone "Точка 5.1 — правка"

quit_editor q
"$PERECHEN" -d "$DB" log >"$WORK/log" 2>&1
for w in "исключена" "линия упразднена" "место в процессе" "№ процесса" \
    "Выдача лицензий" "Министерство экономики"; do
	grep -q "$w" "$WORK/log" || { cat "$WORK/log" >&2; fail "log lacks $w"; }
done

# Read-only (as in test_tui_edit_errors): every change refused, the
# findings still shown.
mkdir "$WORK/ro"
cp "$DB" "$WORK/ro/t.db"
chmod 711 "$WORK"
chmod 1777 "$WORK/ro"
chmod 644 "$WORK/ro/t.db"
if [ "$(id -u)" = 0 ]; then
	if ! command -v setpriv >/dev/null 2>&1; then
		echo "skip read-only: root without setpriv"
		tui_done
		exit 0
	fi
	as_reader="setpriv --reuid=65534 --regid=65534 --clear-groups "
else
	chmod 444 "$WORK/ro/t.db"
	as_reader=
fi
start_shell 80 24
type_line "clear; ${as_reader}$PERECHEN -d $WORK/ro/t.db; echo EXITED-\$?"
wait_for "только чтение"
keys j
for k in e a x r K E u P; do
	keys "$k"
	wait_for "Перечень открыт только для чтения: изменять его нельзя"
	keys j
	wait_gone "изменять его нельзя"
done
keys !
wait_for "Замечания по правилам Порядка"
keys a
wait_for "Перечень открыт только для чтения"
keys q
wait_gone "Замечания по правилам Порядка"
quit_editor q
tui_done
