#!/bin/sh
# Rows changed since the approved revision are marked «*» in the table's
# left margin, exactly as «perechen diff» reports them: an edit marks its
# row, its undo takes the mark away, an exclusion keeps «(искл.)» and is
# marked, a renamed process is marked; approving clears every mark.  The
# mark costs no column at 80 (the names keep their width); the help names
# it.
. "$TESTS_DIR/tui/lib.sh"

import_example
"$PERECHEN" -d "$DB" approve --order 1 --date 19.03.2024 --today 19.03.2024 \
	>/dev/null 2>&1 || fail "approve"
start_shell 80 24
open_editor
wait_for "Процесс 1 из 5"
text() { tm send-keys -t t -l "$1"; }
# Lines of the table that start with the mark.
marked() { screen | grep -c '^\*'; }

[ "$(marked)" = 0 ] || fail "a row is marked right after approval"
unmarked_22=$(screen | grep '├ 2.2 ')

# An edit of 2.2 in the form: its row is marked, nothing else.
keys j j j j j j j j
wait_for "Процесс 2 из 5, точка 2"
keys e
wait_for "Точка 2.2 — правка"
keys C-u
text "Почтовая связь"
keys F2
wait_for "Сохранена точка 2.2 «Почтовая связь»"
wait_for "*   ├ 2.2    Почтовая связь"
[ "$(marked)" = 1 ] || fail "more than the edited row is marked"
"$PERECHEN" -d "$DB" diff 2>&1 | grep -q "в строке 2.2 .*заменить словами «Почтовая связь»" ||
	fail "diff does not report 2.2"
# At 80 columns the mark takes the margin, not the name's room.
[ "${#unmarked_22}" -gt 0 ] || fail "no row 2.2 before the edit"

# Undone: the same as the revision, no mark.
keys u
wait_for "Отменено: правка точки «Почтовая связь»"
wait_for "├ 2.2    Почта России"
[ "$(marked)" = 0 ] || fail "an undone edit left its mark"
[ "$(screen | grep '├ 2.2 ')" = "$unmarked_22" ] ||
	fail "row 2.2 differs from before the edit"

# An exclusion: marked, and still «(искл.)».
keys x
wait_for "Причина исключения"
text "не используется"
keys Enter
wait_for "Точка 2.2 исключена"
wait_for "*   ├ 2.2    (искл.) Почта России"

# A process renamed from the command line: its row is marked when the
# editor reads the log again.
"$PERECHEN" -d "$DB" process rename 1 "Информирование граждан" \
	>/dev/null 2>&1 || fail "rename"
keys C-l
wait_for "* 1 ▾ Информирование граждан"

# The legend in the help.
keys F1
wait_for "Справка"
tries=40
until screen | grep -q "строка изменена после утверждённой"; do
	tries=$((tries - 1))
	[ "$tries" -gt 0 ] || fail "the help does not name the mark"
	keys NPage
	sleep 0.1
done
keys Escape
wait_gone "Справка"

# Approved again: nothing differs, nothing marked.
"$PERECHEN" -d "$DB" approve --order 2 --date 20.03.2024 --today 20.03.2024 \
	--confirm-unreviewed >/dev/null 2>&1 || fail "second approval"
keys C-l
wait_gone "*   ├ 2.2"
[ "$(marked)" = 0 ] || fail "rows marked after the approval"

quit_editor
tui_done
