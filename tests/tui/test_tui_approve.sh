#!/bin/sh
# Approval from the editor (A): the order's number and date in a dialog,
# checked as perechen approve checks them (shown in the dialog, nothing
# written), Esc cancels; on success the message line gives the deadline
# for the website (п. 5.4), the header follows, and perechen status, log
# and the revisions agree.
. "$TESTS_DIR/tui/lib.sh"

import_example
me=$(id -un)
start_shell 80 24
type_line "export PERECHEN_TODAY=25.03.2024"
open_editor
wait_line 1 "Перечень не утверждён (п. 5.1)"

# Esc: nothing happens.
keys A
wait_for "Утверждение перечня (п. 5.1)"
expect_screen "Дата приказа:    25.03.2024"
tm send-keys -t t -l "1-од"
keys Escape
wait_gone "Утверждение перечня"
expect_line 1 "Перечень не утверждён (п. 5.1)"

# No number; a date after today; a date that does not exist.
keys A
wait_for "Утверждение перечня (п. 5.1)"
keys Enter Enter
wait_for "Не утверждено: номер приказа должен быть непустой строкой"
keys Tab
tm send-keys -t t -l "27/01-01"
keys Tab C-u
tm send-keys -t t -l "26.03.2024"
keys Enter
wait_for "Не утверждено: дата приказа 26.03.2024 позже сегодняшней"
keys C-u
tm send-keys -t t -l "32.03.2024"
keys Enter
wait_for "Не утверждено: дата приказа:"
"$PERECHEN" -d "$DB" status --today 25.03.2024 >"$WORK/status" 2>&1
[ $? = 1 ] || fail "status after refusals"
grep -q "Перечень не утверждён" "$WORK/status" ||
	fail "a refused approval was recorded"

# Tue 19.03.2024 (ISO accepted): the 10th working day after is 02.04.2024.
keys C-u
tm send-keys -t t -l "2024-03-19"
keys Enter
wait_gone "Утверждение перечня"
wait_for "Утверждена редакция 1. Срок размещения на сайте — 02.04.2024 (п. 5.4)."
wait_line 1 "Не на сайте: срок 02.04.2024 · рабочая версия"
quit_editor q

expect_status() {
	want=$1
	shift
	"$@" >"$WORK/out" 2>&1
	got=$?
	[ "$got" = "$want" ] || { cat "$WORK/out" >&2; fail "$* exited $got, not $want"; }
}
expect_status 1 "$PERECHEN" -d "$DB" status --today 25.03.2024
grep -q "Утверждённая редакция перечня 1: приказ от 19.03.2024 № 27/01-01" \
	"$WORK/out" || fail "status does not name the revision"
grep -q "Редакция 1 не размещена на сайте (п. 5.2): срок — 02.04.2024" \
	"$WORK/out" || fail "status does not give the deadline"
grep -q "осталось рабочих дней: 6." "$WORK/out" || fail "days left"
expect_status 2 "$PERECHEN" -d "$DB" status --today 03.04.2024
expect_status 0 "$PERECHEN" -d "$DB" log --limit 1
grep -q "  $me  ред.    перечень" "$WORK/out" ||
	fail "the approval is not logged by $me"
grep -q "утверждение: — → редакция 1: приказ от 19.03.2024 № 27/01-01" \
	"$WORK/out" || fail "the approval's log entry"
expect_status 0 "$PERECHEN" -d "$DB" diff 1
grep -q "^Изменений нет.$" "$WORK/out" ||
	{ cat "$WORK/out" >&2; fail "the revision is not the list as it was"; }

# A change no review accepted holds the next approval back until the
# authorised person confirms it; the confirmation is logged.
"$PERECHEN" -d "$DB" tp set 1.2 --name "Электронная почта Министерства" \
	>/dev/null 2>&1 || fail "tp set"
open_editor
keys A
wait_for "Утверждение перечня (п. 5.1)"
tm send-keys -t t -l "31/01-01"
keys Enter Enter
wait_for "Утверждению мешают: изменённых и не принятых при проверке"
expect_screen "точек — 1 (точка 1.2 «Электронная почта Министерства» изменена"
expect_screen "Enter — утвердить всё равно"
# Typing takes the question back; Enter asks again.
keys BSpace
tm send-keys -t t -l "4"
wait_gone "Утверждению мешают"
keys Enter
wait_for "Утверждению мешают"
# Changed while the clerk read the question: the confirmation was for
# what the dialog showed, so it asks again about what is there now.
"$PERECHEN" -d "$DB" tp set 1.3 --specifics "по записи" >/dev/null 2>&1 ||
	fail "tp set 1.3"
keys Enter
wait_for "Перечень изменился, пока вы читали. Утверждению мешают:"
expect_screen "изменённых и не принятых при проверке точек — 2 (точка 1.2"
expect_line 1 "Не на сайте"
keys Enter
wait_gone "Утверждение перечня"
wait_for "Утверждена редакция 2 с подтверждением (записано в журнал)."
quit_editor q
expect_status 0 "$PERECHEN" -d "$DB" log --limit 2
grep -q "подтверждение утверждения: — → уполномоченное лицо подтвердило утверждение: точка 1.2 «Электронная почта Министерства» изменена и не принята при проверке" \
	"$WORK/out" || { cat "$WORK/out" >&2; fail "the confirmation is not logged"; }

# Errors of the rules too; Esc at the question approves nothing.
printf '№\tПроцесс взаимодействия с клиентом\tТочка взаимодействия\tУдовлетворяемые потребности клиента\tОсобенности взаимодействия с клиентом\tКонтакты\n1\tКонсультирование\tНечто непонятное\tполучение консультации\tЦифровая точка\totdel@yandex\n' \
	>"$WORK/errors.tsv"
DB="$WORK/errors.db"
"$PERECHEN" -d "$DB" import -q "$WORK/errors.tsv" >/dev/null 2>&1 ||
	fail "import with an error"
open_editor
# Without its header (R0) the message line says so, and the dialog
# refuses with no question to confirm: Enter again refuses again.
wait_for "Заголовок перечня не заполнен (п. 5.1): E — заполнить"
keys A
wait_for "Утверждение перечня (п. 5.1)"
tm send-keys -t t -l "1"
keys Enter Enter
wait_for "Не утверждено: заголовок перечня не заполнен (п. 5.1,"
expect_screen "нет органа (ОИВ), заглавия"
expect_not_screen "утвердить всё равно"
keys Enter
wait_for "Не утверждено: заголовок перечня не заполнен (п. 5.1,"
keys Escape
wait_gone "Утверждение перечня"
"$PERECHEN" -d "$DB" status --today 25.03.2024 >"$WORK/status" 2>&1
grep -q "Перечень не утверждён" "$WORK/status" ||
	fail "approved without the header"
# Filled in the header form (E), the error of the rules is what is left.
keys E
wait_for "▸ Орган (ОИВ):"
tm send-keys -t t -l "Комитет по тарифам"
wait_for "В грифе «приказом …»:      Комитета по тарифам"
keys Tab Tab
wait_for "▸ Заглавие"
tm send-keys -t t -l "точек взаимодействия"
keys F2
wait_for "Заголовок перечня сохранён"
wait_gone "Заголовок перечня не заполнен"
keys A
wait_for "Утверждение перечня (п. 5.1)"
tm send-keys -t t -l "1"
keys Enter Enter
wait_for "Утверждению мешают: ошибок по правилам Порядка — 1 (точка"
expect_screen "контакт «otdel@yandex» точки «Нечто непонятное»"
keys Escape
wait_gone "Утверждение перечня"
expect_line 1 "Перечень не утверждён (п. 5.1)"
quit_editor q

# A list with nothing in it cannot be approved.
DB="$WORK/empty.db"
"$PERECHEN" -d "$DB" init --org "Комитет" --title "т" >/dev/null 2>&1 ||
	fail "init"
open_editor
keys A
wait_for "Утверждение перечня (п. 5.1)"
tm send-keys -t t -l "5"
keys Enter Enter
wait_for "Не утверждено: в перечне нет ни одной точки взаимодействия"
keys Escape
wait_gone "Утверждение перечня"
quit_editor q
tui_done
