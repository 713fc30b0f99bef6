#!/bin/sh
# A generated list of 100,000 touchpoints opens and scrolls like the
# example's 19: the first rows show at once, the end and a search are
# quick, and the editor's memory is the same as on the small list, because
# it reads only the rows it shows (tests/store/test_store_view.c counts the
# SQLite steps; bench/run.sh times it).
. "$TESTS_DIR/tui/lib.sh"

sh "$BENCH_DIR/gen-list.sh" 100 1000 > "$WORK/large.tsv"
"$PERECHEN" -d "$WORK/large.db" import "$WORK/large.tsv" >"$WORK/import.out" 2>&1 ||
	{ cat "$WORK/import.out" >&2; fail "import of 100,000 touchpoints failed"; }
grep -q "точек взаимодействия 100000" "$WORK/import.out" ||
	{ cat "$WORK/import.out" >&2; fail "the generated list is not 100,000"; }
import_example

start_shell 120 40
# rss_of DB: the editor's resident memory (kB) with DB open on screen.
rss_of() {
	rm -f "$WORK/pid"
	type_line "clear; sh -c 'echo \$\$ > $WORK/pid; exec $PERECHEN -d $1'; echo EXITED-\$?"
	wait_for "рабочая версия" 5
	wait_for "1 ▾ " 5
	awk '/^VmRSS:/ { print $2 }' "/proc/$(cat "$WORK/pid")/status"
}

small=$(rss_of "$DB")
quit_editor q

large=$(rss_of "$WORK/large.db")
expect_line 3 "1 ▾ Информирование 1 (1000 точек)"
expect_line 4 "├ 1.1      Официальный сайт 1.1"
echo "resident memory: example list ${small} kB, 100,000 touchpoints ${large} kB"
[ "$large" -lt $((small + 16384)) ] ||
	fail "the large list took ${large} kB against ${small} kB: it was loaded"

keys G
wait_for "Процесс 100 из 100, точка 1000" 5
expect_screen "└ 100.1000 Почта России 100.1000"
keys PPage PPage
wait_for "Процесс 100 из 100, точка 956" 5
keys g
wait_for "Процесс 1 из 100 " 5
keys NPage NPage NPage
wait_for "Процесс 1 из 100, точка 66" 5
# Fold everything: a hundred process rows, paged like the rest.
keys -
wait_for "1 ▸ Информирование 1 (1000 точек)" 5
keys G
wait_for "100 ▸ Досудебное обжалование 100 (1000 точек)" 5
keys g +
wait_for "├ 1.1      Официальный сайт 1.1" 5
keys /
wait_for "Поиск:"
tm send-keys -t t -l "почта россии 50.4"
keys Enter
wait_for "Точка:         50.4 Почта России 50.4" 10
expect_screen "Процесс 50 из 100, точка 4"
keys n
wait_for "Точка:         50.40 Почта России 50.40" 10
quit_editor q
tui_done
