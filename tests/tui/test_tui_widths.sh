#!/bin/sh
# Widths as the terminal counts them: emoji and CJK text in a touchpoint's
# name take the columns ncursesw and tmux give them (wcwidth), so the
# columns after them stay where they are on every row, at 80 columns.
. "$TESTS_DIR/tui/lib.sh"

{
	printf '№\tПроцесс взаимодействия с клиентом\tТочка взаимодействия\t'
	printf 'Удовлетворяемые потребности клиента\t'
	printf 'Особенности взаимодействия с клиентом\n'
	printf '1\tИнформирование\tСайт\tНУЖДА получение\tЦифровая точка\n'
	printf '\t\t🚀 ✅ ⚡\tНУЖДА получение\tЦифровая точка\n'
	printf '\t\t中文 Ж\tНУЖДА получение\tЦифровая точка\n'
} >"$WORK/wide.tsv"
"$PERECHEN" -d "$DB" import "$WORK/wide.tsv" >"$WORK/import.out" 2>&1 ||
	{ cat "$WORK/import.out" >&2; fail "import failed"; }

# chars_before N: the characters line N holds before «НУЖДА».
chars_before() {
	line "$1" | sed 's/НУЖДА.*//' | tr -d '\n' | wc -m
}

start_shell 80 24
open_editor
wait_for "中文 Ж"
expect_line 4 "1.1"
expect_line 5 "🚀 ✅ ⚡"
expect_line 6 "中文 Ж"
plain=$(chars_before 4)
# Each wide character is one character of the captured line but two
# columns: three emoji, two ideographs.
[ "$(($(chars_before 5) + 3))" = "$plain" ] ||
	fail "the needs column moved on the emoji row: $(line 5)"
[ "$(($(chars_before 6) + 2))" = "$plain" ] ||
	fail "the needs column moved on the CJK row: $(line 6)"
for n in 4 5 6; do
	expect_line "$n" "Цифровая точка"
done
quit_editor q
tui_done
