#!/bin/sh
# Search forward and backward, case-insensitively in Cyrillic, over names,
# needs and contacts; n/N; wrap-around and "not found" on the message line;
# a match inside a folded process unfolds it.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 120 40
open_editor
wait_for "Процесс 1 из 5"
status() { expect_line 39 "$1"; }
# search KEY TEXT: type a search at the prompt KEY opens.
search() {
	keys "$1"
	wait_for "$2"
	tm send-keys -t t -l "$3"
	keys Enter
}

# "Почта" matches "Электронная почта" first (case folded), then Почта России.
search / "Поиск:" "Почта"
wait_for "Точка:         1.2 Электронная почта"
status "Процесс 1 из 5, точка 2"
keys n
wait_for "Точка:         2.2 Почта России"
status "Процесс 2 из 5, точка 2"
keys n
wait_for "Точка:         2.3 Электронная почта"
keys N
wait_for "Точка:         2.2 Почта России"

# Lower case finds upper; the next Почта России; then round to the first.
search / "Поиск:" "почта россии"
wait_for "Точка:         4.4 Почта России"
status "Процесс 4 из 5, точка 4"
keys n
wait_for "Поиск продолжен с начала перечня: почта россии"
expect_screen "Точка:         2.2 Почта России"
keys ?
wait_for "Поиск назад:"
tm send-keys -t t -l "ПОЧТА РОССИИ"
keys Enter
wait_for "Поиск продолжен с конца перечня: ПОЧТА РОССИИ"
expect_screen "Точка:         4.4 Почта России"

# Over needs and contacts, and process names.
search F7 "Поиск:" "ЗАНЕСЕНИЕ СВЕДЕНИЙ"
wait_for "Точка:         1.5 Единый реестр видов контроля"
search / "Поиск:" "SmolInvest"
wait_for "Точка:         2.3 Электронная почта"
search / "Поиск:" "досудебное"
wait_for "Процесс:       5. Досудебное обжалование результатов проверки"
status "Процесс 5 из 5 "

# Nothing found: said so, the cursor stays.
search / "Поиск:" "нет такого"
wait_for "Не найдено: нет такого"
status "Не найдено"
expect_screen "Процесс:       5. Досудебное обжалование"

# Esc cancels the prompt.
keys /
wait_for "Поиск:"
tm send-keys -t t -l "абв"
keys Escape
wait_gone "Поиск:"
expect_screen "Процесс:       5. Досудебное обжалование"

# A touchpoint in a folded process: the search unfolds it.
keys g -
wait_for "5 ▸ Досудебное"
search / "Поиск:" "Видеоконференц"
wait_for "Точка:         2.4 Видеоконференцсвязь"
expect_screen "2 ▾ Консультирование"
expect_screen "1 ▸ Информирование"
expect_screen "└ 2.4"

quit_editor q
tui_done
