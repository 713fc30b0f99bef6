#!/bin/sh
# The screen is used for the list: the F-key bars at 80 columns show every
# key whole (F6 «Проверка», the form's «2Сохранить»).
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
tui_done
