#!/bin/sh
# The list's header in the editor (R0, п. 5.1, Приложение 1): the message
# line says it is not filled, the findings screen lists it first and sends
# the clerk to E; the header form prefills the grif's genitive from the
# name as it is typed, refuses to save without the title, and the save
# (and its undo) carry the genitive too.
. "$TESTS_DIR/tui/lib.sh"

printf '№\tПроцесс взаимодействия с клиентом\tТочка взаимодействия\tУдовлетворяемые потребности клиента\tОсобенности взаимодействия с клиентом\n1\tКонсультирование\tПочта России\tполучение консультации\tОфлайн-точка\n' \
	>"$WORK/bare.tsv"
"$PERECHEN" -d "$DB" import -q "$WORK/bare.tsv" >/dev/null 2>&1 ||
	fail "import"
start_shell 100 30
open_editor
wait_for "Заголовок перечня не заполнен (п. 5.1): E — заполнить"

# The findings (F5): the header's first, under its own heading.
keys F5
wait_for "Заголовок перечня (E — заполнить)"
expect_screen "✗ ошибка — п. 5.1, Приложение 1: заголовок перечня не"
keys Home a
wait_for "Замечание к заголовку не принимают, а исправляют: E"
keys Enter
wait_for "Заголовок перечня заполняется в таблице: E"
keys Escape
wait_gone "Заголовок перечня (E — заполнить)"

# The form: the genitive follows the name; the title is still missing.
keys E
wait_for "▸ Орган (ОИВ):"
tm send-keys -t t -l "Главное управление ветеринарии"
wait_for "В грифе «приказом …»:      Главного управления ветеринарии"
keys F2
wait_for "Не сохранено: 1 ошибка по правилам Порядка"
expect_screen "нет заглавия"
keys Tab Tab
wait_for "▸ Заглавие"
tm send-keys -t t -l "точек взаимодействия с клиентом"
keys F2
wait_for "Заголовок перечня сохранён"
wait_gone "Заголовок перечня не заполнен"
# Undo takes the genitive back with the rest; redo brings it again.
keys u
wait_for "Отменено: правка заголовка перечня"
wait_gone "Главное управление ветеринарии"
keys C-r
wait_for "Повторено: правка заголовка перечня"
wait_line 1 "Главное управление ветеринарии"
quit_editor q
"$PERECHEN" -d "$DB" check >"$WORK/check" 2>&1
grep -q "Заголовок перечня" "$WORK/check" &&
	{ cat "$WORK/check" >&2; fail "R0 after the header was filled"; }
"$PERECHEN" -d "$DB" log >"$WORK/log" 2>&1
grep -q "орган в родительном падеже: — → Главного управления ветеринарии" \
	"$WORK/log" || { cat "$WORK/log" >&2; fail "the genitive is not logged"; }
grep -q "орган в родительном падеже: Главного управления ветеринарии → —" \
	"$WORK/log" || { cat "$WORK/log" >&2; fail "the undo of the genitive"; }
tui_done
