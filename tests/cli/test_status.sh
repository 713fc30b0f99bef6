#!/bin/sh
# perechen status / approve / publish: the reminder of п. 5.1-5.4 with its
# deadlines and exit codes (0 nothing due, 1 due, 2 overdue, 3 failure),
# and the /etc/profile.d snippet that greets a clerk with it.
. "$TESTS_DIR/cli/lib.sh"
P=$PERECHEN

# No database: the status cannot be known.
expect_status 3 "$P" -d "$DB" status
expect_in "$WORK/err" "perechen: status:"
[ -s "$WORK/out" ] && fail "status printed a reminder without a database"
expect_status 3 "$P" -d "$DB" status --bogus
expect_status 0 "$P" status --help
expect_in "$WORK/out" "Код возврата"

"$P" -d "$DB" import "$EXAMPLE" >/dev/null 2>&1 || fail "import"

# Never approved: action due under п. 5.1.
expect_status 1 "$P" -d "$DB" status --today 01.03.2024
expect_in "$WORK/out" "на 01.03.2024 (пятница)"
expect_in "$WORK/out" "Перечень не утверждён"
expect_in "$WORK/out" "(п. 5.1)"
expect_in "$WORK/out" "perechen approve --order"

# Change a touchpoint's needs, exclude another, add a third.
"$P" -d "$DB" tp set 2.2 --need "2.6.2:получение консультации по почте" \
    >/dev/null 2>&1 || fail "tp set"
"$P" -d "$DB" tp exclude 2.4 --reason "канал не используется" \
    >/dev/null 2>&1 || fail "tp exclude"
"$P" -d "$DB" tp add 2 --name "Чат-бот министерства" --kind "Чат-бот" \
    --channel цифровая --need "2.6.2:получение консультации" \
    >/dev/null 2>&1 || fail "tp add"
expect_status 1 "$P" -d "$DB" status
expect_in "$WORK/out" "(п. 5.3.1): 1"
expect_in "$WORK/out" "(п. 5.3.3): 1"
expect_in "$WORK/out" "(п. 5.3.4): 1"
expect_in "$WORK/out" "загрузка перечня из файла (импорт): 1"
expect_not_in "$WORK/out" "5.3.2"

# Approval: revision 1, to be published by the 10th working day after
# the order of Tue 19.03.2024 (counting from the next day) - 02.04.2024.
expect_status 2 "$P" -d "$DB" approve --order 27/01-01
expect_in "$WORK/err" "--date"
expect_status 2 "$P" -d "$DB" approve --order 27/01-01 --date 32.03.2024
expect_status 2 "$P" -d "$DB" approve --order 27/01-01 --date 26.03.2024 \
    --today 25.03.2024
expect_in "$WORK/err" "позже сегодняшней"
expect_status 0 "$P" -d "$DB" approve --order 27/01-01 --date 19.03.2024 \
    --today 25.03.2024
expect_in "$WORK/out" "Перечень утверждён: редакция 1."
expect_in "$WORK/out" "приказ от 19.03.2024 № 27/01-01"
expect_in "$WORK/out" "срок — 02.04.2024"
expect_in "$WORK/out" "осталось рабочих дней: 6."

expect_status 1 "$P" -d "$DB" status --today 25.03.2024
expect_in "$WORK/out" "Редакция 1 не размещена на сайте (п. 5.2): срок — 02.04.2024"
expect_in "$WORK/out" "осталось рабочих дней: 6."
expect_not_in "$WORK/out" "ПРОСРОЧЕНО"
expect_not_in "$WORK/out" "Требуется актуализация"
expect_in "$WORK/out" "perechen publish --date"
# ISO dates are accepted as well.
expect_status 1 "$P" -d "$DB" status --today 2024-04-02
expect_in "$WORK/out" "срок истекает сегодня"
expect_status 2 "$P" -d "$DB" status --today 03.04.2024
expect_in "$WORK/out" "ПРОСРОЧЕНО: редакция 1 не размещена на сайте"
expect_in "$WORK/out" "срок истёк 02.04.2024"
# $PERECHEN_TODAY stands for --today; --today wins over it.
expect_status 2 env PERECHEN_TODAY=03.04.2024 "$P" -d "$DB" status
expect_status 1 env PERECHEN_TODAY=03.04.2024 "$P" -d "$DB" status \
    --today 25.03.2024
expect_status 3 env PERECHEN_TODAY=вчера "$P" -d "$DB" status
expect_in "$WORK/err" "PERECHEN_TODAY"
expect_status 3 "$P" -d "$DB" status --today 31.02.2024

# Publication: not before the order, not after today, known revisions only.
expect_status 1 "$P" -d "$DB" publish --date 18.03.2024
expect_in "$WORK/err" "раньше даты приказа"
expect_status 1 "$P" -d "$DB" publish --date 01.04.2024 --revision 2
expect_in "$WORK/err" "редакции 2 нет"
expect_status 2 "$P" -d "$DB" publish
expect_status 0 "$P" -d "$DB" publish --date 01.04.2024 \
    --url https://promtorg.admin-smolensk.ru/perechen
expect_in "$WORK/out" "размещена на сайте 01.04.2024: https://promtorg.admin-smolensk.ru/perechen"
expect_in "$WORK/out" "Срок размещения (п. 5.4: 10-й рабочий день после даты приказа, 02.04.2024) соблюдён."
expect_status 0 "$P" -d "$DB" status --today 03.04.2024
expect_in "$WORK/out" "размещена на сайте 01.04.2024"
expect_in "$WORK/out" "Действий не требуется"
# The publication's own log entry is no change of the list.
expect_not_in "$WORK/out" "Редакционных правок"
expect_status 0 "$P" -d "$DB" status --quiet --today 03.04.2024
[ -s "$WORK/out" ] && fail "status --quiet printed with nothing due"

# An editorial change needs no actualisation, but is shown; as of a day
# before it was made (the log says today), it is not there yet.
"$P" -d "$DB" tp set 1.2 --name "Электронная почта Министерства" \
    >/dev/null 2>&1 || fail "tp set name"
expect_status 0 "$P" -d "$DB" status
expect_in "$WORK/out" "Редакционных правок после утверждения (актуализации не требуют): 1."
expect_status 0 "$P" -d "$DB" status --today 03.04.2024
expect_not_in "$WORK/out" "Редакционных правок"

# A change under п. 5.3 after approval: due within 10 working days from
# the day of the change (today, as the clock says), then overdue.
"$P" -d "$DB" tp set 2.1 --kind "Почта России" >/dev/null 2>&1 ||
    fail "tp set kind"
today=$(date +%d.%m.%Y)
due=$("$P" calendar workdays "$today" 10 2>/dev/null)
after=$("$P" calendar workdays "$today" 11 2>/dev/null)
[ -n "$due" ] && [ -n "$after" ] || fail "calendar workdays"
expect_status 1 "$P" -d "$DB" status
expect_in "$WORK/out" "Требуется актуализация перечня (п. 5.3): после утверждения редакции 1 внесено изменений: 1, первое — $today."
expect_in "$WORK/out" "изменение вида точки взаимодействия (п. 5.3.2): 1"
expect_in "$WORK/out" "(п. 5.4) — $due (10 рабочих дней со дня первого изменения)"
expect_in "$WORK/out" "perechen diff"
expect_status 1 "$P" -d "$DB" status --quiet --today "$due"
expect_in "$WORK/out" "Требуется актуализация"
expect_status 2 "$P" -d "$DB" status --today "$after"
expect_in "$WORK/out" "ПРОСРОЧЕНО: требуется актуализация перечня (п. 5.3)"
expect_in "$WORK/out" "истёк $due"

# A new revision takes the change in; once published, nothing is due.
# (No review accepted the changes: the approval confirms that.)
expect_status 0 "$P" -d "$DB" approve --order 31/01-01 --date "$today" \
    --confirm-unreviewed
expect_in "$WORK/out" "Перечень утверждён: редакция 2."
expect_status 1 "$P" -d "$DB" status
expect_not_in "$WORK/out" "Требуется актуализация"
expect_in "$WORK/out" "Редакция 2 не размещена"
expect_status 0 "$P" -d "$DB" publish --date "$today"
expect_status 0 "$P" -d "$DB" status

# A deadline in a year the calendar does not cover says so.
DB2="$WORK/t2.db"
"$P" -d "$DB2" import "$EXAMPLE" >/dev/null 2>&1 || fail "import 2"
expect_status 0 "$P" -d "$DB2" approve --order 1 --date 20.12.2028 \
    --today 21.12.2028
expect_in "$WORK/out" "Примечание к сроку 03.01.2029"
expect_status 1 "$P" -d "$DB2" status --today 21.12.2028
expect_in "$WORK/out" "срок — 03.01.2029"
expect_in "$WORK/out" "приблизительно: год 2028 не входит в календарь"
expect_status 2 "$P" -d "$DB2" status --today 09.01.2029
expect_in "$WORK/out" "приблизительно"

# Without the shipped calendar the status cannot be worked out.
mkdir "$WORK/noshare"
expect_status 3 env PERECHEN_SHARE="$WORK/noshare" "$P" -d "$DB" status
expect_in "$WORK/err" "calendar"

# Approving needs a list with something in it.
DB3="$WORK/t3.db"
"$P" -d "$DB3" init >/dev/null 2>&1 || fail "init"
expect_status 1 "$P" -d "$DB3" approve --order 1 --date 19.03.2024
expect_in "$WORK/err" "утверждать нечего"
expect_status 1 "$P" -d "$DB3" publish --date 19.03.2024
expect_in "$WORK/err" "ещё не утверждён"

# The reminder follows what differs from the approved revision, not how
# many entries the log got: an exclusion undone, a need added and removed
# again, a kind changed and changed back leave nothing due.
# fresh_list DB: the example imported, with its header (approve needs it).
fresh_list() {
	"$P" -d "$1" import "$EXAMPLE" >/dev/null 2>&1 || fail "import $1"
	"$P" -d "$1" init \
	    --org "Министерство промышленности и торговли Смоленской области" \
	    --title "Перечень точек взаимодействия с клиентом" >/dev/null 2>&1 ||
	    fail "init $1"
}
DB4="$WORK/t4.db"
fresh_list "$DB4"
quiet4() {
	"$P" -d "$DB4" "$@" >/dev/null 2>&1 || fail "$*"
}
quiet4 approve --order 27/01-01 --date 19.03.2024 --today 25.03.2024
quiet4 publish --date 01.04.2024 --today 25.04.2024
quiet4 tp exclude 2.4 --reason "канал не используется"
expect_status 1 "$P" -d "$DB4" status
expect_in "$WORK/out" "исключение точки взаимодействия (п. 5.3.4): 1"
quiet4 tp restore 2.4
quiet4 tp set 2.2 --need "2.6.2:получение консультации" \
    --need "2.6.4:подача обращения"
quiet4 tp set 2.2 --need "2.6.2:получение консультации"
quiet4 tp set 2.1 --kind "Почта России"
quiet4 tp set 2.1 --kind "Телефонная связь"
expect_status 0 "$P" -d "$DB4" status
expect_in "$WORK/out" "Действий не требуется"
expect_not_in "$WORK/out" "Требуется актуализация"
expect_not_in "$WORK/out" "изм."
expect_status 0 "$P" -d "$DB4" diff
expect_in "$WORK/out" "Изменений нет."

# The deadline runs from the change that persists: one undone earlier
# does not start it, and a kind is one change, not two.
quiet4 tp set 2.1 --kind "Чат-бот" --channel цифровая
expect_status 1 "$P" -d "$DB4" status
expect_in "$WORK/out" "внесено изменений: 1, первое — $today."
expect_in "$WORK/out" "изменение вида точки взаимодействия (п. 5.3.2): 1"
# As of yesterday none of it had happened.
yesterday=$(date -d yesterday +%d.%m.%Y 2>/dev/null)
if [ -n "$yesterday" ]; then
	expect_status 0 "$P" -d "$DB4" status --today "$yesterday"
	expect_not_in "$WORK/out" "Требуется актуализация"
fi

# Approved two working days after the deadline: late, and it stays late
# on record - in status before and after the publication, and in what
# publish says, whatever the publication's own deadline.
late=$("$P" calendar workdays "$today" 12 2>/dev/null)
later=$("$P" calendar workdays "$today" 13 2>/dev/null)
[ -n "$late" ] && [ -n "$later" ] || fail "calendar workdays 12, 13"
quiet4 approve --order 31/01-01 --date "$late" --today "$late" \
    --confirm-unreviewed
expect_status 2 "$P" -d "$DB4" status --today "$late"
expect_in "$WORK/out" "ПРОСРОЧЕНО: актуализация по изменениям с $today (п. 5.3) не завершена: срок актуализации $due пропущен на 2 раб. дн."
expect_status 0 "$P" -d "$DB4" publish --date "$later" --today "$later"
expect_in "$WORK/out" "соблюдён."
expect_in "$WORK/out" "проведена с опозданием: срок актуализации $due пропущен на 3 раб. дн."
expect_status 0 "$P" -d "$DB4" status --today "$later"
expect_in "$WORK/out" "срок актуализации $due пропущен на 3 раб. дн."
expect_not_in "$WORK/out" "срок актуализации $due соблюдён"
expect_in "$WORK/out" "Действий не требуется"
quiet4 review start --scope all
expect_status 0 env PERECHEN_TODAY="$later" "$P" -d "$DB4" review --report
expect_in "$WORK/out" "Сроки (п. 5.3–5.4) на $later:"
expect_in "$WORK/out" "срок актуализации $due пропущен на 3 раб. дн."

# After a load from a file every record is compared, not only those the
# log names: status and diff agree on the counts.
DB6="$WORK/t6.db"
fresh_list "$DB6"
"$P" -d "$DB6" approve --order 1 --date 19.03.2024 --today 25.03.2024 \
    >/dev/null 2>&1 || fail "approve 6"
sed 's/Почта России/Почтовая связь России/' "$EXAMPLE" >"$WORK/mod.tsv"
"$P" -d "$DB6" import --replace "$WORK/mod.tsv" >/dev/null 2>&1 ||
    fail "import --replace 6"
expect_status 2 "$P" -d "$DB6" status
expect_in "$WORK/out" "внесено изменений: 1, первое — $today."
expect_in "$WORK/out" "изменение вида точки взаимодействия (п. 5.3.2): 1"
expect_in "$WORK/out" "Редакционных правок после утверждения (актуализации не требуют): 2."
expect_status 0 "$P" -d "$DB6" diff --summary
expect_in "$WORK/out" "Основания актуализации (п. 5.3): 5.3.2 — 1; редакционных изменений: 2."

# On time: approved and published by the deadline.
DB5="$WORK/t5.db"
fresh_list "$DB5"
"$P" -d "$DB5" approve --order 1 --date 19.03.2024 --today 25.03.2024 \
    >/dev/null 2>&1 || fail "approve 5"
"$P" -d "$DB5" tp exclude 2.4 --reason "не используется" >/dev/null 2>&1 ||
    fail "exclude 5"
"$P" -d "$DB5" approve --order 2 --date "$today" --confirm-unreviewed \
    >/dev/null 2>&1 || fail "approve 5 again"
expect_status 0 "$P" -d "$DB5" publish --date "$today"
expect_in "$WORK/out" "срок актуализации $due соблюдён (приказ от $today, размещена на сайте $today)."
expect_not_in "$WORK/out" "пропущен"

# The login snippet: interactive shells only, quiet when nothing is due
# or there is no list, $PERECHEN_DB honoured, never failing the login.
SNIPPET="$PERECHEN_SHARE/profile.d/perechen.sh"
sh -n "$SNIPPET" || fail "snippet syntax"
mkdir "$WORK/bin"
ln -s "$P" "$WORK/bin/perechen"
greet() {
	# greet DB TODAY FLAGS: source the snippet as a login shell would.
	env -u ENV PATH="$WORK/bin:$PATH" PERECHEN_DB="$1" \
	    PERECHEN_TODAY="$2" sh $3 -c ". '$SNIPPET'; echo login-ok" \
	    >"$WORK/greet" 2>/dev/null </dev/null
}
greet "$DB2" 21.12.2028 -i || fail "snippet failed the login"
expect_in "$WORK/greet" "Редакция 1 не размещена на сайте"
expect_in "$WORK/greet" "login-ok"
greet "$DB2" 09.01.2029 -i || fail "snippet failed the login (overdue)"
expect_in "$WORK/greet" "ПРОСРОЧЕНО"
expect_in "$WORK/greet" "login-ok"
greet "$DB2" 21.12.2028 "" || fail "snippet failed a non-interactive shell"
expect_not_in "$WORK/greet" "Редакция"
expect_in "$WORK/greet" "login-ok"
greet "$DB" "$today" -i || fail "snippet failed the login (nothing due)"
[ "$(cat "$WORK/greet")" = "login-ok" ] || fail "snippet spoke with nothing due"
greet "$WORK/none.db" "$today" -i || fail "snippet failed without a list"
[ "$(cat "$WORK/greet")" = "login-ok" ] || fail "snippet spoke without a list"
[ -e "$WORK/none.db" ] && fail "snippet created a database"
exit 0
