#!/bin/sh
# Every screen reads its keys through one loop (src/ui/screen.c), so the
# keys it owns work the same on each: F10 leaves a dialog, a menu or a
# list; F1 opens the help from the record view and the change log as
# from the table, PgDn scrolls it and another key closes it, back where
# it was opened.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 80 24
open_editor
wait_for "Процесс 1 из 5"

# F10 leaves the print dialog, the approval dialog and the review menu,
# and the editor stays.
keys p
wait_for "Печать перечня"
keys F10
wait_gone "Печать перечня"
keys A
wait_for "Утверждение перечня"
keys F10
wait_gone "Утверждение перечня"
keys V
wait_for "Проверка точек уполномоченным лицом"
keys F10
wait_gone "Проверка точек уполномоченным лицом"
wait_for "Процесс 1 из 5"

# The help from the record view: it scrolls, and Esc goes back to the
# record, not to the table.
keys j
wait_for "Процесс 1 из 5, точка 1"
keys F3
wait_for "Запись точки взаимодействия (только просмотр)"
keys F1
wait_for "Справка: клавиши редактора перечня"
wait_for "строки 1–"
keys NPage
wait_gone "строки 1–"
expect_screen "Справка: клавиши редактора перечня"
keys Escape
wait_for "Запись точки взаимодействия (только просмотр)"
keys Escape
wait_gone "Запись точки взаимодействия"

# The same from the change log.
keys L
wait_for "Журнал изменений"
keys F1
wait_for "Справка: клавиши редактора перечня"
keys q
wait_for "Журнал изменений"
expect_not_screen "Справка:"
keys Escape
wait_gone "Журнал изменений"

quit_editor
tui_done
