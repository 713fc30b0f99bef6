#!/bin/sh
# Shared lists (-l NAME) in a directory standing for /var/lib/perechen:
# names checked, created only by the administrator with --owner, roles by
# the real uid of a second account, perechen lists and lists --status
# (three lists: clean, due, overdue -> overdue first, exit 2; csv, html).
# Needs root (the administrator), setpriv and useradd.
. "$TESTS_DIR/cli/lib.sh"

if [ "$(id -u)" != 0 ]; then
	echo "SKIP: needs root (creating a shared list is the administrator's)"
	exit 0
fi
skip_without setpriv useradd groupadd
GROUP="prc_grp_$$"
groupadd "$GROUP" 2>/dev/null || { echo "SKIP: groupadd failed"; exit 0; }
OWNER="prc_own_$$"
CLERK="prc_clk_$$"
for u in "$OWNER" "$CLERK"; do
	useradd -M -N -s /bin/false "$u" 2>/dev/null ||
	    { echo "SKIP: useradd $u failed"; exit 0; }
done
trap 'userdel "$OWNER" 2>/dev/null; userdel "$CLERK" 2>/dev/null;
    groupdel "$GROUP" 2>/dev/null; rm -rf "$WORK"' EXIT
chmod 755 "$WORK"
# The lists' directory as the package makes it: root:GROUP 2770.
LISTS="$WORK/lists"
mkdir "$LISTS"
chgrp "$GROUP" "$LISTS"
chmod 2770 "$LISTS"
GID=$(getent group "$GROUP" | cut -d: -f3)
cp "$PERECHEN" "$WORK/perechen"
chmod 755 "$WORK/perechen"
export PERECHEN_LISTS_DIR="$LISTS"
P="$WORK/perechen"

# as USER ARGS...: perechen as USER's real uid, reaching the directory
# through a supplementary group (a set-group-id binary ignores
# PERECHEN_LISTS_DIR: test_deb.sh tests the installed one).
as() {
	_u=$1
	shift
	setpriv --reuid="$(id -u "$_u")" --regid="$(id -g "$_u")" \
		--groups="$GID" env HOME=/nonexistent \
		PERECHEN_SHARE="$PERECHEN_SHARE" PERECHEN_LISTS_DIR="$LISTS" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" \
		UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" "$P" "$@"
}

# Names that would leave the directory or hide are refused.
for bad in ../x a/b .hidden "" \
    xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; do
	expect_status 2 "$P" -l "$bad" init --owner "$OWNER"
done
expect_status 2 "$P" -d "$WORK/x.db" -l a lists
expect_in "$WORK/err" "-d и -l вместе не задаются"

# Only the administrator creates one, naming its authorised person.
expect_status 1 as "$OWNER" -l minfin init --owner "$OWNER"
expect_in "$WORK/err" "создаёт его администратор"
expect_status 1 "$P" -l minfin tp list
expect_in "$WORK/err" "общего перечня «minfin» нет"
expect_status 1 "$P" -l minfin init --owner "nobody_such_$$"
expect_status 0 "$P" -l minfin init --owner "$OWNER"
expect_in "$WORK/out" "уполномоченное лицо — $OWNER"
[ "$(stat -c %a:%G "$LISTS/minfin.db")" = "660:$GROUP" ] ||
    fail "mode of the list: $(stat -c %a:%G "$LISTS/minfin.db")"
expect_status 1 "$P" -l minfin init --owner "$OWNER"
expect_in "$WORK/err" "уже есть"
# PERECHEN_LIST names it too.
PERECHEN_LIST=minfin expect_status 0 as "$OWNER" users list
expect_in "$WORK/out" "$OWNER"

# The owner fills it and gives the clerk a unit; the clerk is who the
# real uid says, whatever USER or LOGNAME claim.
expect_status 0 as "$OWNER" -l minfin import --quiet "$EXAMPLE"
expect_status 0 as "$OWNER" -l minfin users add "$CLERK" --role редактор \
	--unit "отдел"
expect_status 0 as "$OWNER" -l minfin tp set 1.1 --unit "отдел"
expect_status 0 env USER="$OWNER" LOGNAME="$OWNER" setpriv \
	--reuid="$(id -u "$CLERK")" --regid="$(id -g "$CLERK")" \
	--groups="$GID" env PERECHEN_SHARE="$PERECHEN_SHARE" \
	PERECHEN_LISTS_DIR="$LISTS" "$P" -l minfin tp set 1.1 --specifics "ок"
expect_status 1 as "$CLERK" -l minfin users add "$CLERK" --role уполномоченный
expect_status 0 as "$CLERK" -l minfin log
expect_in "$WORK/out" "$CLERK"

# perechen lists: where the account has a role.
expect_status 0 as "$CLERK" lists
expect_in "$WORK/out" "minfin"
expect_in "$WORK/out" "редактор подразделения"
expect_status 2 as "$CLERK" lists --all
expect_status 0 "$P" lists --all
expect_in "$WORK/out" "minfin"

# --- lists --status on three lists: clean, due, overdue.
fill() {
	expect_status 0 "$P" -l "$1" init --owner "$OWNER"
	expect_status 0 as "$OWNER" -l "$1" import --quiet "$EXAMPLE"
	expect_status 0 as "$OWNER" -l "$1" init --org "$2" \
		--title "Перечень точек взаимодействия" --area "финансы"
	expect_status 0 as "$OWNER" -l "$1" approve --order "$3" --date "$4" \
		--today "$4" --confirm-errors
}
fill clean "Министерство чистоты" 10 20.11.2026
expect_status 0 as "$OWNER" -l clean publish --date 20.11.2026 \
	--today 20.11.2026
fill due "Министерство сроков" 11 20.11.2026
expect_status 0 as "$OWNER" -l due publish --date 20.11.2026 \
	--today 20.11.2026
expect_status 0 as "$OWNER" -l due tp set 2.1 --kind "Почта России"
fill late "Министерство опозданий" 12 01.10.2026
rm "$LISTS/minfin.db"
expect_status 2 as "$OWNER" lists --status --today "$(date +%d.%m.%Y)"
expect_in "$WORK/out" "ПРОСРОЧЕНО"
# Overdue first, then due, then clean.
order=$(grep -oE '^(late|due|clean)' "$WORK/out" | tr '\n' ' ')
[ "$order" = "late due clean " ] || fail "order of lists: $order"
expect_status 2 as "$OWNER" lists --status --format csv \
	--today "$(date +%d.%m.%Y)"
expect_in "$WORK/out" '"Перечень","Орган","Последняя редакция"'
expect_in "$WORK/out" '"late","Министерство опозданий","1: приказ № 12 от 01.10.2026","нет"'
expect_status 2 as "$OWNER" lists --status --format html \
	--today "$(date +%d.%m.%Y)"
expect_in "$WORK/out" "<td>Министерство сроков</td>"
expect_in "$WORK/out" "<td>к сроку</td>"
# The clean one alone: nothing to do, exit 0.
rm "$LISTS/late.db" "$LISTS/due.db"
expect_status 0 as "$OWNER" lists --status --today "$(date +%d.%m.%Y)"
expect_in "$WORK/out" "в порядке"
echo "ok"
