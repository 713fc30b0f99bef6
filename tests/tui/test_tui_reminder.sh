#!/bin/sh
# The reminder of п. 5.3-5.4 in the editor's header line and on its own
# screen (R): never approved; approved and awaiting the website, then
# overdue (emphasised: red where there is colour, out of the reverse bar on
# vt100); an exclusion undone leaves nothing due; changes made while the
# editor is open show at the next key, in full on a wide terminal and in
# brief at 80 columns; a late approval stays late.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 160 40
# Never approved.
open_editor
wait_line 1 "Перечень не утверждён (п. 5.1) · рабочая версия"
expect_line 1 "Министерство промышленности и торговли Смоленской области"
keys R
wait_for "Напоминание (п. 5.3–5.4) на"
expect_screen "Перечень не утверждён: утвердите его приказом (п. 5.1)"
expect_screen "загрузка перечня из файла (импорт): 1"
keys R
wait_gone "Напоминание (п. 5.3–5.4)"
quit_editor q

# Approved on Tue 19.03.2024: on the website by 02.04.2024.
"$PERECHEN" -d "$DB" approve --order 27/01-01 --date 19.03.2024 \
	--today 25.03.2024 >"$WORK/approve.out" 2>&1 ||
	{ cat "$WORK/approve.out" >&2; fail "approve"; }
type_line "export PERECHEN_TODAY=25.03.2024"
open_editor
wait_line 1 "Ред. 1 от 19.03.2024 · Размещение редакции 1 на сайте: срок 02.04.2024, осталось рабочих дней: 6 · рабочая версия"
expect_line 1 "Министерство промышленности"
keys R
wait_for "Напоминание (п. 5.3–5.4) на 25.03.2024, понедельник"
expect_screen "Утверждённая редакция перечня 1: приказ от 19.03.2024 № 27/01-01"
expect_screen "Редакция 1 не размещена на сайте (п. 5.2): срок — 02.04.2024"
expect_screen "A — утвердить перечень приказом"
expect_not_screen "ПРОСРОЧЕНО"
keys Escape
wait_gone "Напоминание (п. 5.3–5.4)"
quit_editor q

# A day after the deadline: overdue, emphasised.
type_line "export PERECHEN_TODAY=03.04.2024"
open_editor
wait_line 1 "ПРОСРОЧЕНО: размещение редакции 1 на сайте, срок истёк 02.04.2024 · рабочая версия"
tm capture-pane -e -p -t t | head -n 1 | grep -q "41mПРОСРОЧЕНО" ||
	fail "overdue is not red in the header"
keys R
wait_for "ПРОСРОЧЕНО: редакция 1 не размещена на сайте"
tm capture-pane -e -p -t t | grep -q "41mПРОСРОЧЕНО: редакция 1" ||
	fail "overdue is not red on the reminder's screen"
keys q
wait_gone "Напоминание (п. 5.3–5.4)"
quit_editor q
start_shell 160 40 vt100
type_line "export PERECHEN_TODAY=03.04.2024"
open_editor
wait_line 1 "ПРОСРОЧЕНО: размещение редакции 1"
# No colour: the bar is reverse, the overdue part bold and not reversed.
esc=$(printf '\033')
tm capture-pane -e -p -t t | head -n 1 |
	grep -qE "${esc}\\[0;1m(${esc}\\[[0-9;]*m)*ПРОСРОЧЕНО" ||
	fail "overdue does not stand out of the bar on vt100"
quit_editor q

# Published; then changes under п. 5.3 while the editor is open, dated
# today by the clock: due within 10 working days from today.
"$PERECHEN" -d "$DB" publish --date 01.04.2024 >/dev/null 2>&1 ||
	fail "publish"
today=$(date +%d.%m.%Y)
due=$("$PERECHEN" calendar workdays "$today" 10 2>/dev/null)
[ -n "$due" ] || fail "calendar workdays"
start_shell 160 40
open_editor
wait_line 1 "Ред. 1 от 19.03.2024 · рабочая версия"

# An exclusion undone in the editor leaves the list as approved: nothing
# is due, however many entries the log got.
keys j j j j j j j j
wait_for "Процесс 2 из 5, точка 2"
keys x
wait_for "Причина исключения"
tm send-keys -t t -l "по ошибке"
keys Enter
wait_line 1 "Требуется актуализация перечня (п. 5.3): срок $due"
keys u
wait_for "Отменено: исключение точки"
wait_line 1 "Ред. 1 от 19.03.2024 · рабочая версия"
keys R
wait_for "Действий не требуется"
expect_not_screen "Требуется актуализация"
keys R
wait_gone "Напоминание (п. 5.3–5.4)"
keys g

"$PERECHEN" -d "$DB" tp set 2.2 --need "2.6.2:получение консультации по почте" \
	>/dev/null 2>&1 || fail "tp set"
"$PERECHEN" -d "$DB" tp exclude 2.4 --reason "канал не используется" \
	>/dev/null 2>&1 || fail "tp exclude"
keys j
wait_line 1 "Требуется актуализация перечня (п. 5.3): срок $due"
expect_line 1 "Ред. 1 от 19.03.2024 · "
keys R
wait_for "Требуется актуализация перечня (п. 5.3): после утверждения редакции 1 внесено изменений: 2, первое — $today."
expect_screen "  изменение удовлетворяемых потребностей (п. 5.3.3): 1"
expect_screen "  исключение точки взаимодействия (п. 5.3.4): 1"
keys R

# At 80 columns the brief wording, the title given up for it but for
# the body's initials.
tm resize-window -t t -x 80 -y 24
wait_line 1 "Требуется актуализация (п. 5.3): 2 изм., срок $due"
expect_line 1 " · рабочая версия"
expect_line 1 "МПТСО Требуется"
expect_not_screen "Министерство"
quit_editor q

# Approved two working days after the deadline: the header and the
# screen say the actualisation is late, not that a later deadline holds.
late=$("$PERECHEN" calendar workdays "$today" 12 2>/dev/null)
[ -n "$late" ] || fail "calendar workdays 12"
"$PERECHEN" -d "$DB" init \
	--org "Министерство промышленности и торговли Смоленской области" \
	--title "Перечень точек взаимодействия с клиентом" >/dev/null 2>&1 ||
	fail "init"
"$PERECHEN" -d "$DB" approve --order 31/01-01 --date "$late" --today "$late" \
	--confirm-unreviewed >"$WORK/approve.out" 2>&1 ||
	{ cat "$WORK/approve.out" >&2; fail "late approve"; }
start_shell 160 40
type_line "export PERECHEN_TODAY=$late"
open_editor
wait_line 1 "ПРОСРОЧЕНО: актуализация перечня (п. 5.3), срок истёк $due"
keys R
wait_for "срок актуализации $due пропущен на 2 раб. дн."
expect_not_screen "соблюдён"
keys R
wait_gone "Напоминание (п. 5.3–5.4)"
quit_editor q
tui_done
