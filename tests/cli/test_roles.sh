#!/bin/sh
# Roles by Unix account (п. 2.2): the creator of a list is its authorised
# person; a unit editor changes only the touchpoints of their units; a
# viewer and an account without a role change nothing.  Each runs
# perechen under their own real uid (root runs the others with setpriv;
# the system accounts daemon, bin, sys and nobody stand in for clerks).
# A refused change leaves the list and its change log as they were.
. "$TESTS_DIR/cli/lib.sh"
P=$PERECHEN

# expect_line FILE REGEX: fail unless a line of FILE matches REGEX.
expect_line() {
	grep -qE -- "$2" "$1" || { cat "$1" >&2; fail "no line like '$2' in $1"; }
}

expect_status 0 "$P" users --help
expect_in "$WORK/out" "уполномоченный (authorised)"
expect_status 2 "$P" users
expect_status 2 "$P" users frobnicate

# The creator of a list is its first authorised person.
expect_status 0 "$P" -d "$DB" import -q "$EXAMPLE"
me=$(id -un)
expect_status 0 "$P" -d "$DB" users list
expect_line "$WORK/out" "^  $me  уполномоченное лицо  \(вы\)\$"

# Roles in Russian or English; an editor needs a unit, others none; the
# last authorised person stays.
expect_status 2 "$P" -d "$DB" users add clerk --role admin
expect_in "$WORK/err" "роль «admin» неизвестна"
expect_status 2 "$P" -d "$DB" users add clerk
expect_status 1 "$P" -d "$DB" users add clerk --role editor
expect_in "$WORK/err" "хотя бы одно подразделение"
expect_status 1 "$P" -d "$DB" users add clerk --role viewer --unit "отдел А"
expect_in "$WORK/err" "только редактору"
expect_status 1 "$P" -d "$DB" users add "bad login" --role viewer
expect_status 1 "$P" -d "$DB" users remove "$me"
expect_in "$WORK/err" "последнее уполномоченное лицо"
expect_status 1 "$P" -d "$DB" users remove nosuchclerk
expect_in "$WORK/err" "нет среди пользователей"

# Units of the example list: 2.2 is unit Б's, 2.3 unit А's.
expect_status 0 "$P" -d "$DB" tp set 2.2 --unit "отдел Б"
expect_status 0 "$P" -d "$DB" tp set 2.3 --unit "отдел А"
expect_status 0 "$P" -d "$DB" users add clerk --role редактор \
    --unit "Отдел А" --unit "отдел В"
expect_in "$WORK/out" "Назначено: clerk — редактор подразделений «Отдел А», «отдел В»."
expect_in "$WORK/err" "в перечне пока нет точек подразделения «отдел В»"
expect_status 0 "$P" -d "$DB" users add clerk --role наблюдатель
expect_in "$WORK/out" "Назначено: clerk — наблюдатель."
expect_status 0 "$P" -d "$DB" users remove clerk
expect_in "$WORK/out" "Снята роль: clerk — наблюдатель."
expect_status 0 "$P" -d "$DB" log --limit 1
expect_in "$WORK/out" "роль: наблюдатель → роль снята"

# A list made before roles existed records no users: it is open to all,
# and says so; the first "users add" records its runner as well.
if command -v sqlite3 >/dev/null 2>&1; then
	OLD="$WORK/old.db"
	expect_status 0 "$P" -d "$OLD" import -q "$EXAMPLE"
	sqlite3 "$OLD" "DELETE FROM users" || fail "sqlite3"
	expect_status 0 "$P" -d "$OLD" users list
	expect_in "$WORK/out" "перечень открыт для всех"
	expect_status 0 "$P" -d "$OLD" users add clerk --role editor \
	    --unit "отдел А"
	expect_in "$WORK/out" "теперь вы ($me) — уполномоченное лицо"
	expect_status 0 "$P" -d "$OLD" users list
	expect_line "$WORK/out" "^  $me +уполномоченное лицо  \(вы\)\$"
	expect_line "$WORK/out" "^  clerk +редактор подразделения «отдел А»\$"
else
	echo "skipped (no sqlite3): a list without users"
fi

if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1; then
	echo "skipped: needs root and setpriv to run as other accounts"
	exit 0
fi
for u in daemon bin sys nobody; do
	if ! getent passwd "$u" >/dev/null; then
		echo "skipped: no account $u to act as a clerk"
		exit 0
	fi
done

# The list where every clerk can write it: roles, not file modes, decide.
chmod 755 "$WORK"
SHARED="$WORK/shared"
mkdir "$SHARED"
chmod 777 "$SHARED"
L="$SHARED/l.db"
cp "$DB" "$L"
chmod 666 "$L"
cp "$P" "$WORK/perechen"
chmod 755 "$WORK/perechen"

# as USER ARGS...: perechen on the shared list as USER's real uid.
as() {
	_u=$1
	shift
	setpriv --reuid="$(id -u "$_u")" --regid="$(id -g "$_u")" \
		--clear-groups env HOME=/nonexistent \
		PERECHEN_SHARE="$PERECHEN_SHARE" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" \
		UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
		"$WORK/perechen" -d "$L" "$@"
}

# snapshot: the list and its change log as they stand.
snapshot() {
	"$P" -d "$L" export --format csv -o - >"$WORK/$1" 2>&1 ||
	    fail "export"
	"$P" -d "$L" log >>"$WORK/$1" 2>&1 || fail "log"
}

expect_status 0 "$P" -d "$L" users add daemon --role редактор \
    --unit "отдел А"
expect_status 0 "$P" -d "$L" users add bin --role editor --unit "отдел Б"
expect_status 0 "$P" -d "$L" users add sys --role наблюдатель
chmod 666 "$L"

# The editor of unit А may not change unit Б's touchpoint: the message
# says who may; nothing changes, nothing is logged.
snapshot before
expect_status 1 as daemon tp set 2.2 --name "Почта"
expect_in "$WORK/err" "изменять точки подразделения «отдел Б» может редактор этого подразделения или уполномоченное лицо; вы — редактор подразделения «отдел А»"
expect_status 1 as daemon tp exclude 2.2 --reason "закрыта"
expect_status 1 as daemon tp move 2.2 up
expect_status 1 as daemon tp add 2 --name "Чат-бот" --kind "Чат-бот" \
    --channel цифровая --need "2.6.2:консультация" --unit "отдел Б"
expect_in "$WORK/err" "добавлять точки подразделения «отдел Б»"
expect_status 1 as daemon tp set 2.3 --unit "отдел Б"
expect_in "$WORK/err" "передать точку подразделению «отдел Б»"
expect_status 1 as daemon process add "Приём обращений"
expect_in "$WORK/err" "процессы может уполномоченное лицо"
expect_status 1 as daemon init --org "Другой орган"
expect_in "$WORK/err" "заголовок перечня может уполномоченное лицо"
expect_status 1 as daemon approve --order 2 --date 20.03.2024
expect_in "$WORK/err" "утверждать редакции перечня"
expect_status 1 as daemon init --complete-revision 1
expect_in "$WORK/err" "утверждать редакции перечня"
expect_status 1 as daemon users add bin --role authorised
expect_in "$WORK/err" "назначать роли может уполномоченное лицо"
expect_status 1 as daemon review start
expect_in "$WORK/err" "проверять точки"
snapshot after
cmp -s "$WORK/before" "$WORK/after" ||
    fail "a refused change changed the list or its log"

# Its own unit's touchpoints it changes and adds; the log names it.
expect_status 0 as daemon tp set 2.3 --specifics "ответ в течение 30 дней"
expect_status 0 as daemon tp add 2 --name "Чат-бот" --kind "Чат-бот" \
    --channel цифровая --need "2.6.2:консультация" --unit "отдел А"
expect_status 0 "$P" -d "$L" log --user daemon
expect_in "$WORK/out" "daemon"
expect_in "$WORK/out" "ответ в течение 30 дней"
expect_in "$WORK/out" "Чат-бот"
# The other unit's editor changes unit Б's touchpoint.
expect_status 0 as bin tp set 2.2 --specifics "заказное письмо"

# A viewer reads, changes nothing; an account without a role neither.
snapshot before
expect_status 0 as sys tp show 2.2
expect_in "$WORK/out" "заказное письмо"
expect_status 0 as sys users list
expect_line "$WORK/out" "^  sys +наблюдатель  \(вы\)\$"
expect_status 1 as sys tp set 2.3 --name "Почта"
expect_in "$WORK/err" "; вы — наблюдатель"
expect_status 1 as sys tp exclude 2.2 --reason "x"
expect_status 1 as sys process rename 1 "Информирование клиентов"
expect_status 1 as sys publish --date 20.03.2024
expect_status 1 as sys settings page.size A3
expect_in "$WORK/err" "менять настройки печати может уполномоченное лицо"
expect_status 1 as nobody tp set 2.3 --name "Почта"
expect_in "$WORK/err" "вы — учётная запись «nobody», которой в перечне не назначена роль"
snapshot after
cmp -s "$WORK/before" "$WORK/after" ||
    fail "a viewer's refused change changed the list or its log"

# The authorised person changes anything, whoever's unit it is.
expect_status 0 "$P" -d "$L" tp set 2.2 --name "Почта России (ФГУП)"
expect_status 0 "$P" -d "$L" process add "Приём обращений"
# A role taken away takes the right with it.
expect_status 0 "$P" -d "$L" users remove daemon
chmod 666 "$L"
expect_status 1 as daemon tp set 2.3 --specifics "круглосуточно"
expect_in "$WORK/err" "не назначена роль"
echo ok
