#!/bin/sh
# Data with control sequences, wide and combining characters and a bidi
# override shows harmlessly: every string passes the one sanitiser, so ESC
# shows as ␛, the screen is not cleared, the title not set, the alternate
# screen not left; wide characters are cut with "…" at their column.
. "$TESTS_DIR/tui/lib.sh"

esc=$(printf '\033')
bel=$(printf '\007')
{
	printf '№\tПроцесс взаимодействия с клиентом\tТочка взаимодействия\t'
	printf 'Удовлетворяемые потребности клиента\t'
	printf 'Особенности взаимодействия с клиентом\n'
	printf '1\tПроцесс %s[31mкрасный\tТочка %s[2J%s]0;x%s конец\t' \
	    "$esc" "$esc" "$esc" "$bel"
	printf 'нужда %s[?1049l здесь\tЦифровая точка\n' "$esc"
	printf '\t\t漢字テスト漢字テスト漢字テスト漢字テスト漢字テスト漢字テスト\t'
	printf 'получение информации\tОфлайн-точка\n'
	printf '\t\tЁжик й\314\206 \342\200\256обратно\tполучение консультации\t'
	printf 'Цифровая точка\n'
} > "$WORK/evil.tsv"
"$PERECHEN" -d "$DB" import "$WORK/evil.tsv" >"$WORK/import.out" 2>&1 ||
	{ cat "$WORK/import.out" >&2; fail "import failed"; }

start_shell 120 40
open_editor
wait_for "Процесс ␛[31mкрасный"
expect_line 1 "рабочая версия"
expect_line 2 "Точка взаимодействия"
expect_line 3 "1 ▾ Процесс ␛[31mкрасный (3 точки)"
expect_line 4 "├ 1.1    Точка ␛[2J␛]0;x␇ конец"
expect_line 4 "нужда ␛[?1049l здесь"
expect_line 4 "Цифровая точка"
# Wide characters: cut with an ellipsis inside their column, and the next
# columns stay on the same line.
expect_line 5 "├ 1.2    漢字テスト"
expect_line 5 "…"
expect_line 5 "получение информации"
expect_line 5 "Офлайн-точка"
# A bidi override shows as U+FFFD; a combining mark stays on its letter.
expect_line 6 "└ 1.3    Ёжик й̆ �обратно"
[ "$(tm display -p -t t '#{alternate_on}')" = 1 ] ||
	fail "data took the terminal out of the alternate screen"
[ "$(tm display -p -t t '#{pane_title}')" != x ] ||
	fail "data set the terminal's title"

keys j
wait_for "Точка:         1.1 Точка ␛[2J␛]0;x␇ конец"
expect_screen "1) нужда ␛[?1049l здесь"
keys Enter
wait_for "Запись точки взаимодействия (только просмотр)"
expect_screen "Точка:         1.1 Точка ␛[2J␛]0;x␇ конец"
keys Escape
wait_gone "Запись точки взаимодействия"
expect_line 1 "рабочая версия"
expect_line 3 "1 ▾ Процесс ␛[31mкрасный (3 точки)"
[ "$(tm display -p -t t '#{pane_title}')" != x ] ||
	fail "data set the terminal's title"

quit_editor q
tui_done
