#!/bin/sh
# Two clerks on one touchpoint: the form saves over another clerk's change
# of other fields and keeps it; a change of the same field is shown with
# both values, and the clerk reloads, keeps their own, or picks field by
# field — never a silent overwrite.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 110 34
open_editor
wait_for "Процесс 1 из 5"
text() { tm send-keys -t t -l "$1"; }
show() { "$PERECHEN" -d "$DB" tp show 1.1 2>&1; }
other() {
	"$PERECHEN" -d "$DB" tp set 1.1 "$@" >"$WORK/other.out" 2>&1 ||
	    { cat "$WORK/other.out" >&2; fail "the other clerk's tp set"; }
}

# edit_specifics TEXT: open 1.1 in the form, replace its specifics.
edit_specifics() {
	keys e
	wait_for "Точка 1.1 — правка"
	keys Tab Tab Tab
	wait_for "▸ Особенности:"
	keys C-u
	text "$1"
	wait_for "▸ Особенности:               $1"
}

keys j
wait_for "Процесс 1 из 5, точка 1"

# Another field changed meanwhile: both kept.
edit_specifics "только по записи"
other --basis "приказ № 5"
keys C-s
wait_for "Сохранена точка 1.1"
wait_for "Сохранена точка 1.1 (с правкой другого пользователя)"
show >"$WORK/tp"
grep -q "только по записи" "$WORK/tp" || fail "the clerk's change lost"
grep -q "приказ № 5" "$WORK/tp" || fail "the other clerk's change lost"
# Undo takes back the clerk's own change only.
keys u
wait_for "Отменено: правка точки"
show >"$WORK/tp"
grep -q "только по записи" "$WORK/tp" && fail "undo kept the clerk's change"
grep -q "приказ № 5" "$WORK/tp" || fail "undo dropped the other's change"

# The same field, field by field: the other's value taken.
edit_specifics "по звонку"
other --specifics "через портал" --unit "отдел приёма"
keys C-s
wait_for "Точку изменили и вы, и другой пользователь"
wait_for "«особенности»: у него «через портал», у вас «по звонку»"
keys 3
wait_for "Поле «особенности»: какое значение записать?"
wait_for "1 его: «через портал»"
wait_for "2 ваше: «по звонку»"
keys 1
wait_for "Сохранена точка 1.1"
show >"$WORK/tp"
grep -q "через портал" "$WORK/tp" || fail "the value picked was not saved"
grep -q "отдел приёма" "$WORK/tp" || fail "the other's unit was lost"
grep -q "по звонку" "$WORK/tp" && fail "the value not picked was saved"

# Keep mine: written over the other's value, knowingly.
edit_specifics "по звонку"
other --specifics "по почте"
keys C-s
wait_for "Точку изменили и вы, и другой пользователь"
keys 2
wait_for "Сохранена точка 1.1"
show | grep -q "по звонку" || fail "keep mine did not save mine"

# Reload: the form shows the other's value, nothing is written.
edit_specifics "в приёмной"
other --specifics "на сайте"
keys C-s
wait_for "Точку изменили и вы, и другой пользователь"
keys 1
wait_for "Не сохранено: точка перечитана"
wait_for "Особенности:               на сайте"
show | grep -q "на сайте" || fail "reload changed the list"
keys Escape
wait_for "Форма закрыта без сохранения"
quit_editor
tui_done
