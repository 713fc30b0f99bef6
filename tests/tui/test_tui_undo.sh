#!/bin/sh
# Undo (u) and redo (Ctrl-R) of the edits saved in this session: a
# touchpoint's form, an addition (undone by excluding: records are never
# deleted), an exclusion, a move, a process's name, the header.  Each
# undo is a change of its own, in the change log.  A record someone else
# changed since is left alone, and the clerk is told.
. "$TESTS_DIR/tui/lib.sh"

import_example
# Approved and published: what status reports is the net difference from
# this revision, which an addition undone must leave empty.
"$PERECHEN" -d "$DB" approve --order 1 --date 19.03.2024 --today 19.03.2024 \
	>/dev/null 2>&1 || fail "approve"
"$PERECHEN" -d "$DB" publish --date 20.03.2024 >/dev/null 2>&1 ||
	fail "publish"
start_shell 100 30
open_editor
wait_for "Процесс 1 из 5"
text() { tm send-keys -t t -l "$1"; }
show() { "$PERECHEN" -d "$DB" tp show "$1" 2>&1; }

keys u
wait_for "Отменять нечего: правок в этом сеансе нет"
keys C-r
wait_for "Повторять нечего"

# A form's edit: the name of 2.2.
keys j j j j j j j j
wait_for "Процесс 2 из 5, точка 2"
keys e
wait_for "Точка 2.2 — правка"
keys C-u
text "Почтовая связь"
keys Tab Tab Tab Tab
wait_for "▸ Контакты:"
text "214000, г. Смоленск, ул. Ленина, д. 1"
keys F2
wait_for "Сохранена точка 2.2 «Почтовая связь»"
show 2.2 | grep -q "Наименование  *Почтовая связь" || fail "not saved"
keys u
wait_for "Отменено: правка точки «Почтовая связь»"
wait_for "├ 2.2    Почта России"
show 2.2 >"$WORK/tp"
grep -q "Наименование  *Почта России" "$WORK/tp" || fail "name not undone"
grep -q "Ленина" "$WORK/tp" && fail "contact not undone"
keys C-r
wait_for "Повторено: правка точки «Почтовая связь»"
wait_for "├ 2.2    Почтовая связь"
show 2.2 | grep -q "Контакты  *214000, г. Смоленск, ул. Ленина, д. 1" ||
	fail "not redone"

# An addition no approved revision holds: undo removes it (one log entry,
# nothing due), redo adds it again.
"$PERECHEN" -d "$DB" status >"$WORK/status0" 2>&1; st0=$?
keys a
wait_for "Новая точка взаимодействия — процесс 2. Консультирование"
text "Личный приём"
keys Tab
text "Личное взаимодействие"
keys Tab Tab Tab Tab
text "получение консультации"
keys F2
wait_for "Добавлена точка 2.5 «Личный приём»"
keys u
wait_for "Добавление отозвано: точка «Личный приём» удалена"
# The cursor stands on its process, its row being gone.
wait_for "Процесс:       2. Консультирование"
wait_for "└ 2.4"
expect_not_screen "2.5    Личный приём"
expect_not_screen "(искл.) Личный приём"
! "$PERECHEN" -d "$DB" tp list 2 | grep -q "Личный приём" ||
	fail "undone addition left in the list"
"$PERECHEN" -d "$DB" log >"$WORK/log" 2>&1
[ "$(grep -c "добавление отозвано" "$WORK/log")" = 1 ] ||
	{ cat "$WORK/log" >&2; fail "withdrawal not logged once"; }
! grep -q "исключ.*Личный приём\|Личный приём.*исключ" "$WORK/log" ||
	fail "undone addition logged as an exclusion"
"$PERECHEN" -d "$DB" status >"$WORK/status1" 2>&1; st1=$?
[ "$st1" = "$st0" ] && cmp -s "$WORK/status0" "$WORK/status1" ||
	{ diff "$WORK/status0" "$WORK/status1" >&2; fail "status changed by add + undo"; }
keys C-r
wait_for "Повторено: точка «Личный приём» снова в перечне"
wait_for "└ 2.5    Личный приём"

# An exclusion and a move, undone newest first.
keys x
wait_for "Причина исключения"
text "по ошибке"
keys Enter
wait_for "└ 2.5    (искл.) Личный приём"
keys K
wait_for "Точка теперь 2.4"
keys u
wait_for "Отменено: перестановка точки «Личный приём»"
wait_for "└ 2.5    (искл.) Личный приём"
keys u
wait_for "Отменено: исключение точки «Личный приём»"
wait_for "└ 2.5    Личный приём"
keys C-r
wait_for "Повторено: исключение точки «Личный приём»"
wait_for "└ 2.5    (искл.) Личный приём"
keys C-r
wait_for "Повторено: перестановка точки «Личный приём»"
wait_for "├ 2.4    (искл.) Личный приём"
keys C-r
wait_for "Повторять нечего"

# A process's name and the header.
keys g
keys e
wait_for "Процесс 1 — название"
keys C-u
text "Информирование клиентов"
keys F2
wait_for "1 ▾ Информирование клиентов"
keys E
wait_for "Заголовок перечня"
keys C-u
text "Министерство культуры"
keys F2
wait_line 1 "Министерство культуры"
keys u
wait_for "Отменено: правка заголовка перечня"
wait_line 1 "Министерство промышленности"
keys u
wait_for "Отменено: переименование процесса «Информирование клиентов»"
wait_for "1 ▾ Информирование (5 точек)"

# Someone else changes 2.2 after the clerk's edit: undo is refused and
# nothing is written.
keys j j j j j j j j
wait_for "Процесс 2 из 5, точка 2"
keys e
wait_for "Точка 2.2 — правка"
keys End
text " (отделение)"
keys F2
wait_for "Сохранена точка 2.2 «Почтовая связь (отделение)»"
"$PERECHEN" -d "$DB" tp set 2.2 --name "Почта, изменено в другом месте" \
	>/dev/null 2>&1 || fail "tp set"
keys u
wait_for "отменить нельзя: точку «Почта, изменено в другом месте» после этой правки изменили"
show 2.2 | grep -q "Наименование  *Почта, изменено в другом месте" ||
	fail "a conflicting undo wrote"

quit_editor q
# Every undo and redo went to the log as a change of its own.
"$PERECHEN" -d "$DB" log >"$WORK/log" 2>&1
[ "$(grep -c "Почтовая связь" "$WORK/log")" -ge 3 ] ||
	{ cat "$WORK/log" >&2; fail "undo and redo not logged"; }
grep -q "Министерство культуры" "$WORK/log" || fail "header undo not logged"
tui_done
