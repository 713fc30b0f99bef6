#!/bin/sh
# The draft of the amending order from the reminder's screen (o): the
# print dialog's format and file, the message line says where; the file
# holds the draft's sub-items.
. "$TESTS_DIR/tui/lib.sh"

NOLP="$WORK/nolp"
CWD="$WORK/cwd"
mkdir "$NOLP" "$CWD"
# A PATH with the tools of the shell and of tmux, and no lp at all.
for tool in sh env clear stty grep tmux sleep cat; do
	ln -s "$(command -v "$tool")" "$NOLP/$tool"
done

import_example
# Nothing approved yet: nothing to amend, and the editor says so.
saved_path=$PATH
PATH=$NOLP
start_shell 120 30
PATH=$saved_path
type_line "cd $CWD"
open_editor
keys R
wait_for "o — проект приказа о внесении изменений"
keys o
wait_for "Перечень ещё не утверждён: проект приказа о внесении изменений не из чего составить"
keys Escape
wait_gone "o — проект приказа"
quit_editor q

"$PERECHEN" -d "$DB" approve --order 27/01-01 --date 19.03.2024 \
	>/dev/null 2>&1 || fail "approve"
"$PERECHEN" -d "$DB" tp exclude 4.3 --reason "канал не используется" \
	>/dev/null 2>&1 || fail "tp exclude"
"$PERECHEN" -d "$DB" process rename 3 "Профилактический визит (обязательный)" \
	>/dev/null 2>&1 || fail "process rename"

open_editor
keys R
wait_for "o — проект приказа о внесении изменений"
keys o
wait_for "Проект приказа о внесении изменений"
expect_screen "Редакция:      ◂ последняя утверждённая ▸"
expect_screen "Принтеров нет: документ будет сохранён в файл."
keys Right
wait_for "Формат:        ◂ текст (txt) ▸"
keys Enter
wait_for "Документ сохранён в файл $CWD/perechen-order.txt"
tr '\n' ' ' <"$CWD/perechen-order.txt" | sed 's/  */ /g' >"$WORK/flat"
grep -qF "1) в строке 3 в графе «Процесс взаимодействия с клиентом» слова «Профилактический визит» заменить словами «Профилактический визит (обязательный)»;" "$WORK/flat" ||
	fail "the saved draft: $(cat "$CWD/perechen-order.txt")"
grep -qF "2) строку 4.3 признать утратившей силу." "$WORK/flat" ||
	fail "the saved draft's exclusion"

# Word through perechen-office, as the print dialog does.
keys o
wait_for "Проект приказа о внесении изменений"
keys Right Right
wait_for "Формат:        ◂ Word (docx) — в файл ▸"
keys Enter
wait_for "Документ сохранён в файл $CWD/perechen-order.docx"
[ "$(head -c 2 "$CWD/perechen-order.docx")" = PK ] || fail "not a DOCX"
keys Escape
wait_gone "o — проект приказа"
quit_editor q
tui_done
