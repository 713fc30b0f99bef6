#!/bin/sh
# Open the example list: header, the five processes grouped with their
# touchpoints, the detail pane, the function-key bar; quit gives the shell
# back in a usable state.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 120 40
open_editor

expect_line 1 "Министерство промышленности и торговли Смоленской области"
expect_line 1 "рабочая версия"
expect_line 2 "Точка взаимодействия"
expect_line 2 "Потребности"
expect_line 2 "Канал/особенности"
expect_line 3 "1 ▾ Информирование (5 точек)"
expect_line 4 "├ 1.1"
expect_line 4 "Официальный сайт Министерства"
expect_screen "└ 1.5"
expect_screen "2 ▾ Консультирование (4 точки)"
expect_screen "3 ▾ Профилактический визит (4 точки)"
expect_screen "4 ▾ Плановая (внеплановая) документарная проверка"
# A touchpoint with three needs says so.
expect_screen "(+2)"
# The detail pane shows the current row; the bar and the status line.
expect_screen "Процесс:       1. Информирование"
expect_line 39 "Процесс 1 из 5"
expect_line 40 "1Помощь"
expect_line 40 "10Выход"

# All five processes at once: fold them all.
keys -
wait_for "5 ▸ Досудебное обжалование результатов проверки (1 точка)"
for p in "1 ▸ Информирование" "2 ▸ Консультирование" \
    "3 ▸ Профилактический визит" "4 ▸ Плановая (внеплановая)"; do
	expect_screen "$p"
done
expect_not_screen "├ 1.1"
keys +
wait_for "├ 1.1"

quit_editor q
# No command at all opens the editor too; F10 quits it.
type_line "clear; PERECHEN_DB=$DB $PERECHEN; echo EXITED-\$?"
wait_for "1 ▾ Информирование"
quit_editor F10
tui_done
