#!/bin/sh
# perechen log: every change with its local time, the real login, its
# п. 5.3 trigger and old → new; newest first; filters.
. "$TESTS_DIR/cli/lib.sh"
P=$PERECHEN
me=$(id -un)

expect_status 1 "$P" -d "$DB" log
expect_status 0 "$P" log --help
expect_in "$WORK/out" "--trigger"

"$P" -d "$DB" import "$EXAMPLE" >/dev/null 2>&1 || fail "import"
expect_status 0 "$P" -d "$DB" log
expect_in "$WORK/out" "  $me  импорт  перечень"
expect_in "$WORK/out" "процессов 5, точек 19"

# The login is the real uid's, whatever $USER and $LOGNAME say.
env USER=impostor LOGNAME=impostor "$P" -d "$DB" tp set 2.2 \
    --need "2.6.2:получение консультации по почте" \
    --need "2.6.4:подача обращения" >/dev/null 2>&1 || fail "tp set"
"$P" -d "$DB" tp exclude 2.4 --reason "канал не используется" \
    >/dev/null 2>&1 || fail "tp exclude"
"$P" -d "$DB" tp add 2 --name "Чат-бот министерства" --kind "Чат-бот" \
    --channel цифровая --contact https://t.me/minprom67_bot \
    --contact info@example.ru --need "2.6.2:получение консультации" \
    --need "2.6.4:подача обращения" >/dev/null 2>&1 || fail "tp add"

expect_status 0 "$P" -d "$DB" log
cp "$WORK/out" "$WORK/all"
expect_not_in "$WORK/all" "impostor"
# Four entries, each headed by local time, the login and the trigger.
n=$(grep -cE "^[0-3][0-9]\.[01][0-9]\.[0-9]{4} [0-2][0-9]:[0-5][0-9]  $me  " \
    "$WORK/all")
[ "$n" = 4 ] || { cat "$WORK/all" >&2; fail "expected 4 entries, got $n"; }
# Newest first: the addition, the exclusion, the needs, the import.
grep -E "^[0-9]" "$WORK/all" | awk '{print $4}' | tr '\n' ' ' \
    >"$WORK/order"
[ "$(cat "$WORK/order")" = "5.3.1 5.3.4 5.3.3 импорт " ] ||
    fail "order of entries: $(cat "$WORK/order")"

# Old → new, multi-line values indented under было/стало; an added
# touchpoint's entry names its contacts.
cat >"$WORK/want" <<'EOF'
  5.3.3   2.2 Почта России
    потребности:
      было:  получение консультации (п. 2.6.2)
      стало: получение консультации по почте (п. 2.6.2)
             подача обращения (п. 2.6.4)
EOF
grep -A4 "  5.3.3   2.2 Почта России" "$WORK/all" | sed "s/^.*  $me  /  /" \
    >"$WORK/got"
diff -u "$WORK/want" "$WORK/got" || fail "needs entry"
expect_in "$WORK/all" "  5.3.4   2.4 Видеоконференцсвязь"
expect_in "$WORK/all" "    исключение: в перечне → исключена: канал не используется"
cat >"$WORK/want" <<'EOF'
  5.3.1   2.5 Чат-бот министерства
    новая точка:
      было:  —
      стало: Чат-бот министерства (Чат-бот, Цифровая точка)
             контакты: https://t.me/minprom67_bot, info@example.ru
             получение консультации (п. 2.6.2)
             подача обращения (п. 2.6.4)
EOF
grep -A6 "  5.3.1   2.5 Чат-бот" "$WORK/all" | sed "s/^.*  $me  /  /" \
    >"$WORK/got"
diff -u "$WORK/want" "$WORK/got" || fail "new touchpoint entry"

# Stored in UTC, shown in local time: three hours apart in Moscow.
TZ=UTC0 "$P" -d "$DB" log --limit 1 >"$WORK/utc" || fail "log TZ=UTC0"
TZ=MSK-3 "$P" -d "$DB" log --limit 1 >"$WORK/msk" || fail "log TZ=MSK-3"
hu=$(head -1 "$WORK/utc" | cut -c12-13)
hm=$(head -1 "$WORK/msk" | cut -c12-13)
[ $(( (${hu#0} + 3) % 24 )) = "${hm#0}" ] ||
    fail "UTC hour $hu, Moscow hour $hm"

# Filters: trigger, user, limit, days (ДД.ММ.ГГГГ and ISO).
expect_status 0 "$P" -d "$DB" log --trigger 5.3.3
[ "$(grep -c "^[0-9]" "$WORK/out")" = 1 ] || fail "--trigger 5.3.3"
expect_in "$WORK/out" "2.2 Почта России"
expect_status 0 "$P" -d "$DB" log --trigger импорт
expect_in "$WORK/out" "импорт  перечень"
[ "$(grep -c "^[0-9]" "$WORK/out")" = 1 ] || fail "--trigger импорт"
expect_status 0 "$P" -d "$DB" log --trigger ред
expect_in "$WORK/out" "Подходящих записей в журнале нет."
expect_status 2 "$P" -d "$DB" log --trigger 5.3.9
expect_in "$WORK/err" "5.3.9"
expect_status 0 "$P" -d "$DB" log --user "$me"
[ "$(grep -c "^[0-9]" "$WORK/out")" = 4 ] || fail "--user $me"
expect_status 0 "$P" -d "$DB" log --user nobody-at-all
expect_in "$WORK/out" "Подходящих записей в журнале нет."
expect_status 0 "$P" -d "$DB" log --limit 2
[ "$(grep -c "^[0-9]" "$WORK/out")" = 2 ] || fail "--limit 2"
expect_in "$WORK/out" "5.3.1"
expect_not_in "$WORK/out" "5.3.3"
expect_status 2 "$P" -d "$DB" log --limit 0
expect_status 2 "$P" -d "$DB" log --limit много

today=$(date +%d.%m.%Y)
iso=$(date +%Y-%m-%d)
expect_status 0 "$P" -d "$DB" log --since "$today" --until "$iso"
[ "$(grep -c "^[0-9]" "$WORK/out")" = 4 ] || fail "--since/--until today"
expect_status 0 "$P" -d "$DB" log --until 01.01.2024
expect_in "$WORK/out" "Подходящих записей в журнале нет."
expect_status 0 "$P" -d "$DB" log --since 31.12.9999
expect_in "$WORK/out" "Подходящих записей в журнале нет."
expect_status 0 "$P" -d "$DB" log --until 31.12.9999
[ "$(grep -c "^[0-9]" "$WORK/out")" = 4 ] || fail "--until 31.12.9999"
expect_status 2 "$P" -d "$DB" log --since 2024-13-01
expect_in "$WORK/err" "--since"
expect_status 2 "$P" -d "$DB" log лишнее

# Unfiltered, the log ends with what it adds up to against the latest
# revision - none before the first approval; an exclusion undone and a
# kind changed and changed back add up to nothing, though logged.
expect_status 0 "$P" -d "$DB" log
expect_not_in "$WORK/out" "Итог:"
"$P" -d "$DB" init --org "Министерство" --title "Перечень" >/dev/null 2>&1 ||
    fail "init"
"$P" -d "$DB" approve --order 1 --date "$today" --confirm-errors \
    >/dev/null 2>&1 || fail "approve"
"$P" -d "$DB" tp exclude 2.1 --reason x >/dev/null 2>&1 || fail "exclude"
"$P" -d "$DB" tp restore 2.1 >/dev/null 2>&1 || fail "restore"
"$P" -d "$DB" tp set 2.3 --kind Чат-бот >/dev/null 2>&1 || fail "kind"
"$P" -d "$DB" tp set 2.3 --kind "Электронная почта" >/dev/null 2>&1 ||
    fail "kind back"
expect_status 0 "$P" -d "$DB" log
expect_in "$WORK/out" "Итог: рабочая копия не отличается от редакции 1 — изменений нет."
expect_status 0 "$P" -d "$DB" log --limit 3
expect_not_in "$WORK/out" "Итог:"

# Data never reaches the terminal as control sequences.
esc=$(printf '\033')
"$P" -d "$DB" tp set 1.1 --name "Сайт${esc}[31m министерства" \
    >/dev/null 2>&1 || fail "tp set with ESC"
expect_status 0 "$P" -d "$DB" log --limit 1
expect_in "$WORK/out" "наименование"
if grep -q "$esc" "$WORK/out"; then fail "raw ESC in the log"; fi
exit 0
