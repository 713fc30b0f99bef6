#!/bin/sh
# The screen is used for the list: the F-key bars at 80 columns show every
# key whole (F6 «Проверка», the form's «2Сохранить»); at 120x40 the seed's
# list (five processes, 19 touchpoints) shows whole, the detail pane under
# it no taller than its content and never under 5 lines; at 80 columns the
# header keeps the body's name; a process's count leaves out its excluded
# touchpoints.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 80 24
open_editor
wait_for "Процесс 1 из 5"
for k in 1Помощь 3Просмотр 4Правка 5Замечания 6Проверка 7Поиск 8Исключ. \
    9Печать 10Выход; do
	expect_line 24 "$k"
done
expect_not_screen "Приёмка"
keys j e
wait_for "Точка 1.1 — правка"
for k in 1Помощь 2Сохранить 3Выбор 5Выше 6Ниже 7Добавить 8Удалить 10Отмена; do
	expect_line 24 "$k"
done
keys Escape
wait_for "Форма закрыта без сохранения"
quit_editor

# The seed imported as the README says.
awk '/^ПЕРЕЧЕНЬ$/ {f=1} f' "$TESTS_DIR/data/seed-order.txt" >"$WORK/seed.tsv"
DB="$WORK/seed.db"
"$PERECHEN" -d "$DB" init \
	--org "Министерство промышленности и торговли Смоленской области" \
	>/dev/null 2>&1 || fail "init of the seed"
"$PERECHEN" -d "$DB" import "$WORK/seed.tsv" >"$WORK/import.out" 2>&1 ||
	{ cat "$WORK/import.out" >&2; fail "import of the seed"; }
start_shell 120 40
open_editor
wait_for "Процесс 1 из 5"
for p in 1 2 3 4 5; do
	expect_screen "  $p ▾ "
done
[ "$(screen | grep -cE '^    [├└] [1-5]\.[0-9] ')" = 19 ] ||
	fail "not all 19 touchpoints are on the screen"
# Right under the table's 24 rows (line 27): the pane, its content (a
# process: 3 lines), then nothing.
expect_line 26 "    └ 5.1 "
expect_line 27 " Процесс"
expect_line 28 "Процесс:       1. Информирование"
[ -z "$(line 32 | tr -d ' ')" ] || fail "the pane is taller than its content"
# On a touchpoint with more to say it takes the rest, scrolling.
keys j
wait_for "Процесс 1 из 5, точка 1"
wait_line 27 "Точка взаимодействия"
expect_line 27 "строки 1–11 из"
# Folded, the list leaves room; the pane stays no taller than it needs.
keys z
wait_line 3 "1 ▸ Информирование"
wait_line 8 " Процесс"
expect_line 7 "5 ▸ Досудебное обжалование"
quit_editor

# At 80 columns the header keeps the body's name, shortened.
start_shell 80 24
open_editor
wait_line 1 "Министерство промышленности"
quit_editor

# A process's count leaves out its excluded touchpoints, and follows a
# restore made in the editor.
DB="$WORK/t.db"
"$PERECHEN" -d "$DB" tp exclude 2.4 --reason "канал не используется" \
	>/dev/null 2>&1 || fail "tp exclude"
open_editor
wait_for "2 ▾ Консультирование (3 точки)"
expect_screen "└ 2.4    (искл.) Видеоконференцсвя"
keys j j j j j j j j j j
wait_for "Процесс 2 из 5, точка 4"
keys r
wait_for "2 ▾ Консультирование (4 точки)"
quit_editor
tui_done
