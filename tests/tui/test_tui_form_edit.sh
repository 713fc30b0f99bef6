#!/bin/sh
# Editing in the touchpoint form as clerks expect it: the line editor
# (Home/End, word and line deletion, overwrite, characters not bytes),
# long pasted text kept whole (typed fast, and as a bracketed paste with
# line breaks), contacts and needs as lists (add, reorder, delete, the
# category of п. 2.6 by digit and from its list), the fields a kind brings
# (phone transfers, written acknowledgement) and a justification that
# accepts a warning.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 100 34
open_editor
wait_for "Процесс 1 из 5"
text() { tm send-keys -t t -l "$1"; }
show() { "$PERECHEN" -d "$DB" tp show "$1" 2>&1; }
# wait_re RE: poll until a line of the screen matches RE.
wait_re() {
	tries=$((WAIT * 20))
	until screen | grep -q -- "$1"; do
		tries=$((tries - 1))
		[ "$tries" -gt 0 ] || fail "no line matches '$1'"
		sleep 0.05
	done
}

keys j
wait_for "Процесс 1 из 5, точка 1"
keys IC
wait_for "Новая точка взаимодействия — процесс 1. Информирование"

# The line editor, on the name.
text "абв где"
wait_for "▸ Наименование:              абв где"
keys C-w
text "жз"
wait_for "▸ Наименование:              абв жз"
keys Home
text "Х"
wait_for "▸ Наименование:              Хабв жз"
keys End BSpace
wait_for "▸ Наименование:              Хабв ж"
# Overwrite (Ins): the title says so; a character replaces one.
keys Home IC
wait_for "ЗАМЕНА"
text "Ю"
wait_for "▸ Наименование:              Юабв ж"
keys IC
wait_gone "ЗАМЕНА"
keys Right Right DC
wait_for "▸ Наименование:              Юаб ж"
keys C-k
wait_gone "Юаб ж"
expect_screen "▸ Наименование:              Юаб"
keys C-u
# A letter with a combining mark (и and U+0306) is one character to
# Backspace.
text "$(printf 'Телефон \320\270\314\206')"
wait_for "Телефон "
keys BSpace
text "горячей линии"
wait_for "▸ Наименование:              Телефон горячей линии"
keys M-BSpace
text "связи"
wait_for "▸ Наименование:              Телефон горячей связи"

# F1: the help, at the forms' keys; a key that does not scroll it goes
# back.
keys F1
wait_for "Формы точки, процесса и заголовка"
expect_screen "F2  Ctrl-S"
keys x
wait_gone "Формы точки, процесса и заголовка"
expect_screen "▸ Наименование:              Телефон горячей связи"

# A kind from the list (the phone line): its facts appear.
keys Tab
keys F3
wait_for "Вид точки взаимодействия (п. 4)"
# The name suggests the phone line: Enter takes it.
keys Enter
wait_for "Вид (п. 4):                Телефонная связь"
expect_screen "Переключений не более:"
expect_not_screen "Уведомление о получении:"
expect_screen "▸ Тип канала:                ‹ Офлайн-точка (п. 3.1.2) ›"

# A long text typed fast into the specifics: nothing lost.
long=""
i=0
while [ $i -lt 40 ]; do
	long="${long}слово$i "
	i=$((i + 1))
done
long="${long}конец"
keys Tab
wait_for "▸ Особенности:"
text "$long"
wait_for "слово39 конец"

# A bracketed paste with line breaks: spaces, and the focus stays.
keys Tab
wait_for "▸ Контакты:"
tm set-buffer -b p "+7 (4812) 38-61-01
доб. 123"
tm paste-buffer -p -b p -t t
wait_for "1) +7 (4812) 38-61-01 доб. 123"
expect_screen "▸ Контакты:"
expect_screen "2) новый контакт"
keys Tab
# Longer than the field: it scrolls sideways to show the cursor, and
# shows its start, cut, when the focus leaves.
text "https://example.ru/priem/$(printf '%080d' 0)/end"
wait_for "00/end"
expect_not_screen "2) https://example.ru"
keys Home
wait_for "2) https://example.ru/priem/0000"
expect_not_screen "00/end"
keys End
wait_for "00/end"
keys Tab
wait_for "2) https://example.ru/priem/0000"
expect_screen "0…"
keys BTab End
keys -N 85 BSpace
wait_re '2) https://example.ru/priem *$'
keys Tab
wait_for "3) новый контакт"
keys BTab
# F5 moves the contact up; F8 deletes; an emptied contact goes.
keys F5
wait_for "1) https://example.ru/priem"
expect_screen "2) +7 (4812) 38-61-01 доб. 123"
keys Down F8
wait_gone "38-61-01"
keys F7
wait_for "3) новый контакт"
text "8 800 100-00-00"
wait_for "2) 8 800 100-00-00"
keys C-u
wait_gone "2) 8 800"
keys Up
wait_for "2) новый контакт"
expect_not_screen "пустой контакт"

# Needs: two, the category by digit and from its list, reordered.
keys Down Down
wait_for "▸ Потребности:"
text "получение форм документов"
wait_for "категория: п. 2.6.3 получение форм документов"
keys Tab
text "5"
wait_for "категория: ‹ п. 2.6.5 получение результата"
keys Enter
wait_for "Категория потребности (п. 2.6)"
text "7"
wait_gone "Категория потребности (п. 2.6)"
wait_for "категория: п. 2.6.7 предоставление обратной связи"
# Enter moved on to the new-need row.
text "получение консультации"
wait_for "2) получение консультации"
keys M-Up
wait_for "1) получение консультации"
expect_screen "2) получение форм документов"
keys C-n
text "лишняя"
wait_for "2) лишняя"
keys C-y
wait_gone "лишняя"

# A phone line switches at most twice (п. 3.2.3).
keys Tab Tab Tab Tab Tab Tab Tab Tab
wait_for "▸ Переключений не более:"
text "3"
wait_for "✗ п. 3.2.3: по телефону допускается не более двух"
keys BSpace
text "x2"
wait_gone "п. 3.2.3: по телефону"
wait_for "▸ Переключений не более:     2"

keys F2
wait_gone "Новая точка взаимодействия"
wait_for "Добавлена точка 1.6 «Телефон горячей связи»"
show 1.6 >"$WORK/tp"
grep -q "Вид  *Телефонная связь" "$WORK/tp" || fail "kind"
grep -q "Особенности  *слово0 слово1 .* слово39 конец$" "$WORK/tp" ||
	fail "the long text was not kept whole"
grep -q "Контакты  *https://example.ru/priem$" "$WORK/tp" || fail "contacts"
[ "$(grep -c 38-61-01 "$WORK/tp")" = 0 ] || fail "deleted contact kept"
grep -q "Потребности  *получение консультации (п. 2.6.2)" "$WORK/tp" ||
	fail "first need"
grep -q "^  *получение форм документов (п. 2.6.7)" "$WORK/tp" ||
	fail "second need"
grep -q "Переключений не более  *2" "$WORK/tp" || fail "transfers"

# Written kinds ask for the acknowledgement of receipt instead.
keys e
wait_for "Точка 1.6 — правка"
keys Tab C-u
text "Электронная почта"
wait_for "Уведомление о получении:"
expect_not_screen "Переключений не более:"
keys Escape
wait_for "Выйти без сохранения?"
# Esc and a digit: F10, leave without saving.
keys 0
wait_gone "Точка 1.6 — правка"
show 1.6 | grep -q "Вид  *Телефонная связь" || fail "left changes saved"

# A warning: process 5 has no offline touchpoint (п. 2.9.3).  Saving
# says so first; a justification accepts it.
keys G
wait_for "Процесс 5 из 5, точка 1"
keys e
wait_for "Точка 5.1 — правка"
keys F2
wait_for "Впишите обоснование в поле «Обоснование» — предупреждения будут приняты"
expect_screen "! п. 2.9.3: в процессе «Досудебное обжалование результатов проверки»"
# The focus is taken to the justification.
wait_for "▸ Обоснование:"
text "жалобы подаются только через ЕПГУ (ст. 40 248-ФЗ)"
keys F2
wait_gone "Точка 5.1 — правка"
wait_for "Сохранена точка 5.1 (предупреждения приняты с обоснованием)"
"$PERECHEN" -d "$DB" check --format json >"$WORK/check.json"
grep -q '"rule": "R8".*"acknowledged": true.*ЕПГУ (ст. 40 248-ФЗ)' \
	"$WORK/check.json" || { cat "$WORK/check.json" >&2; fail "no acknowledgement"; }
keys e
wait_for "Точка 5.1 — правка"
keys F2
wait_for "Изменений нет: сохранять нечего"
expect_screen "✓ п. 2.9.3: в процессе «Досудебное обжалование результатов"
expect_screen "(принято: жалобы"
keys Escape
wait_gone "Точка 5.1 — правка"
keys !
wait_for "Замечания по правилам Порядка: ошибок 0, предупреждений 1 (принято 1)"
keys f
wait_for "подсказок 28 (скрыты)"
expect_screen "✓ принято — п. 2.9.3: в процессе «Досудебное обжалование"
expect_screen "(обоснование: жалобы подаются только через ЕПГУ"
keys Escape
wait_gone "Замечания по правилам Порядка"

quit_editor q
tui_done
