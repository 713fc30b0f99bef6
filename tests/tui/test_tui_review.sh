#!/bin/sh
# Review from the editor (V): the example list from start to end, one
# touchpoint returned for rework with a comment; the session resumes at
# the same touchpoint after quitting and after SIGHUP; the form opened
# from an item comes back to it; the summary and "perechen review
# report" agree; the table marks the returned row until it changes; the
# changed and unit scopes; a viewer is told who may review.
. "$TESTS_DIR/tui/lib.sh"

import_example
me=$(id -un)
start_shell 80 24

# run_editor: start the editor recording its pid.
run_editor() {
	rm -f "$WORK/pid"
	type_line "clear; sh -c 'echo \$\$ > $WORK/pid; exec $PERECHEN -d $DB'; echo EXITED-\$?"
	wait_for "рабочая версия"
	[ -s "$WORK/pid" ] || fail "no pid"
}

# review_title TEXT: the review's title line shows TEXT.
review_title() {
	wait_line 1 "$1"
}

run_editor
keys V
wait_for "Проверка точек уполномоченным лицом (п. 2.2)"
expect_screen "1  Все точки перечня"
expect_screen "2  Изменённые после утверждения (перечень ещё не утверждён)"
# Esc leaves without starting anything.
keys Escape
wait_gone "Проверка точек уполномоченным"
"$PERECHEN" -d "$DB" review list >"$WORK/out" 2>&1
grep -q "Проверок ещё не было" "$WORK/out" || fail "Esc started a session"

# All touchpoints: the record with every field, findings, changes.
keys V
wait_for "1  Все точки перечня"
keys Enter
review_title "Проверка № 1 — 1/19 (все точки): принято 0, возвращено 0, пропущено 0"
expect_line 2 "1.1 Официальный сайт Министерства"
expect_screen "Начата проверка № 1: точек 19"
expect_screen "Решение:       ещё не вынесено"
expect_screen "Сводка:        ошибок и предупреждений нет; перечень ещё не"
expect_screen "Точка:         1.1 Официальный сайт Министерства"
expect_screen "Вид:           Официальный сайт (п. 4.1.1)"
expect_screen "Потребности:   1) получение информации"
keys End
wait_for "Изменения:     перечень ещё не утверждён — сравнивать не с чем"
expect_screen "Замечания:     · подсказка — п. 2.4–2.5"
keys Home
wait_for "Решение:       ещё не вынесено"

keys a a a
review_title "4/19 (все точки): принято 3, возвращено 0"
expect_line 2 "1.4 Сообщества Министерства в социальных сетях — не просмот"
# A return needs a comment.
keys r
wait_for "Что доработать (замечание):"
keys Enter
wait_for "Точка не возвращена: напишите замечание — что доработать"
review_title "4/19"
keys r
wait_for "Что доработать (замечание):"
tm send-keys -t t -l "нет ссылки на сообщество"
keys Enter
review_title "5/19 (все точки): принято 3, возвращено 1, пропущено 0"
expect_screen "1.4 Сообщества Министерства в социальных сетях: возвращена на доработку — нет с"
# Back shows the verdict given; forward without one.
keys Left
review_title "4/19"
wait_for "Решение:       в этой проверке — возвращена на доработку: нет ссылки на"
keys n
review_title "5/19"
expect_line 2 "1.5 Единый реестр видов контроля"
keys a a
review_title "7/19 (все точки): принято 5, возвращено 1"
expect_line 2 "2.2 Почта России — не просмотрена"

# Leaving in the middle: the table, its cursor on where the review stood,
# the returned row marked, its comment in the detail pane.
keys q
wait_for "Проверка № 1 прервана на 7/19; V — продолжить с этой точки"
wait_for "1.4    ↩ Сообщества Министерства"
expect_screen "Точка:         2.2 Почта России"
expect_not_screen "2.2    ↩"
keys /
tm send-keys -t t -l "Сообщества"
keys Enter
wait_for "↩ Доработать:  нет ссылки на сообщество ($me,"
expect_screen "проверка № 1)"

# Quit and reopen: the same touchpoint.
quit_editor q
run_editor
keys V
wait_for "1  Продолжить проверку № 1 (все точки): 7/19"
keys Enter
review_title "Проверка № 1 — 7/19"
expect_line 2 "2.2 Почта России — не просмотрена"
expect_screen "Проверка № 1 продолжается с 7/19"

# A dropped link (SIGHUP): the same touchpoint again.
keys a
review_title "8/19"
expect_line 2 "2.3 Электронная почта — не просмотрена"
kill -HUP "$(cat "$WORK/pid")"
wait_for "EXITED-129"
expect_shell_usable
run_editor
keys V
wait_for "1  Продолжить проверку № 1 (все точки): 8/19"
keys Enter
review_title "8/19"
expect_line 2 "2.3 Электронная почта — не просмотрена"

# The form from the review, and back to the same item.
keys e
wait_for "Точка 2.3 — правка"
keys Escape
wait_gone "Точка 2.3 — правка"
review_title "8/19"
expect_screen "Форма закрыта без сохранения"
keys e
wait_for "Точка 2.3 — правка"
keys End
tm send-keys -t t -l " Министерства"
keys F2
wait_gone "Точка 2.3 — правка"
review_title "8/19"
wait_for "Сохранена точка 2.3"
expect_line 2 "2.3 Электронная почта Министерства — не просмотрена"

# The rest: one skipped, the others accepted; the last verdict finishes
# the session and shows the summary.
keys a a
review_title "10/19"
keys s
review_title "11/19 (все точки): принято 8, возвращено 1, пропущено 1"
keys a a a a a a a a a
wait_for "Все точки просмотрены — проверка № 1 завершена"
review_title "Проверка № 1 — 19/19 (все точки): принято 17, возвращено 1, пропущено 1"
expect_screen "Итог проверки № 1 (все точки): проверка завершена."
expect_screen "Точек 19: принято 17, возвращено на доработку 1, пропущено 1"
expect_screen "Возвращены на доработку (1):"
expect_screen "1.4 Сообщества Министерства в социальных сетях — нет ссылки на сообщество"
expect_screen "Пропущены (1):"
expect_screen "3.1 "
keys Enter
wait_for "Проверка № 1 завершена: принято 17, возвращено на доработку 1, пропущено 1"
wait_for "1.4    ↩ Сообщества Министерства"
quit_editor q

# The command line sees the same session, and the log the verdicts.
"$PERECHEN" -d "$DB" review report >"$WORK/out" 2>&1 || fail "review report"
grep -q "Точек 19: принято 17, возвращено на доработку 1, пропущено 1, не просмотрено 0." \
	"$WORK/out" || { cat "$WORK/out" >&2; fail "the report's counts"; }
grep -q "1.4 Сообщества Министерства в социальных сетях — нет ссылки на сообщество" \
	"$WORK/out" || { cat "$WORK/out" >&2; fail "the report's comment"; }
"$PERECHEN" -d "$DB" log >"$WORK/out" 2>&1 || fail "log"
grep -q "проверка: — → проверка № 1: возвращена на доработку — нет ссылки на сообщество" \
	"$WORK/out" || { cat "$WORK/out" >&2; fail "the return is not logged"; }

# After approval a changed touchpoint is in the "changed" scope with its
# change, old → new; the change also ends the rework mark.
"$PERECHEN" -d "$DB" approve --order 1-од --date 2024-03-19 \
	--today 2024-03-25 --confirm-unreviewed >/dev/null 2>&1 || fail "approve"
"$PERECHEN" -d "$DB" tp set 1.4 --contact "https://vk.com/minprom67" \
	>/dev/null 2>&1 || fail "tp set"
run_editor
expect_not_screen "↩"
keys V
wait_for "2  Изменённые после утверждения редакции 1 и ещё не принятые"
keys 2
review_title "Проверка № 2 — 1/1 (изменённые после утверждения)"
expect_line 2 "1.4 Сообщества Министерства в социальных сетях"
expect_screen "изменений после редакции 1: 1 —"
keys End
wait_for "Изменения:     после редакции 1 (было → стало):"
expect_screen "→ https://vk.com/minprom67"
keys a
wait_for "Все точки просмотрены — проверка № 2 завершена"
expect_screen "Точек 1: принято 1, возвращено на доработку 0, пропущено 0"
keys q
wait_for "Проверка № 2 завершена"

# One unit's touchpoints, picked from the units the list has.
"$PERECHEN" -d "$DB" tp set 2.2 --unit "Отдел писем" >/dev/null 2>&1 ||
	fail "tp set --unit"
keys V
wait_for "3  Точки одного подразделения…"
keys 3
wait_for "Точки какого подразделения проверить"
expect_screen "1  Отдел писем (1 точка)"
keys Enter
review_title "Проверка № 3 — 1/1 (точки подразделения «Отдел писем»)"
expect_line 2 "2.2 Почта России"
# Starting another while this one is open asks to finish it first.
keys q
wait_for "Проверка № 3 прервана на 1/1"
keys V
wait_for "1  Продолжить проверку № 3 (точки подразделения «Отдел писем»): 1/1"
keys 2
wait_for "Проверка № 3 (1/1) не завершена. Завершить её и начать новую?"
tm send-keys -t t -l "н"
wait_for "1  Продолжить проверку № 3"
keys 2
wait_for "Завершить её и начать новую?"
tm send-keys -t t -l "д"
review_title "Проверка № 4 — 1/19 (все точки)"
keys q
quit_editor q
"$PERECHEN" -d "$DB" review list >"$WORK/out" 2>&1
grep -q "№ 3 .*не просмотрено 1; завершена" "$WORK/out" ||
	{ cat "$WORK/out" >&2; fail "session 3 was not finished"; }

# A viewer is told who may review; nothing is started.
"$PERECHEN" -d "$DB" users add otherclerk --role authorised >/dev/null 2>&1 ||
	fail "users add"
"$PERECHEN" -d "$DB" users add "$me" --role viewer >/dev/null 2>&1 ||
	fail "users add viewer"
run_editor
keys V
wait_for "Проверка недоступна"
expect_screen "проверять точки и выносить решения по ним может уполномоченное"
expect_screen "вы — наблюдатель"
keys Enter
wait_gone "Enter или Esc — закрыть"
wait_line 23 "Проверка недоступна: проверять точки"
quit_editor q
"$PERECHEN" -d "$DB" review list >"$WORK/out" 2>&1
[ "$(grep -c '^№' "$WORK/out")" = 4 ] ||
	{ cat "$WORK/out" >&2; fail "a viewer started a session"; }

# Control sequences in a name, a unit and a comment show harmlessly in
# the table's mark, the menus and the review.
esc=$(printf '\033')
bel=$(printf '\007')
{
	printf '№\tПроцесс взаимодействия с клиентом\tТочка взаимодействия\t'
	printf 'Удовлетворяемые потребности клиента\t'
	printf 'Особенности взаимодействия с клиентом\n'
	printf '1\tПриём\tТочка %s[2J%s]0;x%s конец\tполучение информации\t' \
	    "$esc" "$esc" "$bel"
	printf 'Цифровая точка\n'
	printf '\t\tВторая\tполучение информации\tОфлайн-точка\n'
} >"$WORK/evil.tsv"
DB="$WORK/evil.db"
"$PERECHEN" -d "$DB" import "$WORK/evil.tsv" >/dev/null 2>&1 || fail "import"
"$PERECHEN" -d "$DB" tp set 1.1 --unit "Отдел ${esc}[31m" >/dev/null 2>&1 ||
	fail "tp set --unit"
"$PERECHEN" -d "$DB" review start --scope all >/dev/null 2>&1 ||
	fail "review start"
"$PERECHEN" -d "$DB" review return 1.1 --comment "нет ${esc}[?1049l адреса" \
	>/dev/null 2>&1 || fail "review return"
run_editor
wait_for "1.1    ↩ Точка ␛[2J␛]0;x␇ конец"
keys j
wait_for "↩ Доработать:  нет ␛[?1049l адреса ($me,"
keys V
wait_for "1  Продолжить проверку № 1 (все точки): 2/2"
keys 4
wait_for "1  Отдел ␛[31m (1 точка)"
keys Escape
wait_gone "Точки какого подразделения проверить"
wait_for "1  Продолжить проверку № 1 (все точки): 2/2"
keys 1
review_title "Проверка № 1 — 2/2"
keys Left
review_title "1/2"
expect_line 2 "1.1 Точка ␛[2J␛]0;x␇ конец — возвращена на доработку"
expect_screen "возвращена на доработку: нет ␛[?1049l адреса"
expect_screen "Подразделение: Отдел ␛[31m"
[ "$(tm display -p -t t '#{alternate_on}')" = 1 ] ||
	fail "data took the terminal out of the alternate screen"
[ "$(tm display -p -t t '#{pane_title}')" != x ] ||
	fail "data set the terminal's title"
keys q
quit_editor q

tui_done
