#!/bin/sh
# The change log's screen (L): newest first, each entry with its local
# time, the real login, the trigger of п. 5.3 and old → new (values of
# several lines one under the other); filters by trigger (t, T), user (u)
# and days (d), cleared with c; a log longer than the pages it is read in
# scrolls to its end and back.
. "$TESTS_DIR/tui/lib.sh"

import_example
me=$(id -un)
"$PERECHEN" -d "$DB" tp set 2.2 --need "2.6.2:получение консультации по почте" \
	>/dev/null 2>&1 || fail "tp set"
"$PERECHEN" -d "$DB" tp exclude 2.4 --reason "канал не используется" \
	>/dev/null 2>&1 || fail "tp exclude"
"$PERECHEN" -d "$DB" tp add 2 --name "Чат-бот министерства" --kind "Чат-бот" \
	--channel цифровая --need "2.6.2:получение консультации" \
	>/dev/null 2>&1 || fail "tp add"

start_shell 120 40
open_editor
keys L
wait_for "Журнал изменений · основание: все · пользователь: все · дни: все"
# Newest first: the new touchpoint, the exclusion, the needs, the import.
screen | grep -n "  $me  " | cut -d: -f1 >"$WORK/heads"
[ "$(wc -l <"$WORK/heads")" = 4 ] || fail "not four entries by $me"
expect_line "$(sed -n 1p "$WORK/heads")" "  $me  5.3.1   2."
expect_line "$(sed -n 1p "$WORK/heads")" "Чат-бот министерства"
expect_line "$(sed -n 2p "$WORK/heads")" "  $me  5.3.4   2.4 Видеоконференцсвязь"
expect_line "$(sed -n 3p "$WORK/heads")" "  $me  5.3.3   2.2 Почта России"
expect_line "$(sed -n 4p "$WORK/heads")" "  $me  импорт  перечень"
today=$(date +%d.%m.%Y)
expect_line "$(sed -n 1p "$WORK/heads")" "$today "
expect_screen "  исключение: в перечне → исключена: канал не используется"
expect_screen "  потребности: получение консультации (п. 2.6.2) → получение консультации по почте (п. 2.6.2)"
# A value of several lines: было and стало one under the other.
expect_screen "    было:  —"
expect_screen "    стало: Чат-бот министерства"
expect_screen "           получение консультации (п. 2.6.2)"

# By trigger: t steps 5.3.1, 5.3.2, 5.3.3, 5.3.4, ред., импорт; T back.
keys t
wait_for "основание: 5.3.1 ·"
expect_screen "Чат-бот министерства"
expect_not_screen "Видеоконференцсвязь"
expect_not_screen "импорт  перечень"
keys t
wait_for "основание: 5.3.2 ·"
wait_for "Подходящих записей в журнале нет."
keys t t
wait_for "основание: 5.3.4 ·"
expect_screen "исключение: в перечне → исключена"
expect_not_screen "Чат-бот"
keys T
wait_for "основание: 5.3.3 ·"
expect_screen "2.2 Почта России"
expect_not_screen "исключение:"
keys c
wait_for "основание: все · пользователь: все"
expect_screen "Чат-бот министерства"

# By user: nobody else changed anything.
keys u
wait_for "Пользователь (учётная запись, пусто — все):"
tm send-keys -t t -l "nobody-else"
keys Enter
wait_for "пользователь: nobody-else"
wait_for "Подходящих записей в журнале нет."
keys u
wait_for "Пользователь (учётная запись"
tm send-keys -t t -l "$me"
keys Enter
wait_for "пользователь: $me"
expect_screen "Чат-бот министерства"
keys c
wait_for "пользователь: все"

# By days: a wrong date is said so; a year long ago has nothing; today
# has everything.
keys d
wait_for "С какого дня (ДД.ММ.ГГГГ, пусто — с начала):"
tm send-keys -t t -l "32.01.2024"
keys Enter
wait_for "Начало:"
expect_screen "дни: все"
keys d
wait_for "С какого дня"
tm send-keys -t t -l "01.01.2000"
keys Enter
wait_for "По какой день включительно"
tm send-keys -t t -l "2000-12-31"
keys Enter
wait_for "дни: 01.01.2000–31.12.2000"
wait_for "Подходящих записей в журнале нет."
keys d
wait_for "С какого дня"
tm send-keys -t t -l "$today"
keys Enter
wait_for "По какой день включительно"
keys Enter
wait_for "дни: $today–"
expect_screen "Чат-бот министерства"
expect_screen "импорт  перечень"
keys c
wait_for "дни: все"
keys Escape
wait_gone "Журнал изменений"
wait_for "1 ▾ Информирование"
quit_editor q

# A log longer than the pages it is read in (100 entries, 300 kept): 330
# entries of a day of their own, put straight into the database.
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "skip paging: no sqlite3"
	tui_done
	exit 0
fi
sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1
	FROM n WHERE i < 330) INSERT INTO change_log (at_utc, login, record,
	record_id, process_id, label, field, old_value, new_value, trigger)
	SELECT '2024-03-20T10:00:00Z', 'petrova', 'точка', 1, 1,
	'1.1 Пакет ' || i, 'наименование', 'было ' || i, 'стало ' || i, 0
	FROM n" || fail "sqlite3"
open_editor
keys L
wait_for "1.1 Пакет 330"
expect_screen "наименование: было 330 → стало 330"
# To the end a page at a time: the import is the oldest entry.
i=0
while [ $i -lt 40 ]; do keys NPage; i=$((i + 1)); done
wait_for "импорт  перечень"
expect_screen "1.1 Пакет 1"
expect_not_screen "Пакет 330"
# And back to the newest.
i=0
while [ $i -lt 40 ]; do keys PPage; i=$((i + 1)); done
wait_for "1.1 Пакет 330"
expect_not_screen "импорт  перечень"
# End and Home jump there.
keys End
wait_for "импорт  перечень"
keys Home
wait_for "1.1 Пакет 330"
# Line by line across the newest page's edge and back.
i=0
while [ $i -lt 210 ]; do keys j; i=$((i + 1)); done
wait_for "1.1 Пакет 225"
expect_not_screen "Пакет 330"
i=0
while [ $i -lt 210 ]; do keys k; i=$((i + 1)); done
wait_for "1.1 Пакет 330"
# The day filter finds exactly them; the user filter too.
keys d
wait_for "С какого дня"
tm send-keys -t t -l "20.03.2024"
keys Enter
wait_for "По какой день включительно"
tm send-keys -t t -l "20.03.2024"
keys Enter
wait_for "дни: 20.03.2024–20.03.2024"
keys End
wait_for "1.1 Пакет 1"
expect_not_screen "Чат-бот"
expect_not_screen "импорт  перечень"
keys c u
wait_for "Пользователь (учётная запись"
tm send-keys -t t -l "petrova"
keys Enter
wait_for "пользователь: petrova"
keys End
wait_for "1.1 Пакет 1"
expect_not_screen "импорт  перечень"
keys q
wait_gone "Журнал изменений"
quit_editor q
tui_done
